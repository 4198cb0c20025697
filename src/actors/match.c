/* match.c — actor mentions in a sentence: trie matching over word keys,
 * the fuzzy fallback, and resolution of adjacent matches in context and
 * time (see match.h). */
#include "actors/match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors/key.h"
#include "core/buf.h"

#define ACT_NONE UINT32_MAX
#define ACT_FUZZY_MAX_TOKENS 4

/* A word as the matcher sees it. */
typedef struct act_tok {
    uint32_t id;             /* token id, ACT_NONE when the dictionary lacks it */
    uint32_t word;           /* its word in the sentence */
    const char *key;
    uint8_t upper, cap, after_hyphen;
} act_tok;

/* A name found at tokens [t0, t1). */
typedef struct act_hit {
    size_t t0, t1;
    size_t first, end;       /* words */
    uint32_t name;
    bool fuzzy;
    const act_entry *entry;
    const act_code *used;
    const char *code;        /* "" when none on the date */
} act_hit;

int32_t act_date_of(const char *iso)
{
    return iso ? act_parse_iso(iso, strlen(iso)) : ACT_NO_DATE;
}

/* The keys of the words; hyphens are left out (they only mark
 * after_hyphen on the next word). */
static int act_tokens(const act_dict *d, core_arena *a, const annals_sentence *s, act_tok **out,
                      size_t *n_out)
{
    /* A word written with '_' between its parts ("Dol_Amroth", as
     * PETRARCH's and TABARI's own test texts join names) is its parts,
     * as a dictionary name with '_' is. */
    size_t parts = s->n_words + 1;
    for (size_t i = 0; i < s->n_words; i++)
        for (const char *c = s->words[i].form; c && *c; c++)
            parts += *c == '_';
    act_tok *t = core_arena_alloc(a, parts * sizeof *t);
    if (!t)
        return ANNALS_E_NOMEM;
    size_t n = 0;
    bool hyphen = false;
    for (size_t i = 0; i < s->n_words; i++) {
        const annals_word *w = &s->words[i];
        const char *text = w->norm ? w->norm : w->form;
        const char *us = strchr(text, '_');
        char piece[ACT_KEY_MAX];
        for (const char *p = text; p;) {
            const char *part = p;
            if (us) {
                us = strchr(p, '_');
                size_t len = us ? (size_t)(us - p) : strlen(p);
                if (len >= sizeof piece)
                    len = sizeof piece - 1;
                memcpy(piece, p, len);
                piece[len] = '\0';
                part = piece;
                p = us ? us + 1 : NULL;
            } else {
                p = NULL;
            }
            char key[ACT_KEY_MAX];
            size_t kl = act_key(part, key);
            if (!kl) {
                hyphen = true;
                continue;
            }
            act_tok *k = &t[n++];
            k->id = act_intern_find(&d->tokens, key, kl);
            k->word = (uint32_t)i;
            k->key = core_arena_strndup(a, key, kl);
            if (!k->key)
                return ANNALS_E_NOMEM;
            k->upper = act_is_upper(part);
            k->cap = act_is_capitalised(part);
            k->after_hyphen = hyphen;
            hyphen = false;
        }
    }
    *out = t;
    *n_out = n;
    return ANNALS_OK;
}

static bool act_caps_ok(const act_name *nm, const act_tok *t, size_t i, size_t j)
{
    if (!nm->caps_only)
        return true;
    for (size_t k = i; k <= j; k++)
        if (!t[k].upper)
            return false;
    return true;
}

/* The first name of a node's list that the case rule lets match. */
static uint32_t act_pick(const act_dict *d, uint32_t head, const act_tok *t, size_t i, size_t j)
{
    for (uint32_t k = head; k != ACT_NONE; k = d->names[k].next)
        if (act_caps_ok(&d->names[k], t, i, j))
            return k;
    return ACT_NONE;
}

