/* verbs_read.c — reading verb dictionaries: the native format of
 * doc/dictionaries.md and the PETRARCH/TABARI formats, as they are.
 *
 * Both come down to the same parts: synonym sets, blocks of verbs that
 * share patterns, and patterns made of words, sets, the verb ('*'), the
 * target ('+') and the source ('$').  A line that does not read is
 * reported as "FILE:LINE: why" and skipped; the rest of the file loads. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "coder/verbs_build.h"

#define MAX_ELEMS 24

typedef struct reader {
    cod_verbs *v;
    const char *name;        /* base name for FILE:LINE */
    size_t line;
    cod_report_fn report;
    void *user;
    uint32_t block;          /* current block, COD_NO_WORD when none */
    uint32_t set;            /* current set (legacy), COD_NO_WORD when none */
    bool last_was_pattern;   /* a verb line after patterns starts a new block */
    bool in_comment;         /* inside <!-- ... --> */
    bool in_time;            /* TABARI <TIME> section: not read */
    int section;             /* native: 0 none, 1 sets, 2 verbs */
    const char *code2;       /* paired code of the verb line being read */
    bool tabari;             /* a TABARI file: verbs without a final '_' are stems */
    bool exact_words;        /* PETRARCH: pattern words match words as written */
} reader;

static void bad(reader *r, const char *fmt, const char *arg)
{
    char msg[512], text[400];
    snprintf(text, sizeof text, fmt, arg);
    snprintf(msg, sizeof msg, "%s:%zu: %s", r->name, r->line, text);
    r->v->n_errors++;
    if (r->report)
        r->report(r->user, msg);
}

static const char *where(reader *r)
{
    char buf[300];
    int n = snprintf(buf, sizeof buf, "%s:%zu", r->name, r->line);
    return cod_build_string(r->v, buf, n > 0 ? (size_t)n : 0);
}

static bool is_code_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '#' || c == '+' || c == '?' || c == '!';
}

/* Reads "[A]" or "[A:B]" at s (after '['); returns false when malformed. */
static bool read_code(reader *r, const char *s, size_t n, const char **code, const char **code2)
{
    const char *colon = memchr(s, ':', n);
    size_t a = colon ? (size_t)(colon - s) : n;
    while (a && s[a - 1] == ' ')
        a--;
    size_t lead = 0;
    while (lead < a && s[lead] == ' ')
        lead++;
    for (size_t i = lead; i < a; i++)
        if (!is_code_char(s[i]) && s[i] != ' ')
            return false;
    /* PETRARCH marks some codes with '!' (a note to coders): the code is the digits */
    while (a > lead && s[a - 1] == '!')
        a--;
    *code = a > lead ? cod_build_string(r->v, s + lead, a - lead) : NULL;
    *code2 = NULL;
    if (colon) {
        const char *b = colon + 1, *e = s + n;
        while (b < e && *b == ' ')
            b++;
        while (e > b && e[-1] == ' ')
            e--;
        for (const char *p = b; p < e; p++)
            if (!is_code_char(*p))
                return false;
        *code2 = e > b ? cod_build_string(r->v, b, (size_t)(e - b)) : NULL;
    }
    return true;
}

static int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = tolower((unsigned char)a[i]), y = tolower((unsigned char)b[i]);
        if (x != y)
            return x - y;
    }
    return 0;
}

/* Whether a pattern word says the verb is negated. */
static bool negating_word(const char *w, size_t n)
{
    static const char *const neg[] = {"not", "never", "n't", "no", "didn't", "won't", "can't"};
    for (size_t i = 0; i < sizeof neg / sizeof *neg; i++)
        if (strlen(neg[i]) == n && ascii_ncasecmp(w, neg[i], n) == 0)
            return true;
    return false;
}

/* Whether a pattern word is a modal auxiliary (the pattern is then about
 * the modal statement: "INDICATED WOULD * NOW"). */
static bool modal_word(const char *w, size_t n)
{
    static const char *const modal[] = {"would", "could", "may", "might", "should", "can",
                                        "must", "ought"};
    for (size_t i = 0; i < sizeof modal / sizeof *modal; i++)
        if (strlen(modal[i]) == n && ascii_ncasecmp(w, modal[i], n) == 0)
            return true;
    return false;
}

/* Parses the elements of a pattern text into `p` (elements in `buf`).
 * Items are split at white space and '_' ('_' joins an item to the one
 * before: they must be adjacent); '(' ')' '{' '}' group in PETRARCH and
 * say nothing more here.  Returns NULL or the reason it cannot be read. */
