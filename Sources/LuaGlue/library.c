/*
** library.c -- table.move, table.insert, table.remove, table.concat,
** table.sort, string.rep and os.date held to the run's limits.
**
** Written for Commend from the Lua 5.4 reference manual (6.4 and 6.6);
** results and error messages are those of Lua 5.4's own functions (the
** library differential test in Tests/LuaGlueTests compares them).
**
** Why: these functions loop inside C over a range the caller chooses, and
** Lua's count hook never fires there. table.move({}, 1, 1 << 40, 2), or
** table.insert on a table whose __len says 2^50, moves nils for ever without
** allocating anything, and string.rep("", 1 << 50) copies nothing 2^50
** times: no limit stopped them. Here each element moved or copied is a step
** on a meter (cg_meter.h), so the instruction budget and the wall-clock
** limit hold, and string.rep of nothing returns at once.
*/
#include "cg_glue.h"
#include "cg_meter.h"

#include <lauxlib.h>
#include <limits.h>
#include <string.h>

/* What a table argument must allow (read, write, length) when it is not a
** real table: the metamethods that give it that. */
enum { LB_READ = 1, LB_WRITE = 2, LB_LENGTH = 4 };

static int lb_has_field(lua_State *L, const char *name, int metatable) {
    lua_pushstring(L, name);
    return lua_rawget(L, metatable) != LUA_TNIL;
}

/* A table argument, or a value whose metatable has the metamethods for
** what 'needs'; anything else is a "table expected" argument error. */
static void lb_check_table(lua_State *L, int arg, int needs) {
    if (lua_type(L, arg) == LUA_TTABLE) return;
    int top = lua_gettop(L);
    if (lua_getmetatable(L, arg)) {
        int mt = lua_gettop(L);
        int ok = (!(needs & LB_READ) || lb_has_field(L, "__index", mt)) &&
                 (!(needs & LB_WRITE) || lb_has_field(L, "__newindex", mt)) &&
                 (!(needs & LB_LENGTH) || lb_has_field(L, "__len", mt));
        lua_settop(L, top);
        if (ok) return;
    }
    luaL_checktype(L, arg, LUA_TTABLE);
}

/* The length of table argument 'arg' (which must allow 'needs' too). */
static lua_Integer lb_length(lua_State *L, int arg, int needs) {
    lb_check_table(L, arg, needs | LB_LENGTH);
    return luaL_len(L, arg);
}

/* table.move (a1, f, e, t [,a2]) */
static int lb_move(lua_State *L) {
    lua_Integer from = luaL_checkinteger(L, 2);
    lua_Integer last = luaL_checkinteger(L, 3);
    lua_Integer to = luaL_checkinteger(L, 4);
    int dest = lua_isnoneornil(L, 5) ? 1 : 5;
    lb_check_table(L, 1, LB_READ);
    lb_check_table(L, dest, LB_WRITE);
    if (last >= from) {
        luaL_argcheck(L, from > 0 || last < LUA_MAXINTEGER + from, 3, "too many elements to move");
        lua_Integer count = last - from + 1;
        luaL_argcheck(L, to <= LUA_MAXINTEGER - count + 1, 4, "destination wrap around");
        cg_meter meter;
        cg_meter_start(&meter, L);
        /* Copy backwards when the ranges overlap with the target above. */
        int forwards = to > last || to <= from || (dest != 1 && !lua_compare(L, 1, dest, LUA_OPEQ));
        for (lua_Integer k = 0; k < count; k++) {
            lua_Integer i = forwards ? k : count - 1 - k;
            cg_meter_add(&meter, 1);
            lua_geti(L, 1, from + i);
            lua_seti(L, dest, to + i);
        }
        cg_meter_flush(&meter);
    }
    lua_pushvalue(L, dest);
    return 1;
}

/* table.insert (list, [pos,] value) */
static int lb_insert(lua_State *L) {
    lua_Integer end = lb_length(L, 1, LB_READ | LB_WRITE);
    lua_Integer first_free = (lua_Integer)((lua_Unsigned)end + 1u);
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = first_free;
        break;
    case 3: {
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)first_free, 2, "position out of bounds");
        cg_meter meter;
        cg_meter_start(&meter, L);
        for (lua_Integer i = first_free; i > pos; i--) {
            cg_meter_add(&meter, 1);
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        cg_meter_flush(&meter);
        break;
    }
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

/* table.remove (list [, pos]) */
static int lb_remove(lua_State *L) {
    lua_Integer size = lb_length(L, 1, LB_READ | LB_WRITE);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    /* Lua 5.4.4 names argument #1 in this message; so do we. */
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1, "position out of bounds");
    lua_geti(L, 1, pos);
    cg_meter meter;
    cg_meter_start(&meter, L);
    for (; pos < size; pos++) {
        cg_meter_add(&meter, 1);
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    cg_meter_flush(&meter);
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

/* Appends list[i] to the buffer; it must be a string or a number. */
static void lb_add_item(lua_State *L, luaL_Buffer *b, lua_Integer i) {
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid value (%s) at index %I in table for 'concat'",
                   luaL_typename(L, -1), (LUAI_UACINT)i);
    luaL_addvalue(b);
}