/* A TABARI stem ending at token j below `node`: the longest prefix. */
static uint32_t act_stem_at(const act_dict *d, uint32_t node, const act_tok *t, size_t i,
                            size_t j)
{
    size_t len = strlen(t[j].key);
    for (size_t l = len; l > 0; l--) {
        uint32_t id = act_intern_find(&d->tokens, t[j].key, l);
        if (id == ACT_NONE)
            continue;
        uint32_t c = act_edges_find(&d->stem_edges, node, id);
        if (c == ACT_NONE)
            continue;
        uint32_t nm = act_pick(d, d->nodes[c].stem_names, t, i, j);
        if (nm != ACT_NONE)
            return nm;
    }
    return ACT_NONE;
}

/* The longest name starting at token i. */
static bool act_longest(const act_dict *d, const act_tok *t, size_t n, size_t i, act_hit *hit)
{
    uint32_t node = 0;
    bool found = false;
    for (size_t j = i; j < n; j++) {
        if (d->has_stems) {
            uint32_t nm = act_stem_at(d, node, t, i, j);
            if (nm != ACT_NONE) {
                *hit = (act_hit){.t0 = i, .t1 = j + 1, .name = nm};
                found = true;
            }
        }
        if (t[j].id == ACT_NONE)
            break;
        node = act_edges_find(&d->edges, node, t[j].id);
        if (node == ACT_NONE)
            break;
        uint32_t nm = act_pick(d, d->nodes[node].names, t, i, j);
        if (nm != ACT_NONE) {
            *hit = (act_hit){.t0 = i, .t1 = j + 1, .name = nm};
            found = true;
        }
    }
    return found;
}

static size_t act_letters(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += (*s & 0xc0) != 0x80;
    return n;
}

/* Whether a and b differ by at most one insertion, deletion, substitution
 * or swap of neighbours. */
static bool act_edit1(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb + 1 || lb > la + 1)
        return false;
    size_t i = 0;
    while (i < la && i < lb && a[i] == b[i])
        i++;
    if (i == la && i == lb)
        return true;
    if (la == lb) {
        if (!strcmp(a + i + 1, b + i + 1))
            return true;
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && !strcmp(a + i + 2, b + i + 2);
    }
    return la > lb ? !strcmp(a + i + 1, b + i) : !strcmp(a + i, b + i + 1);
}

/* A long multi-word name with one letter wrong in one long word, among the
 * capitalised words from token i. */
static bool act_fuzzy(const act_dict *d, const act_tok *t, size_t n, size_t i, act_hit *hit)
{
    if (!d->fuzzy_cap || !t[i].cap)
        return false;
    size_t max = 1;
    while (max < ACT_FUZZY_MAX_TOKENS && i + max < n && (t[i + max].cap || t[i + max].after_hyphen))
        max++;
    for (size_t len = max; len >= 2; len--) {
        for (size_t k = i; k < i + len; k++) {
            uint32_t id = t[k].id;
            if (id == ACT_NONE || id >= d->fuzzy_cap)
                continue;
            const act_fuzzy_list *l = &d->fuzzy[id];
            for (size_t c = 0; c < l->n; c++) {
                const act_name *nm = &d->names[l->names[c]];
                if (nm->n_keys != len)
                    continue;
                size_t diff = 0, at = 0;
                for (size_t p = 0; p < len && diff < 2; p++)
                    if (nm->keys[p] != t[i + p].id) {
                        diff++;
                        at = p;
                    }
                if (diff != 1)
                    continue;
                const char *want = d->tokens.strs[nm->keys[at]], *got = t[i + at].key;
                if (act_letters(want) < 4 || act_letters(got) < 4 || !act_edit1(want, got))
                    continue;
                *hit = (act_hit){.t0 = i, .t1 = i + len, .name = l->names[c], .fuzzy = true};
                return true;
            }
        }
    }
    return false;
}

/* ---- resolution in context ----------------------------------------- */

static bool act_key_is(const annals_word *w, const char *const *list)
{
    char key[ACT_KEY_MAX];
    size_t kl = act_key(w->norm ? w->norm : w->form, key);
    if (!kl)
        return true; /* hyphens join */
    for (; *list; list++)
        if (!strcmp(key, *list))
            return true;
    return false;
}

static const char *const act_joiners[] = {"'s", "'", "of", "the", "mr", "mrs", "ms", "dr",
                                          "former", "ex", NULL};
static const char *const act_former_words[] = {"former", "ex", NULL};
static const char *const act_determiners[] = {"the", "a", "an", NULL};

