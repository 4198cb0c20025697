/* fuzz_jsonl.c — the JSON-lines reader over arbitrary bytes: every
 * document handed out must have an id and a text of the stated length,
 * and every skip a message naming the input.  A small line limit makes
 * the overlong-line path reachable with short inputs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "io/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *fp = fmemopen((void *)data, size, "rb");
    if (!fp)
        return 0;
    int err;
    annals_reader *r = io_reader_open_stream(fp, true, "fuzz.jsonl", ANNALS_INPUT_JSONL,
                                             data[0] & 1 ? "2000-01-01" : NULL, 4096, &err);
    if (!r)
        return 0;
    annals_document d;
    int rc;
    while ((rc = annals_reader_next(r, &d)) != 0) {
        if (rc == 1) {
            if (!d.id || !d.text || strlen(d.text) > d.text_len || !d.origin_line)
                abort();
            if (d.date && strlen(d.date) != 10)
                abort();
        } else if (strncmp(annals_reader_error(r), "fuzz.jsonl:", 11) != 0) {
            abort();
        } else if (rc != ANNALS_E_RECORD) {
            break;
        }
    }
    if (annals_reader_offset(r) > size)
        abort();
    annals_reader_free(r);
    return 0;
}
