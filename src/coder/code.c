/* code.c — a document's sentences into events (see coder.h for the rules
 * and the reasons behind them). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coder/coder.h"
#include "coder/match.h"
#include "coder/roles.h"

void cod_events_free(cod_events *e)
{
    free(e->v);
    memset(e, 0, sizeof *e);
}

static annals_event *push_event(cod_events *e)
{
    if (e->n == e->cap) {
        size_t nc = e->cap ? e->cap * 2 : 16;
        annals_event *q = realloc(e->v, nc * sizeof *q);
        if (!q)
            return NULL;
        e->v = q;
        e->cap = nc;
    }
    annals_event *ev = &e->v[e->n++];
    memset(ev, 0, sizeof *ev);
    return ev;
}

#define EXPLAIN(in, ...)                                                                   \
    do {                                                                                   \
        if ((in)->explain)                                                                 \
            core_buf_printf((in)->explain, __VA_ARGS__);                                   \
    } while (0)

/* Why a sentence codes nothing, or NULL. */
static const char *sentence_skip(const cod_input *in, const annals_sentence *s, bool *story)
{
    *story = false;
    if (s->kind == ANNALS_SENT_CAPTION)
        return "a photo caption or credit";
    if (s->kind == ANNALS_SENT_TITLE || s->kind == ANNALS_SENT_HEADLINE)
        return "a title or headline (the body tells the same more fully)";
    size_t last = s->n_words;
    while (last && (s->words[last - 1].upos == ANNALS_UPOS_PUNCT &&
                    strcmp(s->words[last - 1].norm, "?") != 0 &&
                    strcmp(s->words[last - 1].norm, "\"") == 0))
        last--;
    if (last && strcmp(s->words[last - 1].norm, "?") == 0)
        return "a question";
    return NULL;
}

/* The discard phrase the sentence holds, or NULL. */
static const cod_discard *discarded(const cod_sent *cs)
{
    const cod_verbs *v = cs->in->verbs;
    for (uint32_t d = 0; d < v->n_discards; d++) {
        const cod_discard *dc = &v->discards[d];
        for (size_t k = 0; k + dc->n <= cs->n; k++) {
            uint8_t i = 0;
            while (i < dc->n && (cs->ids[k + i][1] == dc->words[i] ||
                                 cs->ids[k + i][0] == dc->words[i]))
                i++;
            if (i == dc->n)
                return dc;
        }
    }
    return NULL;
}

static bool is_nominal(const cod_sent *cs, size_t k)
{
    int u = cs->s->words[k].upos;
    return u == ANNALS_UPOS_NOUN || u == ANNALS_UPOS_PROPN || u == ANNALS_UPOS_NUM;
}

/* Whether the sentence is one of running text (it ends in a full stop,
 * a question or an exclamation mark) with no word a finite verb or
 * auxiliary (a past or present tense, a modal): the tagger read its verb
 * as something else.  A headline or caption without the stop is another
 * grammar, where a bare participle is a passive ("Government condemned
 * in Osgiliath"). */
static bool no_finite_verb(const cod_sent *cs)
{
    static const char *const finite[] = {"VBD", "VBZ", "VBP", "MD", NULL};
    if (!cs->n)
        return false;
    const char *last = cs->s->words[cs->n - 1].norm;
    if (strcmp(last, ".") != 0 && strcmp(last, "?") != 0 && strcmp(last, "!") != 0)
        return false;
    for (size_t k = 0; k < cs->n; k++) {
        const annals_word *w = &cs->s->words[k];
        if (w->feats && strstr(w->feats, "VerbForm=Fin"))
            return false;
        for (size_t i = 0; finite[i] && w->xpos; i++)
            if (strcmp(w->xpos, finite[i]) == 0)
                return false;
    }
    return true;
}

/* "The Calenardhon government condemned an attack ..." tagged with
 * "condemned" a participle modifying "government", the sentence's root:
 * a sentence with no verb at its root whose noun has a participle right
 * after it taking a direct object (which a passive participle does not
 * take) is that noun phrase doing what the verb says.  So is one with no
 * object when a sentence of running text has no finite verb at all
 * ("Gollum, centre of a row between Radagast, the Brown called on
 * Gondor." with "called" a VBN under "Brown"): a sentence has a
 * predicate, and a participle right after the root's noun phrase is the
 * only word that can be it.  Returns the noun (the subject) for such a
 * verb, else -1. */
static int root_noun_subject(const cod_sent *cs, size_t v)
{
    static const char *const of[] = {"of", NULL};
    int h = cod_head(cs, v);
    if (h < 0 || (size_t)h > v || !cod_rel_full(cs, v, "acl") || !is_nominal(cs, (size_t)h) ||
        (cod_child(cs, v, "obj") < 0 && !no_finite_verb(cs)) || cod_child(cs, v, "aux") >= 0 ||
        cod_child(cs, v, "mark") >= 0)
        return -1;
    for (size_t k = (size_t)h + 1; k < v; k++)
        if (cs->s->words[k].upos != ANNALS_UPOS_ADV)
            return -1; /* right after the noun phrase */
    /* the noun, or the top of the noun phrase that ends in it ("The
     * Calenardhon Ministry of Silly Walks condemned ...", the verb on
     * "Walks"; "Evil Mordor, the awful Fornost, and good Gondor welcomed
     * ...", on the last of a list), when that phrase is the root or the
     * subject of a verb after this one (a trailing "..., the agency said") */
    for (int hops = 0; hops < 6; hops++) {
        int up = cod_head(cs, (size_t)h);
        if (up < 0 || (cod_rel_is(cs, (size_t)h, "nsubj") && up > (int)v))
            return h;
        if (!(cod_rel_is(cs, (size_t)h, "nmod") || cod_rel_is(cs, (size_t)h, "compound") ||
              cod_rel_is(cs, (size_t)h, "flat") || cod_rel_is(cs, (size_t)h, "conj") ||
              cod_rel_is(cs, (size_t)h, "appos")) ||
            (cod_child(cs, (size_t)h, "case") >= 0 && !cod_child_word(cs, (size_t)h, "case", of)) ||
            !is_nominal(cs, (size_t)up))
            return -1;
        h = up;
    }
    return -1;
}

