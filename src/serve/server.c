/* server.c — annals_server (annals.h section 16): libmicrohttpd in front
 * of the API (api.c) and the dashboard's static files. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "annals.h"
#include "serve/api.h"
#include "serve/document.h"
#include "serve/params.h"

/* Longest path answered; the request line and headers together are
 * bounded by the connection memory (MHD answers 414 or 431 beyond it). */
#define SERVER_URL_MAX 4096
#define SERVER_CONN_MEMORY (32 * 1024)

static const char server_csp_page[] =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
static const char server_csp_api[] = "default-src 'none'; frame-ancestors 'none'";

/* One store handle (and document reader) per worker thread: a store is
 * used by one thread at a time, and SQLite readers of their own handles
 * run side by side. */
typedef struct server_slot {
    annals_store *store;
    serve_docs *docs;
    bool busy;
} server_slot;

#define SERVER_THREADS_MAX 64

struct annals_server {
    struct MHD_Daemon *daemon;
    server_slot *slots;
    unsigned n_slots;
    pthread_mutex_t lock;    /* guards `busy` of the slots */
    pthread_cond_t freed;
    char *web_dir;           /* NULL when there is no dashboard */
    unsigned port;
    annals_log_fn log;
    void *log_user;
    annals_log_level log_level;
};

void annals_server_options_init(annals_server_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->log_level = ANNALS_LOG_WARN;
}

static void server_log(const annals_server *s, annals_log_level level, const char *fmt, ...)
{
    if (!s->log || level < s->log_level)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    s->log(s->log_user, level, buf);
}

/* Queues `body` (taken: malloc'd) with the headers every answer has. */
static enum MHD_Result server_send(struct MHD_Connection *c, unsigned status, char *body,
                                   size_t len, const char *type, bool page)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy",
                            page ? server_csp_page : server_csp_api);
    if (!page)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Answers the JSON `body` (taken) with `status`. */
static enum MHD_Result server_json(struct MHD_Connection *c, unsigned status, json_t *body)
{
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    json_decref(body);
    if (!text) {
        static const char oom[] = "{\"error\":\"out of memory\",\"parameter\":null}";
        text = strdup(oom);
        status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        if (!text)
            return MHD_NO;
    }
    return server_send(c, status, text, strlen(text), "application/json; charset=utf-8",
                       false);
}

static enum MHD_Result server_error(struct MHD_Connection *c, unsigned status,
                                    const char *why, const char *parameter)
{
    return server_json(c, status, serve_error_json(why, parameter));
}

static enum MHD_Result server_param(void *cls, enum MHD_ValueKind kind, const char *key,
                                    size_t key_size, const char *value, size_t value_size)
{
    serve_params_add_n(cls, key, key_size, value, value_size);
    return MHD_YES;
}

/* A free store handle; waits while every one is in use (there are as
 * many as worker threads, so only in-flight requests wait). */
static server_slot *server_take(annals_server *s)
{
    pthread_mutex_lock(&s->lock);
    for (;;) {
        for (unsigned i = 0; i < s->n_slots; i++)
            if (!s->slots[i].busy) {
                s->slots[i].busy = true;
                pthread_mutex_unlock(&s->lock);
                return &s->slots[i];
            }
        pthread_cond_wait(&s->freed, &s->lock);
    }
}

static void server_give(annals_server *s, server_slot *slot)
{
    pthread_mutex_lock(&s->lock);
    slot->busy = false;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->lock);
}

static enum MHD_Result server_api(annals_server *s, struct MHD_Connection *c,
                                  const char *url)
{
    const serve_route *route = serve_route_find(url);
    if (!route)
        return server_error(c, MHD_HTTP_NOT_FOUND, "not found", NULL);
    serve_params p;
    serve_route_params(route, &p);
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, server_param, &p);
    if (!serve_params_finish(&p)) {
        char why[256];
        if (strcmp(p.error, "unknown parameter") == 0)
            snprintf(why, sizeof why, "unknown parameter '%s'", p.bad_name);
        else
            snprintf(why, sizeof why, "%s %s", p.bad_name, p.error);
        return server_error(c, MHD_HTTP_BAD_REQUEST, why, p.bad_name);
    }
    json_t *body = NULL;
    server_slot *slot = server_take(s);
    unsigned status = serve_route_answer(route, url, &p, slot->store, slot->docs, &body);
    server_give(s, slot);
    if (status >= 500)
        server_log(s, ANNALS_LOG_ERROR, "serve: %s: %s", url,
                   json_string_value(json_object_get(body, "error")));
    return server_json(c, status, body);
}

