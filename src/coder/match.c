/* match.c — a verb's patterns against its clause.
 *
 * The elements of a pattern are found in order among the clause's words
 * after the verb (and, for those written before '*', before it), with
 * gaps allowed unless '_' joins two elements.  A word matches by lemma or
 * by form (or form without a plural -s, for PETRARCH's inflected
 * patterns); '+' and '$' match an actor mention, which they then cover. */
#include "coder/match.h"

#include <string.h>

static bool word_has(const cod_sent *cs, size_t k, uint32_t id)
{
    return id != COD_NO_WORD &&
           (cs->ids[k][0] == id || cs->ids[k][1] == id || cs->ids[k][2] == id);
}

/* A pattern word against word k: by lemma or form, or (PETRARCH's
 * patterns, `exact`) by the form as written alone. */
static bool word_is(const cod_sent *cs, size_t k, uint32_t id, bool exact)
{
    return exact ? id != COD_NO_WORD && cs->ids[k][1] == id : word_has(cs, k, id);
}

/* Whether the actor at word k is coordinated with another actor. */
static bool coordinated(const cod_sent *cs, size_t k)
{
    int m = cs->ment[k];
    for (size_t j = 0; j < cs->n; j++) {
        if (cs->ment[j] < 0 || cs->ment[j] == m || !cod_rel_is(cs, j, "conj"))
            continue;
        int h = cod_head(cs, j);
        if (h >= 0 && (cs->ment[h] == m || (size_t)h == k))
            return true;
        if (h >= 0 && cs->ment[h] >= 0 && cod_rel_is(cs, k, "conj") && cod_head(cs, k) == h)
            return true;
    }
    if (cod_rel_is(cs, k, "conj")) {
        int h = cod_head(cs, k);
        return h >= 0 && cs->ment[h] >= 0 && cs->ment[h] != m;
    }
    return false;
}

/* The sequence positions from `at` that the actor mention there covers. */
static size_t mention_span(const cod_sent *cs, const size_t *seq, size_t n, size_t at)
{
    int m = cs->ment[seq[at]];
    size_t len = 1;
    while (at + len < n && cs->ment[seq[at + len]] == m)
        len++;
    return len;
}

/* How many sequence positions from `at` the element covers (0: no match). */
static size_t elem_at(const cod_sent *cs, const cod_elem *e, const size_t *seq, size_t n,
                      size_t at)
{
    size_t k = seq[at];
    switch (e->kind) {
    case COD_EL_WORD:
        return word_is(cs, k, e->id, e->exact) ? 1 : 0;
    case COD_EL_SET: {
        const cod_set *set = &cs->in->verbs->sets[e->id];
        size_t best = 0;
        for (uint32_t m = 0; m < set->n_members; m++) {
            uint32_t a = set->starts[m], b = set->starts[m + 1];
            if (b - a > n - at || b - a <= best)
                continue;
            uint32_t i = 0;
            while (a + i < b && word_is(cs, seq[at + i], set->words[a + i], e->exact))
                i++;
            if (a + i == b)
                best = b - a;
        }
        return best;
    }
    case COD_EL_STEM: {
        /* the word starts with the stem, case folded */
        const char *stem = cs->in->verbs->words[e->id];
        const char *w = cs->s->words[k].norm;
        size_t i = 0;
        while (stem[i] && w[i] && (w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]) == stem[i])
            i++;
        return stem[i] == '\0' ? 1 : 0;
    }
    case COD_EL_SKIP: {
        /* a noun phrase: a noun, name or pronoun (an actor's whole name) */
        int u = cs->s->words[k].upos;
        if (cs->ment[k] < 0)
            return u == ANNALS_UPOS_NOUN || u == ANNALS_UPOS_PROPN || u == ANNALS_UPOS_PRON;
        return mention_span(cs, seq, n, at);
    }
    case COD_EL_TARGET:
    case COD_EL_SOURCE:
    case COD_EL_COMPOUND:
        if (cs->ment[k] < 0 || (e->kind == COD_EL_COMPOUND && !coordinated(cs, k)))
            return 0;
        return mention_span(cs, seq, n, at);
    default:
        return 0;
    }
}

