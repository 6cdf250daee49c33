/*
** cg_dump.h -- a function's bytecode for the host: the sandbox takes
** string.dump away from scripts, but the result cache fingerprints rule
** functions by their bytecode (see LuaCanonicalForm in LuaKit).
*/

#ifndef CG_DUMP_H
#define CG_DUMP_H

#include <lua.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
** A lua_CFunction: the bytecode of the Lua function at argument 1 as a
** string, debug information (source name, lines, names) kept; nil for a C
** function or any other value.
*/
int cg_dump_function(lua_State *L);

#ifdef __cplusplus
}
#endif

#endif
