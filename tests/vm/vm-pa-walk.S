/* vm-pa-walk — vm-pa plus the rules QEMU 7.2 does not share: a leaf PA of RAM + 2^32 or
 * 2^33 + RAM_BASE faults (QEMU drops PA bits 33:32 and reaches RAM); a PTE read (level 0
 * table, or the root through satp) from PA 0, from RAM + 2^32, from past the end of RAM or
 * from the UART is an access fault of the original access type (fetch 1, load/LR 5,
 * store/AMO 7; QEMU: page fault); a leaf just past the end of RAM (QEMU's virt has
 * 128 MiB); AMO/LR/SC and fetches on a device page fault (QEMU performs them); AMO access
 * faults are cause 7 (QEMU: 5). */
#define VM_PA_ALL 1
#define VM_PA_NAME "vm-pa-walk"
#include "vm-pa.S"
