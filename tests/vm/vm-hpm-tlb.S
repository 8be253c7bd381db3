/* vm-hpm-tlb — vm-hpm plus the microarchitectural MMU events (build/vsim only): exact
 * I-TLB misses, D-TLB misses and page walks for a known sequence, walk cycles within
 * bounds, and mcountinhibit on the D-TLB miss counter. */
#define VM_HPM_TLB 1
#define VM_HPM_NAME "vm-hpm-tlb"
#include "vm-hpm.S"
