/* load_jsonl.c — event records (JSON lines, conventions.md schema 1) into
 * a store.
 *
 * Every record is checked before it counts: a bad one is reported as
 * "NAME:LINE: why" and skipped, and the rest loads.  The records of one
 * document come together in a file, as `annals code` writes them; they
 * are gathered into a group and handed to the store as one document whose
 * content hash covers every field of every record, so that loading the
 * same file twice adds nothing and a changed document replaces its old
 * records.  A document seen again later in the same load (its records
 * were not together, or its group was too large to hold) is appended to
 * rather than replaced. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "io/linereader.h"
#include "io/reader.h"
#include "store/store.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#define LOAD_MAX_LINE ((size_t)16 << 20)
#define LOAD_MAX_GROUP 4096   /* records held before a group is written */

/* ---- one record ---------------------------------------------------- */

static bool get_string(json_t *o, const char *key, bool nonempty, const char **out,
                       char *why, size_t cap)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) {
        snprintf(why, cap, v ? "\"%s\" is not a string" : "no \"%s\"", key);
        return false;
    }
    *out = json_string_value(v);
    if (strlen(*out) != json_string_length(v)) {
        snprintf(why, cap, "\"%s\" holds a NUL character", key);
        return false;
    }
    if (nonempty && !**out) {
        snprintf(why, cap, "\"%s\" is empty", key);
        return false;
    }
    return true;
}

static bool optional_string(json_t *o, const char *key, const char **out, char *why,
                            size_t cap)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return true;
    return get_string(o, key, false, out, why, cap);
}

/* Document metadata a record may carry beyond schema 1 (doc/store.md). */
typedef struct load_meta {
    const char *publisher, *url, *title;
} load_meta;

/* Checks one parsed record and fills `r` (pointing into `o`). */
static bool parse_record(json_t *o, annals_store_record *r, load_meta *meta, char *why,
                         size_t cap)
{
    memset(r, 0, sizeof *r);
    if (!json_is_object(o)) {
        snprintf(why, cap, "not a JSON object");
        return false;
    }
    if (!get_string(o, "doc", true, &r->doc, why, cap))
        return false;
    json_t *sent = json_object_get(o, "sent");
    if (!json_is_integer(sent) || json_integer_value(sent) < 0) {
        snprintf(why, cap, sent ? "\"sent\" is not a sentence index (an integer >= 0)"
                                : "no \"sent\"");
        return false;
    }
    r->sent = (size_t)json_integer_value(sent);
    json_t *date = json_object_get(o, "date");
    if (!date) {
        snprintf(why, cap, "no \"date\" (null when unknown)");
        return false;
    }
    if (!json_is_null(date)) {
        if (!json_is_string(date) || !io_valid_date(json_string_value(date))) {
            snprintf(why, cap, "\"date\" is not a YYYY-MM-DD date or null");
            return false;
        }
        r->date = json_string_value(date);
    }
    if (!get_string(o, "source", true, &r->source, why, cap) ||
        !get_string(o, "target", true, &r->target, why, cap) ||
        !get_string(o, "code", true, &r->code, why, cap) ||
        !get_string(o, "root", true, &r->root, why, cap))
        return false;
    if (!annals_cameo_lookup(r->code)) {
        snprintf(why, cap, "\"code\" '%.20s' is not a CAMEO event code", r->code);
        return false;
    }
    if (strlen(r->root) != 2 || strncmp(r->root, r->code, 2)) {
        snprintf(why, cap, "\"root\" '%.20s' is not the first two digits of \"code\" '%s'",
                 r->root, r->code);
        return false;
    }
    json_t *quad = json_object_get(o, "quad");
    if (!json_is_integer(quad) || json_integer_value(quad) < 1 || json_integer_value(quad) > 4) {
        snprintf(why, cap, quad ? "\"quad\" is not a QuadClass from 1 to 4" : "no \"quad\"");
        return false;
    }
    r->quad = (int)json_integer_value(quad);
    json_t *g = json_object_get(o, "goldstein");
    if (!json_is_number(g) || json_number_value(g) < -10 || json_number_value(g) > 10) {
        snprintf(why, cap, g ? "\"goldstein\" is not a number from -10 to 10"
                             : "no \"goldstein\"");
        return false;
    }
    r->goldstein = json_number_value(g);
    if (!get_string(o, "plover", false, &r->plover, why, cap) ||
        !get_string(o, "source_text", false, &r->source_text, why, cap) ||
        !get_string(o, "target_text", false, &r->target_text, why, cap) ||
        !get_string(o, "verb_text", false, &r->verb_text, why, cap) ||
        !get_string(o, "pattern", false, &r->pattern, why, cap) ||
        !get_string(o, "text", false, &r->text, why, cap))
        return false;
    return optional_string(o, "publisher", &meta->publisher, why, cap) &&
           optional_string(o, "url", &meta->url, why, cap) &&
           optional_string(o, "title", &meta->title, why, cap);
}

