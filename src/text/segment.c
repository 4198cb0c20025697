/* segment.c — sentences and words as UD English (EWT) has them.
 *
 * Three steps over one stretch of text:
 *   1. scan: one pass over the bytes cuts tokens (white-space separated
 *      pieces split further at punctuation), deciding on the spot what
 *      keeps a token together: the dots of "U.S." and "1,000.50", the
 *      apostrophe of "don't", the hyphen of "co-wrote" (EWT splits most
 *      hyphens but not after prefixes such as co-, non-, pre-), URLs and
 *      e-mail addresses;
 *   2. sentences: a full stop, question or exclamation mark, an ellipsis or
 *      an abbreviation that may end a sentence, with the closing quotes
 *      and brackets after it, ends a sentence when what follows does not
 *      begin in lower case; a blank line always does, a line break does
 *      after a short line without final punctuation (a headline);
 *   3. words: clitics become words of a multiword token ("Google's" →
 *      Google + 's, "don't" → do + n't, "cannot" → can + not).
 * Tokens go into one malloc'd vector per call; words and strings into the
 * arena, so nothing is allocated per token. */
#include "text/segment.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/utf8.h"

/* A sentence longer than this is cut: no treebank has one, and junk input
 * must not make one sentence of a megabyte. */
#define SEG_MAX_SENTENCE_TOKENS 400
/* A line shorter than this that ends without punctuation before a line
 * break is taken for a headline or a list item: a sentence of its own. */
#define SEG_HEADLINE_MAX 80

void text_sentences_free(text_sentences *s)
{
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

annals_sentence *text_sentences_push(text_sentences *s)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        annals_sentence *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return NULL;
        s->v = v;
        s->cap = cap;
    }
    annals_sentence *r = &s->v[s->n++];
    *r = (annals_sentence){0};
    return r;
}

/* ---- characters ------------------------------------------------------ */

enum { SEG_C_SPACE, SEG_C_LETTER, SEG_C_DIGIT, SEG_C_MARK, SEG_C_OTHER };

typedef struct seg_char {
    uint32_t cp;
    size_t len;              /* bytes */
    int cls;
    bool upper, lower;
} seg_char;

/* The character at i (i < end); past the end, a space. */
static seg_char seg_at(const char *t, size_t end, size_t i)
{
    seg_char c = {' ', 1, SEG_C_SPACE, false, false};
    if (i >= end)
        return c;
    unsigned char b = (unsigned char)t[i];
    if (b < 0x80) {
        c.cp = b;
        c.len = 1;
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
            c.cls = SEG_C_LETTER;
            c.upper = b <= 'Z';
            c.lower = !c.upper;
        } else if (b >= '0' && b <= '9') {
            c.cls = SEG_C_DIGIT;
        } else if (b <= ' ' || b == 0x7f) {
            c.cls = SEG_C_SPACE;
        } else {
            c.cls = SEG_C_OTHER;
        }
        return c;
    }
    bool invalid = false;
    c.len = text_utf8_next(t, end, i, &c.cp, &invalid);
    if (invalid) {
        c.cls = SEG_C_OTHER;
        return c;
    }
    switch (utf8proc_category((utf8proc_int32_t)c.cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        c.cls = SEG_C_LETTER;
        c.upper = true;
        break;
    case UTF8PROC_CATEGORY_LL:
        c.cls = SEG_C_LETTER;
        c.lower = true;
        break;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        c.cls = SEG_C_LETTER;
        break;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF: /* soft hyphen, zero-width joiner: inside words */
        c.cls = SEG_C_MARK;
        break;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        c.cls = SEG_C_DIGIT;
        break;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        c.cls = SEG_C_SPACE;
        break;
    default:
        c.cls = SEG_C_OTHER;
        break;
    }
    return c;
}

static bool seg_alnum(const seg_char *c)
{
    return c->cls == SEG_C_LETTER || c->cls == SEG_C_DIGIT || c->cls == SEG_C_MARK;
}

static bool seg_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == '`';
}

static bool seg_opening(uint32_t cp)
{
    return cp == '(' || cp == '[' || cp == '{' || cp == 0x201C || cp == 0x2018 || cp == 0xAB ||
           cp == 0x201E;
}

