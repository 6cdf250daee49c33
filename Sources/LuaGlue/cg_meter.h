/* cg_meter.h -- work done inside C functions, charged to the run's limits.
**
** Lua's count hook sees only Lua instructions: a C function that loops (a
** pattern that backtracks, table.move over 2^40 indices) would run on past
** every limit. Such loops count their steps on a meter; every
** CG_STEP_BATCH steps the meter charges them with cg_limits_charge(),
** which also checks the wall clock, and when the run has tripped it raises
** the limit error at once with cg_limits_raise(). */
#ifndef COMMEND_CG_METER_H
#define COMMEND_CG_METER_H

#include "cg_glue.h"

/* steps counted between two calls of cg_limits_charge */
#define CG_STEP_BATCH 1024

typedef struct {
    lua_State *L;
    long pending;   /* steps not charged yet */
} cg_meter;

static inline void cg_meter_start(cg_meter *m, lua_State *L) {
    m->L = L;
    m->pending = 0;
}

/* Charges the pending steps; raises when the run has tripped. Called at the
** end of every metered function, so small calls are charged too. */
static inline void cg_meter_flush(cg_meter *m) {
    long steps = m->pending;
    m->pending = 0;
    if (steps > 0 && cg_limits_charge(m->L, steps) != 0) cg_limits_raise(m->L);
}

static inline void cg_meter_add(cg_meter *m, long steps) {
    if ((m->pending += steps) >= CG_STEP_BATCH) cg_meter_flush(m);
}

#endif
