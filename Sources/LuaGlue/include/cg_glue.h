/* LuaGlue: the few C functions that must not be written in Swift.
 *
 * Lua raises errors with longjmp. A longjmp across Swift frames is undefined
 * behaviour, so everything that may raise lives here: the allocator that
 * enforces the memory cap, the count hook that enforces the instruction and
 * time limits, the message handler, and the one trampoline through which Lua
 * calls Swift closures (Swift returns a status; C raises). */
#ifndef COMMEND_CG_GLUE_H
#define COMMEND_CG_GLUE_H

#include <stddef.h>
#include <lua.h>

/* Why a run was stopped. */
enum {
    CG_TRIP_NONE = 0,
    CG_TRIP_INSTRUCTIONS = 1,
    CG_TRIP_TIME = 2,
    CG_TRIP_MEMORY = 3,
    CG_TRIP_HOST = 4
};

/* The limits of one run shared by the states of its workers (RULES.md 2.5):
 * an instruction budget and a memory account charged by every state attached
 * to it, so that whether a run stays within its limits does not depend on
 * the number of workers. Opaque: its counters are atomics. */
typedef struct cg_account cg_account;

/* An account with `instructions` left (< 0: unlimited) and `memory` bytes of
 * cap (0: none), of which `baseline` are already in use (the rules loaded once). */
cg_account *cg_account_new(long long instructions, long long memory, long long baseline);
void cg_account_free(cg_account *account);
/* Bytes charged to the account now. */
long long cg_account_used(const cg_account *account);
/* Charges the state's instructions and its memory above what it uses now to
 * `account` from now on, instead of its own budget and cap. */
void cg_account_attach(lua_State *L, cg_account *account);
/* Charges `instructions` run elsewhere (a result reused from a cache) when
 * that many are left: 1; else charges nothing: 0. */
int cg_account_take(cg_account *account, long long instructions);

/* Per-state accounting, owned by the Swift LuaState. */
typedef struct cg_runtime {
    lua_State *L;
    size_t used;              /* bytes currently allocated by Lua */
    size_t peak;              /* highest `used` seen */
    size_t limit;             /* memory cap in bytes; 0: none */
    int overdraft;            /* nonzero while Swift is in control: never fail an allocation */
    int hook_count;           /* instructions between two hook calls */
    long long budget;         /* instructions left for the run; < 0: unlimited */
    long long call_budget;    /* instructions left for the current call; < 0: unlimited */
    long long executed;       /* instructions counted so far (hook granularity) */
    double deadline;          /* CLOCK_MONOTONIC seconds; 0: none */
    int tripped;              /* CG_TRIP_*; sticky once set */
    char host_message[512];   /* message for CG_TRIP_HOST */
    char where[512];          /* "chunk:line:" where the trip happened */
    int sequence_step;        /* the function cg_sequence is in: -1 the gate, 0... the others */
    cg_account *account;      /* the run's shared limits once attached; NULL: this state's own */
    size_t attached_used;     /* `used` when attached: what the account does not charge */
    long long credit;         /* bytes charged to the account but not allocated yet */
    long long volatile_calls; /* calls of os.time, os.clock and os.date so far */
    int trip_step;            /* sequence_step when the run was tripped (a limit hit inside
                                 pcall is noticed later, maybe after the sequence ended) */
} cg_runtime;

/* The Swift side of the trampoline: returns the number of results (>= 0),
 * or -1 with an error value on top of the stack, or -2 when the run was
 * tripped (cg_trip was called). Must not raise. */
typedef int (*cg_dispatch_fn)(lua_State *L, void *box);
/* Releases a Swift closure box when its userdata is collected. */
typedef void (*cg_release_fn)(void *box);

void cg_install(cg_dispatch_fn dispatch, cg_release_fn release);

/* Creates a state whose allocator and hook account into `rt`. */
lua_State *cg_newstate(cg_runtime *rt);
cg_runtime *cg_runtime_of(lua_State *L);
double cg_now(void);

