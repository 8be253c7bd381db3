// core_csr.sv : control and status registers, privilege mode, trap entry/return, interrupts,
// counters (priv spec 1.12 chapters 2-3; every choice is listed in docs/csr.md).
//
// All accesses happen in the EX stage, which is the commit point of the pipeline:
//  * csr_* : a CSR instruction presents address/op/operand; rdata and illegal answer
//            combinationally; the write is performed at the clock edge when csr_commit_i.
//  * trap_i: enter a trap at the edge (exception or interrupt); trap_vector_o is the target,
//            trap_to_s_o says whether it is delegated to S-mode.
//  * mret_i/sret_i: return at the edge; xepc_o gives the target (mepc or sepc).
//  * id_csr_sel_i/id_xret_i: bits 9 and 0 of the CSR address field of the instruction in ID
//    (instr[29], instr[20]) and whether it is mret/sret. mscratch, mepc, mtval, sscratch, sepc and stval live in two small RAMs
//    (block RAM on iCE40) with a registered read port, read at every edge with the ID
//    instruction's register: a CSR instruction and xRET use the data in their one EX cycle.
//    Writes (trap entry, CSR writes) always restart fetch, so no instruction that read the
//    RAMs before a write reaches EX after it.
//  * irq_take_o/irq_cause_o: an enabled interrupt is pending (priority already resolved).
// Latency: every write is visible to the next instruction in EX.
`include "arch.vh"
`include "core_defs.vh"

