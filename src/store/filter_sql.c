/* filter_sql.c — the WHERE conditions of an event filter and the inner
 * query of the aggregates, written once for both back ends
 * (filter_sql.h).  The conditions are fixed fragments, one per filter
 * field that is set; every value is a numbered parameter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/filter_sql.h"

const char store_stats_sql[] =
    "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),"
    " (SELECT count(*) FROM mentions), (SELECT count(*) FROM events),"
    " (SELECT count(*) FROM actors)";

void store_query_init(store_query *q, store_param_style style, store_query_text_fn text)
{
    memset(q, 0, sizeof *q);
    q->sql = (core_buf)CORE_BUF_INIT;
    q->style = style;
    q->text = text;
}

void store_query_free(store_query *q)
{
    core_buf_free(&q->sql);
    for (int i = 0; i < q->n_owned; i++)
        free(q->owned[i]);
    q->n_owned = 0;
}

void store_query_bind_as(store_query *q, const char *v, const char *type)
{
    if (q->n == STORE_QUERY_MAX_BINDS) {
        q->failed = true;
        return;
    }
    q->vals[q->n++] = v;
    if (q->style == STORE_PARAM_PG)
        core_buf_printf(&q->sql, type ? "$%d::%s" : "$%d", q->n, type);
    else
        core_buf_printf(&q->sql, "?%d", q->n);
}

void store_query_bind(store_query *q, const char *v)
{
    store_query_bind_as(q, v, NULL);
}

char *store_query_own(store_query *q, char *v)
{
    if (!v || q->n_owned == STORE_QUERY_MAX_BINDS) {
        free(v);
        q->failed = true;
        return NULL;
    }
    return q->owned[q->n_owned++] = v;
}

/* "(col >= ?1 AND col < ?2)": the codes that start with `prefix`, as a
 * range an index can serve.  The upper bound is the prefix with its last
 * byte raised by one (bytes 0xFF are dropped first; a prefix of nothing
 * but 0xFF has no upper bound). */
static void q_prefix(store_query *q, const char *col, const char *prefix)
{
    size_t n = strlen(prefix);
    char *hi = malloc(n + 1);
    if (hi)
        memcpy(hi, prefix, n + 1);
    while (hi && n > 0 && (unsigned char)hi[n - 1] == 0xFF)
        hi[--n] = '\0';
    core_buf_printf(&q->sql, "(%s >= ", col);
    store_query_bind(q, prefix);
    if (hi && n > 0) {
        hi[n - 1] = (char)((unsigned char)hi[n - 1] + 1);
        core_buf_printf(&q->sql, " AND %s < ", col);
        store_query_bind(q, store_query_own(q, hi));
    } else {
        free(hi);
        q->failed |= !hi;
    }
    core_buf_puts(&q->sql, ")");
}

/* " AND ((src in a AND tgt in b) OR (src in b AND tgt in a))": a dyad,
 * in either direction. */
static void q_dyad(store_query *q, const char *src, const char *tgt, const char *a,
                   const char *b)
{
    core_buf_puts(&q->sql, " AND ((");
    q_prefix(q, src, a);
    core_buf_puts(&q->sql, " AND ");
    q_prefix(q, tgt, b);
    core_buf_puts(&q->sql, ") OR (");
    q_prefix(q, src, b);
    core_buf_puts(&q->sql, " AND ");
    q_prefix(q, tgt, a);
    core_buf_puts(&q->sql, "))");
}

/* The actor conditions: source, target, either side, a dyad. */
static void q_actors(store_query *q, const annals_store_filter *f, const char *t)
{
    char src[16], tgt[16];
    snprintf(src, sizeof src, "%s.source", t);
    snprintf(tgt, sizeof tgt, "%s.target", t);
    if (f->source) {
        core_buf_puts(&q->sql, " AND ");
        q_prefix(q, src, f->source);
    }
    if (f->target) {
        core_buf_puts(&q->sql, " AND ");
        q_prefix(q, tgt, f->target);
    }
    if (f->actor) {
        core_buf_puts(&q->sql, " AND (");
        q_prefix(q, src, f->actor);
        core_buf_puts(&q->sql, " OR ");
        q_prefix(q, tgt, f->actor);
        core_buf_puts(&q->sql, ")");
    }
    if (f->dyad_a && f->dyad_b)
        q_dyad(q, src, tgt, f->dyad_a, f->dyad_b);
}