static const char *parse_elements(reader *r, const char *s, size_t n, cod_pattern *p,
                                  cod_elem *buf)
{
    cod_elem *pre = buf, *post = buf + MAX_ELEMS;
    size_t n_pre = 0, n_post = 0;
    bool seen_verb = false, adjacent = false;
    size_t i = 0;
    p->negative = false;
    p->modal = false;
    p->verb_pre_adj = p->verb_post_adj = false;
    while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '(' || c == ')' || c == '{' || c == '}') {
            i++;
            continue;
        }
        if (c == '_') {
            adjacent = true;
            i++;
            continue;
        }
        if (c == '|')
            return "alternatives ('|') are not supported";
        size_t b = i;
        if (c == '*' || c == '+' || c == '$' || c == '%' || c == '^')
            i++;
        else
            while (i < n && !strchr(" \t(){}_|*%^", s[i]) && !(i > b && (s[i] == '+' || s[i] == '$')))
                i++;
        cod_elem e = {0, adjacent, r->exact_words, 0};
        adjacent = false;
        if (c == '*') {
            if (seen_verb)
                return "two '*' in one pattern";
            seen_verb = true;
            p->verb_pre_adj = e.adjacent && n_pre > 0;
            continue;
        } else if (c == '+') {
            e.kind = COD_EL_TARGET;
        } else if (c == '$') {
            e.kind = COD_EL_SOURCE;
        } else if (c == '%') {
            e.kind = COD_EL_COMPOUND;
        } else if (c == '^') {
            e.kind = COD_EL_SKIP;
        } else if (c == '&') {
            if (i - b < 2)
                return "'&' without a set name";
            e.kind = COD_EL_SET;
            e.id = cod_build_set(r->v, s + b + 1, i - b - 1);
        } else if (i - b > 1 && s[i - 1] == '~') {
            /* TABARI: "REAL~" is a stem, matching "really" */
            e.kind = COD_EL_STEM;
            e.id = cod_build_word(r->v, s + b, i - b - 1);
        } else {
            size_t len = i - b;
            if (negating_word(s + b, len))
                p->negative = true;
            if (modal_word(s + b, len))
                p->modal = true;
            e.kind = COD_EL_WORD;
            e.id = cod_build_word(r->v, s + b, len);
            /* TABARI: a pattern word not closed by '_' is a stem
             * ("YENNYEN" matches "yennyener"), as its verbs are; one
             * closed by '_' is the whole word ("NEW_" is not "news") */
            if (r->tabari && (i >= n || s[i] != '_') && len >= 3)
                e.kind = COD_EL_STEM;
            else if (r->tabari && i < n && s[i] == '_')
                e.exact = 1; /* closed by '_': the whole word as written */
        }
        if (e.id == COD_NO_WORD)
            return "out of memory";
        if (seen_verb) {
            if (n_post == MAX_ELEMS)
                return "too many elements";
            if (n_post == 0 && e.adjacent) {
                /* "*_OUT": joined to the verb itself */
                p->verb_post_adj = true;
                e.adjacent = 0;
            }
            post[n_post++] = e;
        } else {
            if (n_pre == MAX_ELEMS)
                return "too many elements";
            pre[n_pre++] = e;
        }
    }
    if (!seen_verb) {
        /* '*' omitted: it stands first */
        memmove(post, pre, n_pre * sizeof *pre);
        n_post = n_pre;
        n_pre = 0;
    }
    p->pre = pre;
    p->post = post;
    p->n_pre = (uint16_t)n_pre;
    p->n_post = (uint16_t)n_post;
    return NULL;
}

/* Starts a new block for the verb `name` when there is none or patterns
 * came since the last verb line (TABARI lists each verb with its own
 * patterns; PETRARCH puts several verb lines under one header). */
static bool ensure_block(reader *r, const char *name, size_t n, const char *code)
{
    if (r->block != COD_NO_WORD && !r->last_was_pattern)
        return true;
    const char *nm = cod_build_string(r->v, name, n);
    const char *w = where(r);
    if (!nm || !w)
        return false;
    r->block = cod_build_block(r->v, nm, code, w);
    r->last_was_pattern = false;
    if (r->block != COD_NO_WORD && code)
        r->v->blocks[r->block].code2 = r->code2;
    return r->block != COD_NO_WORD;
}

