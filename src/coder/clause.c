/* clause.c — the sentence's tree and a verb's clause (see clause.h). */
#include "coder/clause.h"

#include <string.h>
#include <strings.h>

/* Whether word k has a child of relation `rel` (an adposition, with
 * `adposition`), read from cs->head before the child lists are built. */
static bool word_has_child(const cod_sent *cs, size_t k, const char *rel, bool adposition)
{
    for (size_t c = 0; c < cs->n; c++)
        if (cs->head[c] == (int)k && cod_rel_is(cs, c, rel) &&
            (!adposition || cs->s->words[c].upos == ANNALS_UPOS_ADP))
            return true;
    return false;
}

/* A bare noun phrase after the second of two coordinated verbs that the
 * parser hung on the first as an oblique: "condemned an attack ... and
 * promised raids to the villages" with "raids" an obl of "condemned", as
 * the arc-eager parser reads it.  An oblique without a preposition is an
 * object misread; the first verb has its object already, and the second,
 * which stands before the phrase, has none, so the phrase is the second
 * verb's object.  (UD hangs an object both verbs share on the first, but
 * only one the first lacks: "buy and sell books".) */
static void repair_object_of_conjunct(cod_sent *cs)
{
    const annals_word *w = cs->s->words;
    for (size_t k = 0; k < cs->n; k++) {
        int v = cs->head[k];
        if (v < 0 || (size_t)v >= k || !cod_rel_full(cs, k, "obl") || w[v].upos != ANNALS_UPOS_VERB ||
            (w[k].upos != ANNALS_UPOS_NOUN && w[k].upos != ANNALS_UPOS_PROPN) ||
            word_has_child(cs, k, "case", true) || !word_has_child(cs, (size_t)v, "obj", false))
            continue;
        /* the latest verb conjunct of v before k, with no object */
        int conj = -1;
        for (size_t c = (size_t)v + 1; c < k; c++)
            if (cs->head[c] == v && cod_rel_is(cs, c, "conj") && w[c].upos == ANNALS_UPOS_VERB)
                conj = (int)c;
        if (conj < 0 || word_has_child(cs, (size_t)conj, "obj", false))
            continue;
        cs->head[k] = conj;
        cs->rel[k] = "obj";
    }
}

/* Where a trailing attribution starts: "..., South Korea's military said
 * (on Wednesday)." -- a comma, at most eight words without a verb, a verb
 * of saying, then nothing but a time phrase or punctuation.  Its words
 * belong to no other clause, whatever the parser attached them to. */
static size_t attribution_tail(const cod_sent *cs, size_t *verb)
{
    static const char *const saying[] = {"say", "tell", "report", "add", "state", "announce",
                                         "claim", "confirm", "note", "write", NULL};
    size_t n = cs->n;
    for (size_t v = n; v-- > 1;) {
        const annals_word *w = &cs->s->words[v];
        if (w->upos != ANNALS_UPOS_VERB)
            continue;
        bool say = false;
        for (size_t i = 0; saying[i] && !say; i++)
            say = w->lemma && strcmp(w->lemma, saying[i]) == 0;
        if (!say)
            return n;
        /* after it: punctuation or a short time phrase only */
        for (size_t k = v + 1; k < n; k++) {
            int u = cs->s->words[k].upos;
            if (u == ANNALS_UPOS_VERB || u == ANNALS_UPOS_AUX || k > v + 4)
                return n;
        }
        for (size_t k = v; k-- > 0 && v - k <= 9;) {
            const annals_word *x = &cs->s->words[k];
            if (strcmp(x->norm, ",") == 0 && k > 0) {
                *verb = v;
                return k;
            }
            if (strcmp(x->norm, ",") == 0)
                return n;
            if (x->upos == ANNALS_UPOS_VERB)
                return n;
        }
        return n;
    }
    return n;
}

/* The head of each word as the coder reads it.  A word hung on a
 * punctuation mark is hung on the mark's own head (the nearest word above
 * that is not punctuation): a comma or a full stop governs nothing, and a
 * parser that ends its run by hanging leftover words on whatever stands
 * on its stack (the arc-eager parser does, eight times as often as the
 * arc-hybrid one on EWT dev) leaves words of the clause there ("have
 * cordoned off for construction the roads leading into Mordor" with
 * "roads" under the full stop).  Its label, given under the mark, says
 * nothing of its place under the new head ("a Jordanian official
 * confirmed" with "official" the full stop's nsubj is no second subject
 * of the main verb): it becomes "dep", some relation. */
