#include "cg_glue.h"
#include "cg_pattern.h"

#include <lauxlib.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static cg_dispatch_fn cg_dispatch = NULL;
static cg_release_fn cg_release = NULL;

void cg_install(cg_dispatch_fn dispatch, cg_release_fn release) {
    cg_dispatch = dispatch;
    cg_release = release;
}

double cg_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

cg_runtime *cg_runtime_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (cg_runtime *)ud;
}

/* ---- the run's account ----------------------------------------------- */

struct cg_account {
    _Atomic long long budget;   /* instructions left; meaningless when unlimited */
    int unlimited;
    _Atomic long long used;     /* bytes charged */
    long long limit;            /* 0: no cap */
    _Atomic int tripped;        /* CG_TRIP_* of the first state that ran out */
};

cg_account *cg_account_new(long long instructions, long long memory, long long baseline) {
    cg_account *a = calloc(1, sizeof *a);
    if (a == NULL) return NULL;
    atomic_init(&a->budget, instructions < 0 ? 0 : instructions);
    a->unlimited = instructions < 0;
    atomic_init(&a->used, baseline);
    a->limit = memory;
    atomic_init(&a->tripped, CG_TRIP_NONE);
    return a;
}

void cg_account_free(cg_account *account) { free(account); }

long long cg_account_used(const cg_account *account) {
    return atomic_load(&((cg_account *)account)->used);
}

int cg_account_take(cg_account *account, long long instructions) {
    if (account->unlimited) return 1;
    long long left = atomic_load(&account->budget);
    while (left >= instructions) {
        if (atomic_compare_exchange_weak(&account->budget, &left, left - instructions)) return 1;
    }
    return 0;
}

void cg_account_attach(lua_State *L, cg_account *account) {
    cg_runtime *rt = cg_runtime_of(L);
    rt->attached_used = rt->used;
    rt->account = account;
    rt->credit = 0;
}

/* A state charges the run's account by chunks of this many bytes, kept
 * as its own credit: one shared atomic counter updated at every allocation
 * of every worker costs more than the allocation once two cores contend
 * for it. Near the cap a state takes only what it needs, so a run is
 * refused at most (workers - 1) * 2 chunks before the exact sum. */
#define CG_CREDIT_CHUNK (64 * 1024)

/* Charges `bytes` to the account whatever the cap (the host is in control,
 * or an allocation failed and its release must be undone). */
static void cg_account_charge(cg_runtime *rt, long long bytes) {
    if (rt->credit >= bytes) { rt->credit -= bytes; return; }
    atomic_fetch_add(&rt->account->used, bytes - rt->credit);
    rt->credit = 0;
}

/* Whether growing the state's memory by `delta` bytes stays within its cap:
 * the run's account once attached, else the state's own. */
static int cg_memory_fits(cg_runtime *rt, size_t old, size_t nsize) {
    if (rt->account == NULL) return rt->limit == 0 || rt->used - old + nsize <= rt->limit;
    long long delta = (long long)nsize - (long long)old;
    if (rt->credit >= delta) { rt->credit -= delta; return 1; }
    cg_account *a = rt->account;
    long long need = delta - rt->credit;
    long long take = need + CG_CREDIT_CHUNK;
    long long now = atomic_fetch_add(&a->used, take) + take;
    if (a->limit == 0 || now <= a->limit) { rt->credit += take - delta; return 1; }
    /* Near the cap: only what this allocation needs. */
    now = atomic_fetch_sub(&a->used, take - need) - (take - need);
    rt->credit = 0;
    if (now <= a->limit) return 1;
    if (!rt->overdraft) atomic_fetch_sub(&a->used, need);   /* refused: not allocated */
    return 0;
}

/* ---- memory ---------------------------------------------------------- */

static void cg_account_release(cg_runtime *rt, size_t bytes) {
    if (rt->account == NULL) return;
    rt->credit += (long long)bytes;
    if (rt->credit > 2 * CG_CREDIT_CHUNK) {
        atomic_fetch_sub(&rt->account->used, rt->credit - CG_CREDIT_CHUNK);
        rt->credit = CG_CREDIT_CHUNK;
    }
}