/* The words of a verb written `s` (split at '_' and spaces; '+' marks the
 * verb word of a multi-word verb, else the first is the verb): up to 8 in
 * `parts`, their count in *np and the verb word's index in *vi.  False
 * when it has no word or more than three on a side of the verb. */
static bool split_verb_words(const char *s, size_t n, char parts[8][128], size_t *np, size_t *vi)
{
    bool marked = false;
    *np = *vi = 0;
    for (size_t i = 0; i < n && *np < 8;) {
        while (i < n && (s[i] == '_' || s[i] == ' '))
            i++;
        if (i >= n)
            break;
        bool plus = s[i] == '+';
        if (plus)
            i++;
        size_t b = i;
        while (i < n && s[i] != '_' && s[i] != ' ')
            i++;
        size_t len = i - b < 127 ? i - b : 127;
        if (!len)
            continue;
        memcpy(parts[*np], s + b, len);
        parts[*np][len] = '\0';
        if (plus && !marked) {
            *vi = *np;
            marked = true;
        }
        (*np)++;
    }
    return *np && *vi <= 3 && *np - *vi - 1 <= 3;
}

/* Fills the verb word and the words around it of `verb` from `parts`.
 * Returns false when a word cannot be stored. */
static bool verb_words(reader *r, cod_verb *verb, char parts[8][128], size_t np, size_t vi)
{
    verb->n_pre = verb->n_post = 0;
    for (size_t k = 0; k < vi; k++)
        verb->pre[verb->n_pre++] = cod_build_word(r->v, parts[k], strlen(parts[k]));
    for (size_t k = vi + 1; k < np; k++)
        verb->post[verb->n_post++] = cod_build_word(r->v, parts[k], strlen(parts[k]));
    verb->lemma = cod_build_word(r->v, parts[vi], strlen(parts[vi]));
    return verb->lemma != COD_NO_WORD;
}

/* Adds the verb written as `words` (see split_verb_words) with the other
 * forms listed in `forms`, each written the same way: "+ASKED_FOR" is
 * "asked" with "for" after it, "WIRE_+TAPPED" "tapped" with "wire"
 * before it; a form of one word ("SAID") keeps the verb's other words. */
static void add_verb(reader *r, const char *s, size_t n, const char *forms, size_t n_forms,
                     const char *code)
{
    cod_verb verb;
    memset(&verb, 0, sizeof verb);
    verb.code = code;
    verb.code2 = code ? r->code2 : NULL;
    verb.where = where(r);
    char parts[8][128];
    size_t np, vi;
    /* TABARI: "RESTOR" is a stem, "ACT_" the whole word */
    verb.stem = r->tabari && n && s[n - 1] != '_' && !memchr(s, ' ', n) && !memchr(s, '_', n);
    if (!split_verb_words(s, n, parts, &np, &vi)) {
        bad(r, "%s", np ? "a multi-word verb has at most three words on each side"
                        : "a verb line without a verb");
        return;
    }
    if (!ensure_block(r, parts[vi], strlen(parts[vi]), code))
        return;
    verb.block = r->block;
    if (!verb_words(r, &verb, parts, np, vi) || cod_build_verb(r->v, &verb))
        return;
    if (verb.stem)
        r->v->has_stems = true;
    verb.stem = false; /* listed forms are whole words */
    cod_verb main = verb;
    for (size_t i = 0; i < n_forms;) {
        while (i < n_forms && (forms[i] == ' ' || forms[i] == '\t'))
            i++;
        size_t b = i;
        while (i < n_forms && forms[i] != ' ' && forms[i] != '\t')
            i++;
        if (i == b)
            continue;
        verb = main;
        if (!split_verb_words(forms + b, i - b, parts, &np, &vi)) {
            char form[128];
            snprintf(form, sizeof form, "%.*s", (int)(i - b < 127 ? i - b : 127), forms + b);
            bad(r, "form '%s' has more than three words on a side of its verb", form);
            continue;
        }
        bool ok = np == 1 ? (verb.lemma = cod_build_word(r->v, parts[0], strlen(parts[0]))) !=
                                COD_NO_WORD
                          : verb_words(r, &verb, parts, np, vi);
        if (ok)
            cod_build_verb(r->v, &verb);
    }
}

/* The patterns of `text`: with TABARI's (and PETRARCH's) alternatives
 * "{ A | B }", one pattern for each choice ("* FOR { SANCTIONS | BOYCOTT }"
 * is "* FOR SANCTIONS" and "* FOR BOYCOTT"), all with the code and line
 * of `p`; '_' around a group joins each choice as it would the group.
 * Returns NULL or why the pattern cannot be read. */
