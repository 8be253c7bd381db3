/* exec.c — RV32IMA_Zicsr_Zifencei decode and execute: iss_step() and iss_run().
 *
 * One loop body, instantiated twice by inlining: with a retire record (iss_step,
 * co-simulation and commit logs) and without (iss_run, the fast path). The loop runs
 * until s->steps reaches s->batch_end; anything that may change interrupt state,
 * privilege or the run status ends the batch (batch_break), and interrupts are
 * checked between batches. Instruction fetch, loads and stores try the software TLB
 * inline and fall back to the slow paths of mmu.c.
 */
#include <string.h>

#include "iss_priv.h"

#define ALWAYS_INLINE inline __attribute__((always_inline))
#define BATCH_STEPS 65536u          /* longest run between interrupt/input checks */
#define TLB_IDX(va) (((va) >> PAGE_SHIFT) & (TLB_SIZE - 1))

static ALWAYS_INLINE uint32_t imm_i(uint32_t insn) { return (uint32_t)((int32_t)insn >> 20); }
static ALWAYS_INLINE uint32_t imm_s(uint32_t insn)
{
    return (uint32_t)(((int32_t)insn >> 20) & ~31) | ((insn >> 7) & 31);
}
static ALWAYS_INLINE uint32_t imm_b(uint32_t insn)
{
    return (uint32_t)((int32_t)(insn & 0x80000000u) >> 19) | ((insn & 0x80) << 4) |
           ((insn >> 20) & 0x7E0) | ((insn >> 7) & 0x1E);
}
static ALWAYS_INLINE uint32_t imm_j(uint32_t insn)
{
    return (uint32_t)((int32_t)(insn & 0x80000000u) >> 11) | (insn & 0xFF000) |
           ((insn >> 9) & 0x800) | ((insn >> 20) & 0x7FE);
}

/* M extension (unprivileged spec, chapter 7: division by zero and overflow). */
static uint32_t muldiv(unsigned f3, uint32_t a, uint32_t b)
{
    int32_t sa = (int32_t)a, sb = (int32_t)b;
    switch (f3) {
    case 0: return a * b;
    case 1: return (uint32_t)(((int64_t)sa * sb) >> 32);
    case 2: return (uint32_t)(((int64_t)sa * (int64_t)(uint64_t)b) >> 32);
    case 3: return (uint32_t)(((uint64_t)a * b) >> 32);
    case 4: return b == 0 ? 0xFFFFFFFFu : (sa == INT32_MIN && sb == -1) ? a : (uint32_t)(sa / sb);
    case 5: return b == 0 ? 0xFFFFFFFFu : a / b;
    case 6: return b == 0 ? a : (sa == INT32_MIN && sb == -1) ? 0 : (uint32_t)(sa % sb);
    default: return b == 0 ? a : a % b;
    }
}

/* AMO arithmetic; false for an encoding that is not an AMO. */
static bool amo_op(unsigned f5, uint32_t old, uint32_t b, uint32_t *res)
{
    switch (f5) {
    case 0x00: *res = old + b; break;
    case 0x01: *res = b; break;
    case 0x04: *res = old ^ b; break;
    case 0x08: *res = old | b; break;
    case 0x0C: *res = old & b; break;
    case 0x10: *res = (int32_t)old < (int32_t)b ? old : b; break;
    case 0x14: *res = (int32_t)old > (int32_t)b ? old : b; break;
    case 0x18: *res = old < b ? old : b; break;
    case 0x1C: *res = old > b ? old : b; break;
    default: return false;
    }
    return true;
}

static ALWAYS_INLINE uint32_t load_extend(unsigned f3, uint32_t raw)
{
    switch (f3) {
    case 0: return (uint32_t)(int32_t)(int8_t)raw;
    case 1: return (uint32_t)(int32_t)(int16_t)raw;
    default: return raw;
    }
}

/* Write rd (and the record). x[0] is re-zeroed after every instruction. */
#define WR(val) do {                                                    \
        uint32_t v_ = (val);                                            \
        x[rd] = v_;                                                     \
        if (rec && rd) { rec->rd_addr = rd; rec->rd_wdata = v_; }       \
    } while (0)
#define TRAP(c, t) do { cause = (c); tval = (t); goto trap; } while (0)
#define SYNC_PC() (s->pc = pc)

