/* user_images.S — the user programs embedded in the kernel image (their ELF
 * files, built from firmware/user/ into $(FW_OUT)/user/, found through the
 * assembler's -I), and the table user_images[] (struct binimage, mm.h) that
 * start_kernel turns into processes, in this order. */
        .section .rodata
        .balign 16
.macro IMAGE name
        .balign 16
\name\()_elf:
        .incbin "\name\().elf"
\name\()_elf_end:
        .section .rodata.str, "a"
\name\()_str:
        .asciz "\name"
        .section .rodata
.endm
        IMAGE vmcost
        IMAGE ptest
        IMAGE demo
        IMAGE segv
        IMAGE mmtest

        .balign 4
        .globl  user_images, nr_user_images
user_images:
        .word   vmcost_str, vmcost_elf, vmcost_elf_end - vmcost_elf
        .word   ptest_str, ptest_elf, ptest_elf_end - ptest_elf
        .word   demo_str, demo_elf, demo_elf_end - demo_elf
        .word   segv_str, segv_elf, segv_elf_end - segv_elf
        .word   mmtest_str, mmtest_elf, mmtest_elf_end - mmtest_elf
nr_user_images:
        .word   5