/* Protected call with the message handler; Lua code inside runs with the
 * memory cap enforced. Leaves results or the error value (a string with the
 * traceback, see cg_msgh) on the stack. */
int cg_pcall(lua_State *L, int nargs, int nresults);
/* The same with the message handler already at stack index `msgh`. */
int cg_pcall_with(lua_State *L, int nargs, int nresults, int msgh);
/* Pushes the message handler. */
void cg_push_msgh(lua_State *L);
/* Loads a text chunk (mode "t") under protection. */
int cg_load(lua_State *L, const char *buffer, size_t size, const char *chunkname);

/* Stops the run: sets `tripped` (first reason wins) and makes the hook fire
 * at every instruction so that no pcall can outlive it. */
void cg_trip(lua_State *L, int reason, const char *host_message);
/* Charges `steps` instructions for work done inside C (pattern matching);
 * returns nonzero when the run is tripped. */
int cg_limits_charge(lua_State *L, long steps);
/* Raises the error that describes the trip, positioned at the Lua caller
 * of the running C function. Does not return. */
int cg_limits_raise(lua_State *L);
/* Clears a CG_TRIP_HOST trip so the state can run again (only between runs). */
void cg_untrip(lua_State *L);
/* Pushes the message of the current trip ("chunk:line: ... limit exceeded"). */
void cg_push_trip_message(lua_State *L);

/* Pushes a Lua function that calls the Swift closure `box` through the
 * trampoline; the box is released by __gc of the userdata holding it. */
void cg_push_closure(lua_State *L, void *box);

/* Sandbox helpers. */
/* Pushes a read-only proxy of the table at `index`; `name` names it in errors. */
void cg_push_readonly(lua_State *L, int index, const char *name);
/* Pushes `setmetatable` that refuses metatables with __gc. */
void cg_push_safe_setmetatable(lua_State *L);
/* Pushes `xpcall` whose handler is skipped once the run is tripped (a
 * handler called from the count hook would run with hooks disabled). */
void cg_push_safe_xpcall(lua_State *L);
/* An encoded row: per field, one tag byte then its payload: nothing for
 * nil, false and true; 8 bytes (native order) for an integer or a number;
 * a 4-byte length then the bytes for a string. */
enum {
    CG_CELL_NIL = 0,
    CG_CELL_FALSE = 1,
    CG_CELL_TRUE = 2,
    CG_CELL_INTEGER = 3,
    CG_CELL_NUMBER = 4,
    CG_CELL_STRING = 5
};
/* Pushes the kind of record whose fields are named by the strings
 * names[1...n] of the table at index `names`: what cg_push_record needs.
 * Optional: names.known, an array of other names that read as nil, and
 * names.unknown, a function called with any other string key read (it
 * raises the error of a misspelt field; what it returns is the value). */
void cg_push_record_kind(lua_State *L, int names);
/* Pushes a read-only record of the kind at index `kind` that reads its
 * fields from the encoded `row` when asked (nil fields are absent; pairs()
 * lists the others in field order). `row` must outlive every use of the
 * record. */
void cg_push_record(lua_State *L, int kind, const unsigned char *row);
/* Pushes the sequence caller, a C function called as f(plan, args...).
 * `plan` is a table: [1] the gate (function or false), [2] the number of
 * parts, [3] the number of tails, [4] whether tails run only when every part
 * returned a truthy first result, then the parts and the tails (functions or
 * false). It calls the gate with args and, when that returns a truthy value,
 * each part and tail with args, with the per-call instruction budget reset
 * before each. Results: the gate's truthiness, then two results per part and
 * per tail that ran (nil, nil for a missing function, which counts as
 * falsy). On error, `sequence_step` names the function that raised. */
void cg_push_sequence(lua_State *L);
/* An assignment, in a function nested in a chunk, to a variable of the
 * chunk's top level (state kept between calls). */
