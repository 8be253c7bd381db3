// core_muldiv.sv : M-extension unit. Multiply in one cycle (FastMul=1), two (FastMul=2) or
// iteratively (FastMul=0); divide iteratively.
//
// Interface: start_i is held high while the EX stage holds a mul/div instruction (funct3 in
// fn_i); fn_i, a_i and b_i stay stable until done_o. kill_i aborts.
// Timing:
//  * FastMul=1 (default): multiplies complete combinationally (done_o = 1 at once; the
//    64-bit product maps onto DSP blocks).
//  * FastMul=2: two cycles: the four 17x17 partial products (DSP blocks) are registered in
//    the first and added in the second, where done_o rises (timing: neither the DSP blocks
//    nor the adders are in a path with EX's operand forwarding; the ECP5 build).
//  * FastMul=0 (small FPGAs without enough DSPs): multiplies use the divider's registers and
//    take 34 cycles like a divide: one shift-add step per cycle (multiplier a, multiplicand b
//    sign- or zero-extended), the last step subtracting for a signed multiplier (its bit 31
//    weighs -2^31), on the divider's adder. No DSP blocks.
//  * Divides take 34 cycles from the first start cycle (load, 32 radix-2 restoring steps on
//    magnitudes, then the result; one negator makes the dividend's magnitude at the load
//    and the result's sign, and a negative divisor is added rather than negated); done_o rises in the last cycle, with result_o valid in
//    that cycle. Division by zero and the signed overflow case follow the unprivileged spec,
//    table 7.1.
module core_muldiv #(
  parameter int FastMul = 1           // 1: one-cycle multiplier, 2: two cycles (registered
                                      // product), 0: iterative (34 cycles)
) (
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
  // Signedness of the multiply operands: the 64-bit product of the sign- or zero-extended
  // operands covers all four variants (two's complement products are exact modulo 2^64).
  logic a_sgn, b_sgn;
  assign a_sgn = (fn_i == 3'b001 || fn_i == 3'b010) && a_i[31];   // mulh, mulhsu
  assign b_sgn = (fn_i == 3'b001) && b_i[31];                     // mulh

  // ---- divide operands ----
  logic        is_signed_div;
  logic        neg_a, neg_b;
  assign is_signed_div = !fn_i[0];                                // div, rem
  assign neg_a = is_signed_div && a_i[31];
  assign neg_b = is_signed_div && b_i[31];

  // ---- the iterative datapath: hi_q:lo_q ----
  // divide:   hi_q[31:0] remainder, lo_q dividend shifting out / quotient shifting in
  // multiply: hi_q (33 bits, signed) upper partial product, lo_q multiplier (a) shifting out /
  //           low product bits shifting in
  logic        busy_q;
  logic [5:0]  count_q;
  logic [32:0] hi_q;
  logic [31:0] lo_q;
  logic        iter;                  // this operation runs on the iterative datapath
  assign iter = fn_i[2] || FastMul == 0;

  // One negator serves the dividend's magnitude at the load and the result's sign fix-up
  // at the end (the two never happen in the same cycle).
  logic [31:0] div_mag, neg_in, negd;
  logic        div_neg, neg_en;
  assign neg_in = busy_q ? div_mag : a_i;
  assign neg_en = busy_q ? div_neg : neg_a;
  assign negd   = neg_en ? -neg_in : neg_in;

  // One adder serves the divide step and the iterative multiply step (never both at once):
  //  * divide:   remainder - |b| = {hi_q[31:0], lo_q[31]} + (b, or ~b + 1 when b >= 0)
  //              (bits 32:0; adds b when b is negative, subtracts it otherwise)
  //  * multiply: hi_q + (lo_q[0] ? multiplicand : 0), the multiplier a shifting out of lo_q and
  //              the multiplicand b sign- or zero-extended; the last step of a signed
  //              multiplier subtracts (its bit 31 weighs -2^31)
  logic        mul_it;                // an iterative multiply (FastMul = 0)
  logic        mul_last_neg;          // last step of a signed multiplier: subtract
  logic        add_ext, add_inv, add_en;
  logic [33:0] add_a, add_b, add_sum;
  logic [32:0] rem_shift, rem_sub;
  logic [33:0] mul_sum;
  assign mul_it       = !fn_i[2] && FastMul == 0;
  assign mul_last_neg = count_q == 6'd31 && a_sgn;
  assign add_ext   = mul_it ? b_sgn : neg_b;
  assign add_inv   = mul_it ? mul_last_neg : !neg_b;
  assign add_en    = mul_it ? lo_q[0] : 1'b1;
  assign rem_shift = {hi_q[31:0], lo_q[31]};
  assign add_a     = mul_it ? {hi_q[32], hi_q} : {1'b0, rem_shift};
  assign add_b     = ({add_ext, add_ext, b_i} ^ {34{add_inv}}) & {34{add_en}};
  assign add_sum   = add_a + add_b + {33'd0, add_en && add_inv};
  assign rem_sub   = add_sum[32:0];
  assign mul_sum   = add_sum;

  always_ff @(posedge clk_i) begin
    if (!rst_ni || kill_i) begin
      busy_q <= 1'b0;
      count_q <= 6'd0;
      hi_q <= 33'd0;
      lo_q <= 32'd0;
    end else if (start_i && iter && !busy_q) begin
      busy_q  <= 1'b1;
      count_q <= 6'd0;
      hi_q    <= 33'd0;
      lo_q    <= fn_i[2] ? negd : a_i;      // dividend magnitude / multiplier
    end else if (busy_q) begin
      if (count_q == 6'd32) begin
        busy_q <= 1'b0;
      end else begin
        count_q <= count_q + 6'd1;
        if (!fn_i[2] && FastMul == 0) begin
          hi_q <= mul_sum[33:1];
          lo_q <= {mul_sum[0], lo_q[31:1]};
        end else if (!rem_sub[32]) begin
          hi_q <= {1'b0, rem_sub[31:0]};
          lo_q <= {lo_q[30:0], 1'b1};
        end else begin
          hi_q <= {1'b0, rem_shift[31:0]};
          lo_q <= {lo_q[30:0], 1'b0};
        end
      end
    end
  end

  // ---- divide result: one negator for quotient and remainder ----
  logic [31:0] div_res;
  assign div_mag = fn_i[1] ? hi_q[31:0] : lo_q;                   // rem/remu : div/divu
  assign div_neg = fn_i[1] ? neg_a : (neg_a ^ neg_b);
  always_comb begin
    if (b_i == 32'd0) div_res = fn_i[1] ? a_i : 32'hFFFF_FFFF;
    else              div_res = negd;
  end

  // ---- multiply result ----
  logic [31:0] mul_lo, mul_hi, mul_res;
  logic        mul_done, iter_done;
  assign iter_done = busy_q && count_q == 6'd32;     // the iterative datapath's last cycle
  if (FastMul == 1) begin : g_fast
    logic [63:0] prod;
    assign prod     = {{32{a_sgn}}, a_i} * {{32{b_sgn}}, b_i};
    assign mul_lo   = prod[31:0];
    assign mul_hi   = prod[63:32];
    assign mul_done = 1'b1;
  end else if (FastMul == 2) begin : g_fast_reg
    // The four partial products of the 33-bit signed operands (a = ah * 2^16 + al, ah
    // 17 bits signed, al 16 bits unsigned; b alike), one DSP multiplier each, registered in
    // the first cycle; the second adds them (mul_done_q pulses then: EX takes the result).
    logic [32:0] a_ext, b_ext;
    logic signed [33:0] pp_hl_q, pp_lh_q;
    logic [31:0] pp_hh_q;                 // ah * bh: only its low half reaches bits 63:32
    logic [31:0] pp_ll_q;
    logic        mul_done_q;
    logic [63:0] prod;
    assign a_ext = {a_sgn, a_i};
    assign b_ext = {b_sgn, b_i};
    always_ff @(posedge clk_i) begin
      if (!rst_ni || kill_i) mul_done_q <= 1'b0;
      else                   mul_done_q <= start_i && !fn_i[2] && !mul_done_q;
      pp_hh_q <= $signed(a_ext[32:16]) * $signed(b_ext[32:16]);
      pp_hl_q <= $signed(a_ext[32:16]) * $signed({1'b0, b_ext[15:0]});
      pp_lh_q <= $signed({1'b0, a_ext[15:0]}) * $signed(b_ext[32:16]);
      pp_ll_q <= a_ext[15:0] * b_ext[15:0];
    end
    assign prod     = {pp_hh_q, 32'd0} + {{14{pp_hl_q[33]}}, pp_hl_q, 16'd0} +
                      {{14{pp_lh_q[33]}}, pp_lh_q, 16'd0} + {32'd0, pp_ll_q};
    assign mul_lo   = prod[31:0];
    assign mul_hi   = prod[63:32];
    assign mul_done = mul_done_q;
  end else begin : g_iter
    assign mul_lo   = lo_q;
    assign mul_hi   = hi_q[31:0];
    assign mul_done = iter_done;
  end
  assign mul_res = fn_i[1:0] == 2'b00 ? mul_lo : mul_hi;

  assign result_o = fn_i[2] ? div_res : mul_res;
  assign done_o   = iter ? iter_done : mul_done;
endmodule
