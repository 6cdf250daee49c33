/*
** cg_pattern.h -- Commend's string.find, string.match, string.gmatch and
** string.gsub, which behave as Lua 5.4's own but count their work as steps
** and charge them to the run's limits (see pattern.c and cg_meter.h): a
** pattern that backtracks for ever ends with the limit error instead.
*/

#ifndef CG_PATTERN_H
#define CG_PATTERN_H

#include <lua.h>

#include "cg_glue.h"

#ifdef __cplusplus
extern "C" {
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
