/* query.c — annals query: events out of a store, as records, events or
 * aggregates, in a table, CSV, JSON or JSON lines. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json_out.h"

static void query_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals query --db DB [FILTERS] [OUTPUT]\n"
            "\n"
            "Prints what the store DB holds: the event records that match the filters\n"
            "(by date, document and sentence), or with --events the aggregated events,\n"
            "or with --count-by, --top-dyads or --top-actors counts of them.  An event\n"
            "is the mentions of one source, target and code in one deduplication window\n"
            "(the same day unless 'annals load --dedup-days' said otherwise).  DB is a\n"
            "SQLite file or a PostgreSQL URL (postgresql://USER@HOST:PORT/DBNAME).\n"
            "\n"
            "Filters (all must hold):\n"
            "  --source P     source actor code starts with P (PRK matches PRKGOV)\n"
            "  --target P     target actor code starts with P\n"
            "  --actor P      source or target starts with P\n"
            "  --dyad A,B     A to B or B to A (prefixes)\n"
            "  --root RR      CAMEO root code (two digits)\n"
            "  --code C       CAMEO event code, exactly\n"
            "  --quad N       QuadClass 1-4\n"
            "  --from DATE    on or after DATE (YYYY-MM-DD)\n"
            "  --to DATE      on or before DATE\n"
            "  --text WORDS   the sentence contains all the words (full-text search)\n"
            "  --limit N      at most N rows\n"
            "\n"
            "Output:\n"
            "  --format F       table (default), csv, json (one array) or jsonl; jsonl\n"
            "                   records are the event records of 'annals code'\n"
            "  --events         aggregated events (NumMentions, NumSources, NumArticles)\n"
            "  --count-by I     events, mentions and Goldstein sum and mean per day,\n"
            "                   week (by its Monday), month or year\n"
            "  --top-dyads N    the N source-target pairs with the most events\n"
            "  --top-actors N   the N actors with the most events\n"
            "  --stats          how many documents, sentences, mentions, events and\n"
            "                   actors the store holds (filters do not apply)\n"
            "  -h, --help       show this help\n"
            "\n"
            "Exit status: 0 done, 1 the store could not be read, 2 usage error.\n");
}

enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_JSONL };
enum { MODE_RECORDS, MODE_EVENTS, MODE_SERIES, MODE_DYADS, MODE_ACTORS, MODE_STATS };

/* How rows are printed; `n` counts rows for JSON separators. */
typedef struct query_out {
    int format;
    size_t n;
    const char *key_name;    /* "period" or "actor" for aggregates */
} query_out;

