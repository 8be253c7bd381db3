/* uaccess.c — copy_from_user, copy_to_user, strncpy_from_user.
 *
 * For the running process's address space the copy is done by uaccess.S with
 * sstatus.SUM set: the hardware walks the page tables, and a page fault inside
 * the copy is resolved by handle_mm_fault (counted like a user fault, Svade A/D
 * updates included) or turned into -EFAULT by the exception-table fix-up
 * (extable.c). Ranges that leave user space are refused up front.
 *
 * For another address space (a process being built, whose pgd is not in satp)
 * access_remote_vm walks that mm's page tables in software and faults pages in
 * the same way.
 */
#include "kernel.h"
#include "sched.h"

long __copy_user(void *dst, const void *src, size_t n);
long __strncpy_from_user(char *dst, const char *src, size_t n);

static int access_ok(uintptr_t addr, size_t n)
{
    return addr < TASK_SIZE && n <= TASK_SIZE - addr;
}

static int is_current_mm(struct mm_struct *mm)
{
    return current && current->mm == mm;
}

/* The kernel address of user byte uaddr in mm, after faulting its page in as
 * a user access would (and setting A/D as the hardware would); NULL if invalid. */
static uint8_t *remote_addr(struct mm_struct *mm, uintptr_t uaddr, int write)
{
    uint32_t need = _PAGE_V | _PAGE_U | _PAGE_A | (write ? _PAGE_W | _PAGE_D : _PAGE_R);
    pte_t *pte = uaddr < TASK_SIZE ? pte_lookup(mm->pgd, uaddr, 0) : NULL;

    if (!pte || (*pte & need) != need) {
        if (handle_mm_fault(mm, uaddr, write ? FAULT_FLAG_WRITE : 0) != VM_FAULT_OK)
            return NULL;
        pte = pte_lookup(mm->pgd, uaddr, 0);
        if (!pte || !pte_present(*pte))
            panic("remote_addr: no PTE after a fault at 0x%08x", (unsigned)uaddr);
        *pte |= _PAGE_A | (write ? _PAGE_D : 0);
    }
    return (uint8_t *)__va(pte_phys(*pte)) + (uaddr & (PAGE_SIZE - 1));
}

/* Copies n bytes between buf and user address addr of mm through its page
 * tables; 0 or -EFAULT. */
int access_remote_vm(struct mm_struct *mm, uintptr_t addr, void *buf, size_t n, int write)
{
    uint8_t *b = buf;
    if (!access_ok(addr, n))
        return -EFAULT;
    while (n) {
        size_t chunk = min(n, PAGE_SIZE - (addr & (PAGE_SIZE - 1)));
        uint8_t *k = remote_addr(mm, addr, write);
        if (!k)
            return -EFAULT;
        if (write)
            memcpy(k, b, chunk);
        else
            memcpy(b, k, chunk);
        b += chunk; addr += chunk; n -= chunk;
    }
    return 0;
}

int copy_from_user(struct mm_struct *mm, void *dst, uintptr_t src, size_t n)
{
    if (!n)
        return 0;
    if (!access_ok(src, n))
        return -EFAULT;
    if (!is_current_mm(mm))
        return access_remote_vm(mm, src, dst, n, 0);
    return (int)__copy_user(dst, (const void *)src, n);
}

int copy_to_user(struct mm_struct *mm, uintptr_t dst, const void *src, size_t n)
{
    if (!n)
        return 0;
    if (!access_ok(dst, n))
        return -EFAULT;
    if (!is_current_mm(mm))
        return access_remote_vm(mm, dst, (void *)src, n, 1);
    return (int)__copy_user((void *)dst, src, n);
}

long strncpy_from_user(struct mm_struct *mm, char *dst, uintptr_t src, size_t n)
{
    if (!n)
        return 0;
    if (src >= TASK_SIZE)
        return -EFAULT;
    if (n > TASK_SIZE - src)
        n = TASK_SIZE - src;                        /* stop at the end of user space */
    if (is_current_mm(mm))
        return __strncpy_from_user(dst, (const char *)src, n);
    for (size_t i = 0; i < n; i++) {
        if (access_remote_vm(mm, src + i, dst + i, 1, 0))
            return -EFAULT;
        if (!dst[i])
            return (long)i;
    }
    return (long)n;
}