/* ---- documents seen in this load ----------------------------------- */

typedef struct load_seen {
    char **slots;            /* open addressing on XXH64 of the id */
    size_t cap, n;
} load_seen;

static bool seen_has(const load_seen *t, const char *id)
{
    if (!t->cap)
        return false;
    for (size_t i = XXH64(id, strlen(id), 0) & (t->cap - 1); t->slots[i];
         i = (i + 1) & (t->cap - 1))
        if (!strcmp(t->slots[i], id))
            return true;
    return false;
}

static bool seen_add(load_seen *t, const char *id)
{
    if ((t->n + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        char **slots = calloc(cap, sizeof *slots);
        if (!slots)
            return false;
        for (size_t k = 0; k < t->cap; k++) {
            if (!t->slots[k])
                continue;
            size_t i = XXH64(t->slots[k], strlen(t->slots[k]), 0) & (cap - 1);
            while (slots[i])
                i = (i + 1) & (cap - 1);
            slots[i] = t->slots[k];
        }
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    size_t i = XXH64(id, strlen(id), 0) & (t->cap - 1);
    while (t->slots[i])
        i = (i + 1) & (t->cap - 1);
    if (!(t->slots[i] = strdup(id)))
        return false;
    t->n++;
    return true;
}

static void seen_free(load_seen *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i]);
    free(t->slots);
}

/* ---- one document's records ---------------------------------------- */

typedef struct load_group {
    json_t **roots;          /* owned: the records point into them */
    annals_store_record *recs;
    size_t n, cap;
    load_meta meta;
    store_sentence *sents;   /* scratch for the write */
} load_group;

typedef struct load_state {
    annals_store *s;
    const char *name;
    annals_store_load_stats st;
    load_group g;
    load_seen seen;
} load_state;

static void group_clear(load_group *g)
{
    for (size_t i = 0; i < g->n; i++)
        json_decref(g->roots[i]);
    g->n = 0;
    memset(&g->meta, 0, sizeof g->meta);
}

static void group_free(load_group *g)
{
    group_clear(g);
    free(g->roots);
    free(g->recs);
    free(g->sents);
}

static bool group_push(load_group *g, json_t *root, const annals_store_record *r)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        json_t **roots = realloc(g->roots, cap * sizeof *roots);
        if (roots)
            g->roots = roots;
        annals_store_record *recs = roots ? realloc(g->recs, cap * sizeof *recs) : NULL;
        if (!recs)
            return false;
        g->recs = recs;
        g->cap = cap;
    }
    g->roots[g->n] = root;
    g->recs[g->n++] = *r;
    return true;
}

static void hash_str(XXH64_state_t *st, const char *s)
{
    /* The terminating NUL separates fields: "ab","c" differs from "a","bc". */
    XXH64_update(st, s ? s : "\x01", s ? strlen(s) + 1 : 1);
}

/* The content hash of a group: every field of every record, in order. */
static uint64_t group_hash(const load_group *g)
{
    XXH64_state_t st;
    XXH64_reset(&st, 0);
    for (size_t i = 0; i < g->n; i++) {
        const annals_store_record *r = &g->recs[i];
        char num[64];
        snprintf(num, sizeof num, "%zu %d %.17g", r->sent, r->quad, r->goldstein);
        const char *f[] = {num, r->date, r->source, r->target, r->code, r->plover,
                           r->source_text, r->target_text, r->verb_text, r->pattern, r->text};
        for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
            hash_str(&st, f[k]);
    }
    const char *m[] = {g->meta.publisher, g->meta.url, g->meta.title};
    for (size_t k = 0; k < 3; k++)
        hash_str(&st, m[k]);
    return XXH64_digest(&st);
}

/* The group's text of sentence `sent`, or NULL when none yet. */
static const char *group_sentence(const load_group *g, size_t sent)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->recs[i].sent == sent)
            return g->recs[i].text;
    return NULL;
}

static int cmp_sentence(const void *a, const void *b)
{
    const store_sentence *x = a, *y = b;
    return (x->index > y->index) - (x->index < y->index);
}

