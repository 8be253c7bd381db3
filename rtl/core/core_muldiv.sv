// core_muldiv.sv : M-extension unit. Multiply in one cycle, divide iteratively.
//
// Interface: start_i is held high while the EX stage holds a mul/div instruction (funct3 in
// fn_i). Multiplies complete combinationally (done_o = 1 at once). Divides take 33 cycles from
// the first start cycle: one radix-2 restoring step per cycle on magnitudes, then the sign
// fix-up; done_o rises in the last cycle, with result_o valid in that cycle. Division by zero
// and the signed overflow case follow the unprivileged spec, table 7.1. kill_i aborts.
module core_muldiv (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_i,
  input  logic        kill_i,
  input  logic [2:0]  fn_i,       // mul mulh mulhsu mulhu div divu rem remu
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic        done_o,
  output logic [31:0] result_o
);
  // ---- multiply: the 64-bit product of the sign- or zero-extended operands covers all four
  // variants (mul, mulh, mulhsu, mulhu): two's complement products are exact modulo 2^64.
  logic        a_sgn, b_sgn;
  logic [63:0] prod;
  assign a_sgn = (fn_i == 3'b001 || fn_i == 3'b010) && a_i[31];   // mulh, mulhsu
  assign b_sgn = (fn_i == 3'b001) && b_i[31];                     // mulh
  assign prod  = {{32{a_sgn}}, a_i} * {{32{b_sgn}}, b_i};

  // ---- divide ----
  logic        is_signed_div;
  logic        neg_a, neg_b;
  logic [31:0] abs_a, abs_b;
  assign is_signed_div = !fn_i[0];                                // div, rem
  assign neg_a = is_signed_div && a_i[31];
  assign neg_b = is_signed_div && b_i[31];
  assign abs_a = neg_a ? -a_i : a_i;
  assign abs_b = neg_b ? -b_i : b_i;

  logic        busy_q;
  logic [5:0]  count_q;
  logic [31:0] quot_q;      // shifts in quotient bits; starts as the dividend
  logic [31:0] rem_q;
  logic [32:0] rem_shift;
  logic [32:0] rem_sub;
  assign rem_shift = {rem_q[31:0], quot_q[31]};
  assign rem_sub   = rem_shift - {1'b0, abs_b};

  always_ff @(posedge clk_i) begin
    if (!rst_ni || kill_i) begin
      busy_q <= 1'b0;
      count_q <= 6'd0;
      quot_q <= 32'd0;
      rem_q <= 32'd0;
    end else if (start_i && fn_i[2] && !busy_q) begin
      busy_q  <= 1'b1;
      count_q <= 6'd0;
      quot_q  <= abs_a;
      rem_q   <= 32'd0;
    end else if (busy_q) begin
      if (count_q == 6'd32) begin
        busy_q <= 1'b0;
      end else begin
        count_q <= count_q + 6'd1;
        if (!rem_sub[32]) begin
          rem_q  <= rem_sub[31:0];
          quot_q <= {quot_q[30:0], 1'b1};
        end else begin
          rem_q  <= rem_shift[31:0];
          quot_q <= {quot_q[30:0], 1'b0};
        end
      end
    end
  end

  logic [31:0] div_q, div_r;
  always_comb begin
    if (b_i == 32'd0) begin
      div_q = 32'hFFFF_FFFF;
      div_r = a_i;
    end else begin
      div_q = (neg_a ^ neg_b) ? -quot_q : quot_q;
      div_r = neg_a ? -rem_q : rem_q;
    end
  end

  always_comb begin
    case (fn_i)
      3'b000:  result_o = prod[31:0];
      3'b001,
      3'b010,
      3'b011:  result_o = prod[63:32];
      3'b100,
      3'b101:  result_o = div_q;
      default: result_o = div_r;
    endcase
  end

  assign done_o = !fn_i[2] || (busy_q && count_q == 6'd32);
endmodule
