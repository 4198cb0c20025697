/* api.c — the JSON endpoints of doc/api.md, built from the store's public
 * queries (annals.h section 13). */
#include "serve/api.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef enum serve_kind {
    SERVE_EVENTS, SERVE_SERIES, SERVE_DYADS, SERVE_ACTORS, SERVE_GRAPH, SERVE_STATS, SERVE_DOCUMENT
} serve_kind;

struct serve_route {
    const char *path;        /* exact, or the prefix for documents */
    serve_kind kind;
    unsigned allowed;
    size_t limit_default, limit_max;
};

static const serve_route serve_routes[] = {
    {"/api/events", SERVE_EVENTS, SERVE_P_FILTERS | SERVE_P_LIMIT | SERVE_P_OFFSET, 100, 1000},
    {"/api/series", SERVE_SERIES, SERVE_P_FILTERS | SERVE_P_INTERVAL, 0, 0},
    {"/api/dyads", SERVE_DYADS, SERVE_P_FILTERS | SERVE_P_LIMIT, 20, 1000},
    {"/api/actors", SERVE_ACTORS, SERVE_P_FILTERS | SERVE_P_LIMIT, 20, 1000},
    {"/api/graph", SERVE_GRAPH, SERVE_P_FILTERS | SERVE_P_LIMIT, 100, 500},
    {"/api/stats", SERVE_STATS, 0, 0, 0},
    {"/api/documents/", SERVE_DOCUMENT, 0, 0, 0},
};

#define SERVE_DOC_ID_MAX 512

const serve_route *serve_route_find(const char *path)
{
    for (size_t i = 0; i < sizeof serve_routes / sizeof serve_routes[0]; i++) {
        const serve_route *r = &serve_routes[i];
        if (r->kind == SERVE_DOCUMENT) {
            size_t n = strlen(r->path), rest = strlen(path) >= n ? strlen(path) - n : 0;
            if (strncmp(path, r->path, n) == 0 && rest > 0 && rest <= SERVE_DOC_ID_MAX)
                return r;
        } else if (strcmp(path, r->path) == 0) {
            return r;
        }
    }
    return NULL;
}

void serve_route_params(const serve_route *r, serve_params *p)
{
    serve_params_init(p, r->allowed, r->limit_default, r->limit_max);
}

json_t *serve_error_json(const char *why, const char *parameter)
{
    return json_pack("{s:s, s:s?}", "error", why, "parameter", parameter);
}

