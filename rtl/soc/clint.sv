// clint.sv : core-local interruptor: msip (+0x0), mtimecmp (+0x4000), mtime (+0xBFF8).
//
// 32-bit registers with byte-lane writes; mtime and mtimecmp are 64-bit pairs. mtime counts
// once every MtimeDiv cycles. Outputs: msip_o = msip bit 0, mtip_o = (mtime >= mtimecmp).
// mtimecmp resets to all ones (no timer interrupt until software programs it).
// Area: mtimecmp is stored inverted, so that mtime >= mtimecmp is the carry out of
// mtime + ~mtimecmp + 1 (per 32-bit half), carry chains without a row of inverters in front.
// Bus: req/we/be/addr/wdata in cycle t, rdata in cycle t+1: the register picked in cycle t
// (rsel_q), multiplexed from its value in cycle t+1 (mtime may have ticked once since: the
// same as a read one cycle later), so only a 3-bit selection is registered, not 32 data bits.
`include "arch.vh"

module clint #(
  parameter int MtimeDiv = 1
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        req_i,
  input  logic        we_i,
  input  logic [3:0]  be_i,
  input  logic [15:2] addr_i,        // word offset within the CLINT window
  input  logic [31:0] wdata_i,
  output logic [31:0] rdata_o,
  output logic        msip_o,
  output logic        mtip_o,
  output logic [63:0] mtime_o
);
  logic        msip_q;
  logic [63:0] mtimecmp_n_q, mtime_q;   // mtimecmp_n_q = ~mtimecmp
  localparam int DivBits = (MtimeDiv > 1) ? $clog2(MtimeDiv) : 1;
  logic [DivBits-1:0] div_q;          // prescaler: only as wide as MtimeDiv needs
  typedef enum logic [2:0] {RselNone, RselMsip, RselCmpLo, RselCmpHi, RselTimeLo, RselTimeHi} rsel_e;
  rsel_e rsel_q;                      // the register the last read picked

  function automatic logic [31:0] merge(input logic [31:0] old, input logic [31:0] nw,
                                        input logic [3:0] be);
    for (int i = 0; i < 4; i++) merge[i*8 +: 8] = be[i] ? nw[i*8 +: 8] : old[i*8 +: 8];
  endfunction

  logic [15:0] word;
  assign word = {addr_i, 2'b00};

  logic tick;
  assign tick = (32'(div_q) == MtimeDiv - 1);

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      msip_q <= 1'b0;
      mtimecmp_n_q <= '0;
      mtime_q <= 64'd0;
      div_q <= '0;
      rsel_q <= RselNone;
    end else begin
      div_q <= tick ? '0 : div_q + 1'b1;
      if (tick) mtime_q <= mtime_q + 64'd1;
      if (req_i && we_i) begin
        case (word)
          16'(`CLINT_MSIP):         msip_q <= be_i[0] ? wdata_i[0] : msip_q;
          16'(`CLINT_MTIMECMP):     mtimecmp_n_q[31:0]  <= merge(mtimecmp_n_q[31:0], ~wdata_i, be_i);
          16'(`CLINT_MTIMECMP + 4): mtimecmp_n_q[63:32] <= merge(mtimecmp_n_q[63:32], ~wdata_i, be_i);
          16'(`CLINT_MTIME):        mtime_q[31:0]     <= merge(mtime_q[31:0], wdata_i, be_i);
          16'(`CLINT_MTIME + 4):    mtime_q[63:32]    <= merge(mtime_q[63:32], wdata_i, be_i);
          default: ;
        endcase
      end
      if (req_i && !we_i) begin
        case (word)
          16'(`CLINT_MSIP):         rsel_q <= RselMsip;
          16'(`CLINT_MTIMECMP):     rsel_q <= RselCmpLo;
          16'(`CLINT_MTIMECMP + 4): rsel_q <= RselCmpHi;
          16'(`CLINT_MTIME):        rsel_q <= RselTimeLo;
          16'(`CLINT_MTIME + 4):    rsel_q <= RselTimeHi;
          default:                  rsel_q <= RselNone;
        endcase
      end
    end
  end

  always_comb begin
    case (rsel_q)
      RselMsip:   rdata_o = {31'd0, msip_q};
      RselCmpLo:  rdata_o = ~mtimecmp_n_q[31:0];
      RselCmpHi:  rdata_o = ~mtimecmp_n_q[63:32];
      RselTimeLo: rdata_o = mtime_q[31:0];
      RselTimeHi: rdata_o = mtime_q[63:32];
      default:    rdata_o = 32'd0;
    endcase
  end

  assign msip_o  = msip_q;
  // mtime >= mtimecmp in two 32-bit halves side by side (timing: two short carry chains and
  // an equality tree instead of one 64-bit chain): the high half greater, or equal and the
  // low half greater or equal. {x, 1} + {~y, 1}: bit 0 carries the +1, bit 33 is the carry
  // out = (x >= y); mtimecmp_n_q = ~mtimecmp.
  logic [33:0] cmp_lo, cmp_hi;
  logic        hi_eq;
  assign cmp_lo = {1'b0, mtime_q[31:0], 1'b1} + {1'b0, mtimecmp_n_q[31:0], 1'b1};
  assign cmp_hi = {1'b0, mtime_q[63:32], 1'b1} + {1'b0, mtimecmp_n_q[63:32], 1'b1};
  assign hi_eq  = (mtime_q[63:32] == ~mtimecmp_n_q[63:32]);
  assign mtip_o = (cmp_hi[33] && !hi_eq) || (hi_eq && cmp_lo[33]);
  logic unused_sum;
  assign unused_sum = ^{cmp_lo[32:0], cmp_hi[32:0]};
  assign mtime_o = mtime_q;
endmodule