/* table.concat (list [, sep [, i [, j]]]) */
static int lb_concat(lua_State *L) {
    lua_Integer last = lb_length(L, 1, LB_READ);
    size_t sep_len;
    const char *sep = luaL_optlstring(L, 2, "", &sep_len);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    cg_meter meter;
    cg_meter_start(&meter, L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; i < last; i++) {
        cg_meter_add(&meter, 1 + (long)(sep_len / 64));
        lb_add_item(L, &b, i);
        luaL_addlstring(&b, sep, sep_len);
    }
    if (i == last) lb_add_item(L, &b, i);
    cg_meter_flush(&meter);
    luaL_pushresult(&b);
    return 1;
}

/* string.rep (s, n [, sep]) */
static int lb_rep(lua_State *L) {
    size_t len, sep_len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &sep_len);
    /* Nothing repeated is nothing, however many times. */
    if (n <= 0 || len + sep_len == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    size_t largest = (size_t)LUA_MAXINTEGER;
    if (len + sep_len < len || len + sep_len > largest / (size_t)n)
        return luaL_error(L, "resulting string too large");
    size_t total = (size_t)n * len + (size_t)(n - 1) * sep_len;
    /* The copying is charged before it starts: one step per 64 bytes. */
    cg_meter meter;
    cg_meter_start(&meter, L);
    cg_meter_add(&meter, 1 + (long)(total / 64));
    cg_meter_flush(&meter);
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, total);
    for (lua_Integer k = 0; k < n; k++) {
        if (k > 0 && sep_len > 0) {
            memcpy(out, sep, sep_len);
            out += sep_len;
        }
        memcpy(out, s, len);
        out += len;
    }
    luaL_pushresultsize(&b, total);
    return 1;
}

/* log2(n) rounded up, at least 1: the depth of a balanced sort. */
static long lb_log2(lua_Integer n) {
    long bits = 1;
    while (bits < 63 && ((lua_Integer)1 << bits) < n) bits++;
    return bits;
}

/* table.sort (list [, comp]): Lua's own sort (upvalue 1), charged before it
** starts with n * log2(n) steps, the work of a sort of n elements. A sort
** whose elements come from C metamethods (__index = tostring) or that
** compares plain values runs no Lua instruction, so it is refused up front
** when that work does not fit the budget. The argument checks are made here,
** so that their messages name 'sort' as Lua's would. */
static int lb_sort(lua_State *L) {
    lua_Integer n = lb_length(L, 1, LB_READ | LB_WRITE);
    if (n > 1) {
        luaL_argcheck(L, n < INT_MAX, 1, "array too big");
        if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
        cg_meter meter;
        cg_meter_start(&meter, L);
        cg_meter_add(&meter, (long)n * lb_log2(n));
        cg_meter_flush(&meter);
    }
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        /* Lua's sort places this message at its caller; called from here,
        ** it would have no place: add the caller's, as Lua does. */
        const char *message = lua_tostring(L, -1);
        if (lua_type(L, -1) == LUA_TSTRING && strcmp(message, "invalid order function for sorting") == 0) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return 0;
}

/* os.date (format [, time]): Lua's own (upvalue 1), charged first with 32
** steps per byte of the format. Each conversion (%c, %x, ...) is a strftime
** call of a few hundred nanoseconds, about what 32 Lua instructions take;
** a 20 MB format ran for seconds inside C past --timeout. Lua's os.date
** raises its errors without a place when called from here: the caller's
** place is added, as it would be for a call from Lua. */
static int lb_date(lua_State *L) {
    cg_runtime_of(L)->volatile_calls++;
    size_t len = 0;
    if (lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &len);
    cg_meter meter;
    cg_meter_start(&meter, L);
    cg_meter_add(&meter, 1 + 32 * (long)len);
    cg_meter_flush(&meter);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int status = lua_pcall(L, n, LUA_MULTRET, 0);
    if (status == LUA_ERRRUN && !cg_runtime_of(L)->tripped && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    if (status != LUA_OK) return lua_error(L);
    return lua_gettop(L);
}

void cg_push_bounded_date(lua_State *L) {
    lua_getglobal(L, "os");
    lua_getfield(L, -1, "date");
    lua_remove(L, -2);
    lua_pushcclosure(L, lb_date, 1);
}

/* A call of os.time or os.clock, counted (what they return depends on when
 * they are called, which a cache of results must know). The C function is
 * called in this very frame, not through Lua: its errors keep their name
 * and the caller's place. */
static int lb_volatile(lua_State *L) {
    cg_runtime_of(L)->volatile_calls++;
    lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
    return f(L);
}

void cg_push_counted(lua_State *L) {
    if (lua_tocfunction(L, -1) == NULL) return;   /* not a C function: left as it is */
    lua_pushcclosure(L, lb_volatile, 1);
}

static void lb_set(lua_State *L, const char *library, const char *name, lua_CFunction f) {
    if (lua_getglobal(L, library) == LUA_TTABLE) {
        lua_pushcfunction(L, f);
        lua_setfield(L, -2, name);
    }
    lua_pop(L, 1);
}

void cg_open_sandbox_library(lua_State *L) {
    lb_set(L, "table", "move", lb_move);
    lb_set(L, "table", "insert", lb_insert);
    lb_set(L, "table", "remove", lb_remove);
    lb_set(L, "table", "concat", lb_concat);
    lb_set(L, "string", "rep", lb_rep);
    /* table.sort keeps Lua's own algorithm (same order of equal elements),
    ** behind a gate that charges its work first. */
    if (lua_getglobal(L, "table") == LUA_TTABLE) {
        lua_getfield(L, -1, "sort");
        lua_pushcclosure(L, lb_sort, 1);
        lua_setfield(L, -2, "sort");
    }
    lua_pop(L, 1);
}
