/* test_serve_api.c — annals_server on loopback: every endpoint of
 * doc/api.md over a small store loaded from hand-written event records,
 * refused parameters, routes and methods, an oversized URL, the
 * dashboard's files, and that the server keeps serving after errors. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "annals.h"
#include "store_fixture.h"

/* Three documents, four records: two in May 2020 (one day, PRK-USA both
 * ways), one in June, one undated. */
static const char records[] =
    "{\"doc\":\"d1\",\"sent\":0,\"date\":\"2020-05-01\",\"source\":\"PRKGOV\",\"target\":\"USA\","
    "\"code\":\"111\",\"root\":\"11\",\"quad\":3,\"goldstein\":-2.0,\"plover\":\"DISAPPROVE\","
    "\"source_text\":\"North Korea\",\"target_text\":\"the United States\","
    "\"verb_text\":\"criticized\",\"pattern\":\"t.verbs:1\","
    "\"text\":\"North Korea criticized the United States.\"}\n"
    "{\"doc\":\"d1\",\"sent\":1,\"date\":\"2020-05-01\",\"source\":\"USA\",\"target\":\"PRKGOV\","
    "\"code\":\"036\",\"root\":\"03\",\"quad\":1,\"goldstein\":4.0,\"plover\":\"CONSULT\","
    "\"source_text\":\"Washington\",\"target_text\":\"Pyongyang\",\"verb_text\":\"offered talks\","
    "\"pattern\":\"t.verbs:2\",\"text\":\"Washington offered talks to Pyongyang.\"}\n"
    "{\"doc\":\"d2\",\"sent\":0,\"date\":\"2020-06-03\",\"source\":\"PRKMIL\",\"target\":\"KOR\","
    "\"code\":\"190\",\"root\":\"19\",\"quad\":4,\"goldstein\":-10.0,\"plover\":\"FIGHT\","
    "\"source_text\":\"North Korean troops\",\"target_text\":\"South Korea\","
    "\"verb_text\":\"fired on\",\"pattern\":\"t.verbs:3\","
    "\"text\":\"North Korean troops fired on South Korea.\"}\n"
    "{\"doc\":\"d3 x\",\"sent\":0,\"date\":null,\"source\":\"FRA\",\"target\":\"---\","
    "\"code\":\"010\",\"root\":\"01\",\"quad\":1,\"goldstein\":0.0,\"plover\":\"\","
    "\"source_text\":\"France\",\"target_text\":\"\",\"verb_text\":\"said\","
    "\"pattern\":\"t.verbs:4\",\"text\":\"France said so.\"}\n";

typedef struct fixture {
    char dir[STORE_TMP_DIR_SIZE];
    char db[96];
    char web[96];
    annals_server *server;
    unsigned port;
} fixture;

typedef struct reply {
    int status;              /* 0: no status line (connection closed) */
    char *head;              /* status line and headers */
    char *body;
    json_t *json;            /* the body parsed, or NULL */
} reply;

static void reply_free(reply *r)
{
    free(r->head);
    free(r->body);
    json_decref(r->json);
    memset(r, 0, sizeof *r);
}

