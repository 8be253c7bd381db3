/* vm-sfence-tlb — vm-sfence with the TLB proof (build/vsim only: what a TLB keeps is
 * microarchitectural): for each SFENCE.VMA form, the entries it does not cover stay
 * cached (no D-TLB miss when they are used again, HPM_EVENT_DTLB_MISS) and each covered
 * one misses once; the ASID forms keep global entries; on the instruction side a code
 * page survives fences for other addresses and ASIDs and is flushed by its own ASID's
 * (HPM_EVENT_ITLB_MISS). */
#define VM_SFENCE_TLB 1
#define VM_SFENCE_NAME "vm-sfence-tlb"
#include "vm-sfence.S"
