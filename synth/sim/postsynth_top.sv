// postsynth_top.sv : the SoC as the iCEBreaker build configures it (config.vh: parameters,
// one-port SPRAM RAM with its boot copier, program image), with only the console byte
// stream and the finisher as ports — the design that `make postsynth-check` synthesizes
// to iCE40 cells and simulates (synth/sim/postsynth_tb.sv).
`default_nettype none
`include "config.vh"

module postsynth_top (
  input  wire logic        clk_i,
  input  wire logic        rst_ni,
  output logic             tx_valid_o,
  output logic      [7:0]  tx_data_o,
  output logic             finish_valid_o,
  output logic      [31:0] finish_data_o
);
  soc #(
    .RamBytes(`CFG_RAM_BYTES), .MtimeDiv(`CFG_MTIME_DIV), .PmpEntries(`CFG_PMP_ENTRIES),
    .HpmCounters(`CFG_HPM_COUNTERS), .BtbEntries(`CFG_BTB_ENTRIES),
    .ItlbEntries(`CFG_ITLB_ENTRIES), .DtlbEntries(`CFG_DTLB_ENTRIES),
    .MulDiv(`CFG_MUL_DIV), .FastMul(`CFG_FAST_MUL), .MemAddrReg(`CFG_MEM_ADDR_REG), .RamPorts(`CFG_RAM_PORTS), .RamInitFile(`CFG_PROGRAM_HEX)
  ) u_soc (
    .clk_i, .rst_ni,
    .uart_tx_valid_o(tx_valid_o), .uart_tx_data_o(tx_data_o), .uart_tx_ready_i(1'b1),
    .uart_rx_valid_i(1'b0), .uart_rx_data_i(8'd0), .uart_rx_ready_o(),
    .finish_valid_o, .finish_data_o, .mtime_o(),
    .rvfi_valid_o(), .rvfi_order_o(), .rvfi_insn_o(), .rvfi_pc_o(), .rvfi_next_pc_o(),
    .rvfi_priv_o(), .rvfi_rd_addr_o(), .rvfi_rd_wdata_o(), .rvfi_mem_addr_o(),
    .rvfi_mem_paddr_o(), .rvfi_mem_rmask_o(), .rvfi_mem_wmask_o(), .rvfi_mem_rdata_o(),
    .rvfi_mem_wdata_o(), .rvfi_trap_o(), .rvfi_intr_o(), .rvfi_cause_o(), .rvfi_tval_o(),
    .rvfi_mip_o()
  );
endmodule

`default_nettype wire
