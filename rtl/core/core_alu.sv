// core_alu.sv : integer ALU and branch comparator (combinational).
//
// result_o implements the ALU_* operations of core_defs.vh. take_o evaluates a conditional
// branch with the funct3 encoding of the unprivileged spec (beq bne blt bge bltu bgeu).
`include "core_defs.vh"

module core_alu (
  input  logic [3:0]  op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,
  // Branch comparison on the two register operands
  input  logic [2:0]  br_fn_i,
  input  logic [31:0] rs1_i,
  input  logic [31:0] rs2_i,
  output logic        take_o
);
  logic [4:0] shamt;
  assign shamt = b_i[4:0];

  always_comb begin
    case (op_i)
      `ALU_SUB:   result_o = a_i - b_i;
      `ALU_SLL:   result_o = a_i << shamt;
      `ALU_SLT:   result_o = {31'd0, $signed(a_i) < $signed(b_i)};
      `ALU_SLTU:  result_o = {31'd0, a_i < b_i};
      `ALU_XOR:   result_o = a_i ^ b_i;
      `ALU_SRL:   result_o = a_i >> shamt;
      `ALU_SRA:   result_o = $unsigned($signed(a_i) >>> shamt);
      `ALU_OR:    result_o = a_i | b_i;
      `ALU_AND:   result_o = a_i & b_i;
      `ALU_PASSB: result_o = b_i;
      default:    result_o = a_i + b_i;
    endcase
  end

  logic eq, lt, ltu;
  assign eq  = (rs1_i == rs2_i);
  assign lt  = $signed(rs1_i) < $signed(rs2_i);
  assign ltu = rs1_i < rs2_i;

  always_comb begin
    case (br_fn_i)
      3'b000:  take_o = eq;      // beq
      3'b001:  take_o = !eq;     // bne
      3'b100:  take_o = lt;      // blt
      3'b101:  take_o = !lt;     // bge
      3'b110:  take_o = ltu;     // bltu
      3'b111:  take_o = !ltu;    // bgeu
      default: take_o = 1'b0;    // 010/011 are illegal (decoder)
    endcase
  end
endmodule
