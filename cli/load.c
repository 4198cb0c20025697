/* load.c — annals load: event records (JSON lines) into a store. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void load_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals load --db DB [OPTIONS] FILE...\n"
            "\n"
            "Loads event records (JSON lines, as 'annals code' writes them) from every\n"
            "FILE (\"-\" for standard input) into the store DB: a SQLite file (created\n"
            "when missing) or a PostgreSQL URL, postgresql://USER@HOST:PORT/DBNAME (the\n"
            "database must exist; its tables are made on first use).  Every record is\n"
            "checked; a bad one is reported on standard error with its file and line\n"
            "and skipped, and the rest loads.  The records of one document are its\n"
            "content: loading a document again with the same records adds nothing,\n"
            "with changed records replaces the old ones.\n"
            "\n"
            "Options:\n"
            "  --db DB           the store (required)\n"
            "  --dedup-days N    count mentions of the same source, target and code\n"
            "                    within an (N+1)-day window as one event (default: what\n"
            "                    the store says, 0 = the same day, for a new store);\n"
            "                    changing it re-aggregates the store's events\n"
            "  --batch N         records per transaction (default 10000)\n"
            "  -q, --quiet       no summary on standard error\n"
            "  -h, --help        show this help\n"
            "\n"
            "Exit status: 0 every record loaded, 1 some records were skipped or a file\n"
            "could not be read, 2 usage error.\n");
}

/* Messages from the store: bad records as "annals: FILE:LINE: why". */
static void load_log(void *user, annals_log_level level, const char *message)
{
    (void)user;
    if (level >= ANNALS_LOG_WARN)
        fprintf(stderr, "annals: %s\n", message);
}

/* Parses a whole non-negative number no greater than `max`. */
static bool parse_count(const char *s, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < 0 || v > max)
        return false;
    *out = v;
    return true;
}

/* Loads one file; returns CLI_OK, CLI_SKIPPED, or -1 when the store
 * failed and nothing more can be loaded. */
static int load_file(annals_store *st, const char *path, bool quiet)
{
    bool is_stdin = !strcmp(path, "-");
    FILE *in = is_stdin ? stdin : fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "annals: %s: %s\n", path, strerror(errno));
        return CLI_SKIPPED;
    }
    annals_store_load_stats ls;
    int rc = annals_store_load_jsonl(st, in, path, &ls);
    if (!is_stdin)
        fclose(in);
    if (!quiet)
        fprintf(stderr,
                "annals: %s: records loaded %zu, skipped %zu; documents stored %zu, "
                "unchanged %zu\n",
                path, ls.records, ls.skipped, ls.documents, ls.unchanged);
    if (rc) {
        fprintf(stderr, "annals: %s\n", annals_store_error(st));
        return -1;
    }
    return ls.skipped ? CLI_SKIPPED : CLI_OK;
}

enum { OPT_DB = 256, OPT_DEDUP, OPT_BATCH };

int cli_load(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"dedup-days", required_argument, NULL, OPT_DEDUP},
        {"batch", required_argument, NULL, OPT_BATCH},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *sub = "load";
    const char *db = NULL;
    bool quiet = false;
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.log = load_log;
    int c;
    long v;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":hq", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            load_usage(stdout);
            return CLI_OK;
        case 'q':
            quiet = true;
            break;
        case OPT_DB:
            db = optarg;
            break;
        case OPT_DEDUP:
            if (!parse_count(optarg, 3650, &v))
                return cli_usage_error(sub, "--dedup-days wants a number of days from 0 to "
                                            "3650, not '%s'", optarg);
            opt.dedup_days = (int)v;
            break;
        case OPT_BATCH:
            if (!parse_count(optarg, 10000000, &v) || v == 0)
                return cli_usage_error(sub, "--batch wants a number of records from 1 to "
                                            "10000000, not '%s'", optarg);
            opt.batch = (size_t)v;
            break;
        case ':':
            return cli_usage_error(sub, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error(sub, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db)
        return cli_usage_error(sub, "no store given (--db DB)");
    if (optind == argc)
        return cli_usage_error(sub, "no FILE given");
    int err;
    annals_store *st = annals_store_open(db, &opt, &err);
    if (!st) {
        fprintf(stderr, "annals: %s\n", annals_store_open_error());
        return err == ANNALS_E_ARG || err == ANNALS_E_UNSUPPORTED ? CLI_USAGE : CLI_SKIPPED;
    }
    int status = CLI_OK;
    for (int i = optind; i < argc; i++) {
        int rc = load_file(st, argv[i], quiet);
        if (rc < 0) {
            status = CLI_SKIPPED;
            break;
        }
        if (rc)
            status = rc;
    }
    if (annals_store_close(st) != ANNALS_OK) {
        fprintf(stderr, "annals: %s: cannot commit the last batch\n", db);
        status = CLI_SKIPPED;
    }
    return status;
}
