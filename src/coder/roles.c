/* roles.c — who: the actors of a phrase (the mention at its head, one in
 * its modifiers, its coordinated phrases), pronouns and "the country"
 * resolved to the latest fitting actor before them. */
#include "coder/roles.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

static bool word_in(const char *w, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcasecmp(w, list[i]) == 0)
            return true;
    return false;
}

static const char *const personal[] = {"he", "she", "it", "they", "him", "her", "them",
                                       "his", "its", "their", "we", "our", "us", NULL};

bool cod_is_resolved_pronoun(const char *word)
{
    return word_in(word, personal);
}
/* Prepositions that say where without saying whose, for an agent's
 * modifier: "officials in Gondor" are Gondor's officials, "migrants near
 * the Turkish border" are not Turkish. */
static const char *const not_whose[] = {"near", "outside", "around", "across", "along",
                                        "beside", "behind", "beyond", "off", NULL};

/* Whether word k heads a phrase introduced by a preposition of `list`. */
static bool has_case(const cod_sent *cs, size_t k, const char *const *list)
{
    for (int c = cs->first[k]; c >= 0; c = cs->next[c])
        if (cod_rel_is(cs, (size_t)c, "case") && word_in(cs->s->words[c].norm, list))
            return true;
    return false;
}

/* Whether `code` starts with a country ("IRQGOV"): its three letters
 * into `out`. */
static bool code_country(const char *code, char out[4])
{
    if (strlen(code) < 3)
        return false;
    memcpy(out, code, 3);
    out[3] = '\0';
    if (annals_country_lookup(out))
        return true;
    out[0] = '\0';
    return false;
}

/* The country of the document for a role named alone ("the foreign
 * minister said", "police arrested"): the country of its dateline
 * ("MOSCOW (Reuters) -"), else the country the story is about, when one
 * country is named in at least two of its sentences and at least twice
 * as often as any other.  A story of one sentence has none: whom "the
 * military" belongs to is not said.  `out` is "" when there is none. */
static void home_country(const cod_input *in, char out[4])
{
    out[0] = '\0';
    for (size_t m = 0; m < in->n_mentions; m++) {
        const annals_mention *am = &in->mentions[m];
        const annals_sentence *s = &in->sents[am->sent];
        if (am->first_word < s->n_words && (s->words[am->first_word].flags & ANNALS_WORD_DATELINE) &&
            !(am->flags & ANNALS_MENTION_NOCODE)) {
            code_country(am->code, out);
            return; /* a dateline naming no country (BRUSSELS) says nothing */
        }
    }
    /* count each country once a sentence, in the order first named */
    enum { MAX_COUNTRIES = 32 };
    char seen[MAX_COUNTRIES][4];
    unsigned count[MAX_COUNTRIES];
    size_t last_sent[MAX_COUNTRIES], n = 0;
    for (size_t m = 0; m < in->n_mentions; m++) {
        const annals_mention *am = &in->mentions[m];
        char c[4];
        if ((am->flags & (ANNALS_MENTION_NOCODE | ANNALS_MENTION_AGENT)) ||
            in->sents[am->sent].kind == ANNALS_SENT_CAPTION || !code_country(am->code, c))
            continue;
        size_t i = 0;
        while (i < n && strcmp(seen[i], c) != 0)
            i++;
        if (i == n) {
            if (n == MAX_COUNTRIES)
                continue;
            memcpy(seen[n], c, 4);
            count[n] = 0;
            last_sent[n] = SIZE_MAX;
            n++;
        }
        if (last_sent[i] != am->sent) {
            count[i]++;
            last_sent[i] = am->sent;
        }
    }
    size_t best = SIZE_MAX;
    unsigned second = 0;
    for (size_t i = 0; i < n; i++) {
        if (best == SIZE_MAX || count[i] > count[best]) {
            if (best != SIZE_MAX && count[best] > second)
                second = count[best];
            best = i;
        } else if (count[i] > second) {
            second = count[i];
        }
    }
    if (best != SIZE_MAX && count[best] >= 2 && count[best] >= 2 * second)
        memcpy(out, seen[best], 4);
}

/* A role word used as an adjective that only describes a thing: "joint
 * military exercises", "military aid", "naval drills" ("military", an
 * armed agent, as the adjective of a noun that names no actor) is no
 * actor; "the military said", "government forces" (a compound, and forces
 * an actor too) are.  Only the armed and police roles: "an official news
 * agency" is the government's, "Muslim hackers" are Muslims, "opposition
 * groups" (a compound) the opposition. */
