/* datadir.h — where dictionaries and models are found. */
#ifndef ANNALS_CORE_DATADIR_H
#define ANNALS_CORE_DATADIR_H

#include <stdbool.h>
#include <stddef.h>

/* Finds the data directory: `explicit_dir` when not NULL, else
 * $ANNALS_DATA, else the source tree's data/ when the running program is
 * inside the build tree, else ../share/annals next to the running
 * executable, else PREFIX/share/annals as configured, else the source
 * tree's data/.  A candidate counts when it holds the marker file
 * "annals-data".  Writes the path into out[size] and returns true, or
 * returns false when none is found (for an explicit or $ANNALS_DATA
 * directory that lacks the marker too). */
bool core_find_data_dir(const char *explicit_dir, char *out, size_t size);

#endif