static json_t *api_str(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *serve_record_json(const annals_store_record *r)
{
    /* json_pack keeps the key order, which is the record's contract. */
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_object_set_new(o, "doc", api_str(r->doc));
    json_object_set_new(o, "sent", json_integer((json_int_t)r->sent));
    json_object_set_new(o, "date", api_str(r->date));
    json_object_set_new(o, "source", api_str(r->source));
    json_object_set_new(o, "target", api_str(r->target));
    json_object_set_new(o, "code", api_str(r->code));
    json_object_set_new(o, "root", api_str(r->root));
    json_object_set_new(o, "quad", json_integer(r->quad));
    json_object_set_new(o, "goldstein", json_real(r->goldstein));
    json_object_set_new(o, "plover", api_str(r->plover));
    json_object_set_new(o, "source_text", api_str(r->source_text));
    json_object_set_new(o, "target_text", api_str(r->target_text));
    json_object_set_new(o, "verb_text", api_str(r->verb_text));
    json_object_set_new(o, "pattern", api_str(r->pattern));
    json_object_set_new(o, "text", api_str(r->text));
    return o;
}

/* /api/events: one page of records, skipped to by the store (which
 * steps over the rows before it without making them); one record beyond
 * the page says whether another page follows. */
typedef struct api_page {
    size_t limit, seen;
    bool more;
    json_t *list;
} api_page;

static int api_page_record(void *user, const annals_store_record *r)
{
    api_page *pg = user;
    if (pg->seen++ >= pg->limit) {
        pg->more = true;
        return 1;
    }
    json_array_append_new(pg->list, serve_record_json(r));
    return 0;
}

static int api_events(annals_store *store, const serve_params *p, json_t **body)
{
    annals_store_filter f;
    serve_params_filter(p, &f);
    f.offset = p->offset;
    f.limit = p->limit + 1;
    api_page pg = {p->limit, 0, false, json_array()};
    int rc = annals_store_records(store, &f, api_page_record, &pg);
    json_t *next = pg.more ? json_integer((json_int_t)(p->offset + p->limit)) : json_null();
    *body = json_pack("{s:I, s:I, s:o, s:o}", "offset", (json_int_t)p->offset, "limit",
                      (json_int_t)p->limit, "next_offset", next, "events", pg.list);
    return rc;
}

/* /api/series: the store's series with its QuadClass counts.  A back end
 * that does not count by class in the same pass (the counts of a period
 * do not add up to its events) is asked once more per class, and the
 * counts are merged in by period. */
typedef struct api_series {
    json_t *list;
    json_t *by_period;       /* period -> that period's "quad" object */
    int quad;
    bool counted;            /* every period's classes add up */
} api_series;

static int api_series_bin(void *user, const annals_store_bin *b)
{
    api_series *s = user;
    const size_t *n = b->quad_events;
    s->counted &= n[1] + n[2] + n[3] + n[4] == b->events;
    json_t *quad = json_pack("{s:I, s:I, s:I, s:I}", "1", (json_int_t)n[1], "2",
                             (json_int_t)n[2], "3", (json_int_t)n[3], "4", (json_int_t)n[4]);
    json_array_append_new(
        s->list, json_pack("{s:s, s:I, s:I, s:f, s:f, s:O}", "period", b->key, "events",
                           (json_int_t)b->events, "mentions", (json_int_t)b->mentions,
                           "goldstein_sum", b->goldstein_sum, "goldstein_mean",
                           b->goldstein_mean, "quad", quad));
    json_object_set_new(s->by_period, b->key, quad);
    return 0;
}

static int api_series_quad(void *user, const annals_store_bin *b)
{
    api_series *s = user;
    json_t *quad = json_object_get(s->by_period, b->key);
    char k[2] = {(char)('0' + s->quad), '\0'};
    if (quad)
        json_object_set_new(quad, k, json_integer((json_int_t)b->events));
    return 0;
}

static const char *api_interval_name(int iv)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    return iv >= 0 && iv < 4 ? names[iv] : "month";
}

static int api_series_json(annals_store *store, const serve_params *p, json_t **body)
{
    annals_store_filter f;
    serve_params_filter(p, &f);
    api_series s = {json_array(), json_object(), 0, true};
    int rc = annals_store_series(store, &f, (annals_interval)p->interval, api_series_bin, &s);
    for (int q = 1; q <= 4 && rc >= 0 && !s.counted; q++) {
        if (p->quad && p->quad != q)
            continue;
        f.quad = q;
        s.quad = q;
        rc = annals_store_series(store, &f, (annals_interval)p->interval, api_series_quad, &s);
    }
    json_decref(s.by_period);
    *body = json_pack("{s:s, s:o}", "interval", api_interval_name(p->interval), "series",
                      s.list);
    return rc;
}

static int api_dyad_bin(void *user, const annals_store_bin *b)
{
    json_array_append_new(user, json_pack("{s:s, s:s, s:I, s:I, s:f, s:f}", "source", b->key,
                                          "target", b->key2 ? b->key2 : "---", "events",
                                          (json_int_t)b->events, "mentions",
                                          (json_int_t)b->mentions, "goldstein_sum",
                                          b->goldstein_sum, "goldstein_mean",
                                          b->goldstein_mean));
    return 0;
}

static int api_actor_bin(void *user, const annals_store_bin *b)
{
    json_array_append_new(user, json_pack("{s:s, s:I, s:I, s:f, s:f}", "actor", b->key,
                                          "events", (json_int_t)b->events, "mentions",
                                          (json_int_t)b->mentions, "goldstein_sum",
                                          b->goldstein_sum, "goldstein_mean",
                                          b->goldstein_mean));
    return 0;
}

static int api_top(annals_store *store, const serve_params *p, bool actors, json_t **body)
{
    annals_store_filter f;
    serve_params_filter(p, &f);
    json_t *list = json_array();
    int rc = actors ? annals_store_top_actors(store, &f, p->limit, api_actor_bin, list)
                    : annals_store_top_dyads(store, &f, p->limit, api_dyad_bin, list);
    *body = json_pack("{s:o}", actors ? "actors" : "dyads", list);
    return rc;
}

