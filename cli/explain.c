/* explain.c — annals explain: one sentence (or a short text) through the
 * whole pipeline, with what the coder saw and decided: the parse, the
 * actors, the verbs and patterns tried, and why each event was or was not
 * made. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void explain_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals explain [OPTIONS] \"SENTENCE\"\n"
            "\n"
            "Codes SENTENCE (any short text) and prints the parse (CoNLL-U), the actors\n"
            "found, the verbs and patterns tried, why each event was or was not made,\n"
            "and the events as event records.\n"
            "\n"
            "Options:\n"
            "  --date YYYY-MM-DD  the document date (actor codes and relative dates)\n"
            "  --verbs FILES      verb dictionaries replacing the built-in ones\n"
            "  --actors FILES     actor dictionaries replacing the built-in ones\n"
            "  --agents FILE      agent dictionaries replacing the built-in ones\n"
            "  --discards FILES   discards files replacing the built-in ones\n"
            "  --data-dir DIR     the data directory (dictionaries, models)\n"
            "  -h, --help         show this help\n");
}

enum { OPT_DATE = 256, OPT_VERBS, OPT_ACTORS, OPT_AGENTS, OPT_DISCARDS, OPT_DATA_DIR };

static int explain_run(const char *text, const char *date, const cli_dicts *dicts)
{
    annals_resources *res = cli_load_coder(dicts, false);
    if (!res)
        return CLI_SKIPPED;
    annals_coder *coder = annals_coder_create(res);
    annals_writer *conllu = annals_writer_create(stdout, ANNALS_FORMAT_CONLLU);
    annals_writer *jsonl = annals_writer_create(stdout, ANNALS_FORMAT_JSONL);
    int status = CLI_OK;
    if (!coder || !conllu || !jsonl) {
        fprintf(stderr, "annals explain: out of memory\n");
        status = CLI_SKIPPED;
        goto done;
    }
    annals_coder_set_explain(coder, 1);
    /* a sentence is not an article: no boilerplate or dateline cleaning */
    annals_coder_set_clean(coder, 0);
    annals_document doc = {.id = "explain", .text = text, .text_len = strlen(text),
                           .date = date};
    if (annals_coder_run(coder, &doc) != ANNALS_OK) {
        fprintf(stderr, "annals explain: %s\n", annals_coder_error(coder));
        status = CLI_SKIPPED;
        goto done;
    }
    size_t ns, nm, ne;
    const annals_sentence *sents = annals_coder_sentences(coder, &ns);
    const annals_mention *m = annals_coder_mentions(coder, &nm);
    const annals_event *ev = annals_coder_events(coder, &ne);
    printf("## parse\n");
    annals_writer_write(conllu, &doc, sents, ns, NULL, 0);
    printf("## actors\n");
    if (!nm)
        printf("(none)\n");
    for (size_t i = 0; i < nm; i++)
        printf("sentence %zu, words %zu-%zu \"%s\" = %s (%s)%s%s\n", m[i].sent,
               m[i].first_word + 1, m[i].end_word, m[i].text, m[i].code, m[i].pattern,
               m[i].why && *m[i].why ? ": " : "", m[i].why ? m[i].why : "");
    printf("## coding\n");
    if (annals_resources_verb_patterns(res) == 0)
        printf("(no verb dictionary loaded)\n");
    fputs(annals_coder_explanation(coder), stdout);
    printf("## events\n");
    if (!ne)
        printf("(none)\n");
    annals_writer_write(jsonl, &doc, sents, ns, ev, ne);
    if (fflush(stdout) != 0)
        status = CLI_SKIPPED;
done:
    annals_writer_free(conllu);
    annals_writer_free(jsonl);
    annals_coder_free(coder);
    annals_resources_free(res);
    return status;
}

int cli_explain(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"date", required_argument, NULL, OPT_DATE},
        {"verbs", required_argument, NULL, OPT_VERBS},
        {"actors", required_argument, NULL, OPT_ACTORS},
        {"agents", required_argument, NULL, OPT_AGENTS},
        {"discards", required_argument, NULL, OPT_DISCARDS},
        {"data-dir", required_argument, NULL, OPT_DATA_DIR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *sub = "explain", *date = NULL;
    cli_dicts d = {0};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            explain_usage(stdout);
            return CLI_OK;
        case OPT_DATE:
            if (!cli_valid_date(optarg))
                return cli_usage_error(sub, "--date wants a YYYY-MM-DD date, not '%s'", optarg);
            date = optarg;
            break;
        case OPT_VERBS: d.verbs = optarg; break;
        case OPT_ACTORS: d.actors = optarg; break;
        case OPT_AGENTS: d.agents = optarg; break;
        case OPT_DISCARDS: d.discards = optarg; break;
        case OPT_DATA_DIR: d.data_dir = optarg; break;
        case ':':
            return cli_usage_error(sub, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error(sub, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(sub, "give one sentence (in quotes)");
    return explain_run(argv[optind], date, &d);
}
