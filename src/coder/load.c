/* load.c — the coder's dictionaries for the resources: the built-in
 * data/dict/NAME.verbs and NAME.discards, or the files the options name. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder/coder.h"

static void log_report(void *user, const char *message)
{
    core_logf(user, ANNALS_LOG_WARN, "%s", message);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef int (*load_fn)(cod_verbs *v, const char *path, cod_report_fn report, void *user);

/* Loads every file of `dir` ending in `ext`, in name order. */
static int load_dir(cod_verbs *v, const char *dir, const char *ext, load_fn fn,
                    const core_log *log)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0; /* no built-in dictionaries: nothing is coded */
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    size_t el = strlen(ext);
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= el || strcmp(e->d_name + len - el, ext) != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **q = realloc(names, cap * sizeof *q);
            if (!q) {
                rc = ANNALS_E_NOMEM;
                break;
            }
            names = q;
        }
        if (!(names[n] = strdup(e->d_name))) {
            rc = ANNALS_E_NOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX + 256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (!rc)
            rc = fn(v, path, log_report, (void *)log);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Loads each file of a comma-separated list. */
static int load_list(cod_verbs *v, const char *list, load_fn fn, const core_log *log)
{
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        if (n) {
            char path[PATH_MAX];
            if (n >= sizeof path)
                return ANNALS_E_ARG;
            memcpy(path, p, n);
            path[n] = '\0';
            int rc = fn(v, path, log_report, (void *)log);
            if (rc)
                return rc; /* the reader said why */
        }
        p += n + (comma ? 1 : 0);
    }
    return 0;
}

int cod_load_resources(cod_verbs *v, const char *data_dir, const char *verbs,
                       const char *discards, const core_log *log)
{
    char dir[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/dict", data_dir ? data_dir : "");
    bool builtin = data_dir && *data_dir;
    int rc = verbs ? load_list(v, verbs, cod_verbs_load_file, log)
                   : builtin ? load_dir(v, dir, ".verbs", cod_verbs_load_file, log) : 0;
    if (!rc)
        rc = discards ? load_list(v, discards, cod_discards_load_file, log)
                      : builtin ? load_dir(v, dir, ".discards", cod_discards_load_file, log) : 0;
    if (!rc)
        rc = cod_verbs_finish(v);
    return rc;
}
