-- lib/tyle.lua: tỷ lệ (percentage) helpers shared by the rule files.
--   local tyle = require "lib.tyle"
--   tyle.ratio(3, 4)        --> 0.75 (0 when the denominator is 0)
--   tyle.pct(0.725)         --> "72,5%" (Vietnamese decimal comma)
--   tyle.phan(45, 60)       --> "45/60 (75%)"
--   tyle.dat(45, 60, 0.5)   --> true, "45/60 (75%)"  (share >= 50%?)
local M = {}

function M.ratio(n, d)
  if d == nil or d == 0 then return 0 end
  return n / d
end

-- 1234.5 -> "1234,5"; 12.0 -> "12": `digits` decimals at most (default 1),
-- trailing zeros dropped, Vietnamese decimal comma
function M.so(x, digits)
  local s = string.format("%." .. (digits or 1) .. "f", x or 0)
  if s:find(".", 1, true) then s = s:gsub("0+$", ""):gsub("%.$", "") end
  return (s:gsub("%.", ","))
end

-- 0.725 -> "72,5%"
function M.pct(r)
  return M.so((r or 0) * 100, 1) .. "%"
end

function M.phan(n, d)
  return string.format("%d/%d (%s)", n, d, M.pct(M.ratio(n, d)))
end

-- share n/d at least `need`? Returns ok, detail.
-- An empty group (d == 0) never passes.
function M.dat(n, d, need)
  return d > 0 and n / d >= need, M.phan(n, d)
end

-- clamp x into [lo, hi]
function M.kep(x, lo, hi)
  if x < lo then return lo end
  if x > hi then return hi end
  return x
end

-- round to `digits` decimals (half away from zero), for readable points
function M.lam_tron(x, digits)
  local f = 10 ^ (digits or 2)
  if x >= 0 then return math.floor(x * f + 0.5) / f end
  return -math.floor(-x * f + 0.5) / f
end

-- "2021-04-28" -> "28/04/2021" (dates reach Lua as ISO strings)
function M.ngay(d)
  if d == nil then return "không rõ" end
  local y, mo, da = d:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return d end
  return da .. "/" .. mo .. "/" .. y
end

return M
