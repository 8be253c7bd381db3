/* syscall.c — the system call table (numbers and conventions: uapi.h) and the
 * calls about processes, the console and time. The memory calls (brk, mmap,
 * munmap, mprotect, maps) live with the mm code.
 *
 * Every pointer from user space goes through copy_from_user/copy_to_user, so a
 * bad pointer is -EFAULT; every other bad argument gets the errno Linux gives.
 */
#include "kernel.h"
#include "sched.h"

/* ---- console ---- */

/* write(fd, buf, count): fd 1 and 2 go to the console. */
static long sys_write(int fd, uintptr_t buf, size_t count)
{
    char kbuf[128];
    size_t done = 0;
    if (fd != 1 && fd != 2)
        return -EBADF;
    while (done < count) {
        size_t n = min(count - done, sizeof kbuf);
        if (copy_from_user(current->mm, kbuf, buf + done, n))
            return done ? (long)done : -EFAULT;
        for (size_t i = 0; i < n; i++)
            console_putc(kbuf[i]);
        done += n;
    }
    return (long)done;
}

/* read(fd, buf, count): fd 0 is the console (tty.c). */
static long sys_read(int fd, uintptr_t buf, size_t count)
{
    if (fd != 0)
        return -EBADF;
    return tty_read(buf, count);
}

/* ---- processes ---- */

/* Copies the user string at u (with its NUL) into k[0..max); its length, or
 * -EFAULT, or -E2BIG when it does not fit. */
static long fetch_user_string(uintptr_t u, char *k, size_t max)
{
    long n = strncpy_from_user(current->mm, k, u, max);
    if (n < 0)
        return n;
    return (size_t)n == max ? -E2BIG : n;
}

static const struct binimage *find_image(const char *name)
{
    for (int i = 0; i < nr_user_images; i++)
        if (!strcmp(user_images[i].name, name))
            return &user_images[i];
    return NULL;
}

/* spawn(name, argv): a new child process running the embedded program name with
 * the NULL-terminated argv (NULL: argv = { name }). Its pid, or -ENOENT (no such
 * program), -EFAULT, -E2BIG (more than UAPI_ARGC_MAX arguments or UAPI_ARG_MAX
 * bytes), -ENOEXEC (bad image), -ENOMEM. */
static long sys_spawn(uintptr_t uname, uintptr_t uargv)
{
    char name[UAPI_COMM_LEN + 16];
    long r = fetch_user_string(uname, name, sizeof name);
    if (r < 0)
        return r == -E2BIG ? -ENOENT : r;
    const struct binimage *img = find_image(name);
    if (!img)
        return -ENOENT;

    char *strs = kmalloc(UAPI_ARG_MAX);
    char *argv[UAPI_ARGC_MAX + 1];
    int argc = 0;
    size_t used = 0;
    if (!strs)
        return -ENOMEM;
    if (!uargv) {
        memcpy(strs, name, strlen(name) + 1);
        argv[argc++] = strs;
    } else {
        for (;; argc++) {
            uint32_t up;
            if (copy_from_user(current->mm, &up, uargv + (uintptr_t)argc * 4, 4)) {
                r = -EFAULT;
                goto out;
            }
            if (!up)
                break;
            if (argc == UAPI_ARGC_MAX) {
                r = -E2BIG;
                goto out;
            }
            r = fetch_user_string(up, strs + used, UAPI_ARG_MAX - used);
            if (r < 0)
                goto out;
            argv[argc] = strs + used;
            used += (size_t)r + 1;
        }
    }
    argv[argc] = NULL;
    int err;
    struct task_struct *t = task_spawn(img, argc, argv, current, &err);
    r = t ? t->pid : (err == -EINVAL ? -ENOEXEC : err);
out:
    kfree(strs);
    return r;
}

static long sys_wait4(int pid, uintptr_t ustatus, int options, uintptr_t rusage)
{
    int status = 0;
    if (rusage)
        return -EINVAL;                 /* no resource usage accounting */
    long r = do_wait4(pid, &status, options);
    if (r > 0 && ustatus && copy_to_user(current->mm, ustatus, &status, sizeof status))
        return -EFAULT;
    return r;
}

