/* k-segv-mm.c — the invalid accesses that need the memory calls: a store to a
 * page made read-only with mprotect, a load from a page after munmap (the
 * kinds "rdonly" and "unmapped" of k-segv.c, which this compiles). */
#define SEGV_MM_KINDS 1
#include "k-segv.c"