static void repair_heads(cod_sent *cs)
{
    const annals_word *w = cs->s->words;
    for (size_t k = 0; k < cs->n; k++) {
        int h = w[k].head >= 1 && (size_t)w[k].head <= cs->n ? w[k].head - 1 : -1;
        cs->rel[k] = w[k].deprel;
        if (w[k].upos == ANNALS_UPOS_PUNCT) {
            cs->head[k] = h; /* a mark on a mark stays: it governs nothing */
            continue;
        }
        bool moved = false;
        for (size_t hops = 0; h >= 0 && w[h].upos == ANNALS_UPOS_PUNCT && hops < cs->n; hops++) {
            h = w[h].head >= 1 && (size_t)w[h].head <= cs->n ? w[h].head - 1 : -1;
            moved = true;
        }
        if (h == (int)k)
            h = -1;
        cs->head[k] = h;
        if (moved)
            cs->rel[k] = h >= 0 ? "dep" : "root";
    }
}

/* A subject with a preposition is a prepositional phrase misread: "The
 * United States on Thursday fired two shells" parsed with "Thursday" the
 * nsubj of "fired" and "States" the nsubj of "Thursday".  No English
 * subject takes a preposition, and no noun a subject of its own; the noun
 * before the phrase hung on it as its subject is the verb's subject, and
 * the phrase an oblique of the verb. */
static void repair_prepositional_subject(cod_sent *cs)
{
    const annals_word *w = cs->s->words;
    for (size_t k = 0; k < cs->n; k++) {
        int v = cs->head[k];
        if (v < 0 || !cod_rel_full(cs, k, "nsubj") || w[v].upos != ANNALS_UPOS_VERB ||
            (w[k].upos != ANNALS_UPOS_NOUN && w[k].upos != ANNALS_UPOS_PROPN) ||
            !word_has_child(cs, k, "case", true))
            continue;
        for (size_t c = 0; c < k; c++)
            if (cs->head[c] == (int)k && cod_rel_full(cs, c, "nsubj")) {
                cs->head[c] = v;
                cs->rel[k] = "obl";
                break;
            }
    }
}

int cod_sent_init(cod_sent *cs, const cod_input *in, size_t si, size_t m0, size_t m1)
{
    const annals_sentence *s = &in->sents[si];
    size_t n = s->n_words ? s->n_words : 1;
    core_arena *a = in->arena;
    memset(cs, 0, sizeof *cs);
    cs->in = in;
    cs->si = si;
    cs->s = s;
    cs->n = s->n_words;
    cs->head = core_arena_alloc(a, n * sizeof *cs->head);
    cs->rel = core_arena_alloc(a, n * sizeof *cs->rel);
    cs->first = core_arena_alloc(a, n * sizeof *cs->first);
    cs->next = core_arena_alloc(a, n * sizeof *cs->next);
    cs->ids = core_arena_alloc(a, n * sizeof *cs->ids);
    cs->ment = core_arena_alloc(a, n * sizeof *cs->ment);
    cs->consumed = core_arena_calloc(a, n, sizeof *cs->consumed);
    cs->mark = core_arena_calloc(a, n, sizeof *cs->mark);
    if (!cs->head || !cs->rel || !cs->first || !cs->next || !cs->ids || !cs->ment || !cs->consumed ||
        !cs->mark)
        return ANNALS_E_NOMEM;
    repair_heads(cs);
    repair_prepositional_subject(cs);
    int *last = core_arena_alloc(a, n * sizeof *last);
    if (!last)
        return ANNALS_E_NOMEM;
    for (size_t k = 0; k < cs->n; k++) {
        cs->first[k] = cs->next[k] = last[k] = -1;
        cs->ment[k] = -1;
    }
    repair_object_of_conjunct(cs);
    /* children in text order */
    for (size_t k = 0; k < cs->n; k++) {
        int h = cod_head(cs, k);
        if (h < 0)
            continue;
        if (last[h] < 0)
            cs->first[h] = (int)k;
        else
            cs->next[last[h]] = (int)k;
        last[h] = (int)k;
    }
    for (size_t k = 0; k < cs->n; k++) {
        const annals_word *w = &s->words[k];
        const cod_verbs *v = in->verbs;
        cs->ids[k][0] = w->lemma ? cod_verbs_word_lower(v, w->lemma) : COD_NO_WORD;
        cs->ids[k][1] = cod_verbs_word_lower(v, w->norm);
        cs->ids[k][2] = COD_NO_WORD;
        size_t len = strlen(w->norm);
        if (len > 3 && (w->norm[len - 1] == 's' || w->norm[len - 1] == 'S') && len < 127) {
            char t[128];
            memcpy(t, w->norm, len - 1);
            t[len - 1] = '\0';
            cs->ids[k][2] = cod_verbs_word_lower(v, t);
        }
    }
    cs->tail_verb = cs->n;
    cs->tail = attribution_tail(cs, &cs->tail_verb);
    for (size_t m = m0; m < m1; m++) {
        const annals_mention *am = &in->mentions[m];
        /* "CAIRO, Oct 26 (Reuters) -" says where the story was filed, not who acted */
        if (am->first_word < cs->n && (s->words[am->first_word].flags & ANNALS_WORD_DATELINE))
            continue;
        for (size_t k = am->first_word; k < am->end_word && k < cs->n; k++)
            cs->ment[k] = (int)m;
    }
    return 0;
}

