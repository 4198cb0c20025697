/* parse.c — annals parse: documents in, their sentences and words out as
 * CoNLL-U (segmented, and tagged and parsed as far as the models go). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void parse_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals parse [OPTIONS] PATH...\n"
            "\n"
            "Reads the documents of every PATH (a file, or \"-\" for standard input) and\n"
            "prints the sentences and words annals finds in them as CoNLL-U, one block a\n"
            "sentence, with sentence ids DOCID-N.  The input kind follows the file name\n"
            "(.txt, .jsonl/.ndjson, .conllu, .html/.htm, .warc/.warc.gz; .gz).  With\n"
            "CoNLL-U input the given tokens and sentences are kept and the rest is\n"
            "predicted.\n"
            "\n"
            "Options:\n"
            "  --input KIND     txt, jsonl, conllu, html or warc, whatever the names say\n"
            "                   (needed for \"-\")\n"
            "  --format conllu  the output format (the only one)\n"
            "  --no-clean       take the text as clean running text: do not drop or mark\n"
            "                   boilerplate, headlines, captions or datelines\n"
            "  --data-dir DIR   the data directory (models)\n"
            "  -h, --help       show this help\n"
            "\n"
            "Exit status: 0 every document was read, 1 some records were skipped or a file\n"
            "could not be read, 2 usage error.\n");
}

/* Parses every document of `path`; returns the exit status so far, or -1
 * when standard output failed. */
static int parse_file(annals_coder *coder, annals_writer *w, const char *path,
                      annals_input_kind kind)
{
    int err = 0;
    annals_reader *rd = annals_reader_open(path, kind, NULL, &err);
    if (!rd) {
        fprintf(stderr, "annals: %s\n", annals_reader_open_error());
        return CLI_SKIPPED;
    }
    int status = CLI_OK;
    annals_document doc;
    int rc;
    while ((rc = annals_reader_next(rd, &doc)) != 0) {
        if (rc < 0) {
            fprintf(stderr, "annals: %s\n", annals_reader_error(rd));
            status = CLI_SKIPPED;
            if (rc != ANNALS_E_RECORD)
                break;
            continue;
        }
        if (annals_coder_run(coder, &doc)) {
            fprintf(stderr, "annals: %s\n", annals_coder_error(coder));
            status = CLI_SKIPPED;
            continue;
        }
        size_t n;
        const annals_sentence *sents = annals_coder_sentences(coder, &n);
        if (annals_writer_write(w, &doc, sents, n, NULL, 0)) {
            fprintf(stderr, "annals: cannot write to standard output: %s\n", strerror(errno));
            status = -1;
            break;
        }
    }
    annals_reader_free(rd);
    return status;
}

static int parse_run(char **paths, int n, annals_input_kind kind, bool clean,
                     const char *data_dir)
{
    annals_resources *res = cli_load_resources(data_dir, false);
    if (!res)
        return CLI_SKIPPED;
    annals_coder *coder = annals_coder_create(res);
    annals_writer *w = annals_writer_create(stdout, ANNALS_FORMAT_CONLLU);
    int status = CLI_OK;
    if (!coder || !w) {
        fprintf(stderr, "annals: out of memory\n");
        status = CLI_SKIPPED;
    } else {
        annals_coder_set_clean(coder, clean);
        for (int i = 0; i < n; i++) {
            int rc = parse_file(coder, w, paths[i], kind);
            if (rc < 0) {
                status = CLI_SKIPPED;
                break;
            }
            if (rc)
                status = rc;
        }
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "annals: cannot write to standard output: %s\n", strerror(errno));
        status = CLI_SKIPPED;
    }
    annals_writer_free(w);
    annals_coder_free(coder);
    annals_resources_free(res);
    return status;
}

enum { OPT_INPUT = 256, OPT_FORMAT, OPT_NO_CLEAN, OPT_DATA_DIR };

int cli_parse(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"input", required_argument, NULL, OPT_INPUT},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"no-clean", no_argument, NULL, OPT_NO_CLEAN},
        {"data-dir", required_argument, NULL, OPT_DATA_DIR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *sub = "parse";
    annals_input_kind kind = ANNALS_INPUT_AUTO;
    bool clean = true;
    const char *data_dir = NULL;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            parse_usage(stdout);
            return CLI_OK;
        case OPT_INPUT:
            kind = annals_input_kind_from_name(optarg);
            if (kind == ANNALS_INPUT_AUTO)
                return cli_usage_error(sub,
                                       "unknown input kind '%s' (txt, jsonl, conllu, html, warc)",
                                       optarg);
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "conllu") != 0)
                return cli_usage_error(sub, "unknown format '%s' (conllu)", optarg);
            break;
        case OPT_NO_CLEAN:
            clean = false;
            break;
        case OPT_DATA_DIR:
            data_dir = optarg;
            break;
        case ':':
            return cli_usage_error(sub, "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage_error(sub, "unknown option '%s'", argv[optind - 1]);
        }
    }
    char **paths = argv + optind;
    int n = argc - optind;
    if (n == 0)
        return cli_usage_error(sub, "no PATH given");
    for (int i = 0; i < n; i++) {
        if (kind != ANNALS_INPUT_AUTO)
            break;
        if (!strcmp(paths[i], "-"))
            return cli_usage_error(sub, "reading standard input ('-') needs --input KIND");
        if (annals_input_kind_from_path(paths[i]) == ANNALS_INPUT_AUTO)
            return cli_usage_error(sub,
                                   "cannot tell the input kind of '%s' from its name; "
                                   "use --input KIND",
                                   paths[i]);
    }
    return parse_run(paths, n, kind, clean, data_dir);
}
