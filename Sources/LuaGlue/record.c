/* Records read lazily from encoded rows (see cg_glue.h).
 *
 * A record is an empty proxy table whose own metatable holds a pointer to
 * its encoded row; `__index` decodes the one field asked for. Building a
 * record thus costs two small tables whatever the number of fields, and a
 * field never read is never turned into a Lua value: the host hands a
 * record to Lua for every subject of every declaration, and rules read only
 * a few fields of each. */
#include "cg_glue.h"
#include <lauxlib.h>
#include <string.h>

static const char CG_ROW_KEY = 0;
static const char CG_RECORD_NEWINDEX = 0;

static const unsigned char *cg_skip(const unsigned char *p) {
    switch (*p) {
    case CG_CELL_INTEGER:
    case CG_CELL_NUMBER:
        return p + 1 + 8;
    case CG_CELL_STRING: {
        unsigned int n;
        memcpy(&n, p + 1, sizeof n);
        return p + 1 + sizeof n + n;
    }
    default:
        return p + 1;
    }
}

/* Pushes the value of the field at `p`; returns 0 (pushing nothing) for nil. */
static int cg_push_cell(lua_State *L, const unsigned char *p) {
    switch (*p) {
    case CG_CELL_FALSE: lua_pushboolean(L, 0); return 1;
    case CG_CELL_TRUE: lua_pushboolean(L, 1); return 1;
    case CG_CELL_INTEGER: {
        long long i;
        memcpy(&i, p + 1, sizeof i);
        lua_pushinteger(L, (lua_Integer)i);
        return 1;
    }
    case CG_CELL_NUMBER: {
        double d;
        memcpy(&d, p + 1, sizeof d);
        lua_pushnumber(L, d);
        return 1;
    }
    case CG_CELL_STRING: {
        unsigned int n;
        memcpy(&n, p + 1, sizeof n);
        lua_pushlstring(L, (const char *)p + 1 + sizeof n, n);
        return 1;
    }
    default:
        return 0;
    }
}

static const unsigned char *cg_row_of(lua_State *L, int record) {
    if (!lua_getmetatable(L, record)) return NULL;
    lua_rawgetp(L, -1, &CG_ROW_KEY);
    const unsigned char *row = lua_touserdata(L, -1);
    lua_pop(L, 2);
    return row;
}

/* The field named `key` (1-based), or 0. Upvalue 1: the names table. */
static int cg_field_number(lua_State *L, int key) {
    if (lua_type(L, key) != LUA_TSTRING) return 0;
    lua_pushvalue(L, key);
    int k = lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER ? (int)lua_tointeger(L, -1) : 0;
    lua_pop(L, 1);
    return k;
}

/* __index(record, key) */
static int cg_record_index(lua_State *L) {
    int k = cg_field_number(L, 2);
    if (k == 0) {
        /* A name that is neither a field nor known to read as nil goes to
         * the kind's handler (upvalue 2), which raises "no such field". */
        if (lua_type(L, 2) != LUA_TSTRING || lua_type(L, lua_upvalueindex(2)) != LUA_TFUNCTION) return 0;
        lua_pushvalue(L, 2);
        if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 0;
        lua_pushvalue(L, lua_upvalueindex(2));
        lua_pushvalue(L, 2);
        lua_call(L, 1, 1);
        return 1;
    }
    const unsigned char *p = cg_row_of(L, 1);
    if (p == NULL) return 0;
    for (int i = 1; i < k; i++) p = cg_skip(p);
    return cg_push_cell(L, p);
}

/* next(record, key) over the fields that are not nil, in field order. */
static int cg_record_next(lua_State *L) {
    lua_settop(L, 2);
    int from = lua_isnil(L, 2) ? 0 : cg_field_number(L, 2);
    if (from == 0 && !lua_isnil(L, 2)) return luaL_error(L, "invalid key to 'next'");
    const unsigned char *p = cg_row_of(L, 1);
    int count = (int)lua_rawlen(L, lua_upvalueindex(1));
    if (p == NULL) return 0;
    for (int i = 1; i <= count; i++, p = cg_skip(p)) {
        if (i <= from || *p == CG_CELL_NIL) continue;
        lua_rawgeti(L, lua_upvalueindex(1), i);
        cg_push_cell(L, p);
        return 2;
    }
    lua_pushnil(L);
    return 1;
}

/* __pairs(record) */
static int cg_record_pairs(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, cg_record_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int cg_record_newindex(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "cannot assign to '%s': subjects are read-only", lua_tostring(L, 2));
    return luaL_error(L, "cannot assign into a subject: subjects are read-only");
}

void cg_push_record_kind(lua_State *L, int names) {
    names = lua_absindex(L, names);
    int count = (int)lua_rawlen(L, names);
    lua_createtable(L, 7, 0);
    /* the names, both ways: [k] = name and [name] = k */
    lua_createtable(L, count, count);
    for (int k = 1; k <= count; k++) {
        lua_rawgeti(L, names, k);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, k);
        lua_pushinteger(L, k);
        lua_rawset(L, -3);
    }
    /* names that read as nil: [name] = 0 */
    if (lua_getfield(L, names, "known") == LUA_TTABLE) {
        int known = (int)lua_rawlen(L, -1);
        for (int i = 1; i <= known; i++) {
            lua_rawgeti(L, -1, i);
            lua_pushvalue(L, -1);
            if (lua_rawget(L, -4) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_pushinteger(L, 0);
                lua_rawset(L, -4);
            } else {
                lua_pop(L, 2);
            }
        }
    }
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_getfield(L, names, "unknown");
    lua_pushcclosure(L, cg_record_index, 2);
    lua_rawseti(L, -3, 1);
    lua_pushcclosure(L, cg_record_pairs, 1);
    lua_rawseti(L, -2, 2);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &CG_RECORD_NEWINDEX) != LUA_TFUNCTION) {
        lua_pop(L, 1);
        lua_pushcfunction(L, cg_record_newindex);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &CG_RECORD_NEWINDEX);
    }
    lua_rawseti(L, -2, 3);
    /* the metamethods' names, interned once */
    static const char *const events[] = { "__index", "__pairs", "__newindex", "__metatable" };
    for (int e = 0; e < 4; e++) {
        lua_pushstring(L, events[e]);
        lua_rawseti(L, -2, 4 + e);
    }
}

void cg_push_record(lua_State *L, int kind, const unsigned char *row) {
    kind = lua_absindex(L, kind);
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 5);
    for (int e = 0; e < 3; e++) {      /* __index, __pairs, __newindex */
        lua_rawgeti(L, kind, 4 + e);
        lua_rawgeti(L, kind, 1 + e);
        lua_rawset(L, -3);
    }
    lua_rawgeti(L, kind, 7);
    lua_pushboolean(L, 0);
    lua_rawset(L, -3);
    lua_pushlightuserdata(L, (void *)row);
    lua_rawsetp(L, -2, &CG_ROW_KEY);
    lua_setmetatable(L, -2);
}