/* Matches elements el[0..ne) in order over seq[0..n); fills the slots.
 * `first_at_start`: the first element must stand at seq[0]; *end gets
 * the position after the last element matched. */
static bool match_seq(const cod_sent *cs, const cod_elem *el, size_t ne, const size_t *seq,
                      size_t n, bool first_at_start, size_t *end, cod_match *out)
{
    size_t cur = 0;
    *end = 0;
    for (size_t i = 0; i < ne; i++) {
        size_t found = n, len = 0;
        size_t last = (el[i].adjacent && i > 0) || (i == 0 && first_at_start) ? cur + 1 : n;
        for (size_t j = cur; j < n && j < last; j++)
            if ((len = elem_at(cs, &el[i], seq, n, j)) != 0) {
                found = j;
                break;
            }
        if (found == n)
            return false;
        if (el[i].kind == COD_EL_TARGET && out->target < 0)
            out->target = (int)seq[found];
        else if (el[i].kind == COD_EL_SOURCE && out->source < 0)
            out->source = (int)seq[found];
        if (seq[found + len - 1] > (size_t)out->last_word || out->last_word < 0)
            out->last_word = (int)seq[found + len - 1];
        cur = found + len;
    }
    *end = cur;
    return true;
}

bool cod_match_pattern(const cod_sent *cs, const cod_clause *cl, const cod_pattern *p,
                       cod_match *out)
{
    memset(out, 0, sizeof *out);
    out->target = out->source = out->last_word = -1;
    out->pattern = p;
    /* a slot written before the verb is read on the words as they stand,
     * in the passive too: "+ WAS * DEAD IN $" ("An Eriadorian was shot dead
     * in Osgiliath") names the subject before the verb as the target */
    bool surface = false;
    for (size_t i = 0; i < p->n_pre && cl->passive; i++)
        surface |= p->pre[i].kind == COD_EL_TARGET || p->pre[i].kind == COD_EL_SOURCE;
    const size_t *pre = surface ? cl->spre : cl->pre, *post = surface ? cl->spost : cl->post;
    size_t n_pre = surface ? cl->n_spre : cl->n_pre, n_post = surface ? cl->n_spost : cl->n_post;
    size_t end;
    if (!match_seq(cs, p->pre, p->n_pre, pre, n_pre, false, &end, out))
        return false;
    /* "RECENTLY_*": the element joined to the verb stands right before it
     * ("recently did allow" is not "RECENTLY_*") */
    if (p->verb_pre_adj && (end != n_pre || pre[n_pre - 1] + 1 != cl->verb))
        return false;
    if (p->verb_post_adj && (!n_post || post[0] != cl->verb + 1))
        return false;
    if (!match_seq(cs, p->post, p->n_post, post, n_post, p->verb_post_adj, &end, out))
        return false;
    out->score = p->n_pre + p->n_post;
    for (size_t i = 0; i < p->n_post; i++)
        if (p->post[i].kind == COD_EL_TARGET)
            out->has_target_slot = true;
    for (size_t i = 0; i < p->n_pre; i++)
        if (p->pre[i].kind == COD_EL_TARGET)
            out->has_target_slot = true;
    return true;
}

/* Whether the extra words of a multi-word verb are in its clause (or its
 * by-agent: "angered by"). */
