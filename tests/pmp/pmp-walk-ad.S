/* pmp-walk-ad — pmp-walk plus what QEMU 7.2 does not check: with Svadu, setting A or D
 * in a PTE whose table lies in a PMP region without W (an S-mode write) is an access
 * fault of the original access type (load 5, store/AMO 7, fetch 1) and the PTE stays
 * unchanged (priv spec 1.12 4.3.2 step 7; QEMU writes the PTE without a PMP check); and
 * the AMO whose level-0 table is unreadable (cause 7; QEMU: 5). */
#define PMP_WALK_ALL 1
#define PMP_WALK_NAME "pmp-walk-ad"
#include "pmp-walk.S"
