// core_defs.vh : encodings shared between the core's own modules (not architectural).
// Architectural constants (CSR numbers, causes, PTE bits, memory map) are in arch/arch.vh.
`ifndef CORE_DEFS_VH
`define CORE_DEFS_VH

// ALU operations (core_alu)
`define ALU_ADD    4'd0
`define ALU_SUB    4'd1
`define ALU_SLL    4'd2
`define ALU_SLT    4'd3
`define ALU_SLTU   4'd4
`define ALU_XOR    4'd5
`define ALU_SRL    4'd6
`define ALU_SRA    4'd7
`define ALU_OR     4'd8
`define ALU_AND    4'd9

// Which value an instruction writes to rd
`define RES_ALU    3'd0   // ALU result
`define RES_PC4    3'd1   // link address (jal/jalr)
`define RES_CSR    3'd2   // old CSR value
`define RES_MD     3'd3   // multiply/divide unit
`define RES_LOAD   3'd4   // load data, arrives in the MEM stage
`define RES_AMO    3'd5   // AMO old value / SC status, known at the end of EX

// Memory access kinds seen by the MMU (translation step)
`define ACC_FETCH  2'd0
`define ACC_LOAD   2'd1
`define ACC_STORE  2'd2   // stores, SC and AMOs (AMOs need both R and W)
`define ACC_AMO    2'd3

// CSR operations (funct3[1:0])
`define CSROP_RW   2'd1
`define CSROP_RS   2'd2
`define CSROP_RC   2'd3

`endif