/* Sends `request` as is and reads the answer until the server closes. */
static reply raw_request(unsigned port, const char *request, size_t len)
{
    reply r = {0};
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    size_t sent = 0;
    while (sent < len) {
        ssize_t n = send(fd, request + sent, len - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break;           /* the server may close on an oversized request */
        sent += (size_t)n;
    }
    size_t cap = 1 << 16, used = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (;;) {
        if (used + 4096 > cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        ssize_t n = recv(fd, buf + used, cap - used - 1, 0);
        if (n <= 0)
            break;
        used += (size_t)n;
    }
    buf[used] = '\0';
    close(fd);
    char *split = strstr(buf, "\r\n\r\n");
    if (strncmp(buf, "HTTP/1.1 ", 9) == 0 && split) {
        r.status = atoi(buf + 9);
        r.head = strndup(buf, (size_t)(split - buf) + 2);
        r.body = strdup(split + 4);
        r.json = json_loads(r.body, 0, NULL);
    }
    free(buf);
    return r;
}

static reply request(const fixture *f, const char *method, const char *target)
{
    char req[16384];
    int n = snprintf(req, sizeof req,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", method,
                     target);
    assert_true(n > 0 && (size_t)n < sizeof req);
    return raw_request(f->port, req, (size_t)n);
}

static reply get(const fixture *f, const char *target)
{
    return request(f, "GET", target);
}

/* A header's value in `r` (case-insensitive name), as a static copy. */
static const char *header(const reply *r, const char *name)
{
    static char value[512];
    size_t n = strlen(name);
    for (const char *line = r->head; line && *line;) {
        const char *end = strstr(line, "\r\n");
        if (!end)
            break;
        if (strncasecmp(line, name, n) == 0 && line[n] == ':') {
            const char *v = line + n + 1;
            while (*v == ' ')
                v++;
            snprintf(value, sizeof value, "%.*s", (int)(end - v), v);
            return value;
        }
        line = end + 2;
    }
    return NULL;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(store_tmp_dir(f->dir, f->db, sizeof f->db, "t.db"), 0);
    snprintf(f->web, sizeof f->web, "%s/web", f->dir);
    annals_store *s = annals_store_open(f->db, NULL, NULL);
    assert_non_null(s);
    FILE *in = fmemopen((void *)records, strlen(records), "r");
    assert_non_null(in);
    annals_store_load_stats st;
    assert_int_equal(annals_store_load_jsonl(s, in, "records", &st), ANNALS_OK);
    fclose(in);
    assert_int_equal(st.records, 4);
    assert_int_equal(annals_store_close(s), ANNALS_OK);

    assert_int_equal(mkdir(f->web, 0700), 0);
    char path[160];
    snprintf(path, sizeof path, "%s/index.html", f->web);
    FILE *page = fopen(path, "w");
    assert_non_null(page);
    fputs("<!doctype html><title>dash</title>\n", page);
    fclose(page);
    snprintf(path, sizeof path, "%s/.secret.js", f->web);
    page = fopen(path, "w");
    assert_non_null(page);
    fputs("secret\n", page);
    fclose(page);

    annals_server_options opt;
    annals_server_options_init(&opt);
    opt.port = 0;
    opt.web_dir = f->web;
    opt.threads = 2;
    char msg[256] = "";
    int err = 0;
    f->server = annals_server_start(f->db, &opt, &err, msg, sizeof msg);
    if (!f->server)
        fail_msg("server did not start: %s", msg);
    f->port = annals_server_port(f->server);
    assert_true(f->port > 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    annals_server_stop(f->server);
    assert_int_equal(store_tmp_remove(f->dir), 0);
    free(f);
    return 0;
}

static json_t *field(const reply *r, const char *key)
{
    assert_non_null(r->json);
    json_t *v = json_object_get(r->json, key);
    assert_non_null(v);
    return v;
}

static void test_events(void **state)
{
    fixture *f = *state;
    reply r = get(f, "/api/events?source=PRK");
    assert_int_equal(r.status, 200);
    assert_string_equal(header(&r, "Content-Type"), "application/json; charset=utf-8");
    assert_string_equal(header(&r, "X-Content-Type-Options"), "nosniff");
    json_t *ev = field(&r, "events");
    assert_int_equal(json_array_size(ev), 2);
    json_t *first = json_array_get(ev, 0);
    assert_string_equal(json_string_value(json_object_get(first, "doc")), "d1");
    assert_string_equal(json_string_value(json_object_get(first, "code")), "111");
    assert_int_equal(json_integer_value(json_object_get(first, "quad")), 3);
    assert_true(json_real_value(json_object_get(first, "goldstein")) == -2.0);
    /* The keys of the event record, in the order of conventions.md. */
    static const char *const keys[] = {"doc", "sent", "date", "source", "target", "code",
                                       "root", "quad", "goldstein", "plover", "source_text",
                                       "target_text", "verb_text", "pattern", "text"};
    size_t i = 0;
    const char *k;
    json_t *v;
    json_object_foreach(first, k, v) {
        assert_true(i < 15);
        assert_string_equal(k, keys[i++]);
    }
    assert_int_equal(i, 15);
    assert_true(json_is_null(field(&r, "next_offset")));
    reply_free(&r);

    /* Pages: the undated record comes first, then by date. */
    r = get(f, "/api/events?limit=1");
    assert_int_equal(r.status, 200);
    assert_int_equal(json_array_size(field(&r, "events")), 1);
    assert_int_equal(json_integer_value(field(&r, "next_offset")), 1);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(field(&r, "events"), 0), "doc")),
        "d3 x");
    reply_free(&r);
    r = get(f, "/api/events?limit=2&offset=2");
    assert_int_equal(json_array_size(field(&r, "events")), 2);
    assert_true(json_is_null(field(&r, "next_offset")));
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(field(&r, "events"), 1), "doc")),
        "d2");
    reply_free(&r);

    /* Filters: dyad both ways, quad, dates, text. */
    r = get(f, "/api/events?dyad=USA,PRK");
    assert_int_equal(json_array_size(field(&r, "events")), 2);
    reply_free(&r);
    r = get(f, "/api/events?quad=4&from=2020-06-01&to=2020-06-30");
    assert_int_equal(json_array_size(field(&r, "events")), 1);
    reply_free(&r);
    r = get(f, "/api/events?text=talks");
    assert_int_equal(json_array_size(field(&r, "events")), 1);
    reply_free(&r);
}