static const char *legacy_alternatives(reader *r, const char *text, const cod_pattern *p,
                                       unsigned *made)
{
    const char *open = strchr(text, '{');
    const char *close = open ? strchr(open, '}') : NULL;
    const char *bar = open && close ? memchr(open, '|', (size_t)(close - open)) : NULL;
    if (!bar) {
        cod_pattern q = *p;
        cod_elem buf[2 * MAX_ELEMS];
        const char *why = parse_elements(r, text, strlen(text), &q, buf);
        if (why)
            return why;
        if (++*made > 64)
            return "more than 64 patterns from '{ | }' alternatives";
        cod_build_pattern(r->v, r->block, &q);
        return NULL;
    }
    for (const char *a = open + 1; a < close;) {
        const char *b = memchr(a, '|', (size_t)(close - a));
        if (!b)
            b = close;
        char next[1024];
        size_t pre = (size_t)(open - text), alt = (size_t)(b - a), post = strlen(close + 1);
        if (pre + alt + post + 3 >= sizeof next)
            return "a pattern longer than 1023 bytes";
        memcpy(next, text, pre);
        next[pre] = ' ';
        memcpy(next + pre + 1, a, alt);
        next[pre + 1 + alt] = ' ';
        memcpy(next + pre + 2 + alt, close + 1, post + 1);
        const char *why = legacy_alternatives(r, next, p, made);
        if (why)
            return why;
        a = b + 1;
    }
    return NULL;
}

/* A pattern line: "- ELEMENTS [CODE] # comment" (legacy). */
static void legacy_pattern(reader *r, const char *s, size_t n)
{
    if (r->block == COD_NO_WORD) {
        bad(r, "%s", "a pattern before any verb");
        return;
    }
    const char *open = NULL, *close = NULL;
    for (size_t i = n; i-- > 0;)
        if (s[i] == ']' && !close)
            close = s + i;
        else if (s[i] == '[' && close && !open)
            open = s + i;
    if (!open) {
        bad(r, "%s", "a pattern without a [CODE]");
        return;
    }
    cod_pattern p;
    memset(&p, 0, sizeof p);
    if (!read_code(r, open + 1, (size_t)(close - open - 1), &p.code, &p.code2)) {
        bad(r, "%s", "a malformed [CODE]");
        return;
    }
    if (p.code && strcmp(p.code, "+++") == 0) {
        /* TABARI's complex events, which PETRARCH does not implement: the
         * other patterns of the verb apply */
        bad(r, "%s", "a complex event [+++] is not supported; pattern skipped");
        return;
    }
    p.where = where(r);
    if (!p.code)
        p.code = p.code2 ? NULL : "---";
    char text[1024];
    size_t tl = (size_t)(open - s - 1);
    if (tl >= sizeof text) {
        bad(r, "%s", "a pattern longer than 1023 bytes");
        return;
    }
    memcpy(text, s + 1, tl);
    text[tl] = '\0';
    unsigned made = 0;
    const char *why = legacy_alternatives(r, text, &p, &made);
    if (why) {
        bad(r, "%s", why);
        return;
    }
    r->last_was_pattern = true;
}

/* Adds to the current set the members of the phrase items[at..n): words,
 * and sets (their members so far, each in turn) marked by set + 1 in
 * `is_set`; words[0..k) are the words chosen before `at`. */
static void member_phrase(reader *r, const uint32_t *items, const uint32_t *is_set, uint32_t n,
                          uint32_t at, uint32_t *words, uint32_t k, unsigned *made)
{
    for (; at < n && !is_set[at] && k < 16; at++)
        words[k++] = items[at];
    if (at == n || k == 16) {
        if (k && ++*made <= 256)
            cod_build_set_member(r->v, r->set, words, k);
        return;
    }
    if (*made > 256)
        return;
    const cod_set *set = &r->v->sets[is_set[at] - 1];
    for (uint32_t m = 0; m < set->n_members && *made <= 256; m++) {
        uint32_t a = set->starts[m], b = set->starts[m + 1], j = k;
        for (uint32_t w = a; w < b && j < 16; w++)
            words[j++] = set->words[w];
        member_phrase(r, items, is_set, n, at + 1, words, j, made);
    }
}

/* A set member line "+WORDS" or "+&SET"; a set may stand inside the
 * phrase ("+&TIETYPES_MEMOS", "+MEMOS_ON_&TIETYPES" in TABARI's files):
 * the phrase with each member of that set, as the set holds them when the
 * line is read. */
