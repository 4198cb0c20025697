/* public.c — the actors of the public interface: mentions of a document
 * for the coder, dictionaries for the resources, and annals_dict_lint and
 * annals_dict_convert. */
#include "actors/public.h"

#include <stdlib.h>
#include <string.h>

#include "actors/lint.h"
#include "actors/match.h"
#include "core/buf.h"

/* Loading diagnostics shown before the rest is only counted. */
#define ACT_SHOWN_DIAGS 20

void act_results_free(act_results *r)
{
    free(r->v);
    free(r->unknown);
    memset(r, 0, sizeof *r);
}

static const char *act_day_or_null(core_arena *a, int32_t day, int32_t open)
{
    if (day == open)
        return NULL;
    char buf[11];
    act_format_day(day, buf);
    return core_arena_strdup(a, buf);
}

static int act_publish(const act_dict *d, core_arena *a, const annals_sentence *s, size_t si,
                       const act_mention *m, act_results *r)
{
    if (r->n == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 64;
        annals_mention *v = realloc(r->v, nc * sizeof *v);
        if (!v)
            return ANNALS_E_NOMEM;
        r->v = v;
        r->cap = nc;
    }
    annals_mention *p = &r->v[r->n];
    memset(p, 0, sizeof *p);
    p->sent = si;
    p->first_word = m->first;
    p->end_word = m->end;
    p->start = s->words[m->first].start;
    p->end = s->words[m->end - 1].end;
    core_buf b = CORE_BUF_INIT;
    for (size_t k = m->first; k < m->end; k++) {
        core_buf_puts(&b, s->words[k].form);
        if (k + 1 < m->end && !(s->words[k].flags & ANNALS_WORD_NO_SPACE_AFTER))
            core_buf_putc(&b, ' ');
    }
    p->text = core_arena_strdup(a, b.data ? b.data : "");
    core_buf_free(&b);
    p->code = m->code;
    p->entry = m->entry->label;
    p->pattern = core_arena_printf(a, "%s:%u", act_dict_file(d, m->entry->file),
                                   (unsigned)m->entry->line);
    if (m->used && m->used->dated) {
        p->from = act_day_or_null(a, m->used->from, ACT_DAY_MIN);
        p->to = act_day_or_null(a, m->used->to, ACT_DAY_MAX);
    }
    p->why = m->why;
    p->flags = m->flags;
    if (!p->text || !p->pattern)
        return ANNALS_E_NOMEM;
    r->n++;
    return ANNALS_OK;
}

static bool act_tagged(const annals_sentence *s)
{
    for (size_t k = 0; k < s->n_words; k++)
        if (s->words[k].upos != ANNALS_UPOS_NONE)
            return true;
    return false;
}

int act_document_mentions(const act_dict *d, core_arena *a, const annals_sentence *sents,
                          size_t n, const char *date, const act_found *found,
                          act_results *r)
{
    r->n = 0;
    r->n_unknown = 0;
    if (!d)
        return ANNALS_OK;
    int32_t day = act_date_of(date);
    for (size_t i = 0; i < n; i++) {
        act_mention *m;
        size_t nm;
        int rc = act_find_mentions_again(d, a, &sents[i], day, found ? &found[i] : NULL, &m,
                                         &nm);
        for (size_t k = 0; !rc && k < nm; k++)
            rc = act_publish(d, a, &sents[i], i, &m[k], r);
        if (!rc && !(found && !act_tagged(&sents[i])))
            rc = act_unknown_phrases(a, &sents[i], m, nm, &r->unknown, &r->n_unknown,
                                     &r->cap_unknown);
        if (rc)
            return rc;
    }
    return ANNALS_OK;
}

static void act_log_diags(const act_dict *d, const core_log *log)
{
    size_t shown = d->n_diags < ACT_SHOWN_DIAGS ? d->n_diags : ACT_SHOWN_DIAGS;
    for (size_t i = 0; i < shown; i++)
        core_logf(log, ANNALS_LOG_WARN, "%s", d->diags[i].msg);
    size_t rest = d->n_diags - shown + d->n_diags_dropped;
    if (rest)
        core_logf(log, ANNALS_LOG_WARN, "%zu more dictionary line%s skipped "
                  "(annals dict lint lists them)", rest, rest == 1 ? "" : "s");
}

int act_load_resources(act_dict *d, const char *data_dir, const char *actors,
                       const char *agents, const core_log *log)
{
    int rc = ANNALS_OK;
    if (data_dir && *data_dir && (!actors || !agents))
        rc = act_load_builtin(d, data_dir, actors != NULL, agents != NULL);
    if (!rc && actors)
        rc = act_load_list(d, actors, ACT_SEC_ACTORS);
    if (!rc && agents)
        rc = act_load_list(d, agents, ACT_SEC_AGENTS);
    act_log_diags(d, log);
    if (rc == ANNALS_OK)
        core_logf(log, ANNALS_LOG_INFO, "actor dictionaries: %zu entries, %zu names from %zu "
                  "files", d->n_entries, d->n_names, d->n_files);
    return rc;
}

/* Agents files: by their name. */
static act_section act_section_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return strstr(base, "agents") ? ACT_SEC_AGENTS : ACT_SEC_ACTORS;
}

int annals_dict_lint(const char *const *paths, size_t n, annals_report_fn report, void *user)
{
    if (!paths || !report)
        return ANNALS_E_ARG;
    act_dict d;
    if (!act_dict_init(&d))
        return ANNALS_E_NOMEM;
    int io = ANNALS_OK;
    for (size_t i = 0; i < n; i++) {
        int rc = act_dict_load_file(&d, paths[i], ACT_FMT_AUTO, act_section_of(paths[i]));
        if (rc == ANNALS_E_NOMEM) {
            act_dict_free(&d);
            return rc;
        }
        if (rc)
            io = rc;
    }
    int found = act_lint(&d, report, user);
    act_dict_free(&d);
    return io ? io : found;
}

int annals_dict_convert(const char *path, FILE *out, annals_report_fn report, void *user)
{
    if (!path || !out)
        return ANNALS_E_ARG;
    act_dict d;
    if (!act_dict_init(&d))
        return ANNALS_E_NOMEM;
    int rc = act_dict_load_file(&d, path, ACT_FMT_AUTO, act_section_of(path));
    for (size_t i = 0; report && i < d.n_diags; i++)
        report(user, d.diags[i].msg);
    if (!rc)
        rc = act_write_native(&d, path, out);
    int n = (int)d.n_diags;
    act_dict_free(&d);
    return rc ? rc : n;
}
