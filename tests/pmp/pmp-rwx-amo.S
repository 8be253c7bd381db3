/* pmp-rwx-amo — pmp-rwx plus the AMOs to PMP regions without R (no permission, X only):
 * store/AMO access fault, cause 7 (QEMU 7.2 reports a load access fault, 5). */
#define PMP_RWX_ALL 1
#define PMP_RWX_NAME "pmp-rwx-amo"
#include "pmp-rwx.S"