int cod_head(const cod_sent *cs, size_t k)
{
    return cs->head[k];
}

bool cod_rel_is(const cod_sent *cs, size_t k, const char *rel)
{
    const char *d = cs->rel[k];
    if (!d)
        return false;
    size_t n = strlen(rel);
    return strncmp(d, rel, n) == 0 && (d[n] == '\0' || d[n] == ':');
}

bool cod_rel_full(const cod_sent *cs, size_t k, const char *rel)
{
    const char *d = cs->rel[k];
    return d && strcmp(d, rel) == 0;
}

int cod_child(const cod_sent *cs, size_t k, const char *rel)
{
    for (int c = cs->first[k]; c >= 0; c = cs->next[c])
        if (cod_rel_is(cs, (size_t)c, rel))
            return c;
    return -1;
}

const char *cod_lemma(const cod_sent *cs, size_t k)
{
    const annals_word *w = &cs->s->words[k];
    return w->lemma ? w->lemma : w->norm;
}

bool cod_child_word(const cod_sent *cs, size_t k, const char *rel, const char *const *words)
{
    for (int c = cs->first[k]; c >= 0; c = cs->next[c]) {
        if (rel && !cod_rel_is(cs, (size_t)c, rel))
            continue;
        for (size_t i = 0; words[i]; i++)
            if (strcasecmp(cod_lemma(cs, (size_t)c), words[i]) == 0 ||
                strcasecmp(cs->s->words[c].norm, words[i]) == 0)
                return true;
    }
    return false;
}

/* An infinitive of purpose the parser called advcl ("vowed on Thursday
 * to wage war", "signed an accord to supply Gondor"): "to", no subject of
 * its own.  It completes the verb as an xcomp does. */
bool cod_infinitive_advcl(const cod_sent *cs, size_t c)
{
    static const char *const to[] = {"to", NULL};
    return cod_rel_full(cs, c, "advcl") && cs->s->words[c].upos == ANNALS_UPOS_VERB &&
           cod_child_word(cs, c, "mark", to) && cod_child(cs, c, "nsubj") < 0 &&
           cod_child(cs, c, "aux") < 0;
}

bool cod_finite_clause(const cod_sent *cs, size_t k)
{
    if (cod_child(cs, k, "nsubj") >= 0 || cod_child(cs, k, "csubj") >= 0)
        return true;
    for (int c = cs->first[k]; c >= 0; c = cs->next[c]) {
        if (!cod_rel_is(cs, (size_t)c, "aux"))
            continue;
        const annals_word *w = &cs->s->words[c];
        /* "was reported", "could be drawn"; not "seems to have left" */
        if ((w->feats && strstr(w->feats, "VerbForm=Fin")) ||
            (w->xpos && (strcmp(w->xpos, "VBD") == 0 || strcmp(w->xpos, "VBZ") == 0 ||
                         strcmp(w->xpos, "VBP") == 0 || strcmp(w->xpos, "MD") == 0)))
            return true;
    }
    return false;
}

