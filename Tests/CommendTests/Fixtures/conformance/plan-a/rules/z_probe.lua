local function ids(t) local r = {} for i, x in ipairs(t) do r[i] = type(x) == "table" and x.id or x end return table.concat(r, ",") end
award "probe" { name = "Probe", subject = "unit", phases = { "dot2" },
  applies = function(u, ctx) return u.id == "U1" or u.id == "U3" end,
  criteria = {
    { id = "mem", text = "m", check = function(u, ctx) return true, ids(ctx.members_of(u.id)) end },
    { id = "chi", text = "c", check = function(u, ctx) return true, ids(ctx.children(u.id)) end },
    { id = "plan", text = "p", check = function(u, ctx) local p, ph = ctx.plan, ctx.phase
        return true, p.id .. "|" .. p.name .. "|" .. p.year .. "|" .. ph.id .. "|" .. ph.name .. "|" .. ph.from .. "|" .. ph.to end },
    { id = "elig", text = "e", check = function(u, ctx)
        return true, tostring(ctx.eligible("ldg", "M01")) .. tostring(ctx.awarded("ldg", "M01")) .. tostring(ctx.awarded("ldg", "M02")) .. tostring(ctx.eligible("ldg", "M06")) end },
    { id = "score", text = "s", check = function(u, ctx)
        return true, tostring(ctx.total("cdcs", u.id)) .. "|" .. tostring(ctx.rank("cdcs", u.id)) .. "|" .. tostring(ctx.grade("cdcs", u.id)) .. "|" .. math.type(ctx.rank("cdcs", "U2") or 0.5) end },
    { id = "hist", text = "h", check = function(u, ctx)
        return true, ids(ctx.history("U2", "co")) .. "|" .. ctx.streak("U2", "co") .. "|" .. ids(ctx.history("U3", "co")) .. "|" .. ctx.streak("U3", "co") end },
    { id = "facts", text = "f", check = function(u, ctx)
        local f = ctx.facts("M04", "dot1")
        return true, f.unit .. "|" .. f.rating .. "|" .. ctx.member("M04").unit .. "|" .. ctx.member("M01").name .. "|" .. tostring(ctx.unit("nope")) .. "|" .. ctx.member("M02").joined .. "|" .. ctx.unit("U2").founded end },
    { id = "fail", text = "x", check = function(u, ctx) return u.id == "U1", "not U1" end },
  } }