static bool extras_present(const cod_sent *cs, const cod_clause *cl, const cod_verb *vb)
{
    size_t cur = 0;
    for (size_t i = 0; i < vb->n_post; i++) {
        bool ok = false;
        for (; cur < cl->n_post && !ok; cur++)
            ok = word_has(cs, cl->post[cur], vb->post[i]);
        if (!ok && cl->agent >= 0 && i + 1 == vb->n_post)
            ok = word_has(cs, (size_t)cl->agent, vb->post[i]) ||
                 (cs->first[cl->agent] >= 0 && word_has(cs, (size_t)cs->first[cl->agent], vb->post[i]));
        if (!ok)
            return false;
    }
    cur = 0;
    for (size_t i = 0; i < vb->n_pre; i++) {
        bool ok = false;
        for (; cur < cl->n_pre && !ok; cur++)
            ok = word_has(cs, cl->pre[cur], vb->pre[i]);
        if (!ok)
            return false;
    }
    return true;
}

/* Tries the patterns of verb entry vb (its block) for word v; keeps the
 * best in `best`.  Returns 1 when something (a pattern or the default
 * code) applies. */
static int try_verb(const cod_sent *cs, size_t v, const cod_clause *cl, const cod_verb *vb,
                    int extras, cod_match *best, core_buf *explain)
{
    const cod_verbs *d = cs->in->verbs;
    const cod_block *b = &d->blocks[vb->block];
    int found = 0;
    if (explain)
        core_buf_printf(explain, "  verb '%s' as %s%s%s%s (%s), %u pattern%s\n",
                        cs->s->words[v].form, d->words[vb->lemma], vb->stem ? "-" : "",
                        vb->n_post ? " +" : "", vb->n_post ? d->words[vb->post[0]] : "",
                        vb->where ? vb->where : b->where, b->n, b->n == 1 ? "" : "s");
    for (uint32_t p = b->first; p < b->first + b->n; p++) {
        cod_match m;
        if (!cod_match_pattern(cs, cl, &d->patterns[p], &m))
            continue;
        m.verb = vb;
        m.extras = extras;
        if (explain)
            core_buf_printf(explain, "    matches %s [%s%s%s] (%d element%s)\n",
                            m.pattern->where, m.pattern->code ? m.pattern->code : "",
                            m.pattern->code2 ? ":" : "",
                            m.pattern->code2 ? m.pattern->code2 : "", m.score,
                            m.score == 1 ? "" : "s");
        if (m.score > best->score) {
            *best = m;
            found = 1;
        }
    }
    /* the default code of the verb line or of its block */
    const char *dflt = vb->code ? vb->code : b->code;
    if (dflt && best->score < 0) {
        memset(best, 0, sizeof *best);
        best->target = best->source = best->last_word = -1;
        best->verb = vb;
        best->extras = extras;
        best->default_code = dflt;
        best->default_code2 = vb->code ? vb->code2 : b->code2;
        best->default_where = vb->code ? vb->where : b->where;
        best->score = 0;
        found = 1;
    }
    return found;
}

/* Whether the words before the verb of multi-word verb vb end with word
 * v itself, the others standing in order among the clause's words before
 * v, and its words after the verb stand among the clause's words after. */
static bool ends_before_verb(const cod_sent *cs, const cod_clause *cl, const cod_verb *vb,
                             size_t v)
{
    if (!vb->n_pre || !word_has(cs, v, vb->pre[vb->n_pre - 1]))
        return false;
    size_t cur = 0;
    for (size_t i = 0; i + 1 < vb->n_pre; i++) {
        bool ok = false;
        for (; cur < cl->n_pre && !ok; cur++)
            ok = word_has(cs, cl->pre[cur], vb->pre[i]);
        if (!ok)
            return false;
    }
    cur = 0;
    for (size_t i = 0; i < vb->n_post; i++) {
        bool ok = false;
        for (; cur < cl->n_post && !ok; cur++)
            ok = word_has(cs, cl->post[cur], vb->post[i]);
        if (!ok)
            return false;
    }
    return true;
}

/* A multi-word verb written with its verb word after another ("WIRE_+TAP")
 * when the tagger took that other word for the verb: "will not wire tap
 * the links" with "wire" a VERB and "tap" a noun.  Tries the verbs of the
 * word right after v (not itself a verb: it is tried on its own) whose
 * words before the verb end with v, on v's clause without that word.
 * Returns 1 when one applies. */
