// core_bpred.sv : branch target buffer with 2-bit counters (direct mapped).
//
// Timing: the table is read synchronously with the pc that the IF stage will hold in the next
// cycle (pc_next_i); in that next cycle taken_o/target_o/ctr_o predict the instruction at
// pc_i. This keeps the table in block RAM. Updates come from EX when a branch or jump
// resolves: ctr_i is the counter value read at fetch time (carried down the pipeline),
// hit_i says whether the entry matched then. A not-taken branch that missed is not installed.
// Unconditional jumps (jal, jalr) are always predicted taken when they hit.
// Entries = 0 builds no BTB (small FPGAs): everything is predicted not taken.
module core_bpred #(
  parameter int Entries = 64          // power of two, or 0 (no BTB)
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [31:0] pc_next_i,
  input  logic [31:0] pc_i,
  output logic        hit_o,
  output logic        taken_o,
  output logic [31:0] target_o,
  output logic [1:0]  ctr_o,
  // update
  input  logic        upd_i,
  input  logic [31:0] upd_pc_i,
  input  logic        upd_hit_i,
  input  logic [1:0]  upd_ctr_i,
  input  logic        upd_taken_i,
  input  logic        upd_uncond_i,
  input  logic [31:0] upd_target_i
);
  generate
    if (Entries == 0) begin : g_none
      // No BTB: every fetch is predicted not taken (pc + 4); nothing to update.
      logic unused_bits;
      assign unused_bits = ^{clk_i, rst_ni, pc_next_i, pc_i, upd_i, upd_pc_i, upd_hit_i,
                             upd_ctr_i, upd_taken_i, upd_uncond_i, upd_target_i};
      assign hit_o    = 1'b0;
      assign taken_o  = 1'b0;
      assign target_o = 32'd0;
      assign ctr_o    = 2'b00;
    end else begin : g_btb
      localparam int IdxBits = $clog2(Entries);
      localparam int TagBits = 30 - IdxBits;
      localparam int W = TagBits + 30 + 2 + 1;   // tag, target[31:2], ctr, uncond

      logic [W-1:0]       table_q [0:Entries-1];
      logic [Entries-1:0] valid_q;
      logic [W-1:0]       rd_q;
      logic               rd_valid_q;

      logic [IdxBits-1:0] rd_idx, upd_idx;
      assign rd_idx  = pc_next_i[IdxBits+1:2];
      assign upd_idx = upd_pc_i[IdxBits+1:2];

      always_ff @(posedge clk_i) begin
        rd_q <= table_q[rd_idx];
      end

      // New counter value: saturating, seeded weakly taken on install.
      logic [1:0] ctr_new;
      always_comb begin
        if (!upd_hit_i)                         ctr_new = 2'b10;
        else if (upd_taken_i && upd_ctr_i != 2'b11) ctr_new = upd_ctr_i + 2'd1;
        else if (!upd_taken_i && upd_ctr_i != 2'b00) ctr_new = upd_ctr_i - 2'd1;
        else                                    ctr_new = upd_ctr_i;
      end

      logic do_write;
      assign do_write = upd_i && (upd_hit_i || upd_taken_i);

      always_ff @(posedge clk_i) begin
        if (do_write)
          table_q[upd_idx] <= {upd_pc_i[31:IdxBits+2], upd_target_i[31:2], ctr_new, upd_uncond_i};
      end

      always_ff @(posedge clk_i) begin
        if (!rst_ni) begin
          valid_q <= '0;
          rd_valid_q <= 1'b0;
        end else begin
          if (do_write) valid_q[upd_idx] <= 1'b1;
          rd_valid_q <= valid_q[rd_idx];
        end
      end

      // Bits 1:0 are always zero (aligned pcs); the read index uses only the low pc bits.
      logic unused_bits;
      assign unused_bits = ^{pc_next_i[31:IdxBits+2], pc_next_i[1:0], pc_i[IdxBits+1:0],
                             upd_pc_i[1:0], upd_target_i[1:0]};

      logic [TagBits-1:0] rd_tag;
      logic               rd_uncond;
      assign rd_tag    = rd_q[W-1 -: TagBits];
      assign target_o  = {rd_q[32:3], 2'b00};
      assign ctr_o     = rd_q[2:1];
      assign rd_uncond = rd_q[0];
      assign hit_o     = rd_valid_q && (rd_tag == pc_i[31:IdxBits+2]);
      assign taken_o   = hit_o && (rd_uncond || ctr_o[1]);
    end
  endgenerate
endmodule
