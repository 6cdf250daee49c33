-- pattern-corpus.lua -- the cases of the pattern differential test
-- (PatternDifferentialTests.swift).
--
-- Run once in a plain Lua state (the system liblua5.4's own string
-- functions) and once in a state whose string.find/match/gmatch/gsub are
-- Commend's bounded ones. Both runs build the same cases (hand-written edge
-- cases, then pattern/subject pairs generated from a fixed seed) and return
-- the table 'api' below; the Swift side runs every case in both states and
-- compares the outcome strings (every result and every error message).
--
-- The harness itself avoids string.find/match/gmatch/gsub.

local NRANDOM = ...
NRANDOM = tonumber(NRANDOM) or 4000

local impl = { find = string.find, match = string.match,
               gmatch = string.gmatch, gsub = string.gsub }

local fmt, rep, char, concat = string.format, string.rep, string.char,
                               table.concat

local ser, serpack = serialize.ser, serialize.serpack

---------------------------------------------------------------------------
-- running one case against one implementation
---------------------------------------------------------------------------
-- Called through a local named 'f' (not a tail call) so that argument
-- errors name the function identically ("bad argument #3 to 'f'").
local function invoke(f, ...)
  local r = table.pack(f(...))
  return r
end

-- replacement callbacks for gsub: log their arguments, return per 'kind'
local function make_fn(kind, log)
  return function(...)
    local a = table.pack(...)
    log[#log + 1] = serpack(a)
    if kind == "cat" then
      local parts = {}
      for i = 1, a.n do parts[i] = tostring(a[i]) end
      return "<" .. concat(parts, "|") .. ">"
    elseif kind == "nil" then return nil
    elseif kind == "false" then return false
    elseif kind == "num" then return a.n * 10 + 0.5
    elseif kind == "int" then return #log
    elseif kind == "tab" then return {}
    elseif kind == "alt" then
      if #log % 2 == 0 then return nil else return "#" .. tostring(a[1]) end
    elseif kind == "err" then error("callback error " .. #log, 0)
    elseif kind == "none" then return
    end
  end
end

local function make_tab(kind)
  if kind == "t1" then
    return { a = "A", b = false, ["()"] = "paren", ["1"] = "one",
             aa = 42, ab = 1.5, [1] = "int-key" }
  elseif kind == "t2" then
    return setmetatable({}, { __index = function(_, k)
      return "[" .. tostring(k) .. "]" end })
  elseif kind == "t3" then
    return { a = {}, b = "B" }
  end
end

-- case = { fname, args (packed), repl = optional descriptor }
-- returns a string describing the full outcome
local function run(case)
  local fname = case[1]
  local f = impl[fname]
  local args = case.args
  if fname == "gmatch" then
    local ok, res = pcall(function()
      local it = invoke(f, table.unpack(args, 1, args.n))[1]
      local out = {}
      for _ = 1, 2000 do
        local ok2, r = pcall(invoke, it)
        if not ok2 then out[#out + 1] = "ERR:" .. tostring(r); break end
        if r[1] == nil then break end
        out[#out + 1] = serpack(r)
      end
      return concat(out, ";")
    end)
    return (ok and "OK:" or "ERR:") .. tostring(res)
  end
  local log = {}
  local a = args
  if case.repl then  -- gsub with a function or table replacement
    a = table.pack(table.unpack(args, 1, args.n))
    if case.repl.fn then a[3] = make_fn(case.repl.fn, log)
    else a[3] = make_tab(case.repl.tab) end
  end
  local ok, r = pcall(invoke, f, table.unpack(a, 1, a.n))
  local s
  if ok then s = "OK:" .. serpack(r) else s = "ERR:" .. tostring(r) end
  if #log > 0 then s = s .. " log:" .. concat(log, ";") end
  return s
end


local function describe(case)
  local parts = {}
  for i = 1, case.args.n do parts[i] = ser(case.args[i]) end
  local d = case[1] .. "(" .. concat(parts, ", ") .. ")"
  if case.repl then
    d = d .. " repl=" .. (case.repl.fn or case.repl.tab)
  end
  return d
end

---------------------------------------------------------------------------
-- the list of cases
---------------------------------------------------------------------------
local cases = {}
local function check(case) cases[#cases + 1] = case end

local function C(fname, ...)
  return { fname, args = table.pack(...) }
end

local function CR(repl, ...)   -- gsub with function/table replacement
  local c = C("gsub", ...)
  c.repl = repl
  return c
end

---------------------------------------------------------------------------
-- hand-written edge cases
---------------------------------------------------------------------------
local E = {}
local function add(c) E[#E + 1] = c end

-- init argument (find/match/gmatch), incl. negative and out of range
for _, init in ipairs({ 1, 2, 0, -1, -2, -5, -6, -100, 5, 6, 7, 100,
                        math.mininteger, math.maxinteger, 3.0, "2", "-1" }) do
  add(C("find", "hello", "l", init))
  add(C("find", "hello", "l+", init))
  add(C("find", "hello", "", init))
  add(C("find", "hello", "", init, true))
  add(C("find", "hello", "^", init))
  add(C("find", "hello", "$", init))
  add(C("find", "hello", "^h", init))
  add(C("match", "hello", "(l)(.)", init))
  add(C("match", "hello", "", init))
  add(C("match", "hello", "()", init))
  add(C("gmatch", "hello", ".", init))
  add(C("gmatch", "hello", "", init))
  add(C("gmatch", "hello", "()l", init))
  add(C("find", "", "", init))
  add(C("match", "", ".*", init))
  add(C("gmatch", "", "", init))
end
-- bad arguments
add(C("find", "hello", "l", 1.5))
add(C("find", "hello", "l", "x"))
add(C("find", "hello", "l", {}))
add(C("find", "hello", nil))
add(C("find", nil, "a"))
add(C("find"))
add(C("find", {}, "a"))
add(C("match", "hello", 42))
add(C("find", 12345, 3))
add(C("find", 12.5, "%."))
add(C("find", 2^63, "e"))
add(C("match", "x", "x", 2^53))
add(C("gmatch", "hello", "l", 1.5))
add(C("gmatch", nil, "l"))
add(C("gsub", "hello", "l", true))
add(C("gsub", "hello", "l"))
add(C("gsub", "hello", "l", nil))
add(C("gsub", "hello", "l", "x", "y"))
add(C("gsub", "hello", "l", "x", 1.5))
add(C("gsub", "hello", "l", 7))
add(C("gsub", "hello", "l", 7.5))
add(C("gsub", 123, 2, 9))
-- plain find
for _, p in ipairs({ "l", "ll", "lo", "hello", "helloo", "", ".", "l.",
                     "%", "[", "(", "^h", "o$", "a\0b", "\0" }) do
  add(C("find", "hello. l.o [(%)]^h a\0b", p, 1, true))
  add(C("find", "hello. l.o [(%)]^h a\0b", p, 5, true))
  add(C("find", "hello. l.o [(%)]^h a\0b", p, -3, true))
  add(C("find", "hello. l.o [(%)]^h a\0b", p, 1, false))
  add(C("find", "hello. l.o [(%)]^h a\0b", p, 1, nil))
  add(C("find", "hello. l.o [(%)]^h a\0b", p, 1, 0))
  add(C("find", "hello. l.o [(%)]^h a\0b", p))
end
add(C("find", "aaab", "aab", 1, true))
add(C("find", "a\0a\0b", "a\0b"))
add(C("find", "a\0a\0b", "a\0b.", 1))
add(C("find", "abc", "b", 1, true, "extra"))
-- anchors
for _, p in ipairs({ "^", "$", "^$", "^a", "a$", "^a$", "a^", "$a", "^^a",
                     "a$$", "%^", "%$", "^%$", "[$^]", "^*", "^+", "$*",
                     "a$b", "^(a)", "(^a)", "(a$)", "(a)$" }) do
  for _, s in ipairs({ "", "a", "aa", "^a", "a$", "$", "^", "b^a$c" }) do
    add(C("find", s, p))
    add(C("match", s, p))
    add(C("gmatch", s, p))
    add(C("gsub", s, p, "<%0>"))
  end
end
-- classes and complements, over all 256 bytes
local all = {}
for i = 0, 255 do all[#all + 1] = char(i) end
all = concat(all)
for _, cl in ipairs({ "a", "c", "d", "g", "l", "p", "s", "u", "w", "x",
                      "z" }) do
  for _, c in ipairs({ cl, cl:upper() }) do
    add(C("gsub", all, "%" .. c, ""))
    add(C("gsub", all, "[%" .. c .. "]", ""))
    add(C("gsub", all, "[^%" .. c .. "]", ""))
    add(C("gsub", all, "%" .. c .. "+", "#"))
    add(C("find", all, "%" .. c .. "+"))
    add(C("find", all, "%" .. c, 128))
    add(C("match", all, "(%" .. c .. "*)", 100))
  end
end
for _, p in ipairs({ ".", "%.", "%%", "%]", "%[", "%-", "%(", "%)", "%\0",
                     "%\255", "%é", "%q", "%_", "%1", "\255", "\128-", "[\128-\255]",
                     "[%z]", "%z", "%Z", "[a-]", "[-a]", "[a-c]", "[c-a]",
                     "[%a-z]", "[a-%z]", "[]]", "[^]]", "[]-a]", "[^^]",
                     "[^]", "[]", "[[]", "[%]]", "[a%-z]", "[%%]", "[^%%]",
                     "[a-c-e]", "[^a-c]", "[%w_]", "[^%s%d]", "[%^]", "[x^]",
                     "[\0-\31]", "[^\0]", "[%\0]", "[^%]]" }) do
  add(C("gsub", all, p, "."))
  add(C("find", all, p))
  add(C("find", "--]]^^%%a-zAZ]", p))
  add(C("match", "--]]^^%%a-zAZ]", "(" .. p .. "+)"))
  add(C("gmatch", "x-]^%a\0z]", p))
end
-- malformed sets / escapes
for _, p in ipairs({ "[", "[a", "[^", "[^a", "[%", "[a%", "[%]", "[a-",
                     "%", "a%", "(%", "[]", "[^]", "[]]]", "x[^]]" }) do
  add(C("find", "abc]", p))
  add(C("match", "abc]", p))
  add(C("gsub", "abc]", p, ""))
  add(C("gmatch", "abc]", p))
  add(C("find", "", p))
end
-- quantifiers
for _, p in ipairs({ "a*", "a+", "a-", "a?", ".*", ".+", ".-", ".?",
                     "a*b", "a+b", "a-b", "a?b", "^a-$", "a-$", "(a*)(a*)",
                     "(a-)(a-)", "(a+)(a+)", "(a?)(a?)", "[ab]*c", "%a-b",
                     "a**", "a*?", "a?*", "a--", "*a", "+a", "-a", "?a",
                     "a-*", "a+-", ".-$", "(.-)b", "(.*)b", "x*", "x?x?x?" }) do
  for _, s in ipairs({ "", "a", "aaa", "aab", "baaab", "abab", "ccab",
                       "*+-?" }) do
    add(C("find", s, p))
    add(C("match", s, p))
    add(C("gmatch", s, p))
    add(C("gsub", s, p, "<%0>"))
  end
end
-- %b
for _, p in ipairs({ "%b()", "%b((", "%b", "%b(", "%b)(", "%bxy", "%b[]*",
                     "(%b())", "%b()+", "%b()%b()", "a%b()b", "%b\0\1",
                     "%b%%", "%b%b", "%b()$", "^%b()" }) do
  for _, s in ipairs({ "", "()", "(()", "(())", "((a)(b))c", ")(", "x(y)z",
                       "((((", "))))", "(a(b)c", "%a%b%", "xaxyy\0a\1b" }) do
    add(C("find", s, p))
    add(C("match", s, p))
    add(C("gmatch", s, p))
    add(C("gsub", s, p, "[%0]"))
  end
end
-- %f
for _, p in ipairs({ "%f[%w]", "%f[%W]", "%f[%w]%w+", "%f[%a]%a+%f[%A]",
                     "%f[^%z]", "%f[%z]", "%f[^a]", "%f[a]", "%f[%s]", "%f",
                     "%fa", "%f(", "%f[", "%f[a", "%f[]]", "%f[^]", "%f[%]",
                     "(%f[%l])", "%f[%u]+", "%f[%d]%d+%f[%D]" }) do
  for _, s in ipairs({ "", "THE (quick) fox", "hello world", "a", "aAa",
                       "x\0y", "12 abc 34", "find the words" }) do
    add(C("find", s, p))
    add(C("match", s, p))
    add(C("gmatch", s, p))
    add(C("gsub", s, p, "|"))
  end
end
-- captures, position captures, back-references
for _, p in ipairs({ "()", "()()", "(a)()", "()(a)()", "(a(b)c)", "((a)(b))",
                     "(a)%1", "(a*)%1", "(a)(b)%2%1", "(.)%1", "(.-)%1",
                     "%1", "(a)%2", "(a%1)", "(a)%0", "%0", "(a)%9", "()%1",
                     "(()a)%1", "(", ")", "(()", "())", "(a))", "((a)",
                     "(%b())", "(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)%9",
                     "(.)(.)(.)(.)(.)(.)(.)(.)(.)%9", "(x*)%1y",
                     "((a)%2)", "(a)-", "(a)*", "(a)+", "(a)?" }) do
  for _, s in ipairs({ "", "a", "aa", "abab", "abcabc", "aab", "abba",
                       "(a)(a)", "abcdefghijklmnop", "xxyxxy" }) do
    add(C("find", s, p))
    add(C("match", s, p))
    add(C("gmatch", s, p))
    add(C("gsub", s, p, "%1"))
  end
end
-- too many captures
add(C("find", "a", rep("()", 32)))
add(C("find", "a", rep("()", 33)))
add(C("match", rep("a", 40), rep("(a)", 32)))
add(C("match", rep("a", 40), rep("(a)", 33)))
add(C("gsub", rep("a", 40), rep("(a)", 32), "%9"))
add(C("gsub", rep("a", 40), rep("(a)", 40), "x"))
-- pattern too complex (MAXCCALLS)
add(C("find", rep("a", 300), rep("a?", 300)))
add(C("find", rep("a", 300), rep("a?", 199)))
add(C("find", rep("a", 300), rep("a?", 200)))
add(C("find", rep("a", 300), rep("a?", 201)))
add(C("match", rep("a", 300), rep("(a)", 31) .. rep("a?", 180)))
add(C("gsub", rep("a", 300), rep("a?", 250), "x"))
add(C("gmatch", rep("a", 300), rep("a?", 250)))
add(C("find", rep("(", 300) .. rep(")", 300), rep("%b()?", 250)))
add(C("find", rep("a", 500), rep("a-", 199) .. "$"))
add(C("find", rep("a", 500), rep("[a]*", 199) .. "$"))
add(C("find", rep("ab", 150), rep("(a)(b)", 16)))
-- gsub: string replacements
for _, r in ipairs({ "", "x", "%0", "%1", "%2", "%%", "%", "%a", "%%%0",
                     "a%0b%1c", "%9", "%00", "%1%1", "x%", "%\0", "%-",
                     "\0%0\0", "%0%0%0%0%0" }) do
  for _, p in ipairs({ "", "l", "(l)", "(l)(o)", "()l", "l*", "(h)()",
                       "^h", "o$", "x", "%w+", "(%w+) (%w+)" }) do
    add(C("gsub", "hello world", p, r))
  end
end
-- gsub: n limit
for _, n in ipairs({ 0, 1, 2, 3, -1, 100, math.maxinteger, math.mininteger,
                     2.0, "2", "1e1", "0x2" }) do
  add(C("gsub", "abcabc", "b", "X", n))
  add(C("gsub", "abcabc", "", "-", n))
  add(C("gsub", "abcabc", "^a", "-", n))
  add(C("gsub", "abcabc", "x*", "-", n))
  add(CR({ fn = "cat" }, "abcabc", "(b)(c)", nil, n))
end
-- gsub: numbers as replacement
add(C("gsub", "abc", "b", 42))
add(C("gsub", "abc", "b", 4.25))
add(C("gsub", "abc", "b", -0.0))
add(C("gsub", "abc", "b", 1e100))
add(C("gsub", "abc", "b", math.mininteger))
-- gsub: empty matches
for _, p in ipairs({ "", "x*", "a*", "b*", ".-", "()", "%f[%w]", "a?" }) do
  for _, s in ipairs({ "", "a", "abc", "aab", "baa" }) do
    add(C("gsub", s, p, "-"))
    add(C("gmatch", s, p))
    add(C("gmatch", s, p, 2))
  end
end
-- gsub: function and table replacements
for _, kind in ipairs({ "cat", "nil", "false", "num", "int", "tab", "alt",
                        "err", "none" }) do
  for _, p in ipairs({ "%w+", "(%w)(%w*)", "()", "(a)()", "", "^(%w+)",
                       "x", "%s*" }) do
    add(CR({ fn = kind }, "hello a world", p))
    add(CR({ fn = kind }, "hello a world", p, nil, 2))
  end
end
for _, kind in ipairs({ "t1", "t2", "t3" }) do
  for _, p in ipairs({ "%w", "%w+", "(%w)(%w)", "()", "(())", "(a)(b)",
                       "", "a(b)", "x" }) do
    add(CR({ tab = kind }, "aabab()xb1", p))
  end
end
-- embedded zeros in subject and pattern
for _, p in ipairs({ "\0", "%z", "[\0]", "[^\0]+", "\0+", "(\0)(.)",
                     "a\0*b", ".\0", "%Z+", "\0$", "^\0" }) do
  add(C("find", "a\0\0b\0", p))
  add(C("match", "a\0\0b\0", p))
  add(C("gsub", "a\0\0b\0", p, "<%0>"))
  add(C("gmatch", "a\0\0b\0", p))
end
-- misc classic examples
add(C("gsub", "hello world", "(%w+)", "%1 %1"))
add(C("gsub", "hello world", "%w+", "%0 %0", 1))
add(C("gsub", "hello world from Lua", "(%w+)%s*(%w+)", "%2 %1"))
add(C("gsub", "$name-$version.tar.gz", "%$(%w+)",
      nil))
add(CR({ tab = "t2" }, "$name-$version.tar.gz", "%$(%w+)"))
add(C("match", "  trim me  ", "^%s*(.-)%s*$"))
add(C("match", "key = value", "(%w+)%s*=%s*(%w+)"))
add(C("match", "2024-01-31", "(%d+)-(%d+)-(%d+)"))
add(C("find", "THE (quick) fox", "%((%a*)%)"))
add(C("gmatch", "one two  three", "%a+"))
add(C("gmatch", "k1=v1, k2=v2", "(%w+)=(%w+)"))
add(C("gsub", "abc", "%w", "%1"))
add(C("gsub", "abc", "", "%1"))
add(C("gsub", "abc", "", "%2"))
add(C("gsub", "abc", "(b)", "%2"))
add(C("gsub", "abc", "()", "%1"))
add(C("gsub", "abc", "(", "x"))
add(C("gsub", "abc", ")", "x"))
add(C("gsub", "abc", "%", "x"))
add(C("gmatch", "abc", "("))
add(C("gmatch", "abc", "%"))
add(C("gmatch", "abc", "%f"))
add(C("match", "abc", "%g+"))
add(C("match", " \t\n", "%G*"))

for _, c in ipairs(E) do check(c) end
local nedge = #cases

---------------------------------------------------------------------------
-- random cases (deterministic)
---------------------------------------------------------------------------
math.randomseed(20240531, 7)
local R = math.random

local function pick(t) return t[R(#t)] end

local subj_chars = { "a", "a", "a", "b", "b", "c", "(", ")", " ", "1", "2",
                     ".", "%", "[", "]", "-", "A", "Z", "_", "\0", "\n",
                     "\200", "\255", "x", "y" }
local function rand_subject()
  local n = R(0, 14)
  if R(10) == 1 then n = R(15, 40) end
  local t = {}
  for i = 1, n do t[i] = pick(subj_chars) end
  return concat(t)
end

local lit = { "a", "a", "b", "c", "x", " ", "1", "A", "\0", "\255" }
local classes = { "%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w",
                  "%x", "%A", "%C", "%D", "%G", "%L", "%P", "%S", "%U",
                  "%W", "%X", "%z", "%Z", "%%", "%.", "%(", "%)", "%[",
                  "%]", "%-", "%_", "." }
local sets = { "[abc]", "[^a]", "[a-c]", "[^a-c]", "[%a_]", "[%d%s]",
               "[a-]", "[]]", "[^]]", "[%]a]", "[%w%p]", "[^%W]", "[(]",
               "[)(]", "[\0-b]", "[%%]", "[-]", "[x-z1-3]" }
local quants = { "", "", "", "*", "+", "-", "?" }
local malformed = { "%", "[", "[a", "(", ")", "%f", "%fa", "%b", "%b(",
                    "[^", "%9", "%1", "%0", "[%" }

local function rand_item(depth)
  local r = R(100)
  if r <= 30 then return pick(lit) .. pick(quants)
  elseif r <= 50 then return pick(classes) .. pick(quants)
  elseif r <= 62 then return pick(sets) .. pick(quants)
  elseif r <= 74 and depth < 3 then
    local inner = {}
    for i = 1, R(0, 3) do inner[i] = rand_item(depth + 1) end
    return "(" .. concat(inner) .. ")"
  elseif r <= 78 then return "()"
  elseif r <= 84 then return "%" .. R(1, 3)
  elseif r <= 88 then return pick({ "%b()", "%bab", "%b[]", "%bxy" })
  elseif r <= 93 then
    return pick({ "%f[%w]", "%f[%W]", "%f[a]", "%f[^a]", "%f[%s]",
                  "%f[%z]", "%f[^%z]", "%f[%d]" })
  elseif r <= 95 then return pick({ "$", "^", "*", "+", "-", "?" })
  else return pick(malformed) end
end

local function rand_pattern()
  local t = {}
  if R(5) == 1 then t[#t + 1] = "^" end
  for _ = 1, R(0, 5) do t[#t + 1] = rand_item(0) end
  if R(6) == 1 then t[#t + 1] = "$" end
  return concat(t)
end

local repls = { "", "x", "%0", "%1", "%2", "<%1|%2>", "%%", "%", "%q",
                "[%0]", "%3", "a%1b" }
local function rand_init()
  local r = R(10)
  if r <= 4 then return nil end
  return R(-20, 20)
end

for _ = 1, NRANDOM do
  local s, p = rand_subject(), rand_pattern()
  local init = rand_init()
  check(C("find", s, p))
  check(C("find", s, p, init))
  check(C("find", s, p, init or 1, true))
  check(C("match", s, p))
  check(C("match", s, p, init))
  check(C("gmatch", s, p))
  check(C("gmatch", s, p, init))
  check(C("gsub", s, p, pick(repls)))
  check(C("gsub", s, p, pick(repls), R(-1, 3)))
  check(CR({ fn = pick({ "cat", "nil", "alt", "int" }) }, s, p))
  check(CR({ tab = pick({ "t1", "t2" }) }, s, p))
end

-- init arguments at the extremes of the integers, and just past the end
for _, init in ipairs({ math.mininteger, math.mininteger + 1, -2^53,
                        math.maxinteger, 2^53, 6, 7 }) do
  for _, p in ipairs({ "", "l", "()", "^h", "$", "(l)(.)" }) do
    check(C("find", "hello", p, init))
    check(C("find", "hello", p, init, true))
    check(C("match", "hello", p, init))
    check(C("gmatch", "hello", p, init))
  end
end

---------------------------------------------------------------------------
-- cases run again under a tiny step budget: the outcome must be the same
-- or the limit error, and a second run without a budget must be the same.
-- gmatch iterators are resumed after an abort and must produce the same
-- sequence.
---------------------------------------------------------------------------
math.randomseed(99, 1)
local sample = {}
for _ = 1, 1500 do
  local s = rand_subject() .. rep("ab", R(0, 30))
  local p = rand_pattern() .. pick({ "", ".-b", "(a*)*", "%w*.-%1" })
  local fname = pick({ "find", "match", "gsub" })
  if fname == "gsub" then
    sample[#sample + 1] = C(fname, s, p, pick({ "<%0>", "%1", "" }))
  else
    sample[#sample + 1] = C(fname, s, p, R(-5, 5))
  end
  sample[#sample + 1] = C("gmatch", s, p)
end

---------------------------------------------------------------------------
-- method syntax, names in error messages, coroutines, nested matching
---------------------------------------------------------------------------
local method_cases = {
  function() return ("hello"):find("l") end,
  function() return ("hello"):find("l", "x") end,
  function() return ("hello"):find({}) end,
  function() return ("hello"):match("(h)(e)") end,
  function() return ("hello"):gsub("l", true) end,
  function() return ("hello"):gsub("l", "%2") end,
  function() return ("hello"):gmatch(nil) end,
  function() return string.find("hello", "l", {}) end,
  function() return string.gsub("hello") end,
  function() return pcall(string.find, "a", "b", "c") end,
  function() return pcall(string.gsub, "a", "b") end,
  function() return ("x"):rep(40):find(rep("a*", 20) .. "b") end,
  -- coroutines: yield across the C call, iterator resumed elsewhere
  function()
    return coroutine.wrap(function()
      return ("abc"):gsub("%w", function(c) coroutine.yield(c) end)
    end)()
  end,
  function()
    local it = coroutine.wrap(function()
      local g = ("a1b2c3"):gmatch("(%a)(%d)")
      coroutine.yield(g)
    end)()
    local out = {}
    for a, b in it do out[#out + 1] = a .. b end
    return table.concat(out, ",")
  end,
  function()
    local co = coroutine.create(function(s)
      local r = {}
      for w in s:gmatch("%a+") do r[#r + 1] = w; coroutine.yield(w) end
      return table.concat(r, "+")
    end)
    local out = {}
    local ok, v = coroutine.resume(co, "one two three")
    while coroutine.status(co) ~= "dead" do
      out[#out + 1] = tostring(v); ok, v = coroutine.resume(co)
    end
    return table.concat(out, ","), ok, v
  end,
  -- nested matching inside a replacement callback
  function()
    return ("k1=v1; k2=v2"):gsub("(%w+)=(%w+)", function(k, v)
      local a, b = v:find("%d")
      return k:upper() .. ":" .. v:gsub("%a", "%0%0") .. a .. b
    end)
  end,
  -- non-string error values from callbacks pass through untouched
  function()
    return select(2, pcall(string.gsub, "ab", ".", function() error({}) end))
      ~= nil
  end,
  function() return ("abc"):gsub(".", { a = 1, b = true }) end,
  function() return ("abc"):gsub("%w", "%1", 2) end,
}

---------------------------------------------------------------------------
-- catastrophic patterns: each must end with the limit error
-- (the Swift side gives them a budget of 10 million steps)
---------------------------------------------------------------------------
local bomb_s, bomb_p = rep("a", 40), rep("a*", 20) .. "b"
local bombs = {}
local function bomb(name, f, expect_limit)
  bombs[#bombs + 1] = { name = name, f = f, limit = expect_limit ~= false }
end
bomb("string.find(a^40, (a*)^20 b)", function()
  return string.find(bomb_s, bomb_p) end)
bomb("pcall(string.find, a^40, ...)", function()
  local ok, e = pcall(string.find, bomb_s, bomb_p)
  error(e, 0)
end)
bomb("('a'):rep(40):find(...) method syntax", function()
  return ("a"):rep(40):find(bomb_p) end)
bomb("('x'):rep(40):find(...) (no match, linear)", function()
  return ("x"):rep(40):find(bomb_p) end, false)
bomb("string.match", function() return string.match(bomb_s, bomb_p) end)
bomb("s:match with captures", function()
  return bomb_s:match(rep("(a*)", 20) .. "b") end)
bomb("string.gmatch", function()
  for _ in string.gmatch(bomb_s, bomb_p) do end end)
bomb("string.gsub", function() return string.gsub(bomb_s, bomb_p, "x") end)
bomb("gsub callback that runs a bomb", function()
  return ("abc"):gsub("%w", function() return bomb_s:find(bomb_p) end) end)
bomb("lazy: (a-)^20 b", function()
  return bomb_s:find(rep("a-", 20) .. "b") end)
bomb("deep: a?^150 then a*^10 b", function()
  return rep("a", 160):find(rep("a?", 150) .. rep("a*", 10) .. "b") end)
bomb("%b() over 200k '('", function()
  return rep("(", 200000):find("%b()") end)
bomb("plain find, 1MB haystack / 500KB needle", function()
  return rep("a", 1000000):find(rep("a", 500000) .. "b", 1, true) end)
bomb("back-reference (.*)%1x on 20k chars", function()
  return rep("a", 20000):find("(.*)%1x") end)
bomb("gsub with 200k '%1' escapes per match", function()
  return rep("a", 1000):gsub("", rep("%0", 200000)) end)

---------------------------------------------------------------------------
-- what the Swift side calls
---------------------------------------------------------------------------
local api = {}
function api.count() return #cases, #sample, #method_cases, #bombs end
function api.run(i) return run(cases[i]) end
function api.describe(i) return describe(cases[i]) end
function api.run_sample(i) return run(sample[i]) end
function api.describe_sample(i) return describe(sample[i]) end
function api.sample_is_gmatch(i) return sample[i][1] == "gmatch" end
local iterator
-- Starts the iterator of gmatch sample i: nil, or "ERR:message".
function api.gmatch_begin(i)
  local args = sample[i].args
  local ok, it = pcall(impl.gmatch, table.unpack(args, 1, args.n))
  if not ok then return "ERR:" .. tostring(it) end
  iterator = it
end
-- One step of that iterator: "END", "ERR:message" or the captures.
function api.gmatch_step()
  local ok, r = pcall(invoke, iterator)
  if not ok then return "ERR:" .. tostring(r) end
  if r[1] == nil then return "END" end
  return serpack(r)
end
function api.run_method(i) return serpack(table.pack(pcall(method_cases[i]))) end
function api.bomb_name(i) return bombs[i].name end
function api.bomb_expects_limit(i) return bombs[i].limit end
function api.run_bomb(i) return serpack(table.pack(bombs[i].f())) end
function api.small() return impl.find("hello world", "o w") end
return api
