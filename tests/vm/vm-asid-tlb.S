/* vm-asid-tlb — vm-asid with the TLB proof (build/vsim only: TLB misses and walks are
 * microarchitectural): after both address spaces were used once, switching satp between
 * them (no sfence.vma) while loading, fetching and using a global page causes no D-TLB
 * miss, no I-TLB miss and no page walk (mhpmevent = HPM_EVENT_DTLB_MISS, _ITLB_MISS,
 * _PAGE_WALK, read from S-mode through mcounteren). */
#define VM_ASID_TLB 1
#define VM_ASID_NAME "vm-asid-tlb"
#include "vm-asid.S"
