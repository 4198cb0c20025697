/* document.c — a stored document, its sentences and its records, read
 * through the store's public call (annals_store_document), so that it
 * works on every back end, on a store handle of its own. */
#include "serve/document.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/api.h"

struct serve_docs {
    annals_store *store;
};

serve_docs *serve_docs_open(const char *db)
{
    if (!db)
        return NULL;
    serve_docs *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.create = 0;
    d->store = annals_store_open(db, &opt, NULL);
    if (!d->store) {
        free(d);
        return NULL;
    }
    return d;
}

void serve_docs_close(serve_docs *d)
{
    if (!d)
        return;
    annals_store_close(d->store);
    free(d);
}

static json_t *docs_str(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* The JSON of doc/api.md, filled by the store's callbacks. */
typedef struct docs_json {
    json_t *doc, *sentences, *events;
} docs_json;

static int docs_head(void *user, const annals_store_doc *d)
{
    docs_json *j = user;
    j->doc = json_pack("{s:o, s:o, s:o, s:o, s:o}", "id", docs_str(d->id), "date",
                       docs_str(d->date), "title", docs_str(d->title), "url", docs_str(d->url),
                       "publisher", docs_str(d->publisher));
    return j->doc == NULL;
}

static int docs_sentence(void *user, const annals_store_sentence *s)
{
    docs_json *j = user;
    json_array_append_new(j->sentences, json_pack("{s:I, s:o}", "index", (json_int_t)s->index,
                                                  "text", docs_str(s->text)));
    return 0;
}

static int docs_record(void *user, const annals_store_record *r)
{
    docs_json *j = user;
    json_array_append_new(j->events, serve_record_json(r));
    return 0;
}

json_t *serve_docs_get(serve_docs *d, const char *id, unsigned *status, char *err,
                       size_t err_size)
{
    *status = 500;
    docs_json j = {NULL, json_array(), json_array()};
    int rc = j.sentences && j.events
                 ? annals_store_document(d->store, id, docs_head, docs_sentence, docs_record,
                                         &j)
                 : ANNALS_E_NOMEM;
    if (rc == 1 && j.doc) {
        json_object_set_new(j.doc, "sentences", j.sentences);
        json_object_set_new(j.doc, "events", j.events);
        *status = 200;
        return j.doc;
    }
    if (rc == 0)
        *status = 404;
    else
        snprintf(err, err_size, "%s",
                 rc < 0 ? annals_store_error(d->store) : "out of memory");
    json_decref(j.doc);
    json_decref(j.sentences);
    json_decref(j.events);
    return NULL;
}
