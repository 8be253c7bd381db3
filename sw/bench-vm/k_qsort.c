/* k_qsort.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_qsort.c"
