/* actor.c — annals actor: what code a phrase gets, and why.  Also the
 * helpers other subcommands use for actor dictionaries: loading resources
 * with --actors/--agents, and counting unknown proper-noun phrases. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json_out.h"

static void actor_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals actor [OPTIONS] PHRASE...\n"
            "\n"
            "Codes PHRASE (the words given, joined by spaces) as an actor with the\n"
            "dictionaries.  The first line of standard output is the CAMEO actor code\n"
            "alone (\"---\" when none); then why: the entry and its FILE:LINE, the date\n"
            "range of the code used, and every dictionary match that took part.\n"
            "\n"
            "Options:\n"
            "  --date DATE      YYYY-MM-DD: code as on that date (offices change); without\n"
            "                   it each entry's default code is used\n"
            "  --json           one JSON object instead of the text\n"
            "  --actors FILES   comma-separated actor dictionaries replacing the built-in\n"
            "                   ones (native, PETRARCH or TABARI format)\n"
            "  --agents FILE    agent dictionaries replacing the built-in ones\n"
            "  --data-dir DIR   the data directory (dictionaries, models)\n"
            "  -h, --help       show this help\n"
            "\n"
            "Exit status: 0 a code was found, 1 none was (\"---\") or the dictionaries\n"
            "could not be read, 2 usage error.\n");
}

annals_resources *cli_load_dicts(const char *data_dir, const char *actors, const char *agents,
                                 bool verbose)
{
    annals_options opt;
    annals_options_init(&opt);
    opt.data_dir = data_dir;
    opt.log = cli_log;
    opt.log_level = verbose ? ANNALS_LOG_INFO : ANNALS_LOG_WARN;
    opt.actors = actors;
    opt.agents = agents;
    int err = 0;
    annals_resources *res = annals_resources_load(&opt, &err);
    if (!res)
        fprintf(stderr, "annals: cannot load resources: %s\n", annals_error_name(err));
    return res;
}

/* ---- counting phrases (annals code --unknown-actors) ---------------- */

typedef struct cli_count {
    char *phrase;
    size_t n;
} cli_count;

struct cli_counts {
    cli_count *slots;
    size_t cap, n;
};

cli_counts *cli_counts_new(void)
{
    cli_counts *c = calloc(1, sizeof *c);
    if (c && !(c->slots = calloc(c->cap = 1024, sizeof *c->slots))) {
        free(c);
        return NULL;
    }
    return c;
}

static size_t counts_hash(const char *s)
{
    size_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static bool counts_grow(cli_counts *c)
{
    size_t cap = c->cap * 2;
    cli_count *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slots[i].phrase)
            continue;
        size_t k = counts_hash(c->slots[i].phrase) & (cap - 1);
        while (slots[k].phrase)
            k = (k + 1) & (cap - 1);
        slots[k] = c->slots[i];
    }
    free(c->slots);
    c->slots = slots;
    c->cap = cap;
    return true;
}

bool cli_counts_add(cli_counts *c, const char *phrase)
{
    if ((c->n + 1) * 2 > c->cap && !counts_grow(c))
        return false;
    size_t k = counts_hash(phrase) & (c->cap - 1);
    while (c->slots[k].phrase && strcmp(c->slots[k].phrase, phrase))
        k = (k + 1) & (c->cap - 1);
    if (!c->slots[k].phrase) {
        if (!(c->slots[k].phrase = strdup(phrase)))
            return false;
        c->n++;
    }
    c->slots[k].n++;
    return true;
}

static int counts_cmp(const void *a, const void *b)
{
    const cli_count *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->phrase, y->phrase);
}

bool cli_counts_write(cli_counts *c, const char *path)
{
    cli_count *v = malloc((c->n + 1) * sizeof *v);
    if (!v)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < c->cap; i++)
        if (c->slots[i].phrase)
            v[n++] = c->slots[i];
    qsort(v, n, sizeof *v, counts_cmp);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "annals: cannot write '%s': %s\n", path, strerror(errno));
        free(v);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%zu\t%s\n", v[i].n, v[i].phrase);
    free(v);
    if (fclose(f) != 0) {
        fprintf(stderr, "annals: cannot write '%s': %s\n", path, strerror(errno));
        return false;
    }
    return true;
}

void cli_counts_free(cli_counts *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        free(c->slots[i].phrase);
    free(c->slots);
    free(c);
}

/* ---- annals actor -------------------------------------------------- */

static void json_mention(FILE *out, const annals_mention *m)
{
    fputs("{\"code\":", out);
    cli_json_string(out, m->code);
    fputs(",\"text\":", out);
    cli_json_string(out, m->text);
    fputs(",\"entry\":", out);
    cli_json_string(out, m->entry);
    fputs(",\"pattern\":", out);
    cli_json_string(out, m->pattern);
    fputs(",\"from\":", out);
    cli_json_string(out, m->from);
    fputs(",\"to\":", out);
    cli_json_string(out, m->to);
    fputs(",\"why\":", out);
    cli_json_string(out, m->why);
    fprintf(out, ",\"fuzzy\":%s,\"former\":%s}", m->flags & ANNALS_MENTION_FUZZY ? "true" : "false",
            m->flags & ANNALS_MENTION_FORMER ? "true" : "false");
}