bool cod_is_complement(const cod_sent *cs, size_t k)
{
    return (cod_rel_is(cs, k, "xcomp") && !cod_finite_clause(cs, k)) ||
           cod_infinitive_advcl(cs, k);
}

bool cod_is_content_clause(const cod_sent *cs, size_t k)
{
    static const char *const that[] = {"that", NULL};
    if (cod_rel_is(cs, k, "ccomp"))
        return true;
    if (!(cod_rel_full(cs, k, "advcl") || cod_rel_is(cs, k, "xcomp")) ||
        !cod_child_word(cs, k, "mark", that))
        return false;
    /* "that" the only mark, standing alone ("so that", "now that" are
     * adverbial: the "that" there is fixed to the word before it) */
    for (int c = cs->first[k]; c >= 0; c = cs->next[c])
        if (cod_rel_is(cs, (size_t)c, "mark") &&
            (strcasecmp(cod_lemma(cs, (size_t)c), "that") != 0 || cs->first[c] >= 0))
            return false;
    return true;
}

/* Whether word k lies in the subtree of word top (top >= 0). */
/* A participle right after its verb's object, with no comma, mark,
 * subject or auxiliary of its own, that the parser hung on the verb as
 * an adverbial clause: "boycotted the parade supporting Gondor".  It
 * modifies the object it follows (an adverbial participle is set off by
 * a comma, or stands apart from the object), so its words are the
 * object's phrase. */
static bool participle_of_object(const cod_sent *cs, size_t c)
{
    const annals_word *w = &cs->s->words[c];
    int h = cod_head(cs, c);
    bool participle = w->xpos && (strcmp(w->xpos, "VBG") == 0 || strcmp(w->xpos, "VBN") == 0);
    if (!cod_rel_full(cs, c, "advcl") || !participle || h < 0 || c == 0 ||
        cod_child(cs, c, "mark") >= 0 || cod_child(cs, c, "nsubj") >= 0 ||
        cod_child(cs, c, "aux") >= 0)
        return false;
    int o = cod_child(cs, (size_t)h, "obj");
    return o >= 0 && (size_t)o < c && cod_below(cs, c - 1, o);
}

/* A participle right after its verb, hung on it as a conjunct with no
 * "and", comma, subject or auxiliary of its own: "will abandon improved
 * relations with Gondor" with "improved" a conj of "abandon" and
 * "relations" its object.  Two verbs side by side with nothing joining
 * them are no coordination; the participle (which a tagger often takes
 * for a past tense, VBD) modifies the noun after it, and that noun is the
 * verb's object. */
static bool participle_before_object(const cod_sent *cs, size_t c)
{
    static const char *const forms[] = {"VBN", "VBG", "VBD", NULL};
    const annals_word *w = &cs->s->words[c];
    int h = cod_head(cs, c);
    bool participle = false;
    for (size_t i = 0; forms[i] && w->xpos && !participle; i++)
        participle = strcmp(w->xpos, forms[i]) == 0;
    return participle && cod_rel_full(cs, c, "conj") && h >= 0 && (size_t)h + 1 == c &&
           cs->s->words[h].upos == ANNALS_UPOS_VERB && cod_child(cs, c, "cc") < 0 &&
           cod_child(cs, c, "nsubj") < 0 && cod_child(cs, c, "aux") < 0 && cod_child(cs, c, "obj") > (int)c;
}

/* A participle with a preposition of its own: "launched an offensive
 * against besieged Osgiliath" with "besieged" a conj of "launched",
 * "against" its case marker and "Osgiliath" its object.  A verb takes no
 * case marker; a participle that has one stands in a prepositional phrase
 * as the adjective of the noun after it, and the phrase is the clause's
 * own. */
static bool participle_in_phrase(const cod_sent *cs, size_t c)
{
    const annals_word *w = &cs->s->words[c];
    bool participle = w->xpos && (strcmp(w->xpos, "VBN") == 0 || strcmp(w->xpos, "VBG") == 0);
    if (!participle || w->upos != ANNALS_UPOS_VERB || cod_child(cs, c, "nsubj") >= 0 ||
        cod_child(cs, c, "aux") >= 0)
        return false;
    for (int k = cs->first[c]; k >= 0 && (size_t)k < c; k = cs->next[k])
        if (cod_rel_is(cs, (size_t)k, "case") && cs->s->words[k].upos == ANNALS_UPOS_ADP)
            return true;
    return false;
}

