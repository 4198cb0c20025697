/* fuzz_clean.c — the article cleaner on arbitrary bytes: it must not
 * crash, and its blocks must keep the contract of text/clean.h (in order,
 * not overlapping, inside the text, trimmed, dateline inside its block,
 * nothing but white space left between blocks). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "core/arena.h"
#include "text/clean.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

/* White space the cleaner may leave between blocks; bytes of U+0080 and
 * above may belong to no-break, zero-width or ideographic spaces. */
static int between_ok(unsigned char c)
{
    return c >= 0x80 || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
           c == '\f';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a copy of exactly `size` bytes, so that reading past the end is caught */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);
    core_arena a;
    core_arena_init(&a, 0);
    text_block *b = NULL;
    size_t n = 0;
    int rc = text_clean(&a, text, size, &b, &n);
    check(rc == ANNALS_OK || rc == ANNALS_E_NOMEM);
    if (rc == ANNALS_OK) {
        size_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            check(b[i].start >= prev);
            check(b[i].start < b[i].end && b[i].end <= size);
            check(b[i].dateline_end >= b[i].start && b[i].dateline_end <= b[i].end);
            check(b[i].kind >= TEXT_BLOCK_BODY && b[i].kind <= TEXT_BLOCK_BOILERPLATE);
            check(b[i].kind == TEXT_BLOCK_BODY || b[i].dateline_end == b[i].start);
            for (size_t k = prev; k < b[i].start; k++)
                check(between_ok((unsigned char)text[k]));
            check(!between_ok((unsigned char)text[b[i].start]) ||
                  (unsigned char)text[b[i].start] >= 0x80);
            prev = b[i].end;
        }
        for (size_t k = prev; k < size; k++)
            check(between_ok((unsigned char)text[k]));
    }
    core_arena_destroy(&a);
    free(text);
    return 0;
}
