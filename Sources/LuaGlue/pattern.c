/*
** pattern.c -- Commend's string.find, string.match, string.gmatch and
** string.gsub, held to the run's limits.
**
** Written for Commend from the Lua 5.4 reference manual (section 6.4.1,
** "Patterns", and the descriptions of the four functions in 6.4); results
** and error messages are those of Lua 5.4's own functions, which the
** differential test (Tests/LuaGlueTests) checks case by case.
**
** Why: Lua's count hook never fires while a C function runs, so a pattern
** such as string.rep("a*", 20) .. "b" could backtrack for hours inside the
** stock matcher. Here the work is counted in steps on the call's meter
** (cg_meter.h), which charges the run's limits and ends the call with the
** limit error once they trip: one step per attempt of a pattern item, per
** subject byte scanned by an expansion or by %b, per 64 bytes compared by
** a back reference or a plain find or copied from a replacement, per
** replacement escape. Nesting is bounded (PT_MAX_DEPTH nested matcher
** calls, then "pattern too complex"), so no pattern can exhaust the C
** stack; the places that nest are those where Lua's own matcher does, so
** that the same patterns are "too complex".
*/
#include "cg_pattern.h"
#include "cg_meter.h"

#include <ctype.h>
#include <lauxlib.h>
#include <stdint.h>
#include <string.h>

#define PT_MAX_CAPTURES 32   /* as many captures as Lua allows */
#define PT_MAX_DEPTH 200     /* nested matcher calls before "too complex" */
#define PT_OPEN (-1)         /* capture length: opened, not closed yet */
#define PT_POSITION (-2)     /* capture length: a position capture "()" */
#define PT_NO_MATCH SIZE_MAX /* gmatch: no previous match end */

typedef struct {
    const char *start;
    ptrdiff_t len;           /* >= 0, PT_OPEN or PT_POSITION */
} pt_capture;

/* One matching attempt's state: the subject, the end of the pattern, the
** captures so far and the meter of the steps. */
typedef struct {
    lua_State *L;
    const char *subject;
    const char *subject_end;
    const char *pattern_end;
    int depth_left;
    int ncaptures;
    cg_meter meter;
    pt_capture captures[PT_MAX_CAPTURES];
} pt_matcher;

static void pt_init(pt_matcher *m, lua_State *L, const char *s, size_t sl,
                    const char *p, size_t pl) {
    m->L = L;
    m->subject = s;
    m->subject_end = s + sl;
    m->pattern_end = p + pl;
    m->depth_left = PT_MAX_DEPTH;
    m->ncaptures = 0;
    cg_meter_start(&m->meter, L);
}

/* Before each new attempt at another subject position. */
static void pt_restart(pt_matcher *m) {
    m->depth_left = PT_MAX_DEPTH;
    m->ncaptures = 0;
}

#define PT_STEPS(m, n) cg_meter_add(&(m)->meter, (long)(n))

static void pt_flush(pt_matcher *m) { cg_meter_flush(&m->meter); }

/* ---- character classes ------------------------------------------------- */

/* Whether byte c belongs to the class named by the letter after '%'
** (%a, %c, %d, %g, %l, %p, %s, %u, %w, %x; upper case: the complement).
** Any other character after '%' stands for itself. */
static inline int pt_in_class(int c, int letter) {
    int in;
    switch (tolower(letter)) {
    case 'a': in = isalpha(c); break;
    case 'c': in = iscntrl(c); break;
    case 'd': in = isdigit(c); break;
    case 'g': in = isgraph(c); break;
    case 'l': in = islower(c); break;
    case 'p': in = ispunct(c); break;
    case 's': in = isspace(c); break;
    case 'u': in = isupper(c); break;
    case 'w': in = isalnum(c); break;
    case 'x': in = isxdigit(c); break;
    case 'z': in = c == 0; break;  /* still accepted by Lua 5.4: the byte 0 */
    default: return letter == c;
    }
    if (isupper(letter)) return !in;
    return in != 0;
}

