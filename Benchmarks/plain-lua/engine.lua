#!/usr/bin/env lua5.4
-- Benchmarks/plain-lua/engine.lua: the plain-Lua baseline of the Commend
-- benchmark. A single-threaded engine in standard Lua 5.4 (no C modules)
-- that runs the same rule files as the Swift engine and writes the JSON
-- result of RULES.md section 5.
--
--   lua5.4 Benchmarks/plain-lua/engine.lua --rules rules --data DIR \
--          --phase dot1 --out result.json
--
-- Prints to stderr the seconds spent loading rules, loading data,
-- evaluating and writing the JSON (CPU time from os.clock and wall time
-- from /proc/uptime, 10 ms resolution).
--
-- What it implements: the DSL (plan, award, scoring, enum, require "lib.x"),
-- CSV data (BOM, `,` `;` tab separators, RFC 4180 quotes, decimal comma with
-- `;`, typed declared fields, empty cell = nil, every data error reported with
-- file:line and column up to a cap), one phase per RULES.md 2.2-2.4 (applies,
-- every criterion evaluated with its detail, quotas with groups / base /
-- order / id tie-break / rounding, cross references evaluated first with
-- cycle detection, scorings with clamping, bonus, penalty, competition ranks
-- with tiebreaks and grades, the whole ctx API), read-only subjects, and a
-- byte-stable JSON result.
--
-- What it leaves out, as a baseline may (each makes it faster, not slower):
--   * no instruction budget, memory cap or wall-clock limit on rule code
--     (the Swift engine pays for a count hook and a counting allocator);
--     the sandbox is an environment with the allowed globals and read-only
--     libraries, not a hardened one;
--   * data.json is not read (CSV only);
--   * only the files the evaluation needs are read and checked: base files,
--     history, the evaluated phase's files, and another phase's file only
--     when a rule asks ctx.facts for that phase (lazily, on first use).
--
-- Choices where RULES.md is silent (the Python baseline makes the same ones):
--   * quota limit: share * base is first rounded to 1e-9 (so that 0.2 * 15
--     is 3, not 3.0000000000000004, before ceil), then floor / round (half
--     up) / ceil; the Swift engine does the same;
--   * a quota's order must return a number (an error otherwise);
--   * subjects whose `within` (quota) or `group` (scoring) field is nil form
--     one group of their own, listed first among the groups (JSON null);
--   * a phase cell that is empty leaves the base row's value in place;
--   * numbers: integers as %d, floats as the shortest of %.15g/%.16g/%.17g
--     that reads back to the same double.
--
-- rules_digest is a real SHA-256 (pure Lua below) over every .lua file of
-- the rules directory sorted by path bytes, each fed as: path, NUL, byte
-- count in decimal, NUL, contents (the encoding of Sources/Commend/Rules/
-- RuleFiles.swift).

local clock = os.clock
local function wall()
  local f = io.open("/proc/uptime", "r")
  if f then
    local t = f:read("n"); f:close()
    if t then return t end
  end
  return os.time()
end

local sfind, ssub, sformat, smatch, sgsub = string.find, string.sub, string.format, string.match, string.gsub
local sbyte = string.byte
local concat, tsort, mtype, floor, ceil = table.concat, table.sort, math.type, math.floor, math.ceil

---------------------------------------------------------------------------
-- command line

local function usage(msg)
  io.stderr:write((msg and (msg .. "\n") or ""),
    "usage: lua5.4 engine.lua --rules DIR --data DIR --phase ID --out FILE\n")
  os.exit(2)
end

local OPT = {}
do
  local i = 1
  while i <= #arg do
    local a = arg[i]
    local name = smatch(a, "^%-%-(%w+)$")
    if not name or not arg[i + 1] then usage("bad argument: " .. a) end
    OPT[name] = arg[i + 1]
    i = i + 2
  end
  if not OPT.rules or not OPT.data or not OPT.phase or not OPT.out then usage() end
end
local RULES, DATA, PHASE_ID, OUT = OPT.rules, OPT.data, OPT.phase, OPT.out
local RULES_SHOWN = (RULES == "." or RULES == "") and "" or (sgsub(RULES, "/+$", "") .. "/")

local function die(code, msg)
  io.stderr:write(msg, "\n")
  os.exit(code)
end

local function shell_quote(s) return "'" .. sgsub(s, "'", "'\\''") .. "'" end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a"); f:close()
  return s
end

---------------------------------------------------------------------------
-- SHA-256 (FIPS 180-4), Lua 5.4 integers

local function sha256(msg)
  local K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 }
  local M32 = 0xffffffff
  local function ror(x, n) return ((x >> n) | (x << (32 - n))) & M32 end
  local h0, h1, h2, h3 = 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
  local h4, h5, h6, h7 = 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  local len = #msg
  msg = msg .. "\128" .. string.rep("\0", (55 - len) % 64) .. string.pack(">I8", len * 8)
  local w = {}
  for pos = 1, #msg, 64 do
    for i = 1, 16 do w[i] = string.unpack(">I4", msg, pos + (i - 1) * 4) end
    for i = 17, 64 do
      local a, b = w[i - 15], w[i - 2]
      local s0 = ror(a, 7) ~ ror(a, 18) ~ (a >> 3)
      local s1 = ror(b, 17) ~ ror(b, 19) ~ (b >> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) & M32
    end
    local a, b, c, d, e, f, g, h = h0, h1, h2, h3, h4, h5, h6, h7
    for i = 1, 64 do
      local S1 = ror(e, 6) ~ ror(e, 11) ~ ror(e, 25)
      local ch = (e & f) ~ (~e & g)
      local t1 = (h + S1 + ch + K[i] + w[i]) & M32
      local S0 = ror(a, 2) ~ ror(a, 13) ~ ror(a, 22)
      local maj = (a & b) ~ (a & c) ~ (b & c)
      local t2 = (S0 + maj) & M32
      h, g, f, e, d, c, b, a = g, f, e, (d + t1) & M32, c, b, a, (t1 + t2) & M32
    end
    h0, h1, h2, h3 = (h0 + a) & M32, (h1 + b) & M32, (h2 + c) & M32, (h3 + d) & M32
    h4, h5, h6, h7 = (h4 + e) & M32, (h5 + f) & M32, (h6 + g) & M32, (h7 + h) & M32
  end
  return sformat("%08x%08x%08x%08x%08x%08x%08x%08x", h0, h1, h2, h3, h4, h5, h6, h7)
end

---------------------------------------------------------------------------
-- rules

local T0c, T0w = clock(), wall()

