// ram.sv : main memory, one read port for instruction fetch (A) and one read/write port with
// byte enables for data (B). Synchronous: a request in cycle t returns data in cycle t+1.
//
// Ports = 2 (default, simulation): true two-port storage (`mem` below); both grants are always
// high; the read data of a port holds until its next request; a write on B returns the old
// word. Simulation loads programs by writing `mem` directly (tb/).
// Ports = 1 (boards whose RAM blocks have one port, e.g. iCE40 SPRAM): one single-port
// memory (ram_sp) shared by both ports. The data side wins: in a cycle it claims (b_claim_i,
// from the core's registers, high whenever it may request) the fetch is not granted (a_gnt_o
// low) and the core's fetch stage waits. The fetch grant thus never depends on the data
// side's address translation (timing). The shared read data is valid in
// the cycle after a granted request only (the core reads it in that cycle). Both grants are
// also low while the memory is not ready (a board memory that loads its image at reset).
// InitFile: optional $readmemh image (32-bit words from the RAM base) for synthesis; board
// builds replace ram_sp.sv with the device's RAM blocks (synth/).
module ram #(
  parameter int Bytes    = 32'h0100_0000,
  parameter int Ports    = 2,
  parameter     InitFile = ""
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // Port A: fetch
  input  logic        a_req_i,
  input  logic [31:0] a_addr_i,      // byte offset from the RAM base
  output logic        a_gnt_o,
  output logic [31:0] a_rdata_o,
  // Port B: load/store
  input  logic        b_req_i,
  input  logic        b_claim_i,     // B may request in this cycle (implied by b_req_i)
  input  logic        b_we_i,
  input  logic [3:0]  b_be_i,
  input  logic [31:0] b_addr_i,      // byte offset from the RAM base
  input  logic [31:0] b_wdata_i,
  output logic        b_gnt_o,
  output logic [31:0] b_rdata_o
);
  localparam int Words = Bytes / 4;
  localparam int AW    = $clog2(Words);

  logic [AW-1:0] a_idx, b_idx;
  assign a_idx = a_addr_i[AW+1:2];
  assign b_idx = b_addr_i[AW+1:2];

  if (Ports == 2) begin : g_two_port
    assign a_gnt_o = 1'b1;
    assign b_gnt_o = 1'b1;
  end else begin : g_one_port
    logic        ready, sp_we;
    logic [31:0] sp_rdata;
    logic [AW-1:0] sp_idx;
    assign b_gnt_o = ready;
    assign a_gnt_o = ready && !b_claim_i;
    assign sp_idx  = b_claim_i ? b_idx : a_idx;
    assign sp_we   = b_req_i && b_we_i;
    ram_sp #(.Words(Words), .InitFile(InitFile)) u_sp (
      .clk_i, .rst_ni, .ready_o(ready),
      .req_i((b_claim_i ? b_req_i : a_req_i) && ready), .we_i(sp_we), .be_i(b_be_i), .idx_i(sp_idx),
      .wdata_i(b_wdata_i), .rdata_o(sp_rdata)
    );
    assign a_rdata_o = sp_rdata;
    assign b_rdata_o = sp_rdata;
  end

  // Two-port storage (Ports = 2). With Ports = 1 it is never written and synthesis drops it.
  logic [31:0] mem [0:Words-1];
  if (Ports == 2 && InitFile != "") begin : g_init
    initial $readmemh(InitFile, mem);
  end

  if (Ports == 2) begin : g_two_port_rw
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
  end

  // Only the offset bits inside the RAM are decoded; the interconnect selects the RAM.
  // rst_ni is used by board memories that load an image at reset (Ports = 1).
  logic unused;
  assign unused = ^{b_claim_i, a_addr_i[31:AW+2], a_addr_i[1:0], b_addr_i[31:AW+2], b_addr_i[1:0], rst_ni};
endmodule
