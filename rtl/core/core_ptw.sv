// core_ptw.sv : Sv32 hardware page-table walker, shared by the instruction and data TLBs.
//
// Implements priv spec 1.12 section 4.3.2 on the core's data bus (it reads exactly what the
// core stored: there are no caches). The request is registered (state IDLE -> RD); every PTE
// address is checked (chk_*) in a cycle of its own (RD) from the registered address, and the
// read is issued in that cycle when the check passes; the PTE's data is only captured (pte_q)
// in the cycle it returns (WAIT) and examined from that register in the next (CHK), where a
// leaf fills the TLB. So neither the requester's lookup nor a freshly computed PTE address
// reaches the PMP check or the bus in one cycle, and the RAM's read data goes nowhere but
// into a register: no path from mem_rdata_i to the bus request, the fill, the fault or the
// next state (timing). With single-cycle memory a 4 MiB translation therefore costs 4 cycles
// (the miss, then one PTE read: check + read, data, examine) and a 4 KiB one 7 (two PTE
// reads), before the requester's retried lookup hits; a Svadu A/D write-back adds 2.
// Faults (page faults, and access faults when a PTE address is outside RAM, above 2^32, or
// denied by PMP as an S-mode access) are held in state FAULT until the requester takes them;
// faulting translations are never filled.
// A/D: with adue_i=0 (Svade) a leaf with A=0, or D=0 for a store/AMO, is a page fault
// (core_pte_check). With adue_i=1 (Svadu) the walker re-reads the PTE (issued from CHK,
// compared with the first read as it arrives in UPD_WAIT, the result registered), and if it
// is unchanged writes it back with A (and D for a store/AMO) set, then fills; if it
// changed, it walks again. The write-back is PMP-checked as an S-mode write.
// A request the bus does not grant is repeated from the same state: CHK and UPD_CHK decide
// from registers only, so they decide the same way again.
// PTE address checks go out on chk_* (from registers only) and come back on chk_ok_i in the
// same cycle.
`include "arch.vh"
`include "core_defs.vh"

