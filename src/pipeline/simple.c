/* simple.c — the one-call path: text in, event records out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"

char *annals_code_text(const char *text, size_t len, const char *doc_id, const char *date,
                       int *err)
{
    int rc = ANNALS_OK;
    char *out = NULL;
    size_t out_len = 0;
    annals_resources *res = NULL;
    annals_coder *coder = NULL;
    annals_writer *writer = NULL;
    FILE *mem = NULL;

    if (!text && len) {
        rc = ANNALS_E_ARG;
        goto done;
    }
    res = annals_resources_load(NULL, &rc);
    if (!res)
        goto done;
    coder = annals_coder_create(res);
    mem = open_memstream(&out, &out_len);
    writer = mem ? annals_writer_create(mem, ANNALS_FORMAT_JSONL) : NULL;
    if (!coder || !writer) {
        rc = ANNALS_E_NOMEM;
        goto done;
    }
    annals_document doc = {
        .id = doc_id ? doc_id : "text",
        .text = text ? text : "",
        .text_len = len,
        .date = date,
    };
    rc = annals_coder_run(coder, &doc);
    if (rc == ANNALS_OK) {
        size_t ns, ne;
        const annals_sentence *s = annals_coder_sentences(coder, &ns);
        const annals_event *e = annals_coder_events(coder, &ne);
        rc = annals_writer_write(writer, &doc, s, ns, e, ne);
    }
done:
    annals_writer_free(writer);
    if (mem && fclose(mem) != 0 && rc == ANNALS_OK)
        rc = ANNALS_E_NOMEM;
    annals_coder_free(coder);
    annals_resources_free(res);
    if (err)
        *err = rc;
    if (rc != ANNALS_OK) {
        free(out);
        return NULL;
    }
    return out;
}
