/* read_jsonl.c — one input document per JSON line, as conventions.md
 * describes it: "id" and "text" strings required; "date" (YYYY-MM-DD),
 * "title", "url", "publisher" optional.  An optional key given as null
 * counts as absent; any other wrong type makes the record bad, as does a
 * date that is not a real calendar date. */
#include <stdlib.h>
#include <string.h>

#include "io/reader.h"
#include "text/utf8.h"

static bool blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return false;
    return true;
}

/* Reads an optional string member into *out.  False when it is present
 * with a type other than string or null. */
static bool optional_string(json_t *obj, const char *key, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return true;
    if (!json_is_string(v))
        return false;
    *out = json_string_value(v);
    return true;
}

int io_jsonl_parse(const char *line, size_t len, io_jsonl_doc *d, char *why, size_t why_cap)
{
    memset(d, 0, sizeof *d);
    why[0] = '\0';
    /* A byte-order mark some editors put at the start of a file. */
    if (len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
        line += 3;
        len -= 3;
    }
    if (blank(line, len))
        return IO_JSONL_BLANK;
    /* JSON text must be UTF-8 and jansson refuses anything else; a few bad
     * bytes in a scraped article should not cost the whole document, so
     * they are replaced with U+FFFD first and counted. */
    char *repaired = NULL;
    d->invalid = text_utf8_count_invalid(line, len);
    if (d->invalid) {
        repaired = text_utf8_repair(line, len, false, &len);
        if (!repaired) {
            snprintf(why, why_cap, "out of memory");
            return IO_JSONL_BAD;
        }
        line = repaired;
    }
    json_error_t jerr;
    d->root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    free(repaired);
    if (!d->root) {
        snprintf(why, why_cap, "invalid JSON at column %d: %s", jerr.column, jerr.text);
        return IO_JSONL_BAD;
    }
    if (!json_is_object(d->root)) {
        snprintf(why, why_cap, "not a JSON object");
        return IO_JSONL_BAD;
    }
    json_t *id = json_object_get(d->root, "id");
    if (!json_is_string(id)) {
        snprintf(why, why_cap, id ? "\"id\" is not a string" : "no \"id\"");
        return IO_JSONL_BAD;
    }
    d->id = json_string_value(id);
    json_t *text = json_object_get(d->root, "text");
    if (!json_is_string(text)) {
        snprintf(why, why_cap, text ? "\"text\" is not a string" : "no \"text\"");
        return IO_JSONL_BAD;
    }
    d->text = json_string_value(text);
    d->text_len = json_string_length(text);
    static const char *const keys[] = {"date", "title", "url", "publisher"};
    const char **outs[] = {&d->date, &d->title, &d->url, &d->publisher};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (!optional_string(d->root, keys[i], outs[i])) {
            snprintf(why, why_cap, "\"%s\" is not a string", keys[i]);
            return IO_JSONL_BAD;
        }
    }
    if (d->date && !io_valid_date(d->date)) {
        snprintf(why, why_cap, "\"date\" is not a YYYY-MM-DD date: '%.40s'", d->date);
        return IO_JSONL_BAD;
    }
    return IO_JSONL_DOC;
}
