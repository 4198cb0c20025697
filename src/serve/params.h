/* params.h — the query parameters of the API (doc/api.md), checked.
 *
 * Every endpoint accepts a known set of parameters; anything else, a
 * repeated one, an empty value or one that does not parse is refused with
 * the parameter's name and a reason, which the server answers as 400. */
#ifndef ANNALS_SERVE_PARAMS_H
#define ANNALS_SERVE_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "annals.h"

/* Parameters, as bits of what an endpoint accepts. */
enum {
    SERVE_P_SOURCE = 1u << 0, SERVE_P_TARGET = 1u << 1, SERVE_P_ACTOR = 1u << 2,
    SERVE_P_DYAD = 1u << 3, SERVE_P_ROOT = 1u << 4, SERVE_P_CODE = 1u << 5,
    SERVE_P_QUAD = 1u << 6, SERVE_P_FROM = 1u << 7, SERVE_P_TO = 1u << 8,
    SERVE_P_TEXT = 1u << 9, SERVE_P_LIMIT = 1u << 10, SERVE_P_OFFSET = 1u << 11,
    SERVE_P_INTERVAL = 1u << 12
};
#define SERVE_P_FILTERS 0x3ffu   /* source .. text */

/* Longest values kept (actor codes, text). */
#define SERVE_ACTOR_MAX 30
#define SERVE_TEXT_MAX 200
#define SERVE_OFFSET_MAX 1000000u

typedef struct serve_params {
    unsigned allowed;        /* SERVE_P_* the endpoint accepts */
    unsigned seen;           /* SERVE_P_* given */
    size_t limit_default, limit_max;
    /* Values, NUL-terminated copies. */
    char source[SERVE_ACTOR_MAX + 1], target[SERVE_ACTOR_MAX + 1];
    char actor[SERVE_ACTOR_MAX + 1];
    char dyad_a[SERVE_ACTOR_MAX + 1], dyad_b[SERVE_ACTOR_MAX + 1];
    char root[3], code[5];
    char from[11], to[11];
    char text[SERVE_TEXT_MAX + 1];
    int quad;
    size_t limit, offset;
    int interval;            /* annals_interval */
    /* The first refusal: parameter name (NULL: none) and why. */
    char bad_name[32];
    char error[160];
    bool failed;
} serve_params;

/* Starts `p` for an endpoint accepting `allowed`, with its limit range. */
void serve_params_init(serve_params *p, unsigned allowed, size_t limit_default,
                       size_t limit_max);

/* Takes one decoded parameter.  Returns false (and records the refusal,
 * once) when it is unknown, repeated or invalid.  `value` may be NULL (a
 * key without '='), which is refused as empty. */
bool serve_params_add(serve_params *p, const char *key, const char *value);

/* The same for a key and value of known sizes (as the HTTP library
 * decoded them): a NUL byte inside either is refused. */
bool serve_params_add_n(serve_params *p, const char *key, size_t key_size, const char *value,
                        size_t value_size);

/* Checks what needs several parameters (from <= to). */
bool serve_params_finish(serve_params *p);

/* Splits and percent-decodes a raw query string ("a=1&b=x%20y", `len`
 * bytes, no '?') into serve_params_add calls, then finishes.  Invalid
 * percent escapes and NUL bytes are refused.  Returns !p->failed. */
bool serve_params_parse_query(serve_params *p, const char *query, size_t len);

/* The store filter of the parameters; its strings point into `p`. */
void serve_params_filter(const serve_params *p, annals_store_filter *f);

/* Percent-decodes `in` (`len` bytes) into `out` (at least len + 1 bytes),
 * '+' as a space when `plus`.  Returns the length, or -1 for a bad escape
 * or a NUL byte. */
long serve_percent_decode(const char *in, size_t len, char *out, bool plus);

#endif
