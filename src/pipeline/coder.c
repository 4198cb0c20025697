/* coder.c — one document through every stage: clean, segment, (tag,
 * parse, actors, events as those stages arrive).  One coder per thread. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "actors/public.h"
#include "annals.h"
#include "coder/coder.h"
#include "core/arena.h"
#include "core/log.h"
#include "pipeline/plan.h"
#include "pipeline/resources.h"
#include "text/clean.h"
#include "text/segment.h"
#include "text/utf8.h"

struct annals_coder {
    const annals_resources *res;
    core_arena arena;        /* everything of the current document */
    text_sentences sents;
    annals_event *events;
    size_t n_events;
    size_t invalid;
    act_results actors;      /* mentions of the current document */
    cod_events coded;        /* events of the current document (malloc'd, reused) */
    core_buf explain;        /* the coder's explanation, when asked for */
    int explaining;
    int clean;               /* run the article cleaner */
    int skip_eventless;      /* leave sentences that cannot yield an event unanalysed */
    int require_dyad;        /* a bare verb needs a target (annals_coder_set_require_dyad) */
    unsigned char *need;     /* PIPE_NEED_* of each sentence (malloc'd, reused) */
    size_t need_cap;
    size_t n_skipped;        /* sentences of the last run left unparsed */
    act_found *found;        /* what the plan's actor pass found (arena), or NULL */
    pipe_cache plan_cache;   /* what the plan learnt of words */
    char error[512];
};

annals_coder *annals_coder_create(const annals_resources *res)
{
    if (!res)
        return NULL;
    annals_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->res = res;
    c->clean = 1;
    c->require_dyad = 1;
    core_arena_init(&c->arena, 256 * 1024);
    return c;
}

void annals_coder_free(annals_coder *c)
{
    if (!c)
        return;
    core_arena_destroy(&c->arena);
    text_sentences_free(&c->sents);
    act_results_free(&c->actors);
    cod_events_free(&c->coded);
    core_buf_free(&c->explain);
    free(c->need);
    pipe_cache_free(&c->plan_cache);
    free(c);
}

static const char *doc_label(core_arena *a, const annals_document *doc)
{
    if (doc->origin && doc->origin_line)
        return core_arena_printf(a, "document '%s' (%s:%zu)", doc->id ? doc->id : "?",
                                 doc->origin, doc->origin_line);
    if (doc->origin)
        return core_arena_printf(a, "document '%s' (%s)", doc->id ? doc->id : "?", doc->origin);
    return core_arena_printf(a, "document '%s'", doc->id ? doc->id : "?");
}

/* Keeps the given sentences (CoNLL-U input): their words and spans stay,
 * forms are normalised, everything else is left for the later stages. */
static int copy_given_sentences(annals_coder *c, const annals_document *doc)
{
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const annals_sentence *src = &doc->sentences[i];
        annals_sentence *s = text_sentences_push(&c->sents);
        if (!s)
            return ANNALS_E_NOMEM;
        *s = *src;
        s->id = src->id ? core_arena_strdup(&c->arena, src->id) : NULL;
        s->text = src->text ? core_arena_strdup(&c->arena, src->text)
                            : text_normalize(&c->arena, doc->text + src->start,
                                             src->end - src->start);
        s->words = core_arena_calloc(&c->arena, src->n_words ? src->n_words : 1,
                                     sizeof *s->words);
        if (!s->words || !s->text)
            return ANNALS_E_NOMEM;
        for (size_t k = 0; k < src->n_words; k++) {
            annals_word *w = &s->words[k];
            const annals_word *g = &src->words[k];
            w->start = g->start;
            w->end = g->end;
            w->flags = g->flags;
            w->form = text_normalize(&c->arena, g->form, strlen(g->form));
            if (!w->form)
                return ANNALS_E_NOMEM;
            w->norm = text_fold(&c->arena, w->form);
            w->head = -1;
            if (!w->norm)
                return ANNALS_E_NOMEM;
        }
    }
    return ANNALS_OK;
}

static int segment_document(annals_coder *c, const annals_document *doc)
{
    int rc;
    if (doc->title && *doc->title) {
        rc = text_tokenize_sentence(&c->arena, doc->title, 0, strlen(doc->title),
                                    ANNALS_SENT_TITLE, &c->sents);
        if (rc)
            return rc;
    }
    if (!c->clean)
        return text_segment(&c->arena, doc->text, 0, doc->text_len, ANNALS_SENT_BODY, 0,
                            &c->sents);
    text_block *blocks;
    size_t n_blocks;
    rc = text_clean(&c->arena, doc->text, doc->text_len, &blocks, &n_blocks);
    if (rc)
        return rc;
    for (size_t i = 0; i < n_blocks; i++) {
        const text_block *b = &blocks[i];
        int kind;
        switch (b->kind) {
        case TEXT_BLOCK_BOILERPLATE: continue;
        case TEXT_BLOCK_HEADLINE: kind = ANNALS_SENT_HEADLINE; break;
        case TEXT_BLOCK_CAPTION: kind = ANNALS_SENT_CAPTION; break;
        default: kind = ANNALS_SENT_BODY; break;
        }
        size_t dl = b->dateline_end > b->start ? b->dateline_end : b->start;
        rc = text_segment(&c->arena, doc->text, b->start, b->end, kind, dl, &c->sents);
        if (rc)
            return rc;
    }
    return ANNALS_OK;
}

