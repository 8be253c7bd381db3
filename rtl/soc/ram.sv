// ram.sv : main memory, one read port for instruction fetch (A) and one read/write port with
// byte enables for data (B). Synchronous: a request in cycle t returns data in cycle t+1;
// the read data of a port holds until its next request. A write on B returns the old word.
// Simulation loads programs by writing `mem` directly (tb/). Board builds replace this file's
// storage with the device's RAM blocks (synth/).
module ram #(
  parameter int Bytes = 32'h0100_0000
) (
  input  logic        clk_i,
  // Port A: fetch
  input  logic        a_req_i,
  input  logic [31:0] a_addr_i,      // byte offset from the RAM base
  output logic [31:0] a_rdata_o,
  // Port B: load/store
  input  logic        b_req_i,
  input  logic        b_we_i,
  input  logic [3:0]  b_be_i,
  input  logic [31:0] b_addr_i,      // byte offset from the RAM base
  input  logic [31:0] b_wdata_i,
  output logic [31:0] b_rdata_o
);
  localparam int Words = Bytes / 4;
  localparam int AW    = $clog2(Words);

  logic [31:0] mem [0:Words-1];

  logic [AW-1:0] a_idx, b_idx;
  assign a_idx = a_addr_i[AW+1:2];
  assign b_idx = b_addr_i[AW+1:2];

  always_ff @(posedge clk_i) begin
    if (a_req_i) a_rdata_o <= mem[a_idx];
  end

  always_ff @(posedge clk_i) begin
    if (b_req_i) begin
      if (b_we_i) begin
        for (int i = 0; i < 4; i++)
          if (b_be_i[i]) mem[b_idx][i*8 +: 8] <= b_wdata_i[i*8 +: 8];
      end
      b_rdata_o <= mem[b_idx];
    end
  end

  // Only the offset bits inside the RAM are decoded; the interconnect selects the RAM.
  logic unused_addr;
  assign unused_addr = ^{a_addr_i[31:AW+2], a_addr_i[1:0], b_addr_i[31:AW+2], b_addr_i[1:0]};
endmodule