module core_csr #(
  parameter int PmpEntries  = 16,   // 0..16 implemented PMP entries
  parameter int HpmCounters = 8,    // mhpmcounter3 .. 3+HpmCounters-1 implemented
  parameter logic [31:0] Misa = `MISA_VALUE   // misa (read-only): without M in a MulDiv = 0 core
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // CSR instruction (EX)
  input  logic        csr_en_i,        // EX holds a CSR instruction (the read is evaluated)
  input  logic [11:0] csr_addr_i,
  input  logic [1:0]  csr_op_i,
  input  logic        csr_write_i,
  input  logic [31:0] csr_operand_i,   // rs1 value or zero-extended uimm
  input  logic        csr_commit_i,
  output logic [31:0] csr_rdata_o,
  output logic        csr_illegal_o,
  // System instructions legality in the current mode
  input  logic        mret_i,
  input  logic        sret_i,
  input  logic        wfi_i,
  input  logic        sfence_vma_i,
  output logic        sys_illegal_o,
  // Trap entry and return (commit at the clock edge)
  input  logic        trap_i,
  input  logic        trap_intr_i,
  input  logic [4:0]  trap_cause_i,
  input  logic [31:0] trap_tval_i,
  input  logic [31:0] trap_pc_i,
  output logic [31:0] trap_vector_o,
  input  logic        mret_commit_i,
  input  logic        sret_commit_i,
  output logic [31:0] xepc_o,
  // The instruction in ID (for the RAM-held CSRs)
  input  logic [1:0]  id_csr_sel_i,    // {csr address bit 9, bit 0} of the ID instruction
  input  logic        id_xret_i,
  // Interrupts
  input  logic        irq_m_soft_i,
  input  logic        irq_m_timer_i,
  input  logic        irq_m_ext_i,
  output logic        irq_take_o,
  output logic [4:0]  irq_cause_o,
  output logic        wfi_wake_o,
  // Counters
  input  logic        instret_i,
  input  logic [63:0] mtime_i,
  input  logic [15:0] hpm_event_i,     // bit k: event HPM_EVENT k happened this cycle
  // State for the rest of the core
  output logic [1:0]   priv_o,
  output logic [31:0]  satp_o,
  output logic         mstatus_mprv_o,
  output logic [1:0]   mstatus_mpp_o,
  output logic         mstatus_sum_o,
  output logic         mstatus_mxr_o,
  output logic         menvcfg_adue_o,
  output logic [127:0] pmpcfg_o,       // entry i: [8*i +: 8]
  output logic [511:0] pmpaddr_o       // entry i: [32*i +: 32]
);
  // ------------------------------------------------------------------ state
  logic [1:0]  priv_q;
  logic        sie_q, mie_q, spie_q, mpie_q, spp_q, mprv_q, sum_q, mxr_q, tvm_q, tw_q, tsr_q;
  logic [1:0]  mpp_q;
  logic [31:0] medeleg_q, mideleg_q, mie_r_q;
  logic        ssip_q, stip_q, seip_q;
  logic [31:0] mtvec_q, stvec_q;
  logic [31:0] mcause_q, scause_q, satp_q;
  logic [31:0] mcounteren_q, scounteren_q, mcountinhibit_q;
  logic        menvcfg_fiom_q, menvcfg_adue_q, senvcfg_fiom_q;
  logic [63:0] mcycle_q, minstret_q;
  logic [63:0] hpm_cnt_q [0:HpmCounters-1];
  logic [4:0]  hpm_evt_q [0:HpmCounters-1];
  logic [127:0] pmpcfg_all;           // PMP entry i: [8*i +: 8]; entries >= PmpEntries read 0
  logic [511:0] pmpaddr_all;          // entry i: [32*i +: 32]

  // ------------------------------------------------------------------ derived values
  logic [31:0] mstatus, mip;
  assign mstatus = {9'd0, tsr_q, tw_q, tvm_q, mxr_q, sum_q, mprv_q, 4'd0, mpp_q, 2'd0,
                    spp_q, mpie_q, 1'b0, spie_q, 1'b0, mie_q, 1'b0, sie_q, 1'b0};
  assign mip = {20'd0, irq_m_ext_i, 1'b0, seip_q, 1'b0, irq_m_timer_i, 1'b0, stip_q, 1'b0,
                irq_m_soft_i, 1'b0, ssip_q, 1'b0};

  assign priv_o = priv_q;
  assign satp_o = satp_q;
  assign mstatus_mprv_o = mprv_q;
  assign mstatus_mpp_o  = mpp_q;
  assign mstatus_sum_o  = sum_q;
  assign mstatus_mxr_o  = mxr_q;
  assign menvcfg_adue_o = menvcfg_adue_q;
  assign pmpcfg_o  = pmpcfg_all;
  assign pmpaddr_o = pmpaddr_all;

  // ------------------------------------------------------------------ RAM-held CSRs
  // epc_ram: {M, epc} 0 sscratch, 1 sepc, 2 mscratch, 3 mepc; tval_ram: 0 stval, 1 mtval.
  // Two RAMs because trap entry writes an epc and a tval at once. The index is bit 9 of the
  // CSR address (M 0x3xx / S 0x1xx) and its bit 0 (scratch 0x.40 / epc 0x.41); mret (0x302)
  // and sret (0x102) read the epc of their mode. Contents start at 0 (the reset value of
  // the reference model); a reset does not clear them (their reset value is unspecified).
  // A read in the cycle of a write to the same word is never used (the write restarts fetch,
  // so the ID instruction that read is dropped): no_rw_check keeps Yosys from adding
  // collision logic (64 FF and their multiplexers on iCE40).
  (* ram_style = "block", no_rw_check *) logic [31:0] epc_ram [0:3];
  (* ram_style = "block", no_rw_check *) logic [31:0] tval_ram [0:1];
  logic [31:0] epc_rdata_q, tval_rdata_q;
  initial begin
    for (int i = 0; i < 4; i++) epc_ram[i] = 32'd0;
    for (int i = 0; i < 2; i++) tval_ram[i] = 32'd0;
  end
  always_ff @(posedge clk_i) begin
    epc_rdata_q  <= epc_ram[{id_csr_sel_i[1], id_xret_i || id_csr_sel_i[0]}];
    tval_rdata_q <= tval_ram[id_csr_sel_i[1]];
  end
  assign xepc_o = epc_rdata_q;

  // ------------------------------------------------------------------ CSR read + legality
  logic        exists, counter_ok;
  logic [31:0] rdata;
  logic [4:0]  cidx;            // counter index within a counter block
  logic [3:0]  pidx;            // PMP index
  assign cidx = csr_addr_i[4:0];
  assign pidx = csr_addr_i[3:0];

  // Counter shadows honour mcounteren/scounteren (priv spec 3.1.11).
  assign counter_ok = (priv_q == `PRV_M) ||
                      (priv_q == `PRV_S && mcounteren_q[cidx]) ||
                      (priv_q == `PRV_U && mcounteren_q[cidx] && scounteren_q[cidx]);

  function automatic logic [63:0] hpm_value(input logic [4:0] idx);
    hpm_value = 64'd0;
    for (int i = 0; i < HpmCounters; i++)
      if (idx == 5'(i + 3)) hpm_value = hpm_cnt_q[i];
  endfunction

  function automatic logic [31:0] hpm_event_value(input logic [4:0] idx);
    hpm_event_value = 32'd0;
    for (int i = 0; i < HpmCounters; i++)
      if (idx == 5'(i + 3)) hpm_event_value = {27'd0, hpm_evt_q[i]};
  endfunction

  logic [63:0] hpm_sel;

  // cycle/time/instret (address bits 1:0 = 0/1/2) and their high halves (bit 7), selected
  // by address bits rather than by the full decode: a 6-input multiplexer with binary
  // selects instead of six inputs of the one-hot one below
  logic [63:0] cnt64;
  logic [31:0] cnt_rdata;
  always_comb begin
    case (csr_addr_i[1:0])
      2'd0:    cnt64 = mcycle_q;
      2'd1:    cnt64 = mtime_i;
      default: cnt64 = minstret_q;
    endcase
  end
  assign cnt_rdata = csr_addr_i[7] ? cnt64[63:32] : cnt64[31:0];

  // The read multiplexer is only evaluated for CSR instructions. This is a simulation-speed
  // choice (the simulator compiles the if into a branch); hardware just ignores the result.
  always_comb begin
    exists = 1'b1;
    rdata  = 32'd0;
    hpm_sel = 64'd0;
    if (csr_en_i) begin
    hpm_sel = hpm_value(cidx);
    case (csr_addr_i)
      `CSR_SSTATUS:       rdata = mstatus & `SSTATUS_MASK;
      `CSR_SIE:           rdata = mie_r_q & mideleg_q;
      `CSR_STVEC:         rdata = stvec_q;
      `CSR_SCOUNTEREN:    rdata = scounteren_q;
      `CSR_SENVCFG:       rdata = {31'd0, senvcfg_fiom_q};
      `CSR_SSCRATCH,
      `CSR_SEPC:          rdata = epc_rdata_q;
      `CSR_SCAUSE:        rdata = scause_q;
      `CSR_STVAL:         rdata = tval_rdata_q;
      `CSR_SIP:           rdata = mip & mideleg_q;
      `CSR_SATP:          rdata = satp_q;
      `CSR_MSTATUS:       rdata = mstatus;
      `CSR_MISA:          rdata = Misa;
      `CSR_MEDELEG:       rdata = medeleg_q;
      `CSR_MIDELEG:       rdata = mideleg_q;
      `CSR_MIE:           rdata = mie_r_q;
      `CSR_MTVEC:         rdata = mtvec_q;
      `CSR_MCOUNTEREN:    rdata = mcounteren_q;
      `CSR_MENVCFG:       rdata = {31'd0, menvcfg_fiom_q};
      `CSR_MSTATUSH:      rdata = 32'd0;
      `CSR_MENVCFGH:      rdata = {2'd0, menvcfg_adue_q, 29'd0};
      `CSR_MCOUNTINHIBIT: rdata = mcountinhibit_q;
      `CSR_MSCRATCH,
      `CSR_MEPC:          rdata = epc_rdata_q;
      `CSR_MCAUSE:        rdata = mcause_q;
      `CSR_MTVAL:         rdata = tval_rdata_q;
      `CSR_MIP:           rdata = mip;
      // the counters and their user shadows share one input of the multiplexer (cnt_rdata)
      `CSR_MCYCLE, `CSR_CYCLE, `CSR_MINSTRET, `CSR_INSTRET, `CSR_TIME,
      `CSR_MCYCLEH, `CSR_CYCLEH, `CSR_MINSTRETH, `CSR_INSTRETH, `CSR_TIMEH:
                          rdata = cnt_rdata;
      `CSR_MVENDORID:     rdata = `MVENDORID_VALUE;
      `CSR_MARCHID:       rdata = `MARCHID_VALUE;
      `CSR_MIMPID:        rdata = `MIMPID_VALUE;
      `CSR_MHARTID,
      `CSR_MCONFIGPTR:    rdata = 32'd0;
      default: begin
        if (csr_addr_i[11:5] == 7'b0011001 && cidx >= 5'd3)          // mhpmevent3..31
          rdata = hpm_event_value(cidx);
        else if (csr_addr_i[11:5] == 7'b1011000 && cidx >= 5'd3)     // mhpmcounter3..31
          rdata = hpm_sel[31:0];
        else if (csr_addr_i[11:5] == 7'b1011100 && cidx >= 5'd3)     // mhpmcounter3h..31h
          rdata = hpm_sel[63:32];
        else if (csr_addr_i[11:5] == 7'b1100000 && cidx >= 5'd3)     // hpmcounter3..31
          rdata = hpm_sel[31:0];
        else if (csr_addr_i[11:5] == 7'b1100100 && cidx >= 5'd3)     // hpmcounter3h..31h
          rdata = hpm_sel[63:32];
        else if (csr_addr_i[11:2] == 10'b0011101000)                 // pmpcfg0..3
          rdata = pmpcfg_all[32*csr_addr_i[1:0] +: 32];
        else if (csr_addr_i[11:4] == 8'h3B)                          // pmpaddr0..15
          rdata = pmpaddr_all[32*pidx +: 32];
        else
          exists = 1'b0;
      end
    endcase
    end
  end

  logic is_counter_shadow;
  assign is_counter_shadow = (csr_addr_i[11:5] == 7'b1100000) || (csr_addr_i[11:5] == 7'b1100100);

  assign csr_rdata_o   = rdata;
  assign csr_illegal_o = !exists
                      || (priv_q < csr_addr_i[9:8])
                      || (csr_write_i && csr_addr_i[11:10] == 2'b11)
                      || (csr_addr_i == `CSR_SATP && priv_q == `PRV_S && tvm_q)
                      || (is_counter_shadow && !counter_ok);

  assign sys_illegal_o = (mret_i && priv_q != `PRV_M)
                      || (sret_i && (priv_q == `PRV_U || (priv_q == `PRV_S && tsr_q)))
                      || (wfi_i && (priv_q == `PRV_U || (priv_q == `PRV_S && tw_q)))
                      || (sfence_vma_i && (priv_q == `PRV_U || (priv_q == `PRV_S && tvm_q)));

  // Value to write (csrrw / csrrs / csrrc)
  logic [31:0] wval;
  always_comb begin
    case (csr_op_i)
      `CSROP_RS: wval = rdata | csr_operand_i;
      `CSROP_RC: wval = rdata & ~csr_operand_i;
      default:   wval = csr_operand_i;
    endcase
  end

  logic wr;
  assign wr = csr_commit_i && csr_write_i;

  // ------------------------------------------------------------------ interrupts
  logic [11:0] pend, m_ints, s_ints, cand;
  logic        m_en, s_en;
  assign pend   = mip[11:0] & mie_r_q[11:0];
  assign m_en   = (priv_q != `PRV_M) || mie_q;
  assign s_en   = (priv_q == `PRV_U) || (priv_q == `PRV_S && sie_q);
  assign m_ints = m_en ? (pend & ~mideleg_q[11:0]) : 12'd0;
  assign s_ints = s_en ? (pend & mideleg_q[11:0]) : 12'd0;
  assign cand   = (m_ints != 12'd0) ? m_ints : s_ints;
  assign wfi_wake_o = (pend != 12'd0);
  // The even interrupt numbers (user-level and reserved) are never pending.
  logic unused_cand;
  assign unused_cand = ^{cand[10], cand[8], cand[6], cand[4], cand[2], cand[0]};

  // Priority MEI, MSI, MTI, SEI, SSI, STI (priv spec 3.1.9)
  always_comb begin
    irq_take_o = 1'b1;
    if      (cand[`IRQ_M_EXT])   irq_cause_o = 5'd`IRQ_M_EXT;
    else if (cand[`IRQ_M_SOFT])  irq_cause_o = 5'd`IRQ_M_SOFT;
    else if (cand[`IRQ_M_TIMER]) irq_cause_o = 5'd`IRQ_M_TIMER;
    else if (cand[`IRQ_S_EXT])   irq_cause_o = 5'd`IRQ_S_EXT;
    else if (cand[`IRQ_S_SOFT])  irq_cause_o = 5'd`IRQ_S_SOFT;
    else if (cand[`IRQ_S_TIMER]) irq_cause_o = 5'd`IRQ_S_TIMER;
    else begin irq_take_o = 1'b0; irq_cause_o = 5'd0; end
  end

  // ------------------------------------------------------------------ trap target
  logic trap_to_s;
  assign trap_to_s = (priv_q != `PRV_M) &&
                     (trap_intr_i ? mideleg_q[trap_cause_i] : medeleg_q[trap_cause_i]);
  logic [31:0] tvec;
  assign tvec = trap_to_s ? stvec_q : mtvec_q;
  logic [31:0] tvec_base;
  assign tvec_base = tvec & 32'hFFFF_FFFC;
  // Vectored mode keeps a 64-byte aligned base (WARL, docs/csr.md) and interrupt causes are
  // below 16: base + 4 x cause is a concatenation, no adder.
  assign trap_vector_o = (tvec[0] && trap_intr_i) ? {tvec[31:6], trap_cause_i[3:0], 2'b00}
                                                  : tvec_base;

  // ------------------------------------------------------------------ PMP entries
  // Only PmpEntries entries have registers (each its own, no indexed array); the others
  // read 0. A locked entry ignores writes to its cfg and addr; pmpaddr[i] is also locked when
  // entry i+1 is locked in TOR mode (priv spec 3.7.1). Writes have the priority of the other
  // CSR writes (below trap entry and xRET, which never coincide with a CSR commit).
  function automatic logic [7:0] pmpcfg_legal(input logic [7:0] v);
    pmpcfg_legal = v & 8'h9F;                         // bits 6:5 read 0
    if (!v[`PMPCFG_R] && v[`PMPCFG_W]) pmpcfg_legal[`PMPCFG_W] = 1'b0;
  endfunction

  logic pmp_wr_ok, pmpcfg_wr, pmpaddr_wr;
  assign pmp_wr_ok  = wr && !trap_i && !mret_commit_i && !sret_commit_i;
  assign pmpcfg_wr  = pmp_wr_ok && csr_addr_i[11:2] == 10'b0011101000;   // pmpcfg0..3
  assign pmpaddr_wr = pmp_wr_ok && csr_addr_i[11:4] == 8'h3B;            // pmpaddr0..15
  logic unused_pmp_wr;                // with PmpEntries = 0 nothing uses them
  assign unused_pmp_wr = pmpcfg_wr ^ pmpaddr_wr;

  generate
    for (genvar gi = 0; gi < 16; gi++) begin : g_pmp
      if (gi < PmpEntries) begin : g_on
        logic [7:0]  cfg_q;
        logic [31:0] addr_q;
        logic        next_tor_locked;
        if (gi + 1 < PmpEntries) begin : g_next
          assign next_tor_locked = pmpcfg_all[8*(gi+1) + `PMPCFG_L] &&
              pmpcfg_all[8*(gi+1) + `PMPCFG_A_LO +: 2] == 2'd1;
        end else begin : g_last
          assign next_tor_locked = 1'b0;
        end
        always_ff @(posedge clk_i) begin
          if (!rst_ni) begin
            cfg_q  <= 8'd0;
            addr_q <= 32'd0;
          end else begin
            if (pmpcfg_wr && csr_addr_i[1:0] == 2'(gi / 4) && !cfg_q[`PMPCFG_L])
              cfg_q <= pmpcfg_legal(wval[8*(gi % 4) +: 8]);
            if (pmpaddr_wr && csr_addr_i[3:0] == 4'(gi) && !cfg_q[`PMPCFG_L] && !next_tor_locked)
              addr_q <= wval;
          end
        end
        assign pmpcfg_all[8*gi +: 8]    = cfg_q;
        assign pmpaddr_all[32*gi +: 32] = addr_q;
      end else begin : g_off
        assign pmpcfg_all[8*gi +: 8]    = 8'd0;
        assign pmpaddr_all[32*gi +: 32] = 32'd0;
      end
    end
  endgenerate

  // ------------------------------------------------------------------ sequential
  // WARL (docs/csr.md): mcause/scause keep the interrupt bit and a 4-bit code (every cause
  // is below 16); the counter enables exist for CY, TM, IR and the implemented HPM counters.
  localparam logic [31:0] CounterenMask =
      `COUNTEREN_MASK & ((32'd1 << (HpmCounters + 3)) - 32'd1);

  // mtvec/stvec: bit 1 reads 0 (mode 2 -> 0, 3 -> 1); vectored mode: base bits 5:2 read 0
  function automatic logic [31:0] tvec_legal(input logic [31:0] v);
    tvec_legal = v[0] ? (v & `TVEC_VECTORED_MASK) : (v & ~32'd2);
  endfunction

  logic [1:0] mpp_w;
  assign mpp_w = (wval[12:11] == 2'b10) ? `PRV_U : wval[12:11];

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      priv_q <= `PRV_M;
      {sie_q, mie_q, spie_q, mpie_q, spp_q, mprv_q, sum_q, mxr_q, tvm_q, tw_q, tsr_q} <= '0;
      mpp_q <= `PRV_U;
      medeleg_q <= '0; mideleg_q <= '0; mie_r_q <= '0;
      {ssip_q, stip_q, seip_q} <= '0;
      mtvec_q <= '0; stvec_q <= '0; mcause_q <= '0; scause_q <= '0; satp_q <= '0;
      mcounteren_q <= '0; scounteren_q <= '0; mcountinhibit_q <= '0;
      menvcfg_fiom_q <= 1'b0; menvcfg_adue_q <= 1'b0; senvcfg_fiom_q <= 1'b0;
    end else if (trap_i) begin
      if (trap_to_s) begin
        scause_q <= {trap_intr_i, 27'd0, trap_cause_i[3:0]};
        spie_q   <= sie_q;
        sie_q    <= 1'b0;
        spp_q    <= priv_q[0];
        priv_q   <= `PRV_S;
      end else begin
        mcause_q <= {trap_intr_i, 27'd0, trap_cause_i[3:0]};
        mpie_q   <= mie_q;
        mie_q    <= 1'b0;
        mpp_q    <= priv_q;
        priv_q   <= `PRV_M;
      end
    end else if (mret_commit_i) begin
      priv_q <= mpp_q;
      mie_q  <= mpie_q;
      mpie_q <= 1'b1;
      mpp_q  <= `PRV_U;
      if (mpp_q != `PRV_M) mprv_q <= 1'b0;
    end else if (sret_commit_i) begin
      priv_q <= {1'b0, spp_q};
      sie_q  <= spie_q;
      spie_q <= 1'b1;
      spp_q  <= 1'b0;
      mprv_q <= 1'b0;
    end else if (wr) begin
      case (csr_addr_i)
        `CSR_MSTATUS: begin
          sie_q <= wval[`MSTATUS_SIE];   mie_q <= wval[`MSTATUS_MIE];
          spie_q <= wval[`MSTATUS_SPIE]; mpie_q <= wval[`MSTATUS_MPIE];
          spp_q <= wval[`MSTATUS_SPP];   mpp_q <= mpp_w;
          mprv_q <= wval[`MSTATUS_MPRV]; sum_q <= wval[`MSTATUS_SUM];
          mxr_q <= wval[`MSTATUS_MXR];   tvm_q <= wval[`MSTATUS_TVM];
          tw_q <= wval[`MSTATUS_TW];     tsr_q <= wval[`MSTATUS_TSR];
        end
        `CSR_SSTATUS: begin
          sie_q <= wval[`MSTATUS_SIE];   spie_q <= wval[`MSTATUS_SPIE];
          spp_q <= wval[`MSTATUS_SPP];   sum_q <= wval[`MSTATUS_SUM];
          mxr_q <= wval[`MSTATUS_MXR];
        end
        `CSR_MEDELEG:       medeleg_q <= wval & `MEDELEG_MASK;
        `CSR_MIDELEG:       mideleg_q <= wval & `MIDELEG_MASK;
        `CSR_MIE:           mie_r_q <= wval & `MIE_MASK;
        `CSR_SIE:           mie_r_q <= (mie_r_q & ~mideleg_q) | (wval & mideleg_q);
        `CSR_MIP: begin
          ssip_q <= wval[`IRQ_S_SOFT]; stip_q <= wval[`IRQ_S_TIMER]; seip_q <= wval[`IRQ_S_EXT];
        end
        `CSR_SIP:           if (mideleg_q[`IRQ_S_SOFT]) ssip_q <= wval[`IRQ_S_SOFT];
        `CSR_MTVEC:         mtvec_q <= tvec_legal(wval);
        `CSR_STVEC:         stvec_q <= tvec_legal(wval);
        `CSR_MCOUNTEREN:    mcounteren_q <= wval & CounterenMask;
        `CSR_SCOUNTEREN:    scounteren_q <= wval & CounterenMask;
        `CSR_MCOUNTINHIBIT: mcountinhibit_q <= wval & ((32'd1 << (HpmCounters + 3)) - 32'd1) & ~32'd2;
        `CSR_MENVCFG:       menvcfg_fiom_q <= wval[`ENVCFG_FIOM];
        `CSR_MENVCFGH:      menvcfg_adue_q <= wval[`MENVCFGH_ADUE];
        `CSR_SENVCFG:       senvcfg_fiom_q <= wval[`ENVCFG_FIOM];
        `CSR_MCAUSE:        mcause_q <= wval & `CAUSE_MASK;
        `CSR_SCAUSE:        scause_q <= wval & `CAUSE_MASK;
        `CSR_SATP:          satp_q <= wval;
        default: ;                            // PMP: g_pmp; scratch/epc/tval: the RAMs
      endcase
    end
  end

  // RAM-held CSR writes: trap entry (epc and tval of the target mode) or a CSR write (never
  // in the same cycle: a trapping instruction does not commit).
  logic epc_csr, tval_csr;
  assign epc_csr  = csr_addr_i == `CSR_MSCRATCH || csr_addr_i == `CSR_MEPC ||
                    csr_addr_i == `CSR_SSCRATCH || csr_addr_i == `CSR_SEPC;
  assign tval_csr = csr_addr_i == `CSR_MTVAL || csr_addr_i == `CSR_STVAL;
  always_ff @(posedge clk_i) begin
    if (trap_i) begin
      epc_ram[{!trap_to_s, 1'b1}] <= trap_pc_i;
      tval_ram[!trap_to_s]        <= trap_tval_i;
    end else if (wr && epc_csr) begin
      epc_ram[{csr_addr_i[9], csr_addr_i[0]}] <= csr_addr_i[0] ? {wval[31:2], 2'b00} : wval;
    end else if (wr && tval_csr) begin
      tval_ram[csr_addr_i[9]] <= wval;
    end
  end

  // mhpmevent selectors
  always_ff @(posedge clk_i) begin
    for (int i = 0; i < HpmCounters; i++) begin
      if (!rst_ni) hpm_evt_q[i] <= 5'd0;
      else if (wr && csr_addr_i == `CSR_MHPMEVENT3 + 12'(i))
        hpm_evt_q[i] <= wval[4:0] & 5'(`HPM_EVENT_MASK);
    end
  end

  // ------------------------------------------------------------------ counters
  // A CSR write to a counter takes precedence over its increment in the same cycle.
  logic cy_inc, ir_inc;
  assign cy_inc = !mcountinhibit_q[0];
  assign ir_inc = instret_i && !mcountinhibit_q[2];

  core_counter64 u_mcycle (
    .clk_i, .rst_ni, .inc_i(cy_inc),
    .wr_lo_i(wr && csr_addr_i == `CSR_MCYCLE), .wr_hi_i(wr && csr_addr_i == `CSR_MCYCLEH),
    .wdata_i(wval), .value_o(mcycle_q)
  );
  core_counter64 u_minstret (
    .clk_i, .rst_ni, .inc_i(ir_inc),
    .wr_lo_i(wr && csr_addr_i == `CSR_MINSTRET), .wr_hi_i(wr && csr_addr_i == `CSR_MINSTRETH),
    .wdata_i(wval), .value_o(minstret_q)
  );

  always_ff @(posedge clk_i) begin
    for (int i = 0; i < HpmCounters; i++) begin
      if (!rst_ni)
        hpm_cnt_q[i] <= 64'd0;
      else if (wr && csr_addr_i == `CSR_MHPMCOUNTER3 + 12'(i))
        hpm_cnt_q[i] <= {hpm_cnt_q[i][63:32], wval};
      else if (wr && csr_addr_i == `CSR_MHPMCOUNTER3H + 12'(i))
        hpm_cnt_q[i] <= {wval, hpm_cnt_q[i][31:0]};
      else if (!mcountinhibit_q[i + 3] && hpm_event_i[hpm_evt_q[i][3:0]] && hpm_evt_q[i] != 5'd0
               && hpm_evt_q[i][4] == 1'b0)
        hpm_cnt_q[i] <= hpm_cnt_q[i] + 64'd1;
    end
  end
endmodule
