/* dict.c — annals dict: checking and converting actor dictionaries. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void dict_usage(FILE *out)
{
    fprintf(out,
            "Usage: annals dict lint FILE...\n"
            "       annals dict convert FILE\n"
            "\n"
            "Actor and agent dictionaries: the native format of doc/dictionaries.md,\n"
            "PETRARCH (Phoenix.*.actors.txt, Phoenix.agents.txt) or TABARI (.actors,\n"
            "agents); a file whose name contains \"agents\" is read as agents.\n"
            "\n"
            "  lint     lists, as FILE:LINE: message on standard output, lines that do\n"
            "           not load, duplicate names, names of an entry another entry\n"
            "           shadows entirely, reversed, impossible and overlapping date\n"
            "           ranges, codes unknown to the ontology.  All FILEs are read as\n"
            "           one set (as annals code would load them).  Exit status 1 when\n"
            "           anything is found.\n"
            "  convert  writes FILE in the native format on standard output; lines that\n"
            "           could not be read are reported on standard error (exit status\n"
            "           1).  TABARI stems (a name without a final '_') become plain words.\n"
            "\n"
            "Exit status: 0 clean, 1 findings or unreadable lines, 2 usage error.\n");
}

static void dict_print(void *user, const char *message)
{
    FILE *out = user;
    fprintf(out, "%s\n", message);
}

static int dict_lint(int argc, char **argv)
{
    if (argc < 1)
        return cli_usage_error("dict", "lint needs at least one FILE");
    int n = annals_dict_lint((const char *const *)argv, (size_t)argc, dict_print, stdout);
    if (fflush(stdout) != 0)
        return CLI_SKIPPED;
    if (n < 0) {
        fprintf(stderr, "annals dict lint: %s\n", annals_error_name(n));
        return CLI_SKIPPED;
    }
    if (n > 0)
        fprintf(stderr, "annals dict lint: %d finding%s\n", n, n == 1 ? "" : "s");
    return n ? CLI_SKIPPED : CLI_OK;
}

static int dict_convert(int argc, char **argv)
{
    if (argc != 1)
        return cli_usage_error("dict", "convert takes exactly one FILE");
    int n = annals_dict_convert(argv[0], stdout, dict_print, stderr);
    if (fflush(stdout) != 0)
        return CLI_SKIPPED;
    if (n < 0) {
        fprintf(stderr, "annals dict convert: %s\n", annals_error_name(n));
        return CLI_SKIPPED;
    }
    return n ? CLI_SKIPPED : CLI_OK;
}

int cli_dict(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("dict", "no action given (lint or convert)");
    const char *action = argv[1];
    if (!strcmp(action, "-h") || !strcmp(action, "--help")) {
        dict_usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(action, "lint"))
        return dict_lint(argc - 2, argv + 2);
    if (!strcmp(action, "convert"))
        return dict_convert(argc - 2, argv + 2);
    return cli_usage_error("dict", "unknown action '%s' (lint or convert)", action);
}
