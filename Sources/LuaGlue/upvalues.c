/* Finds functions that assign to a variable of their file's top level: a
 * local of the chunk, or its _ENV. A rule function that does so keeps state
 * from one call to the next (`local n = 0 ... n = n + 1`), so its results
 * would depend on the order in which subjects are evaluated and on the
 * number of workers.
 *
 * The public C API does not show a function's instructions, so the chunk is
 * written out with lua_dump (debug information kept) and the dump is read
 * here: every nested function's SETUPVAL instructions are followed back to
 * the upvalue they assign, through the enclosing functions, to see whether
 * it is a variable of the top level. The format read is the one of Lua 5.4
 * (ldump.c); a dump that does not read as such is reported as unreadable,
 * never guessed at. */
#include "cg_glue.h"
#include <stdlib.h>
#include <string.h>

enum { OP_SETUPVAL_54 = 10 };

typedef struct {
    const unsigned char *p, *end;
    int failed;
} reader;

typedef struct {
    unsigned char *data;
    size_t size, capacity;
} buffer;

static int write_dump(lua_State *L, const void *p, size_t size, void *ud) {
    (void)L;
    buffer *b = (buffer *)ud;
    if (b->size + size > b->capacity) {
        size_t capacity = (b->capacity ? b->capacity * 2 : 4096);
        while (capacity < b->size + size) capacity *= 2;
        unsigned char *grown = realloc(b->data, capacity);
        if (!grown) return 1;
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->size, p, size);
    b->size += size;
    return 0;
}

static unsigned char byte(reader *r) {
    if (r->p >= r->end) { r->failed = 1; return 0; }
    return *r->p++;
}

static void skip(reader *r, size_t n) {
    if ((size_t)(r->end - r->p) < n) { r->failed = 1; r->p = r->end; return; }
    r->p += n;
}

/* A size: 7 bits per byte, most significant first, the last byte marked. */
static size_t size(reader *r) {
    size_t x = 0;
    for (int i = 0; i < 10 && !r->failed; i++) {
        unsigned char b = byte(r);
        x = (x << 7) | (b & 0x7f);
        if (b & 0x80) return x;
    }
    r->failed = 1;
    return 0;
}

/* A string: its length + 1 (0 for none), then its bytes. */
static const char *string(reader *r, size_t *length) {
    size_t n = size(r);
    *length = n ? n - 1 : 0;
    const char *s = (const char *)r->p;
    if (n) skip(r, n - 1);
    return n ? s : NULL;
}

typedef struct {
    cg_upvalue_write *out;
    int max, found;
    int root_is_function;   /* the dumped function is called many times, not a chunk run once */
} findings;

/* Reads one function. `outer` tells, per upvalue of its enclosing function,
 * whether that upvalue is a variable of the top level; `depth` is 0 for the
 * chunk itself. */
static void function(reader *r, int depth, const unsigned char *outer, int outer_count, findings *f) {
    size_t len;
    string(r, &len);                       /* source */
    int linedefined = (int)size(r);
    size(r);                               /* lastlinedefined */
    skip(r, 3);                            /* numparams, is_vararg, maxstacksize */
    size_t ncode = size(r);
    const unsigned char *code = r->p;
    if (ncode > (size_t)(r->end - r->p) / 4) { r->failed = 1; return; }
    skip(r, ncode * 4);
    size_t nk = size(r);
    for (size_t i = 0; i < nk && !r->failed; i++) {
        switch (byte(r)) {
        case 0: case 1: case 17: break;               /* nil, false, true */
        case 3: case 19: skip(r, 8); break;           /* integer, float */
        case 4: case 20: string(r, &len); break;      /* short, long string */
        default: r->failed = 1;
        }
    }
    size_t nup = size(r);
    if (r->failed || nup > 255) { r->failed = 1; return; }
    unsigned char top[256];
    for (size_t u = 0; u < nup; u++) {
        unsigned char instack = byte(r), idx = byte(r);
        byte(r);                                      /* kind */
        if (depth == 0) top[u] = f->root_is_function; /* a chunk runs once; a rule function often */
        else if (depth == 1 && !f->root_is_function) top[u] = 1;  /* a local or the _ENV of the chunk */
        else top[u] = !instack && idx < outer_count && outer[idx];
    }
    size_t nprotos = size(r);
    for (size_t i = 0; i < nprotos && !r->failed; i++) function(r, depth + 1, top, (int)nup, f);
    /* Debug information: lines, then locals, then upvalue names. */
    size_t nline = size(r);
    const signed char *lineinfo = (const signed char *)r->p;
    skip(r, nline);
    size_t nabs = size(r);
    if (r->failed || nabs > 1u << 24) { r->failed = 1; return; }
    int *abspc = nabs ? malloc(nabs * sizeof(int) * 2) : NULL;
    if (nabs && !abspc) { r->failed = 1; return; }
    for (size_t i = 0; i < nabs; i++) { abspc[2 * i] = (int)size(r); abspc[2 * i + 1] = (int)size(r); }
    size_t nloc = size(r);
    for (size_t i = 0; i < nloc && !r->failed; i++) { string(r, &len); size(r); size(r); }
    size_t nnames = size(r);
    const char *names[256] = { 0 };
    size_t lengths[256] = { 0 };
    for (size_t i = 0; i < nnames && !r->failed; i++) {
        const char *s = string(r, &len);
        if (i < 256) { names[i] = s; lengths[i] = len; }
    }
    if (!r->failed && (depth > 0 || f->root_is_function)) {
        for (size_t pc = 0; pc < ncode; pc++) {
            unsigned int ins;
            memcpy(&ins, code + 4 * pc, 4);
            if ((ins & 0x7f) != OP_SETUPVAL_54) continue;
            unsigned int b = (ins >> 16) & 0xff;
            if (b >= nup || !top[b]) continue;
            /* The line of instruction pc: from the last absolute line at or
             * before it, plus the relative steps after that. */
            int line = linedefined;
            long base = -1;
            for (size_t i = 0; i < nabs; i++) {
                if ((size_t)abspc[2 * i] > pc) break;
                base = abspc[2 * i];
                line = abspc[2 * i + 1];
            }
            if (nline == ncode) {
                while (++base <= (long)pc) line += lineinfo[base];
            }
            if (f->found < f->max) {
                cg_upvalue_write *w = &f->out[f->found];
                w->line = line;
                size_t n = lengths[b] < sizeof w->name - 1 ? lengths[b] : sizeof w->name - 1;
                if (names[b]) memcpy(w->name, names[b], n);
                w->name[names[b] ? n : 0] = '\0';
            }
            f->found++;
        }
    }
    free(abspc);
}

int cg_shared_upvalue_writes(lua_State *L, int index, int is_function, cg_upvalue_write *out, int max) {
    buffer b = { 0 };
    lua_pushvalue(L, index);
    int status = lua_dump(L, write_dump, &b, 0);
    lua_pop(L, 1);
    if (status != 0) { free(b.data); return -1; }
    reader r = { b.data, b.data + b.size, 0 };
    /* Header: signature, version, format, data, sizes, an integer, a float. */
    static const unsigned char head[] = { 0x1b, 'L', 'u', 'a', 0x54, 0 };
    if (b.size < 31 || memcmp(b.data, head, sizeof head) != 0 || b.data[12] != 4) { free(b.data); return -1; }
    skip(&r, 6 + 6 + 3 + 8 + 8);
    byte(&r);                              /* upvalues of the main closure */
    findings f = { out, max, 0, is_function != 0 };
    function(&r, 0, NULL, 0, &f);
    int failed = r.failed;
    free(b.data);
    return failed ? -1 : f.found;
}
