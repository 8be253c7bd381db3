/* k_list.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_list.c"
