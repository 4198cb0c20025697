/* record.c — a stored event record back out as the JSON line of
 * conventions.md, byte for byte what `annals code` writes for it. */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

/* A JSON string.  Stored strings are valid UTF-8 (they came through the
 * coder or through jansson), so bytes from 0x80 pass as they are; only
 * what JSON requires is escaped, as the event writer does. */
static void json_string(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                putc(*p, out);
        }
    }
    putc('"', out);
}

/* Goldstein values have one decimal; anything finer keeps its digits
 * (the writer's rule, so that a record reads back the same). */
static void format_number(char *buf, size_t cap, double v)
{
    snprintf(buf, cap, "%.1f", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, cap, "%.17g", v);
}

int annals_store_record_write(FILE *out, const annals_store_record *r)
{
    char num[40];
    format_number(num, sizeof num, r->goldstein);
    fputs("{\"doc\":", out);
    json_string(out, r->doc);
    fprintf(out, ",\"sent\":%zu,\"date\":", r->sent);
    if (r->date)
        json_string(out, r->date);
    else
        fputs("null", out);
    const char *keys[] = {"source", "target", "code", "root"};
    const char *vals[] = {r->source, r->target, r->code, r->root};
    for (size_t i = 0; i < 4; i++) {
        fprintf(out, ",\"%s\":", keys[i]);
        json_string(out, vals[i]);
    }
    fprintf(out, ",\"quad\":%d,\"goldstein\":%s", r->quad, num);
    const char *keys2[] = {"plover", "source_text", "target_text", "verb_text", "pattern",
                           "text"};
    const char *vals2[] = {r->plover, r->source_text, r->target_text, r->verb_text,
                           r->pattern, r->text};
    for (size_t i = 0; i < 6; i++) {
        fprintf(out, ",\"%s\":", keys2[i]);
        json_string(out, vals2[i]);
    }
    fputs("}\n", out);
    return ferror(out) ? ANNALS_E_IO : ANNALS_OK;
}