static void legacy_member(reader *r, const char *s, size_t n)
{
    if (n && s[0] == '&' && !memchr(s, '_', n) && !memchr(s, ' ', n)) {
        uint32_t other = cod_build_set(r->v, s + 1, n - 1);
        if (other != COD_NO_WORD)
            cod_build_set_ref(r->v, r->set, other);
        return;
    }
    uint32_t words[16], is_set[16] = {0};
    uint32_t k = 0;
    bool sets = false;
    for (size_t i = 0; i < n && k < 16;) {
        while (i < n && (s[i] == '_' || s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t b = i;
        while (i < n && s[i] != '_' && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i > b + 1 && s[b] == '&') {
            uint32_t other = cod_build_set(r->v, s + b + 1, i - b - 1);
            if (other == COD_NO_WORD || other == r->set || !r->v->sets[other].n_members) {
                bad(r, "%s", "a set inside a member phrase must be defined, with members, before");
                return;
            }
            is_set[k] = other + 1;
            words[k++] = COD_NO_WORD;
            sets = true;
            continue;
        }
        if (i > b && !(i - b == 1 && s[b] == '$')) {
            /* "DIDN'T" is the words "did" "n't" once tokenised */
            size_t len = i - b;
            if (len > 3 && ascii_ncasecmp(s + i - 3, "n't", 3) == 0 && k + 1 < 16) {
                words[k++] = cod_build_word(r->v, s + b, len - 3);
                words[k++] = cod_build_word(r->v, "n't", 3);
            } else {
                words[k++] = cod_build_word(r->v, s + b, len);
            }
        }
    }
    if (sets) {
        uint32_t chosen[16];
        unsigned made = 0;
        member_phrase(r, words, is_set, k, 0, chosen, 0, &made);
        if (made > 256)
            bad(r, "%s", "a member phrase makes more than 256 members; the rest are left out");
    } else if (k) {
        cod_build_set_member(r->v, r->set, words, k);
    }
}

/* Strips comments of a legacy line: '#' and (TABARI) ';' outside brackets. */
static size_t legacy_strip(const char *s, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']')
            depth--;
        else if (depth <= 0 && (s[i] == '#' || s[i] == ';'))
            return i;
    }
    return n;
}

