// core_regfile.sv : integer register file, 2 synchronous read ports, 1 write port.
//
// Reads are registered: addresses presented in cycle t give data in cycle t+1, every cycle
// (the core asks for the ID instruction's registers when EX takes it, for the EX
// instruction's own while it stays). This is the coding pattern Yosys maps onto block RAM
// (one copy per read port). A write and a read of the same register in the same cycle
// return the OLD value: the core forwards the value
// written in the previous cycle itself (see core.sv, "last write" bypass). x0 is never
// written; the core substitutes zero for reads of x0.
// Because of that bypass the data read in a collision (read and write of one register in the
// same cycle) is never used: no_rw_check tells Yosys so, which keeps it from emulating
// read-first behaviour around the block RAM (iCE40: 72 FF and 73 LUT4 saved).
module core_regfile (
  input  logic        clk_i,
  input  logic [4:0]  raddr1_i,
  input  logic [4:0]  raddr2_i,
  output logic [31:0] rdata1_o,
  output logic [31:0] rdata2_o,
  input  logic        we_i,
  input  logic [4:0]  waddr_i,
  input  logic [31:0] wdata_i
);
  (* no_rw_check *) logic [31:0] rf1 [0:31];
  (* no_rw_check *) logic [31:0] rf2 [0:31];

  always_ff @(posedge clk_i) begin
    if (we_i) begin
      rf1[waddr_i] <= wdata_i;
      rf2[waddr_i] <= wdata_i;
    end
  end

  always_ff @(posedge clk_i) begin
    rdata1_o <= rf1[raddr1_i];
    rdata2_o <= rf2[raddr2_i];
  end
endmodule
