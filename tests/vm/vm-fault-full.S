/* vm-fault-full — vm-fault plus the cases QEMU 7.2 handles differently (build/vsim and
 * the reference model): every AMO that may not write its page is a store/AMO page fault
 * (cause 15) also when the page is invalid or has no R (QEMU: 13); an SC without a
 * reservation is still translated and checked, so it faults (our choice, docs/csr.md:
 * translation comes before the reservation check; QEMU skips the access of such an SC);
 * a misaligned load/store/AMO to an invalid page is a misaligned exception (4/6: higher
 * priority than page faults, priv spec table 3.7; QEMU performs misaligned accesses). */
#define VM_FAULT_ALL 1
#define VM_FAULT_NAME "vm-fault-full"
#include "vm-fault.S"
