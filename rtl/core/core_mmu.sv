// core_mmu.sv : the translation step between the pipeline and the buses (Sv32 MMU).
//
// Every instruction fetch (IF stage) and every load/store/AMO (EX stage) passes through here
// before it reaches a bus. A channel presents req/vaddr; in the same cycle the MMU answers
// either ready (paddr valid, or fault with its cause) or not ready (the stage stalls and
// presents the same request again next cycle). A faulting access never reaches the bus.
//
// Translation (priv spec 1.12, 4.3) applies when satp.MODE = Sv32 and the effective privilege
// is S or U: fetches use the current privilege; loads/stores use MPP when MPRV=1 in M-mode.
//   * TLB hit (core_tlb, one per channel): the answer is combinational — zero added cycles.
//     The cached leaf's permissions are checked on every hit (core_pte_check); a store to
//     a D=0 page under Svadu is treated as a miss so that the walker sets D.
//   * Miss: the shared walker (core_ptw) runs on the data bus (ptw_* port), fills the TLB,
//     and the retried lookup hits; a faulting walk answers with the fault instead. The data
//     channel has priority; the instruction channel walks only when i_walk_ok_i says the
//     fetch is not speculative (no older instruction left in the pipeline), so walks — and
//     Svadu A/D writes — happen only for accesses the program really makes.
// Then, for every access, translated or not: the physical-memory attributes (core_pma:
// the address must exist, fetches and AMO/LR/SC need RAM, addresses >= 2^32 do not exist)
// and PMP (core_pmp) for the effective privilege; failures are access faults.
// sfence_* flushes both TLBs (see core_tlb for the four forms). satp writes flush nothing.
`include "arch.vh"
`include "core_defs.vh"

