/* vm-svade — vm-svadu with menvcfgh.ADUE = 0 (Svade): every access that would need an
 * A or D update is a page fault of its type (load/LR 13, store/AMO/SC 15, fetch 12), a
 * store that hits a translation cached with D = 0 too, and no PTE changes; then ADUE
 * switched on and off under a cached D = 0 translation, and (Svadu) an AMO on its own
 * PTE reads it with A and D set. Not on QEMU: QEMU 7.2 always sets A/D in hardware (no
 * ADUE), and its AMO on its own PTE reads it without D. */
#define VM_SVADE 1
#define VM_AD_NAME "vm-svade"
#include "vm-svadu.S"
