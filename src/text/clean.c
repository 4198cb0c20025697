/* clean.c — TEMPORARY scaffold: one body block per non-empty line. The
 * article cleaner replaces it. */
#include "text/clean.h"

#include "annals.h"

int text_clean(core_arena *a, const char *text, size_t len, text_block **blocks, size_t *n_blocks)
{
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == '\n';
    text_block *b = core_arena_calloc(a, cap, sizeof *b);
    if (!b)
        return ANNALS_E_NOMEM;
    size_t n = 0, i = 0;
    while (i < len) {
        size_t s = i;
        while (i < len && text[i] != '\n')
            i++;
        size_t e = i;
        while (s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r'))
            s++;
        while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
            e--;
        if (e > s)
            b[n++] = (text_block){s, e, TEXT_BLOCK_BODY, s};
        i++;
    }
    *blocks = b;
    *n_blocks = n;
    return ANNALS_OK;
}
