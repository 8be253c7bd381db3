// core.sv : RV32IMA_Zicsr_Zifencei core with M/S/U modes — a 4-stage in-order pipeline.
//
//   IF  : pc -> branch predictor (core_bpred) -> translation (core_mmu, I channel) -> ibus
//   ID  : instruction arrives from ibus; decode (registered into EX); load-use hazard check;
//         register file read (sync)
//   EX  : forwarding, ALU, branch resolution, mul/div, CSR access, address generation ->
//         translation (core_mmu, D channel) -> dbus request. With MemAddrReg = 1 a memory
//         access takes two EX cycles at least: address (registered), then translation and
//         bus from that register (timing: no path from the forwarding muxes through the
//         TLB/PMP to the RAM; FPGA builds). With MemAddrReg = 0 (default) the computed
//         address goes to the translation step in the same cycle (one cycle, lower CPI).
//         EX is the commit point: every exception is known here (faults come from the
//         translation step, never from a bus), traps and interrupts are taken here,
//         CSR/memory side effects happen here.
//   MEM : load data arrives from dbus and is aligned; register file write; retire port.
//
// Buses: request (req/addr/we/be/wdata) is accepted when gnt is high; read data returns in the
// next cycle. Either bus may hold gnt low (a shared memory port): the stage stalls.
// Hazards: full forwarding from MEM and from the register written in the previous cycle; one
// bubble for a load followed by a dependent instruction; a taken-branch misprediction costs
// two cycles; traps, xRET, fence.i, sfence.vma and CSR writes restart fetch at the next pc.
// Interrupts are taken in the first EX cycle of an instruction, before it has any effect.
// See docs/pipeline.md for the diagram and docs/platform.md for the retire port.
`include "arch.vh"
`include "core_defs.vh"