static void legacy_line(reader *r, const char *s, size_t n)
{
    /* <!-- ... --> comments, possibly over several lines */
    char tmp[2048];
    size_t m = 0;
    for (size_t i = 0; i < n && m < sizeof tmp - 1;) {
        if (r->in_comment) {
            const char *e = NULL;
            for (size_t k = i; k + 2 < n + 0 && !e; k++)
                if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>')
                    e = s + k;
            if (!e)
                return;
            i = (size_t)(e - s) + 3;
            r->in_comment = false;
            continue;
        }
        if (i + 3 < n && memcmp(s + i, "<!--", 4) == 0) {
            r->in_comment = true;
            i += 4;
            continue;
        }
        tmp[m++] = s[i++];
    }
    n = legacy_strip(tmp, m);
    s = tmp;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    size_t lead = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
        lead++;
    s += lead;
    n -= lead;
    if (!n)
        return;
    if (s[0] == '<') {
        if (n >= 6 && memcmp(s, "<TIME>", 6) == 0)
            r->in_time = true;
        else if (n >= 7 && memcmp(s, "</TIME>", 7) == 0)
            r->in_time = false;
        return; /* <SYNSETS>, </SYNSETS> and other section marks */
    }
    if (r->in_time)
        return;
    if (n >= 3 && memcmp(s, "---", 3) == 0) {
        /* --- NAME [CODE] --- */
        const char *b = s + 3, *e = s + n;
        while (e > b && (e[-1] == '-' || e[-1] == ' '))
            e--;
        while (b < e && *b == ' ')
            b++;
        const char *open = memchr(b, '[', (size_t)(e - b));
        const char *close = open ? memchr(open, ']', (size_t)(e - open)) : NULL;
        const char *code = NULL, *code2 = NULL;
        if (open && (!close || !read_code(r, open + 1, (size_t)(close - open - 1), &code, &code2))) {
            bad(r, "%s", "a malformed block header");
            return;
        }
        const char *ne = open ? open : e;
        while (ne > b && ne[-1] == ' ')
            ne--;
        r->set = COD_NO_WORD;
        r->block = COD_NO_WORD;
        r->last_was_pattern = false;
        /* "[+++]" (TABARI's complex events) is no code, as "[---]" */
        if (ensure_block(r, b, (size_t)(ne - b),
                         code && strcmp(code, "---") && strcmp(code, "+++") ? code : NULL))
            r->v->blocks[r->block].code2 = code2;
        return;
    }
    if (s[0] == '&') {
        size_t e = 1;
        while (e < n && s[e] != ' ' && s[e] != '\t')
            e++;
        r->set = cod_build_set(r->v, s + 1, e - 1);
        if (r->set != COD_NO_WORD)
            r->v->sets[r->set].defined = true;
        return;
    }
    if (s[0] == '+' && r->set != COD_NO_WORD) {
        legacy_member(r, s + 1, n - 1);
        return;
    }
    r->set = COD_NO_WORD;
    if (s[0] == '~') {
        bad(r, "%s", "PETRARCH transformation rules ('~') are not supported; skipped");
        return;
    }
    if (s[0] == '-') {
        legacy_pattern(r, s, n);
        return;
    }
    if (s[0] == '{')
        return; /* TABARI's word lists after a verb line: not needed to find the verb */
    /* a verb line: WORDS {FORMS} [CODE] */
    const char *brace = memchr(s, '{', n), *open = memchr(s, '[', n);
    size_t we = n;
    if (brace && (size_t)(brace - s) < we)
        we = (size_t)(brace - s);
    if (open && (size_t)(open - s) < we)
        we = (size_t)(open - s);
    const char *forms = NULL;
    size_t n_forms = 0;
    if (brace) {
        const char *cb = memchr(brace, '}', n - (size_t)(brace - s));
        if (!cb) {
            bad(r, "%s", "a '{' without '}'");
            return;
        }
        forms = brace + 1;
        n_forms = (size_t)(cb - brace - 1);
    }
    const char *code = NULL, *code2 = NULL;
    if (open) {
        const char *close = memchr(open, ']', n - (size_t)(open - s));
        if (!close || !read_code(r, open + 1, (size_t)(close - open - 1), &code, &code2)) {
            bad(r, "%s", "a malformed [CODE]");
            return;
        }
        if (code && (strcmp(code, "---") == 0 || strcmp(code, "+++") == 0))
            code = NULL;
    }
    while (we && s[we - 1] == ' ')
        we--;
    r->code2 = code2;
    for (size_t i = 0; i < we; i++)
        if (!(isalnum((unsigned char)s[i]) || strchr("_+'-. &", s[i]) || (unsigned char)s[i] >= 0x80)) {
            bad(r, "%s", "a verb line with unexpected characters");
            return;
        }
    add_verb(r, s, we, forms, n_forms, code);
}

int cod_read_legacy(cod_verbs *v, const char *name, const char *data, size_t size,
                    cod_report_fn report, void *user)
{
    reader r = {.v = v, .name = name, .report = report, .user = user,
                .block = COD_NO_WORD, .set = COD_NO_WORD};
    /* doc/dictionaries.md: a bracketed file whose name ends in .txt is PETRARCH's */
    size_t nl_ = strlen(name);
    r.tabari = !(nl_ >= 4 && strcmp(name + nl_ - 4, ".txt") == 0);
    r.exact_words = !r.tabari;
    for (size_t i = 0; i < size;) {
        const char *nl = memchr(data + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - data) : size;
        r.line++;
        legacy_line(&r, data + i, e - i);
        i = e + 1;
    }
    return 0;
}

/* Copies a native pattern without its "{...}" suffixes ("sanction{s}")
 * and its "; comment". */
static size_t native_clean(const char *s, size_t n, char *out, size_t cap)
{
    size_t m = 0;
    int depth = 0;
    for (size_t i = 0; i < n && m + 1 < cap; i++) {
        if (s[i] == ';' || s[i] == '#')
            break;
        if (s[i] == '{')
            depth++;
        else if (s[i] == '}')
            depth--;
        else if (depth <= 0)
            out[m++] = s[i];
    }
    out[m] = '\0';
    return m;
}

