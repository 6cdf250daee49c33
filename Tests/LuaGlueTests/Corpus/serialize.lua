-- serialize.lua -- how the corpora write down what a call returned, the
-- same way in both states: strings quoted, numbers with their subtype.
local fmt, concat = string.format, table.concat

local function ser(v)
  local t = type(v)
  if t == "string" then return fmt("%q", v)
  elseif t == "number" then return math.type(v) .. ":" .. fmt("%q", v)
  else return tostring(v) end
end

local function serpack(r)
  local out = {}
  for i = 1, r.n do out[i] = ser(r[i]) end
  return "(" .. concat(out, ",") .. ")"
end

return { ser = ser, serpack = serpack }