static bool describing_agent(const cod_sent *cs, size_t k)
{
    int m = cs->ment[k];
    if (m < 0 || !(cs->in->mentions[m].flags & ANNALS_MENTION_AGENT))
        return false;
    const annals_mention *am = &cs->in->mentions[m];
    size_t head = k;
    for (size_t w = am->first_word; w < am->end_word && w < cs->n; w++) {
        int h = cod_head(cs, w);
        if (h < 0 || cs->ment[h] != m) {
            head = w;
            break;
        }
    }
    static const char *const armed[] = {"MIL", "COP", "SPY", NULL};
    int h = cod_head(cs, head);
    if (h < 0 || cs->ment[h] >= 0 || !cod_rel_is(cs, head, "amod") ||
        cs->s->words[h].upos != ANNALS_UPOS_NOUN)
        return false;
    for (size_t i = 0; armed[i]; i++)
        if (strcmp(am->code, armed[i]) == 0)
            return true;
    return false;
}

static const char *const relative[] = {"which", "who", "that", "whom", "whose", NULL};
/* Nouns that, after "the", stand for an actor named before them. */
static const char *const anaphoric[] = {"country", "government", "minister", "president",
                                        "leader", "state", "kingdom", "republic", "regime",
                                        "administration", "ministry", "premier", "king",
                                        "nation", "group", "organization", "organisation",
                                        "bloc", "alliance", "army", "military", "chancellor",
                                        "official", "spokesman", "spokeswoman", NULL};

bool cod_is_anaphoric_noun(const char *lemma)
{
    return word_in(lemma, anaphoric);
}

/* Whether mention m's head word (its last word) is a subject. */
static bool mention_is_subject(const cod_input *in, size_t m)
{
    const annals_mention *am = &in->mentions[m];
    const annals_sentence *s = &in->sents[am->sent];
    for (size_t k = am->first_word; k < am->end_word && k < s->n_words; k++) {
        const char *d = s->words[k].deprel;
        int h = s->words[k].head;
        bool inside = h >= 1 && (size_t)h - 1 >= am->first_word && (size_t)h - 1 < am->end_word;
        if (!inside && d && strncmp(d, "nsubj", 5) == 0)
            return true;
    }
    return false;
}

/* The latest mention before word k of the sentence, at most three
 * sentences back; with `subject`, only mentions that are subjects. */
static int latest_before(const cod_sent *cs, size_t k, bool subject)
{
    const cod_input *in = cs->in;
    for (size_t m = in->n_mentions; m-- > 0;) {
        const annals_mention *am = &in->mentions[m];
        if (am->sent > cs->si || (am->sent == cs->si && am->end_word > k))
            continue;
        if (am->sent + 3 < cs->si)
            break;
        if (am->flags & ANNALS_MENTION_NOCODE)
            continue;
        const annals_sentence *ms = &in->sents[am->sent];
        if (am->first_word < ms->n_words && (ms->words[am->first_word].flags & ANNALS_WORD_DATELINE))
            continue;
        if (in->sents[am->sent].kind == ANNALS_SENT_CAPTION ||
            in->sents[am->sent].kind == ANNALS_SENT_TITLE)
            continue;
        if (!subject || mention_is_subject(in, m))
            return (int)m;
    }
    return -1;
}

static void add_coded(cod_actors *out, int m, size_t word, const char *how, const char *text,
                      const char *code)
{
    /* an entry coded "---" says its words are not an actor ("Bandar
     * Abbas", a city): it blocks them from matching anything else but is
     * never a source or target, nor a country for an agent ("officials in
     * Bandar Abbas" is no "---GOV") */
    if (out->n >= COD_MAX_ACTORS || strncmp(code, "---", 3) == 0)
        return;
    for (size_t i = 0; i < out->n; i++)
        if (out->v[i].mention == m && strcmp(out->v[i].code, code) == 0)
            return;
    out->v[out->n].mention = m;
    out->v[out->n].word = word;
    out->v[out->n].how = how;
    out->v[out->n].text = text;
    out->v[out->n].code = code;
    out->n++;
}

/* Adds mention m.  A TABARI compound actor ("[FRO/BIL/SAM]" for "the
 * Shire") is each of its codes: every one of them acts. */
static void add_actor(cod_actors *out, const cod_sent *cs, int m, size_t word, const char *how,
                      const char *text)
{
    const char *code = cs->in->mentions[m].code;
    const char *slash = strchr(code, '/');
    if (!slash) {
        add_coded(out, m, word, how, text, code);
        return;
    }
    for (const char *p = code; p;) {
        slash = strchr(p, '/');
        const char *one = slash ? core_arena_strndup(cs->in->arena, p, (size_t)(slash - p)) : p;
        if (one && *one)
            add_coded(out, m, word, how, text, one);
        p = slash ? slash + 1 : NULL;
    }
}

