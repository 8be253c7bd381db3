// tb_top.sv — Verilator testbench top: clock, reset, the SoC, and the DPI-C hooks.
//
// All behaviour lives in C (tb/*.c); this module only makes the clock, holds
// reset, counts cycles and retirements, and calls C when something happens:
//   once at start   tb_init   (options, ELF load into the RAM array: tb_ram_write)
//   per UART byte   tb_uart_tx
//   every 1024 cycles (and back to back while input is buffered)  tb_poll
//   per retirement  tb_retire   only with --commit-log or --cosim (lockstep check
//                   against the reference model; non-zero: divergence, end the run)
//   store to tohost tb_tohost_store; then tb_htif_poll when the request is
//                   complete: a 64-bit request is two stores on RV32, so at the
//                   store of the high word after the low one, or HtifGrace
//                   cycles after a store of the low word alone. The address
//                   comparison is done here: no DPI call per instruction.
//   finisher store  tb_finisher
//   at the end      tb_limit (when a limit stopped the run), tb_end, $finish
// C reaches the RAM through the exported tb_ram_read / tb_ram_write.
// Prototypes of every function on both sides: tb/tb_dpi.h.
`default_nettype none
`include "arch.vh"

module tb_top #(
  parameter int unsigned RamBytes = `RAM_SIZE_DEFAULT,
  parameter int unsigned MtimeDiv = 1,
  parameter int unsigned ResetCycles = 4,
  // core configuration (soc defaults; synth/synth.mk's board-sim builds pass a board's)
  parameter int PmpEntries  = 16,
  parameter int HpmCounters = 8,
  parameter int BtbEntries  = 64,
  parameter int ItlbEntries = 16,
  parameter int DtlbEntries = 16,
  parameter int MulDiv      = 1,          // 0: core without M (the reference model is told)
  parameter int FastMul     = 1,
  parameter int MemAddrReg = 0,          // the core's (rtl/core/core.sv); build/vsim-memreg: 1
  parameter int RfReadBoth = 0,          // the core's (rtl/core/core.sv); build/vsim-memreg: 1
  parameter int RamPorts   = 2           // the SoC's RAM: 2 two-port, 1 one port shared by fetch
                                         // and data (the boards'; synth/synth.mk board-sim)
);
  localparam int unsigned RamWords = RamBytes / 4;
  localparam int unsigned IdxBits  = $clog2(RamWords);
  localparam bit [19:0]   FinisherPage = 20'(`FINISHER_BASE >> 12);
  localparam int unsigned FinishGrace  = 16;
  localparam int unsigned HtifGrace    = 16;

  // tb_poll results other than a byte (keep in step with tb/tb_dpi.h)
  localparam int PollStop = -3;
  // tb_limit reasons (keep in step with tb/tb_dpi.h)
  localparam int LimitCycles = 1;
  localparam int LimitInsns  = 2;

  // ---- DPI: C side (tb/main.c) ----
  import "DPI-C" context function int tb_init(input int unsigned ram_bytes, input int unsigned misa,
      output longint unsigned max_cycles, output longint unsigned max_insns,
      output longint unsigned trace_start, output bit trace_on,
      output bit htif_on, output int unsigned tohost, output bit retire_on);
  import "DPI-C" function string tb_trace_file();
  import "DPI-C" function void tb_uart_tx(input int unsigned c);
  import "DPI-C" function int tb_poll(input bit want_byte);
  import "DPI-C" function int tb_finisher(input int unsigned data);
  import "DPI-C" function int tb_tohost_store(input int unsigned hi, input int unsigned wdata,
      input int unsigned wmask);
  import "DPI-C" context function int tb_htif_poll();
  import "DPI-C" function int tb_retire(input longint unsigned cycle,
      input longint unsigned order, input int unsigned insn,
      input int unsigned pc, input int unsigned next_pc, input int unsigned priv,
      input int unsigned rd_addr, input int unsigned rd_wdata,
      input int unsigned mem_addr, input int unsigned mem_paddr,
      input int unsigned mem_rmask, input int unsigned mem_wmask,
      input int unsigned mem_rdata, input int unsigned mem_wdata,
      input int unsigned trap, input int unsigned intr,
      input int unsigned cause, input int unsigned tval, input int unsigned mip);
  import "DPI-C" function void tb_limit(input int reason);
  import "DPI-C" context function void tb_end(input longint unsigned cycles,
      input longint unsigned insns, input int unsigned last_pc);

  // ---- DPI: Verilog side, RAM access for C by word index ----
  export "DPI-C" function tb_ram_read;
  export "DPI-C" function tb_ram_write;

  function automatic int unsigned tb_ram_read(input int unsigned idx);
    return g_ram.rd(idx[IdxBits-1:0]);
  endfunction

  function automatic void tb_ram_write(input int unsigned idx, input int unsigned val);
    g_ram.wr(idx[IdxBits-1:0], val);
  endfunction

  // the storage: the two-port array of ram.sv, or (RamPorts = 1) its single-port ram_sp's
  if (RamPorts == 1) begin : g_ram
    function automatic int unsigned rd(input logic [IdxBits-1:0] i);
      return u_soc.u_ram.g_one_port.u_sp.mem[i];
    endfunction
    function automatic void wr(input logic [IdxBits-1:0] i, input int unsigned v);
      u_soc.u_ram.g_one_port.u_sp.mem[i] = v;
    endfunction
  end else begin : g_ram
    function automatic int unsigned rd(input logic [IdxBits-1:0] i);
      return u_soc.u_ram.mem[i];
    endfunction
    function automatic void wr(input logic [IdxBits-1:0] i, input int unsigned v);
      u_soc.u_ram.mem[i] = v;
    endfunction
  end

  // ---- clock and SoC ----
  logic clk = 1'b0;
  logic rst_n = 1'b0;
  always #5 clk = ~clk;

  logic        uart_tx_valid;
  logic [7:0]  uart_tx_data;
  logic        uart_rx_valid = 1'b0;
  logic [7:0]  uart_rx_data = 8'h00;
  logic        uart_rx_ready;
  logic        finish_valid;
  logic [31:0] finish_data;
  logic        rvfi_valid;
  logic [63:0] rvfi_order;
  logic [31:0] rvfi_insn, rvfi_pc, rvfi_next_pc;
  logic [1:0]  rvfi_priv;
  logic [4:0]  rvfi_rd_addr;
  logic [31:0] rvfi_rd_wdata, rvfi_mem_addr, rvfi_mem_paddr;
  logic [3:0]  rvfi_mem_rmask, rvfi_mem_wmask;
  logic [31:0] rvfi_mem_rdata, rvfi_mem_wdata;
  logic        rvfi_trap, rvfi_intr;
  logic [31:0] rvfi_cause, rvfi_tval, rvfi_mip;

  soc #(
    .RamBytes(RamBytes), .MtimeDiv(MtimeDiv), .PmpEntries(PmpEntries), .HpmCounters(HpmCounters),
    .BtbEntries(BtbEntries), .ItlbEntries(ItlbEntries), .DtlbEntries(DtlbEntries),
    .MulDiv(MulDiv), .FastMul(FastMul), .MemAddrReg(MemAddrReg), .RfReadBoth(RfReadBoth), .RamPorts(RamPorts)
  ) u_soc (
    .clk_i            (clk),
    .rst_ni           (rst_n),
    .uart_tx_valid_o  (uart_tx_valid),
    .uart_tx_ready_i  (1'b1),
    .uart_tx_data_o   (uart_tx_data),
    .uart_rx_valid_i  (uart_rx_valid),
    .uart_rx_data_i   (uart_rx_data),
    .uart_rx_ready_o  (uart_rx_ready),
    .finish_valid_o   (finish_valid),
    .finish_data_o    (finish_data),
    .mtime_o          (),
    .rvfi_valid_o     (rvfi_valid),
    .rvfi_order_o     (rvfi_order),
    .rvfi_insn_o      (rvfi_insn),
    .rvfi_pc_o        (rvfi_pc),
    .rvfi_next_pc_o   (rvfi_next_pc),
    .rvfi_priv_o      (rvfi_priv),
    .rvfi_rd_addr_o   (rvfi_rd_addr),
    .rvfi_rd_wdata_o  (rvfi_rd_wdata),
    .rvfi_mem_addr_o  (rvfi_mem_addr),
    .rvfi_mem_paddr_o (rvfi_mem_paddr),
    .rvfi_mem_rmask_o (rvfi_mem_rmask),
    .rvfi_mem_wmask_o (rvfi_mem_wmask),
    .rvfi_mem_rdata_o (rvfi_mem_rdata),
    .rvfi_mem_wdata_o (rvfi_mem_wdata),
    .rvfi_trap_o      (rvfi_trap),
    .rvfi_intr_o      (rvfi_intr),
    .rvfi_cause_o     (rvfi_cause),
    .rvfi_tval_o      (rvfi_tval),
    .rvfi_mip_o       (rvfi_mip)
  );

  // ---- run configuration, from tb_init ----
  longint unsigned max_cycles, max_insns, trace_start;
  bit              trace_on, htif_on, retire_on;
  int unsigned     tohost_addr;

  // ---- run state ----
  bit              running = 1'b0;   // out of reset, not ended
  bit              rx_more = 1'b0;   // last poll returned a byte: more may be buffered
  longint unsigned cycles = 0;       // clock cycles since reset was released
  longint unsigned insns = 0;        // retired instructions (no trap, no intr)
  int unsigned     last_pc = 0;      // pc of the last retired instruction
  bit              finish_pending = 1'b0;  // the finisher asked to end the run
  int unsigned     finish_wait = 0;        // cycles since then
  bit              fin_store_retired;      // this cycle retired a store to the finisher
  bit              htif_pending = 1'b0;    // tohost's low word written, request not taken
  int unsigned     htif_wait = 0;          // cycles since that store
  bit [29:0]       tohost_w0, tohost_w1;   // word addresses of tohost's two halves

  task automatic end_run();
    running = 1'b0;
    tb_end(cycles, insns, last_pc);
    $finish;
  endtask

  // Start-up, timed with delays only: the clock rises at 5, 15, 25, ... and
  // falls at 10, 20, ...; reset is released on the falling edge at
  // 10*ResetCycles, so cycle N (counted below) is the rising edge at
  // 10*ResetCycles + 10*N - 5. Event controls (@, wait) in this block would
  // cost every time step for the whole run in Verilator 5.006's scheduler.
  // The waveform is opened here because $dumpvars takes effect only from an
  // initial block in 5.006, and $dumpon/$dumpoff are ignored.
  initial begin
    int status;
    string file;
    // Load after every time-0 initial block (a RAM may clear itself in one).
    #1;
    status = tb_init(RamBytes, MulDiv != 0 ? `MISA_VALUE : `MISA_VALUE & ~`MISA_M, max_cycles, max_insns, trace_start, trace_on,
                     htif_on, tohost_addr, retire_on);
    if (status >= 0) begin
      $finish;                        // --help, or bad input (already reported)
    end else begin
      file = tb_trace_file();
      if (trace_on && trace_start == 0) begin
        $dumpfile(file);
        $dumpvars(0, tb_top);
      end
      #(10 * ResetCycles - 1);
      tohost_w0 = tohost_addr[31:2];
      tohost_w1 = tohost_addr[31:2] + 30'd1;
      rst_n = 1'b1;
      running = 1'b1;
      if (trace_on && trace_start != 0) begin
        #(10 * trace_start - 5);
        $dumpfile(file);
        $dumpvars(0, tb_top);
      end
    end
  end

  always @(posedge clk) begin
    if (running) begin
      cycles = cycles + 1;

      // Console out.
      if (uart_tx_valid) tb_uart_tx({24'd0, uart_tx_data});

      // Console in: a byte offered stays until the UART takes it. The poll also
      // tells us when the user asked to stop (SIGINT/SIGTERM).
      begin
        bit free;
        free = !uart_rx_valid || uart_rx_ready;
        if (uart_rx_valid && uart_rx_ready) uart_rx_valid <= 1'b0;
        if (cycles[9:0] == 10'd0 || (rx_more && free)) begin
          int c;
          c = tb_poll(free);
          rx_more = c >= 0;
          if (c >= 0) begin
            uart_rx_valid <= 1'b1;
            uart_rx_data  <= c[7:0];
          end else if (c == PollStop) begin
            end_run();
          end
        end
      end

      // Retire port.
      fin_store_retired = 1'b0;
      if (running && rvfi_valid) begin
        if (!rvfi_trap && !rvfi_intr) begin
          insns = insns + 1;
          last_pc = rvfi_pc;
        end
        // Commit log and co-simulation; the checker runs before the HTIF and finisher
        // logic below, so the model has executed this record when they act on it.
        if (retire_on
            && tb_retire(cycles, rvfi_order, rvfi_insn, rvfi_pc, rvfi_next_pc, {30'd0, rvfi_priv},
                         {27'd0, rvfi_rd_addr}, rvfi_rd_wdata, rvfi_mem_addr, rvfi_mem_paddr,
                         {28'd0, rvfi_mem_rmask}, {28'd0, rvfi_mem_wmask},
                         rvfi_mem_rdata, rvfi_mem_wdata, {31'd0, rvfi_trap}, {31'd0, rvfi_intr},
                         rvfi_cause, rvfi_tval, rvfi_mip) != 0)
          end_run();                 // co-simulation divergence (reported by C)
      end
      if (running && rvfi_valid) begin
        // HTIF: collect the stores to tohost's two words.
        if (htif_on && !rvfi_trap && !rvfi_intr && rvfi_mem_wmask != 4'd0
            && (rvfi_mem_paddr[31:2] == tohost_w0 || rvfi_mem_paddr[31:2] == tohost_w1)) begin
          if (tb_tohost_store({31'd0, rvfi_mem_paddr[31:2] == tohost_w1}, rvfi_mem_wdata,
                              {28'd0, rvfi_mem_wmask}) != 0) begin
            htif_pending = 1'b0;
            if (tb_htif_poll() >= 0) end_run();
          end else if (!htif_pending) begin
            htif_pending = 1'b1;     // the grace counts from the first store
            htif_wait = 0;
          end
        end
        fin_store_retired = !rvfi_trap && !rvfi_intr && rvfi_mem_wmask != 4'd0
            && rvfi_mem_paddr[31:12] == FinisherPage;
      end

      // HTIF request of the low word only (32-bit tohost stores).
      if (running && htif_pending) begin
        if (htif_wait >= HtifGrace) begin
          htif_pending = 1'b0;
          if (tb_htif_poll() >= 0) end_run();
        end
        htif_wait = htif_wait + 1;
      end

      // Finisher. The device sees the store before it retires: the run ends
      // when the store retires (so that it is counted and logged), or after
      // FinishGrace cycles should the retire port not show it.
      if (running && finish_valid && !finish_pending) begin
        if (tb_finisher(finish_data) >= 0) begin
          finish_pending = 1'b1;
          finish_wait = 0;
        end
      end
      if (running && finish_pending) begin
        if (fin_store_retired || finish_wait >= FinishGrace) end_run();
        finish_wait = finish_wait + 1;
      end

      // Limits.
      if (running && max_cycles != 0 && cycles >= max_cycles) begin
        tb_limit(LimitCycles);
        end_run();
      end
      if (running && max_insns != 0 && insns >= max_insns) begin
        tb_limit(LimitInsns);
        end_run();
      end

    end
  end

endmodule

`default_nettype wire