/* A CSV field, quoted when it must be (RFC 4180). */
static void csv_str(const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

/* Starts a row of a JSON array. */
static void json_row_start(query_out *o)
{
    if (o->format == FMT_JSON)
        fputs(o->n ? ",\n" : "[\n", stdout);
    o->n++;
}

static void json_row_end(const query_out *o)
{
    if (o->format == FMT_JSONL)
        putchar('\n');
}

/* ---- records ------------------------------------------------------- */

static int print_record(void *user, const annals_store_record *r)
{
    query_out *o = user;
    if (o->format == FMT_JSONL) {
        annals_store_record_write(stdout, r);
        return 0;
    }
    if (o->format == FMT_JSON) {
        /* The event record without its line break, as an array element. */
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        if (!m)
            return 1;
        annals_store_record_write(m, r);
        fclose(m);
        json_row_start(o);
        fwrite(buf, 1, len ? len - 1 : 0, stdout);
        free(buf);
        return 0;
    }
    char g[32];
    snprintf(g, sizeof g, "%.1f", r->goldstein);
    if (o->format == FMT_TABLE) {
        if (!o->n++)
            printf("%-10s  %-12s  %-12s  %-4s  %4s  %6s  %s\n", "date", "source", "target",
                   "code", "quad", "gold", "doc:sent");
        printf("%-10s  %-12s  %-12s  %-4s  %4d  %6s  %s:%zu\n", r->date ? r->date : "-",
               r->source, r->target, r->code, r->quad, g, r->doc, r->sent);
        return 0;
    }
    if (!o->n++)
        puts("doc,sent,date,source,target,code,root,quad,goldstein,plover,source_text,"
             "target_text,verb_text,pattern,text");
    csv_str(r->doc);
    printf(",%zu,%s", r->sent, r->date ? r->date : "");
    const char *a[] = {r->source, r->target, r->code, r->root};
    for (int i = 0; i < 4; i++) {
        putchar(',');
        csv_str(a[i]);
    }
    printf(",%d,%s", r->quad, g);
    const char *b[] = {r->plover, r->source_text, r->target_text, r->verb_text, r->pattern,
                       r->text};
    for (int i = 0; i < 6; i++) {
        putchar(',');
        csv_str(b[i]);
    }
    putchar('\n');
    return 0;
}

/* ---- events -------------------------------------------------------- */

static int print_event(void *user, const annals_store_event *e)
{
    query_out *o = user;
    const char *date = e->date ? e->date : "";
    const char *end = e->end_date ? e->end_date : "";
    if (o->format == FMT_TABLE) {
        if (!o->n++)
            printf("%-10s  %-10s  %-12s  %-12s  %-4s  %4s  %6s  %8s  %7s  %8s\n", "date",
                   "end", "source", "target", "code", "quad", "gold", "mentions", "sources",
                   "articles");
        printf("%-10s  %-10s  %-12s  %-12s  %-4s  %4d  %6.1f  %8zu  %7zu  %8zu\n",
               *date ? date : "-", *end ? end : "-", e->source, e->target, e->code, e->quad,
               e->goldstein, e->num_mentions, e->num_sources, e->num_articles);
        return 0;
    }
    if (o->format == FMT_CSV) {
        if (!o->n++)
            puts("date,end_date,source,target,code,root,quad,goldstein,num_mentions,"
                 "num_sources,num_articles");
        printf("%s,%s,", date, end);
        const char *a[] = {e->source, e->target, e->code, e->root};
        for (int i = 0; i < 4; i++) {
            csv_str(a[i]);
            putchar(',');
        }
        printf("%d,%.1f,%zu,%zu,%zu\n", e->quad, e->goldstein, e->num_mentions,
               e->num_sources, e->num_articles);
        return 0;
    }
    json_row_start(o);
    fputs("{\"date\":", stdout);
    cli_json_string(stdout, e->date);
    fputs(",\"end_date\":", stdout);
    cli_json_string(stdout, e->end_date);
    const char *k[] = {"source", "target", "code", "root"};
    const char *v[] = {e->source, e->target, e->code, e->root};
    for (int i = 0; i < 4; i++) {
        printf(",\"%s\":", k[i]);
        cli_json_string(stdout, v[i]);
    }
    printf(",\"quad\":%d,\"goldstein\":%.1f,\"num_mentions\":%zu,\"num_sources\":%zu,"
           "\"num_articles\":%zu}",
           e->quad, e->goldstein, e->num_mentions, e->num_sources, e->num_articles);
    json_row_end(o);
    return 0;
}

/* ---- aggregates ---------------------------------------------------- */

static int print_bin(void *user, const annals_store_bin *b)
{
    query_out *o = user;
    if (o->format == FMT_TABLE) {
        if (!o->n++) {
            if (b->key2)
                printf("%-12s  %-12s", "source", "target");
            else
                printf("%-12s", o->key_name);
            printf("  %8s  %8s  %10s  %8s\n", "events", "mentions", "gold_sum", "gold_mean");
        }
        if (b->key2)
            printf("%-12s  %-12s", b->key, b->key2);
        else
            printf("%-12s", b->key);
        printf("  %8zu  %8zu  %10.2f  %8.2f\n", b->events, b->mentions, b->goldstein_sum,
               b->goldstein_mean);
        return 0;
    }
    if (o->format == FMT_CSV) {
        if (!o->n++)
            printf("%s,events,mentions,goldstein_sum,goldstein_mean\n",
                   b->key2 ? "source,target" : o->key_name);
        csv_str(b->key);
        if (b->key2) {
            putchar(',');
            csv_str(b->key2);
        }
        printf(",%zu,%zu,%.2f,%.2f\n", b->events, b->mentions, b->goldstein_sum,
               b->goldstein_mean);
        return 0;
    }
    json_row_start(o);
    if (b->key2) {
        fputs("{\"source\":", stdout);
        cli_json_string(stdout, b->key);
        fputs(",\"target\":", stdout);
        cli_json_string(stdout, b->key2);
    } else {
        printf("{\"%s\":", o->key_name);
        cli_json_string(stdout, b->key);
    }
    printf(",\"events\":%zu,\"mentions\":%zu,\"goldstein_sum\":%.2f,\"goldstein_mean\":%.2f}",
           b->events, b->mentions, b->goldstein_sum, b->goldstein_mean);
    json_row_end(o);
    return 0;
}

/* ---- the store's size --------------------------------------------- */

static int print_stats(annals_store *st, query_out *o)
{
    annals_store_stats s;
    int rc = annals_store_get_stats(st, &s);
    if (rc)
        return rc;
    static const char *const names[] = {"documents", "sentences", "mentions", "events",
                                        "actors"};
    size_t v[] = {s.documents, s.sentences, s.mentions, s.events, s.actors};
    if (o->format == FMT_JSON || o->format == FMT_JSONL) {
        for (int i = 0; i < 5; i++)
            printf("%s\"%s\":%zu", i ? "," : "{", names[i], v[i]);
        printf(",\"schema_version\":%d,\"dedup_days\":%d}\n", annals_store_schema_version(st),
               annals_store_dedup_days(st));
        o->format = FMT_JSONL; /* one object, not an array */
        return ANNALS_OK;
    }
    if (o->format == FMT_CSV)
        puts("documents,sentences,mentions,events,actors,schema_version,dedup_days");
    for (int i = 0; i < 5; i++) {
        if (o->format == FMT_CSV)
            printf("%s%zu", i ? "," : "", v[i]);
        else
            printf("%-14s  %zu\n", names[i], v[i]);
    }
    if (o->format == FMT_CSV)
        printf(",%d,%d\n", annals_store_schema_version(st), annals_store_dedup_days(st));
    else
        printf("%-14s  %d\n%-14s  %d\n", "schema_version", annals_store_schema_version(st),
               "dedup_days", annals_store_dedup_days(st));
    return ANNALS_OK;
}

/* ---- options ------------------------------------------------------- */

static bool parse_positive(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || end == s || v < 1)
        return false;
    *out = (size_t)v;
    return true;
}