static void one_phrase(const cod_sent *cs, size_t h, cod_actors *out, int depth);

/* The word of mention m whose head lies outside it (its phrase's head). */
static size_t mention_head(const annals_sentence *s, const annals_mention *am)
{
    for (size_t k = am->first_word; k < am->end_word && k < s->n_words; k++) {
        int h = s->words[k].head;
        if (h < 1 || (size_t)h - 1 < am->first_word || (size_t)h - 1 >= am->end_word)
            return k;
    }
    return am->end_word ? am->end_word - 1 : 0;
}

/* The top of the coordination word k is in ("Egypt and Jordan": Egypt). */
static size_t conj_top(const annals_sentence *s, size_t k)
{
    for (int hops = 0; hops < 8; hops++) {
        const char *d = s->words[k].deprel;
        int h = s->words[k].head;
        if (!d || strncmp(d, "conj", 4) != 0 || h < 1)
            break;
        k = (size_t)h - 1;
    }
    return k;
}

/* The code of `agent` (or NULL) of the actor coded `code`, for "its
 * troops", "their ministers": a country's agent (RUS + MIL, or the
 * country of IRNGOV + MIL); an organisation's agents are the organisation
 * ("the EU ... its ministers" IGOEUREEC).  NULL when none fits. */
static const char *with_agent(const cod_input *in, const char *code, const char *agent)
{
    char country[4];
    if (!agent)
        return code;
    if (strlen(code) == 3)
        return core_arena_printf(in->arena, "%s%s", code, agent);
    if (code_country(code, country))
        return core_arena_printf(in->arena, "%s%s", country, agent);
    if (strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0)
        return code;
    return NULL;
}

/* A pronoun's antecedents: the latest fitting actor; for "they", "them",
 * "their" also the actors coordinated with it ("Egypt and Jordan ...
 * their ministers").  `agent` (or NULL) is joined to each code. */
static void antecedents(const cod_sent *cs, size_t h, cod_actors *out, const char *how,
                        const char *text, const char *agent)
{
    static const char *const plural[] = {"they", "them", "their", "theirs", NULL};
    int m = latest_before(cs, h, true);
    if (m < 0)
        m = latest_before(cs, h, false);
    if (m < 0)
        return;
    const cod_input *in = cs->in;
    size_t first = (size_t)m, last = (size_t)m;
    if (word_in(cs->s->words[h].norm, plural)) {
        const annals_mention *am = &in->mentions[m];
        const annals_sentence *s = &in->sents[am->sent];
        size_t top = conj_top(s, mention_head(s, am));
        while (first > 0 && in->mentions[first - 1].sent == am->sent)
            first--;
        while (last + 1 < in->n_mentions && in->mentions[last + 1].sent == am->sent)
            last++;
        for (size_t k = first; k <= last; k++) {
            const annals_mention *o = &in->mentions[k];
            if ((int)k != m && conj_top(s, mention_head(s, o)) != top)
                continue;
            if (o->sent == cs->si && o->end_word > h)
                continue; /* not after the pronoun */
            const char *code = with_agent(in, o->code, agent);
            if (code)
                add_coded(out, (int)k, h, how, text, code);
        }
        return;
    }
    const annals_mention *am = &in->mentions[m];
    if (!agent && am->sent == cs->si && (am->flags & ANNALS_MENTION_AGENT)) {
        /* "Iraq's interim government announced that it is prepared to":
         * the antecedent's phrase gives the role its country (IRQGOV) */
        cod_actors t = {0};
        one_phrase(cs, mention_head(cs->s, am), &t, 0);
        for (size_t i = 0; i < t.n; i++)
            add_coded(out, t.v[i].mention, h, how, text, t.v[i].code);
        if (t.n)
            return;
    }
    const char *code = with_agent(in, am->code, agent);
    if (code)
        add_coded(out, m, h, how, text, code);
}

/* An agent alone ("Lawmakers", "soldiers") takes the countries named in
 * its modifiers: "Lawmakers in Fornost and Gondor" = FORLEG and GONLEG. */
/* "Danish media and government": a bare agent (no determiner or modifier
 * of its own) coordinated after an actor whose country is an adjective
 * before its noun shares that adjective, as English reads it ("Iraqi
 * police and army"); "Danish media and the government" does not, and
 * with a determiner before the adjective ("The Danish media and
 * government") the reading is open, so the rule keeps out of it (as
 * PETRARCH's records code it). */
