// core_lsu.sv : load/store unit helpers: alignment, byte lanes, AMO arithmetic, LR/SC
// reservation (EX stage) and load data extraction (MEM stage). Combinational except for the
// reservation register.
//
// EX side: from the access size and the address low bits it produces the misaligned flag
// (every unaligned access traps, priv spec 3.6.3.x: no misaligned support here), the byte
// lanes and the store data placed on its lanes. amo_result_o combines the old memory word
// with rs2 for AMO*.W. The reservation is set by a retiring LR, consumed by SC (sc_ok_o),
// and cleared by SC, trap entry, mret and sret (docs/csr.md).
// The reservation holds a physical address (what the translation step returned).
// MEM side: m_rdata_i is the bus word; the loaded value is shifted down and sign/zero
// extended according to the access recorded for the MEM stage.
module core_lsu (
  input  logic        clk_i,
  input  logic        rst_ni,
  // EX stage
  input  logic [1:0]  addr_lo_i,     // address bits 1:0
  input  logic [1:0]  size_i,        // 0 byte, 1 half, 2 word
  input  logic [31:0] wdata_i,       // rs2
  output logic        misaligned_o,
  output logic [3:0]  be_o,
  output logic [31:0] wdata_o,
  input  logic [4:0]  amo_fn_i,
  input  logic [31:0] amo_old_i,
  output logic [31:0] amo_result_o,
  // reservation (physical word address)
  input  logic [31:2] resv_addr_i,   // physical word address of the LR/SC in EX
  input  logic        lr_commit_i,   // LR retires: reserve resv_addr_i
  input  logic        sc_commit_i,   // SC retires: reservation is consumed
  input  logic        resv_clear_i,  // trap entry, mret, sret
  output logic        sc_ok_o,       // an SC at addr_i would succeed
  // MEM stage
  input  logic [1:0]  m_addr_lo_i,
  input  logic [1:0]  m_size_i,
  input  logic        m_unsigned_i,
  input  logic [31:0] m_rdata_i,
  output logic [31:0] m_load_o
);
  // ---- alignment and lanes ----
  always_comb begin
    case (size_i)
      2'd0: begin misaligned_o = 1'b0;            be_o = 4'b0001 << addr_lo_i; end
      2'd1: begin misaligned_o = addr_lo_i[0];    be_o = addr_lo_i[1] ? 4'b1100 : 4'b0011; end
      default: begin misaligned_o = |addr_lo_i;   be_o = 4'b1111; end
    endcase
    case (size_i)
      2'd0:    wdata_o = {4{wdata_i[7:0]}};
      2'd1:    wdata_o = {2{wdata_i[15:0]}};
      default: wdata_o = wdata_i;
    endcase
  end

  // ---- AMO arithmetic (unprivileged spec 8.4) ----
  // One 33-bit adder serves amoadd (old + rs2) and the min/max comparisons (old - rs2 on
  // sign- or zero-extended operands: bit 32 is old < rs2).
  logic        amo_sub, amo_sgn, amo_lt;
  logic [32:0] amo_sum;
  assign amo_sub = amo_fn_i[4];                                   // min max minu maxu
  assign amo_sgn = !amo_fn_i[3];                                  // min max
  assign amo_sum = {amo_sgn && amo_old_i[31], amo_old_i}
                 + ({amo_sgn && wdata_i[31], wdata_i} ^ {33{amo_sub}}) + {32'd0, amo_sub};
  assign amo_lt  = amo_sum[32];
  always_comb begin
    case (amo_fn_i)
      5'b00001: amo_result_o = wdata_i;                          // amoswap
      5'b00000: amo_result_o = amo_sum[31:0];                    // amoadd
      5'b00100: amo_result_o = amo_old_i ^ wdata_i;              // amoxor
      5'b01100: amo_result_o = amo_old_i & wdata_i;              // amoand
      5'b01000: amo_result_o = amo_old_i | wdata_i;              // amoor
      5'b10000,                                                  // amomin
      5'b11000: amo_result_o = amo_lt ? amo_old_i : wdata_i;     // amominu
      default:  amo_result_o = amo_lt ? wdata_i : amo_old_i;     // amomax, amomaxu
    endcase
  end

  // ---- LR/SC reservation (word granularity) ----
  logic        resv_valid_q;
  logic [29:0] resv_addr_q;
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      resv_valid_q <= 1'b0;
      resv_addr_q  <= 30'd0;
    end else if (resv_clear_i || sc_commit_i) begin
      resv_valid_q <= 1'b0;
    end else if (lr_commit_i) begin
      resv_valid_q <= 1'b1;
      resv_addr_q  <= resv_addr_i;
    end
  end
  assign sc_ok_o = resv_valid_q && (resv_addr_q == resv_addr_i);

  // ---- load extraction ----
  logic [15:0] half;
  logic [7:0]  byte_v;
  assign half   = m_addr_lo_i[1] ? m_rdata_i[31:16] : m_rdata_i[15:0];
  assign byte_v = m_addr_lo_i[0] ? half[15:8] : half[7:0];
  always_comb begin
    case (m_size_i)
      2'd0:    m_load_o = m_unsigned_i ? {24'd0, byte_v} : {{24{byte_v[7]}}, byte_v};
      2'd1:    m_load_o = m_unsigned_i ? {16'd0, half}   : {{16{half[15]}}, half};
      default: m_load_o = m_rdata_i;
    endcase
  end
endmodule
