/* log.h — how the library speaks: never to a stream, always through the
 * caller's annals_log_fn, filtered by level. */
#ifndef ANNALS_CORE_LOG_H
#define ANNALS_CORE_LOG_H

#include "annals.h"

typedef struct core_log {
    annals_log_fn fn;        /* NULL: messages are dropped */
    void *user;
    annals_log_level level;  /* least level passed on */
} core_log;

/* Formats and passes one message on; does nothing when `log` is NULL, has
 * no function, or `level` is below its threshold. */
void core_logf(const core_log *log, annals_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
