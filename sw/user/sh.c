/* sh.c — the shell on the console. Reads lines from fd 0 (or runs the script
 * given with -c, commands separated by ';' or newlines) and runs each one:
 * a builtin, or an embedded program started with spawn() and waited for with
 * wait4(). Prints how a program ended when it was killed or exited non-zero.
 * The prompt is "$ "; the kernel's tty echoes what is typed (or piped in), so
 * a transcript shows the commands. End of input is ^D at the start of a line
 * (a pipe's end is not seen by the UART: end a script with `exit`). Words are
 * split at blanks; '...' and "..." quote; '#' starts a comment. At the end of
 * input the shell exits with the status of the last command.
 *
 * Builtins: echo, ps, maps PID, vmstat [-a] [PID], free, progs, help, kill PID [SIG],
 * exit [N]. Output never depends on timing (vmstat -a adds the counters that do). */
#include "ulib.h"

#define LINE_LEN  256
#define MAX_ARGS  UAPI_ARGC_MAX

static int status;              /* of the last command */

static int usage(const char *msg)
{
    dprintf(2, "usage: %s\n", msg);
    return 2;
}

/* Parses a pid argument; -1 (with a message) when it is not a number. */
static int parse_pid(const char *cmd, const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end) {
        dprintf(2, "%s: %s: not a pid\n", cmd, s);
        return -1;
    }
    return (int)v;
}

static int do_echo(int argc, char **argv)
{
    char buf[LINE_LEN + 1];
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        size_t l = strlen(argv[i]);
        if (n + l + 1 > LINE_LEN)
            break;
        if (i > 1)
            buf[n++] = ' ';
        memcpy(buf + n, argv[i], l);
        n += l;
    }
    buf[n++] = '\n';
    return write(1, buf, n) < 0 ? 1 : 0;
}

static int do_ps(void)
{
    struct uproc p[32];
    int n = ps(p, ARRAY_SIZE(p));
    if (n < 0) {
        perror("ps");
        return 1;
    }
    printf("  PID  PPID S COMM             ASID  RSS VMAS  MINOR  MAJOR INVALID\n");
    for (int i = 0; i < n && i < (int)ARRAY_SIZE(p); i++) {
        p[i].comm[UAPI_COMM_LEN - 1] = 0;
        printf("%5d %5d %c %-16s %4lu %4lu %4lu %6lu %6lu %7lu\n", p[i].pid, p[i].ppid,
               p[i].state, p[i].comm, p[i].asid, p[i].rss, p[i].nr_vma, p[i].minor,
               p[i].major, p[i].invalid);
    }
    return 0;
}

static int do_maps(int argc, char **argv)
{
    static char buf[4096];
    if (argc != 2)
        return usage("maps PID");
    int pid = parse_pid("maps", argv[1]);
    if (pid < 0)
        return 1;
    ssize_t n = maps(pid, buf, sizeof buf);
    if (n < 0) {
        dprintf(2, "maps: %d: %s\n", pid, strerror(errno));
        return 1;
    }
    write(1, buf, (size_t)n);
    return 0;
}

static int do_vmstat(int argc, char **argv)
{
    int all = 0, pid = -1;
    struct uvmstat v;
    if (argc > 1 && !strcmp(argv[1], "-a")) {
        all = 1;
        argc--;
        argv++;
    }
    if (argc > 2)
        return usage("vmstat [-a] [PID]");
    if (argc == 2 && (pid = parse_pid("vmstat", argv[1])) < 0)
        return 1;
    if (vmstat(pid, &v) < 0) {
        dprintf(2, "vmstat: %s\n", strerror(errno));
        return 1;
    }
    printf("%s: faults minor %lu major %lu invalid %lu, rss %lu, vmas %lu\n",
           pid < 0 ? "system" : "process", v.minor, v.major, v.invalid, v.rss, v.nr_vma);
    if (all)            /* these depend on timing (switches) or on Svade vs Svadu (a/d) */
        printf("a/d %lu, context switches %lu, system calls %lu\n", v.accessed,
               v.ctx_switches, v.syscalls);
    return 0;
}

static int do_free(void)
{
    struct umeminfo m;
    if (meminfo(&m) < 0) {
        perror("free");
        return 1;
    }
    printf("frames: total %lu, free %lu, used %lu, reserved %lu\n", m.total, m.free, m.used,
           m.reserved);
    printf("used: page tables %lu, slab %lu, kernel stacks %lu, user %lu\n", m.pgtable,
           m.slab, m.kstack, m.user);
    printf("kmalloc %lu bytes, vmalloc %lu pages\n", m.kmalloc_bytes, m.vmalloc_pages);
    return 0;
}

static int do_progs(void)
{
    char buf[512];
    ssize_t n = progs(buf, sizeof buf - 1);
    if (n < 0) {
        perror("progs");
        return 1;
    }
    write(1, buf, (size_t)n);
    if (n > 0 && buf[n - 1] != '\n')
        putchar('\n');
    return 0;
}

static int do_help(void)
{
    printf("builtins: echo ps maps vmstat free progs help kill exit\n"
           "  maps PID           the process's mappings (/proc/PID/maps format)\n"
           "  vmstat [-a] [PID]  fault counters of PID, or of the whole system\n"
           "  kill PID [SIG]     send SIG (default SIGKILL)\n"
           "  exit [N]           leave the shell with status N\n"
           "anything else runs a program with its arguments; programs:\n");
    return do_progs();
}

