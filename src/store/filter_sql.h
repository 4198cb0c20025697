/* filter_sql.h — inside the store: the SQL text of a query and its bound
 * values, and the WHERE conditions of an event filter, shared by the
 * SQLite and PostgreSQL back ends (filter_sql.c).
 *
 * Both back ends send the text to their prepared-statement interface
 * (sqlite3_prepare_v2, PQsendQueryParams) with the values as parameters:
 * nothing the user gave is ever pasted into the SQL.  They differ only in
 * how a placeholder is written and in how words are searched, so those
 * two are the parameters of a query. */
#ifndef ANNALS_STORE_FILTER_SQL_H
#define ANNALS_STORE_FILTER_SQL_H

#include <stdbool.h>

#include "annals.h"
#include "core/buf.h"

#define STORE_QUERY_MAX_BINDS 24

/* How the n-th parameter (1-based) is written: ?n for SQLite, $n for
 * PostgreSQL. */
typedef enum store_param_style { STORE_PARAM_SQLITE, STORE_PARAM_PG } store_param_style;

typedef struct store_query store_query;

/* Appends " AND <condition>" selecting the rows of table alias `alias`
 * (columns doc and sent) whose sentence matches the words `text`: the
 * back end's full-text search. */
typedef void (*store_query_text_fn)(store_query *q, const char *alias, const char *text);

/* A query being built: its text and the values of its parameters in
 * order.  Values are borrowed from the caller (the filter, constants) or
 * owned by the query (`owned`, freed by store_query_free).  `failed` says
 * that a value could not be made or there were too many; the query must
 * then not run. */
struct store_query {
    core_buf sql;
    const char *vals[STORE_QUERY_MAX_BINDS];
    int n;
    char *owned[STORE_QUERY_MAX_BINDS];
    int n_owned;
    bool failed;
    store_param_style style;
    store_query_text_fn text;
};

void store_query_init(store_query *q, store_param_style style, store_query_text_fn text);
void store_query_free(store_query *q);

/* Adds a parameter (NULL is SQL NULL) and writes its placeholder. */
void store_query_bind(store_query *q, const char *v);

/* As store_query_bind, with the placeholder cast to `type` where the
 * back end needs to be told (PostgreSQL: $n::type); SQLite converts by
 * the column's affinity. */
void store_query_bind_as(store_query *q, const char *v, const char *type);

/* Makes `v` (malloc'd, may be NULL after a failed allocation) the query's
 * to free and returns it; NULL (and `failed`) when it is NULL or there is
 * no room. */
char *store_query_own(store_query *q, char *v);

/* Appends the conditions of `f` on the columns of table alias `t` (source,
 * target, root, code, date, quad, and doc and sent for a text filter),
 * each starting with " AND".  An actor code is a prefix, written as a
 * range an index can serve; an event of table alias "m" is a mention,
 * any other alias is an aggregated row matched through its mentions
 * (source, target, code, bucket) when words are searched. */
void store_query_where(store_query *q, const annals_store_filter *f, const char *t);

/* Adds conditions on the events table (alias "e") to an aggregate's
 * inner query, after its dates and before the filter's own (the SQLite
 * back end's dyad sums). */
typedef void (*store_query_narrow_fn)(store_query *q, const annals_store_filter *f);

/* Writes "WITH ev AS (...) ": the events among the matching mentions, one
 * row each with its mention count (nm), Goldstein value (g) and QuadClass
 * (q), the common inner query of every aggregate.  Without a text filter
 * every filter applies to the events table as it is, which is much
 * smaller than the mentions; with one, the events are gathered from the
 * matching mentions.  `sel_e` and `sel_m` are the keys to select in
 * either case; `dated` leaves undated events out; `narrow` may be NULL. */
void store_query_events_cte(store_query *q, const annals_store_filter *f, const char *sel_e,
                            const char *sel_m, bool dated, store_query_narrow_fn narrow);

/* Writes the top list's SELECT over ev (store_query_events_cte with keys
 * a, b): actors (source or target, a pair's actor counted once) or dyads,
 * most events first, then most mentions, then by code. */
void store_query_top(store_query *q, bool actors);

/* The store's counts: documents, sentences, mentions, events, actors. */
extern const char store_stats_sql[];

/* What the row readers of an aggregate (either back end) need. */
typedef struct store_bin_ctx {
    annals_store_bin_fn fn;
    void *user;
    bool two_keys;
    bool quads;              /* four QuadClass counts follow the figures */
} store_bin_ctx;

#endif
