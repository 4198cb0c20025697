/* buf.h — a growable byte buffer on malloc, for output and for building
 * strings whose size is not known in advance. */
#ifndef ANNALS_CORE_BUF_H
#define ANNALS_CORE_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct core_buf {
    char *data;              /* always NUL-terminated when non-NULL */
    size_t len, cap;
    bool failed;             /* an allocation failed; further appends do nothing */
} core_buf;

#define CORE_BUF_INIT {NULL, 0, 0, false}

void core_buf_free(core_buf *b);
void core_buf_clear(core_buf *b);            /* len = 0, memory kept */
bool core_buf_reserve(core_buf *b, size_t extra);
void core_buf_append(core_buf *b, const void *p, size_t n);
void core_buf_puts(core_buf *b, const char *s);
void core_buf_putc(core_buf *b, char c);
void core_buf_printf(core_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Takes the data out (caller frees); the buffer is left empty. */
char *core_buf_steal(core_buf *b);

#endif