/* What each sentence needs: everything, unless the coder is told to skip
 * the sentences that cannot yield an event (and is not explaining, which
 * speaks of every sentence). */
static int plan_sentences(annals_coder *c, const annals_document *doc)
{
    size_t n = c->sents.n;
    if (n == 0)
        return ANNALS_OK;   /* nothing to plan, and c->need may still be NULL */
    if (n > c->need_cap) {
        size_t cap = n < 64 ? 64 : n * 2;
        unsigned char *v = realloc(c->need, cap);
        if (!v)
            return ANNALS_E_NOMEM;
        c->need = v;
        c->need_cap = cap;
    }
    if (!c->skip_eventless || c->explaining || !c->res->has_tagger) {
        memset(c->need, PIPE_NEED_ALL, n);
        return ANNALS_OK;
    }
    c->found = core_arena_alloc(&c->arena, n * sizeof *c->found);
    if (!c->found)
        return ANNALS_E_NOMEM;
    return pipe_plan_sentences(c->res, &c->arena, &c->plan_cache, c->sents.v, n, doc->date,
                               c->need, c->found);
}

/* Whether sentence i is to be parsed, once every sentence is tagged
 * (plan.h). */
static bool parse_needed(const annals_coder *c, size_t i)
{
    unsigned need = c->need[i];
    if ((need & PIPE_NEED_PARSE) || ((need & PIPE_NEED_VERB) && (need & PIPE_TAGGED_VERB)))
        return true;
    if (!(need & PIPE_NEED_ANTECEDENT))
        return false;
    for (size_t j = i + 1; j < c->sents.n && j <= i + PIPE_ANTECEDENT_SENTENCES; j++) {
        unsigned later = c->need[j];
        if ((later & PIPE_REFERS) && ((later & PIPE_TAGGED_VERB) || !(later & PIPE_NEED_TAGS)))
            return true;
    }
    return false;
}

/* Part-of-speech tags, then lemmas (which depend on the tags), for every
 * sentence that needs them; then the dependency parse of those that need
 * it, as far as the loaded models go. */
static int tag_sentences(annals_coder *c)
{
    const annals_resources *r = c->res;
    for (size_t i = 0; i < c->sents.n; i++) {
        annals_sentence *s = &c->sents.v[i];
        if (!(c->need[i] & PIPE_NEED_TAGS))
            continue;
        int rc = r->has_tagger ? syn_tagger_tag(&r->tagger, &c->arena, s->words, s->n_words)
                               : ANNALS_OK;
        if (!rc && r->has_lemmatizer)
            rc = syn_lemma_sentence(&r->lemmatizer, &c->arena, s->words, s->n_words);
        if (rc)
            return rc;
        if ((c->need[i] & (PIPE_NEED_VERB | PIPE_REFERS)) && pipe_tagged_verb(r, s))
            c->need[i] |= PIPE_TAGGED_VERB;
    }
    for (size_t i = 0; i < c->sents.n; i++) {
        if (!(c->need[i] & PIPE_NEED_TAGS) || !parse_needed(c, i)) {
            c->n_skipped++;
            continue;
        }
        /* The parser reads the tags: without a tagger it has nothing to go on. */
        annals_sentence *s = &c->sents.v[i];
        int rc = r->parser && r->has_tagger
                     ? syn_parser_parse_in(r->parser, &c->arena, s->words, s->n_words)
                     : ANNALS_OK;
        if (rc)
            return rc;
    }
    return ANNALS_OK;
}

/* The actor mentions.  A sentence left unanalysed has none (the plan
 * found none even untagged), so the matcher is spared it: its words are
 * hidden for the call, which also keeps its capitalised words out of the
 * unknown actors.  Where the plan ran, the names its untagged pass found
 * are reused wherever the tags leave them all in, and a sentence it left
 * untagged for its mentions only (PIPE_NEED_MENTIONS) keeps them. */
