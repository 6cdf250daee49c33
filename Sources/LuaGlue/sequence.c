/* A sequence of Lua functions called with the same arguments in one
 * protected call: the hot loop of evaluation calls a declaration's `applies`,
 * its criteria or items and its tail functions for one subject, and one
 * protected call from the host costs more than the calls themselves. */
#include "cg_glue.h"
#include <lauxlib.h>

/* Stack at entry: 1 plan (see cg_glue.h), then `nargs` arguments. */
static int cg_sequence(lua_State *L) {
    cg_runtime *rt = cg_runtime_of(L);
    int nargs = lua_gettop(L) - 1;
    long long each = rt->call_budget;
    lua_rawgeti(L, 1, 2);
    int parts = (int)lua_tointeger(L, -1);
    lua_rawgeti(L, 1, 3);
    int tails = (int)lua_tointeger(L, -1);
    lua_rawgeti(L, 1, 4);
    int tails_need_all = lua_toboolean(L, -1);
    lua_pop(L, 3);
    luaL_checkstack(L, 2 * (parts + tails) + nargs + 4, "too many functions in a sequence");
    int first = lua_gettop(L) + 1;   /* the first result */

    /* The gate: nothing more runs when it returns a falsy value. */
    rt->sequence_step = -1;
    if (lua_rawgeti(L, 1, 1) == LUA_TFUNCTION) {
        for (int a = 2; a <= nargs + 1; a++) lua_pushvalue(L, a);
        lua_call(L, nargs, 1);
        lua_pushboolean(L, lua_toboolean(L, -1));
        lua_replace(L, -2);
    } else {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    if (!lua_toboolean(L, -1)) return 1;

    int all = 1;
    for (int i = 0; i < parts + tails; i++) {
        if (i == parts && tails_need_all && !all) break;
        rt->sequence_step = i;
        if (lua_rawgeti(L, 1, 5 + i) == LUA_TFUNCTION) {
            rt->call_budget = each;
            for (int a = 2; a <= nargs + 1; a++) lua_pushvalue(L, a);
            lua_call(L, nargs, 2);
            if (i < parts && !lua_toboolean(L, -2)) all = 0;
        } else {
            lua_pop(L, 1);
            lua_pushnil(L);
            lua_pushnil(L);
            if (i < parts) all = 0;
        }
    }
    rt->sequence_step = -2;
    return lua_gettop(L) - first + 1;
}

void cg_push_sequence(lua_State *L) {
    lua_pushcfunction(L, cg_sequence);
}