static bool seg_closing(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}

static char seg_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether t[s..e) equals `w` ignoring ASCII case. */
static bool seg_ieq(const char *t, size_t s, size_t e, const char *w)
{
    size_t n = strlen(w);
    if (e - s != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (seg_lower(t[s + i]) != w[i])
            return false;
    return true;
}

static bool seg_in_list(const char *t, size_t s, size_t e, const char *const *list)
{
    for (; *list; list++)
        if (seg_ieq(t, s, e, *list))
            return true;
    return false;
}

/* As seg_in_list, with the case as written. */
static bool seg_in_list_exact(const char *t, size_t s, size_t e, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == e - s && !memcmp(t + s, *list, e - s))
            return true;
    return false;
}

/* ---- word lists ------------------------------------------------------ */

/* Abbreviations that stand before a name or a number and so never end a
 * sentence ("Mr. Smith", "Gen. Lee", "Jan. 12").  Matched with their case:
 * "ill." or "miss." in lower case are words, not states. */
static const char *const seg_title_abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm",
    "Maj", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Fr", "St", "Mt", "Ft",
    "vs", "Vs", "v", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "ca", "approx", "fig", "Fig", "vol", "Vol", "pp", "cf",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
    "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Ph", NULL};

/* Abbreviations that keep their full stop but may end a sentence. */
static const char *const seg_other_abbrevs[] = {
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros", "etc", "al", "Dept", "dept", "Assn",
    "Univ", "Govt", "Esq", "Plc", "PLC", "e.g", "i.e", "E.g", "I.e", "ext", "Ext", NULL};

/* Words that open sentences far more often than they continue a name.
 * After an initialism ("U.S.", "U.N.") the sentence ends only before one
 * of these: "in the U.S. The talks ..." ends, "the U.N. Security Council"
 * and "the U.S. President" do not.  A name cut in two loses its actor,
 * two sentences read as one rarely lose an event, so the list is short. */
static const char *const seg_sentence_openers[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "There", "Here", "In", "On", "At", "For", "From", "But", "And", "Or", "So",
    "Yet", "As", "If", "When", "While", "After", "Before", "Since", "Although", "Its",
    "His", "Her", "Their", "Our", "My", "Some", "Many", "Most", "What", "Who", "How",
    "Why", "Where", "However", "Meanwhile", "Also", "Both", "Each", "Such", "Other", NULL};

/* Abbreviations only before a number ("No. 5"). */
static const char *const seg_number_abbrevs[] = {"No", "Nos", "no", "Nr", "Art", NULL};

/* Prefixes whose hyphen EWT keeps inside the word ("co-wrote"). */
static const char *const seg_hyphen_prefixes[] = {
    "non", "anti", "re", "mid", "pre", "e", "post", "over", "pro", "multi", "co", "sub",
    "ex", "semi", "neo", "cross", "vice", "un", "socio", "psycho", "micro", "intra",
    "inter", "counter", "arch", "extra", "wi", "ultra", "pan", "trans", "quasi", NULL};

/* Words EWT writes as two words without an apostrophe, with the length of
 * the first: "cannot" → can + not, "gonna" → gon + na. */
typedef struct seg_fused {
    const char *word;
    size_t first;
} seg_fused;

static const seg_fused seg_fused_words[] = {
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"outta", 3},
    {"dont", 2}, {"didnt", 3}, {"doesnt", 4}, {"cant", 2}, {"wont", 2}, {"isnt", 2},
    {"wasnt", 3}, {"arent", 3}, {"werent", 4}, {"couldnt", 5}, {"wouldnt", 5},
    {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3}, {"hadnt", 3}, {"aint", 2},
    {"im", 1}, {"ive", 1}, {"youre", 3}, {"theyre", 4}, {"thats", 4}, {"whats", 4},
    {"itll", 2}, {"youll", 3}, {NULL, 0}};

/* ---- step 1: tokens -------------------------------------------------- */

