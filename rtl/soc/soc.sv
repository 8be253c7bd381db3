// soc.sv : the system on chip — core, RAM, UART, CLINT and finisher on the QEMU-virt memory
// map (docs/platform.md). The same module is the simulation top's DUT and the board tops'
// core (synth/); only the board top, clocking and memory primitives differ.
//
// Interconnect: the instruction bus goes to the RAM's fetch port (the core only fetches from
// RAM: its translation step raises access faults for anything else). The data bus is decoded
// by address to one target; the target's read data is selected in the response cycle.
// Every target answers in one cycle. With the default two-port RAM both grants are always
// high; with RamPorts = 1 (a board whose RAM blocks have one port) the RAM arbitrates
// between fetch and data and the grants come from it (rtl/soc/ram.sv).
`include "arch.vh"

module soc #(
  parameter int RamBytes    = 32'h0100_0000,
  parameter int MtimeDiv    = 1,
  parameter int PmpEntries  = 16,
  parameter int HpmCounters = 8,
  parameter int BtbEntries  = 64,
  parameter int ItlbEntries = 16,
  parameter int DtlbEntries = 16,
  parameter int MulDiv      = 1,      // 0: no M extension (core.sv)
  parameter int FastMul     = 1,      // 1: one-cycle multiplier; 2: two cycles; 0: iterative (core_muldiv)
  parameter int MemAddrReg  = 0,      // 1: registered load/store address (core.sv; FPGA timing)
  parameter int RfReadBoth  = 0,      // 1: register file read for ID and EX, two copies (core.sv; FPGA timing)
  parameter int RamPorts    = 2,      // 2: two-port RAM; 1: one port shared by fetch and data
  parameter     RamInitFile = ""      // $readmemh image of the RAM (synthesis; "" = none)
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // Console byte stream
  output logic        uart_tx_valid_o,
  output logic [7:0]  uart_tx_data_o,
  input  logic        uart_tx_ready_i,    // the byte stream's consumer can take a byte (LSR.THRE)
  input  logic        uart_rx_valid_i,
  input  logic [7:0]  uart_rx_data_i,
  output logic        uart_rx_ready_o,
  // Finisher
  output logic        finish_valid_o,
  output logic [31:0] finish_data_o,
  // The CLINT's mtime (a board derives its heartbeat LED from it)
  output logic [63:0] mtime_o,
  // Retire port
  output logic        rvfi_valid_o,
  output logic [63:0] rvfi_order_o,
  output logic [31:0] rvfi_insn_o,
  output logic [31:0] rvfi_pc_o,
  output logic [31:0] rvfi_next_pc_o,
  output logic [1:0]  rvfi_priv_o,
  output logic [4:0]  rvfi_rd_addr_o,
  output logic [31:0] rvfi_rd_wdata_o,
  output logic [31:0] rvfi_mem_addr_o,
  output logic [31:0] rvfi_mem_paddr_o,
  output logic [3:0]  rvfi_mem_rmask_o,
  output logic [3:0]  rvfi_mem_wmask_o,
  output logic [31:0] rvfi_mem_rdata_o,
  output logic [31:0] rvfi_mem_wdata_o,
  output logic        rvfi_trap_o,
  output logic        rvfi_intr_o,
  output logic [31:0] rvfi_cause_o,
  output logic [31:0] rvfi_tval_o,
  output logic [31:0] rvfi_mip_o
);
  // ---------------------------------------------------------------- core
  logic        ibus_req, ibus_gnt, dbus_req, dbus_gnt, dbus_we, dbus_claim;
  logic [31:0] ibus_addr, ibus_rdata, dbus_addr, dbus_wdata, dbus_rdata;
  logic [3:0]  dbus_be;
  logic        msip, mtip, uart_irq;
  logic [63:0] mtime;
  assign mtime_o = mtime;

  core #(
    .RamBytes(RamBytes), .PmpEntries(PmpEntries), .HpmCounters(HpmCounters),
    .BtbEntries(BtbEntries), .ItlbEntries(ItlbEntries), .DtlbEntries(DtlbEntries),
    .MulDiv(MulDiv), .FastMul(FastMul),
    .MemAddrReg(MemAddrReg), .RfReadBoth(RfReadBoth)
  ) u_core (
    .clk_i, .rst_ni,
    .ibus_req_o(ibus_req), .ibus_addr_o(ibus_addr), .ibus_gnt_i(ibus_gnt), .ibus_rdata_i(ibus_rdata),
    .dbus_req_o(dbus_req), .dbus_we_o(dbus_we), .dbus_be_o(dbus_be), .dbus_addr_o(dbus_addr),
    .dbus_wdata_o(dbus_wdata), .dbus_gnt_i(dbus_gnt), .dbus_rdata_i(dbus_rdata),
    .dbus_claim_o(dbus_claim),
    .irq_m_soft_i(msip), .irq_m_timer_i(mtip), .irq_m_ext_i(uart_irq), .mtime_i(mtime),
    .rvfi_valid_o, .rvfi_order_o, .rvfi_insn_o, .rvfi_pc_o, .rvfi_next_pc_o, .rvfi_priv_o,
    .rvfi_rd_addr_o, .rvfi_rd_wdata_o, .rvfi_mem_addr_o, .rvfi_mem_paddr_o,
    .rvfi_mem_rmask_o, .rvfi_mem_wmask_o, .rvfi_mem_rdata_o, .rvfi_mem_wdata_o,
    .rvfi_trap_o, .rvfi_intr_o, .rvfi_cause_o, .rvfi_tval_o, .rvfi_mip_o
  );

  // ---------------------------------------------------------------- data bus decode
  // The device regions are powers of two in size and aligned to it (arch.tbl), so each is
  // selected by comparing the address bits above its size: no adders or magnitude
  // comparators. The same holds for the RAM when RamBytes is a power of two dividing
  // RAM_BASE (every configuration; another size falls back to a range compare).
  localparam bit RamPow2 = ((RamBytes & (RamBytes - 1)) == 0) && ((`RAM_BASE % RamBytes) == 0);
  logic sel_ram, sel_uart, sel_clint, sel_fin;
  logic [31:0] ram_off_d, ram_off_i;     // byte offsets of the data and fetch addresses
  if (RamPow2) begin : g_ram_mask
    localparam logic [31:0] RamMask = 32'(RamBytes) - 32'd1;
    assign sel_ram   = (dbus_addr & ~RamMask) == `RAM_BASE;
    assign ram_off_d = dbus_addr & RamMask;
    assign ram_off_i = ibus_addr & RamMask;
  end else begin : g_ram_range
    assign sel_ram   = (dbus_addr >= `RAM_BASE) && ((dbus_addr - `RAM_BASE) < RamBytes);
    assign ram_off_d = dbus_addr - `RAM_BASE;
    assign ram_off_i = ibus_addr - `RAM_BASE;
  end
  assign sel_uart  = (dbus_addr & ~(`UART_SIZE - 32'd1)) == `UART_BASE;
  assign sel_clint = (dbus_addr & ~(`CLINT_SIZE - 32'd1)) == `CLINT_BASE;
  assign sel_fin   = (dbus_addr & ~(`FINISHER_SIZE - 32'd1)) == `FINISHER_BASE;

  typedef enum logic [1:0] {RSP_RAM, RSP_UART, RSP_CLINT, RSP_NONE} rsp_e;
  rsp_e rsp_q;
  always_ff @(posedge clk_i) begin
    if (!rst_ni)              rsp_q <= RSP_NONE;
    else if (dbus_req) begin
      if (sel_ram)            rsp_q <= RSP_RAM;
      else if (sel_uart)      rsp_q <= RSP_UART;
      else if (sel_clint)     rsp_q <= RSP_CLINT;
      else                    rsp_q <= RSP_NONE;
    end
  end

  logic [31:0] ram_rdata, clint_rdata;
  logic [7:0]  uart_rdata;
  logic [1:0]  uart_lane_q;
  always_ff @(posedge clk_i) if (dbus_req) uart_lane_q <= dbus_addr[1:0];

  always_comb begin
    case (rsp_q)
      RSP_RAM:   dbus_rdata = ram_rdata;
      RSP_UART:  dbus_rdata = {24'd0, uart_rdata} << {uart_lane_q, 3'b000};
      RSP_CLINT: dbus_rdata = clint_rdata;
      default:   dbus_rdata = 32'd0;
    endcase
  end

  // ---------------------------------------------------------------- targets
  // The RAM grants both buses (data wins when it has one port); devices never wait.
  ram #(.Bytes(RamBytes), .Ports(RamPorts), .InitFile(RamInitFile)) u_ram (
    .clk_i, .rst_ni,
    .a_req_i(ibus_req), .a_addr_i(ram_off_i), .a_gnt_o(ibus_gnt),
    .a_rdata_o(ibus_rdata),
    .b_req_i(dbus_req && sel_ram), .b_claim_i(dbus_claim), .b_we_i(dbus_we), .b_be_i(dbus_be),
    .b_addr_i(ram_off_d), .b_wdata_i(dbus_wdata), .b_gnt_o(dbus_gnt),
    .b_rdata_o(ram_rdata)
  );

  // The UART registers are bytes: the lane of the access selects the write byte.
  logic [7:0] uart_wbyte;
  assign uart_wbyte = dbus_wdata[dbus_addr[1:0]*8 +: 8];

  uart16550 u_uart (
    .clk_i, .rst_ni,
    .req_i(dbus_req && sel_uart), .we_i(dbus_we), .addr_i(dbus_addr[2:0]),
    .wdata_i(uart_wbyte), .rdata_o(uart_rdata), .irq_o(uart_irq),
    .tx_valid_o(uart_tx_valid_o), .tx_data_o(uart_tx_data_o), .tx_ready_i(uart_tx_ready_i),
    .rx_valid_i(uart_rx_valid_i), .rx_data_i(uart_rx_data_i), .rx_ready_o(uart_rx_ready_o)
  );

  clint #(.MtimeDiv(MtimeDiv)) u_clint (
    .clk_i, .rst_ni,
    .req_i(dbus_req && sel_clint), .we_i(dbus_we), .be_i(dbus_be), .addr_i(dbus_addr[15:2]),
    .wdata_i(dbus_wdata), .rdata_o(clint_rdata), .msip_o(msip), .mtip_o(mtip), .mtime_o(mtime)
  );

  finisher u_finisher (
    .clk_i, .rst_ni,
    .req_i(dbus_req && sel_fin), .we_i(dbus_we), .addr_i(dbus_addr[11:0]),
    .wdata_i(dbus_wdata), .finish_valid_o(finish_valid_o), .finish_data_o(finish_data_o)
  );
endmodule
