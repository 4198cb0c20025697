/* json_out.h — a JSON string on a stream, for the subcommands that print
 * JSON of their own (actor, codes, query). */
#ifndef ANNALS_CLI_JSON_OUT_H
#define ANNALS_CLI_JSON_OUT_H

#include <stdio.h>

/* Writes `s` as a JSON string (quotes and backslashes escaped, control
 * characters as \u00XX), or null when `s` is NULL. */
void cli_json_string(FILE *out, const char *s);

#endif