static ALWAYS_INLINE void exec_loop(iss_t *s, iss_retire_t *const rec)
{
    uint32_t *const x = s->x;
    uint32_t pc = s->pc;

    while (s->steps < s->batch_end) {
        uint32_t insn, cause, tval, npc = pc + 4;
        const tlb_ent_t *fe = &s->tlb_x[TLB_IDX(pc)];
        if (likely(fe->tag == pc >> PAGE_SHIFT)) {
            memcpy(&insn, (const void *)(fe->addend + pc), 4);
        } else {
            SYNC_PC();
            cause = mmu_fetch(s, pc, &insn);
            if (cause != EXC_NONE) {
                insn = 0;
                TRAP(cause, pc);
            }
        }
        if (rec)
            rec->insn = insn;

        const unsigned rd = (insn >> 7) & 31, f3 = (insn >> 12) & 7;
        const uint32_t a = x[(insn >> 15) & 31], b = x[(insn >> 20) & 31];
        switch (insn & 0x7F) {
        case 0x37:                                          /* LUI */
            WR(insn & 0xFFFFF000u);
            break;
        case 0x17:                                          /* AUIPC */
            WR(pc + (insn & 0xFFFFF000u));
            break;
        case 0x6F: {                                        /* JAL */
            uint32_t t = pc + imm_j(insn);
            if (t & 3)
                TRAP(CAUSE_MISALIGNED_FETCH, t);
            WR(npc);
            npc = t;
            break;
        }
        case 0x67: {                                        /* JALR */
            if (f3 != 0)
                goto illegal;
            uint32_t t = (a + imm_i(insn)) & ~1u;
            if (t & 3)
                TRAP(CAUSE_MISALIGNED_FETCH, t);
            WR(npc);
            npc = t;
            break;
        }
        case 0x63: {                                        /* branches */
            bool take;
            switch (f3) {
            case 0: take = a == b; break;
            case 1: take = a != b; break;
            case 4: take = (int32_t)a < (int32_t)b; break;
            case 5: take = (int32_t)a >= (int32_t)b; break;
            case 6: take = a < b; break;
            case 7: take = a >= b; break;
            default: goto illegal;
            }
            if (take) {
                uint32_t t = pc + imm_b(insn);
                if (t & 3)
                    TRAP(CAUSE_MISALIGNED_FETCH, t);
                npc = t;
            }
            break;
        }
        case 0x03: {                                        /* loads */
            if (f3 == 3 || f3 > 5)
                goto illegal;
            const uint32_t va = a + imm_i(insn), size = 1u << (f3 & 3);
            uint32_t raw = 0;
            if (va & (size - 1))
                TRAP(CAUSE_MISALIGNED_LOAD, va);
            const tlb_ent_t *e = &s->tlb_r[TLB_IDX(va)];
            if (likely(e->tag == va >> PAGE_SHIFT)) {
                memcpy(&raw, (const void *)(e->addend + va), size);
                if (rec) {
                    rec->mem_addr = va;
                    rec->mem_paddr = e->ppage | (va & 0xFFF);
                }
            } else {
                SYNC_PC();
                cause = mmu_load(s, va, size, &raw);
                if (cause != EXC_NONE)
                    TRAP(cause, va);
            }
            if (rec) {
                rec->mem_rmask = ((1u << size) - 1) << (va & 3);
                rec->mem_rdata = raw << (8 * (va & 3));
            }
            WR(load_extend(f3, raw));
            break;
        }
        case 0x23: {                                        /* stores */
            if (f3 > 2)
                goto illegal;
            const uint32_t va = a + imm_s(insn), size = 1u << f3;
            if (va & (size - 1))
                TRAP(CAUSE_MISALIGNED_STORE, va);
            const tlb_ent_t *e = &s->tlb_w[TLB_IDX(va)];
            if (likely(e->tag == va >> PAGE_SHIFT)) {
                memcpy((void *)(e->addend + va), &b, size);
                if (rec) {
                    rec->mem_addr = va;
                    rec->mem_paddr = e->ppage | (va & 0xFFF);
                }
            } else {
                SYNC_PC();
                cause = mmu_store(s, va, size, b);
                if (cause != EXC_NONE)
                    TRAP(cause, va);
            }
            if (rec) {
                uint32_t lanes = size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
                rec->mem_wmask = ((1u << size) - 1) << (va & 3);
                rec->mem_wdata = (b & lanes) << (8 * (va & 3));
            }
            break;
        }
        case 0x13: {                                        /* OP-IMM */
            const uint32_t imm = imm_i(insn), sh = imm & 31, f7 = insn >> 25;
            switch (f3) {
            case 0: WR(a + imm); break;
            case 2: WR((int32_t)a < (int32_t)imm); break;
            case 3: WR(a < imm); break;
            case 4: WR(a ^ imm); break;
            case 6: WR(a | imm); break;
            case 7: WR(a & imm); break;
            case 1:
                if (f7 != 0)
                    goto illegal;
                WR(a << sh);
                break;
            default:
                if (f7 == 0)
                    WR(a >> sh);
                else if (f7 == 0x20)
                    WR((uint32_t)((int32_t)a >> sh));
                else
                    goto illegal;
                break;
            }
            break;
        }
        case 0x33: {                                        /* OP, M */
            const uint32_t f7 = insn >> 25;
            if (f7 == 0) {
                switch (f3) {
                case 0: WR(a + b); break;
                case 1: WR(a << (b & 31)); break;
                case 2: WR((int32_t)a < (int32_t)b); break;
                case 3: WR(a < b); break;
                case 4: WR(a ^ b); break;
                case 5: WR(a >> (b & 31)); break;
                case 6: WR(a | b); break;
                default: WR(a & b); break;
                }
            } else if (f7 == 0x20 && f3 == 0) {
                WR(a - b);
            } else if (f7 == 0x20 && f3 == 5) {
                WR((uint32_t)((int32_t)a >> (b & 31)));
            } else if (f7 == 1 && !s->no_m) {
                WR(muldiv(f3, a, b));
            } else {
                goto illegal;
            }
            break;
        }
        case 0x0F:                                          /* FENCE, FENCE.I */
            if (f3 > 1)
                goto illegal;
            break;      /* no decoded-instruction cache: fence.i has nothing to drop */
        case 0x73: {                                        /* SYSTEM */
            SYNC_PC();
            if (f3 == 0) {
                const uint32_t st = s->mstatus;
                if (insn == 0x00000073u) {                  /* ecall */
                    TRAP(CAUSE_USER_ECALL + s->priv, 0);
                } else if (insn == 0x00100073u) {           /* ebreak */
                    TRAP(CAUSE_BREAKPOINT, pc);
                } else if (insn == 0x30200073u) {           /* mret */
                    if (s->priv != PRV_M)
                        goto illegal;
                    do_mret(s);
                    npc = s->pc;
                } else if (insn == 0x10200073u) {           /* sret */
                    if (s->priv == PRV_U || (s->priv == PRV_S && (st & BIT(MSTATUS_TSR))))
                        goto illegal;
                    do_sret(s);
                    npc = s->pc;
                } else if (insn == 0x10500073u) {           /* wfi */
                    if (s->priv == PRV_U || (s->priv == PRV_S && (st & BIT(MSTATUS_TW))))
                        goto illegal;
                    wfi_wait(s);
                } else if ((insn & 0xFE007FFFu) == 0x12000073u) {   /* sfence.vma */
                    if (s->priv == PRV_U || (s->priv == PRV_S && (st & BIT(MSTATUS_TVM))))
                        goto illegal;
                    mmu_flush(s);
                    hpm_event(s, HPM_EVENT_SFENCE_VMA);
                } else {
                    goto illegal;
                }
                break;
            }
            if (f3 == 4)
                goto illegal;
            const unsigned rs1 = (insn >> 15) & 31;
            const uint32_t src = (f3 & 4) ? rs1 : a;
            const bool writes = (f3 & 3) == 1 || rs1 != 0;
            uint32_t old;
            if (!csr_instr(s, insn >> 20, f3, src, writes, &old))
                goto illegal;
            WR(old);
            break;
        }
        case 0x2F: {                                        /* A extension */
            const unsigned f5 = insn >> 27;
            const uint32_t va = a;
            uint32_t *p, pa, old, res;
            if (f3 != 2)
                goto illegal;
            SYNC_PC();
            if (f5 == 0x02) {                               /* LR.W */
                if ((insn >> 20) & 31)
                    goto illegal;
                if (va & 3)
                    TRAP(CAUSE_MISALIGNED_LOAD, va);
                cause = mmu_amo_ptr(s, va, SV32_LOAD, &p, &pa);
                if (cause != EXC_NONE)
                    TRAP(cause, va);
                old = *p;
                s->resv_valid = true;
                s->resv_addr = pa;
                if (rec) {
                    rec->mem_rmask = 0xF;
                    rec->mem_rdata = old;
                }
                WR(old);
            } else if (f5 == 0x03) {                        /* SC.W */
                if (va & 3)
                    TRAP(CAUSE_MISALIGNED_STORE, va);
                cause = mmu_amo_ptr(s, va, SV32_AMO, &p, &pa);
                if (cause != EXC_NONE)
                    TRAP(cause, va);
                bool ok = s->resv_valid && s->resv_addr == pa;
                s->resv_valid = false;
                if (ok) {
                    *p = b;
                    if (rec) {
                        rec->mem_wmask = 0xF;
                        rec->mem_wdata = b;
                    }
                }
                WR(!ok);
            } else {                                        /* AMO*.W */
                if (!amo_op(f5, 0, 0, &res))
                    goto illegal;
                if (va & 3)
                    TRAP(CAUSE_MISALIGNED_STORE, va);
                cause = mmu_amo_ptr(s, va, SV32_AMO, &p, &pa);
                if (cause != EXC_NONE)
                    TRAP(cause, va);
                old = *p;
                amo_op(f5, old, b, &res);
                *p = res;
                if (rec) {
                    rec->mem_rmask = rec->mem_wmask = 0xF;
                    rec->mem_rdata = old;
                    rec->mem_wdata = res;
                }
                WR(old);
            }
            break;
        }
        default:
            goto illegal;
        }
        x[0] = 0;
        pc = npc;
        s->steps++;
        continue;

    illegal:
        cause = CAUSE_ILLEGAL_INSN;
        tval = insn;
    trap:
        x[0] = 0;
        s->pc = pc;
        trap_enter(s, cause, tval);
        pc = s->pc;
        if (rec) {
            rec->trap = true;
            rec->rd_addr = rec->rd_wdata = 0;
            rec->mem_addr = rec->mem_paddr = 0;
            rec->mem_rmask = rec->mem_wmask = rec->mem_rdata = rec->mem_wdata = 0;
        }
        s->steps++;
        s->notretired++;
    }
    s->pc = pc;
}

