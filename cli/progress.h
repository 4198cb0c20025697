/* progress.h — the progress line of annals code on standard error.
 *
 * Shown only when standard error is a terminal and -q is not given:
 * documents read, megabytes read, documents per second and, when the
 * size of the whole input is known beforehand, the time left.  It is one
 * line redrawn in place at most four times a second and erased at the
 * end, so that a terminal shows nothing of it once the command is done
 * and a log file never gets any of it.
 *
 * There is one progress line per process; the calls are thread-safe, so
 * that a thread printing a diagnostic can erase the line first. */
#ifndef ANNALS_CLI_PROGRESS_H
#define ANNALS_CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/* Starts the progress line for the inputs `paths` unless `quiet` or
 * standard error is no terminal.  Returns whether it is shown. */
bool cli_progress_begin(bool quiet, char **paths, int n_paths);

/* One more document read; `offset` is how far the reader of the current
 * input is (annals_reader_offset). Redraws when the last drawing is a
 * quarter of a second old. */
void cli_progress_document(size_t offset);

/* The current input is read to its end at `offset` bytes. */
void cli_progress_file_done(size_t offset);

/* Erases the line (before a diagnostic); the next update draws it again. */
void cli_progress_clear(void);

/* Erases the line for good. */
void cli_progress_end(void);

#endif