/* The content type of a dashboard file, or NULL when it is not served. */
static const char *server_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".woff2", "font/woff2"},
    };
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return NULL;
}

/* Whether a path may name a dashboard file: plain names only, no
 * component starting with a dot (no "..", no hidden files). */
static bool server_safe_path(const char *path)
{
    if (path[0] != '/' || strlen(path) > 256)
        return false;
    for (const char *p = path; *p; p++) {
        char ch = *p;
        bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                     (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_' ||
                     ch == '/';
        if (!plain || (ch == '/' && (p[1] == '.' || p[1] == '/')))
            return false;
    }
    return true;
}

static enum MHD_Result server_not_built(struct MHD_Connection *c)
{
    static const char page[] =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>annals</title></head><body>\n<h1>annals</h1>\n"
        "<p>The dashboard is not built.  The JSON API answers under /api/ "
        "(see doc/api.md), e.g. <a href=\"/api/series\">/api/series</a>.</p>\n"
        "</body></html>\n";
    char *body = strdup(page);
    if (!body)
        return MHD_NO;
    return server_send(c, MHD_HTTP_OK, body, strlen(body), "text/html; charset=utf-8", true);
}

static enum MHD_Result server_static(annals_server *s, struct MHD_Connection *c,
                                     const char *url)
{
    const char *path = strcmp(url, "/") == 0 ? "/index.html" : url;
    if (!s->web_dir) {
        if (strcmp(path, "/index.html") == 0)
            return server_not_built(c);
        return server_error(c, MHD_HTTP_NOT_FOUND, "not found", NULL);
    }
    const char *type = server_safe_path(path) ? server_type(path) : NULL;
    if (!type)
        return server_error(c, MHD_HTTP_NOT_FOUND, "not found", NULL);
    char full[4096 + 300];
    snprintf(full, sizeof full, "%s%s", s->web_dir, path);
    int fd = open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        if (strcmp(path, "/index.html") == 0)
            return server_not_built(c);
        return server_error(c, MHD_HTTP_NOT_FOUND, "not found", NULL);
    }
    struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (!r) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Content-Security-Policy", server_csp_page);
    enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return ok;
}

/* Every request is answered on its first call, before any body is read:
 * GET and HEAD carry none, and one announced is refused. */
static enum MHD_Result server_handle(void *cls, struct MHD_Connection *c, const char *url,
                                     const char *method, const char *version,
                                     const char *upload_data, size_t *upload_data_size,
                                     void **con_cls)
{
    static int answered;
    annals_server *s = cls;
    if (*con_cls == &answered)
        return *upload_data_size ? MHD_NO : MHD_YES;
    *con_cls = &answered;
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return server_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed", NULL);
    const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
    if ((length && strcmp(length, "0") != 0) ||
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING))
        return server_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "request bodies are not accepted",
                            NULL);
    if (strlen(url) > SERVER_URL_MAX)
        return server_error(c, MHD_HTTP_URI_TOO_LONG, "URL too long", NULL);
    if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0)
        return server_api(s, c, url);
    return server_static(s, c, url);
}

static void server_fail(int *err, int code, char *msg, size_t msg_size, const char *fmt,
                        const char *arg)
{
    if (err)
        *err = code;
    if (msg && msg_size)
        snprintf(msg, msg_size, fmt, arg);
}

/* The listening address of `bind`:`port`; false when `bind` is not an
 * IPv4 or IPv6 address. */
