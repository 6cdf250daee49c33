-- lib/donvi.lua: counting over a unit's members or child units.
-- Use it only in unit-level rules: it walks every direct member of the
-- unit, which is cheap once per unit but not once per member.
--   local donvi = require "lib.donvi"
--   local n, d = donvi.dem(ctx, u.id, function(m) return ctx.awarded("lao-dong-tien-tien", m.id) end)
local M = {}

-- ctx.members_of / ctx.children give subjects ordered by id; accept plain
-- ids as well, so that the helpers do not depend on that detail.
local function subject(x, get)
  if type(x) == "table" then return x end
  return get(x)
end

-- count the unit's direct members that satisfy pred(member): returns
-- count, total
function M.dem(ctx, unit_id, pred)
  local list = ctx.members_of(unit_id)
  local n = 0
  for i = 1, #list do
    if pred(subject(list[i], ctx.member)) then n = n + 1 end
  end
  return n, #list
end

-- the same over the unit's direct child units
function M.dem_con(ctx, unit_id, pred)
  local list = ctx.children(unit_id)
  local n = 0
  for i = 1, #list do
    if pred(subject(list[i], ctx.unit)) then n = n + 1 end
  end
  return n, #list
end

-- sum f(member) over the unit's direct members: returns sum, total
function M.tong(ctx, unit_id, f)
  local list = ctx.members_of(unit_id)
  local s = 0
  for i = 1, #list do
    s = s + (f(subject(list[i], ctx.member)) or 0)
  end
  return s, #list
end

-- call f(member) for each direct member of the unit; returns their count
function M.duyet(ctx, unit_id, f)
  local list = ctx.members_of(unit_id)
  for i = 1, #list do
    f(subject(list[i], ctx.member))
  end
  return #list
end

return M