void iss_step(iss_t *s, iss_retire_t *r)
{
    memset(r, 0, sizeof *r);
    r->order = s->steps;
    r->pc = s->pc;
    r->priv = s->priv;
    s->rec = r;
    if ((s->steps & (BATCH_STEPS - 1)) == 0)
        dev_poll_input(&s->dev);
    iss_htif_poll(s);
    if (irq_take(s)) {
        r->intr = true;
        s->steps++;
        s->notretired++;
    } else {
        s->batch_end = s->steps + 1;
        exec_loop(s, r);
    }
    r->next_pc = s->pc;
    s->rec = NULL;
}

iss_status_t iss_run(iss_t *s, uint64_t n)
{
    const uint64_t end = s->steps + n;
    while (!s->exited && s->steps < end) {
        dev_poll_input(&s->dev);
        iss_htif_poll(s);
        if (s->exited)
            break;
        if (irq_take(s)) {                  /* also brings mtime up to date */
            s->steps++;
            s->notretired++;
            continue;
        }
        uint64_t room = end - s->steps;
        if (room > BATCH_STEPS)
            room = BATCH_STEPS;
        /* stop where mtime reaches mtimecmp, so MTIP is seen on time */
        if (!s->mtime_manual && s->dev.mtime < s->dev.mtimecmp &&
            s->dev.mtimecmp - s->dev.mtime < room)
            room = s->dev.mtimecmp - s->dev.mtime;
        /* stop where a pending low-word-only HTIF request is due */
        if (s->htif_due && s->htif_due > s->steps && s->htif_due - s->steps < room)
            room = s->htif_due - s->steps;
        s->batch_end = s->steps + room;
        exec_loop(s, NULL);
    }
    return s->exited ? ISS_EXIT : ISS_RUNNING;
}
