/* store.c — the public store API (annals.h section 13): arguments,
 * batching and messages shared by every back end; the work is done by
 * the back end's store_ops. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/reader.h"
#include "store/store.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#define STORE_DEFAULT_BATCH 10000

static _Thread_local char open_error[1024];

const char *annals_store_open_error(void)
{
    return open_error;
}

void store_set_open_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(open_error, sizeof open_error, fmt, ap);
    va_end(ap);
}

int store_check_version(const char *where, int v, int known, bool read_only,
                        const char *empty)
{
    if (v > known) {
        store_set_open_error("%s: the store has schema version %d, newer than the %d this "
                             "annals knows; use a newer annals",
                             where, v, known);
        return ANNALS_E_FORMAT;
    }
    if (read_only && v >= 0 && v < known) {
        /* Migrating is writing; a reader says so instead. */
        if (v == 0)
            store_set_open_error("%s: not an annals store (an empty %s)", where, empty);
        else
            store_set_open_error("%s: the store has schema version %d and needs migrating to "
                                 "%d, which a read-only open cannot do; open it for writing "
                                 "once (annals load)",
                                 where, v, known);
        return ANNALS_E_FORMAT;
    }
    return ANNALS_OK;
}

int store_fail(annals_store *s, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->error, sizeof s->error, fmt, ap);
    va_end(ap);
    return code;
}

bool store_is_pg_url(const char *db)
{
    return !strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11);
}

void annals_store_options_init(annals_store_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->create = 1;
    opt->dedup_days = -1;
    opt->log_level = ANNALS_LOG_WARN;
}

annals_store *annals_store_open(const char *db, const annals_store_options *opt, int *err)
{
    annals_store_options defaults;
    if (!opt) {
        annals_store_options_init(&defaults);
        opt = &defaults;
    }
    int rc = ANNALS_OK;
    annals_store *s = NULL;
    open_error[0] = '\0';
    if (!db || !*db) {
        store_set_open_error("no store given");
        rc = ANNALS_E_ARG;
    } else if (opt->dedup_days > STORE_MAX_DEDUP_DAYS) {
        store_set_open_error("deduplication window of %d days is over the limit of %d",
                             opt->dedup_days, STORE_MAX_DEDUP_DAYS);
        rc = ANNALS_E_ARG;
#ifndef ANNALS_HAVE_LIBPQ
    } else if (store_is_pg_url(db)) {
        /* No URL in the message: it may hold a password. */
        store_set_open_error("PostgreSQL stores are not supported in this build (libpq was "
                             "not found when it was configured); use a SQLite file");
        rc = ANNALS_E_UNSUPPORTED;
#endif
    } else if (!(s = calloc(1, sizeof *s))) {
        store_set_open_error("out of memory");
        rc = ANNALS_E_NOMEM;
    } else {
        s->log.fn = opt->log;
        s->log.user = opt->log_user;
        s->log.level = opt->log_level;
        s->batch = opt->batch ? opt->batch : STORE_DEFAULT_BATCH;
#ifdef ANNALS_HAVE_LIBPQ
        if (store_is_pg_url(db))
            rc = store_pg_open(s, db, opt);
        else
#endif
            rc = store_sqlite_open(s, db, opt);
        if (rc) {
            free(s);
            s = NULL;
        }
    }
    if (err)
        *err = rc;
    return s;
}

int annals_store_flush(annals_store *s)
{
    if (!s)
        return ANNALS_E_ARG;
    if (!s->in_tx)
        return ANNALS_OK;
    s->in_tx = false;
    s->pending = 0;
    int rc = s->ops->commit(s);
    if (rc)
        s->ops->rollback(s);
    return rc;
}

int annals_store_close(annals_store *s)
{
    if (!s)
        return ANNALS_OK;
    int rc = annals_store_flush(s);
    s->ops->close(s);
    free(s);
    return rc;
}

const char *annals_store_error(const annals_store *s)
{
    return s ? s->error : "";
}

int annals_store_schema_version(const annals_store *s)
{
    return s ? s->schema_version : 0;
}

int annals_store_dedup_days(const annals_store *s)
{
    return s ? s->dedup_days : 0;
}

int annals_store_set_dedup_days(annals_store *s, int days)
{
    if (!s || days < 0 || days > STORE_MAX_DEDUP_DAYS)
        return s ? store_fail(s, ANNALS_E_ARG, "deduplication window must be 0-%d days",
                              STORE_MAX_DEDUP_DAYS)
                 : ANNALS_E_ARG;
    int rc = annals_store_flush(s);
    if (rc)
        return rc;
    if (days == s->dedup_days)
        return ANNALS_OK;
    rc = s->ops->set_dedup_days(s, days);
    if (!rc)
        s->dedup_days = days;
    return rc;
}