static int do_kill(int argc, char **argv)
{
    if (argc < 2 || argc > 3)
        return usage("kill PID [SIG]");
    int pid = parse_pid("kill", argv[1]);
    int sig = argc == 3 ? atoi(argv[2]) : SIGKILL;
    if (pid < 0)
        return 1;
    if (kill(pid, sig) < 0) {
        dprintf(2, "kill: %d: %s\n", pid, strerror(errno));
        return 1;
    }
    return 0;
}

static const char *signame(int sig)
{
    switch (sig) {
    case SIGILL:  return "SIGILL";
    case SIGKILL: return "SIGKILL";
    case SIGSEGV: return "SIGSEGV";
    default:      return "signal";
    }
}

/* Runs an embedded program and waits for it. */
static int run(int argc, char **argv)
{
    (void)argc;
    int pid = spawn(argv[0], argv);
    if (pid < 0) {
        if (errno == ENOENT)
            dprintf(2, "sh: %s: not found\n", argv[0]);
        else
            dprintf(2, "sh: %s: %s\n", argv[0], strerror(errno));
        return 127;
    }
    int st;
    if (wait4(pid, &st, 0, NULL) != pid) {
        dprintf(2, "sh: wait4 %d: %s\n", pid, strerror(errno));
        return 1;
    }
    if (WIFSIGNALED(st)) {
        printf("sh: [pid %d] %s: killed by %s (%d)\n", pid, argv[0],
               signame(WTERMSIG(st)), WTERMSIG(st));
        return 128 + WTERMSIG(st);
    }
    if (WEXITSTATUS(st))
        printf("sh: [pid %d] %s: exit %d\n", pid, argv[0], WEXITSTATUS(st));
    return WEXITSTATUS(st);
}

/* Splits line (modified in place) into words; returns the count, -1 on error. */
static int split(char *line, char **argv)
{
    int argc = 0;
    char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (!*p || *p == '#')
            break;
        if (argc == MAX_ARGS) {
            dprintf(2, "sh: too many arguments\n");
            return -1;
        }
        char *w = p, *o = p;
        argv[argc++] = w;
        while (*p && *p != ' ' && *p != '\t' && *p != '\r') {
            if (*p == '\'' || *p == '"') {
                char q = *p++;
                while (*p && *p != q)
                    *o++ = *p++;
                if (!*p) {
                    dprintf(2, "sh: unterminated quote\n");
                    return -1;
                }
                p++;
            } else {
                *o++ = *p++;
            }
        }
        if (*p)
            p++;
        *o = 0;
    }
    argv[argc] = NULL;
    return argc;
}

/* Runs one command line (no ';' in it). Returns 1 when the shell must exit. */
static int command(char *line)
{
    char *argv[MAX_ARGS + 1];
    int argc = split(line, argv);
    if (argc < 0) {
        status = 2;
        return 0;
    }
    if (argc == 0)
        return 0;
    const char *c = argv[0];
    if (!strcmp(c, "exit")) {
        if (argc > 1)
            status = atoi(argv[1]);
        return 1;
    }
    if (!strcmp(c, "echo"))                     status = do_echo(argc, argv);
    else if (!strcmp(c, "ps"))                  status = do_ps();
    else if (!strcmp(c, "maps"))                status = do_maps(argc, argv);
    else if (!strcmp(c, "vmstat"))              status = do_vmstat(argc, argv);
    else if (!strcmp(c, "free"))                status = do_free();
    else if (!strcmp(c, "progs"))               status = do_progs();
    else if (!strcmp(c, "help"))                status = do_help();
    else if (!strcmp(c, "kill"))                status = do_kill(argc, argv);
    else                                        status = run(argc, argv);
    return 0;
}

/* Runs a script: commands separated by ';' or newlines outside quotes.
 * Returns 1 when the shell must exit. */
static int script(char *s)
{
    while (*s) {
        char *end = s, q = 0;
        for (; *end && (q || (*end != ';' && *end != '\n')); end++)
            if (q ? *end == q : (*end == '\'' || *end == '"'))
                q = q ? 0 : *end;
        char c = *end;
        *end = 0;
        if (command(s))
            return 1;
        if (!c)
            break;
        s = end + 1;
    }
    return 0;
}

/* Reads one line from fd 0 into buf (without the newline). Returns its length,
 * or -1 at the end of input. A line longer than the buffer is cut. */
static int read_line(char *buf, int size)
{
    static char in[128];
    static int have, pos;
    int n = 0;
    for (;;) {
        if (pos == have) {
            ssize_t r = read(0, in, sizeof in);
            if (r < 0 && errno != EINTR && errno != EAGAIN) {
                if (errno != ENOSYS || n)
                    perror("sh: read");
                r = 0;
            }
            if (r <= 0) {
                if (r < 0) {            /* EINTR, EAGAIN: try again later */
                    sched_yield();
                    continue;
                }
                buf[n] = 0;
                return n ? n : -1;
            }
            have = (int)r;
            pos = 0;
        }
        char ch = in[pos++];
        if (ch == '\n')
            break;
        if (n < size - 1)
            buf[n++] = ch;
    }
    buf[n] = 0;
    return n;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "-c")) {
        static char buf[UAPI_ARG_MAX];
        strncpy(buf, argv[2], sizeof buf - 1);
        script(buf);
        return status;
    }
    if (argc >= 2) {
        dprintf(2, "usage: sh [-c SCRIPT]\n");
        return 2;
    }
    char line[LINE_LEN];
    for (;;) {
        write(1, "$ ", 2);
        if (read_line(line, sizeof line) < 0) {
            write(1, "\n", 1);
            break;
        }
        if (command(line))
            break;
    }
    return status;
}