static void test_series(void **state)
{
    fixture *f = *state;
    reply r = get(f, "/api/series?actor=PRK&interval=month");
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(field(&r, "interval")), "month");
    json_t *s = field(&r, "series");
    assert_int_equal(json_array_size(s), 2);
    json_t *may = json_array_get(s, 0);
    assert_string_equal(json_string_value(json_object_get(may, "period")), "2020-05");
    assert_int_equal(json_integer_value(json_object_get(may, "events")), 2);
    assert_true(json_real_value(json_object_get(may, "goldstein_sum")) == 2.0);
    json_t *quad = json_object_get(may, "quad");
    assert_int_equal(json_integer_value(json_object_get(quad, "1")), 1);
    assert_int_equal(json_integer_value(json_object_get(quad, "3")), 1);
    assert_int_equal(json_integer_value(json_object_get(quad, "4")), 0);
    json_t *june = json_array_get(s, 1);
    assert_string_equal(json_string_value(json_object_get(june, "period")), "2020-06");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(june, "quad"), "4")),
                     1);
    reply_free(&r);
    r = get(f, "/api/series?source=PRK&target=USA&interval=day");
    assert_int_equal(json_array_size(field(&r, "series")), 1);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(field(&r, "series"), 0), "period")),
        "2020-05-01");
    reply_free(&r);
}

static void test_dyads_actors_graph(void **state)
{
    fixture *f = *state;
    reply r = get(f, "/api/dyads?limit=10");
    assert_int_equal(r.status, 200);
    assert_int_equal(json_array_size(field(&r, "dyads")), 4);
    reply_free(&r);
    r = get(f, "/api/actors?actor=PRK");
    json_t *a = field(&r, "actors");
    assert_true(json_array_size(a) >= 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(a, 0), "actor")),
                        "PRKGOV");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(a, 0), "events")), 2);
    reply_free(&r);
    /* The graph leaves out FRA's targetless event: 3 edges, 4 nodes. */
    r = get(f, "/api/graph");
    assert_int_equal(r.status, 200);
    assert_int_equal(json_array_size(field(&r, "edges")), 3);
    json_t *nodes = field(&r, "nodes");
    assert_int_equal(json_array_size(nodes), 4);
    size_t i;
    json_t *n;
    json_array_foreach(nodes, i, n) {
        const char *id = json_string_value(json_object_get(n, "id"));
        assert_true(strcmp(id, "FRA") != 0 && strcmp(id, "---") != 0);
        if (strcmp(id, "USA") == 0)
            assert_int_equal(json_integer_value(json_object_get(n, "events")), 2);
    }
    reply_free(&r);
    r = get(f, "/api/graph?limit=1");
    assert_int_equal(json_array_size(field(&r, "edges")), 1);
    assert_int_equal(json_array_size(field(&r, "nodes")), 2);
    reply_free(&r);
}