static bool server_address(const char *bind, unsigned port, struct sockaddr_storage *ss,
                           bool *v6)
{
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, bind, &in4->sin_addr) == 1) {
        in4->sin_family = AF_INET;
        in4->sin_port = htons((uint16_t)port);
        *v6 = false;
        return true;
    }
    if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        *v6 = true;
        return true;
    }
    return false;
}

annals_server *annals_server_start(const char *db, const annals_server_options *opt,
                                   int *err, char *msg, size_t msg_size)
{
    annals_server_options defaults;
    if (!opt) {
        annals_server_options_init(&defaults);
        opt = &defaults;
    }
    const char *bind = opt->bind ? opt->bind : "127.0.0.1";
    struct sockaddr_storage addr;
    bool v6 = false;
    if (!db || opt->port > 65535 || !server_address(bind, opt->port, &addr, &v6)) {
        server_fail(err, ANNALS_E_ARG, msg, msg_size, "not an IP address to bind: %s", bind);
        return NULL;
    }
    annals_server *s = calloc(1, sizeof *s);
    if (!s) {
        server_fail(err, ANNALS_E_NOMEM, msg, msg_size, "%s", "out of memory");
        return NULL;
    }
    s->log = opt->log;
    s->log_user = opt->log_user;
    s->log_level = opt->log_level;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->freed, NULL);
    unsigned threads = opt->threads ? opt->threads : 4u;
    if (threads > SERVER_THREADS_MAX)
        threads = SERVER_THREADS_MAX;
    s->slots = calloc(threads, sizeof *s->slots);
    if (!s->slots) {
        server_fail(err, ANNALS_E_NOMEM, msg, msg_size, "%s", "out of memory");
        annals_server_stop(s);
        return NULL;
    }

    annals_store_options so;
    annals_store_options_init(&so);
    so.create = 0;
    so.log = opt->log;
    so.log_user = opt->log_user;
    so.log_level = opt->log_level;
    int serr = 0;
    for (; s->n_slots < threads; s->n_slots++) {
        server_slot *slot = &s->slots[s->n_slots];
        slot->store = annals_store_open(db, &so, &serr);
        if (!slot->store) {
            server_fail(err, serr ? serr : ANNALS_E_IO, msg, msg_size, "%s",
                        annals_store_open_error());
            annals_server_stop(s);
            return NULL;
        }
        slot->docs = serve_docs_open(db);
    }
    struct stat st;
    if (opt->web_dir && stat(opt->web_dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        s->web_dir = strdup(opt->web_dir);
        if (!s->web_dir) {
            server_fail(err, ANNALS_E_NOMEM, msg, msg_size, "%s", "out of memory");
            annals_server_stop(s);
            return NULL;
        }
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | (v6 ? MHD_USE_IPv6 : 0);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)opt->port, NULL, NULL, server_handle, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_LIMIT, opt->max_connections ? opt->max_connections : 64u,
        MHD_OPTION_CONNECTION_TIMEOUT, opt->timeout ? opt->timeout : 30u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVER_CONN_MEMORY,
        MHD_OPTION_END);
    if (!s->daemon) {
        char where[128];
        snprintf(where, sizeof where, "%s port %u", bind, opt->port);
        server_fail(err, ANNALS_E_IO, msg, msg_size, "cannot listen on %s", where);
        annals_server_stop(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : opt->port;
    server_log(s, ANNALS_LOG_INFO, "serving %s on %s port %u", db, bind, s->port);
    return s;
}

unsigned annals_server_port(const annals_server *server)
{
    return server ? server->port : 0;
}

void annals_server_stop(annals_server *server)
{
    if (!server)
        return;
    if (server->daemon)
        MHD_stop_daemon(server->daemon);
    for (unsigned i = 0; i < server->n_slots; i++) {
        serve_docs_close(server->slots[i].docs);
        annals_store_close(server->slots[i].store);
    }
    free(server->slots);
    pthread_cond_destroy(&server->freed);
    pthread_mutex_destroy(&server->lock);
    free(server->web_dir);
    free(server);
}