module core_ptw (
  input  logic        clk_i,
  input  logic        rst_ni,
  // Request (sampled in IDLE)
  input  logic        req_i,
  input  logic        req_is_i_i,       // 1: instruction TLB, 0: data TLB
  input  logic [31:12] req_vaddr_i,
  input  logic [1:0]  req_acc_i,        // ACC_FETCH / ACC_LOAD / ACC_STORE
  input  logic [1:0]  req_priv_i,       // effective privilege (S or U)
  input  logic        sum_i,
  input  logic        mxr_i,
  input  logic        adue_i,
  input  logic [31:0] satp_i,
  // Result
  output logic        busy_o,           // not idle: the walker owns the bus
  output logic        fault_o,          // a fault is waiting for its requester
  output logic        fault_is_i_o,
  output logic        fault_page_o,     // 1: page fault, 0: access fault
  output logic [31:12] fault_vpn_o,
  input  logic        fault_ack_i,
  output logic        fill_o,
  output logic        fill_is_i_o,
  output logic [19:0] fill_vpn_o,
  output logic [8:0]  fill_asid_o,
  output logic        fill_mega_o,
  output logic [21:0] fill_ppn_o,
  output logic [7:0]  fill_flags_o,
  // Memory port (request accepted with gnt; read data in the next cycle)
  output logic        mem_req_o,
  output logic        mem_we_o,
  output logic [31:0] mem_addr_o,
  output logic [31:0] mem_wdata_o,
  input  logic        mem_gnt_i,
  input  logic [31:0] mem_rdata_i,
  // PTE address check (PMA: RAM below 2^32; PMP as an S-mode read or write)
  output logic [33:0] chk_addr_o,
  output logic        chk_write_o,
  input  logic        chk_ok_i,
  // Events
  output logic        ev_walk_o,
  output logic        ev_itlb_miss_o,
  output logic        ev_dtlb_miss_o
);
  typedef enum logic [2:0] {IDLE, RD, WAIT, CHK, UPD_WAIT, UPD_CHK, FAULT} state_e;
  state_e state_q, state_d;

  logic        level_q, level_d;            // 1: first level (VPN[1]), 0: second
  logic        is_i_q, g_q, g_d;
  logic [1:0]  acc_q, priv_q;
  logic [31:12] vaddr_q;
  logic [33:0] pte_addr_q, pte_addr_d;
  logic [31:0] pte_q;                       // the PTE read (captured in WAIT)
  logic        reread_same_q;               // the Svadu re-read equals pte_q (from UPD_WAIT)
  logic        fault_page_q, fault_page_d;

  // First-level PTE address from satp and the request (priv spec 4.3.2 steps 1-2): a.ppn *
  // PAGESIZE + va.vpn[1] * PTESIZE, the second term below 2^12, so a concatenation. The
  // Svadu re-walk recomputes it from satp and the registered vpn: satp (and mstatus, menvcfg)
  // cannot change during a walk (instruction walks need an empty pipeline, data walks hold
  // their instruction in EX; CSRs change only when an instruction leaves EX), so the walker
  // uses satp_i, sum_i, mxr_i and adue_i directly rather than copies.
  logic [33:0] l1_addr_req, l1_addr;
  assign l1_addr_req = {satp_i[21:0], req_vaddr_i[31:22], 2'b00};
  assign l1_addr     = {satp_i[21:0], vaddr_q[31:22], 2'b00};

  // The PTE being examined (CHK), from its capture register
  logic [21:0] pte_ppn;
  logic        pte_v, pte_r, pte_w, pte_x, is_leaf, invalid;
  assign pte_ppn = pte_q[31:10];
  assign pte_v   = pte_q[`PTE_V];
  assign pte_r   = pte_q[`PTE_R];
  assign pte_w   = pte_q[`PTE_W];
  assign pte_x   = pte_q[`PTE_X];
  assign invalid = !pte_v || (!pte_r && pte_w);
  assign is_leaf = pte_r || pte_x;

  logic [33:0] l0_addr;
  assign l0_addr = {pte_ppn, vaddr_q[21:12], 2'b00};

  logic leaf_pf, leaf_upd;
  core_pte_check u_check (
    .flags_i(pte_q[7:0]), .acc_i(acc_q), .priv_i(priv_q), .sum_i(sum_i), .mxr_i(mxr_i),
    .adue_i(adue_i), .page_fault_o(leaf_pf), .update_o(leaf_upd)
  );

  // The PTE with A (and D for a store/AMO) set: the Svadu write-back, and the flags filled.
  // A leaf fills from CHK only with A set, and D for a store (else it faults or is
  // updated first), so there pte_updated equals pte_q.
  logic        is_store;
  logic [31:0] pte_updated;
  assign is_store    = (acc_q == `ACC_STORE) || (acc_q == `ACC_AMO);
  assign pte_updated = pte_q | (32'd1 << `PTE_A) | (is_store ? (32'd1 << `PTE_D) : 32'd0);

  assign mem_addr_o   = pte_addr_q[31:0];
  assign mem_wdata_o  = pte_updated;
  assign chk_addr_o   = pte_addr_q;
  assign fill_ppn_o   = pte_ppn;
  assign fill_flags_o = {pte_updated[7:6], pte_updated[5] | g_q, pte_updated[4:0]};

  always_comb begin
    state_d = state_q;
    level_d = level_q;
    g_d = g_q;
    pte_addr_d = pte_addr_q;
    fault_page_d = fault_page_q;
    mem_req_o = 1'b0;
    mem_we_o = 1'b0;
    chk_write_o = 1'b0;
    fill_o = 1'b0;
    ev_walk_o = 1'b0;

    case (state_q)
      IDLE: begin
        if (req_i) begin
          ev_walk_o  = 1'b1;
          level_d    = 1'b1;
          g_d        = 1'b0;
          pte_addr_d = l1_addr_req;
          state_d    = RD;
        end
      end
      RD: begin                                              // pte_addr_q: check, then read
        if (!chk_ok_i) begin
          fault_page_d = 1'b0; state_d = FAULT;
        end else begin
          mem_req_o = 1'b1;
          if (mem_gnt_i) state_d = WAIT;
        end
      end
      WAIT: state_d = CHK;                                   // the data goes into pte_q
      CHK: begin                                             // pte_q: examine
        if (invalid) begin                                   // step 3
          fault_page_d = 1'b1; state_d = FAULT;
        end else if (!is_leaf) begin                         // step 4
          if (!level_q) begin
            fault_page_d = 1'b1; state_d = FAULT;
          end else begin
            level_d = 1'b0;
            g_d = pte_q[`PTE_G];
            pte_addr_d = l0_addr;
            state_d = RD;
          end
        end else if (leaf_pf || (level_q && pte_ppn[9:0] != 10'd0)) begin   // steps 5, 6
          fault_page_d = 1'b1; state_d = FAULT;
        end else if (leaf_upd) begin                         // step 7, Svadu: re-read
          mem_req_o = 1'b1;
          if (mem_gnt_i) state_d = UPD_WAIT;
        end else begin
          fill_o = 1'b1;
          state_d = IDLE;
        end
      end
      UPD_WAIT: state_d = UPD_CHK;                           // compared into reread_same_q
      UPD_CHK: begin                                         // the re-read against pte_q
        chk_write_o = 1'b1;         // checked as a write whatever the compare says (timing)
        if (!reread_same_q) begin
          // The PTE changed since it was read: walk again from the first level.
          level_d = 1'b1;
          g_d = 1'b0;
          pte_addr_d = l1_addr;
          state_d = RD;
        end else if (!chk_ok_i) begin
          fault_page_d = 1'b0; state_d = FAULT;
        end else begin
          mem_req_o = 1'b1;
          mem_we_o = 1'b1;
          if (mem_gnt_i) begin
            fill_o = 1'b1;
            state_d = IDLE;
          end
        end
      end
      FAULT: begin
        if (fault_ack_i) state_d = IDLE;
      end
      default: state_d = IDLE;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q <= IDLE;
    end else begin
      state_q <= state_d;
    end
    level_q <= level_d;
    g_q <= g_d;
    pte_addr_q <= pte_addr_d;
    if (state_q == WAIT) pte_q <= mem_rdata_i;
    // Only the comparison is kept (one flip-flop, not the 32-bit word): the path from the read
    // data ends in it, as the PTE's does in pte_q.
    if (state_q == UPD_WAIT) reread_same_q <= (mem_rdata_i == pte_q);
    fault_page_q <= fault_page_d;
    if (state_q == IDLE && req_i) begin
      is_i_q <= req_is_i_i;
      vaddr_q <= req_vaddr_i;
      acc_q <= req_acc_i;
      priv_q <= req_priv_i;
    end
  end

  assign busy_o        = (state_q != IDLE);
  assign fault_o       = (state_q == FAULT);
  assign fault_is_i_o  = is_i_q;
  assign fault_page_o  = fault_page_q;
  assign fault_vpn_o   = vaddr_q[31:12];
  assign fill_is_i_o   = is_i_q;
  assign fill_vpn_o    = vaddr_q[31:12];
  assign fill_asid_o   = satp_i[30:22];
  assign fill_mega_o   = level_q;
  assign ev_itlb_miss_o = ev_walk_o && req_is_i_i;
  assign ev_dtlb_miss_o = ev_walk_o && !req_is_i_i;

  logic unused_satp;
  assign unused_satp = satp_i[31];
endmodule