static bool native_code_ok(const char *s, size_t n)
{
    if (n == 3 && memcmp(s, "---", 3) == 0)
        return true;
    if (n < 2 || n > 4)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* One ';'-separated item of a native line, cleaned by native_clean into
 * buf[cap]: returns its end in buf, and in *start where it begins once
 * the spaces around it are left out (*start == end: an empty item). */
static size_t native_item(const char *s, size_t n, char *buf, size_t cap, size_t *start)
{
    size_t m = native_clean(s, n, buf, cap);
    size_t b = 0;
    while (b < m && buf[b] == ' ')
        b++;
    while (m > b && buf[m - 1] == ' ')
        m--;
    *start = b;
    return m;
}

static void native_set(reader *r, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    if (s[0] != '&' || !eq) {
        bad(r, "%s", "a set line is '&NAME = word; word'");
        return;
    }
    const char *ne = eq;
    bool extend = ne > s && ne[-1] == '+';
    if (extend)
        ne--;
    while (ne > s + 1 && ne[-1] == ' ')
        ne--;
    uint32_t set = cod_build_set(r->v, s + 1, (size_t)(ne - s - 1));
    if (set == COD_NO_WORD)
        return;
    if (r->v->sets[set].defined && !extend) {
        bad(r, "set '&%s' is defined twice (extend it with '+=')", r->v->sets[set].name);
        return;
    }
    r->v->sets[set].defined = true;
    r->set = set;
    const char *p = eq + 1, *end = s + n;
    while (p < end) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *me = semi ? semi : end;
        char buf[512];
        size_t b, m = native_item(p, (size_t)(me - p), buf, sizeof buf, &b);
        if (m > b)
            legacy_member(r, buf + b, m - b);
        p = me + 1;
    }
    r->set = COD_NO_WORD;
}

static void native_verbs(reader *r, const char *s, size_t n)
{
    r->last_was_pattern = true; /* every verb line starts its own block */
    r->block = COD_NO_WORD;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *me = semi ? semi : end;
        char buf[512];
        size_t b, m = native_item(p, (size_t)(me - p), buf, sizeof buf, &b);
        if (m > b) {
            add_verb(r, buf + b, m - b, NULL, 0, NULL);
            r->last_was_pattern = false;
        }
        p = me + 1;
    }
}

static void native_pattern(reader *r, const char *s, size_t n)
{
    if (r->block == COD_NO_WORD) {
        bad(r, "%s", "a pattern before any verb line");
        return;
    }
    size_t c = 0;
    while (c < n && s[c] != ' ' && s[c] != '\t')
        c++;
    if (!native_code_ok(s, c)) {
        bad(r, "%s", "a pattern starts with a CAMEO code (two to four digits, or ---)");
        return;
    }
    char buf[1024];
    size_t m = native_clean(s + c, n - c, buf, sizeof buf);
    cod_pattern p;
    memset(&p, 0, sizeof p);
    p.code = cod_build_string(r->v, s, c);
    cod_elem el[2 * MAX_ELEMS];
    const char *why = parse_elements(r, buf, m, &p, el);
    if (why) {
        bad(r, "%s", why);
        return;
    }
    /* a word written just before '*' in the native format is the verb's
     * auxiliary or adverb and stands right before it ("will * +" is "will
     * visit", not "will soon visit" nor a "will" in another clause), as
     * PETRARCH writes WILL_* */
    if (p.n_pre && p.pre[p.n_pre - 1].kind == COD_EL_WORD)
        p.verb_pre_adj = true;
    p.where = where(r);
    cod_build_pattern(r->v, r->block, &p);
}

int cod_read_native(cod_verbs *v, const char *name, const char *data, size_t size,
                    cod_report_fn report, void *user)
{
    reader r = {.v = v, .name = name, .report = report, .user = user,
                .block = COD_NO_WORD, .set = COD_NO_WORD};
    uint32_t first_block = v->n_blocks;
    for (size_t i = 0; i < size;) {
        const char *nl = memchr(data + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - data) : size;
        const char *s = data + i;
        size_t n = e - i;
        i = e + 1;
        r.line++;
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        size_t lead = 0;
        while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
            lead++;
        if (lead == n || s[lead] == '#')
            continue;
        if (lead == 0 && s[0] == '[') {
            if (n == 6 && memcmp(s, "[sets]", 6) == 0)
                r.section = 1;
            else if (n == 7 && memcmp(s, "[verbs]", 7) == 0)
                r.section = 2;
            else
                bad(&r, "%s", "unknown section (the sections are [sets] and [verbs])");
            continue;
        }
        if (s[lead] == '&') {
            native_set(&r, s + lead, n - lead);
            continue;
        }
        if (r.section != 2) {
            bad(&r, "%s", "a line outside [verbs]");
            continue;
        }
        if (lead == 0)
            native_verbs(&r, s, n);
        else
            native_pattern(&r, s + lead, n - lead);
    }
    /* the coder applies this format's conventions to these blocks only */
    for (uint32_t k = first_block; k < v->n_blocks; k++)
        v->blocks[k].native = true;
    return 0;
}

