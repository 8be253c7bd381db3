// core_ooc.sv : the core for out-of-context synthesis figures (synth/synth.mk): its buses,
// interrupts and time are ports; the retire port (simulation only) is left open, as in a
// board build, so that synthesis removes its registers.
`default_nettype none

module core_ooc #(
  parameter logic [31:0] RamBytes = 32'h0100_0000,
  parameter int PmpEntries  = 16,
  parameter int HpmCounters = 8,
  parameter int BtbEntries  = 64,
  parameter int ItlbEntries = 16,
  parameter int DtlbEntries = 16,
  parameter int MulDiv      = 1,
  parameter int FastMul     = 1,
  parameter int MemAddrReg  = 0,
  parameter int RfReadBoth  = 0
) (
  input  wire logic        clk_i,
  input  wire logic        rst_ni,
  output logic             ibus_req_o,
  output logic      [31:0] ibus_addr_o,
  input  wire logic        ibus_gnt_i,
  input  wire logic [31:0] ibus_rdata_i,
  output logic             dbus_req_o,
  output logic             dbus_we_o,
  output logic      [3:0]  dbus_be_o,
  output logic      [31:0] dbus_addr_o,
  output logic      [31:0] dbus_wdata_o,
  input  wire logic        dbus_gnt_i,
  input  wire logic [31:0] dbus_rdata_i,
  output logic             dbus_claim_o,
  input  wire logic        irq_m_soft_i,
  input  wire logic        irq_m_timer_i,
  input  wire logic        irq_m_ext_i,
  input  wire logic [63:0] mtime_i
);
  core #(
    .RamBytes(RamBytes), .PmpEntries(PmpEntries), .HpmCounters(HpmCounters),
    .BtbEntries(BtbEntries), .ItlbEntries(ItlbEntries), .DtlbEntries(DtlbEntries),
    .MulDiv(MulDiv), .FastMul(FastMul),
    .MemAddrReg(MemAddrReg), .RfReadBoth(RfReadBoth)
  ) u_core (
    .clk_i, .rst_ni,
    .ibus_req_o, .ibus_addr_o, .ibus_gnt_i, .ibus_rdata_i,
    .dbus_req_o, .dbus_we_o, .dbus_be_o, .dbus_addr_o, .dbus_wdata_o, .dbus_gnt_i,
    .dbus_rdata_i, .dbus_claim_o, .irq_m_soft_i, .irq_m_timer_i, .irq_m_ext_i, .mtime_i,
    .rvfi_valid_o(), .rvfi_order_o(), .rvfi_insn_o(), .rvfi_pc_o(), .rvfi_next_pc_o(),
    .rvfi_priv_o(), .rvfi_rd_addr_o(), .rvfi_rd_wdata_o(), .rvfi_mem_addr_o(),
    .rvfi_mem_paddr_o(), .rvfi_mem_rmask_o(), .rvfi_mem_wmask_o(), .rvfi_mem_rdata_o(),
    .rvfi_mem_wdata_o(), .rvfi_trap_o(), .rvfi_intr_o(), .rvfi_cause_o(), .rvfi_tval_o(),
    .rvfi_mip_o()
  );
endmodule

`default_nettype wire