static void test_documents(void **state)
{
    fixture *f = *state;
    reply s = get(f, "/api/stats");
    assert_int_equal(s.status, 200);
    assert_int_equal(json_integer_value(field(&s, "documents")), 3);
    assert_int_equal(json_integer_value(field(&s, "mentions")), 4);
    assert_int_equal(json_integer_value(field(&s, "events")), 4);
    reply_free(&s);
    s = get(f, "/api/stats?limit=1");
    assert_int_equal(s.status, 400);
    reply_free(&s);
    reply r = get(f, "/api/documents/d1");
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(field(&r, "id")), "d1");
    assert_int_equal(json_array_size(field(&r, "sentences")), 2);
    json_t *ev = field(&r, "events");
    assert_int_equal(json_array_size(ev), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 1), "text")),
                        "Washington offered talks to Pyongyang.");
    reply_free(&r);
    r = get(f, "/api/documents/d3%20x");
    assert_int_equal(r.status, 200);
    assert_int_equal(json_array_size(field(&r, "events")), 1);
    reply_free(&r);
    r = get(f, "/api/documents/nothere");
    assert_int_equal(r.status, 404);
    assert_string_equal(json_string_value(field(&r, "parameter")), "id");
    reply_free(&r);
}

static void expect_400(const fixture *f, const char *target, const char *parameter)
{
    reply r = get(f, target);
    if (r.status != 400)
        fail_msg("%s answered %d", target, r.status);
    assert_non_null(json_string_value(field(&r, "error")));
    assert_string_equal(json_string_value(field(&r, "parameter")), parameter);
    reply_free(&r);
}

static void test_bad_parameters(void **state)
{
    fixture *f = *state;
    expect_400(f, "/api/events?from=notadate", "from");
    expect_400(f, "/api/events?from=2021-02-29", "from");
    expect_400(f, "/api/events?quad=7", "quad");
    expect_400(f, "/api/events?limit=-1", "limit");
    expect_400(f, "/api/events?limit=1001", "limit");
    expect_400(f, "/api/events?limit=0", "limit");
    expect_400(f, "/api/events?offset=x", "offset");
    expect_400(f, "/api/events?color=red", "color");
    reply r = get(f, "/api/events?color=red");
    assert_string_equal(json_string_value(field(&r, "error")), "unknown parameter 'color'");
    reply_free(&r);
    expect_400(f, "/api/events?source=PRK&source=USA", "source");
    expect_400(f, "/api/events?source=prk", "source");
    expect_400(f, "/api/events?dyad=USA", "dyad");
    expect_400(f, "/api/events?root=21", "root");
    expect_400(f, "/api/events?code=1a", "code");
    expect_400(f, "/api/events?from=2020-06-01&to=2020-05-01", "from");
    expect_400(f, "/api/events?target=", "target");
    expect_400(f, "/api/series?interval=fortnight", "interval");
    expect_400(f, "/api/series?limit=5", "limit");
    expect_400(f, "/api/dyads?offset=1", "offset");
    expect_400(f, "/api/graph?limit=501", "limit");
    expect_400(f, "/api/events?text=+%20", "text");
}