static bool act_has_part(const char *code, const char *part)
{
    for (size_t i = 0; code[i] && code[i + 1] && code[i + 2]; i += 3)
        if (!memcmp(code + i, part, 3))
            return true;
    return false;
}

static bool act_is_office(const char *part)
{
    static const char *const roles[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", NULL};
    for (const char *const *r = roles; *r; r++)
        if (!memcmp(part, *r, 3))
            return true;
    return false;
}

/* "former": office roles become ELI (once). */
static void act_make_former(char *code)
{
    char out[64];
    size_t o = 0;
    bool eli = false;
    for (size_t i = 0; code[i] && code[i + 1] && code[i + 2] && o + 3 < sizeof out; i += 3) {
        const char *p = code + i;
        if (i > 0 && (act_is_office(p) || !memcmp(p, "ELI", 3))) {
            if (eli)
                continue;
            p = "ELI";
            eli = true;
        }
        memcpy(out + o, p, 3);
        o += 3;
    }
    out[o] = '\0';
    strcpy(code, out);
}

static void act_why_part(core_buf *b, const act_dict *d, const act_hit *h)
{
    const act_name *nm = &d->names[h->name];
    if (b->len)
        core_buf_puts(b, " + ");
    core_buf_printf(b, "%s%s=%s (%s:%u", nm->text, h->fuzzy ? "~" : "",
                    *h->code ? h->code : "---", act_dict_file(d, h->entry->file),
                    (unsigned)h->entry->line);
    if (h->used && h->used->dated) {
        char f[11] = "", t[11] = "";
        if (h->used->from != ACT_DAY_MIN)
            act_format_day(h->used->from, f);
        if (h->used->to != ACT_DAY_MAX)
            act_format_day(h->used->to, t);
        core_buf_printf(b, ", %s..%s", f, t);
    }
    core_buf_putc(b, ')');
}

/* One mention from hits[0..n) of one phrase. */
static int act_combine(const act_dict *d, core_arena *a, const annals_sentence *s,
                       const act_hit *h, size_t n, act_mention *m)
{
    const act_hit *base = NULL;
    for (size_t i = 0; i < n; i++)
        if (h[i].entry->section == ACT_SEC_ACTORS && *h[i].code &&
            (!base || strlen(h[i].code) >= strlen(base->code)))
            base = &h[i];
    char code[64] = "";
    if (base)
        snprintf(code, sizeof code, "%s", base->code);
    /* Agents add their parts to a bare root ("Japanese foreign minister"
     * = JPN + GOV); PETRARCH and TABARI add them to any actor code, a part
     * the code has already left out ("West German world government
     * activists" = GMWGOV + WGO = GMWGOVWGO; "Quibbler government
     * newspaper" = HGWGOVMED + GOVMED = HGWGOVMED) */
    bool bare = strlen(code) <= 3 || (base && base->entry->legacy);
    const act_hit *first_agent = NULL;
    /* PETRARCH's prefix agents ("[NGO~]") go before the actor's code:
     * "MSF Arnor" = NGO + ARN = NGOARN */
    char prefix[64] = "";
    for (size_t i = 0; i < n && bare; i++) {
        if (h[i].entry->section != ACT_SEC_AGENTS || !*h[i].code)
            continue;
        if (!first_agent)
            first_agent = &h[i];
        size_t cl = strlen(h[i].code);
        bool before = cl && h[i].code[cl - 1] == '~';
        char *to = before ? prefix : code;
        for (const char *p = h[i].code; p[0] && p[1] && p[2] && p[2] != '~'; p += 3) {
            size_t len = strlen(to);
            /* a part the code has already is not added again: "Human
             * rights activists Amnesty International" = NGM + NGM = NGM */
            if (!act_has_part(to, p) && !act_has_part(code, p) && len + 3 < sizeof code) {
                memcpy(to + len, p, 3);
                to[len + 3] = '\0';
            }
        }
    }
    if (*prefix && strlen(prefix) + strlen(code) < sizeof code) {
        memmove(code + strlen(prefix), code, strlen(code) + 1);
        memcpy(code, prefix, strlen(prefix));
    }
    memset(m, 0, sizeof *m);
    m->first = h[0].first;
    m->end = h[n - 1].end;
    const act_hit *dec = base ? base : first_agent ? first_agent : &h[0];
    m->entry = dec->entry;
    m->used = dec->used;
    m->name = &d->names[dec->name];
    for (size_t i = 0; i < n; i++)
        if (h[i].fuzzy)
            m->flags |= ACT_MENTION_FUZZY;
    if (n > 1)
        m->flags |= ACT_MENTION_COMBINED;
    if (!base && first_agent)
        m->flags |= ACT_MENTION_AGENT;
    /* "former" just before the phrase or inside it */
    bool former = false;
    for (size_t w = m->first; w < m->end && !former; w++)
        former = act_key_is(&s->words[w], act_former_words) &&
                 strcmp(s->words[w].norm ? s->words[w].norm : "", "-") != 0;
    for (size_t w = m->first; w-- > 0 && !former;) {
        const annals_word *x = &s->words[w];
        char key[ACT_KEY_MAX];
        size_t kl = act_key(x->norm ? x->norm : x->form, key);
        if (!kl || act_key_is(x, act_determiners))
            continue;
        former = !strcmp(key, "former") || !strcmp(key, "ex");
        break;
    }
    if (former && strlen(code) > 3) {
        char before[64];
        strcpy(before, code);
        act_make_former(code);
        if (strcmp(before, code))
            m->flags |= ACT_MENTION_FORMER;
    }
    if (!*code) {
        strcpy(code, "---");
        m->flags |= ACT_MENTION_NOCODE;
    }
    m->code = core_arena_strdup(a, code);
    core_buf b = CORE_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        act_why_part(&b, d, &h[i]);
    if (m->flags & ACT_MENTION_FORMER)
        core_buf_puts(&b, " + former: office becomes ELI");
    m->why = core_arena_strdup(a, b.data ? b.data : "");
    core_buf_free(&b);
    return m->code && m->why ? ANNALS_OK : ANNALS_E_NOMEM;
}

/* Whether hit h may join the phrase hits[g0..g1): only joiners between,
 * and no two actors of different countries or organisations. */
static bool act_joins(const annals_sentence *s, const act_hit *h, size_t g0, size_t g1,
                      const act_hit *cur)
{
    const act_hit *prev = &h[g1 - 1];
    for (size_t w = prev->end; w < cur->first; w++)
        if (!act_key_is(&s->words[w], act_joiners))
            return false;
    if (cur->entry->section != ACT_SEC_ACTORS || !*cur->code)
        return true;
    for (size_t i = g0; i < g1; i++)
        if (h[i].entry->section == ACT_SEC_ACTORS && *h[i].code &&
            memcmp(h[i].code, cur->code, 3) != 0)
            return false;
    return true;
}

/* Whether word k is capitalised and, unless `anywhere`, not the first
 * word of its sentence (a word before it begins with a letter or digit:
 * an opening quote or bracket does not count). */
static bool act_capitalised_name(const annals_sentence *s, size_t k, bool anywhere)
{
    const char *f = s->words[k].form;
    if (!f || !(*f >= 'A' && *f <= 'Z'))
        return false;
    if (anywhere)
        return true;
    for (size_t j = 0; j < k; j++) {
        unsigned char c = (unsigned char)(s->words[j].form ? s->words[j].form[0] : 0);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            return true;
    }
    return false;
}

/* Whether the tags leave hit h out: a lone word the tagger calls a verb
 * is not a name ("to police"), unless it is capitalised where a sentence
 * does not start, or is a capitalised actor name (a proper name, not an
 * agent's common noun) at the start: the capital marks a name whatever
 * the tag ("Pyongyang" tagged VBG).  The only place tags change what the
 * matcher finds. */
static bool act_tag_may_drop(const annals_sentence *s, const act_hit *h)
{
    return h->end - h->first == 1 &&
           !act_capitalised_name(s, h->first, h->entry->section == ACT_SEC_ACTORS);
}

static bool act_dropped_by_tag(const annals_sentence *s, const act_hit *h)
{
    int upos = s->words[h->first].upos;
    return (upos == ANNALS_UPOS_VERB || upos == ANNALS_UPOS_AUX) && act_tag_may_drop(s, h);
}

/* The names found in `s`, in order, before they are joined into
 * mentions (*out in `a`, or NULL when none); *dropped tells whether the
 * tags left a name out. */
static int act_hits(const act_dict *d, core_arena *a, const annals_sentence *s, int32_t date,
                    act_hit **out, size_t *n_out, bool *dropped)
{
    *out = NULL;
    *n_out = 0;
    *dropped = false;
    if (!d || !s->n_words || !d->n_names)
        return ANNALS_OK;
    act_tok *t;
    size_t nt;
    int rc = act_tokens(d, a, s, &t, &nt);
    if (rc)
        return rc;
    act_hit *hits = core_arena_alloc(a, (nt + 1) * sizeof *hits);
    if (!hits)
        return ANNALS_E_NOMEM;
    size_t nh = 0;
    for (size_t i = 0; i < nt;) {
        act_hit h;
        if (!act_longest(d, t, nt, i, &h) && !act_fuzzy(d, t, nt, i, &h)) {
            i++;
            continue;
        }
        h.first = t[h.t0].word;
        h.end = t[h.t1 - 1].word + 1;
        h.entry = &d->entries[d->names[h.name].entry];
        if (act_dropped_by_tag(s, &h)) {
            *dropped = true;
            i++;
            continue;
        }
        h.used = act_entry_code_at(d, h.entry, date);
        h.code = h.used ? h.used->code : "";
        hits[nh++] = h;
        i = h.t1;
    }
    *out = nh ? hits : NULL;
    *n_out = nh;
    return ANNALS_OK;
}

/* The end of the phrase of hits starting at g0: adjacent hits joined. */
static size_t act_group_end(const annals_sentence *s, const act_hit *hits, size_t nh, size_t g0)
{
    size_t g1 = g0 + 1;
    while (g1 < nh && act_joins(s, hits, g0, g1, &hits[g1]))
        g1++;
    return g1;
}

/* The mentions of the hits[0..nh) of `s`: adjacent hits joined. */
static int act_mentions_of_hits(const act_dict *d, core_arena *a, const annals_sentence *s,
                                const act_hit *hits, size_t nh, act_mention **out,
                                size_t *n_out)
{
    int rc;
    act_mention *m = core_arena_alloc(a, nh * sizeof *m);
    if (!m)
        return ANNALS_E_NOMEM;
    size_t nm = 0;
    for (size_t g0 = 0; g0 < nh;) {
        size_t g1 = act_group_end(s, hits, nh, g0);
        if ((rc = act_combine(d, a, s, hits + g0, g1 - g0, &m[nm++])))
            return rc;
        g0 = g1;
    }
    *out = m;
    *n_out = nm;
    return ANNALS_OK;
}

int act_find_mentions(const act_dict *d, core_arena *a, const annals_sentence *s,
                      int32_t date, act_mention **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    act_hit *hits;
    size_t nh;
    bool dropped;
    int rc = act_hits(d, a, s, date, &hits, &nh, &dropped);
    if (rc || !nh)
        return rc;
    return act_mentions_of_hits(d, a, s, hits, nh, out, n_out);
}

/* Whether the names `f` found before are those act_hits would find in
 * `s` now: found on the same date with no name left out for its tag
 * then, and none of them left out for the tags `s` has now.  act_hits
 * takes the same path through the same tokens as long as it leaves no
 * name out, so it would find the same names. */
static bool act_found_keeps(const act_found *f, const annals_sentence *s,
                            bool (*drops)(const annals_sentence *, const act_hit *))
{
    if (!f->usable || f->n_words != s->n_words)
        return false;
    for (size_t i = 0; i < f->n; i++)
        if (drops(s, &f->hits[i]))
            return false;
    return true;
}

static bool act_found_holds(const act_found *f, const annals_sentence *s, int32_t date)
{
    return f->date == date && act_found_keeps(f, s, act_dropped_by_tag);
}

bool act_found_tag_proof(const act_found *found, const annals_sentence *s)
{
    return act_found_keeps(found, s, act_tag_may_drop);
}

int act_find_mentions_again(const act_dict *d, core_arena *a, const annals_sentence *s,
                            int32_t date, const act_found *found, act_mention **out,
                            size_t *n_out)
{
    if (!found || !d || !d->n_names || !act_found_holds(found, s, date))
        return act_find_mentions(d, a, s, date, out, n_out);
    *out = NULL;
    *n_out = 0;
    if (!found->n)
        return ANNALS_OK;
    return act_mentions_of_hits(d, a, s, found->hits, found->n, out, n_out);
}

int act_find_spans(const act_dict *d, core_arena *a, const annals_sentence *s, int32_t date,
                   act_span **out, size_t *n_out, act_found *found)
{
    *out = NULL;
    *n_out = 0;
    act_hit *hits;
    size_t nh;
    bool dropped;
    int rc = act_hits(d, a, s, date, &hits, &nh, &dropped);
    if (found)
        *found = (act_found){hits, nh, date, s->n_words, !rc && !dropped};
    if (rc || !nh)
        return rc;
    act_span *v = core_arena_alloc(a, nh * sizeof *v);
    if (!v)
        return ANNALS_E_NOMEM;
    size_t n = 0;
    for (size_t g0 = 0; g0 < nh;) {
        size_t g1 = act_group_end(s, hits, nh, g0);
        v[n++] = (act_span){hits[g0].first, hits[g1 - 1].end};
        g0 = g1;
    }
    *out = v;
    *n_out = n;
    return ANNALS_OK;
}

/* ---- unknown proper nouns ------------------------------------------ */

static bool act_propn(const annals_word *w, bool tagged)
{
    if (tagged)
        return w->upos == ANNALS_UPOS_PROPN;
    return act_is_capitalised(w->form);
}

int act_unknown_phrases(core_arena *a, const annals_sentence *s, const act_mention *m,
                        size_t n_m, const char ***out, size_t *n, size_t *cap)
{
    if (s->kind == ANNALS_SENT_TITLE || s->kind == ANNALS_SENT_HEADLINE || !s->n_words)
        return ANNALS_OK;
    unsigned char *covered = core_arena_calloc(a, s->n_words, 1);
    if (!covered)
        return ANNALS_E_NOMEM;
    for (size_t i = 0; i < n_m; i++)
        for (size_t w = m[i].first; w < m[i].end && w < s->n_words; w++)
            covered[w] = 1;
    bool tagged = false;
    for (size_t i = 0; i < s->n_words && !tagged; i++)
        tagged = s->words[i].upos != ANNALS_UPOS_NONE;
    static const char *const of[] = {"of", NULL};
    for (size_t i = 0; i < s->n_words;) {
        const annals_word *w = &s->words[i];
        if (covered[i] || (w->flags & ANNALS_WORD_DATELINE) || !act_propn(w, tagged)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        for (;;) {
            if (j < s->n_words && !covered[j] && act_propn(&s->words[j], tagged)) {
                j++;
                continue;
            }
            /* "Bank of England", "Jae-in": a joiner between two names */
            if (j + 1 < s->n_words && !covered[j + 1] && act_propn(&s->words[j + 1], tagged) &&
                (act_key_is(&s->words[j], of) || !strcmp(s->words[j].norm, "-"))) {
                j += 2;
                continue;
            }
            break;
        }
        /* a sentence's first word alone may just be capitalised; days and
         * months are names but not actors */
        static const char *const calendar[] = {
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", NULL};
        if ((!tagged && i == 0 && j == 1) || (j == i + 1 && act_key_is(w, calendar))) {
            i = j;
            continue;
        }
        core_buf b = CORE_BUF_INIT;
        for (size_t k = i; k < j; k++) {
            core_buf_puts(&b, s->words[k].form);
            if (k + 1 < j && !(s->words[k].flags & ANNALS_WORD_NO_SPACE_AFTER))
                core_buf_putc(&b, ' ');
        }
        const char *text = b.data ? core_arena_strdup(a, b.data) : NULL;
        core_buf_free(&b);
        if (!text)
            return ANNALS_E_NOMEM;
        if (*n == *cap) {
            size_t nc = *cap ? *cap * 2 : 32;
            const char **v = realloc(*out, nc * sizeof *v);
            if (!v)
                return ANNALS_E_NOMEM;
            *out = v;
            *cap = nc;
        }
        (*out)[(*n)++] = text;
        i = j;
    }
    return ANNALS_OK;
}