/* A subordinate clause of time read as a prepositional phrase: "several
 * years after Calenardhon crowds burned down its embassy" with "crowds"
 * the object of "after" and "burned" its participle (acl).  A participle
 * modifying a noun in the passive takes no direct object, so one with an
 * object is a finite verb and the noun its subject; "after", "before",
 * "since" and "until" then introduce a clause of their own (an adverbial
 * clause), whose words are not the governing verb's. */
static bool clause_as_phrase(const cod_sent *cs, size_t c)
{
    static const char *const time_marks[] = {"after", "before", "since", "until", "till", NULL};
    if (!(cod_rel_is(cs, c, "obl") || cod_rel_is(cs, c, "nmod")) ||
        !cod_child_word(cs, c, "case", time_marks))
        return false;
    for (int k = cs->first[c]; k >= 0; k = cs->next[k])
        if ((size_t)k > c && cod_rel_full(cs, (size_t)k, "acl") &&
            cs->s->words[k].upos == ANNALS_UPOS_VERB && cod_child(cs, (size_t)k, "obj") >= 0 &&
            cod_child(cs, (size_t)k, "aux") < 0 && cod_child(cs, (size_t)k, "mark") < 0)
            return true;
    return false;
}

/* Whether child c of x belongs to another clause (or is punctuation). */
static bool other_clause(const cod_sent *cs, size_t c)
{
    if (cod_infinitive_advcl(cs, c) || cod_is_content_clause(cs, c) || participle_of_object(cs, c) ||
        participle_before_object(cs, c) || participle_in_phrase(cs, c))
        return false;
    if ((cod_rel_is(cs, c, "xcomp") && cod_finite_clause(cs, c)) || clause_as_phrase(cs, c))
        return true;
    static const char *const rels[] = {"punct", "parataxis", "advcl", "csubj", "discourse", "vocative", "reparandum",
                                       "dislocated", NULL};
    for (size_t i = 0; rels[i]; i++)
        if (cod_rel_is(cs, c, rels[i]))
            return true;
    /* a relative clause is another clause; a participle or infinitive
     * modifying a noun ("memos sent by Bree") belongs to the phrase */
    if (cod_rel_full(cs, c, "acl:relcl"))
        return true;
    /* a list's member ("Old foes Gondor and Osgiliath" with "Gondor" a
     * list item of "foes") is part of the phrase, as a conjunct is */
    if (cod_rel_is(cs, c, "conj") || cod_rel_is(cs, c, "list")) {
        int u = cs->s->words[c].upos;
        return u == ANNALS_UPOS_VERB || u == ANNALS_UPOS_AUX || cod_child(cs, c, "nsubj") >= 0;
    }
    return (cs->s->words[c].flags & ANNALS_WORD_DATELINE) != 0;
}

static void mark_subtree(cod_sent *cs, size_t k, int skip, size_t limit)
{
    cs->mark[k] = true;
    for (int c = cs->first[k]; c >= 0; c = cs->next[c])
        if (c != skip && (size_t)c < limit && !other_clause(cs, (size_t)c))
            mark_subtree(cs, (size_t)c, skip, limit);
}

/* The by-agent of a passive verb: obl:agent, or an obl with "by"; also
 * one the parser hung on an adverb of the verb ("was opposed earlier by
 * Osgiliath" with "by Osgiliath" an obl or nmod under "earlier"), or on
 * another oblique of the verb ("were imposed on Iran by the EU" with "by
 * the EU" an nmod of Iran): a noun phrase rarely takes a by-phrase of
 * its own, while a passive verb expects one. */
