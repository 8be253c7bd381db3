/* k_string.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_string.c"