static int find_mentions(annals_coder *c, const annals_document *doc)
{
    size_t *hidden = NULL;
    if (c->skip_eventless && c->n_skipped) {
        hidden = core_arena_alloc(&c->arena, c->sents.n * sizeof *hidden);
        if (!hidden)
            return ANNALS_E_NOMEM;
        for (size_t i = 0; i < c->sents.n; i++) {
            hidden[i] = c->sents.v[i].n_words;
            if (!(c->need[i] & (PIPE_NEED_TAGS | PIPE_NEED_MENTIONS)))
                c->sents.v[i].n_words = 0;
        }
    }
    int rc = act_document_mentions(c->res->actors, &c->arena, c->sents.v, c->sents.n,
                                   doc->date, c->found, &c->actors);
    for (size_t i = 0; hidden && i < c->sents.n; i++)
        c->sents.v[i].n_words = hidden[i];
    return rc;
}

/* The events, from the sentences and their actor mentions. */
static int code_events(annals_coder *c, const annals_document *doc)
{
    core_buf_clear(&c->explain);
    cod_input in = {c->res->verbs, c->sents.v, c->sents.n, c->actors.v, c->actors.n,
                    doc->date, &c->arena, c->explaining ? &c->explain : NULL,
                    c->require_dyad == 0};
    int rc = cod_code_document(&in, &c->coded);
    c->events = c->coded.v;
    c->n_events = rc ? 0 : c->coded.n;
    if (c->explaining && c->explain.failed)
        return ANNALS_E_NOMEM;
    return rc;
}

void annals_coder_set_explain(annals_coder *c, int enabled)
{
    if (c)
        c->explaining = enabled != 0;
}

const char *annals_coder_explanation(const annals_coder *c)
{
    return c && c->explain.data ? c->explain.data : "";
}

void annals_coder_set_clean(annals_coder *c, int enabled)
{
    if (c)
        c->clean = enabled != 0;
}

void annals_coder_set_skip_eventless(annals_coder *c, int enabled)
{
    if (c)
        c->skip_eventless = enabled != 0;
}

void annals_coder_set_require_dyad(annals_coder *c, int enabled)
{
    if (c)
        c->require_dyad = enabled != 0;
}

size_t annals_coder_skipped(const annals_coder *c)
{
    return c ? c->n_skipped : 0;
}

int annals_coder_run(annals_coder *c, const annals_document *doc)
{
    if (!c || !doc)
        return ANNALS_E_ARG;
    core_arena_reset(&c->arena);
    c->sents.n = 0;
    c->events = NULL;
    c->n_events = 0;
    c->n_skipped = 0;
    c->found = NULL;
    c->error[0] = '\0';
    if (!doc->text && doc->text_len) {
        snprintf(c->error, sizeof c->error, "document has no text");
        return ANNALS_E_ARG;
    }
    static const char empty[] = "";
    annals_document d = *doc;
    if (!d.text)
        d.text = empty;

    c->invalid = d.invalid_utf8 + text_utf8_count_invalid(d.text, d.text_len);
    if (d.title)
        c->invalid += text_utf8_count_invalid(d.title, strlen(d.title));
    if (c->invalid)
        core_logf(&c->res->log, ANNALS_LOG_WARN,
                  "%s: %zu invalid UTF-8 sequence%s replaced with U+FFFD",
                  doc_label(&c->arena, &d), c->invalid, c->invalid == 1 ? "" : "s");

    c->actors.n = c->actors.n_unknown = 0;
    int rc = d.n_sentences ? copy_given_sentences(c, &d) : segment_document(c, &d);
    if (!rc)
        rc = plan_sentences(c, &d);
    if (!rc)
        rc = tag_sentences(c);
    if (!rc)
        rc = find_mentions(c, &d);
    if (!rc)
        rc = code_events(c, &d);
    if (rc) {
        snprintf(c->error, sizeof c->error, "%s: %s", doc_label(&c->arena, &d),
                 annals_error_name(rc));
        c->sents.n = 0;
        c->actors.n = c->actors.n_unknown = 0;
        return rc;
    }
    return ANNALS_OK;
}

const annals_sentence *annals_coder_sentences(const annals_coder *c, size_t *n)
{
    if (n)
        *n = c ? c->sents.n : 0;
    return c ? c->sents.v : NULL;
}

const annals_event *annals_coder_events(const annals_coder *c, size_t *n)
{
    if (n)
        *n = c ? c->n_events : 0;
    return c ? c->events : NULL;
}

const annals_mention *annals_coder_mentions(const annals_coder *c, size_t *n)
{
    if (n)
        *n = c ? c->actors.n : 0;
    return c ? c->actors.v : NULL;
}

const char *const *annals_coder_unknown_actors(const annals_coder *c, size_t *n)
{
    if (n)
        *n = c ? c->actors.n_unknown : 0;
    return c ? c->actors.unknown : NULL;
}

size_t annals_coder_invalid_bytes(const annals_coder *c)
{
    return c ? c->invalid : 0;
}

const char *annals_coder_error(const annals_coder *c)
{
    return c ? c->error : "";
}