static int try_verb_after(const cod_sent *cs, size_t v, const cod_clause *cl, cod_match *best,
                          core_buf *explain)
{
    size_t k = v + 1;
    if (k >= cs->n || cs->s->words[k].upos == ANNALS_UPOS_VERB || cs->ment[k] >= 0)
        return 0;
    cod_clause rest = *cl;
    size_t *post = core_arena_alloc(cs->in->arena, (cl->n_post + 1) * sizeof *post);
    if (!post)
        return 0;
    rest.n_post = 0;
    for (size_t i = 0; i < cl->n_post; i++)
        if (cl->post[i] != k)
            post[rest.n_post++] = cl->post[i];
    if (rest.n_post == cl->n_post)
        return 0; /* the word is not in v's clause */
    rest.post = post;
    if (!cl->passive) {
        rest.spost = rest.post;
        rest.n_spost = rest.n_post;
    }
    const cod_verbs *d = cs->in->verbs;
    int found = 0;
    for (int w = 0; w < 3 && !found; w++) {
        size_t nv;
        const uint32_t *vs = cod_verbs_find(d, cs->ids[k][w], &nv);
        for (size_t i = 0; i < nv; i++) {
            const cod_verb *vb = &d->verbs[vs[i]];
            if (ends_before_verb(cs, &rest, vb, v))
                found |= try_verb(cs, v, &rest, vb, vb->n_pre + vb->n_post, best, explain);
        }
    }
    return found;
}

int cod_best_match(const cod_sent *cs, size_t v, const cod_clause *cl, cod_match *best,
                   core_buf *explain)
{
    const cod_verbs *d = cs->in->verbs;
    int found = 0;
    memset(best, 0, sizeof *best);
    best->score = -1;
    int best_extras = -1;
    uint32_t seen[3] = {COD_NO_WORD, COD_NO_WORD, COD_NO_WORD};
    /* the form first: a dictionary that lists a form ("LEFT") means that form */
    static const int order[3] = {1, 0, 2};
    for (int w = 0; w < 3; w++) {
        uint32_t id = cs->ids[v][order[w]];
        if (id == COD_NO_WORD || id == seen[0] || id == seen[1])
            continue;
        seen[w] = id;
        size_t nv;
        const uint32_t *vs = cod_verbs_find(d, id, &nv);
        for (size_t i = 0; i < nv; i++) {
            const cod_verb *vb = &d->verbs[vs[i]];
            int extras = vb->n_pre + vb->n_post;
            if (extras < best_extras || !extras_present(cs, cl, vb))
                continue;
            if (extras > best_extras) {
                /* a longer multi-word verb replaces whatever a shorter one found */
                best_extras = extras;
                best->score = -1;
                found = 0;
            }
            found |= try_verb(cs, v, cl, vb, extras, best, explain);
        }
    }
    if (!found)
        found = try_verb_after(cs, v, cl, best, explain);
    /* TABARI stems: the longest stem of the form that is a verb */
    if (!found && d->has_stems) {
        const char *form = cs->s->words[v].norm;
        size_t len = strlen(form);
        char low[128];
        if (len >= sizeof low)
            len = sizeof low - 1;
        for (size_t i = 0; i < len; i++)
            low[i] = (char)((form[i] >= 'A' && form[i] <= 'Z') ? form[i] + 32 : form[i]);
        for (size_t l = len; l >= 3 && !found; l--) {
            size_t nv;
            const uint32_t *vs = cod_verbs_find(d, cod_verbs_word(d, low, l), &nv);
            for (size_t i = 0; i < nv && !found; i++) {
                const cod_verb *vb = &d->verbs[vs[i]];
                if (vb->stem && extras_present(cs, cl, vb))
                    found = try_verb(cs, v, cl, vb, vb->n_pre + vb->n_post, best, explain);
            }
        }
    }
    return found;
}
