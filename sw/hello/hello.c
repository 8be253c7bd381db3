/* hello.c — the smallest program on the runtime: print a line, pass.
 *
 * The example of docs "running your own program": main's return value is the
 * exit code (0 = pass), sent to the finisher by crt0.
 */
#include "runtime.h"

int main(void)
{
  printf("Hello from RV32IMA! 6 x 7 = %d\n", 6 * 7);
  return 0;
}