static void test_routes_and_methods(void **state)
{
    fixture *f = *state;
    reply r = get(f, "/api/nothing");
    assert_int_equal(r.status, 404);
    assert_string_equal(json_string_value(field(&r, "error")), "not found");
    reply_free(&r);
    r = get(f, "/api/documents/");
    assert_int_equal(r.status, 404);
    reply_free(&r);
    r = request(f, "POST", "/api/events");
    assert_int_equal(r.status, 405);
    assert_string_equal(header(&r, "Allow"), "GET, HEAD");
    reply_free(&r);
    r = request(f, "DELETE", "/");
    assert_int_equal(r.status, 405);
    reply_free(&r);
    r = request(f, "HEAD", "/api/events");
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "");
    reply_free(&r);
    static const char with_body[] = "GET /api/events HTTP/1.1\r\nHost: x\r\n"
                                    "Connection: close\r\nContent-Length: 5\r\n\r\nhello";
    r = raw_request(f->port, with_body, strlen(with_body));
    assert_int_equal(r.status, 413);
    reply_free(&r);
}

static void test_oversized(void **state)
{
    fixture *f = *state;
    /* A path beyond the URL limit, and a request beyond the connection
     * memory: both refused (or the connection closed), never served. */
    size_t sizes[] = {6000, 200000};
    for (size_t k = 0; k < 2; k++) {
        size_t n = sizes[k];
        char *req = malloc(n + 128);
        assert_non_null(req);
        int head = sprintf(req, "GET /api/events?text=");
        memset(req + head, 'a', n);
        strcpy(req + head + n, " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        reply r = raw_request(f->port, req, strlen(req));
        free(req);
        assert_true(r.status == 0 || r.status >= 400);
        assert_true(r.status != 200);
        reply_free(&r);
    }
    size_t n = 6000;
    char *path = malloc(n + 16);
    assert_non_null(path);
    strcpy(path, "/api/");
    memset(path + 5, 'b', n);
    path[5 + n] = '\0';
    reply r = get(f, path);
    free(path);
    assert_true(r.status == 414 || r.status == 431 || r.status == 0);
    reply_free(&r);
    /* Still serving. */
    r = get(f, "/api/events?limit=1");
    assert_int_equal(r.status, 200);
    reply_free(&r);
}

/* An answer that is an error the client can read: the status, and a
 * JSON body whose "error" says why. */
static void expect_json_error(const fixture *f, const char *method, const char *target,
                              int status)
{
    reply r = request(f, method, target);
    if (r.status != status)
        fail_msg("%s %s answered %d, not %d", method, target, r.status, status);
    assert_non_null(r.json);
    assert_true(json_string_length(json_object_get(r.json, "error")) > 0);
    assert_string_equal(header(&r, "Content-Type"), "application/json; charset=utf-8");
    reply_free(&r);
}

static void expect_serving(const fixture *f)
{
    reply r = get(f, "/api/series?interval=month");
    assert_int_equal(r.status, 200);
    assert_int_equal(json_array_size(field(&r, "series")), 2);
    reply_free(&r);
}

/* Every kind of bad request in a row, each answered with a JSON error,
 * and the server answers a good request after each: a bad request costs
 * its own connection and nothing else. */
static void test_errors_keep_serving(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *method, *target;
        int status;
    } bad[] = {
        {"GET", "/api", 404},
        {"GET", "/api/", 404},
        {"GET", "/api/events/extra", 404},
        {"GET", "/api/Series", 404},
        {"GET", "/api/stats?source=PRK", 400},
        {"GET", "/api/series?interval=", 400},
        {"GET", "/api/series?interval", 400},
        {"GET", "/api/events?source=ABCDEFGHIJKLMNOPQRSTUVWXYZ01234", 400},
        {"GET", "/api/events?source=PR%4B%00", 400},
        {"GET", "/api/events?dyad=USA,PRK,KOR", 400},
        {"GET", "/api/events?quad=1.5", 400},
        {"GET", "/api/events?limit=99999999999999999999999", 400},
        {"GET", "/api/events?offset=1000001", 400},
        {"GET", "/api/dyads?interval=month", 400},
        {"GET", "/api/events?a_parameter_name_much_longer_than_any_known_one=1", 400},
        {"PUT", "/api/series", 405},
        {"OPTIONS", "/api/series", 405},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_json_error(f, bad[i].method, bad[i].target, bad[i].status);
        expect_serving(f);
    }

    /* A request line and headers beyond the connection's memory: refused
     * or closed, never served, and the next request is. */
    size_t n = 64 * 1024;
    char *req = malloc(n + 256);
    assert_non_null(req);
    int head = sprintf(req, "GET /api/series HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    size_t used = (size_t)head;
    for (int k = 0; used + 64 < n; k++)
        used += (size_t)sprintf(req + used, "X-Filler-%d: %040d\r\n", k, k);
    strcpy(req + used, "\r\n");
    reply r = raw_request(f->port, req, strlen(req));
    free(req);
    assert_true(r.status == 0 || r.status == 431 || r.status == 413 || r.status == 400);
    reply_free(&r);
    expect_serving(f);

    /* A body announced with a POST, and a chunked one: refused unread. */
    static const char chunked[] = "GET /api/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                  "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    r = raw_request(f->port, chunked, strlen(chunked));
    assert_int_equal(r.status, 413);
    assert_non_null(r.json);
    reply_free(&r);
    expect_serving(f);

    /* A client that connects and leaves without a word. */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)f->port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    close(fd);
    expect_serving(f);
}

