/* cli.h — what the subcommands of the annals tool share.  The tool uses
 * only the public header; each subcommand lives in a file of its name. */
#ifndef ANNALS_CLI_H
#define ANNALS_CLI_H

#include <stdbool.h>

#include "annals.h"

/* Exit statuses of conventions.md. */
enum {
    CLI_OK = 0,              /* every document was read */
    CLI_SKIPPED = 1,         /* some records were skipped (or another failure) */
    CLI_USAGE = 2            /* usage error */
};

/* Subcommands: argv[0] is the subcommand name. */
int cli_code(int argc, char **argv);
int cli_parse(int argc, char **argv);
int cli_codes(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_actor(int argc, char **argv);
int cli_dict(int argc, char **argv);
int cli_load(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_serve(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_validate(int argc, char **argv);

/* The dictionaries of an event-coding subcommand; NULL: built-in. */
typedef struct cli_dicts {
    const char *data_dir;
    const char *actors, *agents, *verbs, *discards;
} cli_dicts;

/* Loads resources with those dictionaries (as cli_load_resources). */
annals_resources *cli_load_coder(const cli_dicts *d, bool verbose);
int cli_train(int argc, char **argv);

/* Log sink printing "annals: warning: ..." on standard error. */
void cli_log(void *user, annals_log_level level, const char *message);

/* Loads resources with the CLI's log sink (quiet: warnings and errors only;
 * verbose: info too).  Prints the reason and returns NULL on failure. */
annals_resources *cli_load_resources(const char *data_dir, bool verbose);

/* As cli_load_resources, with the actor dictionaries `actors` and
 * `agents` (comma-separated files; NULL: the built-in ones). */
annals_resources *cli_load_dicts(const char *data_dir, const char *actors, const char *agents,
                                 bool verbose);

/* Counts of phrases (annals code --unknown-actors), written most frequent
 * first as "COUNT<TAB>PHRASE" lines. */
typedef struct cli_counts cli_counts;
cli_counts *cli_counts_new(void);
bool cli_counts_add(cli_counts *c, const char *phrase);
bool cli_counts_write(cli_counts *c, const char *path);
void cli_counts_free(cli_counts *c);

/* Prints "annals SUB: MESSAGE" and "Try 'annals SUB --help'." on standard
 * error and returns CLI_USAGE. */
int cli_usage_error(const char *sub, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Checks a "YYYY-MM-DD" date (a real calendar date). */
bool cli_valid_date(const char *s);

#endif
