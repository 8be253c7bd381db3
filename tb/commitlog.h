/* commitlog.h — one line per retired instruction, in Spike's --log-commits format.
 *
 * Line format (RV32; what Spike prints for the same instruction):
 *   core   0: P 0xPPPPPPPP (0xIIIIIIII)[ xN  0xVVVVVVVV][ mem 0xAAAAAAAA][ mem 0xAAAAAAAA 0xDD]
 *     P          privilege the instruction ran in (0 U, 1 S, 3 M)
 *     xN  0xV    integer register write, register number left-aligned in 2
 *                columns ("x5  0x...", "x10 0x..."); absent when rd is x0
 *     mem 0xA    a load (AMOs log a load then a store; LR a load)
 *     mem 0xA 0xD  a store; D has the access width: 2, 4 or 8 hex digits
 *   Addresses are the byte address of the access (virtual, as Spike prints).
 * Records with trap or intr set are not retirements and produce no line.
 * Known difference: Spike also logs CSR writes (" c768_mstatus 0x..."), and
 * the retire port carries no CSR data, so a diff must drop those fields.
 *
 * API:
 *   retire_t                          the retire-port fields (docs/platform.md)
 *   int  commitlog_format(r, buf, n)  writes r's line (with '\n') into buf;
 *                                     returns its length, 0 if r is not logged.
 *   int  commitlog_open(cl, path, err, errlen)  0, or -1 with err set
 *   void commitlog_write(cl, r)       appends r's line (buffered)
 *   int  commitlog_close(cl)          0, or -1 if a write failed
 */
#ifndef TB_COMMITLOG_H
#define TB_COMMITLOG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    uint64_t order;
    uint32_t insn;
    uint32_t pc;
    uint32_t next_pc;
    uint8_t priv;
    uint8_t rd_addr;
    uint32_t rd_wdata;
    uint32_t mem_addr;
    uint32_t mem_paddr;
    uint8_t mem_rmask;        /* byte lanes of the aligned word */
    uint8_t mem_wmask;
    uint32_t mem_rdata;       /* lanes per rmask */
    uint32_t mem_wdata;       /* lanes per wmask */
    uint8_t trap;
    uint8_t intr;
    uint32_t cause;
    uint32_t tval;
} retire_t;

#define COMMITLOG_LINE_MAX 128

typedef struct {
    FILE *f;
    char *buf;                /* stdio buffer, owned */
    uint64_t lines;
} commitlog_t;

int commitlog_format(const retire_t *r, char *buf, size_t n);
int commitlog_open(commitlog_t *cl, const char *path, char *err, size_t errlen);
void commitlog_write(commitlog_t *cl, const retire_t *r);
int commitlog_close(commitlog_t *cl);

#endif /* TB_COMMITLOG_H */
