/* errno.c — strerror and perror for the errno values of uapi.h (Linux's). */
#include "ulib.h"

static const char *const messages[] = {
    [EPERM] = "Operation not permitted",
    [ENOENT] = "No such file or directory",
    [ESRCH] = "No such process",
    [EINTR] = "Interrupted system call",
    [E2BIG] = "Argument list too long",
    [ENOEXEC] = "Exec format error",
    [ECHILD] = "No child processes",
    [EAGAIN] = "Resource temporarily unavailable",
    [ENOMEM] = "Cannot allocate memory",
    [EACCES] = "Permission denied",
    [EFAULT] = "Bad address",
    [EBUSY] = "Device or resource busy",
    [EEXIST] = "File exists",
    [EINVAL] = "Invalid argument",
    [ERANGE] = "Numerical result out of range",
    [ENOSYS] = "Function not implemented",
};

const char *strerror(int err)
{
    if (err > 0 && err < (int)ARRAY_SIZE(messages) && messages[err])
        return messages[err];
    return "Unknown error";
}

void perror(const char *what)
{
    if (what && *what)
        dprintf(2, "%s: %s\n", what, strerror(errno));
    else
        dprintf(2, "%s\n", strerror(errno));
}
