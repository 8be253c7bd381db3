// core_pma.sv : physical memory attributes of the platform (combinational).
//
// Says whether a physical address exists, whether it is RAM (cacheable, executable, supports
// AMO/LR/SC) or a device register window. The map is the platform contract of
// docs/platform.md (QEMU virt layout); the RAM size is a parameter. Addresses that match
// nothing raise access faults in the translation step, so no bus access can ever hang.
`include "arch.vh"

module core_pma #(
  parameter logic [31:0] RamBytes = 32'h0100_0000
) (
  input  logic [31:0] addr_i,
  output logic        exists_o,
  output logic        ram_o
);
  logic in_ram, in_finisher, in_clint, in_uart;
  assign in_ram      = (addr_i >= `RAM_BASE) && ((addr_i - `RAM_BASE) < RamBytes);
  assign in_finisher = (addr_i >= `FINISHER_BASE) && (addr_i < `FINISHER_BASE + `FINISHER_SIZE);
  assign in_clint    = (addr_i >= `CLINT_BASE) && (addr_i < `CLINT_BASE + `CLINT_SIZE);
  assign in_uart     = (addr_i >= `UART_BASE) && (addr_i < `UART_BASE + `UART_SIZE);
  assign ram_o    = in_ram;
  assign exists_o = in_ram || in_finisher || in_clint || in_uart;
endmodule