enum {
    SEG_T_WORD = 0x001,      /* letters or digits (clitics may split it) */
    SEG_T_TERM = 0x002,      /* . ! ? ... … */
    SEG_T_ABBR = 0x004,      /* an abbreviation with its full stop */
    SEG_T_TITLE = 0x008,     /* ... one that never ends a sentence */
    SEG_T_NL = 0x010,        /* a line break precedes it */
    SEG_T_PARA = 0x020,      /* a blank line precedes it */
    SEG_T_SPACE = 0x040,     /* white space precedes it */
    SEG_T_UPPER = 0x080,     /* begins with an upper-case letter */
    SEG_T_LOWER = 0x100,     /* begins with a lower-case letter */
    SEG_T_OPEN = 0x200,      /* opening quote or bracket */
    SEG_T_CLOSE = 0x400,     /* closing quote or bracket */
    SEG_T_DQUOTE = 0x800,    /* a straight double quote */
    SEG_T_DIGIT = 0x1000,    /* begins with a digit */
    SEG_T_SQUOTE = 0x2000,   /* a straight single quote */
    SEG_T_COMMA = 0x4000     /* , ; : (a sentence goes on after these) */
};

typedef struct seg_tok {
    size_t start, end;
    unsigned flags;
} seg_tok;

typedef struct seg_toks {
    seg_tok *v;
    size_t n, cap;
} seg_toks;

static bool seg_push(seg_toks *ts, size_t s, size_t e, unsigned flags)
{
    if (ts->n == ts->cap) {
        size_t cap = ts->cap ? ts->cap * 2 : 256;
        seg_tok *v = realloc(ts->v, cap * sizeof *v);
        if (!v)
            return false;
        ts->v = v;
        ts->cap = cap;
    }
    ts->v[ts->n++] = (seg_tok){s, e, flags};
    return true;
}

static bool seg_starts_url(const char *t, size_t i, size_t end)
{
    static const char *const heads[] = {"http://", "https://", "ftp://", "www.", NULL};
    for (const char *const *h = heads; *h; h++) {
        size_t n = strlen(*h);
        if (end - i > n && seg_ieq(t, i, i + n, *h))
            return true;
    }
    return false;
}

/* End of a URL starting at i: up to white space, without the punctuation
 * that closes the sentence or a bracket around it. */
static size_t seg_scan_url(const char *t, size_t i, size_t end)
{
    size_t j = i;
    bool paren = false;
    while (j < end) {
        seg_char c = seg_at(t, end, j);
        if (c.cls == SEG_C_SPACE || c.cp == '"' || c.cp == 0x201D || c.cp == '<' || c.cp == '>')
            break;
        paren |= c.cp == '(';
        j += c.len;
    }
    while (j > i + 4) {
        char c = t[j - 1];
        if (strchr(".,;:!?'\"]}", c) || (c == ')' && !paren))
            j--;
        else
            break;
    }
    return j;
}

/* Digits-and-hyphens that EWT keeps whole: telephone numbers. Returns the
 * end of the number, or i when the digits at i are not one. */
