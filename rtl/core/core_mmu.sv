// core_mmu.sv : the translation step between the pipeline and the buses.
//
// Every instruction fetch (IF stage) and every load/store/AMO (EX stage) passes through here
// before it reaches a bus. A channel presents req/vaddr; in the same cycle the MMU answers
// either ready (paddr valid, or fault with a cause) or not ready (the stage stalls and
// presents the same request again next cycle). Faults are reported to the pipeline, which
// turns them into precise exceptions; a faulting access never reaches the bus.
//
// Current function: satp.MODE = Bare behaviour for every privilege (virtual = physical) and
// the physical-memory-attribute check (core_pma): non-existent addresses raise access faults,
// fetches from devices raise instruction access faults, AMO/LR/SC outside RAM raise access
// faults (LR: load access fault). Answers are combinational (zero added cycles).
// Sv32 translation, the TLBs, the page-table walker and PMP plug in here (see docs/pipeline.md).
`include "arch.vh"

module core_mmu #(
  parameter logic [31:0] RamBytes = 32'h0100_0000
) (
  // Instruction channel
  input  logic        i_req_i,
  input  logic [31:0] i_vaddr_i,
  output logic        i_ready_o,
  output logic [31:0] i_paddr_o,
  output logic        i_fault_o,
  output logic [4:0]  i_cause_o,
  // Data channel
  input  logic        d_req_i,
  input  logic [31:0] d_vaddr_i,
  input  logic        d_store_i,    // store, SC or AMO (store-class causes)
  input  logic        d_atomic_i,   // LR, SC or AMO (needs RAM)
  output logic        d_ready_o,
  output logic [31:0] d_paddr_o,
  output logic        d_fault_o,
  output logic [4:0]  d_cause_o
);
  logic i_exists, i_ram, d_exists, d_ram;

  core_pma #(.RamBytes(RamBytes)) u_pma_i (.addr_i(i_paddr_o), .exists_o(i_exists), .ram_o(i_ram));
  core_pma #(.RamBytes(RamBytes)) u_pma_d (.addr_i(d_paddr_o), .exists_o(d_exists), .ram_o(d_ram));

  // Bare translation
  assign i_paddr_o = i_vaddr_i;
  assign d_paddr_o = d_vaddr_i;

  // Instruction side: only RAM is executable (priv spec 3.6.1, PMA checks).
  assign i_ready_o = i_req_i;
  assign i_fault_o = !(i_exists && i_ram);
  assign i_cause_o = 5'(`CAUSE_FETCH_ACCESS);

  // Data side
  assign d_ready_o = d_req_i;
  assign d_fault_o = d_atomic_i ? !d_ram : !d_exists;
  assign d_cause_o = d_store_i ? 5'(`CAUSE_STORE_ACCESS) : 5'(`CAUSE_LOAD_ACCESS);
endmodule