/* Whether byte c belongs to the set [open .. close], 'open' at '[' and
** 'close' at its ']'. */
static int pt_in_set(int c, const char *open, const char *close) {
    const unsigned char *q = (const unsigned char *)open + 1;
    const unsigned char *end = (const unsigned char *)close;
    int verdict = 1;
    if (*q == '^') {
        verdict = 0;
        q++;
    }
    for (; q < end; q++) {
        if (*q == '%') {
            q++;
            if (pt_in_class(c, *q)) return verdict;
        } else if (q + 2 < end && q[1] == '-') {
            if (q[0] <= c && c <= q[2]) return verdict;
            q += 2;
        } else if (*q == c) {
            return verdict;
        }
    }
    return !verdict;
}

/* The end of the single-character class that starts at p (p is inside the
** pattern). Raises the malformed-pattern errors. */
static const char *pt_class_end(pt_matcher *m, const char *p) {
    const char *end = m->pattern_end;
    char first = *p++;
    if (first == '%') {
        if (p >= end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (first == '[') {
        if (p < end && *p == '^') p++;
        /* The first byte of a set is always a member, even ']'. */
        do {
            if (p >= end) luaL_error(m->L, "malformed pattern (missing ']')");
            if (*p++ == '%' && p < end) p++;
        } while (p >= end || *p != ']');
        return p + 1;
    }
    return p;
}

/* Whether the subject byte at s matches the class [p, ep). */
static inline int pt_single(const pt_matcher *m, const char *s, const char *p,
                     const char *ep) {
    if (s >= m->subject_end) return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case '%': return pt_in_class(c, (unsigned char)p[1]);
    case '[': return pt_in_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

/* ---- the matcher --------------------------------------------------------- */

static const char *pt_match(pt_matcher *m, const char *s, const char *p);

/* x* and x+ (after its first byte): take as many as possible, then give
** back one at a time until the rest of the pattern matches. */
static const char *pt_longest(pt_matcher *m, const char *s, const char *p,
                              const char *ep) {
    size_t count = 0;
    while (pt_single(m, s + count, p, ep)) count++;
    PT_STEPS(m, count);
    /* Each try below is charged by pt_match itself. */
    for (;;) {
        const char *rest = pt_match(m, s + count, ep + 1);
        if (rest != NULL) return rest;
        if (count == 0) return NULL;
        count--;
    }
}

/* x-: take as few as possible, one more at a time. */
static const char *pt_shortest(pt_matcher *m, const char *s, const char *p,
                               const char *ep) {
    for (;;) {
        const char *rest = pt_match(m, s, ep + 1);
        if (rest != NULL) return rest;
        if (!pt_single(m, s, p, ep)) return NULL;
        s++;
    }
}

/* '(' or '()': opens capture number ncaptures + 1 at s. */
static const char *pt_open_capture(pt_matcher *m, const char *s,
                                   const char *p, ptrdiff_t kind) {
    if (m->ncaptures >= PT_MAX_CAPTURES) luaL_error(m->L, "too many captures");
    pt_capture *c = &m->captures[m->ncaptures++];
    c->start = s;
    c->len = kind;
    const char *rest = pt_match(m, s, p);
    if (rest == NULL) m->ncaptures--;
    return rest;
}

/* ')': closes the innermost capture still open. */
static const char *pt_close_capture(pt_matcher *m, const char *s,
                                    const char *p) {
    int i = m->ncaptures - 1;
    while (i >= 0 && m->captures[i].len != PT_OPEN) i--;
    if (i < 0) luaL_error(m->L, "invalid pattern capture");
    m->captures[i].len = s - m->captures[i].start;
    const char *rest = pt_match(m, s, p);
    if (rest == NULL) m->captures[i].len = PT_OPEN;
    return rest;
}

/* %1 ... %9: the same bytes again as closed capture 'digit'. A position
** capture has no bytes to repeat and never matches. */
static const char *pt_back_reference(pt_matcher *m, const char *s, int digit) {
    int i = digit - '1';
    if (i < 0 || i >= m->ncaptures || m->captures[i].len == PT_OPEN)
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    if (m->captures[i].len < 0) return NULL;
    size_t len = (size_t)m->captures[i].len;
    PT_STEPS(m, 1 + len / 64);
    if ((size_t)(m->subject_end - s) >= len &&
        memcmp(m->captures[i].start, s, len) == 0)
        return s + len;
    return NULL;
}

/* %bxy at s: x, then bytes up to the y that balances it. p is after "%b". */
static const char *pt_balanced(pt_matcher *m, const char *s, const char *p) {
    if (p + 1 >= m->pattern_end)
        luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    char open = p[0], close = p[1];
    if (s >= m->subject_end || *s != open) return NULL;
    int depth = 1;
    for (const char *t = s + 1; t < m->subject_end; t++) {
        if (*t == close) {
            if (--depth == 0) {
                PT_STEPS(m, t - s);
                return t + 1;
            }
        } else if (*t == open) {
            depth++;
        }
    }
    PT_STEPS(m, m->subject_end - s);
    return NULL;
}

/* The rest of the pattern from p against the subject from s, without a new
** level of nesting for the items that need none. */
static const char *pt_match_here(pt_matcher *m, const char *s, const char *p) {
    const char *pend = m->pattern_end;
    for (;;) {
        PT_STEPS(m, 1);
        if (p == pend) return s;
        switch (*p) {
        case '(':
            if (p + 1 < pend && p[1] == ')')
                return pt_open_capture(m, s, p + 2, PT_POSITION);
            return pt_open_capture(m, s, p + 1, PT_OPEN);
        case ')':
            return pt_close_capture(m, s, p + 1);
        case '$':
            if (p + 1 == pend) return s == m->subject_end ? s : NULL;
            break;  /* a '$' elsewhere is an ordinary byte */
        case '%': {
            int next = p + 1 < pend ? (unsigned char)p[1] : 0;
            if (next == 'b') {
                s = pt_balanced(m, s, p + 2);
                if (s == NULL) return NULL;
                p += 4;
                continue;
            }
            if (next == 'f') {
                p += 2;
                if (p >= pend || *p != '[')
                    luaL_error(m->L, "missing '[' after '%%f' in pattern");
                const char *ep = pt_class_end(m, p);
                int before = s == m->subject ? 0 : (unsigned char)s[-1];
                int here = s < m->subject_end ? (unsigned char)*s : 0;
                if (pt_in_set(before, p, ep - 1) || !pt_in_set(here, p, ep - 1))
                    return NULL;
                p = ep;
                continue;
            }
            if (next >= '0' && next <= '9') {
                s = pt_back_reference(m, s, next);
                if (s == NULL) return NULL;
                p += 2;
                continue;
            }
            break;  /* %x: a class */
        }
        default:
            break;
        }
        /* One single-character class, perhaps followed by ?, *, + or -. */
        const char *ep = pt_class_end(m, p);
        int suffix = ep < pend ? (unsigned char)*ep : 0;
        if (!pt_single(m, s, p, ep)) {
            if (suffix == '*' || suffix == '?' || suffix == '-') {
                p = ep + 1;  /* zero repetitions are fine */
                continue;
            }
            return NULL;
        }
        switch (suffix) {
        case '?': {
            const char *rest = pt_match(m, s + 1, ep + 1);
            if (rest != NULL) return rest;
            p = ep + 1;
            continue;
        }
        case '+': return pt_longest(m, s + 1, p, ep);
        case '*': return pt_longest(m, s, p, ep);
        case '-': return pt_shortest(m, s, p, ep);
        default:
            s++;
            p = ep;
            continue;
        }
    }
}

/* One level of nesting: the end of the match of p at s, or NULL. */
static const char *pt_match(pt_matcher *m, const char *s, const char *p) {
    if (m->depth_left-- == 0) luaL_error(m->L, "pattern too complex");
    const char *end = pt_match_here(m, s, p);
    m->depth_left++;
    return end;
}

/* ---- captures as Lua values -------------------------------------------- */

/* Pushes capture i (from 0); with no captures at all, i == 0 is the whole
** match [s, e). */
static void pt_push_capture(pt_matcher *m, int i, const char *s, const char *e) {
    if (i >= m->ncaptures) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
        return;
    }
    const pt_capture *c = &m->captures[i];
    if (c->len == PT_OPEN) luaL_error(m->L, "unfinished capture");
    if (c->len == PT_POSITION)
        lua_pushinteger(m->L, (lua_Integer)(c->start - m->subject) + 1);
    else
        lua_pushlstring(m->L, c->start, (size_t)c->len);
}

/* Pushes every capture, or the whole match when there are none and s is
** given; returns how many values were pushed. */
static int pt_push_captures(pt_matcher *m, const char *s, const char *e) {
    int n = (m->ncaptures == 0 && s != NULL) ? 1 : m->ncaptures;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++) pt_push_capture(m, i, s, e);
    return n;
}

/* ---- helpers of the Lua functions ---------------------------------------- */

/* A start position as Lua counts it (1-based, negative from the end) made
** into a 0-based offset; may be past the end. */
static size_t pt_start_offset(lua_Integer init, size_t len) {
    if (init > 0) return (size_t)init - 1;
    if (init == 0 || init < -(lua_Integer)len) return 0;
    return len - (size_t)(-init);
}

static int pt_has_magic(const char *p, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (memchr("^$*+?.([%-", p[i], 10) != NULL) return 1;
    return 0;
}

/* The first occurrence of needle in haystack, byte for byte. */
static const char *pt_plain_find(pt_matcher *m, const char *hay, size_t hay_len,
                                 const char *needle, size_t needle_len) {
    if (needle_len == 0) return hay;
    if (needle_len > hay_len) return NULL;
    const char *last = hay + (hay_len - needle_len);
    const char *at = hay;
    while (at <= last) {
        const char *hit = memchr(at, needle[0], (size_t)(last - at) + 1);
        if (hit == NULL) {
            PT_STEPS(m, 1 + (last - at) / 64);
            return NULL;
        }
        PT_STEPS(m, 1 + (hit - at) / 64 + (long)(needle_len / 64));
        if (memcmp(hit + 1, needle + 1, needle_len - 1) == 0) return hit;
        at = hit + 1;
    }
    return NULL;
}

/* ---- string.find and string.match ------------------------------------------ */

static int pt_find_or_match(lua_State *L, int find) {
    size_t sl, pl;
    const char *s = luaL_checklstring(L, 1, &sl);
    const char *p = luaL_checklstring(L, 2, &pl);
    size_t start = pt_start_offset(luaL_optinteger(L, 3, 1), sl);
    if (start > sl) {
        luaL_pushfail(L);
        return 1;
    }
    pt_matcher m;
    pt_init(&m, L, s, sl, p, pl);
    if (find && (lua_toboolean(L, 4) || !pt_has_magic(p, pl))) {
        const char *hit = pt_plain_find(&m, s + start, sl - start, p, pl);
        pt_flush(&m);
        if (hit == NULL) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
        lua_pushinteger(L, (lua_Integer)(hit - s) + (lua_Integer)pl);
        return 2;
    }
    int anchored = pl > 0 && p[0] == '^';
    if (anchored) {
        p++;
        pl--;
        m.pattern_end = p + pl;
    }
    for (const char *at = s + start;; at++) {
        pt_restart(&m);
        const char *end = pt_match(&m, at, p);
        if (end != NULL) {
            int n;
            if (find) {
                lua_pushinteger(L, (lua_Integer)(at - s) + 1);
                lua_pushinteger(L, (lua_Integer)(end - s));
                n = 2 + pt_push_captures(&m, NULL, NULL);
            } else {
                n = pt_push_captures(&m, at, end);
            }
            pt_flush(&m);
            return n;
        }
        if (anchored || at >= m.subject_end) break;
    }
    pt_flush(&m);
    luaL_pushfail(L);
    return 1;
}

static int pt_find(lua_State *L) { return pt_find_or_match(L, 1); }
static int pt_match_fn(lua_State *L) { return pt_find_or_match(L, 0); }

/* ---- string.gmatch ------------------------------------------------------------ */

/* The iterator's state between calls, as offsets into the subject (kept
** alive, with the pattern, as upvalues 1 and 2 of the iterator). */
typedef struct {
    size_t next;        /* where the next search starts; > length: done */
    size_t last_end;    /* end of the previous match, or PT_NO_MATCH */
} pt_gmatch_state;

static int pt_gmatch_next(lua_State *L) {
    size_t sl, pl;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &sl);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &pl);
    pt_gmatch_state *g = (pt_gmatch_state *)lua_touserdata(L, lua_upvalueindex(3));
    pt_matcher m;
    pt_init(&m, L, s, sl, p, pl);
    for (size_t at = g->next; at <= sl; at++) {
        pt_restart(&m);
        const char *end = pt_match(&m, s + at, p);
        /* An empty match right where the previous match ended is skipped. */
        if (end != NULL && (size_t)(end - s) != g->last_end) {
            int n = pt_push_captures(&m, s + at, end);
            pt_flush(&m);
            g->next = g->last_end = (size_t)(end - s);
            return n;
        }
    }
    pt_flush(&m);
    g->next = sl + 1;
    return 0;
}

