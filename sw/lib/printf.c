/* printf.c — a compact printf for the console and for buffers.
 *
 * Conversions: %d %i %u %x %X %c %s %p %%. Flags '-' (left-align) and '0'
 * (zero-pad), a width (digits or '*'), a precision for %s only (".N" or ".*",
 * at most N characters), length modifiers l and ll (64-bit); h and z are
 * accepted and change nothing on RV32. %p prints 0x and 8 hex digits. No
 * floating point. Unknown conversions are printed as they are.
 * One formatter (format()) writes through struct sink to the UART or a buffer.
 */
#include "runtime.h"

struct sink {
  char *buf;      /* NULL: the console */
  size_t size;    /* buffer size, including the final NUL */
  size_t len;     /* characters produced so far */
};

static void emit(struct sink *o, char c)
{
  if (!o->buf)
    putchar(c);
  else if (o->len + 1 < o->size)
    o->buf[o->len] = c;
  o->len++;
}

static void emit_repeat(struct sink *o, char c, int n)
{
  while (n-- > 0)
    emit(o, c);
}

/* Divides *v by base (10 or 16) in place and returns the remainder. The 64-bit
 * value is split into 16-bit limbs, so each step divides a number below
 * base * 2^16 with one 32-bit divu: no 64-bit division from libgcc. */
static unsigned divmod_small(uint64_t *v, unsigned base)
{
  uint32_t rem = 0;
  uint64_t q = 0;
  for (int shift = 48; shift >= 0; shift -= 16) {
    uint32_t cur = (rem << 16) | (uint32_t)((*v >> shift) & 0xFFFF);
    q |= (uint64_t)(cur / base) << shift;
    rem = cur % base;
  }
  *v = q;
  return rem;
}

/* Writes the digits of v in base 10 or 16 backwards from end; returns the
 * first digit. */
static char *utoa(uint64_t v, unsigned base, int upper, char *end)
{
  const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char *p = end;
  if (v >> 32) {
    do
      *--p = digits[divmod_small(&v, base)];
    while (v);
  } else {
    uint32_t w = (uint32_t)v;
    do {
      *--p = digits[w % base];
      w /= base;
    } while (w);
  }
  return p;
}

/* Emits sign + body padded to width: spaces before (or after with '-'),
 * or zeros between the sign and the digits with '0'. */
static void emit_field(struct sink *o, const char *sign, const char *body, int body_len,
                       int width, int left, int zero)
{
  int sign_len = (int)strlen(sign);
  int pad = width - sign_len - body_len;
  if (!left && !zero)
    emit_repeat(o, ' ', pad);
  while (*sign)
    emit(o, *sign++);
  if (!left && zero)
    emit_repeat(o, '0', pad);
  for (int i = 0; i < body_len; i++)
    emit(o, body[i]);
  if (left)
    emit_repeat(o, ' ', pad);
}

static int format(struct sink *o, const char *fmt, va_list ap)
{
  char num[24];                       /* 2^64-1 has 20 decimal digits */
  char *end = num + sizeof num;

  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      emit(o, *fmt);
      continue;
    }
    const char *start = fmt++;
    int left = 0, zero = 0, width = 0, prec = -1, longs = 0;
    for (;; fmt++) {
      if (*fmt == '-')
        left = 1;
      else if (*fmt == '0')
        zero = 1;
      else
        break;
    }
    if (*fmt == '*') {
      width = va_arg(ap, int);
      if (width < 0)
        left = 1, width = -width;
      fmt++;
    }
    for (; *fmt >= '0' && *fmt <= '9'; fmt++)
      width = width * 10 + (*fmt - '0');
    if (*fmt == '.') {
      fmt++;
      prec = 0;
      if (*fmt == '*') {
        prec = va_arg(ap, int);
        fmt++;
      }
      for (; *fmt >= '0' && *fmt <= '9'; fmt++)
        prec = prec * 10 + (*fmt - '0');
    }
    for (; *fmt == 'l' || *fmt == 'h' || *fmt == 'z'; fmt++)
      longs += *fmt == 'l';

    switch (*fmt) {
    case 'd':
    case 'i': {
      int64_t v = longs >= 2 ? va_arg(ap, long long) : va_arg(ap, int);
      uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
      char *p = utoa(mag, 10, 0, end);
      emit_field(o, v < 0 ? "-" : "", p, (int)(end - p), width, left, zero);
      break;
    }
    case 'u':
    case 'x':
    case 'X': {
      uint64_t v = longs >= 2 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
      char *p = utoa(v, *fmt == 'u' ? 10 : 16, *fmt == 'X', end);
      emit_field(o, "", p, (int)(end - p), width, left, zero);
      break;
    }
    case 'p': {
      uintptr_t v = (uintptr_t)va_arg(ap, void *);
      char *p = end - 8;
      for (int i = 7; i >= 0; i--, v >>= 4)
        p[i] = "0123456789abcdef"[v & 15];
      emit_field(o, "0x", p, 8, width, left, 0);
      break;
    }
    case 'c': {
      char c = (char)va_arg(ap, int);
      emit_field(o, "", &c, 1, width, left, 0);
      break;
    }
    case 's': {
      const char *s = va_arg(ap, const char *);
      if (!s)
        s = "(null)";
      int n = 0;
      while (s[n] && (prec < 0 || n < prec))
        n++;
      emit_field(o, "", s, n, width, left, 0);
      break;
    }
    case '%':
      emit(o, '%');
      break;
    default:                          /* unknown, or the string ended: print as is */
      for (; start <= fmt && *start; start++)
        emit(o, *start);
      if (!*fmt)
        fmt--;                        /* let the loop see the NUL */
      break;
    }
  }
  return (int)o->len;
}

int vprintf(const char *fmt, va_list ap)
{
  struct sink o = { NULL, 0, 0 };
  return format(&o, fmt, ap);
}

int printf(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int n = vprintf(fmt, ap);
  va_end(ap);
  return n;
}

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
  struct sink o = { buf, n, 0 };
  int len = format(&o, fmt, ap);
  if (n > 0)
    buf[o.len < n ? o.len : n - 1] = '\0';
  return len;
}

int snprintf(char *buf, size_t n, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return len;
}
