/* Lua 5.4 headers for Swift, with static inline wrappers for the
 * function-like macros that Swift cannot import. */
#ifndef COMMEND_CLUA_SHIM_H
#define COMMEND_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static const int clua_registryindex = LUA_REGISTRYINDEX;
static const int clua_multret = LUA_MULTRET;
static const lua_Integer clua_ridx_globals = LUA_RIDX_GLOBALS;

static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int clua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}
static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void clua_newtable(lua_State *L) { lua_newtable(L); }
static inline const char *clua_tostring(lua_State *L, int i) { return lua_tostring(L, i); }
static inline lua_Number clua_tonumber(lua_State *L, int i) { return lua_tonumber(L, i); }
static inline lua_Integer clua_tointeger(lua_State *L, int i) { return lua_tointeger(L, i); }
static inline int clua_isnil(lua_State *L, int i) { return lua_isnil(L, i); }
static inline int clua_isnone(lua_State *L, int i) { return lua_isnone(L, i); }
static inline int clua_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }
static inline int clua_istable(lua_State *L, int i) { return lua_istable(L, i); }
static inline int clua_isfunction(lua_State *L, int i) { return lua_isfunction(L, i); }
static inline int clua_isboolean(lua_State *L, int i) { return lua_isboolean(L, i); }
static inline void clua_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }
static inline void clua_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
static inline void clua_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void clua_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void clua_replace(lua_State *L, int i) { lua_replace(L, i); }
static inline void *clua_newuserdata(lua_State *L, size_t size) { return lua_newuserdata(L, size); }
static inline int clua_getmetatable_named(lua_State *L, const char *name) { return luaL_getmetatable(L, name); }

static inline const char *clua_typename(lua_State *L, int i) { return luaL_typename(L, i); }
static inline int clua_gc_collect(lua_State *L) { return lua_gc(L, LUA_GCCOLLECT, 0); }
static inline int clua_gc_count_kb(lua_State *L) { return lua_gc(L, LUA_GCCOUNT, 0); }

#endif