int store_put(annals_store *s, const store_doc *doc, const store_sentence *sents,
              size_t n_sents, const annals_store_record *recs, size_t n_recs,
              store_put_mode mode)
{
    if (!s->in_tx) {
        int rc = s->ops->begin(s);
        if (rc)
            return rc;
        s->in_tx = true;
    }
    int rc = s->ops->put(s, doc, sents, n_sents, recs, n_recs, mode);
    if (rc < 0) {
        /* The batch is lost with the failed statement: say so rather than
         * commit half a document. */
        s->ops->rollback(s);
        s->in_tx = false;
        s->pending = 0;
        return rc;
    }
    /* A document without records still costs a little. */
    s->pending += n_recs ? n_recs : 1;
    if (s->pending >= s->batch) {
        int frc = annals_store_flush(s);
        if (frc)
            return frc;
    }
    return rc;
}

/* ---- documents from the coder -------------------------------------- */

/* The content hash of a coded document: what was read (text, title,
 * date) decides whether a second ingestion changed anything. */
static uint64_t document_hash(const annals_document *doc)
{
    /* Each part is hashed on its own, seeded with the hash so far: parts
     * cannot run into each other, and an absent part differs from an
     * empty one by its seed. */
    uint64_t h = XXH64(doc->text ? doc->text : "", doc->text ? doc->text_len : 0, 0);
    const char *parts[] = {doc->title, doc->date};
    for (size_t i = 0; i < 2; i++)
        h = XXH64(parts[i] ? parts[i] : "", parts[i] ? strlen(parts[i]) : 0,
                  parts[i] ? h : ~h);
    return h;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

int annals_store_add_document(annals_store *s, const annals_document *doc,
                              const annals_sentence *sentences, size_t n_sentences,
                              const annals_event *events, size_t n_events)
{
    if (!s || !doc || !doc->id || !*doc->id)
        return s ? store_fail(s, ANNALS_E_ARG, "document without an id") : ANNALS_E_ARG;
    store_doc d = {.id = doc->id, .url = doc->url, .title = doc->title,
                   .publisher = doc->publisher, .hash = document_hash(doc)};
    d.date = doc->date && io_valid_date(doc->date) ? doc->date : NULL;
    store_sentence *ss = calloc(n_sentences ? n_sentences : 1, sizeof *ss);
    annals_store_record *rs = calloc(n_events ? n_events : 1, sizeof *rs);
    if (!ss || !rs) {
        free(ss);
        free(rs);
        return store_fail(s, ANNALS_E_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < n_sentences; i++)
        ss[i] = (store_sentence){i, or_empty(sentences[i].text), sentences[i].kind};
    for (size_t i = 0; i < n_events; i++) {
        const annals_event *e = &events[i];
        annals_store_record *r = &rs[i];
        const char *date = e->date ? e->date : d.date;
        *r = (annals_store_record){
            .doc = doc->id, .sent = e->sent,
            .date = date && io_valid_date(date) ? date : NULL,
            .source = or_empty(e->source), .target = e->target ? e->target : "---",
            .code = or_empty(e->code), .quad = e->quad, .goldstein = e->goldstein,
            .plover = or_empty(e->plover), .source_text = or_empty(e->source_text),
            .target_text = or_empty(e->target_text), .verb_text = or_empty(e->verb_text),
            .pattern = or_empty(e->pattern),
            .text = e->sent < n_sentences ? or_empty(sentences[e->sent].text) : ""};
        /* The root is the code's first two digits; stored beside it. */
        r->root = r->code;
    }
    int rc = store_put(s, &d, ss, n_sentences, rs, n_events, STORE_PUT_DOCUMENT);
    free(ss);
    free(rs);
    return rc;
}

/* ---- queries ------------------------------------------------------- */

void annals_store_filter_init(annals_store_filter *f)
{
    memset(f, 0, sizeof *f);
}

static bool all_digits(const char *s, size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* An actor code prefix: letters, digits (some CAMEO codes have them) and
 * nothing else, so that a typo cannot silently match nothing. */
static bool actor_prefix(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

int annals_store_filter_check(const annals_store_filter *f, char *msg, size_t size)
{
    struct {
        const char *name, *value;
    } actors[] = {{"source", f->source}, {"target", f->target}, {"actor", f->actor},
                  {"dyad", f->dyad_a}, {"dyad", f->dyad_b}};
    for (size_t i = 0; i < sizeof actors / sizeof actors[0]; i++) {
        if (actors[i].value && !actor_prefix(actors[i].value)) {
            snprintf(msg, size, "%s wants an actor code prefix in capitals (e.g. PRK), "
                     "not '%.40s'", actors[i].name, actors[i].value);
            return ANNALS_E_ARG;
        }
    }
    if (!f->dyad_a != !f->dyad_b) {
        snprintf(msg, size, "dyad wants two actor codes, A,B");
        return ANNALS_E_ARG;
    }
    if (f->root && !all_digits(f->root, 2, 2)) {
        snprintf(msg, size, "root wants a two-digit CAMEO root code, not '%.40s'", f->root);
        return ANNALS_E_ARG;
    }
    if (f->code && !all_digits(f->code, 2, 4)) {
        snprintf(msg, size, "code wants a CAMEO code of 2 to 4 digits, not '%.40s'", f->code);
        return ANNALS_E_ARG;
    }
    if (f->quad < 0 || f->quad > 4) {
        snprintf(msg, size, "quad wants a QuadClass from 1 to 4, not %d", f->quad);
        return ANNALS_E_ARG;
    }
    const char *dates[] = {f->from, f->to};
    const char *names[] = {"from", "to"};
    for (int i = 0; i < 2; i++) {
        if (dates[i] && !io_valid_date(dates[i])) {
            snprintf(msg, size, "%s wants a YYYY-MM-DD date, not '%.40s'", names[i], dates[i]);
            return ANNALS_E_ARG;
        }
    }
    if (f->from && f->to && strcmp(f->from, f->to) > 0) {
        snprintf(msg, size, "from date %s is after the to date %s", f->from, f->to);
        return ANNALS_E_ARG;
    }
    if (f->text) {
        bool word = false;
        for (const char *p = f->text; *p; p++)
            if ((unsigned char)*p > ' ')
                word = true;
        if (!word) {
            snprintf(msg, size, "text wants at least one word");
            return ANNALS_E_ARG;
        }
    }
    if (msg && size)
        msg[0] = '\0';
    return ANNALS_OK;
}

/* Checks the filter (the message goes on the store) and commits what is
 * pending so that a query sees everything written so far. */
static int query_prepare(annals_store *s, const annals_store_filter *f)
{
    if (!s || !f)
        return s ? store_fail(s, ANNALS_E_ARG, "no filter") : ANNALS_E_ARG;
    if (annals_store_filter_check(f, s->error, sizeof s->error))
        return ANNALS_E_ARG;
    return annals_store_flush(s);
}

int annals_store_records(annals_store *s, const annals_store_filter *f,
                         annals_store_record_fn fn, void *user)
{
    int rc = query_prepare(s, f);
    return rc ? rc : s->ops->records(s, f, fn, user);
}

int annals_store_events(annals_store *s, const annals_store_filter *f,
                        annals_store_event_fn fn, void *user)
{
    int rc = query_prepare(s, f);
    return rc ? rc : s->ops->events(s, f, fn, user);
}

int annals_interval_from_name(const char *name)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    for (int i = 0; name && i < 4; i++)
        if (!strcmp(name, names[i]))
            return i;
    return -1;
}

int annals_store_series(annals_store *s, const annals_store_filter *f, annals_interval iv,
                        annals_store_bin_fn fn, void *user)
{
    int rc = query_prepare(s, f);
    if (rc)
        return rc;
    if ((int)iv < ANNALS_BY_DAY || iv > ANNALS_BY_YEAR)
        return store_fail(s, ANNALS_E_ARG, "unknown interval %d", (int)iv);
    return s->ops->series(s, f, iv, fn, user);
}

int annals_store_top_dyads(annals_store *s, const annals_store_filter *f, size_t n,
                           annals_store_bin_fn fn, void *user)
{
    int rc = query_prepare(s, f);
    return rc ? rc : s->ops->top(s, f, false, n, fn, user);
}

int annals_store_top_actors(annals_store *s, const annals_store_filter *f, size_t n,
                            annals_store_bin_fn fn, void *user)
{
    int rc = query_prepare(s, f);
    return rc ? rc : s->ops->top(s, f, true, n, fn, user);
}

int annals_store_get_stats(annals_store *s, annals_store_stats *out)
{
    if (!s || !out)
        return ANNALS_E_ARG;
    int rc = annals_store_flush(s);
    return rc ? rc : s->ops->stats(s, out);
}

int annals_store_document(annals_store *s, const char *id, annals_store_doc_fn doc_fn,
                          annals_store_sentence_fn sent_fn, annals_store_record_fn rec_fn,
                          void *user)
{
    if (!s || !id)
        return s ? store_fail(s, ANNALS_E_ARG, "no document id") : ANNALS_E_ARG;
    /* What is pending belongs to the answer, as for every query. */
    int rc = annals_store_flush(s);
    return rc ? rc : s->ops->document(s, id, doc_fn, sent_fn, rec_fn, user);
}

/* ---- dates --------------------------------------------------------- */

int64_t store_day_number(const char *date)
{
    /* Days from civil (proleptic Gregorian), counting from 1970-01-01. */
    int64_t y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 +
                (date[3] - '0');
    int64_t m = (date[5] - '0') * 10 + (date[6] - '0');
    int64_t d = (date[8] - '0') * 10 + (date[9] - '0');
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int64_t store_bucket(const char *date, int days)
{
    if (!date)
        return STORE_UNDATED;
    int64_t day = store_day_number(date);
    int64_t w = (int64_t)days + 1;
    /* Floor division: windows stay aligned before 1970 too. */
    return day >= 0 ? day / w : -((-day + w - 1) / w);
}
