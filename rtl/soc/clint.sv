// clint.sv : core-local interruptor: msip (+0x0), mtimecmp (+0x4000), mtime (+0xBFF8).
//
// 32-bit registers with byte-lane writes; mtime and mtimecmp are 64-bit pairs. mtime counts
// once every MtimeDiv cycles. Outputs: msip_o = msip bit 0, mtip_o = (mtime >= mtimecmp).
// mtimecmp resets to all ones (no timer interrupt until software programs it).
// Area: mtimecmp is stored inverted, so that mtime >= mtimecmp is the carry out of
// mtime + ~mtimecmp + 1, one carry chain without a row of inverters in front of it; the
// comparison is made on the registers' next values and registered (mtip_o is a flop).
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
  logic        mtip_q;                  // mtime_q >= mtimecmp (see cmp_sum)
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

  // Next values of mtime and mtimecmp: the tick, then a write to either half (a write to
  // one half of mtime leaves the other half's tick in place)
  logic [63:0] mtime_d, mtimecmp_n_d;
  always_comb begin
    mtime_d      = tick ? mtime_q + 64'd1 : mtime_q;
    mtimecmp_n_d = mtimecmp_n_q;
    if (req_i && we_i) begin
      case (word)
        16'(`CLINT_MTIMECMP):     mtimecmp_n_d[31:0]  = merge(mtimecmp_n_q[31:0], ~wdata_i, be_i);
        16'(`CLINT_MTIMECMP + 4): mtimecmp_n_d[63:32] = merge(mtimecmp_n_q[63:32], ~wdata_i, be_i);
        16'(`CLINT_MTIME):        mtime_d[31:0]       = merge(mtime_q[31:0], wdata_i, be_i);
        16'(`CLINT_MTIME + 4):    mtime_d[63:32]      = merge(mtime_q[63:32], wdata_i, be_i);
        default: ;
      endcase
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      msip_q <= 1'b0;
      mtimecmp_n_q <= '0;
      mtime_q <= 64'd0;
      mtip_q <= 1'b0;
      div_q <= '0;
      rsel_q <= RselNone;
    end else begin
      div_q <= tick ? '0 : div_q + 1'b1;
      mtime_q <= mtime_d;
      mtimecmp_n_q <= mtimecmp_n_d;
      mtip_q <= cmp_sum[65];
      if (req_i && we_i && word == 16'(`CLINT_MSIP) && be_i[0]) msip_q <= wdata_i[0];
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
  // {mtime, 1} + {~mtimecmp, 1}: bit 0 carries the +1; bit 65 is the carry out = (mtime >=
  // mtimecmp). Compared on the next values and registered (mtip_q), so that mtip_o always
  // equals the comparison of the current registers but comes from a flop (timing: no 64-bit
  // carry chain in front of the core's interrupt logic).
  logic [65:0] cmp_sum;
  assign cmp_sum = {1'b0, mtime_d, 1'b1} + {1'b0, mtimecmp_n_d, 1'b1};
  assign mtip_o  = mtip_q;
  logic unused_sum;
  assign unused_sum = ^cmp_sum[64:0];
  assign mtime_o = mtime_q;
endmodule
