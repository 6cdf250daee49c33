/* Lookups answered in C (see cg_glue.h): rules ask "was this subject
 * awarded that award?" millions of times per run, and a call into the host
 * for each costs more than the rule that asks. The host publishes each
 * answer column once, when it is final; this file only reads them. */
#include "cg_glue.h"
#include <lauxlib.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cg_row_index {
    const unsigned char *bytes;
    const long *offsets;
    unsigned long mask;
    uint64_t *slots;          /* the hash's high 32 bits, then row + 1; 0: empty */
};

static uint64_t cg_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

/* The first field of row r as a string; 0 when it is not a string. */
static int cg_row_id(const cg_row_index *index, long r, const char **s, size_t *n) {
    const unsigned char *p = index->bytes + index->offsets[r];
    if (*p != CG_CELL_STRING) return 0;
    unsigned int length;
    memcpy(&length, p + 1, sizeof length);
    *s = (const char *)p + 1 + sizeof length;
    *n = length;
    return 1;
}

cg_row_index *cg_row_index_new(const unsigned char *bytes, const long *offsets, long count) {
    if (count < 0 || count >= INT32_MAX) return NULL;
    cg_row_index *index = malloc(sizeof *index);
    if (index == NULL) return NULL;
    unsigned long capacity = 16;
    while (capacity < (unsigned long)count * 2) capacity <<= 1;
    index->bytes = bytes;
    index->offsets = offsets;
    index->mask = capacity - 1;
    index->slots = calloc(capacity, sizeof *index->slots);
    if (index->slots == NULL) { free(index); return NULL; }
    for (long r = 0; r < count; r++) {
        const char *s;
        size_t n;
        if (!cg_row_id(index, r, &s, &n)) continue;
        uint64_t hash = cg_hash(s, n);
        uint64_t tag = hash & 0xFFFFFFFF00000000ull;
        unsigned long slot = hash & index->mask;
        for (;;) {
            uint64_t entry = index->slots[slot];
            if (entry == 0) { index->slots[slot] = tag | (uint64_t)(r + 1); break; }
            const char *t;
            size_t m;
            if ((entry & 0xFFFFFFFF00000000ull) == tag
                && cg_row_id(index, (long)(entry & 0xFFFFFFFFu) - 1, &t, &m) && m == n && memcmp(s, t, n) == 0) break;
            slot = (slot + 1) & index->mask;
        }
    }
    return index;
}

void cg_row_index_free(cg_row_index *index) {
    if (index == NULL) return;
    free(index->slots);
    free(index);
}

long cg_row_index_find(const cg_row_index *index, const char *s, size_t n) {
    uint64_t hash = cg_hash(s, n);
    uint64_t tag = hash & 0xFFFFFFFF00000000ull;
    unsigned long slot = hash & index->mask;
    for (;;) {
        uint64_t entry = index->slots[slot];
        if (entry == 0) return -1;
        const char *t;
        size_t m;
        long row = (long)(entry & 0xFFFFFFFFu) - 1;
        if ((entry & 0xFFFFFFFF00000000ull) == tag && cg_row_id(index, row, &t, &m) && m == n && memcmp(s, t, n) == 0)
            return row;
        slot = (slot + 1) & index->mask;
    }
}

/* The row of `s` in `index`, trying the hint's row first: most questions
 * are about the subject being evaluated, whose row is in the cache. */
static long cg_find_hinted(const cg_row_index *index, const cg_lookup_hint *hint, const char *s, size_t n) {
    if (hint != NULL && hint->index == index && hint->row >= 0) {
        const char *t;
        size_t m;
        if (cg_row_id(index, hint->row, &t, &m) && m == n && memcmp(s, t, n) == 0) return hint->row;
    }
    return cg_row_index_find(index, s, n);
}

static int cg_lookup_default(lua_State *L, const cg_lookup *lookup) {
    if (lookup->default_false) lua_pushboolean(L, 0);
    else lua_pushnil(L);
    return 1;
}

static int cg_lookup_fallback(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* f(name, id) */
static int cg_lookup_call(lua_State *L) {
    if (lua_gettop(L) != 2 || lua_type(L, 1) != LUA_TSTRING || lua_type(L, 2) != LUA_TSTRING)
        return cg_lookup_fallback(L);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNUMBER) {
        lua_pop(L, 1);
        return cg_lookup_fallback(L);
    }
    lua_Integer c = lua_tointeger(L, -1);
    lua_pop(L, 1);
    cg_lookup *lookup = lua_touserdata(L, lua_upvalueindex(1));
    if (c < 1 || c > lookup->count) return cg_lookup_fallback(L);
    const cg_column *column = &lookup->columns[c - 1];
    if (column->type == CG_COLUMN_PENDING) return cg_lookup_fallback(L);
    lookup->read[c - 1] = 1;
    if (column->type == CG_COLUMN_ABSENT || column->index == NULL) return cg_lookup_default(L, lookup);
    size_t n;
    const char *s = lua_tolstring(L, 2, &n);
    long row = cg_find_hinted(column->index, lookup->hint, s, n);
    if (row < 0) return cg_lookup_default(L, lookup);
    switch (column->type) {
    case CG_COLUMN_FLAGS: {
        unsigned char flag = ((const unsigned char *)column->values)[row];
        if (flag > 1) return cg_lookup_default(L, lookup);
        lua_pushboolean(L, flag);
        return 1;
    }
    case CG_COLUMN_NUMBERS: {
        double d = ((const double *)column->values)[row];
        if (isnan(d)) return cg_lookup_default(L, lookup);
        lua_pushnumber(L, d);
        return 1;
    }
    case CG_COLUMN_INTEGERS: {
        long long i = ((const long long *)column->values)[row];
        if (i == LLONG_MIN) return cg_lookup_default(L, lookup);
        lua_pushinteger(L, (lua_Integer)i);
        return 1;
    }
    case CG_COLUMN_LABELS: {
        int label = ((const int *)column->values)[row];
        if (label < 0) return cg_lookup_default(L, lookup);
        lua_pushlstring(L, column->labels[label], column->label_lengths[label]);
        return 1;
    }
    default:
        return cg_lookup_fallback(L);
    }
}

void cg_push_lookup(lua_State *L, cg_lookup *lookup, int names, int fallback) {
    names = lua_absindex(L, names);
    fallback = lua_absindex(L, fallback);
    lua_pushlightuserdata(L, lookup);
    lua_pushvalue(L, names);
    lua_pushvalue(L, fallback);
    lua_pushcclosure(L, cg_lookup_call, 3);
}
