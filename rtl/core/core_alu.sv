// core_alu.sv : integer ALU and branch comparator (combinational).
//
// result_o implements the ALU_* operations of core_defs.vh. take_o evaluates a conditional
// branch with the funct3 encoding of the unprivileged spec (beq bne blt bge bltu bgeu).
// Area: add, sub, slt and sltu share one 33-bit adder (slt/sltu read its sign bit); the
// three shifts share one right shifter (sll shifts the bit-reversed operand); the branch
// comparison uses the same adder: the decoder gives a branch the operands rs1 and rs2 and the
// operation ALU_SLT (blt, bge) or ALU_SLTU (bltu, bgeu), so less-than is the adder's sign bit
// and no second subtractor is needed. rs1_i/rs2_i (the same values) are not used.
// sum_o is the adder's output for the core's other users: loads, stores, AMOs and jalr get
// operands rs1 and imm with ALU_ADD (their ALU result is not used otherwise), so the
// memory address and the jalr target need no adders of their own.
`include "core_defs.vh"

module core_alu (
  input  logic [3:0]  op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,
  output logic [31:0] sum_o,         // a_i + b_i when op_i is ALU_ADD (address adder of the core)
  // Branch comparison on the two register operands
  input  logic [2:0]  br_fn_i,
  input  logic [31:0] rs1_i,
  input  logic [31:0] rs2_i,
  output logic        take_o
);
  function automatic logic [31:0] reverse(input logic [31:0] v);
    for (int i = 0; i < 32; i++) reverse[i] = v[31 - i];
  endfunction

  // ---- add / sub / slt / sltu: {a} + ~{b} + 1 on 33 bits (sign- or zero-extended) ----
  logic        sub, sgn;
  logic [32:0] sum;
  assign sub = (op_i == `ALU_SUB) || (op_i == `ALU_SLT) || (op_i == `ALU_SLTU);
  assign sgn = (op_i == `ALU_SLT);
  assign sum = {sgn && a_i[31], a_i} + ({sgn && b_i[31], b_i} ^ {33{sub}}) + {32'd0, sub};
  assign sum_o = sum[31:0];

  // ---- shifts: one right shifter; sll reverses its operand and its result ----
  logic [4:0]  shamt;
  logic        left;
  logic [31:0] sh_in, sh_out;
  logic [32:0] sh_wide;
  assign shamt   = b_i[4:0];
  assign left    = (op_i == `ALU_SLL);
  assign sh_in   = left ? reverse(a_i) : a_i;
  assign sh_wide = $unsigned($signed({op_i == `ALU_SRA && a_i[31], sh_in}) >>> shamt);
  assign sh_out  = sh_wide[31:0];

  always_comb begin
    case (op_i)
      `ALU_SLL:   result_o = reverse(sh_out);
      `ALU_SLT,
      `ALU_SLTU:  result_o = {31'd0, sum[32]};
      `ALU_XOR:   result_o = a_i ^ b_i;
      `ALU_SRL,
      `ALU_SRA:   result_o = sh_out;
      `ALU_OR:    result_o = a_i | b_i;
      `ALU_AND:   result_o = a_i & b_i;
      default:    result_o = sum[31:0];                           // add, sub
    endcase
  end

  // ---- branch comparison: a_i = rs1, b_i = rs2, op_i = ALU_SLT or ALU_SLTU (decoder) ----
  logic        eq, lt;
  assign eq = (a_i == b_i);
  assign lt = sum[32];

  logic unused_bits;
  assign unused_bits = ^{sh_wide[32], rs1_i, rs2_i};

  always_comb begin
    case (br_fn_i)
      3'b000:  take_o = eq;      // beq
      3'b001:  take_o = !eq;     // bne
      3'b100,
      3'b110:  take_o = lt;      // blt, bltu
      3'b101,
      3'b111:  take_o = !lt;     // bge, bgeu
      default: take_o = 1'b0;    // 010/011 are illegal (decoder)
    endcase
  end
endmodule