module core #(
  parameter logic [31:0] ResetPc     = `RESET_PC,
  parameter logic [31:0] RamBytes    = 32'h0100_0000,
  parameter int PmpEntries  = 16,
  parameter int HpmCounters = 8,
  parameter int BtbEntries  = 64,
  parameter int ItlbEntries = 16,
  parameter int DtlbEntries = 16,
  parameter int MulDiv      = 1,      // 1: M extension (core_muldiv); 0: none, its
                                      // instructions are illegal and misa.M reads 0
                                      // (sw/lib's trap entry emulates them)
  parameter int FastMul     = 1,      // 1: one-cycle multiplier; 2: two cycles (registered
                                      // product); 0: iterative (core_muldiv)
  // 1: loads/stores/AMOs register their address in a first EX cycle and present it to the
  // translation step and the bus in the next (+1 cycle per access, shorter critical path);
  // 0: address, translation and bus request in one cycle. docs/pipeline.md has the figures.
  parameter int MemAddrReg  = 0,
  // 1: the register file is read for both the ID and the EX instruction every cycle (two
  // copies) and the choice registered: EX's completion does not reach its read addresses
  // (timing; the ECP5 build); 0: one copy, the read addresses chosen by EX's completion.
  parameter int RfReadBoth  = 0
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // Instruction bus
  output logic        ibus_req_o,
  output logic [31:0] ibus_addr_o,
  input  logic        ibus_gnt_i,
  input  logic [31:0] ibus_rdata_i,
  // Data bus
  output logic        dbus_req_o,
  output logic        dbus_we_o,
  output logic [3:0]  dbus_be_o,
  output logic [31:0] dbus_addr_o,
  output logic [31:0] dbus_wdata_o,
  input  logic        dbus_gnt_i,
  input  logic [31:0] dbus_rdata_i,
  output logic        dbus_claim_o,     // the data side may request in this cycle (registers
                                        // only; every dbus_req_o implies it): a one-port
                                        // memory grants fetch only when it is low
  // Interrupts and time
  input  logic        irq_m_soft_i,
  input  logic        irq_m_timer_i,
  input  logic        irq_m_ext_i,
  input  logic [63:0] mtime_i,
  // Retire port (docs/platform.md)
  output logic        rvfi_valid_o,
  output logic [63:0] rvfi_order_o,
  output logic [31:0] rvfi_insn_o,
  output logic [31:0] rvfi_pc_o,
  output logic [31:0] rvfi_next_pc_o,
  output logic [1:0]  rvfi_priv_o,
  output logic [4:0]  rvfi_rd_addr_o,
  output logic [31:0] rvfi_rd_wdata_o,
  output logic [31:0] rvfi_mem_addr_o,
  output logic [31:0] rvfi_mem_paddr_o,
  output logic [3:0]  rvfi_mem_rmask_o,
  output logic [3:0]  rvfi_mem_wmask_o,
  output logic [31:0] rvfi_mem_rdata_o,
  output logic [31:0] rvfi_mem_wdata_o,
  output logic        rvfi_trap_o,
  output logic        rvfi_intr_o,
  output logic [31:0] rvfi_cause_o,
  output logic [31:0] rvfi_tval_o,
  output logic [31:0] rvfi_mip_o        // MEIP/MTIP/MSIP lines when EX decided about interrupts
);
  // ==================================================================== signals between stages
  logic        redirect;          // EX restarts fetch at redirect_pc (flushes IF/ID)
  logic [31:0] redirect_pc;
  logic        d_accept;          // ID can take a new instruction at the next edge (ignoring redirect)
  logic        e_accept;          // EX can take a new instruction at the next edge
  logic        e_trap;            // the EX instruction traps (exception or interrupt)
  logic        e_trap_pre;        // exception known before the memory access
  logic        e_agen_q;          // MemAddrReg: EX access has its address in e_va (second cycle on)
  logic [31:0] e_va;              // the EX access's virtual address as the MMU sees it
  logic        take_irq;          // an interrupt is taken on the EX instruction
  // MEM stage registers (declared early: EX forwards from them)
  logic        m_valid_q, m_rd_we_q, m_load_q, m_trap_q, m_intr_q, m_unsigned_q;
  logic [4:0]  m_rd_q;
  logic [1:0]  m_addr_lo_q, m_size_q, m_priv_q;
  logic [31:0] m_result_q, m_load_data;

  // ==================================================================== IF
  logic [31:0] f_pc_q;
  logic [31:0] f_pc_next;
  logic        f_want, f_issue;
  logic        bp_hit, bp_taken;
  logic [31:0] bp_target;
  logic [1:0]  bp_ctr;
  logic        mi_ready, mi_fault;
  logic [31:0] mi_paddr;
  logic [4:0]  mi_cause;
  logic [31:0] f_pred_next;

  // EX-side branch predictor update
  logic        bp_upd, bp_upd_taken, bp_upd_uncond;
  logic [31:0] bp_upd_target;
  logic [31:0] e_pc_q;
  logic        e_bp_hit_q;
  logic [1:0]  e_bp_ctr_q;

  core_bpred #(.Entries(BtbEntries)) u_bpred (
    .clk_i, .rst_ni,
    .pc_next_i(f_pc_next), .pc_i(f_pc_q),
    .hit_o(bp_hit), .taken_o(bp_taken), .target_o(bp_target), .ctr_o(bp_ctr),
    .upd_i(bp_upd), .upd_pc_i(e_pc_q), .upd_hit_i(e_bp_hit_q), .upd_ctr_i(e_bp_ctr_q),
    .upd_taken_i(bp_upd_taken), .upd_uncond_i(bp_upd_uncond), .upd_target_i(bp_upd_target)
  );

  assign f_pred_next = bp_taken ? bp_target : f_pc_q + 32'd4;
  // A fetch that faults in translation goes down the pipe without touching the bus.
  // The bus is asked whenever the translation is ready, whether or not ID takes the word
  // (f_want): the request then depends only on registers and the translation of f_pc_q, not
  // on the ID/EX stall logic (timing: no path from the fetched word through decode, the
  // hazard check and EX's completion back to the memory's enables). A word ID did not take
  // is dropped and the same pc asked again (fetches have no side effects: RAM only).
  assign ibus_req_o  = mi_ready && !mi_fault;
  assign ibus_addr_o = mi_paddr;
  assign f_issue     = f_want && mi_ready && (mi_fault || ibus_gnt_i);

  always_comb begin
    if (redirect)     f_pc_next = redirect_pc;
    else if (f_issue) f_pc_next = f_pred_next;
    else              f_pc_next = f_pc_q;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) f_pc_q <= ResetPc;
    else         f_pc_q <= f_pc_next;
  end

  // ==================================================================== ID
  logic        d_valid_q, d_fresh_q, d_fault_q, d_bp_hit_q;
  logic [4:0]  d_cause_q;
  logic [31:0] d_pc_q, d_pred_next_q, d_instr_hold_q, d_instr;
  logic [1:0]  d_bp_ctr_q;
  logic        d_advance, d_hazard;

  assign f_want  = d_accept;
  assign d_instr = d_fault_q ? 32'd0 : (d_fresh_q ? ibus_rdata_i : d_instr_hold_q);

  // The valid flags are cleared by a redirect; the rest of ID loads whenever ID can take a
  // word (d_accept, which does not look at redirect: what it loads in a redirect cycle is
  // never valid), so that EX's redirect decision reaches only these two flip-flops (timing).
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      d_valid_q <= 1'b0;
      d_fresh_q <= 1'b0;
    end else if (redirect) begin
      d_valid_q <= 1'b0;
      d_fresh_q <= 1'b0;
    end else if (d_accept) begin
      d_valid_q <= f_issue;
      d_fresh_q <= f_issue && !mi_fault;
    end else begin
      d_fresh_q <= 1'b0;
    end
    d_instr_hold_q <= d_instr;
    if (d_accept) begin
      d_fault_q     <= mi_fault;
      d_cause_q     <= mi_cause;
      d_pc_q        <= f_pc_q;
      d_pred_next_q <= f_pred_next;
      d_bp_hit_q    <= bp_hit;
      d_bp_ctr_q    <= bp_ctr;
    end
  end

  // Register use of the ID instruction, for the load-use check. Conservative by opcode.
  logic [6:0] d_opc;
  logic [4:0] d_rs1, d_rs2;
  logic       d_rs1_used, d_rs2_used;
  assign d_opc = d_instr[6:0];
  assign d_rs1 = d_instr[19:15];
  assign d_rs2 = d_instr[24:20];
  assign d_rs1_used = !(d_opc == 7'b0110111 || d_opc == 7'b0010111 || d_opc == 7'b1101111 ||
                        (d_opc == 7'b1110011 && d_instr[14]));
  assign d_rs2_used = (d_opc == 7'b1100011 || d_opc == 7'b0100011 || d_opc == 7'b0110011 ||
                       d_opc == 7'b0101111 ||
                       (d_opc == 7'b1110011 && d_instr[31:25] == 7'b0001001));   // sfence.vma

  // ==================================================================== EX registers
  logic        e_valid_q, e_busy_q;
  logic [31:0] e_mip_q, e_mip;
  logic [31:0] e_instr_q, e_pred_next_q;
  logic        e_fault_q;
  logic [4:0]  e_cause_q;
  logic [1:0]  e_amo_phase_q;
  logic [31:0] e_amo_old_q;

  // Decoded EX instruction: decoded in ID (d_instr) and registered with the instruction, so
  // that EX starts from flops (dd_* is the ID-side decode, x_* its EX-stage copy).
  logic        x_rd_we, x_opa_pc, x_opa_zero, x_opb_imm;
  logic [31:0] x_imm;
  logic [3:0]  x_alu_op;
  logic [2:0]  x_res_sel;
  logic        x_branch, x_jal, x_jalr, x_load, x_store, x_amo, x_lr, x_sc;
  logic [4:0]  x_amo_fn;
  logic [1:0]  x_mem_size;
  logic        x_mem_unsigned, x_mul, x_div, x_csr, x_csr_write;
  logic [1:0]  x_csr_op;
  logic        x_ecall, x_ebreak, x_mret, x_sret, x_wfi, x_sfence, x_fence_i, x_illegal;
  logic        dd_rd_we, dd_opa_pc, dd_opa_zero, dd_opb_imm;
  logic [31:0] dd_imm;
  logic [3:0]  dd_alu_op;
  logic [2:0]  dd_res_sel;
  logic        dd_branch, dd_jal, dd_jalr, dd_load, dd_store, dd_amo, dd_lr, dd_sc;
  logic [4:0]  dd_amo_fn;
  logic [1:0]  dd_mem_size;
  logic        dd_mem_unsigned, dd_mul, dd_div, dd_csr, dd_csr_write;
  logic [1:0]  dd_csr_op;
  logic        dd_ecall, dd_ebreak, dd_mret, dd_sret, dd_wfi, dd_sfence, dd_fence_i, dd_illegal;
  // Precomputed in ID: pc + imm (branch/jal target), with the decoder's B-or-J immediate
  // (dd_imm_bj: instr[3] tells jal from a branch; other instructions do not use the target)
  // rather than its full immediate multiplexer: the fetched word reaches the adder through
  // one level of logic (timing).
  logic [31:0] dd_imm_bj;
  logic [31:0] e_br_target_q;

  core_decode #(.MulDiv(MulDiv)) u_decode (
    .instr_i(d_instr),
    .rd_we_o(dd_rd_we), .imm_o(dd_imm), .imm_bj_o(dd_imm_bj),
    .opa_pc_o(dd_opa_pc), .opa_zero_o(dd_opa_zero), .opb_imm_o(dd_opb_imm), .alu_op_o(dd_alu_op), .res_sel_o(dd_res_sel),
    .branch_o(dd_branch), .jal_o(dd_jal), .jalr_o(dd_jalr),
    .load_o(dd_load), .store_o(dd_store), .amo_o(dd_amo), .lr_o(dd_lr), .sc_o(dd_sc),
    .amo_fn_o(dd_amo_fn), .mem_size_o(dd_mem_size), .mem_unsigned_o(dd_mem_unsigned),
    .mul_o(dd_mul), .div_o(dd_div),
    .csr_o(dd_csr), .csr_op_o(dd_csr_op), .csr_write_o(dd_csr_write),
    .ecall_o(dd_ecall), .ebreak_o(dd_ebreak), .mret_o(dd_mret), .sret_o(dd_sret), .wfi_o(dd_wfi),
    .sfence_vma_o(dd_sfence), .fence_i_o(dd_fence_i), .illegal_o(dd_illegal)
  );

  always_ff @(posedge clk_i) begin
    if (e_accept) begin
      // Loads, stores, AMOs and jalr have their address (rs1 + imm; the decoder gives
      // AMO/LR/SC imm 0) computed by the ALU's adder, whose result they do not use otherwise.
      x_rd_we <= dd_rd_we; x_opa_pc <= dd_opa_pc; x_opa_zero <= dd_opa_zero; x_imm <= dd_imm;
      x_opb_imm <= dd_opb_imm || dd_load || dd_store || dd_amo || dd_jalr;
      x_alu_op <= dd_alu_op; x_res_sel <= dd_res_sel;
      x_branch <= dd_branch; x_jal <= dd_jal; x_jalr <= dd_jalr;
      x_load <= dd_load; x_store <= dd_store; x_amo <= dd_amo; x_lr <= dd_lr; x_sc <= dd_sc;
      x_amo_fn <= dd_amo_fn; x_mem_size <= dd_mem_size; x_mem_unsigned <= dd_mem_unsigned;
      x_mul <= dd_mul; x_div <= dd_div;
      x_csr <= dd_csr; x_csr_op <= dd_csr_op; x_csr_write <= dd_csr_write;
      x_ecall <= dd_ecall; x_ebreak <= dd_ebreak; x_mret <= dd_mret; x_sret <= dd_sret;
      x_wfi <= dd_wfi; x_sfence <= dd_sfence; x_fence_i <= dd_fence_i; x_illegal <= dd_illegal;
      e_br_target_q <= d_pc_q + dd_imm_bj;
    end
  end

  logic [4:0] e_rs1, e_rs2, e_rd;
  assign e_rs1 = e_instr_q[19:15];
  assign e_rs2 = e_instr_q[24:20];
  assign e_rd  = e_instr_q[11:7];

  // Load-use hazard: EX holds a load whose result the ID instruction needs.
  assign d_hazard  = e_valid_q && (x_res_sel == `RES_LOAD) && x_rd_we &&
                     ((d_rs1_used && d_rs1 == e_rd) || (d_rs2_used && d_rs2 == e_rd));
  assign d_advance = d_valid_q && !d_hazard && e_accept && !redirect;
  assign d_accept  = !d_valid_q || (!d_hazard && e_accept);   // (redirect: see ID above)

  // ==================================================================== register file
  logic [31:0] rf_rdata1, rf_rdata2;
  logic        wb_we;
  logic [4:0]  wb_rd;
  logic [31:0] wb_data;
  logic [31:0] last_data_q;

  // The register file is read every cycle: at the edge where EX takes a new instruction with
  // the ID instruction's registers, at the others with the EX instruction's own, so that an
  // instruction that stays in EX (memory access, mul/div, wfi) keeps reading its operands
  // (no holding registers). A value written at that same edge is not in the read data
  // (old value on a collision): it is the "last write" bypass below the next cycle.
  if (RfReadBoth == 0) begin : g_rf_select
    // One register file; EX's completion (e_accept) chooses the read addresses.
    logic [4:0] rf_raddr1, rf_raddr2;
    assign rf_raddr1 = e_accept ? d_rs1 : e_rs1;
    assign rf_raddr2 = e_accept ? d_rs2 : e_rs2;
    core_regfile u_regfile (
      .clk_i, .raddr1_i(rf_raddr1), .raddr2_i(rf_raddr2),
      .rdata1_o(rf_rdata1), .rdata2_o(rf_rdata2),
      .we_i(wb_we), .waddr_i(wb_rd), .wdata_i(wb_data)
    );
  end else begin : g_rf_both
    // Two register files (four read ports): one always reads the ID instruction's registers,
    // the other EX's; in the next cycle e_busy_q (EX did not take a new instruction at that
    // edge) chooses between their data: EX's completion decision does not reach the register
    // file (timing: on the ECP5 the register file is distributed RAM behind its read
    // address; +2 copies).
    logic [31:0] rf_id1, rf_id2, rf_ex1, rf_ex2;
    core_regfile u_regfile_id (
      .clk_i, .raddr1_i(d_rs1), .raddr2_i(d_rs2), .rdata1_o(rf_id1), .rdata2_o(rf_id2),
      .we_i(wb_we), .waddr_i(wb_rd), .wdata_i(wb_data)
    );
    core_regfile u_regfile_ex (
      .clk_i, .raddr1_i(e_rs1), .raddr2_i(e_rs2), .rdata1_o(rf_ex1), .rdata2_o(rf_ex2),
      .we_i(wb_we), .waddr_i(wb_rd), .wdata_i(wb_data)
    );
    assign rf_rdata1 = e_busy_q ? rf_ex1 : rf_id1;
    assign rf_rdata2 = e_busy_q ? rf_ex2 : rf_id2;
  end

  // ==================================================================== forwarding
  // An EX operand is x0 (zero), the result of the instruction in MEM (m_result_q), the value
  // written in the previous cycle (last_data_q) or the register file's read data, in that
  // priority. The choice is made one cycle ahead, for the registers the register file is
  // being asked for (rf_raddr*), and registered (fwd*_q), so that EX starts from a flop-
  // driven multiplexer rather than from register-number comparators (timing). MEM will hold
  // a result for EX's next instruction only if EX retires its instruction now (m_we_next,
  // which implies e_accept: the next EX instruction is then the ID one); the register
  // written at the next edge (wb_*) is the "last" one then.
  logic        m_we_next;
  logic        fwd1_zero_q, fwd1_m_q, fwd1_l_q, fwd2_zero_q, fwd2_m_q, fwd2_l_q;
  assign m_we_next = e_fire && !e_trap && x_rd_we;
  always_ff @(posedge clk_i) begin
    fwd1_zero_q <= e_accept ? d_rs1 == 5'd0 : e_rs1 == 5'd0;
    fwd2_zero_q <= e_accept ? d_rs2 == 5'd0 : e_rs2 == 5'd0;
    fwd1_m_q    <= m_we_next && e_rd == d_rs1;
    fwd2_m_q    <= m_we_next && e_rd == d_rs2;
    fwd1_l_q    <= wb_we && (e_accept ? wb_rd == d_rs1 : wb_rd == e_rs1);
    fwd2_l_q    <= wb_we && (e_accept ? wb_rd == d_rs2 : wb_rd == e_rs2);
  end

  logic [31:0] rs1_val, rs2_val;
  assign rs1_val = fwd1_zero_q ? 32'd0 : fwd1_m_q ? m_result_q : fwd1_l_q ? last_data_q : rf_rdata1;
  assign rs2_val = fwd2_zero_q ? 32'd0 : fwd2_m_q ? m_result_q : fwd2_l_q ? last_data_q : rf_rdata2;

  // ==================================================================== EX datapath
  logic [31:0] alu_a, alu_b, alu_result, alu_sum;
  logic        br_take;
  assign alu_a = x_opa_pc ? e_pc_q : (x_opa_zero ? 32'd0 : rs1_val);
  assign alu_b = x_opb_imm ? x_imm : rs2_val;

  core_alu u_alu (
    .op_i(x_alu_op), .a_i(alu_a), .b_i(alu_b), .result_o(alu_result), .sum_o(alu_sum),
    .br_fn_i(e_instr_q[14:12]), .rs1_i(rs1_val), .rs2_i(rs2_val), .take_o(br_take)
  );

  // Control flow. Without a BTB every fetch is predicted pc + 4 (f_pred_next), so EX computes
  // pc + 4 itself and the prediction registers (d/e_pred_next_q) are left unused (removed by
  // synthesis); with one, pc + 4 is computed in ID and the prediction travels down the pipe.
  logic [31:0] e_pc4, e_pred_next, e_target, e_next;
  if (BtbEntries == 0) begin : g_pc4_ex
    assign e_pc4       = e_pc_q + 32'd4;
    assign e_pred_next = e_pc4;
  end else begin : g_pc4_id
    logic [31:0] e_pc4_q;
    always_ff @(posedge clk_i) if (e_accept) e_pc4_q <= d_pc_q + 32'd4;
    assign e_pc4       = e_pc4_q;
    assign e_pred_next = e_pred_next_q;
  end
  logic        e_taken;
  assign e_target = x_jalr ? (alu_sum & ~32'd1) : e_br_target_q;     // jalr: rs1 + imm
  assign e_taken  = x_jal || x_jalr || (x_branch && br_take);
  assign e_next   = e_taken ? e_target : e_pc4;

  // Multiply / divide
  logic        md_done;
  logic [31:0] md_result;
  logic        e_fire;               // EX finishes its instruction at this edge
  if (MulDiv != 0) begin : g_muldiv
    core_muldiv #(.FastMul(FastMul)) u_muldiv (
      .clk_i, .rst_ni, .start_i(e_valid_q && (x_mul || x_div) && !e_trap_pre && !take_irq),
      .kill_i(1'b0), .fn_i(e_instr_q[14:12]), .a_i(rs1_val), .b_i(rs2_val),
      .done_o(md_done), .result_o(md_result)
    );
  end else begin : g_no_muldiv       // the decoder never sets x_mul/x_div
    assign md_done   = 1'b1;
    assign md_result = 32'd0;
  end

  // Memory access
  logic [31:0] mem_vaddr, lsu_wdata, amo_result;
  logic [3:0]  lsu_be;
  logic        lsu_misaligned, sc_ok;
  logic        e_mem;                // instruction accesses memory (load/store/AMO/LR/SC)
  logic        md_req, md_ready, md_fault;
  logic [31:0] md_paddr;
  logic [4:0]  md_cause;
  assign e_mem     = x_load || x_store || x_amo;
  assign mem_vaddr = alu_sum;                 // rs1 + imm (0 for AMO/LR/SC)
  // The two low bits of rs1 + imm from the operands' own (a two-bit add): byte lanes,
  // misalignment and a jalr target's bit 1 do not wait for the 32-bit adder (timing).
  logic [1:0] e_sum_lo;
  assign e_sum_lo = rs1_val[1:0] + x_imm[1:0];

  // CSR unit signals
  logic [31:0] csr_rdata, trap_vector, xepc;
  logic        csr_illegal, sys_illegal, irq_take, wfi_wake;
  logic [4:0]  irq_cause;
  logic [1:0]  priv;

  // Exceptions known before the memory access, in priority order (priv spec table 3.7)
  logic [4:0]  e_cause_pre;
  logic [31:0] e_tval_pre;
  logic        e_illegal;
  assign e_illegal = x_illegal || (x_csr && csr_illegal) || sys_illegal;

  // A taken transfer to an address with bit 1 set traps on the transfer (IALIGN = 32). jal
  // and branch targets come from a register (e_br_target_q), jalr's from the adder's low
  // bits; a conditional branch with such a target spends a second EX cycle (br_mis_wait) and
  // decides from its registered outcome (br_take_q), so that the branch comparison never
  // feeds the trap logic (timing; such branches only occur in tests).
  logic target_mis, br_mis, br_take_q;
  assign br_mis     = x_branch && e_br_target_q[1];
  assign target_mis = (x_jal && e_br_target_q[1]) || (x_jalr && e_sum_lo[1]) ||
                      (br_mis && e_busy_q && br_take_q);
  always_ff @(posedge clk_i) br_take_q <= br_take;

  logic e_trap_pre_raw;
  always_comb begin
    e_trap_pre_raw = 1'b1; e_cause_pre = 5'd0; e_tval_pre = 32'd0;
    if (e_fault_q)                 begin e_cause_pre = e_cause_q; e_tval_pre = e_pc_q; end
    else if (e_illegal)            begin e_cause_pre = 5'(`CAUSE_ILLEGAL_INSN); e_tval_pre = e_instr_q; end
    else if (x_ecall)              begin e_cause_pre = 5'(`CAUSE_USER_ECALL) + {3'd0, priv}; end
    else if (x_ebreak)             begin e_cause_pre = 5'(`CAUSE_BREAKPOINT); e_tval_pre = e_pc_q; end
    else if (target_mis)           begin e_cause_pre = 5'(`CAUSE_MISALIGNED_FETCH); e_tval_pre = e_target; end
    else if (e_mem && lsu_misaligned) begin
      e_cause_pre = (x_load || x_lr) ? 5'(`CAUSE_MISALIGNED_LOAD) : 5'(`CAUSE_MISALIGNED_STORE);
      e_tval_pre  = mem_vaddr;
    end
    else e_trap_pre_raw = 1'b0;
  end
  // A memory access traps in its first cycle or never on these causes; with MemAddrReg, from
  // its second cycle on (e_agen_q) the flag is known to be 0, which keeps the address adder
  // out of the paths of the translation cycle (without it, e_agen_q is 0).
  assign e_trap_pre = e_trap_pre_raw && !e_agen_q;

  assign take_irq = e_valid_q && irq_take && !e_busy_q;

  // The interrupt lines as seen when the decision above was made (the instruction's first EX
  // cycle), reported on the retire port so that a reference model can decide the same way.
  logic [31:0] mip_lines;
  assign mip_lines = (32'(irq_m_ext_i) << `IRQ_M_EXT) | (32'(irq_m_timer_i) << `IRQ_M_TIMER) |
                     (32'(irq_m_soft_i) << `IRQ_M_SOFT);
  assign e_mip = e_busy_q ? e_mip_q : mip_lines;
  always_ff @(posedge clk_i) e_mip_q <= e_mip;

  if (MemAddrReg != 0) begin : g_addr_reg
    // Memory accesses take two EX cycles at least. The first computes the address (rs1 +
    // imm), takes the exceptions above and interrupts, and registers the address in e_va_q.
    // From the second on, the translation step is asked with the registered address
    // (e_agen_q), so that neither the forwarding muxes nor the adder is in the paths
    // through the TLB and PMP to the bus.
    logic [31:0] e_va_q;
    assign md_req = e_valid_q && e_agen_q;
    assign e_va   = e_va_q;
    always_ff @(posedge clk_i) begin
      if (!rst_ni)                                     e_agen_q <= 1'b0;
      else if (e_fire || !e_valid_q)                   e_agen_q <= 1'b0;
      else if (e_mem && !e_trap_pre && !take_irq)      e_agen_q <= 1'b1;
      if (!e_agen_q) e_va_q <= mem_vaddr;
    end
  end else begin : g_addr_comb
    // The translation step is asked, with the computed address, as soon as the instruction
    // is known to access memory (operands are held while EX stalls, so the address is too).
    assign md_req   = e_valid_q && e_mem && !e_trap_pre && !take_irq;
    assign e_va     = mem_vaddr;
    assign e_agen_q = 1'b0;
  end

  // Walker bus port and MMU events
  logic        ptw_req, ptw_we;
  logic [31:0] ptw_addr, ptw_wdata;
  logic        ev_itlb_miss, ev_dtlb_miss, ev_walk, ev_walk_cycle;
  logic [31:0] satp;
  logic [1:0]  mpp;
  logic        mprv, sum, mxr, adue;
  logic [127:0] pmpcfg;
  logic [511:0] pmpaddr;
  logic        sfence_commit;

  core_mmu #(
    .RamBytes(RamBytes), .PmpEntries(PmpEntries),
    .ItlbEntries(ItlbEntries), .DtlbEntries(DtlbEntries)
  ) u_mmu (
    .clk_i, .rst_ni,
    .priv_i(priv), .satp_i(satp), .mprv_i(mprv), .mpp_i(mpp), .sum_i(sum), .mxr_i(mxr),
    .adue_i(adue), .pmpcfg_i(pmpcfg), .pmpaddr_i(pmpaddr),
    // The fetch stage asks for a translation every cycle (it asks the bus whenever one is
    // ready, ibus_req_o): an instruction walk starts only with an empty pipeline, so when its
    // fault arrives ID takes the faulting fetch at once; and no stall logic reaches the walker.
    .i_req_i(1'b1), .i_vaddr_i(f_pc_q), .i_walk_ok_i(!d_valid_q && !e_valid_q),
    .i_ready_o(mi_ready), .i_paddr_o(mi_paddr), .i_fault_o(mi_fault), .i_cause_o(mi_cause),
    .d_req_i(md_req), .d_vaddr_i(e_va), .d_store_i(x_store || (x_amo && !x_lr)),
    .d_atomic_i(x_amo),
    .d_ready_o(md_ready), .d_paddr_o(md_paddr), .d_fault_o(md_fault), .d_cause_o(md_cause),
    .sfence_i(sfence_commit), .sfence_va_i(e_rs1 != 5'd0), .sfence_asid_i(e_rs2 != 5'd0),
    .sfence_vaddr_i(rs1_val[31:12]), .sfence_asid_val_i(rs2_val[8:0]),
    .ptw_req_o(ptw_req), .ptw_we_o(ptw_we), .ptw_addr_o(ptw_addr), .ptw_wdata_o(ptw_wdata),
    .ptw_gnt_i(dbus_gnt_i), .ptw_rdata_i(dbus_rdata_i),
    .ev_itlb_miss_o(ev_itlb_miss), .ev_dtlb_miss_o(ev_dtlb_miss), .ev_walk_o(ev_walk),
    .ev_walk_cycle_o(ev_walk_cycle)
  );
  assign sfence_commit = e_retire && x_sfence;

  logic e_mem_fault;
  assign e_mem_fault = md_req && md_ready && md_fault;

  core_lsu u_lsu (
    .clk_i, .rst_ni,
    .addr_lo_i(e_sum_lo), .size_i(x_mem_size), .wdata_i(rs2_val),
    .misaligned_o(lsu_misaligned), .be_o(lsu_be), .wdata_o(lsu_wdata),
    .amo_fn_i(x_amo_fn), .amo_old_i(e_amo_old_q), .amo_result_o(amo_result),
    .resv_addr_i(md_paddr[31:2]),
    .lr_commit_i(e_fire && !e_trap && x_lr), .sc_commit_i(e_fire && !e_trap && x_sc),
    .resv_clear_i(e_fire && (e_trap || x_mret || x_sret)), .sc_ok_o(sc_ok),
    .m_addr_lo_i(m_addr_lo_q), .m_size_i(m_size_q), .m_unsigned_i(m_unsigned_q),
    .m_rdata_i(dbus_rdata_i), .m_load_o(m_load_data)
  );

  // dbus requests by instruction kind (AMO: read, capture, write)
  logic amo_rmw;                     // AMO other than LR/SC
  assign amo_rmw = x_amo && !x_lr && !x_sc;
  logic mem_go;                      // translation succeeded: the access may use the bus
  assign mem_go = md_req && md_ready && !md_fault;

  // The walker owns the data bus while it runs (the EX access is then waiting for it). The
  // grant is withheld for the whole walk (walker not idle, a register decode) rather than only in
  // the cycles it requests: an EX access can only be ready during a walk when the walker
  // holds a fault, and then it does not need the bus; this keeps the walker's combinational
  // request (from the PTE read data) out of the EX completion and fetch enables (timing).
  logic ex_gnt;
  assign ex_gnt = dbus_gnt_i && !ev_walk_cycle;          // walker not idle
  // Address, lanes and write data are chosen without the translation's verdict (only the
  // request and write enable wait for it): no path from the TLB/PMP check into the memory's
  // data inputs (timing).
  assign dbus_addr_o  = ptw_req ? ptw_addr : md_paddr;
  assign dbus_be_o    = ptw_req ? 4'b1111 : lsu_be;
  assign dbus_wdata_o = ptw_req ? ptw_wdata :
                        (amo_rmw && e_amo_phase_q == 2'd2) ? amo_result : lsu_wdata;  // AMO write
  always_comb begin
    dbus_req_o   = 1'b0;
    dbus_we_o    = 1'b0;
    if (ptw_req) begin
      dbus_req_o   = 1'b1;
      dbus_we_o    = ptw_we;
    end else if (mem_go) begin
      if (x_load || x_lr)            dbus_req_o = 1'b1;
      else if (x_store)              begin dbus_req_o = 1'b1; dbus_we_o = 1'b1; end
      else if (x_sc)                 begin dbus_req_o = sc_ok; dbus_we_o = 1'b1; end
      else if (e_amo_phase_q == 2'd0) dbus_req_o = 1'b1;                       // AMO read
      else if (e_amo_phase_q == 2'd2) begin dbus_req_o = 1'b1; dbus_we_o = 1'b1; end  // AMO write
    end
  end

  // The data bus may be used in this cycle: the walker is not idle, or EX holds a memory
  // access in the cycle(s) where it may request (with MemAddrReg from its second cycle).
  // Decided from registers only, so that a one-port memory's fetch grant does not wait for
  // the translation's verdict (timing); a cycle claimed but not used (a TLB miss, a fault, a
  // failed SC, an AMO's capture cycle) only delays a fetch.
  assign dbus_claim_o = ev_walk_cycle || (e_valid_q && e_mem && (MemAddrReg == 0 || e_agen_q));

  // Does the instruction finish in EX this cycle?
  logic e_mem_done;
  logic [4:0]  e_cause;
  logic [31:0] e_tval;
  always_comb begin
    if (!md_ready)          e_mem_done = 1'b0;
    else if (md_fault)      e_mem_done = 1'b1;
    else if (x_sc)          e_mem_done = !sc_ok || ex_gnt;
    else if (amo_rmw)       e_mem_done = (e_amo_phase_q == 2'd2) && ex_gnt;
    else                    e_mem_done = ex_gnt;
  end

  assign e_trap  = take_irq || e_trap_pre || e_mem_fault;
  assign e_cause = take_irq ? irq_cause : (e_trap_pre ? e_cause_pre : md_cause);
  assign e_tval  = take_irq ? 32'd0 : (e_trap_pre ? e_tval_pre : e_va);

  always_comb begin
    if (!e_valid_q)                   e_fire = 1'b0;
    else if (take_irq || e_trap_pre)  e_fire = 1'b1;
    else if (e_mem)                   e_fire = md_req && e_mem_done;  // md_req 0: address cycle
    else if (x_mul || x_div)          e_fire = md_done;
    else if (br_mis)                  e_fire = e_busy_q;            // second cycle (above)
    else if (x_wfi)                   e_fire = wfi_wake;
    else                              e_fire = 1'b1;
  end
  assign e_accept = !e_valid_q || e_fire;

  always_ff @(posedge clk_i) begin
    if (!rst_ni)                       e_amo_phase_q <= 2'd0;
    else if (e_fire)                   e_amo_phase_q <= 2'd0;
    else if (mem_go && amo_rmw) begin
      if (e_amo_phase_q == 2'd0 && ex_gnt)     e_amo_phase_q <= 2'd1;
      else if (e_amo_phase_q == 2'd1)          e_amo_phase_q <= 2'd2;
    end
  end
  always_ff @(posedge clk_i) begin
    if (e_amo_phase_q == 2'd1) e_amo_old_q <= dbus_rdata_i;
  end

  // Result of the instruction as known at the end of EX
  logic [31:0] e_result;
  always_comb begin
    case (x_res_sel)
      `RES_PC4: e_result = e_pc4;
      `RES_CSR: e_result = csr_rdata;
      `RES_MD:  e_result = md_result;
      `RES_AMO: e_result = x_sc ? {31'd0, !sc_ok} : e_amo_old_q;
      default:  e_result = alu_result;
    endcase
  end

  // Redirects: trap, xRET, serialising instructions, misprediction.
  logic e_retire, e_serialize, e_mispredict;
  assign e_retire     = e_fire && !e_trap;
  assign e_serialize  = x_fence_i || x_sfence || (x_csr && x_csr_write);
  // Without a BTB every fetch was predicted pc + 4: a taken transfer always redirects (also
  // one to pc + 4, which costs the redirect but no comparator on the target path).
  if (BtbEntries == 0) begin : g_mispredict_taken
    assign e_mispredict = e_taken;
  end else begin : g_mispredict_cmp
    assign e_mispredict = e_next != e_pred_next;
  end
  assign redirect     = e_fire && (e_trap || x_mret || x_sret || e_serialize || e_mispredict);
  always_comb begin
    if (e_trap)        redirect_pc = trap_vector;
    else if (x_mret || x_sret) redirect_pc = xepc;     // mepc or sepc (core_csr)
    else               redirect_pc = e_next;
  end

  // Branch predictor training: every control transfer, and any instruction that hit.
  assign bp_upd        = e_retire && (x_branch || x_jal || x_jalr || e_bp_hit_q);
  assign bp_upd_taken  = e_taken;
  assign bp_upd_uncond = x_jal || x_jalr;
  assign bp_upd_target = e_target;

  // EX pipeline registers
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      e_valid_q <= 1'b0;
      e_busy_q  <= 1'b0;
    end else begin
      if (e_accept) begin
        e_valid_q     <= d_advance;
        e_busy_q      <= 1'b0;
        e_instr_q     <= d_instr;
        e_pc_q        <= d_pc_q;
        e_pred_next_q <= d_pred_next_q;
        e_fault_q     <= d_fault_q;
        e_cause_q     <= d_cause_q;
        e_bp_hit_q    <= d_bp_hit_q;
        e_bp_ctr_q    <= d_bp_ctr_q;
      end else begin
        e_busy_q  <= 1'b1;
      end
    end
  end

  // ==================================================================== CSR unit
  core_csr #(.PmpEntries(PmpEntries), .HpmCounters(HpmCounters),
             .Misa(MulDiv != 0 ? `MISA_VALUE : `MISA_VALUE & ~`MISA_M)) u_csr (
    .clk_i, .rst_ni,
    .csr_en_i(e_valid_q && x_csr),
    .csr_addr_i(e_instr_q[31:20]), .csr_op_i(x_csr_op), .csr_write_i(x_csr_write),
    .csr_operand_i(e_instr_q[14] ? x_imm : rs1_val),
    .csr_commit_i(e_retire && x_csr), .csr_rdata_o(csr_rdata), .csr_illegal_o(csr_illegal),
    .mret_i(x_mret), .sret_i(x_sret), .wfi_i(x_wfi), .sfence_vma_i(x_sfence),
    .sys_illegal_o(sys_illegal),
    .trap_i(e_fire && e_trap), .trap_intr_i(take_irq), .trap_cause_i(e_cause),
    .trap_tval_i(e_tval), .trap_pc_i(e_pc_q), .trap_vector_o(trap_vector),
    .mret_commit_i(e_retire && x_mret), .sret_commit_i(e_retire && x_sret),
    .xepc_o(xepc), .id_csr_sel_i({d_instr[29], d_instr[20]}), .id_xret_i(dd_mret || dd_sret),
    .irq_m_soft_i, .irq_m_timer_i, .irq_m_ext_i,
    .irq_take_o(irq_take), .irq_cause_o(irq_cause), .wfi_wake_o(wfi_wake),
    .instret_i(e_retire), .mtime_i, .hpm_event_i(hpm_event),
    .priv_o(priv), .satp_o(satp), .mstatus_mprv_o(mprv), .mstatus_mpp_o(mpp),
    .mstatus_sum_o(sum), .mstatus_mxr_o(mxr), .menvcfg_adue_o(adue),
    .pmpcfg_o(pmpcfg), .pmpaddr_o(pmpaddr)
  );

  // Performance events (HPM_EVENT_* numbers of arch.tbl)
  logic [15:0] hpm_event;
  logic        trap_exc;
  assign trap_exc = e_fire && e_trap && !take_irq;
  always_comb begin
    hpm_event = 16'd0;
    hpm_event[`HPM_EVENT_ITLB_MISS]  = ev_itlb_miss;
    hpm_event[`HPM_EVENT_DTLB_MISS]  = ev_dtlb_miss;
    hpm_event[`HPM_EVENT_PAGE_WALK]  = ev_walk;
    hpm_event[`HPM_EVENT_WALK_CYCLE] = ev_walk_cycle;
    hpm_event[`HPM_EVENT_FETCH_PF]   = trap_exc && e_cause == 5'(`CAUSE_FETCH_PAGE_FAULT);
    hpm_event[`HPM_EVENT_LOAD_PF]    = trap_exc && e_cause == 5'(`CAUSE_LOAD_PAGE_FAULT);
    hpm_event[`HPM_EVENT_STORE_PF]   = trap_exc && e_cause == 5'(`CAUSE_STORE_PAGE_FAULT);
    hpm_event[`HPM_EVENT_SFENCE_VMA] = sfence_commit;
  end

  // ==================================================================== MEM
  logic [31:0] m_pc_q, m_instr_q, m_next_pc_q, m_cause_q, m_tval_q;
  logic [31:0] m_mem_addr_q, m_mem_paddr_q, m_mem_rdata_q, m_mem_wdata_q, m_mip_q;
  logic [3:0]  m_rmask_q, m_wmask_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      m_valid_q <= 1'b0;
      m_rd_we_q <= 1'b0;
      m_load_q  <= 1'b0;
    end else begin
      m_valid_q <= e_fire;
      m_rd_we_q <= e_fire && !e_trap && x_rd_we;
      m_load_q  <= e_fire && !e_trap && (x_load || x_lr);
    end
    m_rd_q        <= e_rd;
    m_result_q    <= e_result;
    m_addr_lo_q   <= e_va[1:0];
    m_size_q      <= x_mem_size;
    m_unsigned_q  <= x_mem_unsigned;
    m_trap_q      <= e_trap;
    m_intr_q      <= take_irq;
    m_cause_q     <= {take_irq, 26'd0, e_cause};
    m_tval_q      <= e_tval;
    m_pc_q        <= e_pc_q;
    m_instr_q     <= e_instr_q;
    m_priv_q      <= priv;
    m_next_pc_q   <= redirect_pc;
    m_mem_addr_q  <= (e_mem && !e_trap) ? e_va : 32'd0;
    m_mem_paddr_q <= (e_mem && !e_trap) ? md_paddr : 32'd0;
    m_rmask_q     <= (!e_trap && (x_load || x_lr || amo_rmw)) ? lsu_be : 4'd0;
    m_wmask_q     <= (!e_trap && (x_store || amo_rmw || (x_sc && sc_ok))) ? lsu_be : 4'd0;
    m_mem_rdata_q <= e_amo_old_q;
    m_mem_wdata_q <= amo_rmw ? amo_result : lsu_wdata;
    m_mip_q       <= e_mip;
  end

  assign wb_we   = m_valid_q && m_rd_we_q;
  assign wb_rd   = m_rd_q;
  assign wb_data = m_load_q ? m_load_data : m_result_q;

  always_ff @(posedge clk_i) last_data_q <= wb_data;     // the "last write" bypass (fwd*_l_q)

  // ==================================================================== retire port
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rvfi_valid_o <= 1'b0;
      rvfi_order_o <= 64'd0;
    end else begin
      rvfi_valid_o <= m_valid_q;
      if (rvfi_valid_o) rvfi_order_o <= rvfi_order_o + 64'd1;
    end
    rvfi_insn_o      <= m_instr_q;
    rvfi_pc_o        <= m_pc_q;
    rvfi_next_pc_o   <= m_next_pc_q;
    rvfi_priv_o      <= m_priv_q;
    rvfi_rd_addr_o   <= wb_we ? wb_rd : 5'd0;
    rvfi_rd_wdata_o  <= wb_we ? wb_data : 32'd0;
    rvfi_mem_addr_o  <= m_mem_addr_q;
    rvfi_mem_paddr_o <= m_mem_paddr_q;
    rvfi_mem_rmask_o <= m_rmask_q;
    rvfi_mem_wmask_o <= m_wmask_q;
    rvfi_mem_rdata_o <= m_load_q ? dbus_rdata_i : m_mem_rdata_q;
    rvfi_mem_wdata_o <= m_mem_wdata_q;
    rvfi_trap_o      <= m_trap_q && !m_intr_q;
    rvfi_intr_o      <= m_intr_q;
    rvfi_cause_o     <= m_trap_q ? m_cause_q : 32'd0;
    rvfi_tval_o      <= m_trap_q ? m_tval_q : 32'd0;
    rvfi_mip_o       <= m_mip_q;
  end
endmodule
