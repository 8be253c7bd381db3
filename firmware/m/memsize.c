/* memsize.c — the M layer finds how much RAM the machine has.
 *
 * RAM is one contiguous region from RAM_BASE. On every platform this firmware
 * runs on (the core's PMA, build/iss, QEMU virt) an access past its end is an
 * access fault, and no device lives above RAM_BASE, so a load is a safe and
 * side-effect-free probe: m_detect_memory() binary-searches the number of
 * present 4 KiB frames with m_probe_lw (mentry.S), whose faults m_trap skips
 * while m_probing is set. A frame counts as present when its last word loads,
 * so a RAM that ends inside a frame is rounded down. The search runs from frame 0
 * (this code) to the top of the 32-bit space (2 GiB of RAM at most): 19 probes.
 * m_init then checks that the kernel image, .bss included, fits.
 *
 * The size is handed to the kernel in a1 (mentry.S), where Linux gets the
 * device-tree pointer; the kernel decides how much of it it can map.
 */
#include "arch.h"
#include "m.h"

#define M_FRAME_SIZE  4096u
#define M_MAX_FRAMES  ((0u - RAM_BASE) / M_FRAME_SIZE)   /* up to the end of the 32-bit space */

/* Does frame n (counted from RAM_BASE) exist? A load of its last word, in M,
 * without translation; an access fault says no. */
static int frame_present(uint32_t n)
{
    uint32_t ms = M_CSR_READ(CSR_MSTATUS) & ~BIT(MSTATUS_MPRV);

    m_probe_cause = 0;
    m_probing = 1;
    (void)m_probe_lw(RAM_BASE + n * M_FRAME_SIZE + (M_FRAME_SIZE - 4), ms, ms);
    m_probing = 0;
    return m_probe_cause == 0;
}

/* Bytes of RAM from RAM_BASE (a multiple of 4 KiB). Runs before the kernel, with
 * mscratch = 0 (a probe's fault is taken on the M stack). */
uint32_t m_detect_memory(void)
{
    uint32_t lo = 1;                    /* frames [0, lo) exist: frame 0 holds this code */
    uint32_t hi = M_MAX_FRAMES;

    /* invariant: frames [0, lo) present; frame hi and above absent or out of range */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (frame_present(mid - 1))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo * M_FRAME_SIZE;
}
