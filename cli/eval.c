/* eval.c — TEMPORARY scaffold until the subcommand lands. */
#include <stdio.h>

#include "cli.h"

int cli_eval(int argc, char **argv)
{
    (void)argc;
    fprintf(stderr, "annals %s: not built yet\n", argv[0]);
    return CLI_USAGE;
}