static void *cg_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    cg_runtime *rt = (cg_runtime *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        rt->used -= old;
        cg_account_release(rt, old);
        return NULL;
    }
    if (nsize < old) cg_account_release(rt, old - nsize);
    if (nsize > old && !cg_memory_fits(rt, old, nsize)) {
        if (!rt->overdraft) {
            /* A refusal ends the run (the host collects garbage between
             * calls once half of the cap is in use, see LuaState). */
            cg_trip(rt->L, CG_TRIP_MEMORY, NULL);
            return NULL;
        }
        /* Swift is in control: allocate, and stop the run when Lua resumes. */
        cg_trip(rt->L, CG_TRIP_MEMORY, NULL);
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) {
        if (rt->account != NULL && nsize > old) cg_account_release(rt, nsize - old);
        if (rt->account != NULL && nsize < old) cg_account_charge(rt, (long long)(old - nsize));
        return NULL;
    }
    rt->used = rt->used - old + nsize;
    if (rt->used > rt->peak) rt->peak = rt->used;
    return block;
}

/* ---- limits ------------------------------------------------------------ */

static void cg_hook(lua_State *L, lua_Debug *ar);

void cg_trip(lua_State *L, int reason, const char *host_message) {
    if (L == NULL) return;
    cg_runtime *rt = cg_runtime_of(L);
    if (rt->tripped == CG_TRIP_NONE) {
        rt->tripped = reason;
        if (rt->account != NULL && reason != CG_TRIP_HOST) {
            int none = CG_TRIP_NONE;
            atomic_compare_exchange_strong(&rt->account->tripped, &none, reason);
        }
        rt->trip_step = rt->sequence_step;
        if (host_message) {
            strncpy(rt->host_message, host_message, sizeof rt->host_message - 1);
            rt->host_message[sizeof rt->host_message - 1] = '\0';
        }
    }
    /* From now on every Lua instruction raises again. lua_sethook is safe
     * to call from anywhere, even from inside the allocator. */
    lua_sethook(L, cg_hook, LUA_MASKCOUNT, 1);
}

static int cg_charge(cg_runtime *rt, long steps) {
    if (rt->tripped) return 1;
    rt->executed += steps;
    if (rt->account != NULL) {
        /* Another worker's trip stops this one too: the run is over. */
        int other = atomic_load(&rt->account->tripped);
        if (other != CG_TRIP_NONE) { cg_trip(rt->L, other, NULL); return 1; }
        if (!rt->account->unlimited && atomic_fetch_sub(&rt->account->budget, steps) - steps < 0) {
            cg_trip(rt->L, CG_TRIP_INSTRUCTIONS, NULL);
            return 1;
        }
    } else if (rt->budget >= 0) {
        rt->budget -= steps;
        if (rt->budget < 0) { rt->budget = 0; cg_trip(rt->L, CG_TRIP_INSTRUCTIONS, NULL); return 1; }
    }
    if (rt->call_budget >= 0) {
        rt->call_budget -= steps;
        if (rt->call_budget < 0) { rt->call_budget = 0; cg_trip(rt->L, CG_TRIP_INSTRUCTIONS, NULL); return 1; }
    }
    if (rt->deadline > 0 && cg_now() > rt->deadline) {
        cg_trip(rt->L, CG_TRIP_TIME, NULL);
        return 1;
    }
    return 0;
}

int cg_limits_charge(lua_State *L, long steps) {
    return cg_charge(cg_runtime_of(L), steps);
}

static void cg_note_where(lua_State *L, cg_runtime *rt, int level) {
    if (rt->where[0] != '\0') return;
    lua_Debug ar;
    for (; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            snprintf(rt->where, sizeof rt->where, "%s:%d:", ar.short_src, ar.currentline);
            return;
        }
    }
}

void cg_push_trip_message(lua_State *L) {
    cg_runtime *rt = cg_runtime_of(L);
    const char *what;
    switch (rt->tripped) {
    case CG_TRIP_INSTRUCTIONS: what = "instruction limit exceeded"; break;
    case CG_TRIP_TIME: what = "time limit exceeded"; break;
    case CG_TRIP_MEMORY: what = "memory limit exceeded"; break;
    case CG_TRIP_HOST: what = rt->host_message; break;
    default: what = "run stopped"; break;
    }
    if (rt->where[0]) lua_pushfstring(L, "%s %s", rt->where, what);
    else lua_pushstring(L, what);
}

