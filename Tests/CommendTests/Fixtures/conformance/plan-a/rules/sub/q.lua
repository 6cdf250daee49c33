local function has(m, ctx) return m.initiatives ~= nil and m.initiatives > 0, "init=" .. tostring(m.initiatives) end
award "q-round" { name = "Round", subject = "member",
  criteria = { { id = "init", text = "Có sáng kiến", check = has } },
  quota = { share = 0.5, rounding = "round" } }
award "q-ceil" { name = "Ceil", subject = "member",
  criteria = { { id = "init", text = "Có sáng kiến", check = has } },
  quota = { share = 0.1, max = 5, rounding = "ceil", order = function(m) return m.initiatives end } }
award "q-max" { name = "Max", subject = "member", phases = { "dot1" },
  criteria = { { id = "init", text = "Có sáng kiến", check = has } },
  quota = { max = 2, order = function(m) return -m.initiatives end } }
