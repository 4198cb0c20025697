#include "core/datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef ANNALS_BUILD_DATA_DIR
#define ANNALS_BUILD_DATA_DIR ""
#endif
#ifndef ANNALS_INSTALL_DATA_DIR
#define ANNALS_INSTALL_DATA_DIR ""
#endif

static bool has_marker(const char *dir)
{
    char path[PATH_MAX];
    if (!dir || !*dir)
        return false;
    if ((size_t)snprintf(path, sizeof path, "%s/annals-data", dir) >= sizeof path)
        return false;
    return access(path, R_OK) == 0;
}

static bool take(const char *dir, char *out, size_t size)
{
    if (!has_marker(dir) || strlen(dir) >= size)
        return false;
    strcpy(out, dir);
    return true;
}

bool core_find_data_dir(const char *explicit_dir, char *out, size_t size)
{
    if (explicit_dir)
        return take(explicit_dir, out, size);
    const char *env = getenv("ANNALS_DATA");
    if (env && *env)
        return take(env, out, size);
    if (take(ANNALS_BUILD_DATA_DIR, out, size))
        return true;
    if (take(ANNALS_INSTALL_DATA_DIR, out, size))
        return true;
    /* A relocated install: BIN/../share/annals. */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char cand[PATH_MAX];
            if ((size_t)snprintf(cand, sizeof cand, "%s/../share/annals", exe) < sizeof cand &&
                take(cand, out, size))
                return true;
        }
    }
    return false;
}
