/* k_ledger.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_ledger.c"