static int by_agent(const cod_sent *cs, size_t v)
{
    static const char *const by[] = {"by", NULL};
    for (int c = cs->first[v]; c >= 0; c = cs->next[c]) {
        /* an "agent" of another preposition is the parser's slip: "was
         * criticized over its dispute with Eriador" names no critic */
        if (cod_rel_full(cs, (size_t)c, "obl:agent") &&
            (cod_child(cs, (size_t)c, "case") < 0 || cod_child_word(cs, (size_t)c, "case", by)))
            return c;
        if (cod_rel_is(cs, (size_t)c, "obl") && cod_child_word(cs, (size_t)c, "case", by))
            return c;
    }
    for (int a = cs->first[v]; a >= 0; a = cs->next[a]) {
        bool adverb = cod_rel_is(cs, (size_t)a, "advmod") && cs->s->words[a].upos == ANNALS_UPOS_ADV;
        bool oblique = cod_rel_is(cs, (size_t)a, "obl") && !cod_child_word(cs, (size_t)a, "case", by);
        if (!adverb && !oblique)
            continue;
        for (int c = cs->first[a]; c >= 0; c = cs->next[c])
            if ((size_t)c > (size_t)a &&
                (cod_rel_is(cs, (size_t)c, "obl") || cod_rel_is(cs, (size_t)c, "nmod")) &&
                cod_child_word(cs, (size_t)c, "case", by))
                return c;
    }
    return -1;
}

/* Whether word k lies in the subtree of word top (top >= 0). */
bool cod_below(const cod_sent *cs, size_t k, int top)
{
    for (int x = (int)k, hops = 0; top >= 0 && x >= 0 && hops < 64; hops++, x = cod_head(cs, (size_t)x))
        if (x == top)
            return true;
    return false;
}

/* Words before the verb are matched over the whole sentence up to it, as
 * PETRARCH does ("INDICATED WOULD * NOW" spans the governing clause):
 * everything but punctuation, datelines and the by-agent. */
static bool before_ok(const cod_sent *cs, size_t k, int agent)
{
    const annals_word *w = &cs->s->words[k];
    if (w->upos == ANNALS_UPOS_PUNCT || (w->flags & ANNALS_WORD_DATELINE))
        return false;
    for (int x = (int)k; agent >= 0 && x >= 0; x = cod_head(cs, (size_t)x))
        if (x == agent)
            return false;
    return true;
}

/* A prepositional phrase the parser hung on a word of a later clause:
 * as a compound on a noun, "would act now with Libya almost five years
 * after crowds trashed its embassy" with "Libya" a compound of "years"
 * under "trashed" (or its possessor, or the subject of "crowds" in "ties
 * with Ithilien's radio almost crowds trashed ...").  A compound
 * modifier, a possessor or a subject takes no preposition, so the phrase
 * was misread; it belongs to the clause it stands in, that of the nearest
 * verb before it.  Marks such phrases after verb v (before `limit`) as
 * v's. */
/* Whether k's relation is one no prepositional phrase has: a compound
 * modifier, a possessor or a subject. */
static bool prepositionless(const cod_sent *cs, size_t k)
{
    return cod_rel_is(cs, k, "compound") || cod_rel_full(cs, k, "nmod:poss") ||
           cod_rel_is(cs, k, "nsubj");
}

/* Whether k has a preposition (a case marker that is an adposition, not
 * the possessive "'s"). */
static bool has_preposition(const cod_sent *cs, size_t k)
{
    for (int c = cs->first[k]; c >= 0; c = cs->next[c])
        if (cod_rel_is(cs, (size_t)c, "case") && cs->s->words[c].upos == ANNALS_UPOS_ADP)
            return true;
    return false;
}

static bool comma_between(const cod_sent *cs, size_t a, size_t b)
{
    for (size_t k = a + 1; k < b; k++)
        if (strcmp(cs->s->words[k].norm, ",") == 0)
            return true;
    return false;
}

static void stray_prepositional(cod_sent *cs, size_t v, size_t limit)
{
    for (size_t k = v + 1; k < limit; k++) {
        if (cs->s->words[k].upos == ANNALS_UPOS_VERB)
            return; /* past the nearest verb: no longer v's */
        int h = cod_head(cs, k);
        /* ... or as an oblique of the trailing attribution's verb: "ties
         * with Gondor, almost five years after ..., an official said" with
         * "with Gondor" under "said" -- the attribution takes no words from
         * before its comma; a phrase set off from v by a comma ("ties
         * with Gondor, years after Rohan crowds burned its embassy") is an
         * aside, not v's */
        bool into_tail = k < cs->tail && h >= (int)cs->tail && !comma_between(cs, v, k);
        if (cs->mark[k] || h <= (int)k || cs->mark[h] || (!prepositionless(cs, k) && !into_tail) ||
            !has_preposition(cs, k))
            continue;
        int u = cs->s->words[k].upos;
        if (u == ANNALS_UPOS_NOUN || u == ANNALS_UPOS_PROPN)
            mark_subtree(cs, k, -1, limit);
    }
}