static bool agent_of_conjunct(const cod_sent *cs, size_t h, const annals_mention *am,
                              cod_actors *out)
{
    int g = cod_head(cs, h);
    if (!cod_rel_is(cs, h, "conj") || g < 0 || (size_t)g >= h || cs->ment[g] < 0 ||
        cs->ment[g] == cs->ment[h] || cod_child(cs, h, "det") >= 0 ||
        cod_child(cs, h, "nmod") >= 0 || cod_child(cs, h, "amod") >= 0 ||
        cod_child(cs, h, "nmod:poss") >= 0)
        return false;
    if (cod_child(cs, (size_t)g, "det") >= 0)
        return false;
    const annals_mention *gm = &cs->in->mentions[cs->ment[g]];
    char country[4];
    if (gm->first_word >= (size_t)g || strlen(gm->code) <= 3 || !code_country(gm->code, country))
        return false;
    const char *code = core_arena_printf(cs->in->arena, "%s%s", country, am->code);
    if (!code)
        return false;
    size_t before = out->n;
    add_coded(out, cs->ment[h], h, "agent sharing its conjunct's country", am->text, code);
    return out->n > before;
}

static bool agent_with_country(const cod_sent *cs, size_t h, cod_actors *out)
{
    const annals_mention *am = &cs->in->mentions[cs->ment[h]];
    if (!(am->flags & ANNALS_MENTION_AGENT) || strlen(am->code) != 3)
        return false;
    if (agent_of_conjunct(cs, h, am, out))
        return true;
    cod_actors c = {0};
    /* "Lawmakers and officials in Fornost and Gondor": an agent coordinated
     * under another agent shares the modifiers of that one */
    int g = cod_head(cs, h);
    bool shared = cod_rel_is(cs, h, "conj") && g >= 0 && (size_t)g < h && cs->ment[g] >= 0 &&
                  (cs->in->mentions[cs->ment[g]].flags & ANNALS_MENTION_AGENT) &&
                  cod_child(cs, h, "nmod") < 0 && cod_child(cs, h, "amod") < 0;
    for (int k = cs->first[shared ? (size_t)g : h]; k >= 0; k = cs->next[k]) {
        if (cs->ment[k] == cs->ment[h] || !(cod_rel_is(cs, (size_t)k, "nmod") ||
                                            cod_rel_is(cs, (size_t)k, "amod")))
            continue;
        if (has_case(cs, (size_t)k, not_whose))
            continue;
        if (cs->s->words[k].upos == ANNALS_UPOS_PRON) {
            /* "their foreign ministers": the antecedents' ministers */
            if (word_in(cs->s->words[k].norm, personal)) {
                size_t before = out->n;
                antecedents(cs, (size_t)k, out, "agent of a pronoun's actor", am->text, am->code);
                if (out->n > before)
                    return true;
            }
            continue;
        }
        cod_phrase_actors(cs, (size_t)k, &c);
        if (c.n)
            break;
    }
    size_t before = out->n;
    for (size_t i = 0; i < c.n; i++) {
        const annals_mention *cm = &cs->in->mentions[c.v[i].mention];
        if (cm->flags & ANNALS_MENTION_AGENT)
            continue;
        /* a bare country or organisation takes the agent; so does the
         * country of a seat of government ("Demonstrators in Baghdad",
         * IRQGOV, are IRQOPP) */
        char country[4] = "";
        if (strlen(c.v[i].code) != 3 && !code_country(c.v[i].code, country))
            continue;
        const char *code = core_arena_printf(cs->in->arena, "%s%s",
                                             *country ? country : c.v[i].code, am->code);
        if (code)
            add_coded(out, cs->ment[h], h, "agent of a named country", am->text, code);
    }
    return out->n > before;
}

/* A role named alone with no country in its phrase ("The foreign
 * minister said ...") belongs to the document's country (home_country). */
static bool agent_of_home(const cod_sent *cs, size_t h, cod_actors *out)
{
    const annals_mention *am = &cs->in->mentions[cs->ment[h]];
    if (!(am->flags & ANNALS_MENTION_AGENT) || strlen(am->code) != 3)
        return false;
    char home[4];
    home_country(cs->in, home);
    if (!*home)
        return false;
    const char *code = core_arena_printf(cs->in->arena, "%s%s", home, am->code);
    if (!code)
        return false;
    size_t before = out->n;
    add_coded(out, cs->ment[h], h, "agent of the document's country", am->text, code);
    return out->n > before;
}

/* The agent parts a mention brings to a phrase: an agent alone's code,
 * or what a combined mention has after its first three letters ("Prime
 * Minister Telemar" = DAG + GOV gives GOV); NULL when none. */
static const char *agent_parts(const annals_mention *am)
{
    if (am->flags & ANNALS_MENTION_AGENT)
        return am->code;
    if ((am->flags & ANNALS_MENTION_COMBINED) && strlen(am->code) > 3 && !strchr(am->code, '/'))
        return am->code + 3;
    return NULL;
}

