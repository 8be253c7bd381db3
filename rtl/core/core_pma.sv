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
  // A window [base, base+size): when size is a power of two and base a multiple of it (every
  // window of the platform map, and the RAM for a power-of-two RamBytes), the check is a
  // compare of the address bits above the size with constant bits (no carry chain);
  // otherwise two arithmetic compares.
  function automatic logic in_window(input logic [31:0] addr, input logic [31:0] base,
                                     input logic [31:0] size);
    if (size != 32'd0 && (size & (size - 32'd1)) == 32'd0 && (base & (size - 32'd1)) == 32'd0)
      in_window = ((addr ^ base) & ~(size - 32'd1)) == 32'd0;
    else
      in_window = (addr >= base) && ((addr - base) < size);
  endfunction

  logic in_ram, in_finisher, in_clint, in_uart;
  assign in_ram      = in_window(addr_i, `RAM_BASE, RamBytes);
  assign in_finisher = in_window(addr_i, `FINISHER_BASE, `FINISHER_SIZE);
  assign in_clint    = in_window(addr_i, `CLINT_BASE, `CLINT_SIZE);
  assign in_uart     = in_window(addr_i, `UART_BASE, `UART_SIZE);
  assign ram_o    = in_ram;
  assign exists_o = in_ram || in_finisher || in_clint || in_uart;
endmodule
