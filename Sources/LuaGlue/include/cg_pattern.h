/*
** cg_pattern.h -- step-bounded replacements for Lua 5.4's pattern matching
** functions (string.find, string.match, string.gmatch, string.gsub).
**
** Lua's count hook never fires while a C function runs, so the stock
** matcher in lstrlib.c can backtrack for hours on a hostile pattern such as
**   string.find(string.rep("a", 40), string.rep("a*", 20) .. "b")
** The functions installed by cg_open_patterns behave exactly like Lua
** 5.4's own, except that their matcher counts steps and, every
** CG_PATTERN_STEP_BATCH steps, charges them with cg_limits_charge().  When
** that reports the run's limit has tripped, the matcher unwinds at once and
** the Lua function ends with `return cg_limits_raise(L);`.
*/

#ifndef CG_PATTERN_H
#define CG_PATTERN_H

#include <lua.h>

#ifdef __cplusplus
extern "C" {
#endif

/* steps counted between two calls of cg_limits_charge */
#define CG_PATTERN_STEP_BATCH 1024

/*
** cg_limits_charge / cg_limits_raise are defined by the project's glue
** (cg_glue.h).  Declare them here only when that header is not available.
**   cg_limits_charge: add 'steps' to the run's budget; nonzero = limit hit.
**   cg_limits_raise:  raise the limit error with lua_error (does not return).
*/
#if defined(__has_include)
#if __has_include("cg_glue.h")
#include "cg_glue.h"
#define CG_PATTERN_HAVE_GLUE_H 1
#endif
#endif

#ifndef CG_PATTERN_HAVE_GLUE_H
extern int cg_limits_charge(lua_State *L, long steps);
extern int cg_limits_raise(lua_State *L);
#endif

/*
** Set 'find', 'match', 'gmatch' and 'gsub' in the table at 'tableIndex'
** (normally the real 'string' library table, which is also the __index of
** the string metatable, so method calls s:find(...) use them too) to the
** step-bounded versions.  'tableIndex' may be relative or a pseudo-index.
*/
void cg_open_patterns(lua_State *L, int tableIndex);

#ifdef __cplusplus
}
#endif

#endif /* CG_PATTERN_H */