static int pt_gmatch(lua_State *L) {
    size_t sl, pl;
    luaL_checklstring(L, 1, &sl);
    luaL_checklstring(L, 2, &pl);
    size_t start = pt_start_offset(luaL_optinteger(L, 3, 1), sl);
    lua_settop(L, 2);
    pt_gmatch_state *g = (pt_gmatch_state *)lua_newuserdatauv(L, sizeof *g, 0);
    g->next = start > sl ? sl + 1 : start;
    g->last_end = PT_NO_MATCH;
    lua_pushcclosure(L, pt_gmatch_next, 3);
    return 1;
}

/* ---- string.gsub ---------------------------------------------------------------- */

/* Appends the replacement string (argument 3) for the match [s, e), with
** %0 ... %9 and %% expanded. */
static void pt_append_template(pt_matcher *m, luaL_Buffer *b, const char *s,
                               const char *e) {
    lua_State *L = m->L;
    size_t rl;
    const char *r = lua_tolstring(L, 3, &rl);
    const char *rend = r + rl;
    while (r < rend) {
        const char *esc = memchr(r, '%', (size_t)(rend - r));
        if (esc == NULL) {
            PT_STEPS(m, 1 + (rend - r) / 64);
            luaL_addlstring(b, r, (size_t)(rend - r));
            return;
        }
        PT_STEPS(m, 1 + (esc - r) / 64);
        luaL_addlstring(b, r, (size_t)(esc - r));
        int c = esc + 1 < rend ? (unsigned char)esc[1] : 0;
        if (c == '%') {
            luaL_addchar(b, '%');
        } else if (c == '0') {
            PT_STEPS(m, (e - s) / 64);
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (c >= '1' && c <= '9') {
            pt_push_capture(m, c - '1', s, e);
            luaL_addvalue(b);
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", '%');
        }
        r = esc + 2;
    }
}

/* Appends the replacement of the match [s, e); returns whether the text
** changed (a false or nil result of a table or function keeps the match). */
static int pt_append_replacement(pt_matcher *m, luaL_Buffer *b, const char *s,
                                 const char *e, int how) {
    lua_State *L = m->L;
    if (how == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = pt_push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (how == LUA_TTABLE) {
        pt_push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        pt_append_template(m, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

static int pt_gsub(lua_State *L) {
    size_t sl, pl;
    const char *s = luaL_checklstring(L, 1, &sl);
    const char *p = luaL_checklstring(L, 2, &pl);
    int how = lua_type(L, 3);
    lua_Integer most = luaL_optinteger(L, 4, (lua_Integer)sl + 1);
    luaL_argexpected(L, how == LUA_TNUMBER || how == LUA_TSTRING ||
                        how == LUA_TFUNCTION || how == LUA_TTABLE,
                     3, "string/function/table");
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int anchored = pl > 0 && p[0] == '^';
    if (anchored) {
        p++;
        pl--;
    }
    pt_matcher m;
    pt_init(&m, L, s, sl, p, pl);
    const char *at = s;
    const char *last_end = NULL;
    lua_Integer count = 0;
    int changed = 0;
    while (count < most) {
        pt_restart(&m);
        const char *end = pt_match(&m, at, p);
        if (end != NULL && end != last_end) {
            count++;
            changed |= pt_append_replacement(&m, &b, at, end, how);
            at = last_end = end;
        } else if (at < m.subject_end) {
            luaL_addchar(&b, *at++);
        } else {
            break;
        }
        if (anchored) break;
    }
    pt_flush(&m);
    if (changed) {
        luaL_addlstring(&b, at, (size_t)(m.subject_end - at));
        luaL_pushresult(&b);
    } else {
        lua_pushvalue(L, 1);
    }
    lua_pushinteger(L, count);
    return 2;
}

void cg_open_patterns(lua_State *L, int tableIndex) {
    int t = lua_absindex(L, tableIndex);
    lua_pushcfunction(L, pt_find);
    lua_setfield(L, t, "find");
    lua_pushcfunction(L, pt_match_fn);
    lua_setfield(L, t, "match");
    lua_pushcfunction(L, pt_gmatch);
    lua_setfield(L, t, "gmatch");
    lua_pushcfunction(L, pt_gsub);
    lua_setfield(L, t, "gsub");
}
