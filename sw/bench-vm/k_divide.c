/* k_divide.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_divide.c"