/* Writes the group as one document and empties it. */
static int group_write(load_state *ls)
{
    load_group *g = &ls->g;
    if (!g->n)
        return ANNALS_OK;
    free(g->sents);
    g->sents = malloc(g->n * sizeof *g->sents);
    if (!g->sents)
        return store_fail(ls->s, ANNALS_E_NOMEM, "out of memory");
    size_t ns = 0;
    for (size_t i = 0; i < g->n; i++) {
        bool dup = false;
        for (size_t k = 0; k < ns && !dup; k++)
            dup = g->sents[k].index == g->recs[i].sent;
        if (!dup)
            g->sents[ns++] = (store_sentence){g->recs[i].sent, g->recs[i].text,
                                              ANNALS_SENT_BODY};
    }
    qsort(g->sents, ns, sizeof *g->sents, cmp_sentence);
    const char *id = g->recs[0].doc;
    store_doc d = {.id = id, .publisher = g->meta.publisher, .url = g->meta.url,
                   .title = g->meta.title, .hash = group_hash(g)};
    bool again = seen_has(&ls->seen, id);
    int rc = store_put(ls->s, &d, g->sents, ns, g->recs, g->n,
                       again ? STORE_PUT_APPEND : STORE_PUT_RECORDS);
    if (rc >= 0 && !again && !seen_add(&ls->seen, id))
        rc = store_fail(ls->s, ANNALS_E_NOMEM, "out of memory");
    if (rc == 1)
        ls->st.documents += !again;
    else if (rc == 0)
        ls->st.unchanged++;
    group_clear(g);
    return rc < 0 ? rc : ANNALS_OK;
}

static void skip(load_state *ls, size_t line, const char *doc, const char *why)
{
    ls->st.skipped++;
    if (doc && *doc)
        core_logf(&ls->s->log, ANNALS_LOG_WARN, "%s:%zu: record of '%.200s': %s", ls->name,
                  line, doc, why);
    else
        core_logf(&ls->s->log, ANNALS_LOG_WARN, "%s:%zu: %s", ls->name, line, why);
}

static bool blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* One line; returns an error only when the load cannot go on. */
static int load_line(load_state *ls, char *line, size_t len, size_t line_no)
{
    char why[300];
    if (line_no == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
        line += 3;
        len -= 3;
    }
    if (blank(line, len))
        return ANNALS_OK;
    json_error_t jerr;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        snprintf(why, sizeof why, "invalid JSON at column %d: %s", jerr.column, jerr.text);
        skip(ls, line_no, NULL, why);
        return ANNALS_OK;
    }
    annals_store_record r;
    load_meta meta;
    if (!parse_record(root, &r, &meta, why, sizeof why)) {
        skip(ls, line_no, r.doc, why);
        json_decref(root);
        return ANNALS_OK;
    }
    load_group *g = &ls->g;
    if (g->n && (strcmp(g->recs[0].doc, r.doc) || g->n >= LOAD_MAX_GROUP)) {
        int rc = group_write(ls);
        if (rc) {
            json_decref(root);
            return rc;
        }
    }
    const char *had = group_sentence(g, r.sent);
    if (had && strcmp(had, r.text)) {
        snprintf(why, sizeof why, "\"text\" of sentence %zu differs from an earlier record's",
                 r.sent);
        skip(ls, line_no, r.doc, why);
        json_decref(root);
        return ANNALS_OK;
    }
    /* A document's metadata is what its records say, the first one that
     * says it. */
    if (!g->meta.publisher)
        g->meta.publisher = meta.publisher;
    if (!g->meta.url)
        g->meta.url = meta.url;
    if (!g->meta.title)
        g->meta.title = meta.title;
    if (!group_push(g, root, &r)) {
        json_decref(root);
        return store_fail(ls->s, ANNALS_E_NOMEM, "out of memory");
    }
    ls->st.records++;
    return ANNALS_OK;
}

int annals_store_load_jsonl(annals_store *s, FILE *in, const char *name,
                            annals_store_load_stats *stats)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (!s || !in)
        return s ? store_fail(s, ANNALS_E_ARG, "no input") : ANNALS_E_ARG;
    load_state ls = {.s = s, .name = name ? name : "-"};
    io_linereader lr;
    io_linereader_init(&lr, in, LOAD_MAX_LINE);
    int rc = ANNALS_OK;
    for (;;) {
        char *line;
        size_t len;
        int lrc = io_linereader_next(&lr, &line, &len);
        if (lrc == IO_LINE_END)
            break;
        if (lrc == IO_LINE_TOO_LONG) {
            char why[80];
            snprintf(why, sizeof why, "line longer than %zu bytes", LOAD_MAX_LINE);
            skip(&ls, lr.line_no, NULL, why);
            continue;
        }
        if (lrc != IO_LINE_OK) {
            rc = store_fail(s, lrc == IO_LINE_NOMEM ? ANNALS_E_NOMEM : ANNALS_E_IO,
                            "%s: %s", ls.name,
                            lrc == IO_LINE_NOMEM ? "out of memory" : "read error");
            break;
        }
        if ((rc = load_line(&ls, line, len, lr.line_no)) != ANNALS_OK)
            break;
    }
    if (!rc)
        rc = group_write(&ls);
    if (!rc)
        rc = annals_store_flush(s);
    io_linereader_free(&lr);
    group_free(&ls.g);
    seen_free(&ls.seen);
    if (stats)
        *stats = ls.st;
    return rc;
}