static int cg_raise_at(lua_State *L, int level) {
    cg_note_where(L, cg_runtime_of(L), level);
    cg_push_trip_message(L);
    return lua_error(L);
}

int cg_limits_raise(lua_State *L) { return cg_raise_at(L, 1); }

void cg_untrip(lua_State *L) {
    cg_runtime *rt = cg_runtime_of(L);
    rt->tripped = CG_TRIP_NONE;
    rt->where[0] = '\0';
    rt->host_message[0] = '\0';
    lua_sethook(L, cg_hook, LUA_MASKCOUNT, rt->hook_count > 0 ? rt->hook_count : 1000);
}

static void cg_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    cg_runtime *rt = cg_runtime_of(L);
    if (rt->tripped || cg_charge(rt, rt->hook_count)) cg_raise_at(L, 0);
}

/* ---- state ------------------------------------------------------------- */

static int cg_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "commend: unprotected Lua error: %s\n", msg ? msg : "?");
    abort();
}

lua_State *cg_newstate(cg_runtime *rt) {
    rt->overdraft = 1;
    lua_State *L = lua_newstate(cg_alloc, rt);
    if (L == NULL) return NULL;
    rt->L = L;
    lua_atpanic(L, cg_panic);
    /* Generational collection: evaluation makes millions of short-lived
     * tables and strings (subjects, details) over a heap of rules that
     * lives as long as the state; the incremental collector would walk
     * that whole heap again and again. */
    lua_gc(L, LUA_GCGEN, 0, 0);
    lua_sethook(L, cg_hook, LUA_MASKCOUNT, rt->hook_count > 0 ? rt->hook_count : 1000);
    return L;
}

/* The message handler: adds a traceback. It never calls __tostring: an
 * error object that is not a string is described by its type. The message
 * is kept as a Lua string (not a C string), so a NUL in it does not cut it
 * short. */
static int cg_msgh(lua_State *L) {
    cg_runtime *rt = cg_runtime_of(L);
    if (rt->tripped) {
        cg_push_trip_message(L);
    } else if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
        lua_pushvalue(L, 1);
        lua_tolstring(L, -1, NULL);
    } else {
        /* Positioned at the nearest Lua line, like a string error would be. */
        cg_runtime scratch;
        scratch.where[0] = '\0';
        cg_note_where(L, &scratch, 1);
        lua_pushfstring(L, "%s%s(error object is a %s value)", scratch.where,
                        scratch.where[0] ? " " : "", luaL_typename(L, 1));
    }
    lua_pushliteral(L, "\n");
    luaL_traceback(L, L, NULL, 1);
    lua_concat(L, 3);
    return 1;
}

int cg_pcall_with(lua_State *L, int nargs, int nresults, int msgh) {
    cg_runtime *rt = cg_runtime_of(L);
    int saved = rt->overdraft;
    rt->overdraft = 0;
    int status = lua_pcall(L, nargs, nresults, msgh);
    rt->overdraft = saved;
    return status;
}

void cg_push_msgh(lua_State *L) {
    lua_pushcfunction(L, cg_msgh);
}

int cg_pcall(lua_State *L, int nargs, int nresults) {
    cg_runtime *rt = cg_runtime_of(L);
    int base = lua_gettop(L) - nargs; /* function index */
    lua_pushcfunction(L, cg_msgh);
    lua_insert(L, base);
    int saved = rt->overdraft;
    rt->overdraft = 0;
    int status = lua_pcall(L, nargs, nresults, base);
    rt->overdraft = saved;
    lua_remove(L, base);
    return status;
}

int cg_load(lua_State *L, const char *buffer, size_t size, const char *chunkname) {
    cg_runtime *rt = cg_runtime_of(L);
    int saved = rt->overdraft;
    rt->overdraft = 0;
    int status = luaL_loadbufferx(L, buffer, size, chunkname, "t");
    rt->overdraft = saved;
    return status;
}

/* ---- the trampoline ---------------------------------------------------- */

static const char *const CG_BOX = "commend.box";

static int cg_box_gc(lua_State *L) {
    void **slot = (void **)lua_touserdata(L, 1);
    if (slot && *slot && cg_release) {
        cg_release(*slot);
        *slot = NULL;
    }
    return 0;
}

