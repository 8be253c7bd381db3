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

  // Lowest-numbered match decides. The search runs only when it can change the answer (not
  // for M-mode with no locked entry): in hardware that is just a mux, in simulation it saves
  // evaluating sixteen comparators every cycle.
  logic any_locked;
  always_comb begin
    any_locked = 1'b0;
    for (int i = 0; i < 16; i++)
      if (i < Entries) any_locked = any_locked | pmpcfg_i[8*i + `PMPCFG_L];
  end

  always_comb begin
    logic [31:0] a, prev, napot_mask;
    logic        hit, r, w, x, l;
    a = 32'd0; prev = 32'd0; napot_mask = 32'd0;
    hit = 1'b0; r = 1'b0; w = 1'b0; x = 1'b0; l = 1'b0;
    allow_o = (priv_i == `PRV_M) || (Entries == 0);
    if (priv_i != `PRV_M || any_locked) begin
      for (int i = 15; i >= 0; i--) begin
        a    = pmpaddr_i[32*i +: 32];
        prev = pmpaddr_i[32*((i + 15) % 16) +: 32];   // entry i-1 (unused for entry 0)
        napot_mask = ~(a ^ (a + 32'd1));             // NAPOT: trailing ones and the next bit vary
        case (pmpcfg_i[8*i + `PMPCFG_A_LO +: 2])
          2'd1:    hit = (i == 0 || !(word < prev)) && (word < a);   // TOR
          2'd2:    hit = (word == a);                                // NA4
          2'd3:    hit = ((word ^ a) & napot_mask) == 32'd0;         // NAPOT
          default: hit = 1'b0;                                       // OFF
        endcase
        r = pmpcfg_i[8*i + `PMPCFG_R];
        w = pmpcfg_i[8*i + `PMPCFG_W];
        x = pmpcfg_i[8*i + `PMPCFG_X];
        l = pmpcfg_i[8*i + `PMPCFG_L];
        // M-mode is checked only against locked entries
        if (hit && i < Entries)
          allow_o = (priv_i == `PRV_M && !l) ||
                    ((!read_i || r) && (!write_i || w) && (!exec_i || x));
      end
    end
  end

  logic unused_cfg;
  assign unused_cfg = ^{pmpcfg_i[6:5], pmpcfg_i[14:13], pmpcfg_i[22:21], pmpcfg_i[30:29],
                        pmpcfg_i[38:37], pmpcfg_i[46:45], pmpcfg_i[54:53], pmpcfg_i[62:61],
                        pmpcfg_i[70:69], pmpcfg_i[78:77], pmpcfg_i[86:85], pmpcfg_i[94:93],
                        pmpcfg_i[102:101], pmpcfg_i[110:109], pmpcfg_i[118:117],
                        pmpcfg_i[126:125]};
endmodule