enum {
    OPT_DB = 256, OPT_SOURCE, OPT_TARGET, OPT_ACTOR, OPT_DYAD, OPT_ROOT, OPT_CODE, OPT_QUAD,
    OPT_FROM, OPT_TO, OPT_TEXT, OPT_LIMIT, OPT_FORMAT, OPT_EVENTS, OPT_COUNT_BY, OPT_TOP_DYADS,
    OPT_TOP_ACTORS, OPT_STATS
};

typedef struct query_opts {
    const char *db;
    annals_store_filter f;
    int format, mode;
    int interval;
    size_t top;
    char dyad[130];
} query_opts;

/* Sets the output mode; only one of them at a time. */
static int set_mode(query_opts *q, int mode, const char *name)
{
    if (q->mode != MODE_RECORDS && q->mode != mode)
        return cli_usage_error("query", "%s cannot go with another of --events, --count-by, "
                                        "--top-dyads, --top-actors, --stats", name);
    q->mode = mode;
    return CLI_OK;
}

static int query_option(query_opts *q, int c, const char *arg)
{
    const char *sub = "query";
    switch (c) {
    case OPT_DB: q->db = arg; break;
    case OPT_SOURCE: q->f.source = arg; break;
    case OPT_TARGET: q->f.target = arg; break;
    case OPT_ACTOR: q->f.actor = arg; break;
    case OPT_ROOT: q->f.root = arg; break;
    case OPT_CODE: q->f.code = arg; break;
    case OPT_FROM: q->f.from = arg; break;
    case OPT_TO: q->f.to = arg; break;
    case OPT_TEXT: q->f.text = arg; break;
    case OPT_DYAD: {
        const char *comma = strchr(arg, ',');
        if (!comma || strlen(arg) >= sizeof q->dyad || strchr(comma + 1, ','))
            return cli_usage_error(sub, "--dyad wants two actor codes A,B, not '%s'", arg);
        strcpy(q->dyad, arg);
        q->dyad[comma - arg] = '\0';
        q->f.dyad_a = q->dyad;
        q->f.dyad_b = q->dyad + (comma - arg) + 1;
        break;
    }
    case OPT_QUAD:
        if (strlen(arg) != 1 || arg[0] < '1' || arg[0] > '4')
            return cli_usage_error(sub, "--quad wants a QuadClass from 1 to 4, not '%s'", arg);
        q->f.quad = arg[0] - '0';
        break;
    case OPT_LIMIT:
        if (!parse_positive(arg, &q->f.limit))
            return cli_usage_error(sub, "--limit wants a number of rows of 1 or more, not '%s'",
                                   arg);
        break;
    case OPT_FORMAT: {
        static const char *const names[] = {"table", "csv", "json", "jsonl"};
        q->format = -1;
        for (int i = 0; i < 4; i++)
            if (!strcmp(arg, names[i]))
                q->format = i;
        if (q->format < 0)
            return cli_usage_error(sub, "unknown format '%s' (table, csv, json or jsonl)", arg);
        break;
    }
    case OPT_EVENTS:
        return set_mode(q, MODE_EVENTS, "--events");
    case OPT_STATS:
        return set_mode(q, MODE_STATS, "--stats");
    case OPT_COUNT_BY:
        q->interval = annals_interval_from_name(arg);
        if (q->interval < 0)
            return cli_usage_error(sub, "--count-by wants day, week, month or year, not '%s'",
                                   arg);
        return set_mode(q, MODE_SERIES, "--count-by");
    case OPT_TOP_DYADS:
    case OPT_TOP_ACTORS:
        if (!parse_positive(arg, &q->top))
            return cli_usage_error(sub, "--top-%s wants a number of 1 or more, not '%s'",
                                   c == OPT_TOP_DYADS ? "dyads" : "actors", arg);
        return c == OPT_TOP_DYADS ? set_mode(q, MODE_DYADS, "--top-dyads")
                                  : set_mode(q, MODE_ACTORS, "--top-actors");
    }
    return CLI_OK;
}

