/* k_interp.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_interp.c"
