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
#ifndef ANNALS_BUILD_BIN_DIR
#define ANNALS_BUILD_BIN_DIR ""
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

/* The directory of the running executable, or false. */
static bool exe_dir(char *out, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    if (n <= 0)
        return false;
    out[n] = '\0';
    char *slash = strrchr(out, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

static bool under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return n && !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

bool core_find_data_dir(const char *explicit_dir, char *out, size_t size)
{
    if (explicit_dir)
        return take(explicit_dir, out, size);
    const char *env = getenv("ANNALS_DATA");
    if (env && *env)
        return take(env, out, size);
    /* A program running from the build tree uses the sources' data; an
     * installed one its own PREFIX/share/annals, found next to the
     * executable first so that a moved installation keeps working. */
    char exe[PATH_MAX];
    bool have_exe = exe_dir(exe, sizeof exe);
    if (have_exe && under(exe, ANNALS_BUILD_BIN_DIR) && take(ANNALS_BUILD_DATA_DIR, out, size))
        return true;
    if (have_exe) {
        char cand[PATH_MAX + 32];
        snprintf(cand, sizeof cand, "%s/../share/annals", exe);
        if (take(cand, out, size))
            return true;
    }
    if (take(ANNALS_INSTALL_DATA_DIR, out, size))
        return true;
    return take(ANNALS_BUILD_DATA_DIR, out, size);
}
