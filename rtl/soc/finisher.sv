// finisher.sv : sifive_test-style finisher. A store to offset 0 is reported on
// finish_valid_o/finish_data_o in the next cycle (0x5555 pass, (code<<16)|0x3333 fail; the
// testbench or board decides what that means). Loads read 0.
module finisher (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        req_i,
  input  logic        we_i,
  input  logic [11:0] addr_i,
  input  logic [31:0] wdata_i,
  output logic        finish_valid_o,
  output logic [31:0] finish_data_o
);
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      finish_valid_o <= 1'b0;
      finish_data_o  <= 32'd0;
    end else begin
      finish_valid_o <= req_i && we_i && addr_i == 12'd0;
      if (req_i && we_i) finish_data_o <= wdata_i;
    end
  end
endmodule