/* The words of the filter: on a mention directly, on an event through
 * one of its mentions. */
static void q_words(store_query *q, const char *t, const char *words)
{
    if (!q->text) {
        q->failed = true;
        return;
    }
    if (!strcmp(t, "m")) {
        q->text(q, "m", words);
        return;
    }
    core_buf_printf(&q->sql,
                    " AND EXISTS (SELECT 1 FROM mentions x WHERE x.source = %s.source"
                    " AND x.target = %s.target AND x.code = %s.code"
                    " AND x.bucket = %s.bucket",
                    t, t, t, t);
    q->text(q, "x", words);
    core_buf_puts(&q->sql, ")");
}

void store_query_where(store_query *q, const annals_store_filter *f, const char *t)
{
    q_actors(q, f, t);
    struct {
        const char *col, *op, *val;
    } eq[] = {{"root", "=", f->root}, {"code", "=", f->code},
              {"date", ">=", f->from}, {"date", "<=", f->to}};
    for (size_t i = 0; i < sizeof eq / sizeof eq[0]; i++) {
        if (!eq[i].val)
            continue;
        core_buf_printf(&q->sql, " AND %s.%s %s ", t, eq[i].col, eq[i].op);
        store_query_bind(q, eq[i].val);
    }
    if (f->quad >= 1 && f->quad <= 4) {
        /* Bound like every value, as text: PostgreSQL is told the type,
         * SQLite's integer affinity of the column converts it. */
        static const char *const quads[] = {"0", "1", "2", "3", "4"};
        core_buf_printf(&q->sql, " AND %s.quad = ", t);
        store_query_bind_as(q, quads[f->quad], "integer");
    }
    if (f->text)
        q_words(q, t, f->text);
}

void store_query_events_cte(store_query *q, const annals_store_filter *f, const char *sel_e,
                            const char *sel_m, bool dated, store_query_narrow_fn narrow)
{
    if (!f->text) {
        core_buf_printf(&q->sql,
                        "WITH ev AS (SELECT %s, e.num_mentions AS nm, e.goldstein AS g,"
                        " e.quad AS q FROM events e WHERE true%s",
                        sel_e, dated ? " AND e.date IS NOT NULL" : "");
        if (narrow)
            narrow(q, f);
        store_query_where(q, f, "e");
        core_buf_puts(&q->sql, ") ");
        return;
    }
    core_buf_printf(&q->sql,
                    "WITH ev AS (SELECT %s, count(*) AS nm, avg(m.goldstein) AS g,"
                    " min(m.quad) AS q FROM mentions m WHERE true%s",
                    sel_m, dated ? " AND m.date IS NOT NULL" : "");
    store_query_where(q, f, "m");
    core_buf_puts(&q->sql, " GROUP BY m.source, m.target, m.code, m.bucket) ");
}

void store_query_top(store_query *q, bool actors)
{
    if (actors)
        core_buf_puts(&q->sql,
                      "SELECT a, count(*), sum(nm), sum(g), avg(g) FROM"
                      " (SELECT a, nm, g FROM ev UNION ALL"
                      "  SELECT b, nm, g FROM ev WHERE b <> '---' AND b <> a) t"
                      " GROUP BY a ORDER BY count(*) DESC, sum(nm) DESC, a");
    else
        core_buf_puts(&q->sql, "SELECT a, b, count(*), sum(nm), sum(g), avg(g) FROM ev"
                               " GROUP BY a, b ORDER BY count(*) DESC, sum(nm) DESC, a, b");
}