/* "Dagolath's first Deputy Prime Minister Telemar", "Ithilen's awful
 * minister Calimehtar": a possessive country is the phrase's actor and
 * the agents of the phrase add to it (DAGGOV, ITHGOV), as PETRARCH codes
 * a noun phrase by its first actor with the agents it holds. */
static bool possessor_with_agent(const cod_sent *cs, size_t h, cod_actors *out)
{
    /* the possessive of h, or of another word of h's mention ("Ithilen's
     * minister Calimehtar" with the possessive on "minister", the name
     * the head) */
    int poss = -1;
    for (size_t k = 0; k < cs->n && poss < 0; k++) {
        if (k != h && (cs->ment[h] < 0 || cs->ment[k] != cs->ment[h]))
            continue;
        for (int c = cs->first[k]; c >= 0 && poss < 0; c = cs->next[c])
            if (cod_rel_full(cs, (size_t)c, "nmod:poss") && cs->ment[c] >= 0 && (size_t)c < h &&
                cs->ment[c] != cs->ment[h])
                poss = c;
    }
    if (poss < 0)
        return false;
    const annals_mention *pm = &cs->in->mentions[cs->ment[poss]];
    if ((pm->flags & ANNALS_MENTION_AGENT) || strlen(pm->code) != 3)
        return false;
    const char *parts = NULL;
    if (cs->ment[h] >= 0 && cs->ment[h] != cs->ment[poss])
        parts = agent_parts(&cs->in->mentions[cs->ment[h]]);
    for (int c = cs->first[h]; c >= 0 && !parts && cs->ment[h] < 0; c = cs->next[c])
        if (c != poss && cs->ment[c] >= 0 && cs->ment[c] != cs->ment[poss] &&
            (cod_rel_is(cs, (size_t)c, "appos") || cod_rel_is(cs, (size_t)c, "compound") ||
             cod_rel_is(cs, (size_t)c, "flat")))
            parts = agent_parts(&cs->in->mentions[cs->ment[c]]);
    if (!parts)
        return false;
    const char *code = core_arena_printf(cs->in->arena, "%s%s", pm->code, parts);
    if (!code)
        return false;
    add_coded(out, cs->ment[poss], (size_t)poss, "possessive country with the phrase's agent",
              pm->text, code);
    return true;
}

/* Whether child c of h is an apposition the parser hung as h's object:
 * a noun takes no object, so a nominal c hung as obj or iobj of a noun h
 * before it ("Old foes Gondor and Osgiliath have renewed ..." with
 * "Gondor" an obj of "foes", as the arc-eager parser reads it) names h's
 * referent again, with its coordination. */
static bool object_of_noun(const cod_sent *cs, size_t h, size_t c)
{
    annals_upos hu = cs->s->words[h].upos, cu = cs->s->words[c].upos;
    return (cod_rel_is(cs, c, "obj") || cod_rel_is(cs, c, "iobj")) && c > h &&
           (hu == ANNALS_UPOS_NOUN || hu == ANNALS_UPOS_PROPN) &&
           (cu == ANNALS_UPOS_NOUN || cu == ANNALS_UPOS_PROPN);
}

/* A name hung on name h as its compound modifier with an adjective of h
 * between them: "the evil Arnor awful Gondor" with "Arnor" a compound of
 * "Gondor" and "awful" an amod of it, as the arc-eager parser reads it.
 * English puts adjectives before the nouns that modify a noun ("awful
 * Arnor Gondor", never "Arnor awful Gondor"), so the compound closes a
 * noun phrase of its own and h, named after it, is its apposition: the
 * phrase is that first name's, as an apposition adds no actor.  Returns
 * the compound's word, or -1. */
static int name_before_adjective(const cod_sent *cs, size_t h)
{
    if (cs->ment[h] < 0 || cs->s->words[h].upos != ANNALS_UPOS_PROPN)
        return -1;
    for (int c = cs->first[h]; c >= 0 && (size_t)c < h; c = cs->next[c]) {
        if (!cod_rel_full(cs, (size_t)c, "compound") || cs->ment[c] < 0 ||
            cs->ment[c] == cs->ment[h] || cs->s->words[c].upos != ANNALS_UPOS_PROPN)
            continue;
        const char *a = cs->in->mentions[cs->ment[c]].code, *b = cs->in->mentions[cs->ment[h]].code;
        if (strlen(a) < 3 || strlen(b) < 3 || strncmp(a, b, 3) == 0)
            continue;
        for (size_t k = (size_t)c + 1; k < h; k++)
            if (cod_head(cs, k) == (int)h && cod_rel_is(cs, k, "amod") &&
                cs->s->words[k].upos == ANNALS_UPOS_ADJ)
                return c;
    }
    return -1;
}

