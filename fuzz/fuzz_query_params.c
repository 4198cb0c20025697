/* fuzz_query_params.c — the API's query-string parser and validator
 * (src/serve/params.c) over arbitrary bytes, for every endpoint's set of
 * parameters.  What it accepts must be a filter the store accepts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/params.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct {
        unsigned allowed;
        size_t def, max;
    } endpoints[] = {
        {SERVE_P_FILTERS | SERVE_P_LIMIT | SERVE_P_OFFSET, 100, 1000},
        {SERVE_P_FILTERS | SERVE_P_INTERVAL, 0, 0},
        {SERVE_P_FILTERS | SERVE_P_LIMIT, 100, 500},
    };
    for (size_t e = 0; e < sizeof endpoints / sizeof endpoints[0]; e++) {
        serve_params p;
        serve_params_init(&p, endpoints[e].allowed, endpoints[e].def, endpoints[e].max);
        bool ok = serve_params_parse_query(&p, (const char *)data, size);
        if (!ok) {
            if (!p.failed || !p.error[0])
                abort();
            continue;
        }
        if (p.limit > endpoints[e].max && (endpoints[e].allowed & SERVE_P_LIMIT))
            abort();
        annals_store_filter f;
        serve_params_filter(&p, &f);
        char msg[256];
        if (annals_store_filter_check(&f, msg, sizeof msg) != ANNALS_OK) {
            fprintf(stderr, "accepted but the store refuses: %s\n", msg);
            abort();
        }
    }
    /* The decoder alone, with and without '+' as a space. */
    char *out = malloc(size + 1);
    if (out) {
        long n = serve_percent_decode((const char *)data, size, out, size & 1);
        if (n > (long)size || (n >= 0 && strlen(out) != (size_t)n))
            abort();
        free(out);
    }
    return 0;
}
