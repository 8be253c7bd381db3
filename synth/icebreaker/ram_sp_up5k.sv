// ram_sp_up5k.sv : the SoC's one-port RAM (module ram_sp, replacing rtl/soc/ram_sp.sv in the
// iCEBreaker build) on the iCE40 UP5K's single-port SPRAM, with a boot copier.
//
// Storage: Words/16384 banks of two SB_SPRAM256KA (16K x 16 each, side by side for 32 bits;
// 4 blocks = 128 KiB). Byte enables become the SPRAM's nibble write masks.
// SPRAM has no initial contents in the bitstream, so the program image (InitFile, $readmemh,
// `CFG_PROGRAM_WORDS words from config.vh) sits in a ROM in block RAM (EBR, 1 KiB per two
// SB_RAM40_4K) and is copied into SPRAM after every reset, one word per cycle; ready_o stays
// low meanwhile, which holds the core's first fetch (the bus grant is low). A reset (the
// user button) therefore also restores the program's initial data.
// Timing as rtl/soc/ram_sp.sv: data in the cycle after a request; after a write the read data
// is undefined (the core never reads it).
`default_nettype none
`include "config.vh"

module ram_sp #(
  parameter int Words    = 32768,          // 16384 or 32768 (64 or 128 KiB)
  parameter     InitFile = `CFG_PROGRAM_HEX   // the soc passes the same file
) (
  input  wire logic                     clk_i,
  input  wire logic                     rst_ni,
  output logic                          ready_o,
  input  wire logic                     req_i,
  input  wire logic                     we_i,
  input  wire logic [3:0]               be_i,
  input  wire logic [$clog2(Words)-1:0] idx_i,
  input  wire logic [31:0]              wdata_i,
  output logic [31:0]                   rdata_o
);
  localparam int Banks     = Words / 16384;
  localparam int AW        = $clog2(Words);
  localparam int BootWords = `CFG_PROGRAM_WORDS;
  localparam int BW        = $clog2(BootWords + 1);

  // ------------------------------------------------------------------ boot image ROM and copier
  logic [31:0]   rom [0:BootWords-1];
  initial $readmemh(InitFile, rom);

  logic [BW-1:0] rd_n_q;                   // next ROM word to read
  logic [BW-1:0] wr_n_q;                   // SPRAM word written this cycle (when wr_q)
  logic          wr_q, done_q;
  logic [31:0]   rom_q;

  always_ff @(posedge clk_i) begin
    rom_q <= rom[rd_n_q];
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rd_n_q <= '0;
      wr_n_q <= '0;
      wr_q   <= 1'b0;
      done_q <= 1'b0;
    end else if (!done_q) begin
      // cycle n reads ROM word n; cycle n+1 writes it into SPRAM
      wr_q   <= (rd_n_q != BW'(BootWords));
      wr_n_q <= rd_n_q;
      if (rd_n_q != BW'(BootWords)) rd_n_q <= rd_n_q + 1'b1;
      if (wr_q && wr_n_q == BW'(BootWords - 1)) done_q <= 1'b1;
    end
  end
  assign ready_o = done_q;

  // ------------------------------------------------------------------ SPRAM
  logic          s_req, s_we;
  logic [3:0]    s_be;
  logic [AW-1:0] s_idx;
  logic [31:0]   s_wdata;
  always_comb begin
    if (!done_q) begin
      s_req = wr_q; s_we = 1'b1; s_be = 4'b1111;
      s_idx = AW'(wr_n_q); s_wdata = rom_q;
    end else begin
      s_req = req_i; s_we = we_i; s_be = be_i; s_idx = idx_i; s_wdata = wdata_i;
    end
  end

  logic [31:0] bank_rdata [0:Banks-1];
  for (genvar b = 0; b < Banks; b++) begin : g_bank
    logic sel;
    if (Banks == 1) begin : g_one
      assign sel = 1'b1;
    end else begin : g_many
      assign sel = (s_idx[AW-1] == b[0]);
    end
    for (genvar h = 0; h < 2; h++) begin : g_half
      SB_SPRAM256KA u_spram (
        .ADDRESS(s_idx[13:0]), .DATAIN(s_wdata[16*h +: 16]),
        .MASKWREN({s_be[2*h+1], s_be[2*h+1], s_be[2*h], s_be[2*h]}),
        .WREN(s_we), .CHIPSELECT(s_req && sel), .CLOCK(clk_i),
        .STANDBY(1'b0), .SLEEP(1'b0), .POWEROFF(1'b1),
        .DATAOUT(bank_rdata[b][16*h +: 16])
      );
    end
  end

  if (Banks == 1) begin : g_rd_one
    assign rdata_o = bank_rdata[0];
  end else begin : g_rd_many
    logic bank_q;
    always_ff @(posedge clk_i) if (s_req) bank_q <= s_idx[AW-1];
    assign rdata_o = bank_rdata[bank_q];
  end
endmodule

`default_nettype wire
