/* layout.h — where a generated program puts things, and the handlers' state block.
 *
 * Physical layout (RAM at RAM_BASE; every address below is also its own virtual
 * address in the kernel mappings of --paging programs):
 *
 *   RG_TEXT_INIT  start-up code, trap vectors and handlers (M and S)
 *   RG_LANDING    one page of `jalr x0, 0(ra)`: the only place a fetch probe can land
 *   RG_TEXT_S     body blocks that run in M or S (pages U=0, X)
 *   RG_TEXT_U     body blocks that run in U (pages U=1, X)
 *   RG_STATE      handler state block + coverage histogram (the signature)
 *   RG_PT         page tables: roots and kernel level-0 tables (never PMP-covered)
 *   RG_PT_TEST    test level-0 tables (PMP zone B: PMP on page walks)
 *   gap           nothing: a TOR range between the two PMP zones may cover it
 *   RG_DATA       random data; the whole megapage is data; RG_DATA_INIT bytes are
 *                 initialised with random words; RG_PLAY is PMP zone A
 *   RG_DATA2      a second data megapage (zeros)
 *
 * Safety rules that keep every program terminating (rgen/README.md explains them):
 * random stores only reach RG_DATA/RG_DATA2 or devices (never the finisher); page
 * tables only map W=1 onto data or devices and X=1 onto RG_LANDING (or onto nothing);
 * PMP entries other than 15 only ever cover zone A or B.
 */
#ifndef RGEN_LAYOUT_H
#define RGEN_LAYOUT_H

#include "arch.h"

#define RG_PAGE            (1u << PAGE_SHIFT)
#define RG_MEGA            (1u << MEGAPAGE_SHIFT)

#define RG_TEXT_INIT       (RAM_BASE + 0x00000000u)
#define RG_LANDING         (RAM_BASE + 0x00010000u)
#define RG_TEXT_S          (RAM_BASE + 0x00020000u)
#define RG_TEXT_S_END      (RAM_BASE + 0x00100000u)
#define RG_TEXT_U          (RAM_BASE + 0x00100000u)
#define RG_TEXT_U_END      (RAM_BASE + 0x001E0000u)
#define RG_STATE           (RAM_BASE + 0x001F0000u)
#define RG_PT              (RAM_BASE + 0x00200000u)
#define RG_PT_TEST         (RAM_BASE + 0x00210000u)
#define RG_PT_TEST_SIZE    0x00008000u             /* 8 tables; zone B, size-aligned */
#define RG_DATA            (RAM_BASE + 0x00400000u)
#define RG_DATA_INIT       0x00004000u             /* initialised bytes of RG_DATA */
#define RG_PLAY            (RG_DATA + 0x00002000u) /* zone A, size-aligned */
#define RG_PLAY_SIZE       0x00002000u
#define RG_DATA2           (RAM_BASE + 0x00800000u)

/* Page-table pages inside RG_PT. */
#define RG_NROOTS          4
#define RG_PT_ROOT(i)      (RG_PT + (uint32_t)(i) * RG_PAGE)
#define RG_PT_KLOW         (RG_PT + 4 * RG_PAGE)   /* VPN1 0: the finisher page */
#define RG_PT_KMAIN        (RG_PT + 5 * RG_PAGE)   /* VPN1 of RAM_BASE: first 4 MiB */
#define RG_NTEST_TABLES    8
#define RG_PT_T(i)         (RG_PT_TEST + (uint32_t)(i) * RG_PAGE)

/* Handler state block at RG_STATE (byte offsets; also emitted as .equ). */
#define ST_BUDGET          0x000   /* traps left before the handlers end the run */
#define ST_REASON          0x004   /* 1 body end reached, 2 trap budget used up */
#define ST_M_SAVE          0x010   /* tp, t0, t1, t2 saved by the M handler */
#define ST_S_SAVE          0x020   /* the same for the S handler */
#define ST_HIST            0x100   /* hist[level 0 M / 1 S][32 kinds][4 prev priv] */
#define ST_HIST_WORDS      256     /* kind = cause (0-15) | 16 for interrupts */
#define ST_SIG_END         (ST_HIST + 4 * ST_HIST_WORDS)  /* signature: [0, ST_SIG_END) */

/* Service calls: a7 = RG_MAGIC + service, then ecall. a6 holds the address to resume
 * at (for the switches). The generator never produces these values otherwise. */
#define RG_MAGIC           0x5EC0DE00u
#define RG_SVC_TO_U        0        /* = target privilege */
#define RG_SVC_TO_S        1
#define RG_SVC_TO_M        3
#define RG_SVC_FINISH      4
#define RG_SVC_COUNT       5
#define RG_MAGIC_SPAN      16       /* values [RG_MAGIC, RG_MAGIC + span) are reserved */

#endif
