/* fuzz_html.c — the HTML reader over arbitrary bytes: the first byte picks
 * an HTTP charset (none, UTF-8, windows-1251, a bogus label) and a base
 * URL; every page must come out as text of the stated length, valid
 * NUL-free strings, and a date that is a real "YYYY-MM-DD" or empty. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "io/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const char *const charsets[] = {NULL, "utf-8", "windows-1251", "x-bogus"};
    const char *charset = charsets[data[0] & 3];
    const char *base = data[0] & 4 ? "https://news.example.org/a/b.html" : NULL;
    io_html_doc d;
    int rc = io_html_extract((const char *)data + 1, size - 1, charset, base, &d);
    if (rc != ANNALS_OK)
        return 0;
    if (!d.text || strlen(d.text) != d.text_len)
        abort();
    if (d.date[0] && !io_valid_date(d.date))
        abort();
    if (d.title && !d.title[0])
        abort();
    io_html_doc_free(&d);
    return 0;
}
