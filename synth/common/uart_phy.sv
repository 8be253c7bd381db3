// uart_phy.sv : serial line for the SoC's UART byte stream — 8N1, no parity, no flow control.
//
// Transmit: the SoC's UART hands over a byte per THR write (tx_valid_i); bytes queue in a
// FIFO of TxDepth bytes (block RAM) and are sent at Baud. tx_ready_o (FIFO not full) is the
// UART's LSR.THRE, so software polling THRE waits for room; a byte written anyway while the
// FIFO is full is dropped and tx_overflow_o stays set until reset. Receive: the line is synchronised, a start bit is confirmed at its middle,
// the 8 data bits are sampled at their middles and a valid stop bit delivers the byte; it is
// offered on rx_valid_o/rx_data_o until the SoC takes it (rx_ready_i); a byte that arrives
// while one is still waiting is dropped.
`default_nettype none

module uart_phy #(
  parameter int ClkHz   = 12_000_000,
  parameter int Baud    = 115_200,
  parameter int TxDepth = 512              // power of two
) (
  input  wire logic       clk_i,
  input  wire logic       rst_ni,
  // Byte stream from/to the SoC
  input  wire logic       tx_valid_i,
  input  wire logic [7:0] tx_data_i,
  output logic            rx_valid_o,
  output logic      [7:0] rx_data_o,
  input  wire logic       rx_ready_i,
  output logic            tx_ready_o,
  output logic            tx_overflow_o,
  // Serial line
  output logic            txd_o,
  input  wire logic       rxd_i
);
  localparam int Div  = (ClkHz + Baud / 2) / Baud;    // clock cycles per bit
  localparam int DW   = $clog2(Div + 1);
  localparam int PW   = $clog2(TxDepth);

  // ------------------------------------------------------------------ transmit FIFO
  // a read that collides with a write is never used (the FIFO was empty): no_rw_check
  (* no_rw_check *) logic [7:0] fifo [0:TxDepth-1];
  logic [PW:0] wr_q, rd_q;                // one extra bit tells full from empty
  logic        empty, full, pop;
  logic [7:0]  head_q;
  assign empty = (wr_q == rd_q);
  assign full  = (wr_q[PW-1:0] == rd_q[PW-1:0]) && (wr_q[PW] != rd_q[PW]);
  assign tx_ready_o = !full;

  always_ff @(posedge clk_i) begin
    if (tx_valid_i && !full) fifo[wr_q[PW-1:0]] <= tx_data_i;
    head_q <= fifo[rd_q[PW-1:0]];         // synchronous read (block RAM)
  end

  // ------------------------------------------------------------------ transmitter
  // IDLE -> FETCH (head_q is read this cycle) -> SEND (10 bits: start, 8 data, stop)
  typedef enum logic [1:0] {TX_IDLE, TX_FETCH, TX_SEND} tx_state_e;
  tx_state_e   tx_state_q;
  logic [9:0]  tx_shift_q;                // bit 0 goes out first
  logic [3:0]  tx_bits_q;
  logic [DW-1:0] tx_cnt_q;
  assign pop = (tx_state_q == TX_IDLE) && !empty;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      wr_q <= '0;
      rd_q <= '0;
      tx_state_q <= TX_IDLE;
      tx_shift_q <= '1;
      tx_bits_q <= 4'd0;
      tx_cnt_q <= '0;
      tx_overflow_o <= 1'b0;
    end else begin
      if (tx_valid_i) begin
        if (full) tx_overflow_o <= 1'b1;
        else      wr_q <= wr_q + 1'b1;
      end
      case (tx_state_q)
        TX_IDLE: if (pop) tx_state_q <= TX_FETCH;
        TX_FETCH: begin
          // head_q holds the word at rd_q (read at the edge that entered FETCH)
          tx_shift_q <= {1'b1, head_q, 1'b0};
          tx_bits_q  <= 4'd10;
          tx_cnt_q   <= DW'(Div - 1);
          rd_q       <= rd_q + 1'b1;
          tx_state_q <= TX_SEND;
        end
        default: begin
          if (tx_cnt_q != '0) begin
            tx_cnt_q <= tx_cnt_q - 1'b1;
          end else if (tx_bits_q == 4'd1) begin
            tx_state_q <= TX_IDLE;
            tx_shift_q <= '1;
          end else begin
            tx_bits_q  <= tx_bits_q - 4'd1;
            tx_shift_q <= {1'b1, tx_shift_q[9:1]};
            tx_cnt_q   <= DW'(Div - 1);
          end
        end
      endcase
    end
  end
  assign txd_o = tx_shift_q[0];

  // ------------------------------------------------------------------ receiver
  logic [2:0]  rxd_sync_q;                // two synchroniser stages, then the sampled value
  logic        rxd;
  assign rxd = rxd_sync_q[2];

  typedef enum logic [1:0] {RX_IDLE, RX_START, RX_DATA, RX_STOP} rx_state_e;
  rx_state_e   rx_state_q;
  logic [DW-1:0] rx_cnt_q;
  logic [2:0]  rx_bit_q;
  logic [7:0]  rx_shift_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rxd_sync_q <= 3'b111;
      rx_state_q <= RX_IDLE;
      rx_cnt_q <= '0;
      rx_bit_q <= 3'd0;
      rx_shift_q <= 8'd0;
      rx_valid_o <= 1'b0;
      rx_data_o <= 8'd0;
    end else begin
      rxd_sync_q <= {rxd_sync_q[1:0], rxd_i};
      if (rx_valid_o && rx_ready_i) rx_valid_o <= 1'b0;
      case (rx_state_q)
        RX_IDLE: if (!rxd) begin                      // falling edge: wait half a bit
          rx_state_q <= RX_START;
          rx_cnt_q   <= DW'(Div / 2 - 1);
        end
        RX_START: begin
          if (rx_cnt_q != '0) rx_cnt_q <= rx_cnt_q - 1'b1;
          else if (rxd)       rx_state_q <= RX_IDLE;  // a glitch, not a start bit
          else begin
            rx_state_q <= RX_DATA;
            rx_cnt_q   <= DW'(Div - 1);
            rx_bit_q   <= 3'd0;
          end
        end
        RX_DATA: begin
          if (rx_cnt_q != '0) rx_cnt_q <= rx_cnt_q - 1'b1;
          else begin
            rx_shift_q <= {rxd, rx_shift_q[7:1]};    // LSB first
            rx_cnt_q   <= DW'(Div - 1);
            if (rx_bit_q == 3'd7) rx_state_q <= RX_STOP;
            rx_bit_q   <= rx_bit_q + 3'd1;
          end
        end
        default: begin                                // RX_STOP
          if (rx_cnt_q != '0) rx_cnt_q <= rx_cnt_q - 1'b1;
          else begin
            rx_state_q <= RX_IDLE;
            if (rxd && !(rx_valid_o && !rx_ready_i)) begin
              rx_valid_o <= 1'b1;
              rx_data_o  <= rx_shift_q;
            end
          end
        end
      endcase
    end
  end
endmodule

`default_nettype wire
