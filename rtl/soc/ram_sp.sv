// ram_sp.sv : single-port RAM with byte enables, the storage of ram.sv's one-port variant
// (Ports = 1). Synchronous: a request in cycle t returns the word in cycle t+1 (a write
// returns the old word). ready_o is always high here; a board's replacement of this file
// (synth/: e.g. iCE40 SPRAM that copies its program image in at reset) holds it low until
// the memory can serve requests. InitFile: optional $readmemh image.
module ram_sp #(
  parameter int Words    = 1024,
  parameter     InitFile = ""
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  output logic                     ready_o,
  input  logic                     req_i,
  input  logic                     we_i,
  input  logic [3:0]               be_i,
  input  logic [$clog2(Words)-1:0] idx_i,
  input  logic [31:0]              wdata_i,
  output logic [31:0]              rdata_o
);
  logic [31:0] mem [0:Words-1];
  if (InitFile != "") begin : g_init
    initial $readmemh(InitFile, mem);
  end

  always_ff @(posedge clk_i) begin
    if (req_i) begin
      if (we_i) begin
        for (int i = 0; i < 4; i++)
          if (be_i[i]) mem[idx_i][i*8 +: 8] <= wdata_i[i*8 +: 8];
      end
      rdata_o <= mem[idx_i];
    end
  end

  assign ready_o = 1'b1;

  logic unused_rst;
  assign unused_rst = rst_ni;
endmodule
