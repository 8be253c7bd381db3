/* crt0.S — user program entry. The kernel starts a program with the Linux ELF
 * ABI's initial stack: sp -> argc, argv[0..argc-1], NULL (then envp, unused).
 * Sets gp, keeps argc/argv in __argc/__argv, then exit(main(argc, argv)). */
        .section .text.start, "ax", @progbits
        .globl  _start
_start:
.option push
.option norelax
        la      gp, __global_pointer$
.option pop
        lw      a0, 0(sp)               /* argc */
        addi    a1, sp, 4               /* argv */
        la      t0, __argc
        sw      a0, 0(t0)
        la      t0, __argv
        sw      a1, 0(t0)
        andi    sp, sp, -16             /* the psABI's stack alignment */
        call    main
        call    exit
1:      j       1b

        .section .sbss, "aw", @nobits
        .balign 4
        .globl  __argc, __argv
__argc: .space  4
__argv: .space  4