/* A name hung as a compound on a verb with no subject: "Estonia
 * departing from Libya" with "Estonia" a compound of "departing".  A
 * verb takes no noun compound (its particle is compound:prt), so the
 * noun before it is its subject, misread. */
int cod_compound_subject(const cod_sent *cs, size_t v)
{
    for (int c = cs->first[v]; c >= 0 && (size_t)c < v; c = cs->next[c]) {
        int u = cs->s->words[c].upos;
        if (cod_rel_full(cs, (size_t)c, "compound") &&
            (u == ANNALS_UPOS_NOUN || u == ANNALS_UPOS_PROPN))
            return c;
    }
    return -1;
}

int cod_clause_of(cod_sent *cs, size_t v, cod_clause *cl)
{
    core_arena *a = cs->in->arena;
    memset(cl, 0, sizeof *cl);
    cl->verb = v;
    cl->pre = core_arena_alloc(a, (cs->n + 1) * sizeof *cl->pre);
    cl->post = core_arena_alloc(a, (cs->n + 1) * sizeof *cl->post);
    if (!cl->pre || !cl->post)
        return ANNALS_E_NOMEM;
    int pass = -1;
    for (int c = cs->first[v]; c >= 0; c = cs->next[c])
        if (cod_rel_full(cs, (size_t)c, "nsubj:pass") || cod_rel_full(cs, (size_t)c, "csubj:pass"))
            pass = c;
    cl->passive = pass >= 0;
    for (int c = cs->first[v]; c >= 0; c = cs->next[c])
        if (cod_rel_full(cs, (size_t)c, "aux:pass"))
            cl->passive = true;
    cl->agent = cl->passive ? by_agent(cs, v) : -1;
    cl->subject = cl->passive ? -1 : cod_child(cs, v, "nsubj");
    if (!cl->passive && cl->subject < 0)
        cl->subject = cod_compound_subject(cs, v);
    memset(cs->mark, 0, cs->n * sizeof *cs->mark);
    /* a verb before a trailing attribution does not reach into it */
    size_t limit = v < cs->tail ? cs->tail : cs->n;
    mark_subtree(cs, v, cl->agent, limit);
    stray_prepositional(cs, v, limit);
    /* A verb with its own subject attached as a noun's modifier ("the US
     * imposed sanctions on Iran" parsed with "imposed" as an amod of
     * "sanctions") is the parser's slip: the noun phrase is the object. */
    int h = cod_head(cs, v);
    bool modifier = h > (int)v && (cod_rel_is(cs, v, "amod") || cod_rel_is(cs, v, "compound") ||
                                   cod_rel_is(cs, v, "acl"));
    /* ... or with the subject hung on the noun too: "the US imposed
     * sanctions" as nsubj(sanctions, US) amod(sanctions, imposed) */
    int noun_subject = modifier && cl->subject < 0 && !cl->passive ? cod_child(cs, (size_t)h, "nsubj") : -1;
    if (noun_subject >= 0 && noun_subject > (int)v)
        noun_subject = -1;
    /* ... or with the noun hung without a preposition on the root noun
     * before the verb: "Russian police arrested students" as
     * nmod(police, students) amod(students, arrested) -- the root's
     * phrase is the subject */
    if (modifier && noun_subject < 0 && cl->subject < 0 && !cl->passive &&
        cod_child(cs, (size_t)h, "case") < 0) {
        int r = cod_head(cs, (size_t)h);
        int u = r >= 0 ? cs->s->words[r].upos : 0;
        if (r >= 0 && r < (int)v && cod_head(cs, (size_t)r) < 0 &&
            (u == ANNALS_UPOS_NOUN || u == ANNALS_UPOS_PROPN))
            noun_subject = r;
    }
    if (modifier && (cl->subject >= 0 || noun_subject >= 0)) {
        if (noun_subject >= 0) {
            cl->subject = noun_subject;
            /* the subject's words are not the object's */
            cs->mark[h] = true;
            for (int c = cs->first[h]; c >= 0; c = cs->next[c])
                if (c != (int)v && c != noun_subject && !other_clause(cs, (size_t)c) &&
                    (size_t)c < limit)
                    mark_subtree(cs, (size_t)c, (int)v, limit);
        } else {
            mark_subtree(cs, (size_t)h, (int)v, limit);
        }
        cl->repaired = true;
    }
    cs->mark[v] = false;
    /* in the passive the subject is the object: its words go first after the verb */
    if (pass >= 0) {
        bool *in_pass = core_arena_calloc(a, cs->n, sizeof *in_pass);
        if (!in_pass)
            return ANNALS_E_NOMEM;
        /* the subject's subtree: marked words under `pass` */
        for (size_t k = 0; k < cs->n; k++) {
            if (!cs->mark[k])
                continue;
            int x = (int)k;
            while (x >= 0 && x != pass && (size_t)x != v)
                x = cod_head(cs, (size_t)x);
            if (x == pass) {
                in_pass[k] = true;
                cl->post[cl->n_post++] = k;
            }
        }
        cl->spre = core_arena_alloc(a, (cs->n + 1) * sizeof *cl->spre);
        cl->spost = core_arena_alloc(a, (cs->n + 1) * sizeof *cl->spost);
        if (!cl->spre || !cl->spost)
            return ANNALS_E_NOMEM;
        for (size_t k = 0; k < cs->n; k++) {
            if (k < v && !in_pass[k] && before_ok(cs, k, cl->agent))
                cl->pre[cl->n_pre++] = k;
            else if (k > v && cs->mark[k] && !in_pass[k])
                cl->post[cl->n_post++] = k;
            if (k < v && before_ok(cs, k, -1))
                cl->spre[cl->n_spre++] = k;
            else if (k > v && (cs->mark[k] || k == (size_t)cl->agent || in_pass[k] ||
                               cod_below(cs, k, cl->agent)))
                cl->spost[cl->n_spost++] = k;
        }
        cl->subject = -1; /* the agent is the source; the subject is the object */
        return 0;
    }
    for (size_t k = 0; k < cs->n; k++) {
        if (k < v && before_ok(cs, k, cl->agent))
            cl->pre[cl->n_pre++] = k;
        else if (k > v && cs->mark[k])
            cl->post[cl->n_post++] = k;
    }
    cl->spre = cl->pre;
    cl->spost = cl->post;
    cl->n_spre = cl->n_pre;
    cl->n_spost = cl->n_post;
    return 0;
}

