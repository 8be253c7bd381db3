// counter64_up5k.sv : module core_counter64 (replacing rtl/core/core_counter64.sv in the
// iCEBreaker build) on two of the UP5K's SB_MAC16 DSP blocks, which the build does not use
// otherwise (the board's core has no multiplier, MUL_DIV=0): mcycle and minstret then take
// no logic cells for their 128 flip-flops and carry chains (about 130 LC).
//
// Each block is used as a 32-bit accumulator, no multiplier: its 16-bit low adder adds the B
// input to its output register (rS) and carries into the high adder, which adds the A input
// (0) to the other output register (rQ); the registers load C (high) / D (low) instead when
// OLOAD is high and keep their value when OHOLD is high. Block lo counts with B = inc_i;
// block hi counts with B = 1 when inc_i and block lo holds all ones (the carry of the 64-bit
// increment, from a 32-input AND). A half write loads its block and holds the other one.
// Reset clears the output registers (ORST, held for the board's power-on reset cycles).
// Behaviour and timing equal rtl/core/core_counter64.sv (postsynth-check simulates this one
// with Yosys' SB_MAC16 model).
`default_nettype none

module core_counter64 (
  input  wire logic        clk_i,
  input  wire logic        rst_ni,
  input  wire logic        inc_i,
  input  wire logic        wr_lo_i,
  input  wire logic        wr_hi_i,
  input  wire logic [31:0] wdata_i,
  output logic      [63:0] value_o
);
  logic        carry_hi;
  assign carry_hi = inc_i && (&value_o[31:0]);

  // Block 0 holds lo: written by wr_lo_i, held while hi is written, else + inc_i.
  // Block 1 holds hi: written by wr_hi_i, held while lo is written, else + the carry of lo.
  logic [1:0]  add_one, load, hold;
  assign add_one = {carry_hi, inc_i};
  assign load    = {wr_hi_i, wr_lo_i};
  assign hold    = {wr_lo_i, wr_hi_i};
  for (genvar k = 0; k < 2; k++) begin : g_block
    SB_MAC16 #(
      .TOPOUTPUT_SELECT(2'd1), .BOTOUTPUT_SELECT(2'd1),          // the output registers
      .TOPADDSUB_LOWERINPUT(2'd0), .TOPADDSUB_UPPERINPUT(1'b0),   // rQ + A
      .TOPADDSUB_CARRYSELECT(2'd2),                               // carry from the low adder
      .BOTADDSUB_LOWERINPUT(2'd0), .BOTADDSUB_UPPERINPUT(1'b0),   // rS + B
      .BOTADDSUB_CARRYSELECT(2'd0)
    ) u_mac (
      .CLK(clk_i), .CE(1'b1),
      .C(wdata_i[31:16]), .A(16'd0), .B({15'd0, add_one[k]}), .D(wdata_i[15:0]),
      .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0),
      .IRSTTOP(1'b0), .IRSTBOT(1'b0), .ORSTTOP(!rst_ni), .ORSTBOT(!rst_ni),
      .OLOADTOP(load[k]), .OLOADBOT(load[k]), .OHOLDTOP(hold[k]), .OHOLDBOT(hold[k]),
      .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0),
      .CI(1'b0), .ACCUMCI(1'b0), .SIGNEXTIN(1'b0),
      .O(value_o[32*k +: 32]), .CO(), .ACCUMCO(), .SIGNEXTOUT()
    );
  end
endmodule

`default_nettype wire