module core_mmu #(
  parameter logic [31:0] RamBytes   = 32'h0100_0000,
  parameter int          PmpEntries = 16,
  parameter int          ItlbEntries = 16,
  parameter int          DtlbEntries = 16
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  // Architectural state
  input  logic [1:0]   priv_i,
  input  logic [31:0]  satp_i,
  input  logic         mprv_i,
  input  logic [1:0]   mpp_i,
  input  logic         sum_i,
  input  logic         mxr_i,
  input  logic         adue_i,
  input  logic [127:0] pmpcfg_i,
  input  logic [511:0] pmpaddr_i,
  // Instruction channel
  input  logic         i_req_i,
  input  logic [31:0]  i_vaddr_i,
  input  logic         i_walk_ok_i,
  output logic         i_ready_o,
  output logic [31:0]  i_paddr_o,
  output logic         i_fault_o,
  output logic [4:0]   i_cause_o,
  // Data channel
  input  logic         d_req_i,
  input  logic [31:0]  d_vaddr_i,
  input  logic         d_store_i,    // store, SC or AMO (store-class permissions and causes)
  input  logic         d_atomic_i,   // LR, SC or AMO (needs RAM)
  output logic         d_ready_o,
  output logic [31:0]  d_paddr_o,
  output logic         d_fault_o,
  output logic [4:0]   d_cause_o,
  // sfence.vma (rs1 != x0 -> va, rs2 != x0 -> asid)
  input  logic         sfence_i,
  input  logic         sfence_va_i,
  input  logic         sfence_asid_i,
  input  logic [31:12] sfence_vaddr_i,
  input  logic [8:0]   sfence_asid_val_i,
  // Walker memory port (to the data bus)
  output logic         ptw_req_o,
  output logic         ptw_we_o,
  output logic [31:0]  ptw_addr_o,
  output logic [31:0]  ptw_wdata_o,
  input  logic         ptw_gnt_i,
  input  logic [31:0]  ptw_rdata_i,
  // Performance events (one-cycle pulses; walk_cycle while a walk is in progress)
  output logic         ev_itlb_miss_o,
  output logic         ev_dtlb_miss_o,
  output logic         ev_walk_o,
  output logic         ev_walk_cycle_o
);
  logic [8:0] asid;
  logic       sv32;
  assign asid = satp_i[30:22];
  assign sv32 = satp_i[31];

  // ------------------------------------------------------------------ walker
  logic        ptw_start, ptw_start_is_i, ptw_fault, ptw_fault_is_i, ptw_fault_page, ptw_ack;
  logic [31:12] ptw_fault_vpn;
  logic [31:12] ptw_req_vaddr;
  logic        ptw_busy;
  logic [1:0]  ptw_req_acc, ptw_req_priv;
  logic        ptw_fill, ptw_fill_is_i, ptw_fill_mega;
  logic [19:0] ptw_fill_vpn;
  logic [8:0]  ptw_fill_asid;
  logic [21:0] ptw_fill_ppn;
  logic [7:0]  ptw_fill_flags;
  logic [33:0] ptw_chk_addr;
  logic        ptw_chk_write, ptw_chk_ok;

  // ------------------------------------------------------------------ instruction channel
  logic        i_xlate, i_hit, i_pf, i_upd;
  logic [21:0] i_ppn;
  logic [7:0]  i_flags;
  assign i_xlate = sv32 && (priv_i != `PRV_M);

  core_tlb #(.Entries(ItlbEntries)) u_itlb (
    .clk_i, .rst_ni,
    .vaddr_i(i_vaddr_i[31:12]), .asid_i(asid), .lookup_i(i_xlate), .use_i(i_req_i && i_xlate),
    .hit_o(i_hit), .ppn_o(i_ppn), .flags_o(i_flags),
    .fill_i(ptw_fill && ptw_fill_is_i), .fill_vpn_i(ptw_fill_vpn), .fill_asid_i(ptw_fill_asid),
    .fill_mega_i(ptw_fill_mega), .fill_ppn_i(ptw_fill_ppn), .fill_pte_flags_i(ptw_fill_flags),
    .flush_i(sfence_i), .flush_va_i(sfence_va_i), .flush_asid_i(sfence_asid_i),
    .flush_vaddr_i(sfence_vaddr_i), .flush_asid_val_i(sfence_asid_val_i)
  );

  core_pte_check u_icheck (
    .flags_i(i_flags), .acc_i(`ACC_FETCH), .priv_i(priv_i), .sum_i(sum_i), .mxr_i(mxr_i),
    .adue_i(adue_i), .page_fault_o(i_pf), .update_o(i_upd)
  );

  logic [33:0] i_pa;
  logic        i_pmp_ok, i_exists, i_ram, i_pfault_pending, i_walk_req;
  assign i_pa = i_xlate ? {i_ppn, i_vaddr_i[11:0]} : {2'b00, i_vaddr_i};

  core_pma #(.RamBytes(RamBytes)) u_pma_i (.addr_i(i_pa[31:0]), .exists_o(i_exists), .ram_o(i_ram));
  core_pmp #(.Entries(PmpEntries)) u_pmp_i (
    .paddr_i(i_pa[33:2]), .priv_i(priv_i), .read_i(1'b0), .write_i(1'b0), .exec_i(1'b1),
    .pmpcfg_i, .pmpaddr_i, .allow_o(i_pmp_ok)
  );

  assign i_pfault_pending = ptw_fault && ptw_fault_is_i && (ptw_fault_vpn == i_vaddr_i[31:12]);

  always_comb begin
    i_ready_o = 1'b1;
    i_fault_o = 1'b0;
    i_cause_o = 5'(`CAUSE_FETCH_ACCESS);
    i_walk_req = 1'b0;
    if (i_xlate && i_hit && i_pf) begin
      i_fault_o = 1'b1; i_cause_o = 5'(`CAUSE_FETCH_PAGE_FAULT);
    end else if (!i_xlate || (i_hit && !i_upd)) begin
      i_fault_o = (i_pa[33:32] != 2'b00) || !(i_exists && i_ram) || !i_pmp_ok;
    end else if (i_pfault_pending) begin
      i_fault_o = 1'b1;
      i_cause_o = ptw_fault_page ? 5'(`CAUSE_FETCH_PAGE_FAULT) : 5'(`CAUSE_FETCH_ACCESS);
    end else begin
      i_ready_o = 1'b0;
      // i_walk_ok_i implies the fetch stage is requesting (nothing ahead of it)
      i_walk_req = i_walk_ok_i;
    end
  end
  assign i_paddr_o = i_pa[31:0];

  // ------------------------------------------------------------------ data channel
  logic [1:0]  d_priv, d_acc;
  logic        d_xlate, d_hit, d_pf, d_upd;
  logic [21:0] d_ppn;
  logic [7:0]  d_flags;
  assign d_priv  = (priv_i == `PRV_M && mprv_i) ? mpp_i : priv_i;
  assign d_xlate = sv32 && (d_priv != `PRV_M);
  assign d_acc   = d_store_i ? `ACC_STORE : `ACC_LOAD;

  core_tlb #(.Entries(DtlbEntries)) u_dtlb (
    .clk_i, .rst_ni,
    .vaddr_i(d_vaddr_i[31:12]), .asid_i(asid), .lookup_i(d_xlate), .use_i(d_req_i && d_xlate),
    .hit_o(d_hit), .ppn_o(d_ppn), .flags_o(d_flags),
    .fill_i(ptw_fill && !ptw_fill_is_i), .fill_vpn_i(ptw_fill_vpn), .fill_asid_i(ptw_fill_asid),
    .fill_mega_i(ptw_fill_mega), .fill_ppn_i(ptw_fill_ppn), .fill_pte_flags_i(ptw_fill_flags),
    .flush_i(sfence_i), .flush_va_i(sfence_va_i), .flush_asid_i(sfence_asid_i),
    .flush_vaddr_i(sfence_vaddr_i), .flush_asid_val_i(sfence_asid_val_i)
  );

  core_pte_check u_dcheck (
    .flags_i(d_flags), .acc_i(d_acc), .priv_i(d_priv), .sum_i(sum_i), .mxr_i(mxr_i),
    .adue_i(adue_i), .page_fault_o(d_pf), .update_o(d_upd)
  );

  logic [33:0] d_pa;
  logic        d_exists, d_ram, d_pfault_pending, d_walk_req;
  assign d_pa = d_xlate ? {d_ppn, d_vaddr_i[11:0]} : {2'b00, d_vaddr_i};

  // One PMP checker serves the data channel and the walker: while the walker works the data
  // channel waits (its own walk) or is idle (instruction walks need an empty pipeline).
  logic        pmp_for_ptw, dp_ok, pmp_d_ok;
  logic [33:0] pmp_d_addr;
  logic [31:0] pma_d_addr;
  assign pmp_for_ptw = ptw_busy;                // the walker checks from state RD on
  assign pmp_d_addr  = pmp_for_ptw ? ptw_chk_addr : d_pa;
  assign pma_d_addr  = pmp_d_addr[31:0];

  core_pma #(.RamBytes(RamBytes)) u_pma_d (.addr_i(pma_d_addr), .exists_o(d_exists), .ram_o(d_ram));
  core_pmp #(.Entries(PmpEntries)) u_pmp_d (
    .paddr_i(pmp_d_addr[33:2]),
    .priv_i(pmp_for_ptw ? `PRV_S : d_priv),
    .read_i(pmp_for_ptw ? !ptw_chk_write : (!d_store_i || d_atomic_i)),
    .write_i(pmp_for_ptw ? ptw_chk_write : d_store_i),
    .exec_i(1'b0),
    .pmpcfg_i, .pmpaddr_i, .allow_o(pmp_d_ok)
  );
  assign dp_ok      = pmp_d_ok && (pmp_d_addr[33:32] == 2'b00);
  assign ptw_chk_ok = dp_ok && d_ram;

  assign d_pfault_pending = ptw_fault && !ptw_fault_is_i && (ptw_fault_vpn == d_vaddr_i[31:12]);

  always_comb begin
    d_ready_o = 1'b1;
    d_fault_o = 1'b0;
    d_cause_o = d_store_i ? 5'(`CAUSE_STORE_ACCESS) : 5'(`CAUSE_LOAD_ACCESS);
    d_walk_req = 1'b0;
    if (d_xlate && d_hit && d_pf) begin
      d_fault_o = 1'b1;
      d_cause_o = d_store_i ? 5'(`CAUSE_STORE_PAGE_FAULT) : 5'(`CAUSE_LOAD_PAGE_FAULT);
    end else if (!d_xlate || (d_hit && !d_upd)) begin
      d_fault_o = !dp_ok || !(d_atomic_i ? d_ram : d_exists);
    end else if (d_pfault_pending) begin
      d_fault_o = 1'b1;
      if (ptw_fault_page)
        d_cause_o = d_store_i ? 5'(`CAUSE_STORE_PAGE_FAULT) : 5'(`CAUSE_LOAD_PAGE_FAULT);
    end else begin
      d_ready_o = 1'b0;
      d_walk_req = d_req_i;
    end
  end
  assign d_paddr_o = d_pa[31:0];

  // ------------------------------------------------------------------ walker and arbitration
  assign ptw_start      = !ptw_busy && (d_walk_req || i_walk_req);
  assign ptw_start_is_i = !d_walk_req;
  assign ptw_req_vaddr  = ptw_start_is_i ? i_vaddr_i[31:12] : d_vaddr_i[31:12];
  assign ptw_req_acc    = ptw_start_is_i ? `ACC_FETCH : d_acc;
  assign ptw_req_priv   = ptw_start_is_i ? priv_i : d_priv;
  // A waiting fault is taken by its channel's next request (or dropped, should that channel
  // have moved on to another page).
  assign ptw_ack = ptw_fault && (ptw_fault_is_i ? i_req_i : d_req_i);

  core_ptw u_ptw (
    .clk_i, .rst_ni,
    .req_i(ptw_start), .req_is_i_i(ptw_start_is_i), .req_vaddr_i(ptw_req_vaddr),
    .req_acc_i(ptw_req_acc), .req_priv_i(ptw_req_priv), .sum_i(sum_i), .mxr_i(mxr_i),
    .adue_i(adue_i), .satp_i(satp_i),
    .busy_o(ptw_busy), .fault_o(ptw_fault), .fault_is_i_o(ptw_fault_is_i),
    .fault_page_o(ptw_fault_page), .fault_vpn_o(ptw_fault_vpn), .fault_ack_i(ptw_ack),
    .fill_o(ptw_fill), .fill_is_i_o(ptw_fill_is_i), .fill_vpn_o(ptw_fill_vpn),
    .fill_asid_o(ptw_fill_asid), .fill_mega_o(ptw_fill_mega), .fill_ppn_o(ptw_fill_ppn),
    .fill_flags_o(ptw_fill_flags),
    .mem_req_o(ptw_req_o), .mem_we_o(ptw_we_o), .mem_addr_o(ptw_addr_o),
    .mem_wdata_o(ptw_wdata_o), .mem_gnt_i(ptw_gnt_i), .mem_rdata_i(ptw_rdata_i),
    .chk_addr_o(ptw_chk_addr), .chk_write_o(ptw_chk_write), .chk_ok_i(ptw_chk_ok),
    .ev_walk_o(ev_walk_o), .ev_itlb_miss_o(ev_itlb_miss_o), .ev_dtlb_miss_o(ev_dtlb_miss_o)
  );
  assign ev_walk_cycle_o = ptw_busy;

endmodule
