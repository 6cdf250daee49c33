/*
** differential.c -- differential test of Commend's step-bounded pattern
** functions (Sources/LuaGlue/pattern.c) against Lua 5.4's own.
**
** Opens the standard libraries, keeps the originals as globals orig_find,
** orig_match, orig_gmatch, orig_gsub, installs the bounded versions into the
** real 'string' table with cg_open_patterns, provides stub
** cg_limits_charge/cg_limits_raise, and runs a Lua script (corpus.lua).
**
** Helpers visible to the script:
**   set_budget(n)   reset the step total; cg_limits_charge trips (returns 1)
**                   once the total exceeds n (n < 0: never trips)
**   get_steps()     steps charged since the last set_budget
**   get_charges()   number of cg_limits_charge calls since set_budget
**   now()           monotonic wall clock in seconds (float)
** Usage: differential corpus.lua [args...]   (args are passed as '...')
**
** Build (from the repository root; do not link glue.c, the stubs are here):
**   gcc -O2 -I/usr/include/lua5.4 -ISources/LuaGlue/include \
**     -o /tmp/pattern-diff Tests/LuaGlueTests/pattern-differential/differential.c \
**     Sources/LuaGlue/pattern.c -llua5.4
**   /tmp/pattern-diff Tests/LuaGlueTests/pattern-differential/corpus.lua
** Exit status 0 iff there is no difference and every bomb ended in time.
*/
#define _POSIX_C_SOURCE 200809L  /* clock_gettime */
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "cg_pattern.h"

static long g_total = 0;
static long g_budget = -1;
static long g_charges = 0;

int cg_limits_charge(lua_State *L, long steps) {
  (void)L;
  if (steps < 0 || g_total > LONG_MAX - steps)  /* saturate, no UB */
    g_total = LONG_MAX;
  else
    g_total += steps;
  g_charges++;
  return (g_budget >= 0 && g_total > g_budget) ? 1 : 0;
}

int cg_limits_raise(lua_State *L) {
  lua_pushstring(L, "instruction limit exceeded");
  return lua_error(L);
}

static int l_set_budget(lua_State *L) {
  g_budget = (long)luaL_checkinteger(L, 1);
  g_total = 0;
  g_charges = 0;
  return 0;
}

static int l_get_steps(lua_State *L) {
  lua_pushinteger(L, g_total);
  return 1;
}

static int l_get_charges(lua_State *L) {
  lua_pushinteger(L, g_charges);
  return 1;
}

static int l_now(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec * 1e-9);
  return 1;
}

static int msgh(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  luaL_traceback(L, L, msg ? msg : "(non-string error)", 1);
  return 1;
}

int main(int argc, char **argv) {
  static const char *names[] = {"find", "match", "gmatch", "gsub"};
  lua_State *L;
  int i, status;
  if (argc < 2) {
    fprintf(stderr, "usage: %s corpus.lua [args...]\n", argv[0]);
    return 2;
  }
  L = luaL_newstate();
  luaL_openlibs(L);
  lua_getglobal(L, "string");
  for (i = 0; i < 4; i++) {  /* keep the originals */
    char g[32];
    lua_getfield(L, -1, names[i]);
    snprintf(g, sizeof g, "orig_%s", names[i]);
    lua_setglobal(L, g);
  }
  cg_open_patterns(L, -1);  /* install the bounded versions */
  for (i = 0; i < 4; i++) {
    char g[32];
    lua_getfield(L, -1, names[i]);
    snprintf(g, sizeof g, "bounded_%s", names[i]);
    lua_setglobal(L, g);
  }
  lua_pop(L, 1);
  lua_register(L, "set_budget", l_set_budget);
  lua_register(L, "get_steps", l_get_steps);
  lua_register(L, "get_charges", l_get_charges);
  lua_register(L, "now", l_now);

  lua_pushcfunction(L, msgh);
  if (luaL_loadfile(L, argv[1]) != LUA_OK) {
    fprintf(stderr, "%s\n", lua_tostring(L, -1));
    return 2;
  }
  for (i = 2; i < argc; i++)
    lua_pushstring(L, argv[i]);
  status = lua_pcall(L, argc - 2, 1, 1);
  if (status != LUA_OK) {
    fprintf(stderr, "error: %s\n", lua_tostring(L, -1));
    lua_close(L);
    return 1;
  }
  status = lua_toboolean(L, -1) ? 0 : 1;  /* script returns true on success */
  lua_close(L);
  return status;
}
