// postsynth_tb.sv : Icarus testbench of the synthesized SoC netlist (postsynth_top as iCE40
// cells; the cell models are Yosys' ice40/cells_sim.v). Console bytes go to stdout exactly
// as build/vsim prints them; the end of the run goes to stderr as "postsynth: exit N ..."
// with N the exit code build/vsim gives for the finisher value (docs/platform.md), or
// "postsynth: exit 3" when MAX_CYCLES pass first.
`timescale 1ns / 1ps

module postsynth_tb;
`ifndef MAX_CYCLES
  `define MAX_CYCLES 2000000
`endif
  reg clk = 1'b0;
  reg rst_n = 1'b0;
  always #5 clk = ~clk;

  wire        tx_valid, finish_valid;
  wire [7:0]  tx_data;
  wire [31:0] finish_data;

  postsynth_top dut (
    .clk_i(clk), .rst_ni(rst_n), .tx_valid_o(tx_valid), .tx_data_o(tx_data),
    .finish_valid_o(finish_valid), .finish_data_o(finish_data)
  );

  integer cycles = 0;
  integer code;
  initial begin
    repeat (8) @(negedge clk);
    rst_n = 1'b1;
  end

  always @(posedge clk) begin
    if (rst_n) begin
      cycles = cycles + 1;
      if (tx_valid === 1'b1) $write("%c", tx_data);
      if (tx_valid !== 1'b0 && tx_valid !== 1'b1) begin
        $fdisplay(32'h8000_0002, "postsynth: exit 9 (tx_valid is X after %0d cycles)", cycles);
        $finish;
      end
      if (finish_valid === 1'b1 && finish_data == 32'h5555) begin
        $fflush(32'h8000_0001);
        $fdisplay(32'h8000_0002, "postsynth: exit 0 (finisher pass) after %0d cycles", cycles);
        $finish;
      end
      if (finish_valid === 1'b1 && finish_data[15:0] == 16'h3333) begin
        code = finish_data[31:16] == 0 ? 1 : finish_data[31:16];
        $fflush(32'h8000_0001);
        $fdisplay(32'h8000_0002, "postsynth: exit %0d (finisher fail) after %0d cycles", code, cycles);
        $finish;
      end
      if (cycles >= `MAX_CYCLES) begin
        $fdisplay(32'h8000_0002, "postsynth: exit 3 (%0d cycles reached)", cycles);
        $finish;
      end
    end
  end
endmodule
