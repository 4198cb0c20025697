/* lint.c — what `annals dict lint` finds: loading diagnostics, duplicate
 * and unreachable names, overlapping ranges, codes unknown to the
 * ontology.  Findings are sorted by file and line. */
#include "actors/lint.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"

#define ACT_NONE UINT32_MAX

typedef struct act_finding {
    uint32_t file, line, seq;
    char *msg;
} act_finding;

typedef struct act_findings {
    act_finding *v;
    size_t n, cap;
    bool failed;
} act_findings;

static void act_add(act_findings *f, const act_dict *d, uint32_t file, uint32_t line,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void act_add(act_findings *f, const act_dict *d, uint32_t file, uint32_t line,
                    const char *fmt, ...)
{
    if (f->n == f->cap) {
        size_t nc = f->cap ? f->cap * 2 : 64;
        act_finding *v = realloc(f->v, nc * sizeof *v);
        if (!v) {
            f->failed = true;
            return;
        }
        f->v = v;
        f->cap = nc;
    }
    char msg[1024];
    int n = line ? snprintf(msg, sizeof msg, "%s:%u: ", act_dict_file(d, file), (unsigned)line)
                 : snprintf(msg, sizeof msg, "%s: ", act_dict_file(d, file));
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + (n > 0 && (size_t)n < sizeof msg ? (size_t)n : 0),
              sizeof msg - (n > 0 && (size_t)n < sizeof msg ? (size_t)n : 0), fmt, ap);
    va_end(ap);
    char *copy = strdup(msg);
    if (!copy) {
        f->failed = true;
        return;
    }
    f->v[f->n] = (act_finding){file, line, (uint32_t)f->n, copy};
    f->n++;
}

static int act_cmp_finding(const void *a, const void *b)
{
    const act_finding *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Parts an organisation or armed group may follow with an identifier of
 * its own (IGOUNO, PSEREBHMS, NGOHRIAMN). */
static bool act_takes_identifier(const char *part)
{
    const annals_actor_type *t = annals_actor_type_lookup(part);
    if (!t)
        return false;
    if (!strcmp(t->group, "organization"))
        return true;
    static const char *const groups[] = {"REB", "INS", "SEP", "UAF", "PTY", "OPP", "IMG", NULL};
    for (const char *const *g = groups; *g; g++)
        if (!strcmp(part, *g))
            return true;
    return false;
}

bool act_code_known(const char *code, bool agent, char bad[4])
{
    size_t len = strlen(code);
    bool identifier_ok = false;
    for (size_t i = 0; i + 3 <= len; i += 3) {
        char part[4] = {code[i], code[i + 1], code[i + 2], '\0'};
        bool known = annals_actor_type_lookup(part) != NULL ||
                     (i == 0 && !agent && annals_country_lookup(part) != NULL);
        if (!known && !identifier_ok) {
            memcpy(bad, part, 4);
            return false;
        }
        identifier_ok = identifier_ok || act_takes_identifier(part) ||
                        (!known && identifier_ok);
    }
    return true;
}

static void act_fmt_range(const act_code *c, char *out, size_t size)
{
    char f[11] = "", t[11] = "";
    if (c->from != ACT_DAY_MIN)
        act_format_day(c->from, f);
    if (c->to != ACT_DAY_MAX)
        act_format_day(c->to, t);
    snprintf(out, size, "%s..%s", f, t);
}

static void act_lint_codes(act_findings *f, const act_dict *d, const act_entry *e)
{
    const act_code *codes = &d->codes[e->first_code];
    uint32_t defaults = 0;
    for (uint32_t i = 0; i < e->n_codes; i++) {
        const act_code *c = &codes[i];
        char bad[4];
        if (*c->code && !act_code_known(c->code, e->section == ACT_SEC_AGENTS, bad))
            act_add(f, d, e->file, c->line, "unknown code '%s': '%s' is not %s in the ontology",
                    c->code, bad, e->section == ACT_SEC_AGENTS ? "an actor type"
                                                               : "a country or actor type");
        if (!c->dated && ++defaults == 2)
            act_add(f, d, e->file, c->line, "second default code (no date range) in entry '%s'",
                    e->label);
        for (uint32_t k = 0; c->dated && k < i; k++) {
            const act_code *o = &codes[k];
            if (!o->dated || o->to < c->from || c->to < o->from)
                continue;
            char r1[32], r2[32];
            act_fmt_range(c, r1, sizeof r1);
            act_fmt_range(o, r2, sizeof r2);
            act_add(f, d, e->file, c->line, "date range %s overlaps %s at line %u in entry '%s'",
                    r1, r2, (unsigned)o->line, e->label);
        }
    }
}

/* Names that end at the same trie node as an earlier one that matches
 * wherever they do are duplicates; an entry all of whose names are
 * duplicates can never be found. */
static void act_lint_names(act_findings *f, const act_dict *d)
{
    unsigned char *shadowed = calloc(d->n_names + 1, 1);
    if (!shadowed) {
        f->failed = true;
        return;
    }
    for (size_t i = 0; i < d->n_names; i++) {
        const act_name *nm = &d->names[i];
        const act_node *node = &d->nodes[nm->node];
        uint32_t k = nm->stem ? node->stem_names : node->names;
        for (; k != ACT_NONE && k != i && !nm->generated; k = d->names[k].next) {
            const act_name *o = &d->names[k];
            if (o->caps_only && !nm->caps_only)
                continue;
            const act_entry *oe = &d->entries[o->entry];
            if (o->entry == nm->entry)
                act_add(f, d, d->entries[nm->entry].file, nm->line,
                        "name '%s' repeats '%s' of the same entry", nm->text, o->text);
            else
                act_add(f, d, d->entries[nm->entry].file, nm->line,
                        "duplicate name '%s': '%s' of entry '%s' (%s:%u) matches first",
                        nm->text, o->text, oe->label, act_dict_file(d, oe->file),
                        (unsigned)o->line);
            shadowed[i] = 1;
            break;
        }
    }
    for (size_t e = 0; e < d->n_entries; e++) {
        const act_entry *en = &d->entries[e];
        bool all = en->n_names > 0;
        for (uint32_t i = 0; i < en->n_names && all; i++)
            all = shadowed[en->first_name + i];
        if (all)
            act_add(f, d, en->file, en->line,
                    "entry '%s' is unreachable: every name of it belongs to an earlier entry",
                    en->label);
    }
    free(shadowed);
}

int act_lint(const act_dict *d, act_report_fn report, void *user)
{
    act_findings f = {0};
    for (size_t i = 0; i < d->n_diags; i++)
        act_add(&f, d, d->diags[i].file, d->diags[i].line, "%s",
                d->diags[i].msg + d->diags[i].text_at);
    act_lint_names(&f, d);
    for (size_t e = 0; e < d->n_entries; e++)
        act_lint_codes(&f, d, &d->entries[e]);
    if (f.n)
        qsort(f.v, f.n, sizeof *f.v, act_cmp_finding);
    for (size_t i = 0; i < f.n; i++) {
        report(user, f.v[i].msg);
        free(f.v[i].msg);
    }
    free(f.v);
    if (f.failed)
        return ANNALS_E_NOMEM;
    return (int)(f.n + d->n_diags_dropped > (size_t)INT32_MAX ? INT32_MAX
                                                              : f.n + d->n_diags_dropped);
}
