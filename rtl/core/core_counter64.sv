// core_counter64.sv : a 64-bit counter with 32-bit half writes (mcycle, minstret).
//
// Interface: inc_i adds one at the clock edge; wr_lo_i / wr_hi_i replace the low / high half
// with wdata_i instead (a write takes precedence over the increment; the other half keeps its
// value, as the priv spec asks of a CSR write to mcycle/minstret or their h halves). The two
// writes are never asked together. value_o is the registered count; reset clears it.
// Timing: one carry chain. The iCEBreaker build replaces this module with
// synth/icebreaker/counter64_up5k.sv (the same behaviour on two of the UP5K's DSP blocks).
module core_counter64 (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        inc_i,
  input  logic        wr_lo_i,
  input  logic        wr_hi_i,
  input  logic [31:0] wdata_i,
  output logic [63:0] value_o
);
  always_ff @(posedge clk_i) begin
    if (!rst_ni)      value_o <= 64'd0;
    else if (wr_lo_i) value_o[31:0] <= wdata_i;
    else if (wr_hi_i) value_o[63:32] <= wdata_i;
    else if (inc_i)   value_o <= value_o + 64'd1;
  end
endmodule
