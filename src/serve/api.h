/* api.h — the JSON endpoints of doc/api.md over an open store.  Nothing
 * here knows HTTP: a route is found by path, its parameters checked
 * (params.h), and its handler builds the JSON answer. */
#ifndef ANNALS_SERVE_API_H
#define ANNALS_SERVE_API_H

#include <jansson.h>

#include "annals.h"
#include "serve/document.h"
#include "serve/params.h"

typedef struct serve_route serve_route;

/* The route of `path` ("/api/events", "/api/documents/ID"), or NULL when
 * `path` is not an API path the server knows. */
const serve_route *serve_route_find(const char *path);

/* Starts `p` with what the route accepts. */
void serve_route_params(const serve_route *r, serve_params *p);

/* Answers the route: returns the HTTP status and sets `*body` (owned by
 * the caller, json_decref) to the answer or to an error object.  `store`
 * and `docs` are used by one thread at a time: the caller holds the lock. */
unsigned serve_route_answer(const serve_route *r, const char *path, const serve_params *p,
                            annals_store *store, serve_docs *docs, json_t **body);

/* {"error": why, "parameter": name or null}; NULL when out of memory. */
json_t *serve_error_json(const char *why, const char *parameter);

/* An event record as the JSON object of conventions.md (keys in order). */
json_t *serve_record_json(const annals_store_record *r);

#endif
