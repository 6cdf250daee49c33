-- library-corpus.lua -- the cases of the library differential test
-- (LibraryDifferentialTests.swift): table.move, table.insert, table.remove,
-- table.concat, table.sort and string.rep, run once with the system liblua5.4's own
-- functions and once with Commend's bounded ones. Each case returns its
-- outcome as a string: the results (or the error message) and the tables
-- it touched, element by element.
local ser, serpack = serialize.ser, serialize.serpack
local concat, maxint, minint = table.concat, math.maxinteger, math.mininteger

-- a table's contents at the indices a case can reach (plus its length)
local function show(v)
  if type(v) ~= "table" then return ser(v) end
  local parts = {}
  for i = -2, 14 do
    local x = rawget(v, i)
    if x ~= nil then parts[#parts + 1] = i .. "=" .. ser(x) end
  end
  return "{" .. concat(parts, ",") .. "}#" .. rawlen(v)
end

local function outcome(...)
  local r = table.pack(...)
  local out = {}
  for i = 1, r.n do out[i] = show(r[i]) end
  return "(" .. concat(out, ",") .. ")"
end

local cases = {}
-- f builds its data, calls the library and returns what to compare
local function case(name, f) cases[#cases + 1] = { name = name, f = f } end

local function list(n, holes)
  local t = {}
  for i = 1, n do if not (holes and i % 3 == 0) then t[i] = "v" .. i end end
  return t
end

-- a table whose length, reads and writes go through metamethods
local function proxy(n)
  local store = list(n)
  local log = {}
  local t = setmetatable({}, {
    __len = function() return n end,
    __index = function(_, k) return store[k] end,
    __newindex = function(_, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v); store[k] = v end,
  })
  return t, store, log
end

---------------------------------------------------------------------------
-- hand-written cases
---------------------------------------------------------------------------
local ints = { -1, 0, 1, 2, 3, 4, 5, 6 }
for _, f in ipairs(ints) do
  for _, e in ipairs(ints) do
    for _, t in ipairs({ -1, 0, 1, 2, 3, 5, 7 }) do
      case("move " .. f .. " " .. e .. " " .. t, function()
        local a = list(5)
        return table.move(a, f, e, t), a
      end)
    end
    case("move into other " .. f .. " " .. e, function()
      local a, b = list(5), list(3)
      return table.move(a, f, e, 2, b), a, b
    end)
  end
end
for _, args in ipairs({
  { 1, 2 }, { 1, 2, 3, 4, 5, 6 }, { "x", 1, 1 }, { 1.5, 2, 1 }, { 1, 2, "3" },
  { minint, -1, 1 }, { -1, maxint, 1 }, { 1, maxint, 2 }, { 0, maxint - 1, 2 },
  { 1, 2, maxint }, { 1, 2, maxint - 1 }, { 2, 1, maxint }, { minint, minint, 1 },
}) do
  case("move args " .. concat(args, ","), function()
    local a = list(3)
    return table.move(a, table.unpack(args)), a
  end)
end
case("move non-table", function() return table.move(nil, 1, 2, 3) end)
case("move string", function() return table.move("abc", 1, 2, 3) end)
case("move into number", function() return table.move({}, 1, 2, 3, 7) end)
case("move into string", function() return table.move({ 1 }, 1, 1, 1, "s") end)
case("move proxy", function()
  local p, store, log = proxy(4)
  return table.move(p, 1, 4, 2), store, concat(log, " ")
end)
case("move proxy overlap down", function()
  local p, store, log = proxy(4)
  return table.move(p, 2, 4, 1), store, concat(log, " ")
end)
case("move no metamethods", function()
  return table.move(setmetatable({}, {}), 1, 1, 1)
end)
case("move userdata-like without __newindex", function()
  local src = setmetatable({}, { __index = function(_, k) return k end })
  local dst = setmetatable({}, { __index = {} })
  return table.move(src, 1, 3, 1, dst), rawget(dst, 1)
end)

for _, n in ipairs({ 0, 1, 3, 5 }) do
  for _, pos in ipairs({ -1, 0, 1, 2, n, n + 1, n + 2, maxint, minint }) do
    case("insert " .. n .. " at " .. pos, function()
      local t = list(n)
      table.insert(t, pos, "new")
      return t
    end)
    case("remove " .. n .. " at " .. pos, function()
      local t = list(n)
      return table.remove(t, pos), t
    end)
  end
  case("insert " .. n .. " at end", function()
    local t = list(n)
    table.insert(t, "new")
    return t
  end)
  case("remove " .. n .. " last", function()
    local t = list(n)
    return table.remove(t), t
  end)
  case("insert " .. n .. " nil", function()
    local t = list(n)
    table.insert(t, 1, nil)
    return t
  end)
end
case("insert no value", function() return table.insert({}) end)
case("insert too many", function() return table.insert({}, 1, 2, 3) end)
case("insert pos not integer", function() return table.insert({}, 1.5, "x") end)
case("insert pos string", function() return table.insert({}, "1", "x") end)
case("insert pos bad string", function() return table.insert({}, "a", "x") end)
case("insert non-table", function() return table.insert(nil, "x") end)
case("insert proxy", function()
  local p, store, log = proxy(3)
  table.insert(p, 2, "new")
  return store, concat(log, " ")
end)
case("remove proxy", function()
  local p, store, log = proxy(3)
  return table.remove(p, 1), store, concat(log, " ")
end)
case("insert __len not integer", function()
  return table.insert(setmetatable({}, { __len = function() return 1.5 end }), "x")
end)
case("insert __len string", function()
  return table.insert(setmetatable({}, { __len = function() return "2" end }), "x")
end)
case("remove __len table", function()
  return table.remove(setmetatable({}, { __len = function() return {} end }))
end)
case("remove pos float", function() return table.remove(list(3), 2.0) end)
case("remove pos 2.5", function() return table.remove(list(3), 2.5) end)
case("remove holes", function() local t = list(6, true) return table.remove(t, 1), t end)

for _, sep in ipairs({ "", ", ", "\0" }) do
  for _, range in ipairs({ {}, { 2 }, { 2, 4 }, { 4, 2 }, { 3, 3 }, { 0, 2 },
                           { -1, 1 }, { 1, 7 }, { maxint, maxint }, { minint, minint } }) do
    case("concat " .. sep .. " " .. concat(range, ","), function()
      return table.concat({ "a", 2, 3.5, "d", "e" }, sep, table.unpack(range))
    end)
  end
end
case("concat holes", function() return table.concat(list(6, true)) end)
case("concat table item", function() return table.concat({ "a", {}, "c" }, "-") end)
case("concat boolean item", function() return table.concat({ true }) end)
case("concat bad sep", function() return table.concat({ "a" }, {}) end)
case("concat number sep", function() return table.concat({ "a", "b" }, 0) end)
case("concat non-table", function() return table.concat("ab") end)
case("concat proxy", function() local p = proxy(3) return table.concat(p, "+") end)
case("concat large index", function() return table.concat({}, "", maxint - 1, maxint) end)
case("concat floats", function() return table.concat({ 1.0, -0.0, 1e100, 2^63 }, " ") end)

for _, s in ipairs({ "", "x", "ab", "\0" }) do
  for _, n in ipairs({ minint, -1, 0, 1, 2, 5 }) do
    for _, sep in ipairs({ nil, "", "-", "\0\0" }) do
      case("rep " .. ser(s) .. " " .. n .. " " .. ser(sep), function()
        return string.rep(s, n, sep)
      end)
    end
  end
end
case("rep method", function() return ("ab"):rep(3, ",") end)
case("rep too large", function() return string.rep("xx", maxint) end)
case("rep too large sep", function() return string.rep("x", maxint, "y") end)
case("rep number subject", function() return string.rep(12, 2) end)
case("rep float count", function() return string.rep("x", 2.0) end)
case("rep bad count", function() return string.rep("x", 2.5) end)
case("rep string count", function() return string.rep("x", "3") end)
case("rep no count", function() return string.rep("x") end)
case("rep bad sep", function() return string.rep("x", 2, {}) end)
case("rep nothing", function() return string.rep() end)

local function cmp_gt(a, b) return a > b end
for _, n in ipairs({ 0, 1, 2, 5, 40, 99 }) do
  case("sort " .. n, function()
    local t = {}
    for i = 1, n do t[i] = (i * 37) % 11 end
    table.sort(t)
    return t
  end)
  case("sort desc " .. n, function()
    local t = {}
    for i = 1, n do t[i] = "k" .. ((i * 13) % 7) end
    table.sort(t, cmp_gt)
    return t
  end)
end
case("sort bad comparator", function()
  local t = {}
  for i = 1, 50 do t[i] = i % 5 end
  table.sort(t, function() return true end)
  return t
end)
case("sort comparator not a function", function() return table.sort({ 2, 1 }, 3) end)
case("sort comparator ignored for one element", function() return table.sort({ 1 }, 3) end)
case("sort mixed types", function() return table.sort({ 1, "x", 2 }) end)
case("sort non-table", function() return table.sort("abc") end)
case("sort nil", function() return table.sort() end)
case("sort array too big", function()
  return table.sort(setmetatable({}, { __len = function() return math.maxinteger end }))
end)
case("sort proxy", function()
  local p, store = proxy(5)
  table.sort(p, cmp_gt)
  return store
end)

---------------------------------------------------------------------------
-- generated cases: small tables with holes, positions and ranges around
-- their ends (fixed seed)
---------------------------------------------------------------------------
math.randomseed(7031, 11)
local R = math.random
for _ = 1, 1500 do
  local n, holes = R(0, 7), R(4) == 1
  local a, b, c = R(-2, 9), R(-2, 9), R(-2, 9)
  local which = R(5)
  if which == 1 then
    local other = R(3) == 1
    case(("gen move %d %s %d %d %d %s"):format(n, holes, a, b, c, other), function()
      local t, u = list(n, holes), other and list(2) or nil
      return table.move(t, a, b, c, u), t, u
    end)
  elseif which == 2 then
    case(("gen insert %d %s %d"):format(n, holes, a), function()
      local t = list(n, holes)
      table.insert(t, a, "new")
      return t
    end)
  elseif which == 3 then
    local given = R(2) == 1
    case(("gen remove %d %s %s"):format(n, holes, given and a or "-"), function()
      local t = list(n, holes)
      if given then return table.remove(t, a), t end
      return table.remove(t), t
    end)
  elseif which == 4 then
    case(("gen concat %d %s %d %d"):format(n, holes, a, b), function()
      return table.concat(list(n, holes), R(2) == 1 and "" or ";", a, b)
    end)
  else
    local s = ({ "", "a", "xyz" })[R(3)]
    local sep = ({ nil, "", "," })[R(3)]
    case(("gen rep %q %d %s"):format(s, a, tostring(sep)), function()
      return string.rep(s, a, sep)
    end)
  end
end

---------------------------------------------------------------------------
-- what the Swift side calls
---------------------------------------------------------------------------
local api = {}
function api.count() return #cases end
function api.name(i) return cases[i].name end
function api.run(i) return outcome(pcall(cases[i].f)) end
return api
