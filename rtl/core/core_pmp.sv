// core_pmp.sv : physical memory protection check for one access (combinational).
//
// Implements priv spec 1.12 section 3.7: entries 0..Entries-1 with OFF/TOR/NA4/NAPOT
// matching on 4-byte granules (G = 0), the lowest-numbered matching entry decides; M-mode
// accesses are checked only against locked entries; with no match M succeeds and S/U fail
// when at least one entry is implemented. Accesses here are naturally aligned and at most
// 4 bytes, so one granule decides the whole access.
// pmpcfg_i/pmpaddr_i: entry i is pmpcfg_i[8*i +: 8], pmpaddr_i[32*i +: 32].
`include "arch.vh"

module core_pmp #(
  parameter int Entries = 16
) (
  input  logic [33:2]  paddr_i,        // granule (word) address
  input  logic [1:0]   priv_i,        // effective privilege of the access
  input  logic         read_i,
  input  logic         write_i,
  input  logic         exec_i,
  input  logic [127:0] pmpcfg_i,
  input  logic [511:0] pmpaddr_i,
  output logic         allow_o
);
  logic [31:0] word;
  assign word = paddr_i;

  // Per entry: does it match, and would it allow the access?
  logic [15:0] match, grant;
  for (genvar i = 0; i < 16; i++) begin : g_entry
    logic [31:0] a, napot_mask;
    logic [1:0]  mode;
    logic        r, w, x, l, above_lo;
    assign a    = pmpaddr_i[32*i +: 32];
    if (i == 0) begin : g_first                  // TOR of entry 0: from address 0
      assign above_lo = 1'b1;
    end else begin : g_next
      assign above_lo = !(word < pmpaddr_i[32*(i-1) +: 32]);
    end
    assign napot_mask = ~(a ^ (a + 32'd1));        // NAPOT: trailing ones and the next bit vary
    assign mode = pmpcfg_i[8*i + `PMPCFG_A_LO +: 2];
    assign r    = pmpcfg_i[8*i + `PMPCFG_R];
    assign w    = pmpcfg_i[8*i + `PMPCFG_W];
    assign x    = pmpcfg_i[8*i + `PMPCFG_X];
    assign l    = pmpcfg_i[8*i + `PMPCFG_L];
    always_comb begin
      case (mode)
        2'd1:    match[i] = above_lo && (word < a);                 // TOR
        2'd2:    match[i] = (word == a);                             // NA4
        2'd3:    match[i] = ((word ^ a) & napot_mask) == 32'd0;      // NAPOT
        default: match[i] = 1'b0;                                    // OFF
      endcase
      if (i >= Entries) match[i] = 1'b0;
    end
    // M-mode is checked only against locked entries
    assign grant[i] = (priv_i == `PRV_M && !l) ||
                      ((!read_i || r) && (!write_i || w) && (!exec_i || x));
  end

  // Lowest-numbered match decides. (The search is skipped when it cannot change the answer —
  // M-mode with no locked entry — which only matters for simulation speed.)
  logic any_locked;
  always_comb begin
    any_locked = 1'b0;
    for (int i = 0; i < 16; i++)
      if (i < Entries) any_locked = any_locked | pmpcfg_i[8*i + `PMPCFG_L];
  end
  always_comb begin
    allow_o = (priv_i == `PRV_M) || (Entries == 0);
    if (priv_i != `PRV_M || any_locked) begin
      for (int i = 15; i >= 0; i--)
        if (match[i]) allow_o = grant[i];
    end
  end

  logic unused_cfg;
  assign unused_cfg = ^{pmpcfg_i[6:5], pmpcfg_i[14:13], pmpcfg_i[22:21], pmpcfg_i[30:29],
                        pmpcfg_i[38:37], pmpcfg_i[46:45], pmpcfg_i[54:53], pmpcfg_i[62:61],
                        pmpcfg_i[70:69], pmpcfg_i[78:77], pmpcfg_i[86:85], pmpcfg_i[94:93],
                        pmpcfg_i[102:101], pmpcfg_i[110:109], pmpcfg_i[118:117],
                        pmpcfg_i[126:125]};
endmodule