/* The actor of the phrase headed by h alone (no coordination). */
static void one_phrase(const cod_sent *cs, size_t h, cod_actors *out, int depth)
{
    const annals_word *w = &cs->s->words[h];
    if (possessor_with_agent(cs, h, out))
        return;
    int first_name = name_before_adjective(cs, h);
    if (first_name >= 0) {
        one_phrase(cs, (size_t)first_name, out, depth);
        return;
    }
    if (cs->ment[h] >= 0) {
        if (describing_agent(cs, h))
            return;
        if (!agent_with_country(cs, h, out) && !agent_of_home(cs, h, out))
            add_actor(out, cs, cs->ment[h], h, "named", cs->in->mentions[cs->ment[h]].text);
        return;
    }
    if (w->upos == ANNALS_UPOS_PRON && word_in(w->norm, personal)) {
        /* the latest subject first: "Sarkozy met Gaddafi, but he refused" is Sarkozy */
        antecedents(cs, h, out, "pronoun", w->form, NULL);
        return;
    }
    /* an actor among the phrase's modifiers: "the foreign minister of Russia" */
    if (depth < 3)
        for (int c = cs->first[h]; c >= 0; c = cs->next[c]) {
            static const char *const mods[] = {"nmod", "amod", "compound", "appos", "flat",
                                               "det", NULL};
            bool appos = cod_rel_is(cs, (size_t)c, "appos") || object_of_noun(cs, h, (size_t)c);
            bool ok = appos;
            for (size_t i = 0; mods[i] && !ok; i++)
                ok = cod_rel_is(cs, (size_t)c, mods[i]);
            if (!ok)
                continue;
            size_t before = out->n;
            /* a possessive pronoun is not the phrase's actor: "their treaty" */
            if (cs->s->words[c].upos == ANNALS_UPOS_PRON)
                continue;
            /* nor a place that says only where: "a device outside of the
             * Iraqi city" is not Iraq's */
            if (has_case(cs, (size_t)c, not_whose))
                continue;
            /* an apposition names the phrase's referent again, with its
             * coordination: "Old foes, Gondor and Osgiliath," */
            if (appos)
                cod_phrase_actors(cs, (size_t)c, out);
            else
                one_phrase(cs, (size_t)c, out, depth + 1);
            if (out->n > before)
                return;
        }
    /* "the country", "the minister": the latest actor named before */
    if (depth == 0 && (w->upos == ANNALS_UPOS_NOUN) && word_in(cod_lemma(cs, h), anaphoric)) {
        static const char *const the[] = {"the", NULL};
        if (cod_child_word(cs, h, "det", the)) {
            int m = latest_before(cs, h, true);
            if (m < 0)
                m = latest_before(cs, h, false);
            if (m >= 0)
                add_actor(out, cs, m, h, "the-noun", w->form);
        }
    }
}

/* "The ambassadors of Arnor, Osgiliath and Gondor": the actor matcher
 * made "ambassadors of Arnor" one mention (ARNGOV); the countries
 * coordinated with its country word outside it take the same agent
 * (OSGGOV, GONGOV), as PETRARCH carries an agent through a compound
 * actor list. */
static void carried_agent(const cod_sent *cs, int m, cod_actors *out)
{
    const annals_mention *am = &cs->in->mentions[m];
    size_t len = strlen(am->code);
    if (len <= 3 || strchr(am->code, '/') || !(am->flags & ANNALS_MENTION_COMBINED))
        return;
    const char *agent = am->code + 3;
    size_t head = mention_head(cs->s, am);
    for (size_t k = am->first_word; k < am->end_word && k < cs->n; k++)
        for (int c = k == head ? -1 : cs->first[k]; c >= 0; c = cs->next[c]) {
            if (cs->ment[c] == m || !cod_rel_is(cs, (size_t)c, "conj") ||
                cs->s->words[c].upos == ANNALS_UPOS_VERB)
                continue;
            cod_actors t = {0};
            cod_phrase_actors(cs, (size_t)c, &t);
            for (size_t i = 0; i < t.n; i++) {
                const annals_mention *tm = &cs->in->mentions[t.v[i].mention];
                if (strlen(t.v[i].code) != 3 || (tm->flags & ANNALS_MENTION_AGENT))
                    continue;
                const char *code = core_arena_printf(cs->in->arena, "%s%s", t.v[i].code, agent);
                if (code)
                    add_coded(out, t.v[i].mention, t.v[i].word, "agent carried through a list",
                              t.v[i].text, code);
            }
        }
}

