/* k_crc32.c — the sw/bench kernel, compiled into bench-vm unchanged. */
#include "../bench/k_crc32.c"
