/* store_fixture.h — what the store and server unit tests share: a new
 * temporary folder for a test's store, and its removal.  Included by
 * tests/unit/test_store_*.c and test_serve_*.c; not a test of its own
 * (only test_*.c files become tests). */
#ifndef ANNALS_TESTS_STORE_FIXTURE_H
#define ANNALS_TESTS_STORE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STORE_TMP_DIR_SIZE 64

/* Makes a new folder /tmp/annals-test-XXXXXX in `dir` (STORE_TMP_DIR_SIZE
 * bytes) and writes the path of file `name` in it to `path`.  Returns 0,
 * or -1 when the folder cannot be made. */
static inline int store_tmp_dir(char *dir, char *path, size_t path_size, const char *name)
{
    snprintf(dir, STORE_TMP_DIR_SIZE, "/tmp/annals-test-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(path, path_size, "%s/%s", dir, name);
    return 0;
}

/* Removes the folder and everything in it.  Returns 0, or -1. */
static inline int store_tmp_remove(const char *dir)
{
    char cmd[STORE_TMP_DIR_SIZE + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
