// core_pte_check.sv : permission and A/D rules for a valid leaf PTE (combinational).
//
// priv spec 1.12, 4.3.1 and 4.3.2 step 5 and 7, with the Svadu extension selected by adue_i:
//   fetch needs X; a load needs R, or X when MXR=1; a store/AMO needs W.
//   U-mode may only use pages with U=1. S-mode never executes U pages and may load/store
//   them only when SUM=1.
//   A=0, or D=0 on a store/AMO: with Svade (adue_i=0) a page fault; with Svadu
//   (adue_i=1) the walker must set the bits (update_o) before the access may proceed.
// Used on TLB hits (core_mmu) and on leaves found by the walker (core_ptw).
`include "arch.vh"
`include "core_defs.vh"

module core_pte_check (
  input  logic [7:0] flags_i,        // PTE bits 7:0: D A G U X W R V
  input  logic [1:0] acc_i,          // ACC_FETCH, ACC_LOAD, ACC_STORE (AMO counts as store)
  input  logic [1:0] priv_i,         // effective privilege: PRV_S or PRV_U
  input  logic       sum_i,
  input  logic       mxr_i,
  input  logic       adue_i,
  output logic       page_fault_o,
  output logic       update_o
);
  logic r, w, x, u, a, d, is_store, perm_ok, ad_missing;
  assign r = flags_i[`PTE_R];
  assign w = flags_i[`PTE_W];
  assign x = flags_i[`PTE_X];
  assign u = flags_i[`PTE_U];
  assign a = flags_i[`PTE_A];
  assign d = flags_i[`PTE_D];
  assign is_store = (acc_i == `ACC_STORE) || (acc_i == `ACC_AMO);

  always_comb begin
    case (acc_i)
      `ACC_FETCH: perm_ok = x && (priv_i == `PRV_U ? u : !u);
      `ACC_LOAD:  perm_ok = (r || (mxr_i && x)) && (priv_i == `PRV_U ? u : (!u || sum_i));
      default:    perm_ok = w && (priv_i == `PRV_U ? u : (!u || sum_i));
    endcase
  end

  assign ad_missing   = !a || (is_store && !d);
  assign page_fault_o = !perm_ok || (ad_missing && !adue_i);
  assign update_o     = perm_ok && ad_missing && adue_i;

  logic unused_flags;
  assign unused_flags = ^{flags_i[`PTE_G], flags_i[`PTE_V]};
endmodule