/* Requests from several threads at once share the one store handle. */
static void *concurrent_client(void *arg)
{
    const fixture *f = arg;
    intptr_t ok = 0;
    for (int i = 0; i < 10; i++) {
        reply r = get(f, i % 2 ? "/api/series?interval=day" : "/api/documents/d2");
        ok += r.status == 200 && r.json != NULL;
        reply_free(&r);
    }
    return (void *)ok;
}

static void test_concurrent(void **state)
{
    fixture *f = *state;
    pthread_t t[6];
    for (int i = 0; i < 6; i++)
        assert_int_equal(pthread_create(&t[i], NULL, concurrent_client, f), 0);
    for (int i = 0; i < 6; i++) {
        void *ok;
        pthread_join(t[i], &ok);
        assert_int_equal((intptr_t)ok, 10);
    }
}

static void test_dashboard(void **state)
{
    fixture *f = *state;
    reply r = get(f, "/");
    assert_int_equal(r.status, 200);
    assert_string_equal(header(&r, "Content-Type"), "text/html; charset=utf-8");
    assert_non_null(strstr(header(&r, "Content-Security-Policy"), "default-src 'self'"));
    assert_non_null(strstr(r.body, "<title>dash</title>"));
    reply_free(&r);
    r = get(f, "/.secret.js");
    assert_int_equal(r.status, 404);
    reply_free(&r);
    r = get(f, "/../t.db");
    assert_int_equal(r.status, 404);
    reply_free(&r);
    r = get(f, "/missing.css");
    assert_int_equal(r.status, 404);
    reply_free(&r);
}

/* Without the dashboard's files, "/" says so; a store that does not
 * exist is not created. */
static void test_not_built(void **state)
{
    fixture *f = *state;
    annals_server_options opt;
    annals_server_options_init(&opt);
    opt.web_dir = "/nonexistent/annals-web";
    annals_server *s = annals_server_start(f->db, &opt, NULL, NULL, 0);
    assert_non_null(s);
    fixture g = *f;
    g.port = annals_server_port(s);
    reply r = get(&g, "/");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "not built"));
    reply_free(&r);
    annals_server_stop(s);

    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.db", f->dir);
    int err = 0;
    char msg[256] = "";
    assert_null(annals_server_start(missing, NULL, &err, msg, sizeof msg));
    assert_true(err < 0);
    assert_true(access(missing, F_OK) != 0);
    opt.bind = "not-an-address";
    assert_null(annals_server_start(f->db, &opt, &err, msg, sizeof msg));
    assert_int_equal(err, ANNALS_E_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_dyads_actors_graph),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_bad_parameters),
        cmocka_unit_test(test_routes_and_methods),
        cmocka_unit_test(test_oversized),
        cmocka_unit_test(test_errors_keep_serving),
        cmocka_unit_test(test_concurrent),
        cmocka_unit_test(test_dashboard),
        cmocka_unit_test(test_not_built),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
