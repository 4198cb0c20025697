/* fuzz_warc.c — the WARC reader over arbitrary bytes (plain, or gzip when
 * they start so): every document has an id, a text of the stated length
 * and a valid date or none; every skip names the input; reading ends
 * without consuming more than was given.  A small page limit makes the
 * over-the-limit paths reachable with short inputs. */
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
    annals_reader *r = io_reader_open_stream(fp, true, "fuzz.warc", ANNALS_INPUT_WARC, NULL,
                                             8192, &err);
    if (!r)
        return 0;
    annals_document d;
    int rc;
    size_t steps = 0;
    while ((rc = annals_reader_next(r, &d)) != 0) {
        if (++steps > size + 2)
            abort();         /* every call must make progress */
        if (rc == 1) {
            if (!d.id || !d.text || strlen(d.text) != d.text_len || !d.origin_line)
                abort();
            if (d.date && !io_valid_date(d.date))
                abort();
        } else if (strncmp(annals_reader_error(r), "fuzz.warc:", 10) != 0) {
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
