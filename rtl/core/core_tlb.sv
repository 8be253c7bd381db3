// core_tlb.sv : fully associative Sv32 TLB with ASIDs, global entries, 4 MiB megapages and
// tree pseudo-LRU replacement.
//
// Lookup is combinational: vaddr_i/asid_i -> hit_o and the cached leaf PTE fields, with
// ppn_o already combining a megapage's PPN[1] with the virtual VPN[0]. use_i marks the
// lookup as used this cycle (pseudo-LRU update). Only successful translations are filled
// (fill_*, at the clock edge); a fill whose page already has an entry replaces that entry.
// sfence.vma (priv spec 4.2.1) at the clock edge:
//   flush_i with !flush_va_i && !flush_asid_i : every entry
//   flush_va_i only                            : entries mapping flush_vaddr_i, any ASID
//   flush_asid_i only                          : non-global entries of flush_asid_i
//   both                                       : non-global entries of that ASID mapping the address
// satp writes flush nothing: entries carry their ASID.
module core_tlb #(
  parameter int Entries = 16                  // power of two (1: one entry, no replacement)
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // Lookup
  input  logic [31:12] vaddr_i,             // virtual page number of the access
  input  logic [8:0]  asid_i,
  input  logic        lookup_i,               // translation is on: evaluate the lookup
  input  logic        use_i,                  // the lookup is used this cycle (pseudo-LRU)
  output logic        hit_o,
  output logic [21:0] ppn_o,
  output logic [7:0]  flags_o,                // cached PTE bits 7:0 (D A G U X W R V)
  // Fill
  input  logic        fill_i,
  input  logic [19:0] fill_vpn_i,
  input  logic [8:0]  fill_asid_i,
  input  logic        fill_mega_i,
  input  logic [21:0] fill_ppn_i,
  input  logic [7:0]  fill_pte_flags_i,       // PTE bits 7:0 (D A G U X W R V)
  // sfence.vma
  input  logic        flush_i,
  input  logic        flush_va_i,
  input  logic        flush_asid_i,
  input  logic [31:12] flush_vaddr_i,
  input  logic [8:0]  flush_asid_val_i
);
  // Entries = 1 keeps one index bit and one pseudo-LRU bit that are never used (the index
  // is always 0), so that the vectors below keep a legal width.
  localparam int IdxBits  = (Entries > 1) ? $clog2(Entries) : 1;
  localparam int PlruBits = (Entries > 1) ? Entries - 1 : 1;

  logic [Entries-1:0] valid_q;
  logic [19:0] vpn_q   [0:Entries-1];
  logic [8:0]  asid_q  [0:Entries-1];
  logic [21:0] ppn_q   [0:Entries-1];
  logic [7:0]  flags_q [0:Entries-1];          // PTE bits 7:0
  logic [Entries-1:0] mega_q;

  // ---- lookup ----
  function automatic logic page_match(input logic [19:0] vpn, input logic mega,
                                      input logic [19:0] va_vpn);
    page_match = (vpn[19:10] == va_vpn[19:10]) && (mega || vpn[9:0] == va_vpn[9:0]);
  endfunction

  // The lookup is only evaluated while it is used: a simulation-speed choice (the simulator
  // compiles the if into a branch); in hardware the outputs are simply ignored when unused.
  // Several entries may match one address (a page changed into a megapage without an
  // sfence.vma, or inconsistent G bits across ASIDs); the spec then lets either be used, but
  // not a blend of them, so exactly one — the lowest-numbered — is read.
  logic [Entries-1:0] hit_vec, hit_first;
  logic [21:0] sel_ppn;
  logic [7:0]  sel_flags;
  logic        sel_mega;
  always_comb begin
    hit_vec = '0;
    for (int i = 0; i < Entries; i++)
      if (lookup_i)
        hit_vec[i] = valid_q[i] && page_match(vpn_q[i], mega_q[i], vaddr_i) &&
                     (flags_q[i][5] || asid_q[i] == asid_i);          // G or same ASID
  end
  assign hit_first = hit_vec & (~hit_vec + 1'b1);                     // lowest set bit
  always_comb begin
    sel_ppn = '0; sel_flags = '0; sel_mega = 1'b0;
    if (lookup_i) begin
      for (int i = 0; i < Entries; i++) begin                         // one-hot AND-OR mux
        if (hit_first[i]) begin
          sel_ppn   = sel_ppn | ppn_q[i];
          sel_flags = sel_flags | flags_q[i];
          sel_mega  = sel_mega | mega_q[i];
        end
      end
    end
  end
  assign hit_o = |hit_vec;
  assign ppn_o  = sel_mega ? {sel_ppn[21:10], vaddr_i[21:12]} : sel_ppn;
  assign flags_o = sel_flags;

  // ---- tree pseudo-LRU: node n has children 2n+1, 2n+2; bit 0 = go left next time ----
  logic [PlruBits-1:0] plru_q;

  function automatic logic [IdxBits-1:0] plru_victim(input logic [PlruBits-1:0] t);
    int n;
    n = 0;
    for (int l = 0; l < IdxBits; l++) n = 2 * n + 1 + (t[n] ? 1 : 0);
    plru_victim = (Entries > 1) ? IdxBits'(n - (Entries - 1)) : '0;
  endfunction

  function automatic logic [PlruBits-1:0] plru_touch(input logic [PlruBits-1:0] t,
                                                     input logic [IdxBits-1:0] idx);
    int n;
    plru_touch = t;
    n = 0;
    for (int l = IdxBits - 1; l >= 0; l--) begin
      // point the node away from the touched side
      plru_touch[n] = !idx[l];
      n = 2 * n + 1 + (idx[l] ? 1 : 0);
    end
  endfunction

  logic [IdxBits-1:0] hit_idx, fill_idx, free_idx;
  logic               have_free;
  always_comb begin
    hit_idx = '0;
    fill_idx = '0;
    have_free = 1'b0;
    free_idx = '0;
    if (lookup_i) begin
      for (int i = Entries - 1; i >= 0; i--) if (hit_vec[i]) hit_idx = IdxBits'(i);
    end
    if (fill_i) begin
      // A fill happens while the requester still presents the same page: if a (stale) entry
      // for it hits, e.g. a D=0 entry being upgraded under Svadu, it is replaced in place.
      // Otherwise the lowest free entry, otherwise the pseudo-LRU victim.
      for (int i = Entries - 1; i >= 0; i--)
        if (!valid_q[i]) begin have_free = 1'b1; free_idx = IdxBits'(i); end
      fill_idx = hit_o ? hit_idx : (have_free ? free_idx : plru_victim(plru_q));
    end
  end

  // ---- flush matching (evaluated only for an sfence.vma) ----
  logic [Entries-1:0] flush_vec;
  always_comb begin
    flush_vec = '0;
    if (flush_i) begin
      for (int i = 0; i < Entries; i++) begin
        flush_vec[i] = 1'b1;
        if (flush_va_i && !page_match(vpn_q[i], mega_q[i], flush_vaddr_i)) flush_vec[i] = 1'b0;
        if (flush_asid_i && (flags_q[i][5] || asid_q[i] != flush_asid_val_i)) flush_vec[i] = 1'b0;
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      valid_q <= '0;
      plru_q  <= '0;
    end else begin
      if (flush_i) begin
        valid_q <= valid_q & ~flush_vec;
      end else if (fill_i) begin
        valid_q[fill_idx] <= 1'b1;
        plru_q <= plru_touch(plru_q, fill_idx);
      end else if (use_i && hit_o) begin
        plru_q <= plru_touch(plru_q, hit_idx);
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (fill_i && !flush_i) begin
      vpn_q[fill_idx]   <= fill_vpn_i;
      asid_q[fill_idx]  <= fill_asid_i;
      ppn_q[fill_idx]   <= fill_ppn_i;
      flags_q[fill_idx] <= fill_pte_flags_i;
      mega_q[fill_idx]  <= fill_mega_i;
    end
  end
endmodule
