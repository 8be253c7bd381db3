/* cosim.h — lockstep co-simulation: every retire record of the RTL is checked against
 * one step of the reference model (iss/, linked from libiss.a).
 *
 * For each record the model is stepped once and the records are compared field by
 * field (rules in cosim.c and tb/README.md). What the model cannot know is taken from
 * the RTL so that both agree by construction: the interrupt lines (rvfi_mip), the
 * values of loads from devices, the counters that count cycles, time or MMU events,
 * and the moment the host (HTIF) takes a request. The first difference stops the run
 * with a report on stderr: the field, both values, and the last COSIM_HISTORY records
 * of both sides.
 *
 * API:
 *   cosim_t *cosim_create(elf, ram_bytes, no_m, err, errlen)   (no_m: core built without M)
 *                     model with the RAM size of the SoC, program loaded; NULL with a
 *                     one-line message in err on failure.
 *   void cosim_inject(c, n)   self-test aid: corrupt the model's result (the register
 *                     written) at the first record with order >= n that writes one.
 *   int  cosim_step(c, rtl, mip, cycle)   check one RTL record; mip = rvfi_mip.
 *                     0 agree, -1 divergence (reported).
 *   int  cosim_htif(c, rtl_status)   the RTL side's host just took a tohost request
 *                     and answered rtl_status (HTIF_CONTINUE or an exit status): the
 *                     model takes its own at the same point. 0, or -1 divergence.
 *   int  cosim_end(c, rtl_exited, rtl_status)  the RTL run ended (rtl_exited: by the
 *                     finisher or HTIF, with rtl_status); the model must have ended
 *                     the same way, and must not have if the RTL did not. 0, or -1.
 *   uint64_t cosim_records(c)   records checked.
 *   void cosim_destroy(c)
 */
#ifndef TB_COSIM_H
#define TB_COSIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "commitlog.h"

#define COSIM_HISTORY 32        /* records of each side shown after a divergence */

typedef struct cosim cosim_t;

cosim_t *cosim_create(const char *elf, uint32_t ram_bytes, bool no_m, char *err, size_t errlen);
void cosim_inject(cosim_t *c, uint64_t n);
int cosim_step(cosim_t *c, const retire_t *rtl, uint32_t mip, uint64_t cycle);
int cosim_htif(cosim_t *c, int rtl_status);
int cosim_end(cosim_t *c, bool rtl_exited, int rtl_status);
uint64_t cosim_records(const cosim_t *c);
void cosim_destroy(cosim_t *c);

#endif /* TB_COSIM_H */
