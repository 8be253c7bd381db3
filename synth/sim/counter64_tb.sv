// counter64_tb.sv : checks the iCEBreaker's DSP-block counter (synth/icebreaker/
// counter64_up5k.sv, simulated with Yosys' SB_MAC16 model) against the generic RTL counter
// (rtl/core/core_counter64.sv, compiled as core_counter64_ref) cycle by cycle: random
// increments and half writes, with written values near the 32-bit wrap so that carries into
// the high half are exercised, also in the cycles where a half is written. Prints "counter64: PASS N cycles" or the first difference.
`timescale 1ns/1ps
module counter64_tb;
  logic clk = 1'b0, rst_n = 1'b0, inc, wr_lo, wr_hi;
  logic [31:0] wdata;
  logic [63:0] dsp, ref_v;
  int   errors = 0;
  localparam int Cycles = 20000;

  core_counter64     u_dsp (.clk_i(clk), .rst_ni(rst_n), .inc_i(inc), .wr_lo_i(wr_lo),
                            .wr_hi_i(wr_hi), .wdata_i(wdata), .value_o(dsp));
  core_counter64_ref u_ref (.clk_i(clk), .rst_ni(rst_n), .inc_i(inc), .wr_lo_i(wr_lo),
                            .wr_hi_i(wr_hi), .wdata_i(wdata), .value_o(ref_v));

  always #5 clk = ~clk;

  initial begin
    inc = 1'b0; wr_lo = 1'b0; wr_hi = 1'b0; wdata = 32'd0;
    repeat (3) @(posedge clk);
    rst_n = 1'b1;
    for (int i = 0; i < Cycles; i++) begin
      @(negedge clk);
      if (dsp !== ref_v) begin
        if (errors < 5) $display("counter64: FAIL cycle %0d: dsp %h ref %h", i, dsp, ref_v);
        errors++;
      end
      // writes are frequent when the low half is about to wrap: a write must stop the carry
      // into the other half
      inc   = ($urandom % 4) != 0;
      wr_lo = ($urandom % 64) == 0 || (ref_v[31:0] == 32'hFFFF_FFFF && ($urandom % 3) == 0);
      wr_hi = !wr_lo && (($urandom % 64) == 0 ||
                         (ref_v[31:0] == 32'hFFFF_FFFF && ($urandom % 2) == 0));
      case ($urandom % 4)
        0:       wdata = 32'hFFFF_FFFF - ($urandom % 8);       // near the wrap
        1:       wdata = 32'h0000_FFFF - ($urandom % 8);       // near the 16-bit carry
        default: wdata = $urandom;
      endcase
      if (i == Cycles / 2) begin                               // a reset in the middle
        rst_n = 1'b0; @(negedge clk); rst_n = 1'b1;
      end
    end
    if (errors == 0) $display("counter64: PASS %0d cycles", Cycles);
    else             $display("counter64: FAIL %0d differences", errors);
    $finish;
  end
endmodule