/* nanosleep(req, rem): sleeps at least req (rounded up to the mtime tick; wakes
 * happen at scheduler ticks). -EINVAL for tv_nsec outside [0, 1e9) or a negative
 * tv_sec; -EINTR (remaining time in *rem) when killed meanwhile. */
static long sys_nanosleep(uintptr_t ureq, uintptr_t urem)
{
    struct timespec32 req;
    if (copy_from_user(current->mm, &req, ureq, sizeof req))
        return -EFAULT;
    if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= 1000000000L)
        return -EINVAL;
    const uint32_t ns_per_tick = 1000000000u / TIMEBASE_HZ;
    uint64_t ticks = (uint64_t)req.tv_sec * TIMEBASE_HZ +
                     ((uint32_t)req.tv_nsec + ns_per_tick - 1) / ns_per_tick;
    uint64_t deadline = timer_now() + ticks;
    if (ticks)
        sleep_on(NULL, deadline);
    if (current->killed) {
        uint64_t now = timer_now(), left = now < deadline ? deadline - now : 0;
        struct timespec32 rem = { (long)(left / TIMEBASE_HZ),
                                  (long)(left % TIMEBASE_HZ) * (long)ns_per_tick };
        if (urem && copy_to_user(current->mm, urem, &rem, sizeof rem))
            return -EFAULT;
        return -EINTR;
    }
    return 0;
}

static long sys_sched_yield(void)
{
    schedule();
    return 0;
}

/* ---- queries (this kernel's own calls, uapi.h) ---- */

static char task_state_char(const struct task_struct *t)
{
    switch (t->state) {
    case TASK_RUNNING:
    case TASK_RUNNABLE: return UPROC_RUNNING;
    case TASK_SLEEPING: return UPROC_SLEEPING;
    default:            return UPROC_ZOMBIE;
    }
}

/* ps(buf, max): one struct uproc per task, in pid order; the number written. */
static long sys_ps(uintptr_t ubuf, int max)
{
    int n = 0;
    if (max < 0)
        return -EINVAL;
    for (struct task_struct *t = task_first(); t && n < max; t = t->next, n++) {
        struct uproc p;
        memset(&p, 0, sizeof p);
        p.pid = t->pid;
        p.ppid = t->parent ? t->parent->pid : 0;
        p.state = task_state_char(t);
        memcpy(p.comm, t->comm, sizeof p.comm);
        const struct fault_counts *f = t->mm ? &t->mm->flt : &t->flt;
        if (t->mm) {
            p.asid = t->mm->asid;
            p.rss = t->mm->rss;
            p.nr_vma = t->mm->map_count;
        }
        p.minor = f->minor;
        p.major = f->major;
        p.invalid = f->invalid;
        if (copy_to_user(current->mm, ubuf + (uintptr_t)n * sizeof p, &p, sizeof p))
            return -EFAULT;
    }
    return n;
}

/* vmstat(pid, out): fault and memory counters of pid (0: the caller) or of the
 * whole system (-1). */
static long sys_vmstat(int pid, uintptr_t uout)
{
    struct uvmstat v;
    memset(&v, 0, sizeof v);
    if (pid == -1) {
        v.minor = global_flt.minor;
        v.major = global_flt.major;
        v.invalid = global_flt.invalid;
        v.accessed = global_flt.accessed;
        for (struct task_struct *t = task_first(); t; t = t->next) {
            if (t->mm) {
                v.rss += t->mm->rss;
                v.nr_vma += t->mm->map_count;
            }
            v.ctx_switches += t->ctx_switches;
            v.syscalls += t->syscalls;
        }
    } else {
        struct task_struct *t = pid == 0 ? current : pid > 0 ? find_task_by_pid(pid) : NULL;
        if (!t)
            return -ESRCH;
        const struct fault_counts *f = t->mm ? &t->mm->flt : &t->flt;
        v.minor = f->minor;
        v.major = f->major;
        v.invalid = f->invalid;
        v.accessed = f->accessed;
        if (t->mm) {
            v.rss = t->mm->rss;
            v.nr_vma = t->mm->map_count;
        }
        v.ctx_switches = t->ctx_switches;
        v.syscalls = t->syscalls;
    }
    return copy_to_user(current->mm, uout, &v, sizeof v) ? -EFAULT : 0;
}