static int cg_trampoline(lua_State *L) {
    cg_runtime *rt = cg_runtime_of(L);
    void **slot = (void **)lua_touserdata(L, lua_upvalueindex(1));
    if (rt->tripped) return cg_limits_raise(L);
    int saved = rt->overdraft;
    rt->overdraft = 1;
    int n = cg_dispatch(L, *slot);
    rt->overdraft = saved;
    if (rt->tripped) return cg_limits_raise(L);
    if (n == -1) return lua_error(L);
    if (n < 0) return cg_limits_raise(L);
    return n;
}

void cg_push_closure(lua_State *L, void *box) {
    void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    if (luaL_newmetatable(L, CG_BOX)) {
        lua_pushcfunction(L, cg_box_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, cg_trampoline, 1);
}

/* ---- sandbox helpers --------------------------------------------------- */

static int cg_ro_newindex(lua_State *L) {
    const char *name = lua_tostring(L, lua_upvalueindex(1));
    if (lua_type(L, 2) == LUA_TSTRING)
        return luaL_error(L, "cannot assign to '%s': %s is read-only", lua_tostring(L, 2), name);
    return luaL_error(L, "cannot assign into %s: it is read-only", name);
}

static int cg_ro_next(lua_State *L) {
    lua_settop(L, 2);
    if (lua_next(L, lua_upvalueindex(1))) return 2;
    lua_pushnil(L);
    return 1;
}

static const char *const CG_SORTED_PAIRS = "commend.pairs";

/* pairs() of a read-only proxy: the sandbox's pairs over the table behind
 * it (keys in a defined order), or lua_next when there is none yet. */
static int cg_ro_pairs(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, CG_SORTED_PAIRS) == LUA_TFUNCTION) {
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_call(L, 1, 3);
        return 3;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, cg_ro_next, 1);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int cg_ro_len(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, lua_upvalueindex(1)));
    return 1;
}

void cg_push_readonly(lua_State *L, int index, const char *name) {
    index = lua_absindex(L, index);
    lua_createtable(L, 0, 0);           /* proxy */
    lua_createtable(L, 0, 5);           /* its metatable */
    lua_pushvalue(L, index);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_pushcclosure(L, cg_ro_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, index);
    lua_pushcclosure(L, cg_ro_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    lua_pushvalue(L, index);
    lua_pushcclosure(L, cg_ro_len, 1);
    lua_setfield(L, -2, "__len");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

static int cg_safe_setmetatable(lua_State *L) {
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in rule scripts");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

void cg_push_safe_setmetatable(lua_State *L) {
    lua_pushcfunction(L, cg_safe_setmetatable);
}

/* Installs the bounded pattern functions into the real string table (the
 * string metatable's __index), so `s:find(...)` uses them too. */
void cg_open_sandbox_patterns(lua_State *L) {
    lua_getglobal(L, "string");
    cg_open_patterns(L, lua_gettop(L));
    lua_pop(L, 1);
}

/* xpcall whose message handler never runs once the run is tripped.
 *
 * Lua calls a message handler from inside the frame that raised the error.
 * When that frame is the count hook, hooks are disabled (allowhook = 0), so
 * a handler that loops would run forever unchecked. A tripped run's error
 * therefore passes through unchanged; other errors reach the handler. */
static int cg_xpcall_handler(lua_State *L) {
    if (cg_runtime_of(L)->tripped) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int cg_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, cg_xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);   /* first result */
    lua_pushvalue(L, 1);     /* function */
    lua_rotate(L, 3, 2);     /* below the function's arguments */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
    if (status != LUA_OK) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - 2;
}

void cg_push_safe_xpcall(lua_State *L) {
    lua_pushcfunction(L, cg_xpcall);
}

static int cg_metapairs(lua_State *L) {
    if (luaL_getmetafield(L, 1, "__pairs") == LUA_TNIL) lua_pushnil(L);
    return 1;
}

void cg_push_metapairs(lua_State *L) {
    lua_pushcfunction(L, cg_metapairs);
}

void cg_keep_sorted_pairs(lua_State *L) {
    lua_setfield(L, LUA_REGISTRYINDEX, CG_SORTED_PAIRS);
}