static const char *const negators[] = {"not", "n't", "never", NULL};
static const char *const modals[] = {"could", "may", "might", "would", "should", "can",
                                     "must", "ought", NULL};
static const char *const conditions[] = {"if", "unless", "whether", NULL};

/* Why verb v's act is only spoken of, or NULL: it is what a demand, a
 * wish or an aim asks for ("demanded that the US cancel plans", "urged
 * Iran to release", "a resolution that aims to tighten sanctions"), what
 * a denial denies ("denied attacking the convoy", "denied that its troops
 * fired": a general rule beside the dictionary's "deny" patterns), or the
 * content of a noun of claim or demand ("an admission by Moscow that the
 * police killed ..."). */
static const char *unasserted(const cod_sent *cs, size_t v)
{
    static const char *const verbs[] = {"demand", "urge", "ask", "insist", "propose", "request",
                                        "suggest", "recommend", "want", "wish", "hope", "call",
                                        "aim", "seek", "deny", "expect", NULL};
    static const char *const nouns[] = {"demand", "call", "request", "proposal", "admission",
                                        "claim", "allegation", "accusation", "report", "rumour",
                                        "rumor", "hope", "wish", "suggestion", "appeal", "denial",
                                        "aim", "bid", NULL};
    for (int x = (int)v, hops = 0; x >= 0 && hops < 4; hops++) {
        int h = cod_head(cs, (size_t)x);
        if (h < 0)
            break;
        bool complement = cod_is_complement(cs, (size_t)x) || cod_is_content_clause(cs, (size_t)x);
        const char *l = cod_lemma(cs, (size_t)h);
        if (complement && cs->s->words[h].upos == ANNALS_UPOS_VERB)
            for (size_t i = 0; verbs[i]; i++)
                if (strcasecmp(l, verbs[i]) == 0)
                    return strcmp(verbs[i], "deny") == 0
                               ? "denied (the act a denial speaks of)"
                               : "demanded, wished or aimed at: not done";
        if (cod_rel_full(cs, (size_t)x, "acl") && cs->s->words[h].upos == ANNALS_UPOS_NOUN)
            for (size_t i = 0; nouns[i]; i++)
                if (strcasecmp(l, nouns[i]) == 0)
                    return "the content of a claim or demand: not done";
        if (!complement && !(cod_rel_is(cs, (size_t)x, "conj") &&
                             cs->s->words[h].upos == ANNALS_UPOS_VERB))
            break;
        x = h; /* "aims to tighten sanctions and impose a blockade": impose too */
    }
    return NULL;
}

/* Why verb v's clause codes nothing (negated, modal, conditional,
 * background), or NULL.  `negative_ok`: the pattern itself says "not". */
static const char *blocked(const cod_sent *cs, size_t v, bool negative_ok, bool modal_ok)
{
    for (int x = (int)v, hops = 0; x >= 0 && hops < 4; hops++) {
        if (!negative_ok && cod_child_word(cs, (size_t)x, "advmod", negators))
            return "negated";
        if (!modal_ok && cod_child_word(cs, (size_t)x, "aux", modals))
            return "modal (could, would, may...): not a fact";
        if (cod_child_word(cs, (size_t)x, "mark", conditions))
            return "conditional (if, unless, whether)";
        if (!cod_is_complement(cs, (size_t)x))
            break;
        x = cod_head(cs, (size_t)x);
    }
    const char *unreal = unasserted(cs, v);
    if (unreal)
        return unreal;
    const annals_word *w = &cs->s->words[v];
    bool participle = (w->feats && strstr(w->feats, "VerbForm=Part")) ||
                      (w->xpos && (strcmp(w->xpos, "VBN") == 0 || strcmp(w->xpos, "VBG") == 0));
    if ((cod_rel_is(cs, v, "advcl") || cod_rel_is(cs, v, "acl")) && participle &&
        cod_child(cs, v, "nsubj") < 0 && cod_compound_subject(cs, v) < 0 &&
        cod_child(cs, v, "aux") < 0 && root_noun_subject(cs, v) < 0)
        return "a participial background clause";
    return NULL;
}

/* Whether verb v tells of an act announced, not done: a "will" or
 * "shall" auxiliary on it or on the verb it completes ("will try to
 * impose"), or a governing word of readiness or intent ("is prepared to
 * lift", "is going to", "plans to", "vowed to"). */
static bool announced(const cod_sent *cs, size_t v)
{
    static const char *const future[] = {"will", "shall", "'ll", NULL};
    static const char *const intent[] = {"prepare", "prepared", "ready", "plan", "intend",
                                         "vow", "pledge", "promise", "threaten", "going", NULL};
    for (int x = (int)v, hops = 0; x >= 0 && hops < 4; hops++) {
        if (cod_child_word(cs, (size_t)x, "aux", future))
            return true;
        if ((size_t)x != v) {
            const char *l = cod_lemma(cs, (size_t)x), *f = cs->s->words[x].norm;
            for (size_t i = 0; intent[i]; i++)
                if (strcasecmp(l, intent[i]) == 0 || strcasecmp(f, intent[i]) == 0)
                    return true;
        }
        if (!cod_is_complement(cs, (size_t)x))
            break;
        x = cod_head(cs, (size_t)x);
    }
    return false;
}

/* "..., unless the president resigns" under verb v: a condition that
 * makes an announced act an ultimatum. */
static bool has_unless(const cod_sent *cs, size_t v)
{
    static const char *const unless[] = {"unless", NULL};
    for (int c = cs->first[v]; c >= 0; c = cs->next[c])
        if (cod_rel_is(cs, (size_t)c, "advcl") && cod_child_word(cs, (size_t)c, "mark", unless))
            return true;
    return false;
}

/* The CAMEO code of an act announced rather than done, as the codebook
 * codes it: cooperation, aid and concessions promised are intentions
 * (03), coercion, sanctions and force are threats (13).  Consultation
 * (04) stays: "will visit" is 036 only where a pattern says so (PETRARCH's
 * records code "Germany will soon visit Albania" 042), and so do
 * statements, appeals, demands, criticism and rejection, whose saying is
 * the act.  `code` itself when it has no announced form. */
