/* The bytecode of a Lua function, for fingerprints (see cg_dump.h). */
#include "cg_dump.h"
#include <lauxlib.h>

typedef struct {
    luaL_Buffer buffer;
    int started;
} dump_state;

/* lua_dump's writer: the buffer is started at the first piece, once the
 * function being dumped is no longer needed on top of the stack. */
static int add_piece(lua_State *L, const void *piece, size_t size, void *ud) {
    dump_state *state = (dump_state *)ud;
    if (!state->started) {
        state->started = 1;
        luaL_buffinit(L, &state->buffer);
    }
    luaL_addlstring(&state->buffer, (const char *)piece, size);
    return 0;
}

int cg_dump_function(lua_State *L) {
    if (lua_type(L, 1) != LUA_TFUNCTION || lua_iscfunction(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    lua_settop(L, 1);
    dump_state state;
    state.started = 0;
    lua_dump(L, add_piece, &state, 0);
    if (!state.started) {
        lua_pushliteral(L, "");
        return 1;
    }
    luaL_pushresult(&state.buffer);
    return 1;
}
