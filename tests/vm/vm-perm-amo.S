/* vm-perm-amo — vm-perm plus the AMOs that may neither read nor write their page (U-mode
 * on an S page, S-mode on a U page with SUM = 0, an execute-only page with MXR = 0):
 * store/AMO page fault, cause 15 (priv spec 1.12, table 3.6). QEMU 7.2 reports them as
 * load page faults (13). */
#define VM_PERM_ALL 1
#define VM_PERM_NAME "vm-perm-amo"
#include "vm-perm.S"