static const char *announced_code(const char *code)
{
    static const char *const map[][2] = {
        /* the 4-digit codes first, then the 3-digit, then the root */
        {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"},
        {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"},
        {"085", "0354"}, {"086", "0355"}, {"087", "0356"},
        {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"},
        {"165", "135"}, {"166", "136"}, {"172", "132"}, {"191", "1381"}, {"192", "1382"},
        {"05", "032"}, {"06", "031"}, {"07", "033"}, {"08", "035"}, {"14", "133"},
        {"16", "131"}, {"17", "137"}, {"18", "1383"}, {"19", "1384"}, {"20", "138"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strncmp(code, map[i][0], strlen(map[i][0])) == 0)
            return map[i][1];
    return code;
}

/* Whether verb entry `verb` comes from a dictionary in the native format,
 * whose pattern words match by lemma.  The rule of announced acts is that
 * format's convention (cameo-verbs.md): PETRARCH's and TABARI's
 * dictionaries write the future into their own patterns (WILL_*) and
 * their validation records code "Ethiopia will break relations with
 * Libya" as the act (161).  The reader marks the blocks of a native file
 * (cod_block.native). */
static bool native_entry(const cod_verbs *vs, const cod_verb *verb)
{
    return verb && !verb->stem && verb->block < vs->n_blocks && vs->blocks[verb->block].native;
}

/* Whether an actor code is a role or sector with no country ("GOV",
 * "CVLREF": "the military", "police" in a story that says not whose). */
static bool countryless(const char *code)
{
    char type[4];
    if (strlen(code) < 3)
        return false;
    memcpy(type, code, 3);
    type[3] = '\0';
    const annals_actor_type *t = annals_actor_type_lookup(type);
    return t && t->group && (strcmp(t->group, "role") == 0 || strcmp(t->group, "sector") == 0);
}

/* Drops the countryless actors of `a`; false when that leaves none.  With
 * the built-in (native) dictionaries an event is told by the countries of
 * its actors, and an event of "GOV" or "police" with no country is one
 * no reader can place: no event is better than a wrong one.  PETRARCH's
 * and TABARI's records code such actors (GOV 023 ---), so their
 * dictionaries keep them. */
static bool keep_countries(cod_actors *a)
{
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!countryless(a->v[i].code))
            a->v[k++] = a->v[i];
    a->n = k;
    return k > 0;
}

/* Appends the actors of the phrase headed by word k to src, each noted
 * as found `how` (the explanation's words for a source the parser's
 * slip hid); whether the phrase gave any. */
static bool phrase_actors_as(const cod_sent *cs, size_t k, cod_actors *src, const char *how)
{
    size_t before = src->n;
    cod_phrase_actors(cs, k, src);
    for (size_t i = before; i < src->n; i++)
        src->v[i].how = how;
    return src->n > before;
}

/* A subject the parser mislabelled: with no subject at all, an actor
 * word attached straight to the verb before it without a preposition
 * ("Osgiliath welcomed ..." parsed with "Osgiliath" as an advmod). */
static void stray_subject(const cod_sent *cs, size_t v, cod_actors *src)
{
    for (int c = cs->first[v]; c >= 0 && (size_t)c < v; c = cs->next[c]) {
        if (cs->ment[c] < 0 || cod_child(cs, (size_t)c, "case") >= 0 ||
            cod_rel_is(cs, (size_t)c, "obl") || cod_rel_is(cs, (size_t)c, "obj") ||
            cod_rel_is(cs, (size_t)c, "nsubj") || cod_rel_is(cs, (size_t)c, "punct"))
            continue;
        phrase_actors_as(cs, (size_t)c, src, "subject (mislabelled by the parser)");
        return;
    }
}

/* "Arnor security officials are about to restore ...", parsed with
 * "restore" as the clausal subject (csubj) of "about", which has a subject
 * of its own: the parser's slip for an infinitive completing the
 * predicate, whose subject it shares. */
static bool predicate_infinitive(const cod_sent *cs, size_t x)
{
    static const char *const to[] = {"to", NULL};
    int h = cod_head(cs, x);
    return cod_rel_is(cs, x, "csubj") && h >= 0 && cod_child_word(cs, x, "mark", to) &&
           cod_child(cs, (size_t)h, "nsubj") >= 0;
}

/* A subject the parser made the head: "Bree Prime Minister Romendacil
 * won't clash over ..." parsed with the name as the root and the verb
 * hung under it as parataxis (or dep).  A verb without a subject whose
 * governor is a noun phrase before it, not a prepositional object, takes
 * that phrase as its subject. */
static bool nominal_head_subject(const cod_sent *cs, size_t v, cod_actors *src)
{
    if (!(cod_rel_is(cs, v, "parataxis") || cod_rel_is(cs, v, "dep")))
        return false;
    int h = cod_head(cs, v);
    if (h < 0 || (size_t)h > v || cod_child(cs, (size_t)h, "case") >= 0)
        return false;
    int u = cs->s->words[h].upos;
    if (u != ANNALS_UPOS_NOUN && u != ANNALS_UPOS_PROPN)
        return false;
    return phrase_actors_as(cs, (size_t)h, src, "subject (the parser made it the verb's head)");
}

/* A subject the parser hung beside its verb: "The White House said
 * President Joe Biden will visit Israel" parsed with both "Joe" and
 * "visit" complements (ccomp) of "said".  A noun labelled as a clause
 * heads none; standing right before a verb of the same head that has no
 * subject (only the verb's own words between them), it is that verb's
 * subject. */
static bool sibling_subject(const cod_sent *cs, size_t v, cod_actors *src)
{
    static const char *const clausal[] = {"ccomp", "xcomp", "advcl", "csubj", "parataxis", NULL};
    int h = cod_head(cs, v);
    if (h < 0)
        return false;
    int c = -1;
    for (int k = cs->first[h]; k >= 0 && (size_t)k < v; k = cs->next[k])
        c = k;
    if (c < 0 || (size_t)c < (size_t)h || cod_child(cs, (size_t)c, "case") >= 0)
        return false;
    int u = cs->s->words[c].upos;
    bool label = false;
    for (size_t i = 0; clausal[i] && !label; i++)
        label = cod_rel_is(cs, (size_t)c, clausal[i]);
    if (!label || (u != ANNALS_UPOS_NOUN && u != ANNALS_UPOS_PROPN && u != ANNALS_UPOS_PRON))
        return false;
    for (size_t k = (size_t)c + 1; k < v; k++)
        if (cod_head(cs, k) != (int)v && !cod_below(cs, k, (int)c))
            return false;
    return phrase_actors_as(cs, (size_t)c, src, "subject (the parser hung it beside its verb)");
}

/* The speaker of a trailing attribution (", the official news agency WFNA
 * said on Thursday."): the words between its comma and its verb said it,
 * however the parser hung them -- as the verb's subject, as an apposition
 * of the noun before the comma with the verb a conjunct of the main one,
 * or as a noun the verb modifies.  Takes the actors of the first phrase
 * there (a noun or pronoun whose head lies outside those words) that
 * has any, and only those among the words themselves.  Returns false when
 * v is not such a verb; true otherwise, with `src` empty when the
 * attribution names no actor (the main clause's actors did not say it). */
static bool tail_speaker(const cod_sent *cs, size_t v, cod_actors *src)
{
    if (v != cs->tail_verb || cs->tail >= v)
        return false;
    size_t a = cs->tail + 1;
    for (size_t k = a; k < v && !src->n; k++) {
        int h = cod_head(cs, k), u = cs->s->words[k].upos;
        if ((h >= (int)a && h < (int)v) ||
            (u != ANNALS_UPOS_NOUN && u != ANNALS_UPOS_PROPN && u != ANNALS_UPOS_PRON))
            continue;
        cod_actors t = {0};
        cod_phrase_actors(cs, k, &t);
        for (size_t i = 0; i < t.n; i++)
            if (t.v[i].word >= a && t.v[i].word < v && src->n < COD_MAX_ACTORS)
                src->v[src->n++] = t.v[i];
    }
    return true;
}

/* The source actors of verb v: '$' slot, by-agent, subject, or the
 * subject of the verb it depends on ("refused to lift", "met and agreed"). */
static void find_sources(const cod_sent *cs, size_t v, const cod_clause *cl,
                         const cod_match *m, cod_actors *src)
{
    if (m->source >= 0) {
        cod_phrase_actors(cs, (size_t)m->source, src);
        return;
    }
    if (cl->agent >= 0) {
        /* the by-phrase's noun: the agent itself, or its object */
        phrase_actors_as(cs, (size_t)cl->agent, src, "by-agent");
        return;
    }
    if (tail_speaker(cs, v, src))
        return;
    if (cl->repaired && cl->subject >= 0 && cod_child(cs, v, "nsubj") < 0) {
        cod_phrase_actors(cs, (size_t)cl->subject, src);
        return;
    }
    int x = (int)v;
    for (int hops = 0; x >= 0 && hops < 4; hops++) {
        int subj = cod_child(cs, (size_t)x, "nsubj");
        int root_subj = subj < 0 ? root_noun_subject(cs, (size_t)x) : -1;
        if (root_subj >= 0) {
            phrase_actors_as(cs, (size_t)root_subj, src,
                             "subject (the verb was parsed as its modifier)");
            return;
        }
        if (subj >= 0 && !cod_rel_full(cs, (size_t)subj, "nsubj:pass")) {
            if (cod_is_relative(cs, (size_t)subj) && cod_rel_is(cs, (size_t)x, "acl")) {
                int h = cod_head(cs, (size_t)x);
                if (h >= 0)
                    cod_phrase_actors(cs, (size_t)h, src);
                return;
            }
            /* every subject: a parser may split "A and the B" into two */
            for (int c = cs->first[x]; c >= 0; c = cs->next[c]) {
                if (!cod_rel_full(cs, (size_t)c, "nsubj") ||
                    (c != subj && cs->ment[c] >= 0 && cs->ment[c] == cs->ment[subj]))
                    continue; /* one mention split into two subjects counts once */
                cod_phrase_actors(cs, (size_t)c, src);
            }
            int noun = src->n ? -1 : cod_attribution_noun(cs, (size_t)x, (size_t)subj);
            if (noun >= 0) /* ", the news agency WFNA said": the agency */
                cod_phrase_actors(cs, (size_t)noun, src);
            return;
        }
        if (subj >= 0 && (size_t)x != v && cod_rel_is(cs, v, "xcomp")) {
            /* "Gollum was seen to break into ...": the one seen breaks */
            cod_phrase_actors(cs, (size_t)subj, src);
            return;
        }
        if (subj >= 0)
            return; /* a passive verb without its agent: no source */
        bool shares = (cod_rel_is(cs, (size_t)x, "xcomp") && !cod_finite_clause(cs, (size_t)x)) ||
                      cod_rel_is(cs, (size_t)x, "conj") || predicate_infinitive(cs, (size_t)x);
        if (!shares) {
            if ((size_t)x == v && !nominal_head_subject(cs, v, src) &&
                !sibling_subject(cs, v, src))
                stray_subject(cs, v, src);
            return;
        }
        if ((size_t)x == v && cl->passive && cod_rel_is(cs, v, "conj"))
            return; /* "... and was condemned": the shared subject is the one acted on */
        x = cod_head(cs, (size_t)x);
        /* a verb coordinated under a noun ("condemned an attack ... on
         * Thursday and promised aid" with "promised" a conj of "Thursday")
         * is the parser's slip: it shares the subject of the verb above
         * that noun */
        if (x >= 0 && cod_rel_is(cs, v, "conj") && is_nominal(cs, (size_t)x) &&
            cod_child(cs, (size_t)x, "nsubj") < 0) {
            for (int up = 0; x >= 0 && up < 4 && cs->s->words[x].upos != ANNALS_UPOS_VERB; up++)
                x = cod_head(cs, (size_t)x);
            if (x < 0 || cs->s->words[x].upos != ANNALS_UPOS_VERB)
                return;
        }
    }
}

/* Whether every actor of `a` is mention m. */
static bool all_at(const cod_actors *a, int m)
{
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].mention != m)
            return false;
    return true;
}

/* A pattern whose '+' takes the verb's own subject ("NOTED + *": "Falastur
 * noted that Cirith Ungol regretted ...") makes that subject the target;
 * the source is then the subject of the verb the clause depends on, as
 * PETRARCH finds it above the '+'.  `src` is replaced (emptied when there
 * is none). */
static void governor_subject(const cod_sent *cs, size_t v, cod_actors *src)
{
    src->n = 0;
    int x = (int)v;
    for (int hops = 0; hops < 3; hops++) {
        if (!(cod_rel_is(cs, (size_t)x, "ccomp") || cod_rel_is(cs, (size_t)x, "xcomp") ||
              cod_rel_is(cs, (size_t)x, "advcl") || cod_rel_is(cs, (size_t)x, "conj")))
            return;
        x = cod_head(cs, (size_t)x);
        if (x < 0)
            return;
        int subj = cod_child(cs, (size_t)x, "nsubj");
        if (subj >= 0 && !cod_rel_full(cs, (size_t)subj, "nsubj:pass")) {
            phrase_actors_as(cs, (size_t)subj, src,
                             "subject of the governing verb ('+' took the verb's own)");
            return;
        }
    }
}

static bool is_source(const cod_actors *src, int mention)
{
    for (size_t i = 0; i < src->n; i++)
        if (src->v[i].mention == mention)
            return true;
    return false;
}

/* Words after the verb that say the action is mutual. */
static bool reciprocal(const cod_sent *cs, const cod_clause *cl)
{
    for (size_t i = 0; i < cl->n_post; i++) {
        const char *w = cs->s->words[cl->post[i]].norm;
        const char *next = i + 1 < cl->n_post ? cs->s->words[cl->post[i + 1]].norm : "";
        if ((strcasecmp(w, "each") == 0 && strcasecmp(next, "other") == 0) ||
            (strcasecmp(w, "one") == 0 && strcasecmp(next, "another") == 0) ||
            strcasecmp(w, "their") == 0 || strcasecmp(w, "bilateral") == 0 ||
            strcasecmp(w, "mutual") == 0)
            return true;
        /* nouns that are mutual by themselves: "Gondor and Osgiliath renewed ties" */
        static const char *const mutual[] = {"tie", "relation", "talk", "treaty", "accord",
                                             "pact", "agreement", "deal", "dialogue",
                                             "negotiation", "cooperation", "summit", NULL};
        const char *lemma = cod_lemma(cs, cl->post[i]);
        for (size_t k = 0; mutual[k]; k++)
            if (strcasecmp(lemma, mutual[k]) == 0)
                return true;
    }
    return false;
}

/* Whether word k lies in a complement clause (ccomp) of verb v. */
static bool in_complement(const cod_sent *cs, size_t v, size_t k)
{
    for (int x = (int)k, hops = 0; x >= 0 && hops < 64; hops++) {
        int h = cod_head(cs, (size_t)x);
        if (h == (int)v)
            return cod_is_content_clause(cs, (size_t)x);
        x = h;
    }
    return false;
}

/* Whether verb v has a complement clause (cod_is_content_clause). */
static bool has_content_clause(const cod_sent *cs, size_t v)
{
    for (int c = cs->first[v]; c >= 0; c = cs->next[c])
        if (cod_is_content_clause(cs, (size_t)c))
            return true;
    return false;
}

/* The target actors: the '+' slot, else the first actor after the verb
 * that is not a source. */
static void find_targets(const cod_sent *cs, const cod_clause *cl, const cod_match *m,
                         const cod_actors *src, cod_actors *tgt)
{
    if (m->target >= 0) {
        size_t h = (size_t)m->target;
        /* from the mention's word to the head of its phrase, for coordination */
        int x = (int)h;
        while (x >= 0 && cs->ment[x] == cs->ment[h] && cod_head(cs, (size_t)x) >= 0 &&
               cs->ment[cod_head(cs, (size_t)x)] == cs->ment[h])
            x = cod_head(cs, (size_t)x);
        cod_phrase_actors(cs, (size_t)x, tgt);
        if (!tgt->n)
            cod_phrase_actors(cs, h, tgt);
        return;
    }
    if (m->has_target_slot)
        return;
    for (size_t i = 0; i < cl->n_post; i++) {
        size_t k = cl->post[i];
        const annals_word *w = &cs->s->words[k];
        /* the verb's own code, no pattern: what a complement clause says
         * ("he said the government proposed to take up the issue with
         * the World Bank") is not the verb's target */
        if (m->score <= 0 && in_complement(cs, cl->verb, k))
            continue;
        int mm = cs->ment[k];
        bool pron = w->upos == ANNALS_UPOS_PRON;
        if (mm < 0 && !(pron && (cod_rel_is(cs, k, "obj") || cod_rel_is(cs, k, "obl") ||
                                 cod_rel_is(cs, k, "iobj"))))
            continue;
        if (mm >= 0 && is_source(src, mm))
            continue;
        /* the head of the phrase this word is in, for its coordination */
        int x = (int)k;
        while (cod_head(cs, (size_t)x) >= 0 && cs->ment[cod_head(cs, (size_t)x)] == mm && mm >= 0)
            x = cod_head(cs, (size_t)x);
        cod_actors t = {0};
        cod_phrase_actors(cs, (size_t)x, &t);
        for (size_t j = 0; j < t.n; j++)
            if (!is_source(src, t.v[j].mention) && tgt->n < COD_MAX_ACTORS)
                tgt->v[tgt->n++] = t.v[j];
        if (tgt->n)
            return;
    }
}

/* "Arnor believes Dagolath can cope": the subject of a complement clause
 * after verb v is the target (a trailing "..., an official said" has none). */
static void complement_target(const cod_sent *cs, size_t v, const cod_actors *src,
                              cod_actors *tgt)
{
    for (int c = cs->first[v]; c >= 0; c = cs->next[c]) {
        if ((size_t)c < v || !cod_is_content_clause(cs, (size_t)c))
            continue;
        /* the trailing attribution hung as the complement ("Estonia said
         * it deplored ..., a senior official said") is not what v said */
        if (cs->tail < cs->n && (size_t)c == cs->tail_verb)
            continue;
        int subj = cod_child(cs, (size_t)c, "nsubj");
        if (subj < 0)
            continue;
        cod_actors t = {0};
        cod_phrase_actors(cs, (size_t)subj, &t);
        for (size_t j = 0; j < t.n; j++)
            if (!is_source(src, t.v[j].mention) && tgt->n < COD_MAX_ACTORS)
                tgt->v[tgt->n++] = t.v[j];
        return;
    }
}

typedef struct doc_state {
    const cod_input *in;
    cod_events *out;
    size_t first_of_sentence; /* first event of the current sentence */
    size_t first_of_previous; /* first event of the previous coding sentence */
    size_t prev_sent;         /* that sentence, or SIZE_MAX */
    cod_actor doer;           /* the source of the latest act a pattern matched */
    size_t doer_sent;         /* its sentence, or SIZE_MAX */
} doc_state;

/* "South Korea condemned the launch": a verb's object that is an act
 * named before ("the launch", "the attack", "the move"), with no actor of
 * its own, stands for the act of the previous sentence (or of this one);
 * its doer is the target.  Returns the object's word, or -1. */
static int act_object(const cod_sent *cs, size_t v)
{
    static const char *const acts[] = {
        "launch", "test", "attack", "strike", "move", "decision", "action", "step",
        "killing", "invasion", "incursion", "bombing", "shelling", "raid", "measure",
        "deployment", "seizure", "arrest", "arrests", "execution", "annexation", "offensive",
        "assault", "operation", "blast", "explosion", "sanction", "expulsion", "detention",
        "firing", "provocation", "crackdown", "ban", "embargo", "blockade", "airstrike",
        "strikes", "attacks", NULL};
    static const char *const this[] = {"the", "this", "that", "these", "those", "such", NULL};
    int o = cod_child(cs, v, "obj");
    if (o < 0 || cs->s->words[o].upos != ANNALS_UPOS_NOUN || cs->ment[o] >= 0 ||
        !cod_child_word(cs, (size_t)o, "det", this))
        return -1;
    const char *l = cod_lemma(cs, (size_t)o);
    for (size_t i = 0; acts[i]; i++)
        if (strcasecmp(l, acts[i]) == 0) {
            cod_actors own = {0};
            cod_phrase_actors(cs, (size_t)o, &own);
            return own.n ? -1 : o;
        }
    return -1;
}

/* The target of the latest event coded before, in this sentence or the
 * previous one, not `source`: "... and imposed sanctions of its own". */
static const annals_event *context_event(const doc_state *st, const char *source)
{
    for (size_t i = st->out->n; i-- > st->first_of_previous;) {
        const annals_event *e = &st->out->v[i];
        if (strcmp(e->target, "---") != 0 && strcmp(e->target, source) != 0)
            return e;
    }
    return NULL;
}

static int emit(doc_state *st, const cod_sent *cs, size_t v, const cod_match *m,
                const char *code, const cod_actor *s, const char *scode, const cod_actor *t,
                const char *tcode, const char *ttext, const char *date, const char *how)
{
    const cod_input *in = st->in;
    if (!code || strcmp(code, "---") == 0)
        return 0;
    if (strcmp(scode, tcode) == 0)
        return 0; /* an actor acting on itself is no event */
    for (size_t i = st->first_of_sentence; i < st->out->n; i++) {
        const annals_event *e = &st->out->v[i];
        if (strcmp(e->source, scode) == 0 && strcmp(e->target, tcode) == 0 &&
            strcmp(e->code, code) == 0)
            return 0;
    }
    annals_event *e = push_event(st->out);
    if (!e)
        return ANNALS_E_NOMEM;
    const annals_cameo_code *cc = annals_cameo_lookup(code);
    e->sent = cs->si;
    e->date = date;
    e->source = scode;
    e->target = tcode;
    e->code = code;
    e->quad = cc ? cc->quad : 0;
    e->goldstein = cc ? cc->goldstein : 0.0;
    e->plover = cc ? cc->plover : "";
    e->source_text = s->text;
    e->target_text = ttext;
    const annals_word *vw = &cs->s->words[v];
    e->verb_text = vw->form;
    if (m->verb && m->verb->n_post) {
        /* the verb with its particle or fixed object */
        const char *extra = in->verbs->words[m->verb->post[0]];
        e->verb_text = core_arena_printf(in->arena, "%s %s", vw->form, extra);
    }
    e->pattern = m->pattern ? m->pattern->where : m->default_where;
    e->verb_start = vw->start;
    e->verb_end = vw->end;
    e->source_start = cs->s->words[s->word].start;
    e->source_end = cs->s->words[s->word].end;
    if (t) {
        e->target_start = cs->s->words[t->word].start;
        e->target_end = cs->s->words[t->word].end;
    }
    e->how = how;
    if (!e->source_text || !e->target_text || !e->verb_text || !e->pattern)
        return ANNALS_E_NOMEM;
    EXPLAIN(in, "    -> event %s %s %s (%s)\n", scode, code, tcode, how);
    return 0;
}

/* The words of the clause in text order, for the date. */
static const char *clause_date(const cod_sent *cs, const cod_clause *cl, size_t v,
                               const char *doc_date, bool *background)
{
    *background = false;
    size_t n = cl->n_pre + cl->n_post + 1 + cs->n;
    size_t *idx = core_arena_alloc(cs->in->arena, n * sizeof *idx);
    if (!idx)
        return doc_date;
    size_t k = 0;
    for (size_t i = 0; i < cl->n_pre; i++)
        idx[k++] = cl->pre[i];
    idx[k++] = v;
    for (size_t i = 0; i < cl->n_post; i++)
        if (cl->post[i] > v)
            idx[k++] = cl->post[i];
    /* the by-agent's words too: "by the EU yesterday" */
    for (size_t w = 0; cl->agent >= 0 && w < cs->n; w++)
        for (int x = (int)w; x >= 0; x = cod_head(cs, (size_t)x))
            if (x == cl->agent) {
                idx[k++] = w;
                break;
            }
    const char *d = cod_clause_date(cs->s, idx, k, doc_date, cs->in->arena);
    /* a clause set in a year more than a year before the story is history
     * recalled, not news: "Russia attacked Ukraine in February 2022, the
     * analyst recalled" in 2024; so is one dated a full day more than a
     * year before it ("on June 21, 2019" in a story of 2022).  A day
     * without a year is the latest such day, never that old */
    *background = cod_clause_background(cs->s, idx, k, doc_date);
    long day = d ? cod_days_from_iso(d) : LONG_MIN, doc = cod_days_from_iso(doc_date);
    if (day != LONG_MIN && doc != LONG_MIN && day < doc - 366)
        *background = true;
    return d ? d : doc_date;
}

/* A verb of the dictionaries that no pattern codes here ("North Korea
 * fired a missile into the sea") still tells who acted: a later "the
 * launch" stands for that act. */
static void note_doer(doc_state *st, const cod_sent *cs, size_t v, const cod_clause *cl)
{
    if (blocked(cs, v, false, false))
        return;
    cod_match none;
    memset(&none, 0, sizeof none);
    none.source = none.target = none.last_word = -1;
    cod_actors src = {0};
    find_sources(cs, v, cl, &none, &src);
    if (src.n) {
        st->doer = src.v[0];
        st->doer_sent = cs->si;
    }
}

static int code_verb(doc_state *st, cod_sent *cs, size_t v)
{
    const cod_input *in = st->in;
    cod_clause cl;
    if (cod_clause_of(cs, v, &cl))
        return ANNALS_E_NOMEM;
    cod_match m;
    if (!cod_best_match(cs, v, &cl, &m, in->explain)) {
        note_doer(st, cs, v, &cl);
        return 0;
    }
    const char *code = m.pattern ? m.pattern->code : m.default_code;
    const char *code2 = m.pattern ? m.pattern->code2 : m.default_code2;
    const char *where = m.pattern ? m.pattern->where : m.default_where;
    EXPLAIN(in, "    best: %s [%s%s%s]%s\n", where, code ? code : "", code2 ? ":" : "",
            code2 ? code2 : "", m.pattern ? "" : " (the verb's default code)");
    if (cs->consumed[v]) {
        EXPLAIN(in, "    -> no event: the governing verb's pattern took this verb\n");
        return 0;
    }
    /* a pattern reaching into an infinitive complement takes its verb */
    if (m.score > 0)
        for (int c = cs->first[v]; c >= 0; c = cs->next[c])
            if (cod_is_complement(cs, (size_t)c) && m.last_word >= c)
                cs->consumed[c] = true;
    if ((!code || strcmp(code, "---") == 0) && !code2) {
        EXPLAIN(in, "    -> no event: the pattern's code is --- (not an event)\n");
        return 0;
    }
    const char *why = blocked(cs, v, m.pattern && m.pattern->negative,
                              m.pattern && m.pattern->modal);
    if (why) {
        EXPLAIN(in, "    -> no event: %s\n", why);
        return 0;
    }
    if (code && strcmp(code, "---") != 0 && native_entry(in->verbs, m.verb) &&
        announced(cs, v)) {
        /* "said it will impose sanctions": a threat, not sanctions */
        const char *was = code;
        code = has_unless(cs, v) ? "139" : announced_code(code);
        if (code != was) {
            code2 = NULL; /* the other side's act has not happened either */
            EXPLAIN(in, "    announced, not done: %s is coded %s\n", was, code);
        }
    }
    cod_actors src = {0}, tgt = {0};
    find_sources(cs, v, &cl, &m, &src);
    if (m.target >= 0 && src.n && cs->ment[m.target] >= 0 && all_at(&src, cs->ment[m.target]))
        governor_subject(cs, v, &src);
    if (!src.n) {
        EXPLAIN(in, "    -> no event: no source actor (subject or by-agent)\n");
        return 0;
    }
    /* roles with no country are dropped for news (native dictionaries,
     * require_dyad on); PETRARCH's require_dyad=false codes them */
    bool native = native_entry(in->verbs, m.verb) && !in->dyad_optional;
    if (native && !keep_countries(&src)) {
        EXPLAIN(in, "    -> no event: the source is a role with no country (%s)\n", src.v[0].code);
        return 0;
    }
    find_targets(cs, &cl, &m, &src, &tgt);
    if (!tgt.n && !m.has_target_slot)
        complement_target(cs, v, &src, &tgt);
    if (native && tgt.n && !keep_countries(&tgt)) {
        EXPLAIN(in, "    -> no event: the target is a role with no country (%s)\n", tgt.v[0].code);
        return 0;
    }
    bool background;
    const char *date = clause_date(cs, &cl, v, in->date, &background);
    if (background) {
        EXPLAIN(in, "    -> no event: the clause is dated more than a year before the story "
                    "(background)\n");
        return 0;
    }
    /* coordinated sources and no target: mutual when the words say so, or
     * when the event is cooperation (CAMEO roots 03-08: "Gondor and
     * Osgiliath agreed") done to no one else -- not when the verb has an
     * object that is no actor ("many nations -- Hong Kong, Canada, ...
     * -- had supported the EC complaint" is no support of one another);
     * never for a conflict ("A and B condemned X") */
    bool cooperative = code && strlen(code) >= 2 && code[0] == '0' && code[1] >= '3' &&
                       code[1] <= '8' && cod_child(cs, v, "obj") < 0;
    if (!tgt.n && src.n > 1 && (cooperative || reciprocal(cs, &cl))) {
        for (size_t i = 0; i < src.n; i++)
            for (size_t j = 0; j < src.n; j++) {
                if (i == j)
                    continue;
                int rc = emit(st, cs, v, &m, code, &src.v[i], src.v[i].code,
                              &src.v[j], src.v[j].code, src.v[j].text, date,
                              "reciprocal");
                if (rc)
                    return rc;
            }
        return 0;
    }
    int act = tgt.n || m.has_target_slot ? -1 : act_object(cs, v);
    if (act >= 0 && st->doer_sent != SIZE_MAX && st->doer_sent + 1 >= cs->si &&
        !is_source(&src, st->doer.mention) && !(native && countryless(st->doer.code))) {
        tgt.v[0] = st->doer;
        tgt.v[0].word = (size_t)act; /* the words of this sentence that stand for it */
        tgt.v[0].text = cs->s->words[act].form;
        tgt.v[0].how = "the doer of the act named before";
        tgt.n = 1;
        EXPLAIN(in, "    '%s' is the act named before: its doer %s is the target\n",
                cs->s->words[act].form, st->doer.code);
    }
    if (src.n) {
        st->doer = src.v[0];
        st->doer_sent = cs->si;
    }
    if (!tgt.n && m.score <= 0 && !in->dyad_optional) {
        EXPLAIN(in, "    -> no event: the verb alone, with no target, says too little\n");
        return 0;
    }
    if (!tgt.n && m.score <= 0 && !cod_clause_has_object_phrase(cs, &cl)) {
        EXPLAIN(in, "    -> no event: no target, nor a noun phrase after the verb to stand for one\n");
        return 0;
    }
    for (size_t i = 0; i < src.n; i++) {
        const char *scode = src.v[i].code;
        if (!tgt.n) {
            /* no target here: a pattern about something ("imposed sanctions")
             * takes the target of the event just before; a bare verb has none,
             * nor one whose complement clause says what it is about ("officials
             * alleged that the North admitted ...") */
            const annals_event *ctx =
                m.score > 0 && !has_content_clause(cs, v) ? context_event(st, scode) : NULL;
            int rc = emit(st, cs, v, &m, code, &src.v[i], scode, NULL,
                          ctx ? ctx->target : "---", ctx ? ctx->target_text : "", date,
                          ctx ? "target of the previous event" : src.v[i].how);
            if (rc)
                return rc;
            continue;
        }
        for (size_t j = 0; j < tgt.n; j++) {
            const char *tcode = tgt.v[j].code;
            int rc = emit(st, cs, v, &m, code, &src.v[i], scode, &tgt.v[j], tcode,
                          tgt.v[j].text, date, src.v[i].how);
            if (!rc && code2)
                rc = emit(st, cs, v, &m, code2, &tgt.v[j], tcode, &src.v[i], scode,
                          src.v[i].text, date, "paired code");
            if (rc)
                return rc;
        }
    }
    (void)where;
    return 0;
}

/* Whether word v, tagged a verb, carries the possessive "'s" as its case
 * marker ("Estonia donate's cash to Libya"): a verb has no possessive, so
 * the word is a noun (a possessor) the tagger misread, and no verb to
 * code.  The "'s" of "is" or "has" is an auxiliary, not a case marker.
 * Only an "'s" right after the word counts: one further on that the parser
 * hung on the verb belongs to a word between them ('criticised India"s
 * budget', with a typewriter quote for the apostrophe, in Reuters-21578). */
static bool possessive_verb(const cod_sent *cs, size_t v)
{
    for (int c = cs->first[v]; c >= 0; c = cs->next[c]) {
        const annals_word *w = &cs->s->words[c];
        if ((size_t)c == v + 1 && cod_rel_is(cs, (size_t)c, "case") && w->upos == ANNALS_UPOS_PART &&
            (w->xpos ? strcmp(w->xpos, "POS") == 0 : strcmp(w->norm, "'s") == 0))
            return true;
    }
    return false;
}

/* Whether word v, tagged a noun, is the verb of a complement clause the
 * tagger misread: "..., its embassy a senior official said" with "break"
 * of "Estonia break with Libya" tagged NN and parsed as the ccomp of
 * "said".  A ccomp is a clause; headed by a noun it needs a copula ("said
 * it was a break"), and a bare noun with no determiner, copula or
 * preposition heading one is its predicate, a verb. */
static bool noun_as_clause_verb(const cod_sent *cs, size_t v)
{
    const annals_word *w = &cs->s->words[v];
    return w->upos == ANNALS_UPOS_NOUN && cod_rel_full(cs, v, "ccomp") &&
           cod_child(cs, v, "cop") < 0 && cod_child(cs, v, "det") < 0 &&
           cod_child(cs, v, "case") < 0 && cod_child(cs, v, "nmod:poss") < 0 &&
           cod_child(cs, v, "amod") < 0;
}

static int code_sentence(doc_state *st, size_t si, size_t m0, size_t m1, bool *stop)
{
    const cod_input *in = st->in;
    const annals_sentence *s = &in->sents[si];
    EXPLAIN(in, "sentence %zu: %s\n", si, s->text ? s->text : "");
    bool story;
    const char *skip = sentence_skip(in, s, &story);
    if (skip) {
        EXPLAIN(in, "  not coded: %s\n", skip);
        return 0;
    }
    cod_sent cs;
    if (cod_sent_init(&cs, in, si, m0, m1))
        return ANNALS_E_NOMEM;
    const cod_discard *dc = discarded(&cs);
    if (dc) {
        EXPLAIN(in, "  not coded: discard phrase (%s)%s\n", dc->where,
                dc->story ? ", the whole story is discarded" : "");
        if (dc->story)
            *stop = true;
        return 0;
    }
    st->first_of_sentence = st->out->n;
    size_t before = st->out->n;
    for (size_t v = 0; v < cs.n; v++) {
        const annals_word *w = &s->words[v];
        if ((w->upos != ANNALS_UPOS_VERB && !noun_as_clause_verb(&cs, v)) ||
            (w->flags & ANNALS_WORD_DATELINE))
            continue;
        if (possessive_verb(&cs, v)) {
            EXPLAIN(in, "  '%s' has a possessive 's: a noun, not a verb\n", w->form);
            continue;
        }
        int rc = code_verb(st, &cs, v);
        if (rc)
            return rc;
    }
    if (st->out->n > before) {
        st->first_of_previous = before;
        st->prev_sent = si;
    } else if (st->prev_sent != SIZE_MAX && st->prev_sent + 1 < si) {
        /* the context reaches one coding sentence back, not further */
        st->first_of_previous = st->out->n;
    }
    return 0;
}

int cod_code_document(const cod_input *in, cod_events *out)
{
    out->n = 0;
    if (!in->verbs || !in->verbs->n_verbs)
        return 0;
    doc_state st = {in, out, 0, 0, SIZE_MAX, {0}, SIZE_MAX};
    size_t m = 0;
    bool stop = false;
    for (size_t si = 0; si < in->n_sents && !stop; si++) {
        size_t m0 = m;
        while (m < in->n_mentions && in->mentions[m].sent == si)
            m++;
        int rc = code_sentence(&st, si, m0, m, &stop);
        if (rc)
            return rc;
    }
    if (stop) {
        EXPLAIN(in, "story discarded: no events\n");
        out->n = 0;
    }
    return 0;
}
