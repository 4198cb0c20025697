/* document.h — one stored document with its sentences and records.
 *
 * annals.h section 13 has no query by document, so this reads the SQLite
 * store's tables (doc/store.md) itself through a read-only connection and
 * prepared statements.  It should become a store function
 * (annals_store_document) and this file go away. */
#ifndef ANNALS_SERVE_DOCUMENT_H
#define ANNALS_SERVE_DOCUMENT_H

#include <jansson.h>

typedef struct serve_docs serve_docs;

/* Opens the SQLite store `db` read-only; NULL for a postgresql:// URI or
 * when it cannot be opened (documents then answer 501). */
serve_docs *serve_docs_open(const char *db);
void serve_docs_close(serve_docs *d);

/* The document `id` as the JSON of doc/api.md, or NULL with `*status` 404
 * (absent) or 500 (`err` says why). */
json_t *serve_docs_get(serve_docs *d, const char *id, unsigned *status, char *err,
                       size_t err_size);

#endif
