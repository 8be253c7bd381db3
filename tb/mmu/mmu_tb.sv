// mmu_tb.sv : top of the constrained-random unit bench of core_mmu (Sv32 TLBs + walker +
// PMP + PMA). All behaviour is C (tb/mmu/*.c); this module makes the clock, and once per
// cycle hands the MMU's outputs to C and takes the inputs of the next cycle from it.
//
// Timing: C is called at every rising edge, before the edge's non-blocking updates, so it
// sees the settled combinational outputs of the cycle that ends (the values core_mmu's
// flops sample at that same edge). The inputs C returns are applied with non-blocking
// assignments: they are the inputs of the next cycle, as if driven by flops.
//   once at start   mmu_tb_init (options; returns -1 to run, else an exit status)
//   every cycle     mmu_tb_cycle; when it asks, mmu_tb_state (slow-changing CSR state)
//   at the end      mmu_tb_end, then $finish (C sets the exit status at exit)
// Prototypes of both sides: tb/mmu/mmu_dpi.h (the build checks them).
`default_nettype none
`include "arch.vh"

module mmu_tb #(
  parameter int unsigned ItlbEntries = 16,
  parameter int unsigned DtlbEntries = 16,
  parameter logic [31:0] RamBytes    = `RAM_SIZE_DEFAULT
);
  // ---- DPI: C side (tb/mmu/main.c) ----
  import "DPI-C" function int mmu_tb_init(input int unsigned itlb_entries,
      input int unsigned dtlb_entries, input int unsigned ram_bytes,
      output longint unsigned trace_start, output bit trace_on);
  import "DPI-C" function string mmu_tb_trace_file();
  import "DPI-C" function int mmu_tb_cycle(input int unsigned status,
      input int unsigned i_paddr, input int unsigned d_paddr,
      input int unsigned ptw_addr, input int unsigned ptw_wdata,
      output int unsigned ctl, output int unsigned i_vaddr, output int unsigned d_vaddr,
      output int unsigned sfence_vaddr, output int unsigned ptw_rdata);
  import "DPI-C" function void mmu_tb_state(output int unsigned mode,
      output int unsigned satp, output bit [127:0] pmpcfg, output bit [511:0] pmpaddr);
  import "DPI-C" function void mmu_tb_end(input longint unsigned cycles);

  // ---- the block under test ----
  logic         clk = 1'b0;
  logic         rst_n = 1'b0;
  logic [1:0]   priv = `PRV_M;
  logic [31:0]  satp = '0;
  logic         mprv = 1'b0, sum = 1'b0, mxr = 1'b0, adue = 1'b0;
  logic [1:0]   mpp = `PRV_U;
  logic [127:0] pmpcfg = '0;
  logic [511:0] pmpaddr = '0;
  logic         i_req = 1'b0, i_walk_ok = 1'b0;
  logic [31:0]  i_vaddr = '0;
  logic         d_req = 1'b0, d_store = 1'b0, d_atomic = 1'b0;
  logic [31:0]  d_vaddr = '0;
  logic         sfence = 1'b0, sfence_va = 1'b0, sfence_asid = 1'b0;
  logic [31:0]  sfence_vaddr = '0;
  logic [8:0]   sfence_asid_val = '0;
  logic         ptw_gnt = 1'b0;
  logic [31:0]  ptw_rdata = '0;

  logic         i_ready, i_fault, d_ready, d_fault;
  logic [4:0]   i_cause, d_cause;
  logic [31:0]  i_paddr, d_paddr;
  logic         ptw_req, ptw_we;
  logic [31:0]  ptw_addr, ptw_wdata;
  logic         ev_itlb_miss, ev_dtlb_miss, ev_walk, ev_walk_cycle;

  core_mmu #(
    .RamBytes    (RamBytes),
    .PmpEntries  (16),
    .ItlbEntries (ItlbEntries),
    .DtlbEntries (DtlbEntries)
  ) u_mmu (
    .clk_i             (clk),
    .rst_ni            (rst_n),
    .priv_i            (priv),
    .satp_i            (satp),
    .mprv_i            (mprv),
    .mpp_i             (mpp),
    .sum_i             (sum),
    .mxr_i             (mxr),
    .adue_i            (adue),
    .pmpcfg_i          (pmpcfg),
    .pmpaddr_i         (pmpaddr),
    .i_req_i           (i_req),
    .i_vaddr_i         (i_vaddr),
    .i_walk_ok_i       (i_walk_ok),
    .i_ready_o         (i_ready),
    .i_paddr_o         (i_paddr),
    .i_fault_o         (i_fault),
    .i_cause_o         (i_cause),
    .d_req_i           (d_req),
    .d_vaddr_i         (d_vaddr),
    .d_store_i         (d_store),
    .d_atomic_i        (d_atomic),
    .d_ready_o         (d_ready),
    .d_paddr_o         (d_paddr),
    .d_fault_o         (d_fault),
    .d_cause_o         (d_cause),
    .sfence_i          (sfence),
    .sfence_va_i       (sfence_va),
    .sfence_asid_i     (sfence_asid),
    .sfence_vaddr_i    (sfence_vaddr[31:12]),
    .sfence_asid_val_i (sfence_asid_val),
    .ptw_req_o         (ptw_req),
    .ptw_we_o          (ptw_we),
    .ptw_addr_o        (ptw_addr),
    .ptw_wdata_o       (ptw_wdata),
    .ptw_gnt_i         (ptw_gnt),
    .ptw_rdata_i       (ptw_rdata),
    .ev_itlb_miss_o    (ev_itlb_miss),
    .ev_dtlb_miss_o    (ev_dtlb_miss),
    .ev_walk_o         (ev_walk),
    .ev_walk_cycle_o   (ev_walk_cycle)
  );

  // ---- clock and run control ----
  always #5 clk = ~clk;

  bit              running = 1'b0;
  longint unsigned cycles = 0;

  // Start-up with delays only: event controls here would cost every time step in the
  // scheduler of Verilator 5.006, where $dumpvars also only takes effect from an initial
  // block (hence the waveform is opened here).
  initial begin
    int status;
    longint unsigned trace_start;
    bit trace_on;
    #1;
    status = mmu_tb_init(ItlbEntries, DtlbEntries, RamBytes, trace_start, trace_on);
    if (status >= 0) begin
      $finish;                              // --help or bad option (already reported)
    end else begin
      running = 1'b1;
      if (trace_on) begin
        if (trace_start != 0) #(10 * trace_start);
        $dumpfile(mmu_tb_trace_file());
        $dumpvars(0, mmu_tb);
      end
    end
  end

  // Status word and control word: bit layout shared with tb/mmu/mmu_dpi.h (MMU_ST_*, MMU_CTL_*).
  always @(posedge clk) begin
    if (running) begin
      int          rc;
      int unsigned ctl, iva, dva, sfva, rdata, mode, satp_v;
      bit [127:0]  cfg_v;
      bit [511:0]  addr_v;
      cycles = cycles + 1;
      rc = mmu_tb_cycle({12'd0, ev_walk_cycle, ev_walk, ev_dtlb_miss, ev_itlb_miss,
                         ptw_we, ptw_req, d_cause, d_fault, d_ready, i_cause, i_fault, i_ready},
                        i_paddr, d_paddr, ptw_addr, ptw_wdata,
                        ctl, iva, dva, sfva, rdata);
      rst_n           <= ctl[0];
      i_req           <= ctl[1];
      i_walk_ok       <= ctl[2];
      d_req           <= ctl[3];
      d_store         <= ctl[4];
      d_atomic        <= ctl[5];
      sfence          <= ctl[6];
      sfence_va       <= ctl[7];
      sfence_asid     <= ctl[8];
      sfence_asid_val <= ctl[17:9];
      ptw_gnt         <= ctl[18];
      i_vaddr         <= iva;
      d_vaddr         <= dva;
      sfence_vaddr    <= sfva;
      ptw_rdata       <= rdata;
      if (rc[1]) begin
        mmu_tb_state(mode, satp_v, cfg_v, addr_v);
        priv    <= mode[1:0];
        mprv    <= mode[2];
        mpp     <= mode[4:3];
        sum     <= mode[5];
        mxr     <= mode[6];
        adue    <= mode[7];
        satp    <= satp_v;
        pmpcfg  <= cfg_v;
        pmpaddr <= addr_v;
      end
      if (rc[0]) begin
        running = 1'b0;
        mmu_tb_end(cycles);
        $finish;
      end
    end
  end
endmodule