/* /api/graph: edges are the top dyads with a target, nodes the actors
 * they join, weighted by the events of their edges. */
typedef struct api_graph {
    json_t *edges, *nodes;   /* nodes: id -> events (integer) */
    size_t limit, n;
} api_graph;

static void api_graph_weigh(api_graph *g, const char *actor, size_t events)
{
    json_t *w = json_object_get(g->nodes, actor);
    json_int_t before = w ? json_integer_value(w) : 0;
    json_object_set_new(g->nodes, actor, json_integer(before + (json_int_t)events));
}

static int api_graph_bin(void *user, const annals_store_bin *b)
{
    api_graph *g = user;
    if (!b->key2 || strcmp(b->key2, "---") == 0 || strcmp(b->key, "---") == 0)
        return 0;
    json_array_append_new(g->edges, json_pack("{s:s, s:s, s:I, s:I, s:f}", "source", b->key,
                                              "target", b->key2, "events",
                                              (json_int_t)b->events, "mentions",
                                              (json_int_t)b->mentions, "goldstein_mean",
                                              b->goldstein_mean));
    api_graph_weigh(g, b->key, b->events);
    if (strcmp(b->key, b->key2) != 0)
        api_graph_weigh(g, b->key2, b->events);
    return ++g->n >= g->limit;
}

static int api_graph_json(annals_store *store, const serve_params *p, json_t **body)
{
    annals_store_filter f;
    serve_params_filter(p, &f);
    api_graph g = {json_array(), json_object(), p->limit, 0};
    /* Dyads without a target are dropped, so ask for a few more. */
    int rc = annals_store_top_dyads(store, &f, p->limit * 2, api_graph_bin, &g);
    json_t *nodes = json_array();
    const char *id;
    json_t *w;
    json_object_foreach(g.nodes, id, w)
        json_array_append_new(nodes, json_pack("{s:s, s:O}", "id", id, "events", w));
    json_decref(g.nodes);
    *body = json_pack("{s:o, s:o}", "nodes", nodes, "edges", g.edges);
    return rc;
}

/* /api/stats: what the whole store holds (no filters). */
static int api_stats(annals_store *store, json_t **body)
{
    annals_store_stats st;
    int rc = annals_store_get_stats(store, &st);
    if (rc >= 0)
        *body = json_pack("{s:I, s:I, s:I, s:I, s:I}", "documents", (json_int_t)st.documents,
                          "sentences", (json_int_t)st.sentences, "mentions",
                          (json_int_t)st.mentions, "events", (json_int_t)st.events,
                          "actors", (json_int_t)st.actors);
    return rc;
}

unsigned serve_route_answer(const serve_route *r, const char *path, const serve_params *p,
                            annals_store *store, serve_docs *docs, json_t **body)
{
    int rc = 0;
    *body = NULL;
    switch (r->kind) {
    case SERVE_EVENTS: rc = api_events(store, p, body); break;
    case SERVE_SERIES: rc = api_series_json(store, p, body); break;
    case SERVE_DYADS: rc = api_top(store, p, false, body); break;
    case SERVE_ACTORS: rc = api_top(store, p, true, body); break;
    case SERVE_GRAPH: rc = api_graph_json(store, p, body); break;
    case SERVE_STATS: rc = api_stats(store, body); break;
    case SERVE_DOCUMENT: {
        if (!docs) {
            *body = serve_error_json("documents need a SQLite store", NULL);
            return 501;
        }
        unsigned status = 200;
        char err[256] = "";
        *body = serve_docs_get(docs, path + strlen(r->path), &status, err, sizeof err);
        if (!*body)
            *body = status == 404 ? serve_error_json("no such document", "id")
                                  : serve_error_json(err[0] ? err : "store failure", NULL);
        return *body ? status : 500;
    }
    }
    if (rc < 0) {
        json_decref(*body);
        *body = serve_error_json(annals_store_error(store)[0] ? annals_store_error(store)
                                                              : annals_error_name(rc),
                                 NULL);
        return 500;
    }
    if (!*body)
        *body = serve_error_json("out of memory", NULL);
    return *body && json_object_get(*body, "error") ? 500 : 200;
}