static size_t seg_scan_phone(const char *t, size_t i, size_t end)
{
    size_t groups = 0, j = i, len[8] = {0};
    for (;;) {
        size_t s = j;
        while (j < end && t[j] >= '0' && t[j] <= '9')
            j++;
        if (j == s)
            return i;
        if (groups < 8)
            len[groups] = j - s;
        groups++;
        if (j + 1 < end && t[j] == '-' && t[j + 1] >= '0' && t[j + 1] <= '9')
            j++;
        else
            break;
    }
    if (j < end && (t[j] == '-' || (unsigned char)t[j] >= 0x80 ||
                    (t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z')))
        return i;
    if (groups >= 3 || (groups == 2 && len[0] <= 3 && len[1] == 4))
        return j;
    return i;
}

/* Is t[s..e) letters and dots with one or two letters between the dots:
 * an initialism such as "U.S", "e.g", "G.D.P" (its last dot not yet in)? */
static bool seg_initialism(const char *t, size_t s, size_t e)
{
    size_t run = 0, dots = 0;
    for (size_t i = s; i < e; i++) {
        char c = t[i];
        if (c == '.') {
            if (run == 0 || run > 2)
                return false;
            dots++;
            run = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            run++;
        } else {
            return false;
        }
    }
    return dots > 0 && run > 0 && run <= 2;
}

/* Whether the word at t[k..end) is one of seg_sentence_openers. */
static bool seg_opens_sentence(const char *t, size_t k, size_t end)
{
    size_t e = k;
    while (e < end && ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= 'A' && t[e] <= 'Z')))
        e++;
    return seg_in_list_exact(t, k, e, seg_sentence_openers);
}

/* A word: letters and digits with what EWT keeps inside them.  Returns
 * its end; sets abbreviation flags in *flags. */
static size_t seg_scan_word(const char *t, size_t i, size_t end, bool open_squote,
                            unsigned *flags)
{
    size_t j = i, seg = i; /* seg: start of the current hyphen segment */
    bool digits_only = true, has_at = false;
    for (;;) {
        seg_char c = seg_at(t, end, j);
        if (seg_alnum(&c)) {
            digits_only &= c.cls == SEG_C_DIGIT;
            j += c.len;
            continue;
        }
        if (j == i)
            break;
        seg_char p = seg_at(t, end, j - 1); /* ASCII-safe: only tested for ASCII */
        seg_char n = seg_at(t, end, j + c.len);
        bool prev_digit = t[j - 1] >= '0' && t[j - 1] <= '9';
        bool next_digit = n.cls == SEG_C_DIGIT;
        if (seg_apostrophe(c.cp) && n.cls == SEG_C_LETTER) {
            j += c.len;
            continue;
        }
        if (c.cp == '.' && seg_alnum(&n) && (p.cls != SEG_C_SPACE)) {
            j += c.len;
            continue;
        }
        if ((c.cp == ',' || c.cp == ':' || c.cp == '/') && prev_digit && next_digit) {
            j += c.len;
            continue;
        }
        if (c.cp == '_' && seg_alnum(&n)) {
            j += c.len;
            continue;
        }
        /* "franz371...@gmail.com": an address masked by a mailing list. */
        if (c.cp == '.' && end - j > 4 && !memcmp(t + j, "...@", 4) &&
            seg_at(t, end, j + 4).cls != SEG_C_SPACE && !has_at) {
            j += 4;
            has_at = true;
            continue;
        }
        if (c.cp == '&' && p.upper && n.upper) {
            j += c.len;
            continue;
        }
        if (c.cp == '@' && seg_alnum(&n) && !has_at) {
            has_at = true;
            j += c.len;
            continue;
        }
        if (c.cp == '-' && seg_alnum(&n)) {
            if (digits_only && seg == i) {
                size_t e = seg_scan_phone(t, i, end);
                if (e > j) {
                    j = e;
                    continue;
                }
            }
            if (seg_in_list(t, seg, j, seg_hyphen_prefixes)) {
                j += c.len;
                seg = j;
                continue;
            }
            break;
        }
        if (c.cp == '$' && j - i <= 2 && p.upper) {
            j += c.len; /* US$, C$, HK$ */
            break;
        }
        /* "parents'": the possessive apostrophe after a plural. */
        if (seg_apostrophe(c.cp) && c.cp != '`' && !open_squote && (t[j - 1] == 's' || t[j - 1] == 'S') &&
            j - i > 1 && n.cls != SEG_C_LETTER && n.cls != SEG_C_DIGIT) {
            j += c.len;
            break;
        }
        break;
    }
    /* The full stop of an abbreviation, an initialism or an initial; one
     * of two when the sentence's own stop follows ("Inc.."). */
    if (j < end && t[j] == '.' && !(j + 2 < end && t[j + 1] == '.' && t[j + 2] == '.')) {
        bool single_upper = j - i == 1 && t[i] >= 'A' && t[i] <= 'Z';
        size_t k = j + 1;
        while (k < end && (t[k] == ' ' || t[k] == '\t'))
            k++;
        bool before_number = k > j + 1 && k < end && t[k] >= '0' && t[k] <= '9';
        bool before_end = k >= end || (t[k] >= 'A' && t[k] <= 'Z') || t[k] == '\n';
        if (seg_in_list_exact(t, i, j, seg_title_abbrevs) || single_upper ||
            (before_number && seg_in_list_exact(t, i, j, seg_number_abbrevs))) {
            *flags |= SEG_T_ABBR | SEG_T_TITLE;
            j++;
        } else if (seg_ieq(t, i, j, "etc") && before_end) {
            /* EWT writes a closing "etc." as "etc" and the sentence's stop. */
        } else if (seg_in_list_exact(t, i, j, seg_other_abbrevs)) {
            *flags |= SEG_T_ABBR;
            j++;
        } else if (seg_initialism(t, i, j)) {
            *flags |= SEG_T_ABBR;
            if (k < end && t[k] >= 'A' && t[k] <= 'Z' && !seg_opens_sentence(t, k, end))
                *flags |= SEG_T_TITLE;
            j++;
        }
    }
    return j;
}

/* Punctuation and symbols: runs of dots, hyphens, ! and ?, asterisks and
 * the like make one token; anything else is one character. */
static size_t seg_scan_punct(const char *t, size_t i, size_t end, const seg_char *c,
                             unsigned *flags)
{
    size_t j = i + c->len;
    char b = t[i];
    /* Smileys: ":)", ":-(", ";D" before white space or the end. */
    if ((b == ':' || b == ';' || b == '=') && j < end) {
        size_t k = j + (t[j] == '-' ? 1 : 0);
        if (k < end && t[k] && strchr(")(DPp/", t[k]) &&
            (k + 1 >= end || seg_at(t, end, k + 1).cls == SEG_C_SPACE))
            return k + 1;
    }
    /* Hashtags and user names: "#audiobooks", "@annals". */
    if ((b == '#' || b == '@') && j < end && seg_at(t, end, j).cls == SEG_C_LETTER) {
        while (j < end) {
            seg_char n = seg_at(t, end, j);
            if (!seg_alnum(&n) && n.cp != '_')
                break;
            j += n.len;
        }
        if (b == '@' || j == end || t[j] != '.')
            return j;
        j = i + 1;
    }
    if (c->cp < 0x80 && strchr(".-!?*=_~#$<>/\\+", b)) {
        bool bang = b == '!' || b == '?';
        while (j < end && (t[j] == b || (bang && (t[j] == '!' || t[j] == '?'))))
            j++;
    }
    if (b == '.' || b == '!' || b == '?' || c->cp == 0x2026)
        *flags |= SEG_T_TERM;
    if (b == ',' || b == ';' || b == ':')
        *flags |= SEG_T_COMMA;
    if (seg_opening(c->cp))
        *flags |= SEG_T_OPEN;
    if (seg_closing(c->cp))
        *flags |= SEG_T_CLOSE;
    if (b == '"')
        *flags |= SEG_T_DQUOTE;
    if (b == '\'')
        *flags |= SEG_T_SQUOTE;
    return j;
}

static int seg_scan(const char *t, size_t start, size_t end, seg_toks *ts)
{
    size_t i = start;
    unsigned pending = 0; /* SEG_T_SPACE / NL / PARA for the next token */
    bool open_squote = false;
    while (i < end) {
        seg_char c = seg_at(t, end, i);
        if (c.cls == SEG_C_SPACE) {
            pending |= SEG_T_SPACE;
            if (c.cp == '\n' || c.cp == 0x2029) {
                if (pending & SEG_T_NL)
                    pending |= SEG_T_PARA;
                pending |= SEG_T_NL;
            }
            i += c.len;
            continue;
        }
        unsigned flags = pending;
        pending = 0;
        if (flags & SEG_T_PARA)
            open_squote = false;
        size_t j;
        if (seg_starts_url(t, i, end)) {
            j = seg_scan_url(t, i, end);
        } else if (seg_alnum(&c)) {
            flags |= SEG_T_WORD;
            flags |= c.upper ? SEG_T_UPPER : c.lower ? SEG_T_LOWER : 0;
            flags |= c.cls == SEG_C_DIGIT ? SEG_T_DIGIT : 0;
            j = seg_scan_word(t, i, end, open_squote, &flags);
        } else {
            j = seg_scan_punct(t, i, end, &c, &flags);
            if (c.cp == '\'' || c.cp == 0x2018) {
                seg_char n = seg_at(t, end, j);
                if (n.cls == SEG_C_LETTER && (flags & SEG_T_SPACE || i == start))
                    open_squote = true;
                else if (c.cp == '\'')
                    open_squote = false;
            }
        }
        if (!seg_push(ts, i, j, flags))
            return ANNALS_E_NOMEM;
        i = j;
    }
    return ANNALS_OK;
}

/* ---- step 2: sentences ------------------------------------------------ */

/* Whether the sentence ends after token k: returns the index of the
 * first token of the next sentence, or 0 when it does not end there. */
static size_t seg_sentence_end(const seg_tok *v, size_t n, size_t k)
{
    unsigned f = v[k].flags;
    if (!(f & (SEG_T_TERM | SEG_T_ABBR)) || (f & SEG_T_TITLE))
        return 0;
    size_t j = k + 1;
    /* Closing quotes and brackets after the stop belong to the sentence. */
    while (j < n && !(v[j].flags & SEG_T_SPACE) &&
           (v[j].flags & (SEG_T_CLOSE | SEG_T_DQUOTE | SEG_T_SQUOTE | SEG_T_TERM)))
        j++;
    if (j >= n)
        return n;
    unsigned g = v[j].flags;
    if (!(g & SEG_T_SPACE))
        return 0; /* "Yahoo!Inc", "3.a": no break without space */
    if (g & (SEG_T_LOWER | SEG_T_COMMA | SEG_T_CLOSE))
        return 0;
    if (f & SEG_T_ABBR)
        return (g & (SEG_T_UPPER | SEG_T_OPEN)) ? j : 0;
    return j;
}

/* Whether a line break before token k ends a headline-like line. */
static bool seg_headline_break(const char *t, const seg_tok *v, size_t k, size_t line_start)
{
    const seg_tok *p = &v[k - 1];
    if (p->flags & (SEG_T_COMMA))
        return false;
    if (v[k].flags & SEG_T_LOWER)
        return false;
    (void)t;
    return p->end - v[line_start].start < SEG_HEADLINE_MAX;
}

/* ---- step 3: words ----------------------------------------------------- */

/* Byte length of the apostrophe ending at or starting at position p. */
static size_t seg_apos_len(const char *t, size_t p, size_t e)
{
    if (t[p] == '\'' || t[p] == '`')
        return 1;
    if (e - p >= 3 && (unsigned char)t[p] == 0xE2 && (unsigned char)t[p + 1] == 0x80 &&
        (unsigned char)t[p + 2] == 0x99)
        return 3;
    return 0;
}

/* Where the words of token t[s..e) begin after the first: up to two cuts.
 * Returns the number of cuts. */
static size_t seg_clitics(const char *t, size_t s, size_t e, size_t cut[2])
{
    /* The last apostrophe of the token. */
    size_t ap = e, alen = 0;
    for (size_t p = e; p-- > s;) {
        size_t l = seg_apos_len(t, p, e);
        if (l) {
            ap = p;
            alen = l;
            break;
        }
    }
    if (alen && ap > s) {
        size_t rest = ap + alen;
        char c1 = rest < e ? seg_lower(t[rest]) : 0;
        size_t n = e - rest;
        if (n == 1 && c1 == 't' && ap - 1 > s && seg_lower(t[ap - 1]) == 'n') {
            cut[0] = ap - 1;
            return 1;
        }
        if ((n == 1 && (c1 == 's' || c1 == 'm' || c1 == 'd')) ||
            (n == 2 && (seg_ieq(t, rest, e, "re") || seg_ieq(t, rest, e, "ve") ||
                        seg_ieq(t, rest, e, "ll")))) {
            cut[0] = ap;
            return 1;
        }
        if (n == 0 && ap - s > 1 && seg_lower(t[ap - 1]) == 's') {
            cut[0] = ap;
            return 1;
        }
        return 0;
    }
    if (e - s > 8)
        return 0;
    char c0 = seg_lower(t[s]);
    for (const seg_fused *f = seg_fused_words; f->word; f++)
        if (f->word[0] == c0 && seg_ieq(t, s, e, f->word)) {
            cut[0] = s + f->first;
            return 1;
        }
    return 0;
}

static bool seg_space_at(const char *t, size_t end, size_t i)
{
    return seg_at(t, end, i).cls == SEG_C_SPACE;
}

static int seg_emit(core_arena *a, const char *text, size_t limit, const seg_tok *v,
                    size_t from, size_t to, int kind, size_t dl_start, size_t dateline_end,
                    text_sentences *out)
{
    annals_sentence *s = text_sentences_push(out);
    if (!s)
        return ANNALS_E_NOMEM;
    s->kind = kind;
    /* each token's cuts, found once: the first pass counts the words */
    size_t n_toks = to > from ? to - from : 1, n_words = 0;
    size_t(*cuts)[2] = core_arena_alloc(a, n_toks * sizeof *cuts);
    unsigned char *n_cuts = core_arena_alloc(a, n_toks);
    if (!cuts || !n_cuts)
        return ANNALS_E_NOMEM;
    for (size_t k = from; k < to; k++) {
        size_t nc = 0;
        if (v[k].flags & SEG_T_WORD)
            nc = seg_clitics(text, v[k].start, v[k].end, cuts[k - from]);
        n_cuts[k - from] = (unsigned char)nc;
        n_words += 1 + nc;
    }
    s->words = core_arena_calloc(a, n_words ? n_words : 1, sizeof *s->words);
    if (!s->words)
        return ANNALS_E_NOMEM;
    for (size_t k = from; k < to; k++) {
        size_t nc = n_cuts[k - from];
        const size_t *cut = cuts[k - from];
        bool no_space = v[k].end < limit && !seg_space_at(text, limit, v[k].end);
        size_t b = v[k].start;
        for (size_t p = 0; p <= nc; p++) {
            size_t e = p < nc ? cut[p] : v[k].end;
            annals_word *w = &s->words[s->n_words++];
            w->start = b;
            w->end = e;
            w->head = -1;
            w->form = text_normalize(a, text + b, e - b);
            if (!w->form)
                return ANNALS_E_NOMEM;
            w->norm = text_fold(a, w->form);
            if (!w->norm)
                return ANNALS_E_NOMEM;
            if (nc)
                w->flags |= p == 0 ? ANNALS_WORD_MWT_BEGIN : ANNALS_WORD_MWT_INSIDE;
            if (p < nc || no_space)
                w->flags |= ANNALS_WORD_NO_SPACE_AFTER;
            if (b >= dl_start && b < dateline_end)
                w->flags |= ANNALS_WORD_DATELINE;
            b = e;
        }
    }
    s->start = to > from ? v[from].start : dl_start;
    s->end = to > from ? v[to - 1].end : dl_start;
    s->text = text_normalize(a, text + s->start, s->end - s->start);
    return s->text ? ANNALS_OK : ANNALS_E_NOMEM;
}

int text_tokenize_sentence(core_arena *a, const char *text, size_t start, size_t end, int kind,
                           text_sentences *out)
{
    seg_toks ts = {0};
    int rc = seg_scan(text, start, end, &ts);
    if (rc == ANNALS_OK)
        rc = seg_emit(a, text, end, ts.v, 0, ts.n, kind, start, start, out);
    free(ts.v);
    return rc;
}

int text_segment(core_arena *a, const char *text, size_t start, size_t end, int kind,
                 size_t dateline_end, text_sentences *out)
{
    seg_toks ts = {0};
    int rc = seg_scan(text, start, end, &ts);
    size_t from = 0, line_start = 0;
    for (size_t k = 0; rc == ANNALS_OK && k < ts.n; k++) {
        const seg_tok *v = ts.v;
        if (k > from && (v[k].flags & SEG_T_NL)) {
            bool brk = (v[k].flags & SEG_T_PARA) || seg_headline_break(text, v, k, line_start);
            line_start = k;
            if (brk) {
                rc = seg_emit(a, text, end, v, from, k, kind, start, dateline_end, out);
                from = k;
            }
        } else if (v[k].flags & SEG_T_NL) {
            line_start = k;
        }
        if (rc)
            break;
        size_t next = seg_sentence_end(v, ts.n, k);
        if (!next && k + 1 - from >= SEG_MAX_SENTENCE_TOKENS)
            next = k + 1;
        if (next) {
            /* The closing quotes and brackets are part of this sentence. */
            rc = seg_emit(a, text, end, v, from, next, kind, start, dateline_end, out);
            from = next;
            k = next - 1;
        }
    }
    if (rc == ANNALS_OK && from < ts.n)
        rc = seg_emit(a, text, end, ts.v, from, ts.n, kind, start, dateline_end, out);
    free(ts.v);
    return rc;
}
