-- lib/sangkien.lua: a member's initiatives (sáng kiến).
-- The phase files report them from the start of the year to the end of
-- the phase (tính đến hết đợt), so the đợt 2 row holds the whole year.
--   local sk = require "lib.sangkien"
--   local n, scope, benefit = sk.nam(m)
local xl = require "lib.xeploai"

local M = {}

-- count, highest scope (or nil) and summed benefit (triệu đồng)
function M.nam(m)
  local n = m.initiatives or 0
  if n == 0 then return 0, nil, 0 end
  return n, m.initiative_scope, m.benefit or 0
end

-- "2 sáng kiến, phạm vi cấp tỉnh"
function M.mo_ta(n, scope)
  if n == 0 then return "chưa có sáng kiến được công nhận" end
  local s = string.format("%d sáng kiến", n)
  if scope ~= nil then s = s .. ", phạm vi " .. xl.PHAM_VI_NHAN[scope] end
  return s
end

-- a number for quota order: more initiatives first, then wider scope
function M.diem(n, scope)
  return n * 10 + (scope and xl.PHAM_VI[scope] or 0) * 3
end

return M
