/* convert.c — writing a dictionary in the native format (for `annals dict
 * convert`), and loading lists of files and the built-in set. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actors/lint.h"
#include "annals.h"

/* PETRARCH and TABARI write names in capitals; the native format would
 * read those as "capitals only", so names that match in any case are
 * written in title case (agents in lower case), keeping initialisms with
 * full stops ("U.N.") as they are. */
static void act_write_name(FILE *out, const act_name *nm, bool agent)
{
    if (nm->caps_only) {
        fputs(nm->text, out);
        return;
    }
    const char *s = nm->text;
    bool has_lower = false;
    for (const char *p = s; *p; p++)
        has_lower = has_lower || (*p >= 'a' && *p <= 'z');
    if (has_lower) {
        fputs(s, out);
        return;
    }
    for (size_t i = 0; s[i];) {
        size_t j = i;
        while (s[j] && s[j] != ' ')
            j++;
        bool dotted = memchr(s + i, '.', j - i) != NULL && j - i <= 6;
        bool word_start = true;
        for (size_t k = i; k < j; k++) {
            char c = s[k];
            if (!dotted && c >= 'A' && c <= 'Z' && (agent || !word_start))
                c = (char)(c - 'A' + 'a');
            fputc(c, out);
            word_start = c == '-' || c == '/';
        }
        while (s[j] == ' ')
            fputc(s[j++], out);
        i = j;
    }
}

static bool act_name_writable(const char *s)
{
    return !strpbrk(s, ";{}#") && *s;
}

/* Whether name `i` of entry `e` repeats an earlier one of it: a plural
 * PETRARCH made that the file also lists ("MINISTER", "MINISTERS"). */
static bool act_name_repeated(const act_dict *d, const act_entry *e, uint32_t i)
{
    const act_name *nm = &d->names[e->first_name + i];
    for (uint32_t k = 0; k < i; k++) {
        const act_name *o = &d->names[e->first_name + k];
        if (o->caps_only == nm->caps_only && !strcasecmp(o->text, nm->text))
            return true;
    }
    return false;
}

static void act_write_entry(FILE *out, const act_dict *d, const act_entry *e)
{
    bool first = true;
    for (uint32_t i = 0; i < e->n_names; i++) {
        const act_name *nm = &d->names[e->first_name + i];
        /* A plural PETRARCH makes of an agent is written too: the native
         * loader makes none, and "Arnor diplomats" must still code. */
        if (!act_name_writable(nm->text) || act_name_repeated(d, e, i))
            continue;
        if (!first)
            fputs("; ", out);
        act_write_name(out, nm, e->section == ACT_SEC_AGENTS);
        first = false;
    }
    fputc('\n', out);
    for (uint32_t i = 0; i < e->n_codes; i++) {
        const act_code *c = &d->codes[e->first_code + i];
        fprintf(out, "    %s", *c->code ? c->code : "---");
        if (c->dated) {
            char f[11] = "", t[11] = "";
            if (c->from != ACT_DAY_MIN)
                act_format_day(c->from, f);
            if (c->to != ACT_DAY_MAX)
                act_format_day(c->to, t);
            fprintf(out, " %s..%s", f, t);
        }
        fputc('\n', out);
    }
}

int act_write_native(const act_dict *d, const char *source, FILE *out)
{
    static const char *const sections[] = {"actors", "agents"};
    fprintf(out, "# annals actors 1\n# Converted by annals dict convert from %s.\n", source);
    for (int sec = 0; sec < 2; sec++) {
        bool any = false;
        for (size_t i = 0; i < d->n_entries; i++) {
            const act_entry *e = &d->entries[i];
            if (e->section != sec)
                continue;
            if (!any)
                fprintf(out, "\n[%s]\n", sections[sec]);
            any = true;
            fputc('\n', out);
            act_write_entry(out, d, e);
        }
    }
    return ferror(out) ? ANNALS_E_IO : ANNALS_OK;
}

int act_load_list(act_dict *d, const char *list, act_section sec)
{
    int first = ANNALS_OK;
    for (const char *p = list; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        if (n) {
            char *path = strndup(p, n);
            if (!path)
                return ANNALS_E_NOMEM;
            int rc = act_dict_load_file(d, path, ACT_FMT_AUTO, sec);
            free(path);
            if (rc && !first)
                first = rc;
            if (rc == ANNALS_E_NOMEM)
                return rc;
        }
        p = comma ? comma + 1 : p + n;
    }
    return first;
}

static int act_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool act_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

int act_load_builtin(act_dict *d, const char *data_dir, bool skip_actors, bool skip_agents)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/dict", data_dir);
    DIR *dp = opendir(dir);
    if (!dp)
        return ANNALS_OK; /* no built-in dictionaries: nothing to code with */
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = ANNALS_OK;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        bool actors = act_ends_with(de->d_name, ".actors");
        bool agents = act_ends_with(de->d_name, ".agents");
        if ((!actors && !agents) || (actors && skip_actors) || (agents && skip_agents))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **v = realloc(names, cap * sizeof *v);
            if (!v) {
                rc = ANNALS_E_NOMEM;
                break;
            }
            names = v;
        }
        if (!(names[n] = strdup(de->d_name))) {
            rc = ANNALS_E_NOMEM;
            break;
        }
        n++;
    }
    closedir(dp);
    qsort(names, n, sizeof *names, act_cmp_str);
    for (size_t i = 0; i < n && rc != ANNALS_E_NOMEM; i++) {
        char path[8192], shown[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(shown, sizeof shown, "dict/%s", names[i]);
        int r = act_dict_load_file_as(d, path, shown, ACT_FMT_AUTO,
                                   act_ends_with(names[i], ".agents") ? ACT_SEC_AGENTS
                                                                      : ACT_SEC_ACTORS);
        if (r && !rc)
            rc = r;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}