-- every .lua file, path relative to the rules directory, in byte order
-- (Lua compares strings with strcoll; lua5.4 never calls setlocale, so this
-- is the C locale: byte order)
local ALL_FILES = {}
do
  local p = io.popen("cd " .. shell_quote(RULES) .. " && find . -type f -name '*.lua' 2>/dev/null")
  for line in p:lines() do ALL_FILES[#ALL_FILES + 1] = sgsub(line, "^%./", "") end
  p:close()
  tsort(ALL_FILES)
  if #ALL_FILES == 0 then die(1, RULES .. ": no .lua files") end
end

local RULES_DIGEST
do
  local parts = {}
  for _, rel in ipairs(ALL_FILES) do
    local body = read_file(RULES .. "/" .. rel) or ""
    parts[#parts + 1] = rel .. "\0" .. #body .. "\0" .. body
  end
  RULES_DIGEST = "sha256:" .. sha256(concat(parts))
end

local PLAN, PLAN_WHERE
local DECLS = {}        -- every award and scoring, in declaration order
local BY_ID = {}        -- id -> declaration
local DIAGNOSTICS = {}
local problems = {}
local function problem(msg) problems[#problems + 1] = msg end

-- file:line of the rule code that called the DSL function calling this
local function caller_where(level)
  local info = debug.getinfo(level + 1, "Sl")
  if not info then return "?" end
  local src = info.source
  if ssub(src, 1, 1) == "@" then src = ssub(src, 2) end
  return src .. ":" .. (info.currentline or 0), src, info.currentline
end

local ENUM_MT = {}
local function enum_fn(list)
  if type(list) ~= "table" then error("enum expects an array of strings", 2) end
  local set = {}
  for _, v in ipairs(list) do set[v] = true end
  return setmetatable({ values = list, set = set }, ENUM_MT)
end

local function plan_fn(t)
  local w = caller_where(2)
  if type(t) ~= "table" then error("plan expects a table", 2) end
  if PLAN then problem(w .. ": a second plan (the first is at " .. PLAN_WHERE .. ")") return end
  PLAN, PLAN_WHERE = t, w
end

local AWARD_KEYS = { name = 1, subject = 1, movement = 1, phases = 1, applies = 1, criteria = 1, quota = 1 }
local QUOTA_KEYS = { share = 1, max = 1, base = 1, within = 1, order = 1, rounding = 1 }
local SCORING_KEYS = { name = 1, subject = 1, movement = 1, phases = 1, applies = 1, group = 1, items = 1,
                       bonus = 1, penalty = 1, tiebreak = 1, grades = 1 }

local function declare(kind, keys)
  return function(id)
    local w = caller_where(2)
    if type(id) ~= "string" then error(kind .. " expects an id string", 2) end
    return function(t)
      if type(t) ~= "table" then error(kind .. " " .. id .. " expects a table", 2) end
      for k in pairs(t) do
        if not keys[k] then problem(w .. ": " .. kind .. " " .. id .. ": unknown key " .. tostring(k)) end
      end
      if BY_ID[id] then problem(w .. ": duplicate id " .. id .. " (also at " .. BY_ID[id].where .. ")") return end
      local d = { id = id, kind = kind, where = w, spec = t, name = t.name, movement = t.movement,
                  phases = t.phases, applies = t.applies }
      if kind == "award" then
        d.subject = t.subject
        d.criteria = t.criteria or {}
        d.quota = t.quota
      else
        d.subject = t.subject or "unit"
        d.items = t.items or {}
        d.bonus, d.penalty = t.bonus, t.penalty
        d.tiebreak = t.tiebreak or {}
        d.grades = t.grades or {}
        d.group = t.group
      end
      BY_ID[id] = d
      DECLS[#DECLS + 1] = d
    end
  end
end

local function readonly(t, name)
  return setmetatable({}, { __index = t, __metatable = false,
    __newindex = function(_, k) error("cannot assign " .. tostring(k) .. " into " .. name, 2) end })
end

-- the string metatable: no dump, and hidden from rule code
local SAFE_STRING = {}
for k, v in pairs(string) do if k ~= "dump" then SAFE_STRING[k] = v end end
do
  local smt = getmetatable("")
  smt.__index = SAFE_STRING
  smt.__metatable = false
end
math.randomseed(0)   -- deterministic per run

local function lua_print(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = tostring((select(i, ...))) end
  local _, file, line = caller_where(2)
  DIAGNOSTICS[#DIAGNOSTICS + 1] = { level = "info", message = concat(parts, "\t"), file = file, line = line }
end

local BASE_ENV = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall,
  xpcall = xpcall, select = select, tonumber = tonumber, tostring = tostring, type = type,
  rawequal = rawequal, rawget = rawget, rawlen = rawlen, setmetatable = setmetatable,
  getmetatable = getmetatable, print = lua_print,
  string = readonly(SAFE_STRING, "string"), table = readonly(table, "table"),
  math = readonly(math, "math"), utf8 = readonly(utf8, "utf8"),
  os = readonly({ date = os.date, time = os.time, clock = os.clock }, "os"),
  plan = plan_fn, award = declare("award", AWARD_KEYS), scoring = declare("scoring", SCORING_KEYS),
  enum = enum_fn,
}

local MODULES, LOADING = {}, {}
local make_env
local function require_fn(name)
  if type(name) ~= "string" then error("require expects a module name", 2) end
  local lib = smatch(name, "^lib%.([%w_%-]+)$")
  if not lib then error("require: only lib modules (require \"lib.name\"): " .. name, 2) end
  local v = MODULES[name]
  if v ~= nil then return v end
  if LOADING[name] then error("require: circular require of " .. name, 2) end
  local rel = "lib/" .. lib .. ".lua"
  local body = read_file(RULES .. "/" .. rel)
  if not body then error("require: no module " .. rel, 2) end
  local chunk, err = load(body, "@" .. RULES_SHOWN .. rel, "t", make_env())
  if not chunk then error(err, 0) end
  LOADING[name] = true
  v = chunk()
  LOADING[name] = nil
  if v == nil then v = true end
  MODULES[name] = v
  return v
end

make_env = function()
  local env = {}
  for k, v in pairs(BASE_ENV) do env[k] = v end
  env.require = require_fn
  return env
end

for _, rel in ipairs(ALL_FILES) do
  if not sfind(rel, "^lib/") and not sfind(rel, "^tests/") then
    local body = read_file(RULES .. "/" .. rel)
    local chunk, err = load(body, "@" .. RULES_SHOWN .. rel, "t", make_env())
    if not chunk then die(1, err) end
    local ok, e = pcall(chunk)
    if not ok then die(1, tostring(e)) end
  end
end
if not PLAN then die(1, RULES .. ": no plan{} in any rule file") end

-- the checks the evaluation relies on (a subset of `commend check`)
local PHASES = {}
for _, ph in ipairs(PLAN.phases or {}) do PHASES[ph.id] = ph end
PLAN.fields = PLAN.fields or {}
for _, d in ipairs(DECLS) do
  for _, ph in ipairs(d.phases or {}) do
    if not PHASES[ph] then problem(d.where .. ": " .. d.kind .. " " .. d.id .. ": unknown phase " .. tostring(ph)) end
  end
  if d.subject ~= "member" and d.subject ~= "unit" then
    problem(d.where .. ": " .. d.kind .. " " .. d.id .. ": subject must be \"member\" or \"unit\"")
  end
  if d.kind == "award" then
    for _, c in ipairs(d.criteria) do
      if type(c.check) ~= "function" then problem(d.where .. ": award " .. d.id .. ": criterion " .. tostring(c.id) .. " without check") end
    end
    local q = d.quota
    if q then
      for k in pairs(q) do if not QUOTA_KEYS[k] then problem(d.where .. ": award " .. d.id .. ": unknown quota key " .. tostring(k)) end end
      if q.base and (not BY_ID[q.base] or BY_ID[q.base].kind ~= "award") then
        problem(d.where .. ": award " .. d.id .. ": quota base " .. tostring(q.base) .. " is not an award")
      end
      local r = q.rounding or "floor"
      if r ~= "floor" and r ~= "round" and r ~= "ceil" then problem(d.where .. ": award " .. d.id .. ": bad rounding " .. tostring(r)) end
    end
  else
    local items = {}
    for _, it in ipairs(d.items) do
      if type(it.max) ~= "number" then problem(d.where .. ": scoring " .. d.id .. ": item " .. tostring(it.id) .. " without max") end
      if type(it.points) ~= "function" then problem(d.where .. ": scoring " .. d.id .. ": item " .. tostring(it.id) .. " without points") end
      items[it.id] = true
    end
    for _, tb in ipairs(d.tiebreak) do
      if not items[tb] then problem(d.where .. ": scoring " .. d.id .. ": tiebreak " .. tostring(tb) .. " is not an item") end
    end
  end
end
if #problems > 0 then die(1, concat(problems, "\n")) end
local PHASE = PHASES[PHASE_ID]
if not PHASE then usage("unknown phase " .. PHASE_ID) end

local T1c, T1w = clock(), wall()

---------------------------------------------------------------------------
-- data

local MAX_SHOWN = 50
local data_errors, data_error_count = {}, 0
local function data_error(msg)
  data_error_count = data_error_count + 1
  if data_error_count <= MAX_SHOWN then data_errors[#data_errors + 1] = msg end
end

local BOOL = { ["true"] = true, ["false"] = false, ["1"] = true, ["0"] = false, yes = true, no = false,
               x = true, ["có"] = true, ["cÓ"] = true, ["không"] = false, ["khÔng"] = false,
               ["co\204\129"] = true, ["cO\204\129"] = true, ["kho\204\130ng"] = false, ["khO\204\130ng"] = false }

-- converter for a declared type: returns value, or nil, "what was expected"
local function converter(ty, decimal_comma)
  if ty == nil or ty == "string" then return nil end
  if getmetatable(ty) == ENUM_MT then
    local set = ty.set
    local expect = "one of " .. concat(ty.values, ", ")
    return function(v) if set[v] then return v end return nil, expect end
  elseif ty == "int" then
    return function(v)
      if sfind(v, "^[+-]?%d+$") then
        local x = tonumber(v)
        if mtype(x) == "integer" then return x end
      end
      return nil, "an integer"
    end
  elseif ty == "number" then
    return function(v)
      if decimal_comma then v = sgsub(v, ",", ".") end
      if sfind(v, "^[+-]?%d*%.?%d*$") or sfind(v, "^[+-]?%d*%.?%d*[eE][+-]?%d+$") then
        local x = tonumber(v)
        if x then return x + 0.0 end
      end
      return nil, "a number"
    end
  elseif ty == "bool" then
    return function(v)
      local b = BOOL[string.lower(v)]
      if b ~= nil then return b end
      return nil, "a boolean (true/false, 1/0, yes/no, có/không, x)"
    end
  elseif ty == "date" then
    local DAYS = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
    return function(v)
      local y, m, d = smatch(v, "^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
      if y then
        y, m, d = tonumber(y), tonumber(m), tonumber(d)
        if m >= 1 and m <= 12 and d >= 1 and d <= DAYS[m]
          and (m ~= 2 or d <= 28 or (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0))) then
          return v
        end
      end
      return nil, "a date YYYY-MM-DD"
    end
  end
  error("plan.fields: unknown field type " .. tostring(ty))
end

-- RFC 4180 split of one record starting at `line`; `more()` gives the next
-- physical line when a quoted field spans lines. Returns cells, lines used.
local function split_quoted(line, sep, more)
  local cells, i, used = {}, 1, 1
  while true do
    if ssub(line, i, i) == '"' then
      local buf, j = {}, i + 1
      while true do
        local q = sfind(line, '"', j, true)
        if not q then
          local nxt = more()
          if not nxt then return nil, used end
          buf[#buf + 1] = ssub(line, j) .. "\n"
          line, j, used = nxt, 1, used + 1
        else
          buf[#buf + 1] = ssub(line, j, q - 1)
          if ssub(line, q + 1, q + 1) == '"' then buf[#buf + 1] = '"'; j = q + 2
          else i = q + 1; break end
        end
      end
      cells[#cells + 1] = concat(buf)
      local c = ssub(line, i, i)
      if c == sep then i = i + 1
      elseif c == "" then return cells, used
      else return nil, used end
    else
      local c = sfind(line, sep, i, true)
      if c then cells[#cells + 1] = ssub(line, i, c - 1); i = c + 1
      else cells[#cells + 1] = ssub(line, i); return cells, used end
    end
  end
end

-- memoised conversions: cell text -> value, one table per field type
local MEMOS = {}
local function memo_table(ty, decimal_comma)
  if type(ty) ~= "string" then return nil end
  local key = ty .. (decimal_comma and ";" or ",")
  local m = MEMOS[key]
  if not m then m = {}; MEMOS[key] = m end
  return m
end

-- A row builder specialised for one file's header (generated Lua source,
-- compiled once per file): one string.match with a capture per column, the
-- conversions inline, and either
--   * (base files) a new row made by a table constructor presized for
--     `extra` more keys (the phase columns merged in later), or
--   * (phase files, `merge` given) the non-empty cells written straight into
--     the base row `merge.rows[id]` (`merge.shadow(row, id, col)` is called
--     first for a column that the base file also has).
-- The builder returns the row (or true when merged); nil when the line does
-- not fit the fast path (then the caller parses it the slow way, which also
-- reports any error). Returns nil when the header has too many columns.
local function compile_builder(names, types, convs, sep, extra, merge)
  local n = #names
  if n > 32 then return nil end
  local cell = "([^" .. sep .. "]*)"
  local pat = "^" .. string.rep(cell, n, sep) .. "$"
  local src = { "local match, pat, convs, sets, expects, memo_for, bad, rows, seen, shadow = ...\n" }
  local vars = {}
  for c = 1, n do vars[c] = "c" .. c end
  for c = 1, n do
    if convs[c] then src[#src + 1] = sformat("local conv%d, set%d, memo%d = convs[%d], sets[%d], memo_for(%d)\n", c, c, c, c, c, c) end
  end
  src[#src + 1] = "return function(line)\n"
  src[#src + 1] = "  local " .. concat(vars, ", ") .. " = match(line, pat)\n"
  src[#src + 1] = "  if c1 == nil then return nil end\n"
  local idcol
  if merge then
    for c = 1, n do if names[c] == "id" then idcol = vars[c] end end
    if not idcol then return nil end
    src[#src + 1] = sformat("  local r = rows[%s]\n  if r == nil or seen[%s] then return nil end\n  seen[%s] = true\n",
      idcol, idcol, idcol)
  end
  for c = 1, n do
    local v, ty = vars[c], types[c]
    if not convs[c] then
      src[#src + 1] = sformat("  if %s == '' then %s = nil end\n", v, v)
    elseif getmetatable(ty) == ENUM_MT then
      src[#src + 1] = sformat("  if %s == '' then %s = nil elseif not set%d[%s] then bad(%d, %s, expects[%d]); %s = nil end\n",
        v, v, c, v, c, v, c, v)
    else
      -- int, number, bool, date: the same cell text recurs (dates, counts,
      -- yes/no), so conversions are memoised per column type
      src[#src + 1] = sformat("  if %s == '' then %s = nil else local x = memo%d[%s]; if x == nil then local e; x, e = conv%d(%s); "
        .. "if x == nil then bad(%d, %s, e) else memo%d[%s] = x end end; %s = x end\n",
        v, v, c, v, c, v, c, v, c, v, v)
    end
  end
  if merge then
    for c = 1, n do
      if names[c] ~= "id" then
        src[#src + 1] = sformat("  if %s ~= nil then %sr[%q] = %s end\n", vars[c],
          merge.overlap[names[c]] and sformat("shadow(r, %s, %q); ", idcol, names[c]) or "", names[c], vars[c])
      end
    end
    src[#src + 1] = "  return true\nend\n"
  else
    local fields, seen = {}, {}
    for c = 1, n do
      if not seen[names[c]] then
        seen[names[c]] = true
        fields[#fields + 1] = sformat("[%q] = %s", names[c], vars[c])
      end
    end
    for _, k in ipairs(extra or {}) do
      if not seen[k] then seen[k] = true; fields[#fields + 1] = sformat("[%q] = nil", k) end
    end
    src[#src + 1] = "  return { " .. concat(fields, ", ") .. " }\nend\n"
  end
  local chunk = assert(load(concat(src), "=row builder", "t"))
  return chunk, pat
end

-- Reads DATA/rel. Calls row(r, lineno) for each record: r has the cells by
-- column name, nil for empty, converted for declared columns, builtin
-- columns as strings. `extra`: column names the rows will get later.
-- Returns the header (array of names), or nil when the file does not exist.
local function read_csv(rel, types, builtin, row, extra, merge)
  local f = io.open(DATA .. "/" .. rel, "rb")
  if not f then return nil end
  local header_line = f:read("L")
  if not header_line then f:close() return {} end
  header_line = sgsub(sgsub(header_line, "^\239\187\191", ""), "\r?\n$", "")
  local counts = { [","] = 0, [";"] = 0, ["\t"] = 0 }
  for ch in header_line:gmatch("[,;\t]") do counts[ch] = counts[ch] + 1 end
  local sep = ","
  if counts["\t"] > counts[","] and counts["\t"] >= counts[";"] then sep = "\t"
  elseif counts[";"] > counts[","] then sep = ";" end
  local header = split_quoted(header_line, sep, function() return nil end)
  if not header then f:close() data_error(rel .. ":1: malformed header") return {} end
  local n = #header
  local convs, ctypes, sets, expects = {}, {}, {}, {}
  for c = 1, n do
    if not builtin[header[c]] then
      local ty = types[header[c]]
      convs[c] = converter(ty, sep == ";")
      ctypes[c] = ty
      if getmetatable(ty) == ENUM_MT then sets[c] = ty.set; expects[c] = "one of " .. concat(ty.values, ", ") end
      if ty == "bool" then expects[c] = "a boolean (true/false, 1/0, yes/no, có/không, x)" end
    end
  end
  local names = header
  local lineno = 1
  local function bad(c, v, expect)
    data_error(sformat("%s:%d: column %q: expected %s, found %q", rel, lineno, names[c], expect, v))
  end
  local gen, pat = compile_builder(names, ctypes, convs, sep, extra, merge)
  local build = gen and gen(smatch, pat, convs, sets, expects, function(c) return memo_table(ctypes[c], sep == ";") end,
    bad, merge and merge.rows, merge and merge.seen, merge and merge.shadow)
  local lines = f:lines()
  local function next_line()
    local l = lines()
    if l and sbyte(l, -1) == 13 then l = ssub(l, 1, -2) end
    return l
  end
  while true do
    local line = lines()
    if not line then break end
    lineno = lineno + 1
    if sbyte(line, -1) == 13 then line = ssub(line, 1, -2) end
    if line ~= "" then
      local r
      -- fast path: no quotes, the right number of cells
      if build and not sfind(line, '"', 1, true) then r = build(line) end
      if r then
        if r ~= true then row(r, lineno) end
      else
        local start = lineno
        local cells, used = split_quoted(line, sep, next_line)
        if not cells then
          data_error(sformat("%s:%d: malformed quoted field", rel, start))
        elseif #cells ~= n then
          data_error(sformat("%s:%d: %d cells, the header has %d", rel, start, #cells, n))
        else
          r = {}
          for c = 1, n do
            local v = cells[c]
            if v ~= "" then
              local conv = convs[c]
              if conv then
                local x, expect = conv(v)
                if x == nil then lineno = start; bad(c, v, expect) end
                v = x
              end
              r[names[c]] = v
            end
          end
          row(r, start)
        end
        lineno = start + used - 1
      end
    end
  end
  f:close()
  return header
end

-- the header of a file without reading the rest
local function read_header(rel)
  local f = io.open(DATA .. "/" .. rel, "rb")
  if not f then return {} end
  local l = f:read("L") or ""
  f:close()
  l = sgsub(sgsub(l, "^\239\187\191", ""), "\r?\n$", "")
  local counts = { [","] = 0, [";"] = 0, ["\t"] = 0 }
  for ch in l:gmatch("[,;\t]") do counts[ch] = counts[ch] + 1 end
  local sep = ","
  if counts["\t"] > counts[","] and counts["\t"] >= counts[";"] then sep = "\t"
  elseif counts[";"] > counts[","] then sep = ";" end
  return split_quoted(l, sep, function() return nil end) or {}
end

local FIELDS_UNITS = PLAN.fields.units or {}
local FIELDS_MEMBERS = PLAN.fields.members or {}
local UNIT_BUILTIN = { id = true, name = true, kind = true, parent = true, cluster = true }
local MEMBER_BUILTIN = { id = true, name = true, unit = true }
local ID_ONLY = { id = true }

local UNIT_ROW, MEMBER_ROW = {}, {}          -- id -> data row (merged with the phase)
local UNIT_IDS, MEMBER_IDS = {}, {}          -- ids in file order, then sorted
local UNIT_LINE, MEMBER_LINE = {}, {}

local function load_base(rel, types, builtin, required, rows, ids, lines, extra)
  local header = read_csv(rel, types, builtin, function(r, lineno)
    local id = r.id
    if id == nil then data_error(sformat("%s:%d: column \"id\": empty", rel, lineno)) return end
    if rows[id] then
      data_error(sformat("%s:%d: duplicate id %q (first on line %d)", rel, lineno, id, lines[id]))
      return
    end
    rows[id] = r
    lines[id] = lineno
    ids[#ids + 1] = id
  end, extra)
  if not header then die(2, rel .. ": no such file in " .. DATA) end
  local have = {}
  for _, h in ipairs(header) do have[h] = true end
  for _, col in ipairs(required) do
    if not have[col] then data_error(sformat("%s:1: missing column %q", rel, col)) end
  end
  return header
end

local units_header = load_base("units.csv", FIELDS_UNITS, UNIT_BUILTIN, { "id", "name", "kind", "parent", "cluster" },
  UNIT_ROW, UNIT_IDS, UNIT_LINE, read_header("phases/" .. PHASE_ID .. "/units.csv"))
local members_header = load_base("members.csv", FIELDS_MEMBERS, MEMBER_BUILTIN, { "id", "name", "unit" },
  MEMBER_ROW, MEMBER_IDS, MEMBER_LINE, read_header("phases/" .. PHASE_ID .. "/members.csv"))

-- references between rows
for _, id in ipairs(UNIT_IDS) do
  local p = UNIT_ROW[id].parent
  if p ~= nil and not UNIT_ROW[p] then
    data_error(sformat("units.csv:%d: column \"parent\": unknown unit %q", UNIT_LINE[id], p))
  end
end
do -- cycles of parents
  local state = {}
  for _, id in ipairs(UNIT_IDS) do
    local path, x = {}, id
    while x and UNIT_ROW[x] and not state[x] do
      state[x] = "walking"; path[#path + 1] = x
      x = UNIT_ROW[x].parent
    end
    if x and state[x] == "walking" then
      local cyc, on = {}, false
      for _, y in ipairs(path) do if y == x then on = true end if on then cyc[#cyc + 1] = y end end
      data_error(sformat("units.csv:%d: a cycle of parents: %s", UNIT_LINE[x], concat(cyc, " -> ") .. " -> " .. x))
    end
    for _, y in ipairs(path) do state[y] = "done" end
  end
end
for _, id in ipairs(MEMBER_IDS) do
  local u = MEMBER_ROW[id].unit
  if u == nil or not UNIT_ROW[u] then
    data_error(sformat("members.csv:%d: column \"unit\": unknown unit %q", MEMBER_LINE[id], tostring(u)))
  end
end
do -- phase directories must be declared phases
  local p = io.popen("ls -1 " .. shell_quote(DATA .. "/phases") .. " 2>/dev/null")
  for name in p:lines() do
    if not PHASES[name] then data_error("phases/" .. name .. ": a phase that the plan does not declare") end
  end
  p:close()
end

-- phase facts: merged over the base rows for the evaluated phase; kept
-- apart (lazily read) for ctx.facts on another phase
local PHASE_COLS = { unit = {}, member = {} }          -- columns of the evaluated phase's files
local SHADOWED = { unit = {}, member = {} }            -- id -> {col = base value} overwritten by the phase
local NIL = {}

local function read_phase(pid, kind, fn, merge)
  local rel = "phases/" .. pid .. "/" .. (kind == "unit" and "units.csv" or "members.csv")
  local rows = kind == "unit" and UNIT_ROW or MEMBER_ROW
  local seen = {}
  if merge then merge.rows, merge.seen = rows, seen end
  local header = read_csv(rel, kind == "unit" and FIELDS_UNITS or FIELDS_MEMBERS, ID_ONLY, function(r, lineno)
    local id = r.id
    if id == nil then data_error(sformat("%s:%d: column \"id\": empty", rel, lineno)) return end
    if not rows[id] then data_error(sformat("%s:%d: unknown %s id %q", rel, lineno, kind, id)) return end
    if seen[id] then data_error(sformat("%s:%d: duplicate id %q", rel, lineno, id)) return end
    seen[id] = true
    fn(id, r, rows[id])
  end, nil, merge)
  return header
end

for _, kind in ipairs({ "unit", "member" }) do
  local base_cols = {}
  for _, h in ipairs(kind == "unit" and units_header or members_header) do base_cols[h] = true end
  local shadow = SHADOWED[kind]
  local function save(base, id, k)
    local s = shadow[id] or {}; shadow[id] = s
    local old = base[k]
    s[k] = old == nil and NIL or old
  end
  local header = read_phase(PHASE_ID, kind, function(id, r, base)
    for k, v in pairs(r) do
      if k ~= "id" then
        if base_cols[k] then save(base, id, k) end
        base[k] = v
      end
    end
  end, { overlap = base_cols, shadow = save })
  for _, h in ipairs(header or {}) do if h ~= "id" then PHASE_COLS[kind][h] = true end end
end

-- history: award -> subject -> ascending array of years
local HISTORY = {}
read_csv("history.csv", { year = "int" }, { subject = true, award = true }, function(r, lineno)
  if r.subject == nil or r.award == nil or r.year == nil then
    data_error(sformat("history.csv:%d: subject, award and year are required", lineno)) return
  end
  local by = HISTORY[r.award]
  if not by then by = {}; HISTORY[r.award] = by end
  local ys = by[r.subject]
  if not ys then by[r.subject] = { r.year } return end
  local n = #ys
  for i = 1, n do if ys[i] == r.year then return end end
  ys[n + 1] = r.year
  if ys[n] > r.year then tsort(ys) end
end)

if data_error_count > 0 then
  if data_error_count > MAX_SHOWN then
    data_errors[#data_errors + 1] = sformat("... and %d more data errors", data_error_count - MAX_SHOWN)
  end
  die(2, concat(data_errors, "\n"))
end

-- subjects: read-only proxies over the rows, ids in byte order
local function readonly_err(_, k) error("a subject is read-only (assignment to " .. tostring(k) .. ")", 2) end
local function make_subject(row)
  return setmetatable({}, { __index = row, __newindex = readonly_err, __metatable = false })
end

local function is_sorted(a)
  for i = 2, #a do if a[i - 1] >= a[i] then return false end end
  return true
end
if not is_sorted(UNIT_IDS) then tsort(UNIT_IDS) end
if not is_sorted(MEMBER_IDS) then tsort(MEMBER_IDS) end

local UNIT_SUBJ, MEMBER_SUBJ = {}, {}              -- id -> proxy
local UNIT_LIST, MEMBER_LIST = {}, {}              -- proxies in id order
local MEMBERS_OF, CHILDREN = {}, {}                -- unit id -> proxies in id order
for i, id in ipairs(UNIT_IDS) do
  local s = make_subject(UNIT_ROW[id])
  UNIT_SUBJ[id] = s; UNIT_LIST[i] = s
end
for i, id in ipairs(MEMBER_IDS) do
  local row = MEMBER_ROW[id]
  local s = make_subject(row)
  MEMBER_SUBJ[id] = s; MEMBER_LIST[i] = s
  local l = MEMBERS_OF[row.unit]
  if not l then l = {}; MEMBERS_OF[row.unit] = l end
  l[#l + 1] = s
end
for _, id in ipairs(UNIT_IDS) do
  local p = UNIT_ROW[id].parent
  if p then
    local l = CHILDREN[p]
    if not l then l = {}; CHILDREN[p] = l end
    l[#l + 1] = UNIT_SUBJ[id]
  end
end

local T2c, T2w = clock(), wall()

---------------------------------------------------------------------------
-- evaluation

local PLAN_YEAR = PLAN.year
local function applies_to_phase(d)
  if d.phases == nil then return true end
  for _, p in ipairs(d.phases) do if p == PHASE_ID then return true end end
  return false
end

-- the context of the innermost call into rule code, for error messages
local cur_decl, cur_what, cur_id = nil, nil, nil

local RESULTS, STATE, STACK = {}, {}, {}
local compute

local function need(id)
  local d = BY_ID[id]
  if not d then error("unknown award or scoring " .. tostring(id), 3) end
  if not applies_to_phase(d) then return nil, d end
  local st = STATE[id]
  if st == "done" then return RESULTS[id], d end
  if st == "running" then
    local cyc = {}
    local on = false
    for _, x in ipairs(STACK) do if x == id then on = true end if on then cyc[#cyc + 1] = x end end
    cyc[#cyc + 1] = id
    error({ cycle = true, msg = BY_ID[cyc[1]].where .. ": a cycle of cross references: " .. concat(cyc, " -> ") }, 0)
  end
  local sd, sw, si = cur_decl, cur_what, cur_id
  compute(d)
  cur_decl, cur_what, cur_id = sd, sw, si
  return RESULTS[id], d
end

local ctx_raw = {}
ctx_raw.plan = readonly({ id = PLAN.id, name = PLAN.name, year = PLAN.year }, "ctx.plan")
ctx_raw.phase = readonly({ id = PHASE.id, name = PHASE.name, from = PHASE.from, to = PHASE.to }, "ctx.phase")
function ctx_raw.unit(id) return UNIT_SUBJ[id] end
function ctx_raw.member(id) return MEMBER_SUBJ[id] end
local function copy_list(l)
  if not l then return {} end
  return table.move(l, 1, #l, 1, {})
end
function ctx_raw.members_of(uid) return copy_list(MEMBERS_OF[uid]) end
function ctx_raw.children(uid) return copy_list(CHILDREN[uid]) end

-- finished results by kind: DONE_AWARD[id] / DONE_SCORING[id] is the
-- result, false when it does not apply to the phase, nil when not yet known
local DONE_AWARD, DONE_SCORING = {}, {}
local function award_result(aw)
  local R = DONE_AWARD[aw]
  if R ~= nil then return R end
  local d
  R, d = need(aw)
  if d.kind ~= "award" then error(aw .. " is a scoring, not an award", 3) end
  return R
end
local function scoring_result(sc)
  local R = DONE_SCORING[sc]
  if R ~= nil then return R end
  local d
  R, d = need(sc)
  if d.kind ~= "scoring" then error(sc .. " is an award, not a scoring", 3) end
  return R
end
function ctx_raw.eligible(aw, id)
  local R = award_result(aw)
  local i = R and R.index[id]
  return i ~= nil and R.elig[i]
end
function ctx_raw.awarded(aw, id)
  local R = award_result(aw)
  local i = R and R.index[id]
  return i ~= nil and R.awarded[i]
end
function ctx_raw.total(sc, id)
  local R = scoring_result(sc)
  local i = R and R.index[id]
  return i and R.total[i]
end
function ctx_raw.rank(sc, id)
  local R = scoring_result(sc)
  local i = R and R.index[id]
  return i and R.rank[i]
end
function ctx_raw.grade(sc, id)
  local R = scoring_result(sc)
  local i = R and R.index[id]
  if not i then return nil end
  return R.grade[i] or nil
end
function ctx_raw.history(id, aw)
  local by = HISTORY[aw]
  local ys = by and by[id]
  local out = {}
  if ys then for i = 1, #ys do if ys[i] < PLAN_YEAR then out[#out + 1] = ys[i] end end end
  return out
end
function ctx_raw.streak(id, aw)
  local by = HISTORY[aw]
  local ys = by and by[id]
  if not ys then return 0 end
  local n, y = 0, PLAN_YEAR - 1
  for i = #ys, 1, -1 do
    local v = ys[i]
    if v == y then n = n + 1; y = y - 1 elseif v < y then break end
  end
  return n
end

-- ctx.facts(id, phase): another phase is read lazily, per kind
local OTHER = {}          -- phase -> kind -> id -> phase row
local FACTS = {}          -- phase -> id -> proxy
local function other_rows(pid, kind)
  local byk = OTHER[pid]
  if not byk then byk = {}; OTHER[pid] = byk end
  local rows = byk[kind]
  if rows then return rows end
  rows = {}
  local saved = data_error_count
  read_phase(pid, kind, function(id, r) rows[id] = r end)
  if data_error_count > saved then error({ data = true, msg = concat(data_errors, "\n") }, 0) end
  byk[kind] = rows
  return rows
end
function ctx_raw.facts(id, pid)
  if pid == PHASE_ID then return UNIT_SUBJ[id] or MEMBER_SUBJ[id] end
  if not PHASES[pid] then error("ctx.facts: unknown phase " .. tostring(pid), 2) end
  local cache = FACTS[pid]
  if not cache then cache = {}; FACTS[pid] = cache end
  local s = cache[id]
  if s ~= nil then return s or nil end
  local kind = UNIT_ROW[id] and "unit" or MEMBER_ROW[id] and "member"
  if not kind then cache[id] = false return nil end
  local cur = kind == "unit" and UNIT_ROW[id] or MEMBER_ROW[id]
  local cols = PHASE_COLS[kind]
  local row = {}
  for k, v in pairs(cur) do if not cols[k] then row[k] = v end end
  local sh = SHADOWED[kind][id]
  if sh then for k, v in pairs(sh) do if v ~= NIL then row[k] = v end end end
  local pr = other_rows(pid, kind)[id]
  if pr then for k, v in pairs(pr) do row[k] = v end end
  s = make_subject(row)
  cache[id] = s
  return s
end
local ctx = readonly(ctx_raw, "ctx")

local function check_number(x, what)
  if type(x) ~= "number" or x ~= x then
    error(what .. " must return a number, not " .. (x ~= x and "nan" or type(x)), 0)
  end
  return x
end

local NULL_GROUP = {}     -- the group of subjects without the group field

local function round_limit(share, base, rounding)
  local x = share * base
  x = floor(x * 1e9 + 0.5) / 1e9
  if rounding == "ceil" then x = ceil(x)
  elseif rounding == "round" then x = floor(x + 0.5)
  else x = floor(x) end
  return x
end

local function eval_award(d)
  local list = d.subject == "member" and MEMBER_LIST or UNIT_LIST
  local ids = d.subject == "member" and MEMBER_IDS or UNIT_IDS
  local crit = d.criteria
  local nc = #crit
  local checks, labels = {}, {}
  for j = 1, nc do checks[j] = crit[j].check; labels[j] = "criterion " .. tostring(crit[j].id) end
  local applies = d.applies
  local rids, rsubj, elig, awarded, pass, detail, index = {}, {}, {}, {}, {}, {}, {}
  local n, k = 0, 0
  cur_decl = d
  for i = 1, #list do
    local s = list[i]
    local id = ids[i]
    cur_id = id
    local yes = true
    if applies then cur_what = "applies"; yes = applies(s, ctx) end
    if yes then
      n = n + 1
      rids[n] = id; rsubj[n] = s; index[id] = n
      local all = true
      for j = 1, nc do
        cur_what = labels[j]
        local ok, det = checks[j](s, ctx)
        k = k + 1
        if ok then pass[k] = true else pass[k] = false; all = false end
        if not det then detail[k] = false
        elseif type(det) == "string" then detail[k] = det
        else detail[k] = tostring(det) end
      end
      elig[n] = all
      awarded[n] = all
    end
  end
  local R = { d = d, n = n, ids = rids, subj = rsubj, elig = elig, awarded = awarded, pass = pass,
              detail = detail, index = index, nc = nc }
  local q = d.quota
  if q then
    local within, order = q.within, q.order
    local groups, gkeys = {}, {}
    local okey = {}
    cur_what = "quota order"
    for i = 1, n do
      if elig[i] then
        local s = rsubj[i]
        local g = NULL_GROUP
        if within then g = s[within]; if g == nil then g = NULL_GROUP end end
        local l = groups[g]
        if not l then l = {}; groups[g] = l; gkeys[#gkeys + 1] = g end
        l[#l + 1] = i
        if order then
          cur_id = rids[i]
          okey[i] = check_number(order(s, ctx), "quota order")
        else
          okey[i] = 0
        end
      end
    end
    local basecount
    if q.share and q.base then
      basecount = {}
      local B, bd = need(q.base)
      if B then
        for i = 1, B.n do
          if B.awarded[i] then
            local g = NULL_GROUP
            if within then g = B.subj[i][within]; if g == nil then g = NULL_GROUP end end
            basecount[g] = (basecount[g] or 0) + 1
          end
        end
      end
    end
    local function before(a, b)
      local x, y = okey[a], okey[b]
      if x ~= y then return x > y end
      return rids[a] < rids[b]
    end
    local place, limits = {}, {}
    for _, g in ipairs(gkeys) do
      local l = groups[g]
      tsort(l, before)
      local limit = math.huge
      if q.share then
        local base = basecount and (basecount[g] or 0) or #l
        limit = round_limit(q.share, base, q.rounding)
      end
      if q.max and q.max < limit then limit = q.max end
      for p = 1, #l do
        local i = l[p]
        place[i] = p; limits[i] = limit
        if p > limit then awarded[i] = false end
      end
    end
    R.place, R.limit = place, limits
  end
  return R
end

local function eval_scoring(d)
  local list = d.subject == "member" and MEMBER_LIST or UNIT_LIST
  local ids = d.subject == "member" and MEMBER_IDS or UNIT_IDS
  local items = d.items
  local ni = #items
  local fns, labels, maxes, item_pos = {}, {}, {}, {}
  for j = 1, ni do
    fns[j] = items[j].points; labels[j] = "item " .. tostring(items[j].id); maxes[j] = items[j].max
    item_pos[items[j].id] = j
  end
  local applies, group_field = d.applies, d.group
  local bonus_fn, bonus_max = d.bonus and d.bonus.points, d.bonus and d.bonus.max
  local penalty_fn = d.penalty and d.penalty.points
  local grades = d.grades
  local rids, rsubj, index, raws, pts, dets = {}, {}, {}, {}, {}, {}
  local bonus, penalty, total, grade, group = {}, {}, {}, {}, {}
  local n, k = 0, 0
  cur_decl = d
  for i = 1, #list do
    local s = list[i]
    local id = ids[i]
    cur_id = id
    local yes = true
    if applies then cur_what = "applies"; yes = applies(s, ctx) end
    if yes then
      n = n + 1
      rids[n] = id; rsubj[n] = s; index[id] = n
      local t = 0
      for j = 1, ni do
        cur_what = labels[j]
        local raw, det = fns[j](s, ctx)
        check_number(raw, labels[j] .. ": points")
        local p = raw
        if p > maxes[j] then p = maxes[j] end
        if p < 0 then p = 0 end
        k = k + 1
        raws[k] = raw; pts[k] = p
        if not det then dets[k] = false
        elseif type(det) == "string" then dets[k] = det
        else dets[k] = tostring(det) end
        t = t + p
      end
      if bonus_fn then
        cur_what = "bonus"
        local b = check_number((bonus_fn(s, ctx)), "bonus")
        if bonus_max and b > bonus_max then b = bonus_max end
        if b < 0 then b = 0 end
        bonus[n] = b
        t = t + b
      end
      if penalty_fn then
        cur_what = "penalty"
        local p = check_number((penalty_fn(s, ctx)), "penalty")
        if p < 0 then p = 0 end
        penalty[n] = p
        t = t - p
      end
      total[n] = t
      local gl = false
      for _, g in ipairs(grades) do if t >= g.min then gl = g.label break end end
      grade[n] = gl
      local gv = group_field and s[group_field]
      group[n] = gv == nil and NULL_GROUP or gv
    end
  end
  -- competition ranking inside each group
  local tb = {}
  for _, x in ipairs(d.tiebreak) do tb[#tb + 1] = item_pos[x] end
  local groups, gkeys = {}, {}
  for i = 1, n do
    local g = group[i]
    local l = groups[g]
    if not l then l = {}; groups[g] = l; gkeys[#gkeys + 1] = g end
    l[#l + 1] = i
  end
  -- 0 when a and b are equal on total and every tiebreak item, else
  -- negative when a ranks before b
  local function cmp(a, b)
    local x, y = total[a], total[b]
    if x ~= y then return x > y and -1 or 1 end
    local ba, bb = (a - 1) * ni, (b - 1) * ni
    for _, j in ipairs(tb) do
      x, y = pts[ba + j], pts[bb + j]
      if x ~= y then return x > y and -1 or 1 end
    end
    return 0
  end
  local rank = {}
  for _, g in ipairs(gkeys) do
    local l = groups[g]
    tsort(l, function(a, b)
      local c = cmp(a, b)
      if c ~= 0 then return c < 0 end
      return rids[a] < rids[b]
    end)
    for p = 1, #l do
      local i = l[p]
      if p > 1 and cmp(l[p - 1], i) == 0 then rank[i] = rank[l[p - 1]] else rank[i] = p end
    end
  end
  -- output order: group (null first, then byte order), rank, id
  tsort(gkeys, function(a, b)
    if a == NULL_GROUP then return b ~= NULL_GROUP end
    if b == NULL_GROUP then return false end
    return tostring(a) < tostring(b)
  end)
  local order = {}
  for _, g in ipairs(gkeys) do
    for _, i in ipairs(groups[g]) do order[#order + 1] = i end
  end
  return { d = d, n = n, ids = rids, subj = rsubj, index = index, raw = raws, points = pts, detail = dets,
           bonus = bonus, penalty = penalty, total = total, grade = grade, group = group, rank = rank,
           order = order, ni = ni }
end

compute = function(d)
  STATE[d.id] = "running"
  STACK[#STACK + 1] = d.id
  local R
  if d.kind == "award" then R = eval_award(d) else R = eval_scoring(d) end
  RESULTS[d.id] = R
  if d.kind == "award" then DONE_AWARD[d.id] = R else DONE_SCORING[d.id] = R end
  STATE[d.id] = "done"
  STACK[#STACK] = nil
end

do
  local function handler(e)
    if type(e) == "table" then
      if e.data then return { code = 2, msg = e.msg } end
      if e.cycle then return { code = 1, msg = e.msg } end
    end
    local msg = tostring(e)
    local where = cur_decl and sformat("%s %s, %s, subject %s", cur_decl.kind, cur_decl.id,
      tostring(cur_what), tostring(cur_id)) or "?"
    -- "rules/x.lua:12: message" -> "rules/x.lua:12: award a, criterion c, subject s: message"
    local pos, rest = smatch(msg, "^([^:]+:%d+): (.*)$")
    if pos then return { code = 1, msg = pos .. ": " .. where .. ": " .. rest } end
    local w = cur_decl and cur_decl.where or "?"
    return { code = 1, msg = w .. ": " .. where .. ": " .. msg }
  end
  for _, d in ipairs(DECLS) do
    if not applies_to_phase(d) then
      if d.kind == "award" then DONE_AWARD[d.id] = false else DONE_SCORING[d.id] = false end
    end
  end
  local ok, err = xpcall(function()
    for _, d in ipairs(DECLS) do
      if applies_to_phase(d) then need(d.id) end
    end
  end, handler)
  if not ok then die(err.code, err.msg) end
end

local T3c, T3w = clock(), wall()

---------------------------------------------------------------------------
-- JSON

local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t",
              ["\b"] = "\\b", ["\f"] = "\\f" }
for c = 0, 31 do
  local ch = string.char(c)
  if not ESC[ch] then ESC[ch] = sformat("\\u%04x", c) end
end
local function jstr(s)
  if s == nil or s == false then return "null" end
  if sfind(s, '[%z\1-\31"\\]') then s = sgsub(s, '[%z\1-\31"\\]', ESC) end
  return '"' .. s .. '"'
end
local function jnum(x)
  if x == nil then return "null" end
  if mtype(x) == "integer" then return sformat("%d", x) end
  if x ~= x or x == math.huge or x == -math.huge then error("a number that JSON cannot hold: " .. tostring(x)) end
  local s = sformat("%.15g", x)
  if tonumber(s) ~= x then
    s = sformat("%.16g", x)
    if tonumber(s) ~= x then s = sformat("%.17g", x) end
  end
  return s
end
local function jval(v)
  local t = type(v)
  if v == nil then return "null" end
  if t == "string" then return jstr(v) end
  if t == "number" then return jnum(v) end
  if t == "boolean" then return v and "true" or "false" end
  if v == NULL_GROUP then return "null" end
  return jstr(tostring(v))
end

local tmp = OUT .. ".tmp"
local out = io.open(tmp, "wb")
if not out then die(2, "cannot write " .. tmp) end
-- pieces go into buf (no intermediate concatenations) and are written out
-- in large blocks
local buf, nb = {}, 0
local function flush()
  if nb >= 16384 then out:write(concat(buf, "", 1, nb)); nb = 0 end
end
local function put(x) nb = nb + 1; buf[nb] = x end
local ESC_PAT = '[%z\1-\31"\\]'
local function pstr(s)       -- a JSON string, or null for nil / false
  if not s then nb = nb + 1; buf[nb] = "null" return end
  if sfind(s, ESC_PAT) then s = sgsub(s, ESC_PAT, ESC) end
  buf[nb + 1] = '"'; buf[nb + 2] = s; buf[nb + 3] = '"'
  nb = nb + 3
end

put('{"plan":{"id":' .. jstr(PLAN.id) .. ',"name":' .. jstr(PLAN.name) .. ',"year":' .. jnum(PLAN.year) .. '},\n')
put('"phase":{"id":' .. jstr(PHASE.id) .. ',"name":' .. jstr(PHASE.name) .. ',"from":' .. jstr(PHASE.from)
  .. ',"to":' .. jstr(PHASE.to) .. '},\n')
put('"rules_digest":' .. jstr(RULES_DIGEST) .. ',\n')

put('"awards":[')
local first_decl = true
for _, d in ipairs(DECLS) do
  local R = RESULTS[d.id]
  if d.kind == "award" and R then
    put((first_decl and "\n" or ",\n") .. '{"id":' .. jstr(d.id) .. ',"name":' .. jstr(d.name) .. ',"subject":'
      .. jstr(d.subject) .. ',"movement":' .. jstr(d.movement) .. ',"results":[')
    first_decl = false
    local nc = R.nc
    local pre_t, pre_f = {}, {}
    for j, c in ipairs(d.criteria) do
      local p = (j == 1 and "" or ",") .. '{"id":' .. jstr(tostring(c.id)) .. ',"text":' .. jstr(c.text) .. ',"passed":'
      pre_t[j] = p .. 'true,"detail":'
      pre_f[j] = p .. 'false,"detail":'
    end
    local ids, subj, elig, awarded, pass, detail = R.ids, R.subj, R.elig, R.awarded, R.pass, R.detail
    local EA = { [true] = { [true] = ',"eligible":true,"awarded":true,"criteria":[',
                            [false] = ',"eligible":true,"awarded":false,"criteria":[' },
                 [false] = { [false] = ',"eligible":false,"awarded":false,"criteria":[' } }
    -- one piece per (criterion, passed, detail), made once: details recur
    local piece_t, piece_f = {}, {}
    for j = 1, nc do piece_t[j] = {}; piece_f[j] = {} end
    for i = 1, R.n do
      put(i == 1 and '\n{"subject":' or ',\n{"subject":')
      pstr(ids[i])
      put(',"name":')
      pstr(subj[i].name)
      put(EA[elig[i]][awarded[i]])
      local b = (i - 1) * nc
      for j = 1, nc do
        local det = detail[b + j]
        local ok = pass[b + j]
        local cache = ok and piece_t[j] or piece_f[j]
        local piece = cache[det]
        if not piece then
          piece = (ok and pre_t[j] or pre_f[j]) .. jstr(det) .. "}"
          cache[det] = piece
        end
        nb = nb + 1
        buf[nb] = piece
      end
      nb = nb + 1
      buf[nb] = "]}"
      flush()
    end
    put("]}")
  end
end
put('],\n"scorings":[')
first_decl = true
for _, d in ipairs(DECLS) do
  local R = RESULTS[d.id]
  if d.kind == "scoring" and R then
    put((first_decl and "\n" or ",\n") .. '{"id":' .. jstr(d.id) .. ',"name":' .. jstr(d.name) .. ',"subject":'
      .. jstr(d.subject) .. ',"movement":' .. jstr(d.movement) .. ',"results":[')
    first_decl = false
    local ni = R.ni
    local pre, post = {}, {}
    for j, it in ipairs(d.items) do
      pre[j] = (j == 1 and "" or ",") .. '{"id":' .. jstr(tostring(it.id)) .. ',"text":' .. jstr(it.text) .. ',"points":'
      post[j] = ',"max":' .. jnum(it.max) .. ',"detail":'
    end
    local has_bonus, has_penalty = d.bonus ~= nil, d.penalty ~= nil
    for p, i in ipairs(R.order) do
      put(p == 1 and '\n{"subject":' or ',\n{"subject":')
      pstr(R.ids[i])
      put(',"name":')
      pstr(R.subj[i].name)
      put(',"group":' .. jval(R.group[i]) .. ',"total":' .. jnum(R.total[i]) .. ',"rank":' .. jnum(R.rank[i])
        .. ',"grade":')
      pstr(R.grade[i])
      put(',"items":[')
      local b = (i - 1) * ni
      for j = 1, ni do
        put(pre[j] .. jnum(R.points[b + j]) .. ',"raw":' .. jnum(R.raw[b + j]) .. post[j])
        pstr(R.detail[b + j])
        put("}")
      end
      put('],"bonus":' .. (has_bonus and jnum(R.bonus[i]) or "null") .. ',"penalty":'
        .. (has_penalty and jnum(R.penalty[i]) or "null") .. "}")
      flush()
    end
    put("]}")
  end
end
put('],\n"diagnostics":[')
for i, dg in ipairs(DIAGNOSTICS) do
  put((i == 1 and "\n" or ",\n") .. '{"level":' .. jstr(dg.level) .. ',"message":' .. jstr(dg.message)
    .. ',"file":' .. jstr(dg.file) .. ',"line":' .. jnum(dg.line) .. "}")
end
put("]}\n")
out:write(concat(buf, "", 1, nb))
out:close()
local ok, err = os.rename(tmp, OUT)
if not ok then die(2, "cannot rename " .. tmp .. " to " .. OUT .. ": " .. tostring(err)) end

local T4c, T4w = clock(), wall()
io.stderr:write(sformat(
  "plain-lua %s: %d units, %d members\n" ..
  "  load rules  %8.3f s cpu %8.2f s wall\n" ..
  "  load data   %8.3f s cpu %8.2f s wall\n" ..
  "  evaluate    %8.3f s cpu %8.2f s wall\n" ..
  "  write json  %8.3f s cpu %8.2f s wall\n" ..
  "  total       %8.3f s cpu %8.2f s wall\n",
  PHASE_ID, #UNIT_IDS, #MEMBER_IDS,
  T1c - T0c, T1w - T0w, T2c - T1c, T2w - T1w, T3c - T2c, T3w - T2w, T4c - T3c, T4w - T3w, T4c - T0c, T4w - T0w))