bool cod_clause_has_object_phrase(const cod_sent *cs, const cod_clause *cl)
{
    /* bare noun modifiers of time or measure: "today", "last week",
     * "five years" (UD's :tmod, :npmod and :unmarked subtypes) */
    static const char *const bare[] = {"tmod", "npmod", "unmarked", NULL};
    for (size_t i = 0; i < cl->n_post; i++) {
        size_t k = cl->post[i];
        int u = cs->s->words[k].upos;
        if (k < cl->verb ||
            (u != ANNALS_UPOS_NOUN && u != ANNALS_UPOS_PROPN && u != ANNALS_UPOS_PRON))
            continue;
        const char *d = cs->rel[k];
        const char *sub = d ? strchr(d, ':') : NULL;
        bool is_bare = false;
        for (size_t j = 0; sub && bare[j] && !is_bare; j++)
            is_bare = strcmp(sub + 1, bare[j]) == 0;
        if (!is_bare)
            return true;
    }
    return false;
}

int cod_attribution_noun(const cod_sent *cs, size_t v, size_t subj)
{
    int h = cod_head(cs, v);
    if (cs->tail >= cs->n || v < cs->tail || h < (int)cs->tail || !cod_rel_full(cs, v, "acl:relcl") ||
        subj != (size_t)h + 1 || subj >= v || cs->s->words[subj].upos != ANNALS_UPOS_PROPN)
        return -1;
    for (int c = cs->first[v]; c >= 0; c = cs->next[c])
        if ((size_t)c < v && (cs->s->words[c].upos == ANNALS_UPOS_PRON ||
                              cod_rel_is(cs, (size_t)c, "mark")))
            return -1; /* "the agency that WFNA ..." is a relative clause indeed */
    return h;
}
