/* k_matmul.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_matmul.c"
