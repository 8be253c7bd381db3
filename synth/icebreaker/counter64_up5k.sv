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
  logic [31:0] lo, hi;
  logic        carry_hi;
  assign carry_hi = inc_i && (&lo);
  assign value_o  = {hi, lo};

  // lo: written by wr_lo_i, held while hi is written, else + inc_i
  SB_MAC16 #(
    .TOPOUTPUT_SELECT(2'd1), .BOTOUTPUT_SELECT(2'd1),          // the output registers
    .TOPADDSUB_LOWERINPUT(2'd0), .TOPADDSUB_UPPERINPUT(1'b0),   // rQ + A
    .TOPADDSUB_CARRYSELECT(2'd2),                               // carry from the low adder
    .BOTADDSUB_LOWERINPUT(2'd0), .BOTADDSUB_UPPERINPUT(1'b0),   // rS + B
    .BOTADDSUB_CARRYSELECT(2'd0)
  ) u_lo (
    .CLK(clk_i), .CE(1'b1),
    .C(wdata_i[31:16]), .A(16'd0), .B({15'd0, inc_i}), .D(wdata_i[15:0]),
    .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0),
    .IRSTTOP(1'b0), .IRSTBOT(1'b0), .ORSTTOP(!rst_ni), .ORSTBOT(!rst_ni),
    .OLOADTOP(wr_lo_i), .OLOADBOT(wr_lo_i), .OHOLDTOP(wr_hi_i), .OHOLDBOT(wr_hi_i),
    .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0),
    .CI(1'b0), .ACCUMCI(1'b0), .SIGNEXTIN(1'b0),
    .O(lo), .CO(), .ACCUMCO(), .SIGNEXTOUT()
  );

  // hi: written by wr_hi_i, held while lo is written, else + the carry out of lo
  SB_MAC16 #(
    .TOPOUTPUT_SELECT(2'd1), .BOTOUTPUT_SELECT(2'd1),
    .TOPADDSUB_LOWERINPUT(2'd0), .TOPADDSUB_UPPERINPUT(1'b0),
    .TOPADDSUB_CARRYSELECT(2'd2),
    .BOTADDSUB_LOWERINPUT(2'd0), .BOTADDSUB_UPPERINPUT(1'b0),
    .BOTADDSUB_CARRYSELECT(2'd0)
  ) u_hi (
    .CLK(clk_i), .CE(1'b1),
    .C(wdata_i[31:16]), .A(16'd0), .B({15'd0, carry_hi}), .D(wdata_i[15:0]),
    .AHOLD(1'b0), .BHOLD(1'b0), .CHOLD(1'b0), .DHOLD(1'b0),
    .IRSTTOP(1'b0), .IRSTBOT(1'b0), .ORSTTOP(!rst_ni), .ORSTBOT(!rst_ni),
    .OLOADTOP(wr_hi_i), .OLOADBOT(wr_hi_i), .OHOLDTOP(wr_lo_i), .OHOLDBOT(wr_lo_i),
    .ADDSUBTOP(1'b0), .ADDSUBBOT(1'b0),
    .CI(1'b0), .ACCUMCI(1'b0), .SIGNEXTIN(1'b0),
    .O(hi), .CO(), .ACCUMCO(), .SIGNEXTOUT()
  );
endmodule

`default_nettype wire