static void print_text(const char *phrase, const char *date, const annals_mention *m,
                       size_t n, const annals_mention *best)
{
    printf("%s\n", best ? best->code : "---");
    if (!best) {
        printf("no dictionary entry matches \"%s\"\n", phrase);
        return;
    }
    printf("entry: %s (%s)\n", best->entry, best->pattern);
    if (best->from || best->to)
        printf("date range: %s..%s (on %s)\n", best->from ? best->from : "",
               best->to ? best->to : "", date ? date : "no date");
    else if (best->flags & ANNALS_MENTION_NOCODE)
        printf("date range: none covers %s and the entry has no default code\n",
               date ? date : "an unknown date");
    else
        printf("date range: none (the default code%s%s)\n", date ? " on " : "",
               date ? date : "");
    printf("matched: %s\n", best->why);
    for (size_t i = 0; i < n; i++)
        if (&m[i] != best)
            printf("also: %s \"%s\" (%s)\n", m[i].code, m[i].text, m[i].pattern);
}

enum { ACT_OPT_DATE = 256, ACT_OPT_JSON, ACT_OPT_ACTORS, ACT_OPT_AGENTS, ACT_OPT_DATA_DIR };

int cli_actor(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"date", required_argument, NULL, ACT_OPT_DATE},
        {"json", no_argument, NULL, ACT_OPT_JSON},
        {"actors", required_argument, NULL, ACT_OPT_ACTORS},
        {"agents", required_argument, NULL, ACT_OPT_AGENTS},
        {"data-dir", required_argument, NULL, ACT_OPT_DATA_DIR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *sub = "actor", *date = NULL, *actors = NULL, *agents = NULL, *data_dir = NULL;
    bool json = false;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            actor_usage(stdout);
            return CLI_OK;
        case ACT_OPT_DATE:
            if (!cli_valid_date(optarg))
                return cli_usage_error(sub, "--date wants a YYYY-MM-DD date, not '%s'", optarg);
            date = optarg;
            break;
        case ACT_OPT_JSON:
            json = true;
            break;
        case ACT_OPT_ACTORS:
            actors = optarg;
            break;
        case ACT_OPT_AGENTS:
            agents = optarg;
            break;
        case ACT_OPT_DATA_DIR:
            data_dir = optarg;
            break;
        case ':':
            return cli_usage_error(sub, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error(sub, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error(sub, "no PHRASE given");
    size_t len = 0;
    for (int i = optind; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *phrase = malloc(len + 1);
    if (!phrase)
        return CLI_SKIPPED;
    phrase[0] = '\0';
    for (int i = optind; i < argc; i++) {
        if (i > optind)
            strcat(phrase, " ");
        strcat(phrase, argv[i]);
    }
    annals_resources *res = cli_load_dicts(data_dir, actors, agents, false);
    annals_coder *coder = res ? annals_coder_create(res) : NULL;
    int status = CLI_SKIPPED;
    if (coder) {
        annals_coder_set_clean(coder, 0);
        annals_document doc = {.id = "phrase", .text = phrase, .text_len = strlen(phrase),
                               .date = date};
        if (annals_coder_run(coder, &doc) != ANNALS_OK) {
            fprintf(stderr, "annals: %s\n", annals_coder_error(coder));
        } else {
            size_t n;
            const annals_mention *m = annals_coder_mentions(coder, &n), *best = NULL;
            for (size_t i = 0; i < n; i++)
                if (!best || m[i].end_word - m[i].first_word > best->end_word - best->first_word)
                    best = &m[i];
            if (json) {
                fputs("{\"phrase\":", stdout);
                cli_json_string(stdout, phrase);
                fputs(",\"date\":", stdout);
                cli_json_string(stdout, date);
                fputs(",\"code\":", stdout);
                cli_json_string(stdout, best ? best->code : "---");
                fputs(",\"mentions\":[", stdout);
                for (size_t i = 0; i < n; i++) {
                    if (i)
                        fputc(',', stdout);
                    json_mention(stdout, &m[i]);
                }
                fputs("]}\n", stdout);
            } else {
                print_text(phrase, date, m, n, best);
            }
            status = best && !(best->flags & ANNALS_MENTION_NOCODE) ? CLI_OK : CLI_SKIPPED;
        }
    } else if (res) {
        fprintf(stderr, "annals: out of memory\n");
    }
    annals_coder_free(coder);
    annals_resources_free(res);
    free(phrase);
    return status;
}
