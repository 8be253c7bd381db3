// uart16550.sv : ns16550a-compatible register file (subset) with a byte-stream interface.
//
// Registers (offset = byte address within the 256-byte window; docs/platform.md):
//   0 RBR (read) / THR (write) / DLL (DLAB=1)   1 IER / DLM (DLAB=1)   2 IIR (read) / FCR
//   3 LCR   4 MCR   5 LSR   6 MSR   7 SCR
// Transmit: a THR write emits the byte on tx_valid_o/tx_data_o in the next cycle. THRE and
// TEMT read tx_ready_i: the consumer can take a byte (always 1 in simulation; on a board, the
// serial line's FIFO is not full), so software that polls THRE before each THR write never
// loses a byte. Receive: one holding byte; rx_ready_o is high while it is empty and
// the byte offered on rx_valid_i/rx_data_i is taken when both are high; LSR.DR shows it;
// reading RBR empties it. irq_o: IER[0] with data ready, or IER[1] (transmitter empty).
// Bus: req/we/addr/wdata in cycle t, rdata in cycle t+1.
module uart16550 (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        req_i,
  input  logic        we_i,
  input  logic [2:0]  addr_i,
  input  logic [7:0]  wdata_i,
  output logic [7:0]  rdata_o,
  output logic        irq_o,
  output logic        tx_valid_o,
  output logic [7:0]  tx_data_o,
  input  logic        tx_ready_i,
  input  logic        rx_valid_i,
  input  logic [7:0]  rx_data_i,
  output logic        rx_ready_o
);
  logic [7:0] ier_q, lcr_q, mcr_q, scr_q, dll_q, dlm_q, rbr_q;
  logic       fifo_en_q, rx_full_q;
  logic       dlab;
  assign dlab = lcr_q[7];
  assign rx_ready_o = !rx_full_q;

  logic [7:0] lsr, iir;
  assign lsr = {1'b0, tx_ready_i, tx_ready_i, 4'b0000, rx_full_q};    // TEMT, THRE, DR
  always_comb begin
    if (ier_q[0] && rx_full_q) iir = {fifo_en_q, fifo_en_q, 6'b000100};   // data available
    else if (ier_q[1])         iir = {fifo_en_q, fifo_en_q, 6'b000010};   // THR empty
    else                       iir = {fifo_en_q, fifo_en_q, 6'b000001};   // none
  end
  assign irq_o = (ier_q[0] && rx_full_q) || ier_q[1];

  logic rd_rbr;
  assign rd_rbr = req_i && !we_i && addr_i == 3'd0 && !dlab;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      ier_q <= 8'd0; lcr_q <= 8'd0; mcr_q <= 8'd0; scr_q <= 8'd0;
      dll_q <= 8'd0; dlm_q <= 8'd0; rbr_q <= 8'd0;
      fifo_en_q <= 1'b0; rx_full_q <= 1'b0;
      tx_valid_o <= 1'b0; tx_data_o <= 8'd0; rdata_o <= 8'd0;
    end else begin
      tx_valid_o <= 1'b0;
      if (req_i && we_i) begin
        case (addr_i)
          3'd0: if (dlab) dll_q <= wdata_i; else begin tx_valid_o <= 1'b1; tx_data_o <= wdata_i; end
          3'd1: if (dlab) dlm_q <= wdata_i; else ier_q <= {4'd0, wdata_i[3:0]};
          3'd2: fifo_en_q <= wdata_i[0];
          3'd3: lcr_q <= wdata_i;
          3'd4: mcr_q <= {3'd0, wdata_i[4:0]};
          3'd7: scr_q <= wdata_i;
          default: ;
        endcase
      end
      if (req_i && !we_i) begin
        case (addr_i)
          3'd0: rdata_o <= dlab ? dll_q : rbr_q;
          3'd1: rdata_o <= dlab ? dlm_q : ier_q;
          3'd2: rdata_o <= iir;
          3'd3: rdata_o <= lcr_q;
          3'd4: rdata_o <= mcr_q;
          3'd5: rdata_o <= lsr;
          3'd6: rdata_o <= 8'hB0;                     // DCD, DSR, CTS asserted
          default: rdata_o <= scr_q;
        endcase
      end
      if (rx_valid_i && !rx_full_q) begin
        rx_full_q <= 1'b1;
        rbr_q     <= rx_data_i;
      end else if (rd_rbr) begin
        rx_full_q <= 1'b0;
      end
    end
  end
endmodule