static int query_run(const query_opts *q)
{
    annals_store_options opt;
    annals_store_options_init(&opt);
    /* A query never writes: read-only, it cannot migrate or otherwise
     * change a store that a loader or a server is using. */
    opt.create = 0;
    opt.read_only = 1;
    opt.log = cli_log;
    int err;
    annals_store *st = annals_store_open(q->db, &opt, &err);
    if (!st) {
        fprintf(stderr, "annals: %s\n", annals_store_open_error());
        return err == ANNALS_E_UNSUPPORTED ? CLI_USAGE : CLI_SKIPPED;
    }
    query_out o = {.format = q->format, .key_name = "period"};
    int rc;
    switch (q->mode) {
    case MODE_EVENTS:
        rc = annals_store_events(st, &q->f, print_event, &o);
        break;
    case MODE_SERIES:
        rc = annals_store_series(st, &q->f, (annals_interval)q->interval, print_bin, &o);
        break;
    case MODE_DYADS:
        rc = annals_store_top_dyads(st, &q->f, q->top, print_bin, &o);
        break;
    case MODE_ACTORS:
        o.key_name = "actor";
        rc = annals_store_top_actors(st, &q->f, q->top, print_bin, &o);
        break;
    case MODE_STATS:
        rc = print_stats(st, &o);
        break;
    default:
        rc = annals_store_records(st, &q->f, print_record, &o);
    }
    if (o.format == FMT_JSON)
        fputs(o.n ? "\n]\n" : "[]\n", stdout);
    int status = CLI_OK;
    if (rc) {
        fprintf(stderr, "annals: %s: %s\n", q->db, annals_store_error(st));
        status = CLI_SKIPPED;
    }
    annals_store_close(st);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "annals: cannot write to standard output: %s\n", strerror(errno));
        status = CLI_SKIPPED;
    }
    return status;
}

int cli_query(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"source", required_argument, NULL, OPT_SOURCE},
        {"target", required_argument, NULL, OPT_TARGET},
        {"actor", required_argument, NULL, OPT_ACTOR},
        {"dyad", required_argument, NULL, OPT_DYAD},
        {"root", required_argument, NULL, OPT_ROOT},
        {"code", required_argument, NULL, OPT_CODE},
        {"quad", required_argument, NULL, OPT_QUAD},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"text", required_argument, NULL, OPT_TEXT},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"events", no_argument, NULL, OPT_EVENTS},
        {"stats", no_argument, NULL, OPT_STATS},
        {"count-by", required_argument, NULL, OPT_COUNT_BY},
        {"top-dyads", required_argument, NULL, OPT_TOP_DYADS},
        {"top-actors", required_argument, NULL, OPT_TOP_ACTORS},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *sub = "query";
    query_opts q = {.format = FMT_TABLE, .mode = MODE_RECORDS};
    annals_store_filter_init(&q.f);
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        if (c == 'h') {
            query_usage(stdout);
            return CLI_OK;
        }
        if (c == ':')
            return cli_usage_error(sub, "option '%s' needs a value", argv[optind - 1]);
        if (c == '?')
            return cli_usage_error(sub, "unknown option '%s'", argv[optind - 1]);
        int rc = query_option(&q, c, optarg);
        if (rc)
            return rc;
    }
    if (optind < argc)
        return cli_usage_error(sub, "unexpected argument '%s'", argv[optind]);
    if (!q.db)
        return cli_usage_error(sub, "no store given (--db DB)");
    char msg[256];
    if (annals_store_filter_check(&q.f, msg, sizeof msg))
        return cli_usage_error(sub, "--%s", msg);
    return query_run(&q);
}
