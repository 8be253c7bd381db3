/* crt0.S — user program entry: gp, then exit(main(argc, argv)). */
        .section .text.start, "ax", @progbits
        .globl  _start
_start:
.option push
.option norelax
        la      gp, __global_pointer$
.option pop
        call    main
        call    exit
1:      j       1b
