/* lint.h — checking dictionaries and writing them in the native format. */
#ifndef ANNALS_ACTORS_LINT_H
#define ANNALS_ACTORS_LINT_H

#include <stdio.h>

#include "actors/dict.h"

typedef void (*act_report_fn)(void *user, const char *message);

/* Reports, in file and line order, every loading diagnostic of `d` and
 * every duplicate name, unreachable entry, overlapping date ranges, extra
 * default code and code unknown to the ontology.  Returns the number of
 * findings, or ANNALS_E_NOMEM. */
int act_lint(const act_dict *d, act_report_fn report, void *user);

/* Whether a code's parts are known to the ontology (in an agents section
 * `agent`: parts only, no country).  On false, *bad gets the first bad
 * part (3 letters). */
bool act_code_known(const char *code, bool agent, char bad[4]);

/* Writes every entry of `d` in the native format onto `out`; `source`
 * names where it came from (a header comment).  Returns 0 or
 * ANNALS_E_IO. */
int act_write_native(const act_dict *d, const char *source, FILE *out);

/* Loads the files of a comma-separated list into `d` as `sec`.  Returns 0
 * or the first error. */
int act_load_list(act_dict *d, const char *list, act_section sec);

/* Loads the built-in dictionaries, the files DATA_DIR/dict/NAME.actors and .agents,
 * in name order, skipping the kinds `skip_actors`/`skip_agents`. */
int act_load_builtin(act_dict *d, const char *data_dir, bool skip_actors, bool skip_agents);

#endif