/* "Arnor, Calenardhon and the evil awful Gondor" parsed with Calenardhon
 * an apposition of Arnor (or "Mordor, the Shire, Fornost and Bree" with
 * the rest of the list under the apposition): in a list (h or the
 * apposition has conjuncts) an apposition that names another country or
 * organisation is one more member, not another name for h. */
static bool list_appos(const cod_sent *cs, size_t h, size_t c)
{
    if (!cod_rel_is(cs, c, "appos") || cs->ment[c] < 0 || cs->ment[c] == cs->ment[h])
        return false;
    /* h's actor: its mention, or one among its modifiers ("Evil Mordor") */
    cod_actors ha = {0};
    one_phrase(cs, h, &ha, 0);
    if (!ha.n || ha.v[0].mention == cs->ment[c])
        return false;
    const char *a = ha.v[0].code, *b = cs->in->mentions[cs->ment[c]].code;
    return strlen(a) >= 3 && strlen(b) >= 3 && strncmp(a, b, 3) != 0;
}

/* A conjunct that is a common noun naming no actor, in a coordination
 * with no coordinating word ("Gollum, centre of a diplomatic row between
 * Radagast and Saruman, called ..." with "centre" a conjunct of
 * "Gollum"): with no "and" or "or" anywhere it is no list but an
 * apposition describing h, and the actors inside it are not h's
 * partners. */
static bool descriptive_conjunct(const cod_sent *cs, size_t h, size_t c)
{
    if (cs->s->words[c].upos != ANNALS_UPOS_NOUN || cs->ment[c] >= 0)
        return false;
    for (int k = cs->first[h]; k >= 0; k = cs->next[k])
        if (cod_rel_is(cs, (size_t)k, "conj") && cod_child(cs, (size_t)k, "cc") >= 0)
            return false;
    return cod_child(cs, h, "cc") < 0;
}

/* Whether child c of h is a member of h's coordination: a conjunct, an
 * item of a list ("Old foes Gondor and Osgiliath", "Mordor, the Shire,
 * Fornost and Bree" with the Shire a list item of Mordor), or a name
 * hung without a preposition as a modifier of h after one of h's
 * conjuncts ("Fornost and the evil awful Gondor" with "evil" the
 * conjunct and Gondor an nmod of Fornost): a modifier of a noun comes
 * before its conjuncts, not among them, so that name is one more. */
static bool coordinated_member(const cod_sent *cs, size_t h, size_t c)
{
    if (cod_rel_is(cs, c, "conj"))
        return !descriptive_conjunct(cs, h, c);
    /* a list item in brackets is another name for h: "Montenegro
     * Municipality Association (AKK)" */
    if (cod_rel_is(cs, c, "list"))
        return c == 0 || strcmp(cs->s->words[c - 1].norm, "(") != 0;
    if (!cod_rel_is(cs, c, "nmod") || cod_rel_full(cs, c, "nmod:poss") || cs->ment[c] < 0 ||
        cs->ment[c] == cs->ment[h] || cod_child(cs, c, "case") >= 0)
        return false;
    for (int k = cs->first[h]; k >= 0 && (size_t)k < c; k = cs->next[k])
        if (cod_rel_is(cs, (size_t)k, "conj"))
            return true;
    return false;
}

/* Whether h is one of two subjects of its verb: a coordination the
 * parser split ("Arnor, Calenardhon and the evil awful Gondor welcomed
 * ..." with "Arnor" and "evil" both subjects of "welcomed" and "and" on
 * the verb).  h heads a list then, whatever hangs below it. */
static bool split_subject(const cod_sent *cs, size_t h)
{
    int v = cod_head(cs, h);
    if (v < 0 || !cod_rel_is(cs, h, "nsubj"))
        return false;
    for (int c = cs->first[v]; c >= 0; c = cs->next[c])
        if ((size_t)c != h && cod_rel_is(cs, (size_t)c, "nsubj"))
            return true;
    return false;
}

/* Whether apposition c ends in a coordination: it has conjuncts, or an
 * apposition of its own that does ("Mordor, the Shire, Fornost and Bree"
 * with "the Shire" an apposition of Mordor, Fornost one of the Shire and
 * Bree a conjunct of Fornost, as the arc-eager parser reads it).  A chain
 * of appositions closed by "and" is a list whose commas the parser took
 * for appositions; a lone apposition is another name. */
static bool appos_chain_list(const cod_sent *cs, size_t c, int depth)
{
    if (cod_child(cs, c, "conj") >= 0)
        return true;
    if (depth >= 8)
        return false;
    for (int k = cs->first[c]; k >= 0; k = cs->next[k])
        if ((size_t)k > c && cod_rel_is(cs, (size_t)k, "appos") &&
            appos_chain_list(cs, (size_t)k, depth + 1))
            return true;
    return false;
}

