// core_decode.sv : RV32IMA_Zicsr_Zifencei instruction decoder (purely combinational).
//
// Turns the 32-bit instruction word into control signals for the EX stage and flags every
// encoding the unprivileged spec (20191213) and priv spec 1.12 do not define as illegal.
// Privilege-dependent legality (CSR access rights, mret/sret/wfi/sfence.vma in the wrong mode,
// TVM/TW/TSR) is decided later, in EX, by core_csr.
`include "core_defs.vh"

module core_decode #(
  parameter int MulDiv = 1            // 0: no M extension (its instructions are illegal)
) (
  input  logic [31:0] instr_i,
  // Operands
  output logic        rd_we_o,       // rd is written (rd != x0)
  output logic [31:0] imm_o,
  output logic [31:0] imm_bj_o,      // the J-type immediate if instr[3] (jal), else the B-type:
                                     // the branch/jal target's, straight from the
                                     // instruction bits (no opcode decode in front; timing)
  output logic        opa_pc_o,      // ALU operand A is pc (auipc, jal) instead of rs1
  output logic        opa_zero_o,    // ALU operand A is 0 (lui: 0 + imm on the adder)
  output logic        opb_imm_o,     // ALU operand B is imm instead of rs2
  output logic [3:0]  alu_op_o,
  output logic [2:0]  res_sel_o,
  // Control flow
  output logic        branch_o,      // conditional branch, condition funct3
  output logic        jal_o,
  output logic        jalr_o,
  // Memory
  output logic        load_o,
  output logic        store_o,
  output logic        amo_o,         // AMO*, LR or SC
  output logic        lr_o,
  output logic        sc_o,
  output logic [4:0]  amo_fn_o,      // funct5 of an AMO
  output logic [1:0]  mem_size_o,    // 0 byte, 1 half, 2 word
  output logic        mem_unsigned_o,
  // M extension
  output logic        mul_o,
  output logic        div_o,
  // System
  output logic        csr_o,
  output logic [1:0]  csr_op_o,      // CSROP_*
  output logic        csr_write_o,   // the CSR instruction writes (see docs/csr.md)
  output logic        ecall_o,
  output logic        ebreak_o,
  output logic        mret_o,
  output logic        sret_o,
  output logic        wfi_o,
  output logic        sfence_vma_o,
  output logic        fence_i_o,
  output logic        illegal_o
);
  logic [6:0] opcode;
  logic [2:0] funct3;
  logic [6:0] funct7;
  logic [4:0] rd, rs1, rs2;
  assign opcode = instr_i[6:0];
  assign funct3 = instr_i[14:12];
  assign funct7 = instr_i[31:25];
  assign rd     = instr_i[11:7];
  assign rs1    = instr_i[19:15];
  assign rs2    = instr_i[24:20];

  // Immediates (unprivileged spec 2.3, figure 2.4)
  logic [31:0] imm_i, imm_s, imm_b, imm_u, imm_j;
  assign imm_i = {{21{instr_i[31]}}, instr_i[30:20]};
  assign imm_s = {{21{instr_i[31]}}, instr_i[30:25], instr_i[11:7]};
  assign imm_b = {{20{instr_i[31]}}, instr_i[7], instr_i[30:25], instr_i[11:8], 1'b0};
  assign imm_u = {instr_i[31:12], 12'b0};
  assign imm_j = {{12{instr_i[31]}}, instr_i[19:12], instr_i[20], instr_i[30:21], 1'b0};
  assign imm_bj_o = instr_i[3] ? imm_j : imm_b;

  logic writes_rd;

  always_comb begin
    writes_rd = 1'b0;
    imm_o = imm_i; opa_pc_o = 1'b0; opa_zero_o = 1'b0; opb_imm_o = 1'b0;
    alu_op_o = `ALU_ADD; res_sel_o = `RES_ALU;
    branch_o = 1'b0; jal_o = 1'b0; jalr_o = 1'b0;
    load_o = 1'b0; store_o = 1'b0; amo_o = 1'b0; lr_o = 1'b0; sc_o = 1'b0;
    amo_fn_o = instr_i[31:27]; mem_size_o = funct3[1:0]; mem_unsigned_o = funct3[2];
    mul_o = 1'b0; div_o = 1'b0;
    csr_o = 1'b0; csr_op_o = funct3[1:0]; csr_write_o = 1'b0;
    ecall_o = 1'b0; ebreak_o = 1'b0; mret_o = 1'b0; sret_o = 1'b0; wfi_o = 1'b0;
    sfence_vma_o = 1'b0; fence_i_o = 1'b0;
    illegal_o = 1'b0;

    case (opcode)
      7'b0110111: begin // LUI
        writes_rd = 1'b1; imm_o = imm_u; opa_zero_o = 1'b1; opb_imm_o = 1'b1;
      end
      7'b0010111: begin // AUIPC
        writes_rd = 1'b1; imm_o = imm_u; opa_pc_o = 1'b1; opb_imm_o = 1'b1;
      end
      7'b1101111: begin // JAL
        writes_rd = 1'b1; imm_o = imm_j; jal_o = 1'b1; res_sel_o = `RES_PC4;
      end
      7'b1100111: begin // JALR
        writes_rd = 1'b1; jalr_o = 1'b1; res_sel_o = `RES_PC4;
        illegal_o = (funct3 != 3'b000);
      end
      7'b1100011: begin // BRANCH
        imm_o = imm_b; branch_o = 1'b1;
        // the ALU compares rs1 with rs2 (core_alu: less-than from its adder)
        alu_op_o = funct3[1] ? `ALU_SLTU : `ALU_SLT;
        illegal_o = (funct3 == 3'b010) || (funct3 == 3'b011);
      end
      7'b0000011: begin // LOAD: lb lh lw lbu lhu
        writes_rd = 1'b1; load_o = 1'b1; res_sel_o = `RES_LOAD;
        illegal_o = (funct3 == 3'b011) || (funct3 == 3'b110) || (funct3 == 3'b111);
      end
      7'b0100011: begin // STORE: sb sh sw
        imm_o = imm_s; store_o = 1'b1;
        illegal_o = (funct3[2] == 1'b1) || (funct3[1:0] == 2'b11);
      end
      7'b0010011: begin // OP-IMM
        writes_rd = 1'b1; opb_imm_o = 1'b1;
        case (funct3)
          3'b000: alu_op_o = `ALU_ADD;
          3'b010: alu_op_o = `ALU_SLT;
          3'b011: alu_op_o = `ALU_SLTU;
          3'b100: alu_op_o = `ALU_XOR;
          3'b110: alu_op_o = `ALU_OR;
          3'b111: alu_op_o = `ALU_AND;
          3'b001: begin alu_op_o = `ALU_SLL; illegal_o = (funct7 != 7'b0000000); end
          default: begin // 101: srli / srai (RV32: shamt[5] must be 0)
            alu_op_o = instr_i[30] ? `ALU_SRA : `ALU_SRL;
            illegal_o = (funct7 != 7'b0000000) && (funct7 != 7'b0100000);
          end
        endcase
      end
      7'b0110011: begin // OP and M extension
        writes_rd = 1'b1;
        if (funct7 == 7'b0000001) begin
          res_sel_o = `RES_MD;
          mul_o = !funct3[2] && MulDiv != 0;
          div_o = funct3[2] && MulDiv != 0;
          illegal_o = MulDiv == 0;
        end else if (funct7 == 7'b0000000) begin
          case (funct3)
            3'b000: alu_op_o = `ALU_ADD;
            3'b001: alu_op_o = `ALU_SLL;
            3'b010: alu_op_o = `ALU_SLT;
            3'b011: alu_op_o = `ALU_SLTU;
            3'b100: alu_op_o = `ALU_XOR;
            3'b101: alu_op_o = `ALU_SRL;
            3'b110: alu_op_o = `ALU_OR;
            default: alu_op_o = `ALU_AND;
          endcase
        end else if (funct7 == 7'b0100000 && funct3 == 3'b000) begin
          alu_op_o = `ALU_SUB;
        end else if (funct7 == 7'b0100000 && funct3 == 3'b101) begin
          alu_op_o = `ALU_SRA;
        end else begin
          illegal_o = 1'b1;
        end
      end
      7'b0001111: begin // MISC-MEM: fence (fields ignored as the spec asks), fence.i
        case (funct3)
          3'b000: ;                       // fence: memory is strongly ordered here
          3'b001: fence_i_o = 1'b1;
          default: illegal_o = 1'b1;
        endcase
      end
      7'b0101111: begin // AMO (A extension), word only
        writes_rd = 1'b1; amo_o = 1'b1;
        res_sel_o = `RES_AMO; imm_o = 32'd0; mem_size_o = 2'd2;
        case (instr_i[31:27])
          5'b00010: begin // LR.W: a load that sets the reservation
            lr_o = 1'b1; res_sel_o = `RES_LOAD;
            illegal_o = (rs2 != 5'd0);
          end
          5'b00011: sc_o = 1'b1;
          5'b00001, 5'b00000, 5'b00100, 5'b01100, 5'b01000,
          5'b10000, 5'b10100, 5'b11000, 5'b11100: ;
          default: illegal_o = 1'b1;
        endcase
        if (funct3 != 3'b010) illegal_o = 1'b1;
      end
      7'b1110011: begin // SYSTEM
        if (funct3 == 3'b000) begin
          if (instr_i == 32'h0000_0073)      ecall_o = 1'b1;
          else if (instr_i == 32'h0010_0073) ebreak_o = 1'b1;
          else if (instr_i == 32'h3020_0073) mret_o = 1'b1;
          else if (instr_i == 32'h1020_0073) sret_o = 1'b1;
          else if (instr_i == 32'h1050_0073) wfi_o = 1'b1;
          else if (funct7 == 7'b0001001 && rd == 5'd0) begin
            sfence_vma_o = 1'b1;
          end else illegal_o = 1'b1;
        end else if (funct3 == 3'b100) begin
          illegal_o = 1'b1;                // hypervisor load/store: not implemented
        end else begin
          csr_o = 1'b1; writes_rd = 1'b1; res_sel_o = `RES_CSR;
          imm_o = {27'd0, rs1};            // uimm
          csr_write_o = (funct3[1:0] == `CSROP_RW) || (rs1 != 5'd0);
        end
      end
      default: illegal_o = 1'b1;
    endcase

    // Only the 32-bit encoding space exists (no C extension)
    if (instr_i[1:0] != 2'b11) illegal_o = 1'b1;
    rd_we_o = writes_rd && (rd != 5'd0) && !illegal_o;
  end
endmodule
