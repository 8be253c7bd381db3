// ram_sp_up5k.sv : the SoC's one-port RAM (module ram_sp, replacing rtl/soc/ram_sp.sv in the
// iCEBreaker build) on the iCE40 UP5K's single-port SPRAM, with a boot copier.
//
// Storage: Words/16384 banks of two SB_SPRAM256KA (16K x 16 each, side by side for 32 bits;
// 4 blocks = 128 KiB). Byte enables become the SPRAM's nibble write masks.
// SPRAM has no initial contents in the bitstream, so the program image sits in a ROM in
// block RAM (EBR, 1 KiB per two SB_RAM40_4K) and is copied into SPRAM after every reset; ready_o
// stays low meanwhile, which holds the core's first fetch (the bus grant is low). A reset (the
// user button) therefore also restores the program's initial data.
// The ROM is byte-wide, `CFG_PROGRAM_WORDS * 4 bytes, kept as four 2-bit lanes (one
// $readmemh file each, `CFG_PROGRAM_LANE0_HEX ..) so that each lane maps onto 2048 x 2 EBR
// (5 rows for 10 KiB): the read multiplexer across the rows is 8 bits x 5 inputs, where a
// word-wide ROM (256 x 16 EBR) needed 32 x 9 and a byte-wide one (512 x 8 EBR) 8 x 17.
// The copier writes one byte per cycle through the SPRAM's nibble write masks: 4 cycles per
// word, 0.4 ms for the 8.4 KiB demo at 20 MHz.
// Timing as rtl/soc/ram_sp.sv: data in the cycle after a request; after a write the read data
// is undefined (the core never reads it).
`default_nettype none
`include "config.vh"

module ram_sp #(
  parameter int Words    = 32768,          // 16384 or 32768 (64 or 128 KiB)
  parameter     InitFile = `CFG_PROGRAM_HEX         // the word image (the soc passes it); the
                                                    // ROM reads the same image in 2-bit lanes
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
  localparam int BootBytes = 4 * `CFG_PROGRAM_WORDS;
  localparam int BB        = AW + 2;       // byte index within the RAM

  // ------------------------------------------------------------------ boot image ROM and copier
  logic [1:0] rom0 [0:BootBytes-1];
  logic [1:0] rom1 [0:BootBytes-1];
  logic [1:0] rom2 [0:BootBytes-1];
  logic [1:0] rom3 [0:BootBytes-1];
  initial begin
    $readmemh(`CFG_PROGRAM_LANE0_HEX, rom0);
    $readmemh(`CFG_PROGRAM_LANE1_HEX, rom1);
    $readmemh(`CFG_PROGRAM_LANE2_HEX, rom2);
    $readmemh(`CFG_PROGRAM_LANE3_HEX, rom3);
  end

  // Cycle k after reset writes byte k (cnt_q = k) from rom_q, which was read at the previous
  // edge with address k (during reset: 0, afterwards cnt_q + 1).
  logic [BB-1:0] cnt_q, cnt_next, rd_addr;
  logic          done_q;
  logic [7:0]    rom_q;
  assign cnt_next = cnt_q + 1'b1;
  assign rd_addr  = rst_ni ? cnt_next : '0;

  always_ff @(posedge clk_i) begin
    rom_q <= {rom3[rd_addr], rom2[rd_addr], rom1[rd_addr], rom0[rd_addr]};
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      cnt_q  <= '0;
      done_q <= (BootBytes == 0);
    end else if (!done_q) begin
      cnt_q <= cnt_next;
      if (cnt_q == BB'(BootBytes - 1)) done_q <= 1'b1;
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
      s_req = 1'b1; s_we = 1'b1; s_be = 4'b0001 << cnt_q[1:0];
      s_idx = cnt_q[BB-1:2]; s_wdata = {4{rom_q}};
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