/* The head of the list h closes when the parser made the list the
 * sentence's root and its verb a relative clause inside it: "Arnor,
 * Calenardhon and the evil awful Gondor welcomed a resumption ..." with
 * "Arnor" the root, "awful" a conjunct of it, "welcomed" an acl:relcl of
 * "awful" and "Gondor" its subject, as the arc-eager parser reads it.
 * A relative clause with no relative word has a gap (the noun it hangs
 * on is its object: "the treaty Gondor signed"); one whose verb has a
 * subject and an object of its own has none, so it is the sentence's
 * main clause and the whole coordination before its subject is that
 * subject.  Returns the coordination's first word, or -1. */
static int list_of_rootless_subject(const cod_sent *cs, size_t h)
{
    int v = cod_head(cs, h);
    if (v < 0 || !cod_rel_full(cs, h, "nsubj") || !cod_rel_full(cs, (size_t)v, "acl:relcl") ||
        cs->s->words[v].upos != ANNALS_UPOS_VERB || cod_child(cs, (size_t)v, "obj") < 0)
        return -1;
    for (int c = cs->first[v]; c >= 0; c = cs->next[c])
        if (cod_is_relative(cs, (size_t)c))
            return -1;
    int g = cod_head(cs, (size_t)v);
    if (g < 0 || (size_t)g >= h)
        return -1;
    size_t top = conj_top(cs->s, (size_t)g);
    if (top == (size_t)g || cod_head(cs, top) >= 0)
        return -1; /* not a conjunct, or the list is not the root */
    annals_upos u = cs->s->words[top].upos;
    return u == ANNALS_UPOS_NOUN || u == ANNALS_UPOS_PROPN ? (int)top : -1;
}

/* Whether h, a plural common noun ("The GCC states -- the UAE, Saudi
 * Arabia, Bahrain, Qatar, Oman and Kuwait --"), has its members spelt out
 * by a list of appositions: the list names the actors, and h's own name
 * (the GCC) is the group they make up, not one more member beside them
 * (it made every member the GCC's partner in a mutual event as well as
 * each other's).  A singular head ("Mordor, the Shire, Fornost and Bree")
 * is the list's first member. */
static bool members_spelt_out(const cod_sent *cs, size_t h, bool list)
{
    const annals_word *w = &cs->s->words[h];
    if (w->upos != ANNALS_UPOS_NOUN || !w->xpos || strcmp(w->xpos, "NNS") != 0)
        return false;
    for (int c = cs->first[h]; c >= 0; c = cs->next[c])
        if ((list || appos_chain_list(cs, (size_t)c, 0)) && list_appos(cs, h, (size_t)c))
            return true;
    return false;
}

void cod_phrase_actors(const cod_sent *cs, size_t h, cod_actors *out)
{
    if (cs->s->words[h].flags & ANNALS_WORD_DATELINE) {
        /* the parser hung the sentence's subject under the dateline
         * ("CAIRO, Oct 26 (Reuters) - Egypt and Jordan hailed ..."): the
         * phrases below it that are not part of the dateline */
        for (int c = cs->first[h]; c >= 0; c = cs->next[c])
            if (!(cs->s->words[c].flags & ANNALS_WORD_DATELINE) &&
                cs->s->words[c].upos != ANNALS_UPOS_PUNCT)
                cod_phrase_actors(cs, (size_t)c, out);
        return;
    }
    int first = list_of_rootless_subject(cs, h);
    if (first >= 0)
        cod_phrase_actors(cs, (size_t)first, out);
    bool list = cod_child(cs, h, "conj") >= 0 || cod_child(cs, h, "list") >= 0 || split_subject(cs, h);
    if (!members_spelt_out(cs, h, list))
        one_phrase(cs, h, out, 0);
    for (int c = cs->first[h]; c >= 0; c = cs->next[c])
        if ((coordinated_member(cs, h, (size_t)c) ||
             ((list || appos_chain_list(cs, (size_t)c, 0)) && list_appos(cs, h, (size_t)c))) &&
            cs->s->words[c].upos != ANNALS_UPOS_VERB)
            cod_phrase_actors(cs, (size_t)c, out);
    if (cs->ment[h] >= 0)
        carried_agent(cs, cs->ment[h], out);
}

bool cod_is_relative(const cod_sent *cs, size_t k)
{
    return cs->s->words[k].upos == ANNALS_UPOS_PRON && word_in(cs->s->words[k].norm, relative);
}