typedef struct cg_upvalue_write {
    int line;
    char name[64];
} cg_upvalue_write;
/* Finds such assignments in the Lua function at `index`: a loaded chunk
 * (`is_function` 0), or a function called many times (`is_function` 1), in
 * which an assignment to any of its upvalues, by itself or by a function it
 * makes, keeps state between calls. Writes up to `max` of them to `out` and
 * returns how many there are, or -1 when the dump cannot be read. */
int cg_shared_upvalue_writes(lua_State *L, int index, int is_function, cg_upvalue_write *out, int max);
/* Pushes a function that returns the __pairs metafield of its argument (nil
 * if none), whatever its __metatable says: what `pairs` must honour. */
void cg_push_metapairs(lua_State *L);
/* Pops a function and keeps it as the `pairs` of read-only proxies. */
void cg_keep_sorted_pairs(lua_State *L);
/* Replaces string.find/match/gmatch/gsub with versions held to the limits. */
void cg_open_sandbox_patterns(lua_State *L);
/* Replaces table.move/insert/remove/concat/sort and string.rep (C loops
 * over a range the script chooses) with versions held to the limits. */
void cg_open_sandbox_library(lua_State *L);
/* Pushes os.date held to the limits (its format charged first), for the
 * sandbox's own os table; the real os.date stays in place, so that its
 * errors still name it. */
void cg_push_bounded_date(lua_State *L);
/* Replaces the C function on top of the stack (os.time, os.clock) with one
 * that counts its calls in `volatile_calls`, then runs it in its own frame. */
void cg_push_counted(lua_State *L);

/* Lookups answered in C: a function f(name, id) that reads the value of
 * the row whose first field is `id` in the column published under `name`,
 * without entering the host. The host publishes columns between runs of
 * Lua code; a name it does not know, a column it has not published yet,
 * or arguments that are not two strings go to the host's fallback.
 * The id index: the rows of an encoded block (see cg_push_record) by the
 * string in their first field. */
typedef struct cg_row_index cg_row_index;
/* Indexes `count` rows, row r at bytes + offsets[r]; a string that occurs
 * again keeps its first row. NULL when memory runs out. */
cg_row_index *cg_row_index_new(const unsigned char *bytes, const long *offsets, long count);
void cg_row_index_free(cg_row_index *index);
/* The row whose first field is the string s[0..<n], or -1. */
long cg_row_index_find(const cg_row_index *index, const char *s, size_t n);

enum {
    CG_COLUMN_PENDING = 0,    /* not published yet: the fallback decides */
    CG_COLUMN_ABSENT = 1,     /* published as nothing: every row reads the default */
    CG_COLUMN_FLAGS = 2,      /* unsigned char per row: 0 false, 1 true, 2 the default */
    CG_COLUMN_NUMBERS = 3,    /* double per row; NaN: nil */
    CG_COLUMN_INTEGERS = 4,   /* long long per row; LLONG_MIN: nil */
    CG_COLUMN_LABELS = 5      /* int per row, an index into `labels`; -1: nil */
};
typedef struct cg_column {
    int type;
    const void *values;
    const cg_row_index *index;
    const char *const *labels;
    const size_t *label_lengths;
} cg_column;
/* The row asked about most often (the subject being evaluated), which a
 * lookup compares first; shared by the lookups of one state. */
typedef struct cg_lookup_hint {
    const cg_row_index *index;
    long row;                 /* -1: none */
} cg_lookup_hint;
/* The columns of one lookup function, and which of them were read. */
typedef struct cg_lookup {
    int count;
    int default_false;        /* 1: a missing value reads false; 0: nil */
    cg_column *columns;
    unsigned char *read;      /* per column: set when a value was read */
    const cg_lookup_hint *hint;   /* or NULL */
} cg_lookup;
/* Pushes the lookup function. Upvalues: `lookup` (owned by the host, which
 * keeps it alive as long as the function), the table at `names` (name ->
 * 1-based column), the function at `fallback` (called with the arguments
 * when C cannot answer; its first result is returned). */
void cg_push_lookup(lua_State *L, cg_lookup *lookup, int names, int fallback);

#endif
