/* serve.c — annals serve: the HTTP JSON API and the dashboard over a store
 * (doc/api.md), until SIGINT or SIGTERM. */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void serve_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals serve --db DB [--bind ADDR] [--port PORT] [--web DIR]\n"
            "\n"
            "Serves the store DB over HTTP until interrupted (SIGINT or SIGTERM):\n"
            "the dashboard's files at /, and a read-only JSON API (doc/api.md):\n"
            "  /api/events      event records matching the filters, by pages\n"
            "  /api/series      events, mentions, Goldstein and QuadClass per interval\n"
            "  /api/dyads       the source-target pairs with the most events\n"
            "  /api/actors      the actors with the most events\n"
            "  /api/graph       actors and weighted edges for a network view\n"
            "  /api/stats       how many documents, mentions, events and actors\n"
            "  /api/documents/ID  a document, its sentences and its event records\n"
            "Filters: source, target, actor, dyad=A,B, root, code, quad, from, to, text\n"
            "(as 'annals query'); an invalid parameter answers 400 with a JSON error.\n"
            "\n"
            "Options:\n"
            "  --db DB        the store: a SQLite file or a PostgreSQL URL\n"
            "                 (postgresql://USER@HOST:PORT/DBNAME); it must exist\n"
            "  --bind ADDR    IP address to listen on (default 127.0.0.1)\n"
            "  --port PORT    TCP port (default 8080; 0 picks a free one)\n"
            "  --web DIR      the dashboard's built files (default web/dist)\n"
            "  --threads N    worker threads (default 4)\n"
            "  -q, --quiet    do not print the address served\n"
            "  -h, --help     show this help\n"
            "\n"
            "Exit status: 0 stopped by a signal, 1 could not serve, 2 usage error.\n");
}

static bool serve_number(const char *s, unsigned long max, unsigned *out)
{
    char *end;
    if (!s[0] || s[0] == '-' || s[0] == '+')
        return false;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > max)
        return false;
    *out = (unsigned)v;
    return true;
}

int cli_serve(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},   {"bind", required_argument, NULL, 'b'},
        {"port", required_argument, NULL, 'p'}, {"web", required_argument, NULL, 'w'},
        {"threads", required_argument, NULL, 't'}, {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0},
    };
    annals_server_options opt;
    annals_server_options_init(&opt);
    opt.port = 8080;
    opt.web_dir = "web/dist";
    opt.log = cli_log;
    const char *db = NULL;
    bool quiet = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'b': opt.bind = optarg; break;
        case 'p':
            if (!serve_number(optarg, 65535, &opt.port))
                return cli_usage_error("serve", "--port wants 0-65535, not '%s'", optarg);
            break;
        case 'w': opt.web_dir = optarg; break;
        case 't':
            if (!serve_number(optarg, 64, &opt.threads) || opt.threads == 0)
                return cli_usage_error("serve", "--threads wants 1-64, not '%s'", optarg);
            break;
        case 'q': quiet = true; break;
        case 'h': serve_usage(stdout); return CLI_OK;
        default: return cli_usage_error("serve", "unknown option");
        }
    }
    if (optind < argc)
        return cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
    if (!db)
        return cli_usage_error("serve", "--db DB is required");

    /* The signals are taken by this thread alone: the server's threads,
     * started after, inherit the blocked mask. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct stat st;
    bool web = stat(opt.web_dir, &st) == 0 && S_ISDIR(st.st_mode);
    char msg[512] = "";
    annals_server *server = annals_server_start(db, &opt, NULL, msg, sizeof msg);
    if (!server) {
        fprintf(stderr, "annals serve: %s\n", msg);
        return CLI_SKIPPED;
    }
    if (!quiet) {
        const char *bind = opt.bind ? opt.bind : "127.0.0.1";
        fprintf(stderr, "annals serve: http://%s%s%s:%u/ (%s)\n", strchr(bind, ':') ? "[" : "",
                bind, strchr(bind, ':') ? "]" : "", annals_server_port(server),
                web ? opt.web_dir : "dashboard not built");
    }
    int sig = 0;
    sigwait(&stop, &sig);
    if (!quiet)
        fprintf(stderr, "annals serve: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    annals_server_stop(server);
    return CLI_OK;
}