static long sys_meminfo(uintptr_t uout)
{
    struct umeminfo m;
    memset(&m, 0, sizeof m);
    m.total = mem_stats.total;
    m.free = mem_stats.free;
    m.reserved = mem_stats.reserved;
    m.used = mem_stats.total - mem_stats.free - mem_stats.reserved;
    for (uint32_t i = 0; i < mem_stats.total; i++) {
        const struct page *pg = &mem_map[i];
        if (!pg->refcount)
            continue;
        if (pg->flags & PG_pgtable) m.pgtable++;
        if (pg->flags & PG_slab)    m.slab++;
        if (pg->flags & PG_kstack)  m.kstack++;
        if (pg->flags & (PG_anon | PG_file)) m.user++;
    }
    m.kmalloc_bytes = kmalloc_bytes;
    m.vmalloc_pages = vmalloc_pages;
    return copy_to_user(current->mm, uout, &m, sizeof m) ? -EFAULT : 0;
}

/* progs(buf, len): the embedded program names, one per line; the byte count
 * (without a NUL), or -ERANGE when len is too small. */
static long sys_progs(uintptr_t ubuf, size_t len)
{
    size_t off = 0;
    for (int i = 0; i < nr_user_images; i++) {
        size_t n = strlen(user_images[i].name);
        if (off + n + 1 > len)
            return -ERANGE;
        if (copy_to_user(current->mm, ubuf + off, user_images[i].name, n) ||
            copy_to_user(current->mm, ubuf + off + n, "\n", 1))
            return -EFAULT;
        off += n + 1;
    }
    return (long)off;
}

void do_syscall(struct pt_regs *regs)
{
    uint32_t *a = &regs->regs[10];
    long ret;

    switch (regs->regs[17]) {
    case __NR_read:        ret = sys_read((int)a[0], a[1], a[2]); break;
    case __NR_write:       ret = sys_write((int)a[0], a[1], a[2]); break;
    case __NR_exit:
    case __NR_exit_group:  do_exit((int)(a[0] & 0xff) << 8);
    case __NR_nanosleep:   ret = sys_nanosleep(a[0], a[1]); break;
    case __NR_sched_yield: ret = sys_sched_yield(); break;
    case __NR_kill:        ret = do_kill((int)a[0], (int)a[1]); break;
    case __NR_getpid:      ret = current->pid; break;
    case __NR_getppid:     ret = current->parent ? current->parent->pid : 0; break;
    case __NR_wait4:       ret = sys_wait4((int)a[0], a[1], (int)a[2], a[3]); break;
    case __NR_spawn:       ret = sys_spawn(a[0], a[1]); break;
    case __NR_ps:          ret = sys_ps(a[0], (int)a[1]); break;
    case __NR_vmstat:      ret = sys_vmstat((int)a[0], a[1]); break;
    case __NR_meminfo:     ret = sys_meminfo(a[0]); break;
    case __NR_progs:       ret = sys_progs(a[0], a[1]); break;
    case __NR_brk:         ret = sys_brk(a[0]); break;
    case __NR_mmap:        ret = sys_mmap(a[0], a[1], (int)a[2], (int)a[3], (int)a[4], a[5]); break;
    case __NR_munmap:      ret = sys_munmap(a[0], a[1]); break;
    case __NR_mprotect:    ret = sys_mprotect(a[0], a[1], (int)a[2]); break;
    case __NR_maps:        ret = sys_maps((int)a[0], a[1], a[2]); break;
    case __NR_mm_check:    ret = sys_mm_check((int)a[0]); break;
    default:               ret = -ENOSYS; break;
    }
    a[0] = (uint32_t)ret;
}
