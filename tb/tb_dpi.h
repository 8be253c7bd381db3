/* tb_dpi.h — the DPI-C boundary between tb/tb_top.sv and the C testbench.
 *
 * Imports (called by tb_top.sv, implemented in tb/main.c):
 *   tb_init      once, at time 1: parse the command line, load the ELF into RAM,
 *                return the run configuration. Returns -1 to run, or the exit
 *                status to end with at once (--help: 0, bad input: 2).
 *   tb_trace_file  name for $dumpfile.
 *   tb_uart_tx   one byte from the UART to the console.
 *   tb_poll      every 1024 cycles, and back to back while input is buffered:
 *                with want_byte, a console byte (0..255) or TB_POLL_NONE /
 *                TB_POLL_EOF; TB_POLL_STOP when SIGINT/SIGTERM asked to stop.
 *   tb_finisher  a finisher store: -1 ignored, else the run ends (status).
 *   tb_tohost_store  a retired store to tohost's low (hi=0) or high (hi=1) word;
 *                    returns 1 when the request is complete (the high word
 *                    stored after the low one), else 0.
 *   tb_htif_poll     take the request in tohost: -1 go on, else the run ends
 *                    with this status. Also called some cycles after a store
 *                    of the low word alone.
 *   tb_retire    each retire record, only with --commit-log or --cosim: commit log
 *                line, lockstep check against the reference model. Returns 0, or
 *                non-zero after a co-simulation divergence (the run ends).
 *   tb_limit     a --max-* limit stopped the run (TB_LIMIT_*).
 *   tb_end       the run ends: messages, statistics, signature; then $finish.
 * Exports (implemented in tb_top.sv, used by tb/dut_ram.c):
 *   tb_ram_read / tb_ram_write  one 32-bit RAM word by word index.
 *
 * These prototypes must match what Verilator generates (Vtb_top__Dpi.h); the
 * build checks it (tb/tb.mk compiles both headers together).
 */
#ifndef TB_DPI_H
#define TB_DPI_H

#include "svdpi.h"

#define TB_POLL_NONE (-1)
#define TB_POLL_EOF  (-2)
#define TB_POLL_STOP (-3)

#define TB_LIMIT_CYCLES 1
#define TB_LIMIT_INSNS  2

/* imports */
int tb_init(unsigned int ram_bytes, unsigned int misa, unsigned long long *max_cycles,
            unsigned long long *max_insns, unsigned long long *trace_start,
            svBit *trace_on, svBit *htif_on, unsigned int *tohost, svBit *retire_on);
const char *tb_trace_file(void);
void tb_uart_tx(unsigned int c);
int tb_poll(svBit want_byte);
int tb_finisher(unsigned int data);
int tb_tohost_store(unsigned int hi, unsigned int wdata, unsigned int wmask);
int tb_htif_poll(void);
int tb_retire(unsigned long long cycle, unsigned long long order, unsigned int insn,
              unsigned int pc, unsigned int next_pc, unsigned int priv, unsigned int rd_addr,
              unsigned int rd_wdata, unsigned int mem_addr, unsigned int mem_paddr,
              unsigned int mem_rmask, unsigned int mem_wmask, unsigned int mem_rdata,
              unsigned int mem_wdata, unsigned int trap, unsigned int intr,
              unsigned int cause, unsigned int tval, unsigned int mip);
void tb_limit(int reason);
void tb_end(unsigned long long cycles, unsigned long long insns, unsigned int last_pc);

/* exports */
unsigned int tb_ram_read(unsigned int idx);
void tb_ram_write(unsigned int idx, unsigned int val);

#endif /* TB_DPI_H */