/* A native file says so in its first line or has a [verbs]/[sets] line. */
static bool is_native(const char *data, size_t size)
{
    size_t i = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    if (size - i >= 8 && memcmp(data + i, "# annals", 8) == 0)
        return true;
    for (; i < size;) {
        const char *nl = memchr(data + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - data) : size;
        size_t n = e - i;
        if ((n >= 7 && memcmp(data + i, "[verbs]", 7) == 0) ||
            (n >= 6 && memcmp(data + i, "[sets]", 6) == 0))
            return true;
        i = e + 1;
    }
    return false;
}

int cod_verbs_load_mem(cod_verbs *v, const char *name, const char *data, size_t size,
                       cod_report_fn report, void *user)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    return is_native(data, size) ? cod_read_native(v, base, data, size, report, user)
                                 : cod_read_legacy(v, base, data, size, report, user);
}

int cod_discards_load_mem(cod_verbs *v, const char *name, const char *data, size_t size,
                          cod_report_fn report, void *user)
{
    const char *base = strrchr(name, '/');
    reader r = {.v = v, .name = base ? base + 1 : name, .report = report, .user = user,
                .block = COD_NO_WORD, .set = COD_NO_WORD};
    for (size_t i = 0; i < size;) {
        const char *nl = memchr(data + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - data) : size;
        const char *s = data + i;
        size_t n = legacy_strip(s, e - i);
        i = e + 1;
        r.line++;
        while (n && strchr(" \t\r", s[n - 1]))
            n--;
        while (n && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        if (!n)
            continue;
        cod_discard d;
        memset(&d, 0, sizeof d);
        if (*s == '+') {
            d.story = true;
            s++;
            n--;
        }
        for (size_t k = 0; k < n;) {
            while (k < n && (s[k] == ' ' || s[k] == '_' || s[k] == '\t'))
                k++;
            size_t b = k;
            while (k < n && s[k] != ' ' && s[k] != '_' && s[k] != '\t')
                k++;
            if (k == b)
                continue;
            if (d.n == 8) {
                bad(&r, "%s", "a discard phrase has at most eight words");
                d.n = 0;
                break;
            }
            d.words[d.n++] = cod_build_word(v, s + b, k - b);
        }
        if (!d.n)
            continue;
        d.where = where(&r);
        if (v->n_discards == v->cap_discards) {
            uint32_t nc = v->cap_discards ? v->cap_discards * 2 : 64;
            cod_discard *q = realloc(v->discards, nc * sizeof *q);
            if (!q)
                return ANNALS_E_NOMEM;
            v->discards = q;
            v->cap_discards = nc;
        }
        v->discards[v->n_discards++] = d;
    }
    return 0;
}

/* Reads the whole file into a malloc'd buffer. */
static int slurp(const char *path, char **out, size_t *size, cod_report_fn report, void *user);

int cod_discards_load_file(cod_verbs *v, const char *path, cod_report_fn report, void *user)
{
    char *data;
    size_t n;
    int rc = slurp(path, &data, &n, report, user);
    if (rc)
        return rc;
    rc = cod_discards_load_mem(v, path, data, n, report, user);
    free(data);
    return rc;
}

int cod_verbs_load_file(cod_verbs *v, const char *path, cod_report_fn report, void *user)
{
    char *data;
    size_t n;
    int rc = slurp(path, &data, &n, report, user);
    if (rc)
        return rc;
    rc = cod_verbs_load_mem(v, path, data, n, report, user);
    free(data);
    return rc;
}

static int slurp(const char *path, char **out, size_t *size, cod_report_fn report, void *user)
{
    FILE *f = fopen(path, "rb");
    char msg[600];
    if (!f) {
        snprintf(msg, sizeof msg, "%s: cannot open: %s", path, strerror(errno));
        if (report)
            report(user, msg);
        return ANNALS_E_IO;
    }
    char *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 > cap) {
            cap = cap ? cap * 2 : 262144;
            char *q = realloc(data, cap);
            if (!q) {
                free(data);
                fclose(f);
                return ANNALS_E_NOMEM;
            }
            data = q;
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(data);
        snprintf(msg, sizeof msg, "%s: read error", path);
        if (report)
            report(user, msg);
        return ANNALS_E_IO;
    }
    *out = data;
    *size = n;
    return 0;
}
