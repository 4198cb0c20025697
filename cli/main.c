/* main.c — the annals tool: dispatches to one subcommand per file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"code", cli_code, "code documents into event records"},
    {"parse", cli_parse, "segment (and, with models, tag and parse) text; print CoNLL-U"},
    {"codes", cli_codes, "look up CAMEO event codes, actor types and countries"},
    {"actor", cli_actor, "code a phrase as an actor and say why (dictionary, date)"},
    {"dict", cli_dict, "lint actor dictionaries, convert PETRARCH/TABARI ones"},
    {"eval", cli_eval, "score CoNLL-U output against a gold file (CoNLL 2018 metrics)"},
    {"load", cli_load, "load event records (JSON lines) into a store"},
    {"query", cli_query, "events, counts and top lists out of a store"},
    {"serve", cli_serve, "serve a store as a JSON API and dashboard over HTTP"},
    {"explain", cli_explain, "code one sentence and say why each event was or was not made"},
    {"validate", cli_validate, "run a PETRARCH validation file and count the records right"},
    {"train", cli_train, "train the tagger and lemmatiser (or parser) from gold CoNLL-U"},
};

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: annals COMMAND [OPTIONS] [ARGS]\n"
            "\n"
            "annals reads news text and writes political event records (who did what\n"
            "to whom, when) in the CAMEO ontology, with PLOVER alongside.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
            "\n"
            "Options:\n"
            "  -h, --help     show this help\n"
            "  -V, --version  show the version\n"
            "\n"
            "'annals COMMAND --help' describes a command; 'man annals' has it all.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "-h") || !strcmp(name, "--help") || !strcmp(name, "help")) {
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(name, "-V") || !strcmp(name, "--version")) {
        printf("annals %s (event record schema %d)\n", annals_version(), ANNALS_SCHEMA_VERSION);
        return CLI_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "annals: unknown command '%s'\nTry 'annals --help'.\n", name);
    return CLI_USAGE;
}
