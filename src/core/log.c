#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>

void core_logf(const core_log *log, annals_log_level level, const char *fmt, ...)
{
    if (!log || !log->fn || level < log->level)
        return;
    /* Messages are one line; a long one is cut rather than allocated. */
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    log->fn(log->user, level, msg);
}
