/* clean.c — the article cleaner.
 *
 * One pass over the lines.  Lines are grouped into runs (separated by
 * blank lines); inside a run, neighbouring lines are joined into one block
 * when the second continues the first (hard-wrapped newswire) and kept
 * apart when they are separate items (a list of share buttons, a headline
 * over its article, paragraphs one per line).  Each block is then
 * classified by plain byte matching against compiled-in phrase tables:
 * boilerplate, caption, or body, where a body block may have photo credits
 * cut out of it and may open with a dateline.  A last pass marks the
 * headline lines at the top.
 *
 * The phrase tables are code rather than a data file: they are short, they
 * go with the matching rules that use them (prefix or whole line, length
 * limits, exceptions), and keeping them here needs no per-resource state
 * and no loading step that could fail. */
#include "text/clean.h"

#include <stdbool.h>
#include <string.h>

#include "annals.h"

typedef unsigned char uc;

/* ------------------------------------------------------------ characters */

static bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alnum(int c) { return is_alpha(c) || is_digit(c); }
static int to_lower(int c) { return is_upper(c) ? c + ('a' - 'A') : c; }

static uc at(const char *t, size_t i) { return (uc)t[i]; }

/* Bytes taken by a horizontal space starting at t[i] (i < end): ASCII
 * blanks, CR, no-break and typographic spaces, zero-width space, byte-order
 * mark, ideographic space.  0 when t[i] starts no space. */
static size_t space_at(const char *t, size_t i, size_t end)
{
    uc c = at(t, i);
    if (c > ' ' && c < 0x80)
        return 0;
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r')
        return 1;
    if (c == 0xC2 && i + 1 < end && at(t, i + 1) == 0xA0)
        return 2;
    if (i + 2 >= end)
        return 0;
    uc d = at(t, i + 1), f = at(t, i + 2);
    if (c == 0xE2 && d == 0x80 && ((f >= 0x80 && f <= 0x8B) || f == 0xAF))
        return 3;
    if (c == 0xE2 && d == 0x81 && f == 0x9F)
        return 3;
    if ((c == 0xEF && d == 0xBB && f == 0xBF) || (c == 0xE3 && d == 0x80 && f == 0x80))
        return 3;
    return 0;
}

/* Bytes taken by a space that ends just before t[i] (i > start). */
static size_t space_before(const char *t, size_t start, size_t i)
{
    for (size_t w = 1; w <= 3 && w <= i - start; w++)
        if (space_at(t, i - w, i) == w)
            return w;
    return 0;
}

/* Bytes of an en, em or horizontal-bar dash at t[i], else 0. */
static size_t dash_at(const char *t, size_t i, size_t end)
{
    if (i + 2 < end && at(t, i) == 0xE2 && at(t, i + 1) == 0x80 && at(t, i + 2) >= 0x93 &&
        at(t, i + 2) <= 0x95)
        return 3;
    return 0;
}

/* ----------------------------------------------------------------- lines */

typedef struct line {
    size_t start, end;  /* content, trimmed; start == end for a blank line */
    int kind;           /* what the line is alone (K_BODY ...), -1 until known */
    size_t next;        /* where the following line begins */
    size_t indent;      /* columns of leading white space */
    size_t width;       /* columns from the line's beginning to `end` */
    bool para_end;      /* ended by U+2029 PARAGRAPH SEPARATOR */
} line;

/* Reads the line at pos.  Breaks are LF, CR LF, a lone CR, and U+2028 and
 * U+2029; widths count characters, not bytes, so that wrapped UTF-8 text
 * measures like the column counter that wrapped it. */
static void read_line(const char *t, size_t len, size_t pos, line *ln)
{
    size_t i = pos, brk = 0;
    ln->para_end = false;
    while (i < len) {
        uc c = at(t, i);
        if (c == '\n') {
            brk = 1;
            break;
        }
        if (c == '\r') {
            brk = i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
            break;
        }
        if (c == 0xE2 && i + 2 < len && at(t, i + 1) == 0x80 &&
            (at(t, i + 2) == 0xA8 || at(t, i + 2) == 0xA9)) {
            brk = 3;
            ln->para_end = at(t, i + 2) == 0xA9;
            break;
        }
        i++;
    }
    size_t s = pos, e = i, w, indent = 0;
    while (s < e && (w = space_at(t, s, e)) != 0) {
        indent += t[s] == '\t' ? 8 - indent % 8 : 1;
        s += w;
    }
    while (e > s && (w = space_before(t, s, e)) != 0)
        e -= w;
    size_t width = indent;
    for (size_t k = s; k < e; k++)
        width += (at(t, k) & 0xC0) != 0x80;
    ln->start = s;
    ln->end = e;
    ln->kind = -1;
    ln->next = i + brk;
    ln->indent = indent;
    ln->width = width;
}

/* ------------------------------------------------------ normalised view */

/* Phrase matching works on a lower-cased copy of the start of a block with
 * white space collapsed, typographic quotes and dashes folded, and leading
 * bullets dropped.  Blocks longer than NORM_MAX are never whole-line
 * matches; their prefix is enough for the prefix rules. */
#define NORM_MAX 480

typedef struct norm {
    char s[NORM_MAX + 4];
    size_t n;        /* bytes in s */
    size_t core;     /* bytes of s without trailing punctuation */
    bool whole;      /* the whole block fit */
    size_t span;     /* bytes of the original block */
} norm;

static bool is_bullet_at(const char *t, size_t i, size_t e, size_t *w)
{
    uc c = at(t, i);
    if (c == '*' || c == '-' || c == '|' || c == '>' || c == '#' || c == '=') {
        *w = 1;
        return true;
    }
    if (dash_at(t, i, e)) {
        *w = 3;
        return true;
    }
    /* · » › and • ▪ ■ ● ►: punctuation that scrapers keep from list markup */
    if (c == 0xC2 && i + 1 < e && (at(t, i + 1) == 0xB7 || at(t, i + 1) == 0xBB)) {
        *w = 2;
        return true;
    }
    if (c == 0xE2 && i + 2 < e &&
        ((at(t, i + 1) == 0x80 && (at(t, i + 2) == 0xA2 || at(t, i + 2) == 0xBA)) ||
         (at(t, i + 1) == 0x96 && (at(t, i + 2) == 0xAA || at(t, i + 2) == 0xA0 ||
                                  at(t, i + 2) == 0xBA)) ||
         (at(t, i + 1) == 0x97 && at(t, i + 2) == 0x8F))) {
        *w = 3;
        return true;
    }
    return false;
}

static bool is_trailing_punct(int c)
{
    return c == '.' || c == ':' || c == '!' || c == '|' || c == '-' || c == '>' ||
           c == ',' || c == ';' || c == ' ' || c == '*';
}

static void normalize(const char *t, size_t s, size_t e, norm *nb)
{
    size_t i = s, w;
    nb->span = e - s;
    while (i < e && (is_bullet_at(t, i, e, &w) || (w = space_at(t, i, e)) != 0 ||
                     t[i] == '\n'))
        i += w ? w : 1;
    size_t n = 0;
    bool space = false;
    while (i < e && n < NORM_MAX) {
        uc c = at(t, i);
        if (c == '\n' || (w = space_at(t, i, e)) != 0) {
            space = true;
            i += c == '\n' ? 1 : w;
            continue;
        }
        if (space && n > 0)
            nb->s[n++] = ' ';
        space = false;
        if (c == 0xE2 && i + 2 < e && at(t, i + 1) == 0x80) {
            uc d = at(t, i + 2);
            if (d == 0x98 || d == 0x99) {          /* ‘ ’ */
                nb->s[n++] = '\'';
                i += 3;
                continue;
            }
            if (d == 0x9C || d == 0x9D) {          /* “ ” */
                nb->s[n++] = '"';
                i += 3;
                continue;
            }
            if (d >= 0x93 && d <= 0x95) {          /* – — ― */
                nb->s[n++] = '-';
                i += 3;
                continue;
            }
        }
        nb->s[n++] = (char)to_lower(c);
        i++;
    }
    nb->whole = i >= e;
    nb->n = n;
    nb->s[n] = '\0';
    size_t core = n;
    while (core > 0 && is_trailing_punct(at(nb->s, core - 1)))
        core--;
    /* also the » and › that close "More »" links */
    while (core >= 2 && at(nb->s, core - 2) == 0xC2 &&
           (at(nb->s, core - 1) == 0xBB || at(nb->s, core - 1) == 0xBA)) {
        core -= 2;
        while (core > 0 && is_trailing_punct(at(nb->s, core - 1)))
            core--;
    }
    nb->core = core;
}

/* Does s[0..n) begin with phrase p, ending there on a word boundary? */
static bool has_prefix(const char *s, size_t n, const char *p)
{
    if (n == 0 || s[0] != p[0])
        return false;
    size_t k = strlen(p);
    if (k > n || memcmp(s, p, k) != 0)
        return false;
    return k == n || !is_alnum(at(p, k - 1)) || !is_alnum(at(s, k));
}

static bool contains(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == p[0] && memcmp(s + i, p, k) == 0 &&
            (i == 0 || !is_alnum(at(s, i - 1))))
            return true;
    return false;
}

static bool in_list(const char *s, size_t n, const char *const *list)
{
    if (n == 0)
        return false;
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == s[0] && strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return true;
    return false;
}

/* -------------------------------------------------- boilerplate phrases */

/* Lines that are boilerplate when they are the whole line (lower case,
 * trailing punctuation removed). */
static const char *const bp_whole[] = {
    "share", "shares", "share this", "share this article", "share this story",
    "share this post", "share this page", "share article", "share story", "share page",
    "share via", "tweet", "tweet this", "email", "e-mail", "email this", "email article",
    "print", "print this", "print this page", "print article", "copy link", "copy url",
    "link copied", "comments", "comment", "view comments", "show comments",
    "leave a comment", "add comment", "join the conversation", "listen",
    "listen to this article", "listen to article", "save", "save article",
    "save for later", "bookmark", "gift this article", "gift article", "most read",
    "most popular", "most viewed", "top stories", "trending", "trending now", "related",
    "related stories", "related articles", "related content", "related coverage",
    "related news", "related topics", "related links", "more on this story",
    "more stories", "topics", "tags", "you may also like", "you might also like",
    "recommended", "recommended for you", "read more", "read next", "up next",
    "next article", "previous article", "next story", "skip to content",
    "skip to main content", "skip to navigation", "back to top", "menu", "close",
    "search", "home", "loading", "loading...", "all rights reserved", "reuter",
    "reuters", "ap", "afp", "upi", "xinhua", "the associated press",
    "associated press", "photo gallery", "view gallery", "watch video", "play video",
    "click to expand", "show more", "load more", "see more", "toggle caption",
    "hide caption", "enlarge this image", "newsletter", "subscribe", "subscribe now",
    "sign up", "log in", "login", "sign in", "register", "free trial", "follow",
    "follow us", "advertisement", "advertisements", "advertising", "ad", "ads",
    "sponsored", "sponsored content", "sponsored links", "paid content", "paid post",
    "promoted", "promoted content", "partner content", "story continues below",
    "story continues below advertisement", "article continues below",
    "article continues below advertisement", "continue reading",
    "continue reading below", "continue reading the main story",
    "scroll to continue with content", "skip advertisement", "ad feedback",
    "privacy policy", "terms of use", "terms of service", "cookie policy",
    "contact us", "about us", "accept cookies", "accept all", "manage cookies",
    "updated", "published", NULL,
};

/* Words of a line made only of sharing buttons ("Share Tweet Email"). */
static const char *const bp_social[] = {
    "share", "shares", "shared", "tweet", "email", "e-mail", "mail", "print",
    "facebook", "twitter", "x", "linkedin", "whatsapp", "reddit", "pinterest",
    "telegram", "messenger", "flipboard", "tumblr", "pocket", "copy", "link", "copied",
    "save", "comment", "comments", "sms", "threads", "bluesky", "instagram", "youtube",
    "this", "on", "via", "article", "story", "url", NULL,
};

/* A prefix and the longest block it may open to count as boilerplate. */
typedef struct prefix_rule {
    const char *p;
    unsigned short max;
} prefix_rule;

static const prefix_rule bp_prefix[] = {
    {"share on", 120}, {"share via", 120}, {"share to", 80}, {"share this", 120},
    {"share with", 80}, {"share article", 80}, {"share story", 80}, {"click here", 200},
    {"click to", 120}, {"tap here", 200}, {"follow us", 150}, {"follow @", 150},
    {"like us on", 150}, {"join us on", 150}, {"find us on", 150}, {"sign up", 200},
    {"subscribe", 200}, {"already a subscriber", 200}, {"already subscribed", 200},
    {"already have an account", 200}, {"log in", 120}, {"sign in", 120},
    {"login", 80}, {"register", 100}, {"create an account", 150},
    {"create a free account", 150}, {"become a member", 150},
    {"support our journalism", 200}, {"this article can also be accessed", 400},
    {"this article was originally published", 400},
    {"this article originally appeared", 400}, {"this article first appeared", 400},
    {"this article was first published", 400},
    {"this story was originally published", 400},
    {"this story originally appeared", 400}, {"originally published", 200},
    {"read more", 250}, {"read the full", 250}, {"read also", 250}, {"also read", 250},
    {"see also", 250}, {"more:", 250}, {"watch:", 250}, {"listen:", 250},
    {"read next", 200}, {"related:", 300}, {"related coverage", 300},
    {"related stories", 300}, {"related articles", 300}, {"related news", 300},
    {"related content", 300}, {"related topics", 300}, {"related links", 300},
    {"related story", 300}, {"related article", 300}, {"related video", 300},
    {"more on this", 200}, {"more from", 120}, {"more stories", 120},
    {"don't miss", 200}, {"get our", 200}, {"get the latest", 200},
    {"receive our", 200}, {"join our", 200}, {"enter your email", 200},
    {"download our", 200}, {"download the app", 100}, {"\xc2\xa9", 400},
    {"copyright \xc2\xa9", 400}, {"copyright (c)", 400}, {"copyright:", 120},
    {"all rights reserved", 300}, {"this material may not be published", 300},
    {"sponsored by", 150}, {"advertisement -", 80}, {"advertisement:", 80}, {"story continues", 100},
    {"article continues", 100}, {"continue reading", 150},
    {"scroll to continue", 100}, {"skip advertisement", 60},
    {"you may also like", 150}, {"you might also like", 150}, {"recommended:", 250},
    {"trending:", 250}, {"we use cookies", 300}, {"by continuing to use", 300},
    {NULL, 0},
};

/* Phrases that make a short line boilerplate wherever they stand in it
 * ("To subscribe, click here."). */
static const prefix_rule bp_anywhere[] = {
    {"click here", 200}, {"sign up for our", 200}, {"subscribe to our", 200},
    {"subscribe now", 120}, {"already a subscriber", 200},
    {"contributed to this report", 300}, {"contributed reporting", 300}, {NULL, 0},
};

/* Words of a line that is only a date, a time or a reading time
 * ("Updated 12:34 GMT", "Published: 3 March 2024", "5 min read"). */
static const char *const dt_words[] = {
    "updated", "published", "posted", "last", "first", "modified", "created", "on", "at",
    "|", "-", "/", "ago", "and", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "est",
    "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "mt", "bst", "cet", "cest", "ist",
    "jst", "hkt", "sgt", "aest", "msk", "eet", "eest", "wib", "hours", "hour", "hrs",
    "h", "minutes", "minute", "min", "mins", "days", "day", "yesterday", "today", "read",
    "reading", "time", "date", NULL,
};

static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", NULL,
};
static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL,
};

/* Is w[0..n) a month or weekday name, in full or abbreviated to at least
 * three letters ("Jan", "Sept", "Tues")? */
static bool is_calendar_word(const char *w, size_t n)
{
    if (n < 3)
        return false;
    for (int k = 0; k < 2; k++) {
        const char *const *list = k ? weekdays : months;
        for (size_t i = 0; list[i]; i++)
            if (n <= strlen(list[i]) && memcmp(list[i], w, n) == 0)
                return true;
    }
    return false;
}

static bool is_month_word(const char *w, size_t n)
{
    for (size_t i = 0; months[i] && n >= 3; i++)
        if (n <= strlen(months[i]) && memcmp(months[i], w, n) == 0)
            return true;
    return false;
}

/* A token of digits with : . / - between them, maybe with an ordinal or
 * am/pm suffix ("12:34", "3rd", "10.15pm", "2024-03-03"). */
static bool is_number_token(const char *w, size_t n)
{
    size_t i = 0;
    if (n == 0 || !is_digit(at(w, 0)))
        return false;
    while (i < n && (is_digit(at(w, i)) || w[i] == ':' || w[i] == '.' || w[i] == '/' ||
                     w[i] == '-'))
        i++;
    if (i == n)
        return true;
    size_t r = n - i;
    const char *sfx = w + i;
    return (r == 2 && (!memcmp(sfx, "st", 2) || !memcmp(sfx, "nd", 2) || !memcmp(sfx, "rd", 2) ||
                       !memcmp(sfx, "th", 2) || !memcmp(sfx, "am", 2) || !memcmp(sfx, "pm", 2))) ||
           (r == 1 && (sfx[0] == 'h' || sfx[0] == 'm'));
}

/* Splits s[0..n) at spaces; calls ok() on each token stripped of trailing
 * , ; . and returns whether all were accepted, with the token count. */
static bool all_tokens(const char *s, size_t n, bool (*ok)(const char *, size_t, void *),
                       void *user, size_t *count)
{
    size_t i = 0, c = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n)
            break;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t e = i;
        while (e > b && (s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == '.' ||
                         s[e - 1] == ':' || s[e - 1] == ')'))
            e--;
        while (b < e && s[b] == '(')
            b++;
        if (e > b && !ok(s + b, e - b, user))
            return false;
        c++;
    }
    *count = c;
    return true;
}

static bool dt_token(const char *w, size_t n, void *user)
{
    bool *seen_digit = user;
    if (is_number_token(w, n)) {
        *seen_digit = true;
        return true;
    }
    return is_calendar_word(w, n) || in_list(w, n, dt_words);
}

static bool social_token(const char *w, size_t n, void *user)
{
    bool *seen_word = user;
    if (is_number_token(w, n))
        return true;
    /* · and • between buttons */
    if ((n == 2 && at(w, 0) == 0xC2 && at(w, 1) == 0xB7) ||
        (n == 3 && at(w, 0) == 0xE2 && at(w, 1) == 0x80 && at(w, 2) == 0xA2) ||
        (n == 1 && (w[0] == '|' || w[0] == '/' || w[0] == '-')))
        return true;
    if (in_list(w, n, bp_social)) {
        *seen_word = true;
        return true;
    }
    return false;
}

static bool is_datetime_line(const norm *nb)
{
    bool digit = false;
    size_t count;
    return nb->whole && nb->core <= 100 &&
           all_tokens(nb->s, nb->core, dt_token, &digit, &count) && count > 0 && digit;
}

static bool is_social_line(const norm *nb)
{
    bool word = false;
    size_t count;
    return nb->whole && nb->core <= 120 &&
           all_tokens(nb->s, nb->core, social_token, &word, &count) && word;
}

/* "Copyright 2019 The Associated Press", "(c) 2024 Reuters": a copyright
 * sign or word followed by a year; the bare word is not enough, so that
 * "Copyright lawyers said ..." stays. */
static bool is_copyright_line(const norm *nb)
{
    const char *s = nb->s;
    size_t n = nb->n;
    if (nb->span > 400)
        return false;
    if (has_prefix(s, n, "copyright ") || has_prefix(s, n, "(c) ")) {
        size_t k = s[0] == '(' ? 4 : 10;
        if (k < n && is_digit(at(s, k)))
            return true;
        if (s[0] == 'c' && contains(s, n, "all rights reserved"))
            return true;
    }
    if (nb->span <= 200 && nb->core >= 19 &&
        memcmp(s + nb->core - 19, "all rights reserved", 19) == 0)
        return true;
    return false;
}

/* Agency credit lines ("Reporting by Jane Doe; Editing by John Roe").  A
 * sentence that happens to begin "Reporting by the BBC showed ..." ends
 * with a full stop and has no editing credit, so it stays. */
static bool is_credit_line(const norm *nb)
{
    static const char *const heads[] = {
        "reporting by", "additional reporting", "writing by", "editing by",
        "compiled by", "reported by", NULL,
    };
    if (!nb->whole || nb->span > 300)
        return false;
    for (size_t i = 0; heads[i]; i++)
        if (has_prefix(nb->s, nb->n, heads[i]))
            return contains(nb->s, nb->n, "editing by") || contains(nb->s, nb->n, "; ") ||
                   nb->s[nb->n - 1] != '.';
    return false;
}

static bool is_follow_line(const norm *nb)
{
    static const char *const nets[] = {
        " on twitter", " on x", " on facebook", " on instagram", " on linkedin",
        " on telegram", " on threads", " on bluesky", " on youtube", NULL,
    };
    if (!nb->whole || nb->span > 150 || !has_prefix(nb->s, nb->n, "follow"))
        return false;
    for (size_t i = 0; nets[i]; i++)
        if (contains(nb->s, nb->n, nets[i] + 1))
            return true;
    return false;
}

/* --------------------------------------------------- lines in the original */

/* Words of s[b..e) split at ASCII spaces, for the rules that look at case. */
typedef struct word {
    size_t b, e;
} word;

static size_t split_words(const char *t, size_t b, size_t e, word *w, size_t max)
{
    size_t n = 0, i = b;
    while (i < e) {
        while (i < e && (t[i] == ' ' || t[i] == '\t'))
            i++;
        if (i == e)
            break;
        size_t s = i;
        while (i < e && t[i] != ' ' && t[i] != '\t')
            i++;
        if (n == max)
            return max + 1;
        w[n++] = (word){s, i};
    }
    return n;
}

/* "By John Smith", "By JOHN SMITH, Associated Press", "By Jane Doe and
 * John Roe in Beijing": "By" and then names, with only a few small
 * lower-case words; "By Tuesday, the troops had left." has other words. */
static bool is_byline(const char *t, size_t s, size_t e)
{
    static const char *const small[] = {
        "and", "of", "de", "da", "del", "van", "von", "der", "den", "al", "el", "bin", "la",
        "le", "du", "dos", "the", "staff", "writer", "writers", "correspondent",
        "correspondents", "reporter", "reporters", "editor", "in", "at", "for", "with",
        "&", "|", "-", "and", NULL,
    };
    word w[16];
    if (e - s > 120 || e - s < 4 || memchr(t + s, '\n', e - s))
        return false;
    if (!(t[s] == 'B' && (t[s + 1] == 'y' || t[s + 1] == 'Y') && t[s + 2] == ' '))
        return false;
    size_t n = split_words(t, s + 3, e, w, 14);
    if (n == 0 || n > 14)
        return false;
    size_t smalls = 0, names = 0;
    for (size_t i = 0; i < n; i++) {
        size_t b = w[i].b, we = w[i].e;
        while (we > b && (t[we - 1] == ',' || t[we - 1] == ';'))
            we--;
        if (we == b)
            continue;
        uc c = at(t, b);
        char low[24];
        size_t k = we - b < sizeof low ? we - b : sizeof low - 1;
        for (size_t j = 0; j < k; j++)
            low[j] = (char)to_lower(at(t, b + j));
        if (in_list(low, k, small) || dash_at(t, b, we) == we - b) {
            smalls++;
            continue;
        }
        if (!(is_upper(c) || c >= 0x80 || c == '@'))
            return false;
        for (size_t j = b; j < we; j++)
            if (t[j] == '?' || t[j] == '!' || t[j] == ':')
                return false;
        names++;
    }
    if (names == 0 || smalls > 4)
        return false;
    /* A final full stop belongs to a sentence, unless on "Jr." or "J." */
    if (t[e - 1] == '.' && w[n - 1].e - w[n - 1].b > 3)
        return false;
    return true;
}

static bool is_tld(const char *t, size_t b, size_t e)
{
    static const char *const tlds[] = {
        "com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io", "news", "tv",
        "online", "site", "world", "media", "press", "global", "today", "live", NULL,
    };
    char low[8];
    size_t n = e - b;
    if (n < 2 || n > 7)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!is_alpha(at(t, b + i)))
            return false;
        low[i] = (char)to_lower(at(t, b + i));
    }
    /* two-letter country domains only in lower case, so "U.S" is no URL */
    if (n == 2)
        return is_lower(at(t, b)) && is_lower(at(t, b + 1));
    return in_list(low, n, tlds);
}

/* A URL or a bare domain ("https://…", "www.example.com", "reuters.com/world"). */
static bool is_url_token(const char *t, size_t b, size_t e)
{
    static const char *const schemes[] = {"http://", "https://", "www.", "ftp://", NULL};
    while (b < e && (t[b] == '<' || t[b] == '(' || t[b] == '['))
        b++;
    while (e > b && (t[e - 1] == '>' || t[e - 1] == ')' || t[e - 1] == ']' || t[e - 1] == '.' ||
                     t[e - 1] == ','))
        e--;
    for (size_t i = 0; schemes[i]; i++) {
        size_t k = strlen(schemes[i]);
        if (e - b > k) {
            size_t j = 0;
            while (j < k && to_lower(at(t, b + j)) == schemes[i][j])
                j++;
            if (j == k)
                return true;
        }
    }
    /* host: labels of letters, digits and hyphens, the first at least two
     * long, the last a known top-level domain; then maybe a path */
    size_t h = b;
    while (h < e && t[h] != '/')
        h++;
    size_t labels = 0, lb = b, last_b = b;
    for (size_t i = b; i <= h; i++) {
        if (i == h || t[i] == '.') {
            if (i == lb)
                return false;
            if (labels == 0 && i - lb < 2)
                return false;
            last_b = lb;
            labels++;
            lb = i + 1;
        } else if (!is_alnum(at(t, i)) && t[i] != '-') {
            return false;
        }
    }
    return labels >= 2 && is_tld(t, last_b, h);
}

/* A line of URLs, domains, @handles and #tags, perhaps after a label
 * ("Source: https://…"). */
static bool is_link_line(const char *t, size_t s, size_t e)
{
    word w[8];
    if (e - s > 2000)
        return false;
    size_t n = split_words(t, s, e, w, 7);
    if (n == 0 || n > 7)
        return false;
    size_t links = 0;
    for (size_t i = 0; i < n; i++) {
        size_t b = w[i].b, we = w[i].e;
        if (is_url_token(t, b, we)) {
            links++;
        } else if ((t[b] == '@' || t[b] == '#') && we - b > 1) {
            links++;
        } else if (!(i == 0 && t[we - 1] == ':' && we - b <= 20) &&
                   !(we - b == 1 && (t[b] == '|' || t[b] == '-'))) {
            return false;
        }
    }
    return links > 0;
}

/* Section names that mark a breadcrumb trail when one of its parts. */
static const char *const sections[] = {
    "home", "news", "world", "world news", "politics", "business", "sport", "sports",
    "opinion", "africa", "asia", "asia pacific", "asia-pacific", "europe", "americas",
    "middle east", "latin america", "tech", "technology", "science", "health",
    "entertainment", "culture", "economy", "markets", "local", "national",
    "international", "region", "video", "analysis", "features", "lifestyle",
    "environment", "climate", "commentary", "editorial", "us news", "uk news",
    "latest news", "top news", NULL,
};

/* "Home > World > Asia", "News / Middle East", "World | Africa": short
 * capitalised parts between one separator.  ">" and "»" are enough; with
 * "/" or "|" it takes three parts or a known section name, so that a
 * headline such as "Israel / Gaza" stays. */
static bool is_breadcrumb(const char *t, size_t s, size_t e)
{
    static const char *const seps[] = {" > ", " >> ", " \xc2\xbb ", " \xe2\x80\xba ", " / ", " | ", NULL};
    if (e - s > 120 || memchr(t + s, '\n', e - s))
        return false;
    bool any = false;
    for (size_t i = s; i < e && !any; i++)
        any = t[i] == '>' || t[i] == '/' || t[i] == '|' || at(t, i) == 0xC2 || at(t, i) == 0xE2;
    if (!any)
        return false;
    const char *sep = NULL;
    size_t first = e;
    for (size_t i = 0; seps[i]; i++) {
        size_t k = strlen(seps[i]);
        for (size_t p = s; p + k <= e; p++)
            if (memcmp(t + p, seps[i], k) == 0) {
                if (p < first) {
                    first = p;
                    sep = seps[i];
                }
                break;
            }
    }
    if (!sep)
        return false;
    size_t k = strlen(sep), parts = 0, p = s;
    bool known = false;
    while (p <= e) {
        size_t q = p;
        while (q + k <= e && memcmp(t + q, sep, k) != 0)
            q++;
        if (q + k > e)
            q = e;
        if (q == p || q - p > 30)
            return false;
        uc c = at(t, p);
        if (!(is_upper(c) || is_digit(c) || c >= 0x80 || has_prefix(t + p, q - p, "home")))
            return false;
        size_t spaces = 0;
        char low[32];
        for (size_t j = p; j < q; j++) {
            if (t[j] == ' ') {
                spaces++;
                /* every word capitalised: "Middle East", "Science & Tech" */
                uc d = j + 1 < q ? at(t, j + 1) : 'A';
                if (is_lower(d) && !has_prefix(t + j + 1, q - j - 1, "and") &&
                    !has_prefix(t + j + 1, q - j - 1, "of"))
                    return false;
            }
            if (t[j] == ',' || t[j] == '?' || t[j] == '!' || t[j] == ':' || t[j] == '"')
                return false;
            low[j - p] = (char)to_lower(at(t, j));
        }
        if (spaces > 2)
            return false;
        known |= in_list(low, q - p, sections);
        parts++;
        p = q + k;
        if (q == e)
            break;
    }
    bool strong = sep[1] != '/' && sep[1] != '|';
    return parts >= 2 && (strong || parts >= 3 || known);
}

/* -------------------------------------------------------------- captions */

static const char *const cap_prefix[] = {
    "photo:", "photo credit", "photo by", "photo via", "photo courtesy", "photos:",
    "photograph:", "photograph by", "photographer:", "picture:", "pictures:", "pictured:",
    "picture by", "picture credit", "pic:", "image:", "image caption", "image copyright",
    "image source", "image credit", "image by", "image via", "images:", "credit:",
    "credits:", "caption:", "media caption", "video caption", "file photo",
    "file picture", "file image", "file pic", "illustration:", "graphic:",
    "photo illustration", "above:", "main image:", "lead image", "featured image",
    "handout photo", NULL,
};

/* Picture agencies, as they stand in a credit "(Reuters/Jane Doe)",
 * "(Jane Doe/AFP)". */
static const char *const agencies[] = {
    "reuters", "afp", "ap", "epa", "epa-efe", "efe", "xinhua", "getty", "getty images",
    "anadolu", "anadolu agency", "aa", "tass", "sputnik", "ansa", "dpa", "kyodo",
    "yonhap", "bloomberg", "sipa", "imago", "pa", "pa images", "pa wire", "irna", "wana",
    "kcna", "sana", "upi", "abaca", "zuma", "nurphoto", "shutterstock", "alamy",
    "ap photo", "afp photo", "reuters photo", "reuters pictures", "handout", "file",
    "file photo", "pool", "ria novosti", "tass news agency", NULL,
};

/* Credit words that open a parenthesis "(Photo: AFP)", "(Image via …)". */
static const char *const credit_heads[] = {
    "photo", "photos", "photograph", "picture", "pictures", "pic", "image", "images",
    "file photo", "file picture", "credit", "courtesy", "illustration", NULL,
};

/* Is content[0..n) (lower case) an agency before or after a slash? */
static bool slash_credit(const char *c, size_t n)
{
    const char *slash = memchr(c, '/', n);
    if (!slash)
        return false;
    size_t a = (size_t)(slash - c);
    size_t last = a;
    for (size_t i = a + 1; i < n; i++)
        if (c[i] == '/')
            last = i;
    /* opinion polls ("Reuters/Ipsos") are not pictures */
    const char *rest = slash + 1;
    size_t rn = n - a - 1;
    if (has_prefix(rest, rn, "ipsos") || has_prefix(rest, rn, "yougov") ||
        has_prefix(rest, rn, "harris") || has_prefix(rest, rn, "edison") ||
        has_prefix(rest, rn, "marist"))
        return false;
    while (a > 0 && c[a - 1] == ' ')
        a--;
    if (in_list(c, a, agencies))
        return true;
    size_t b = last + 1;
    while (b < n && c[b] == ' ')
        b++;
    return in_list(c + b, n - b, agencies);
}

/* Is the parenthesis opening at t[open] a photo credit?  Sets *close to
 * the byte after ')'. "(Reuters)" alone is an agency in a dateline, not a
 * credit. */
static bool credit_paren(const char *t, size_t open, size_t e, size_t *close)
{
    char c[128];
    size_t n = 0, i = open + 1;
    bool space = false;
    while (i < e && t[i] != ')') {
        if (t[i] == '(' || n >= 120)
            return false;
        if (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r') {
            space = n > 0;
        } else {
            if (space)
                c[n++] = ' ';
            space = false;
            c[n++] = (char)to_lower(at(t, i));
        }
        i++;
    }
    if (i >= e || n == 0)
        return false;
    *close = i + 1;
    for (size_t k = 0; credit_heads[k]; k++)
        if (has_prefix(c, n, credit_heads[k]))
            return true;
    if (slash_credit(c, n))
        return true;
    static const char *const tails[] = {"getty images", "shutterstock", "alamy", "via reuters",
                                        "via afp", "via ap", NULL};
    for (size_t k = 0; tails[k]; k++) {
        size_t m = strlen(tails[k]);
        if (n >= m && memcmp(c + n - m, tails[k], m) == 0 && (n == m || c[n - m - 1] == ' '))
            return true;
    }
    return false;
}

/* Position markers of a photo caption: "(R)", "(L)", "(C)", "(2nd L)",
 * "(L-R)", "(front row, C)", "(centre)".  A bare "(R)" is also a party
 * ("Sen. Smith (R)"), so it counts as weak. */
static int position_marker(const char *t, size_t open, size_t e)
{
    static const char *const words[] = {
        "l", "r", "c", "l-r", "r-l", "front", "back", "rear", "top", "bottom", "centre",
        "center", "left", "right", "row", "from", "in", "second", "third", "1st", "2nd",
        "3rd", "4th", "5th", "6th", "foreground", "background", NULL,
    };
    size_t i = open + 1, close = open + 1;
    while (close < e && close - open <= 26 && t[close] != ')')
        close++;
    if (close >= e || t[close] != ')' || close == i)
        return 0;
    /* the single letters must be capitals, as captions write them */
    for (size_t k = i; k < close; k++)
        if ((t[k] == 'l' || t[k] == 'r' || t[k] == 'c') && (k == i || !is_alpha(at(t, k - 1))) &&
            (k + 1 == close || !is_alpha(at(t, k + 1))))
            return 0;
    char low[32];
    size_t n = 0;
    for (size_t k = i; k < close; k++)
        low[n++] = (char)(t[k] == ',' ? ' ' : to_lower(at(t, k)));
    size_t p = 0;
    while (p < n) {
        while (p < n && low[p] == ' ')
            p++;
        if (p == n)
            break;
        size_t b = p;
        while (p < n && low[p] != ' ')
            p++;
        if (!in_list(low + b, p - b, words))
            return 0;
    }
    return close - i == 1 && t[i] == 'R' ? 1 : 2;
}

/* Upper-case agency credits that only captions carry ("REUTERS/Jane Doe",
 * "(AP Photo/John Roe)", "AFP via Getty Images"). */
static bool has_caption_credit(const char *t, size_t s, size_t e)
{
    static const char *const needles[] = {
        "REUTERS/", "AP Photo", "AFP/", "/AFP", "AFP via Getty", "via Getty Images",
        "/Getty Images", "EPA/", "EPA-EFE/", "XINHUA/", "Xinhua/", "/Xinhua", "/File Photo",
        "/File photo", "FILE PHOTO", "SPUTNIK/", "KCNA via", "/Reuters", "/AP", NULL,
    };
    /* every credit has a slash, "via" or "Photo" in it: most lines go no
     * further than these three searches */
    if (!memchr(t + s, '/', e - s) && !memmem(t + s, e - s, "via ", 4) &&
        !memmem(t + s, e - s, "Photo", 5) && !memmem(t + s, e - s, "PHOTO", 5))
        return false;
    for (size_t i = 0; needles[i]; i++) {
        size_t k = strlen(needles[i]), p = s;
        const char *hit;
        while (p + k <= e && (hit = memmem(t + p, e - p, needles[i], k)) != NULL) {
            p = (size_t)(hit - t);
            /* "/AP" and "/Reuters" only at the end of a word */
            if (!(needles[i][0] == '/' && p + k < e && is_alpha(at(t, p + k))))
                return true;
            p++;
        }
    }
    return false;
}

/* Does the text look like one sentence or less (no ". X" inside)? */
static bool single_sentence(const char *t, size_t s, size_t e)
{
    for (size_t i = s + 1; i + 2 < e; i++)
        if ((t[i] == '.' || t[i] == '?' || t[i] == '!') && t[i + 1] == ' ' &&
            is_upper(at(t, i + 2)) && is_lower(at(t, i - 1)))
            return false;
    return true;
}

static bool is_caption(const char *t, size_t s, size_t e, const norm *nb)
{
    if (e - s > 600)
        return false;
    for (size_t i = 0; cap_prefix[i]; i++)
        if (has_prefix(nb->s, nb->n, cap_prefix[i]))
            return true;
    if (has_caption_credit(t, s, e))
        return true;
    int strong = 0, weak = 0;
    bool credit = false;
    size_t close;
    for (size_t i = s; i < e; i++) {
        if (t[i] != '(')
            continue;
        int m = position_marker(t, i, e);
        strong += m == 2;
        weak += m == 1;
        /* a credit closing the line after a short description */
        if (credit_paren(t, i, e, &close)) {
            credit = true;
            if (close == e && i - s <= 250 && single_sentence(t, s, i))
                return true;
        }
    }
    return strong > 0 || (weak > 0 && credit);
}

/* ----------------------------------------------------------- classifying */

enum { K_BODY, K_BOILER, K_CAPTION };

static int classify(const char *t, size_t s, size_t e)
{
    norm nb;
    normalize(t, s, e, &nb);
    if (nb.n == 0)
        return K_BOILER;                  /* bullets and dashes only */
    if (nb.whole) {
        if (in_list(nb.s, nb.core, bp_whole) || in_list(nb.s, nb.core, sections) ||
            is_social_line(&nb) ||
            is_datetime_line(&nb) || is_byline(t, s, e) || is_link_line(t, s, e) ||
            is_breadcrumb(t, s, e) || is_follow_line(&nb) || is_credit_line(&nb))
            return K_BOILER;
        for (size_t i = 0; bp_anywhere[i].p; i++)
            if (nb.span <= bp_anywhere[i].max && contains(nb.s, nb.n, bp_anywhere[i].p))
                return K_BOILER;
    }
    if (is_copyright_line(&nb))
        return K_BOILER;
    for (size_t i = 0; bp_prefix[i].p; i++)
        if (nb.span <= bp_prefix[i].max && has_prefix(nb.s, nb.n, bp_prefix[i].p))
            return K_BOILER;
    if (is_caption(t, s, e, &nb))
        return K_CAPTION;
    return K_BODY;
}

/* ------------------------------------------------------------- datelines */

/* End of a word of a dateline place at t[p]: letters (non-ASCII bytes
 * count as letters), with . ' - inside ("ST. PETERSBURG", "D.C."). */
static size_t place_word(const char *t, size_t p, size_t e, bool *up, bool *low)
{
    size_t i = p;
    *up = *low = false;
    while (i < e) {
        uc c = at(t, i);
        if (dash_at(t, i, e) || space_at(t, i, e))
            break;
        if (is_upper(c))
            *up = true;
        else if (is_lower(c))
            *low = true;
        else if (!(c >= 0x80 || ((c == '.' || c == '\'' || c == '-' || c == '/') && i > p)))
            break;
        i++;
    }
    return i;
}

static bool month_at(const char *t, size_t p, size_t e, size_t *end)
{
    size_t i = p;
    char low[12];
    while (i < e && is_alpha(at(t, i)) && i - p < 10) {
        low[i - p] = (char)to_lower(at(t, i));
        i++;
    }
    if (i - p < 3 || !is_month_word(low, i - p))
        return false;
    if (i < e && t[i] == '.')
        i++;
    *end = i;
    return true;
}

/* "July 11", "Jan. 5", "5 January", "Tuesday". */
static bool date_at(const char *t, size_t p, size_t e, size_t *end)
{
    size_t m, i;
    if (month_at(t, p, e, &m) && m + 1 < e && t[m] == ' ' && is_digit(at(t, m + 1))) {
        i = m + 1;
        while (i < e && is_digit(at(t, i)) && i - m <= 2)
            i++;
        *end = i;
        return true;
    }
    if (p < e && is_digit(at(t, p))) {
        i = p;
        while (i < e && is_digit(at(t, i)) && i - p < 2)
            i++;
        if (i < e && t[i] == ' ' && month_at(t, i + 1, e, &m)) {
            *end = m;
            return true;
        }
        return false;
    }
    char low[12];
    i = p;
    while (i < e && is_alpha(at(t, i)) && i - p < 10) {
        low[i - p] = (char)to_lower(at(t, i));
        i++;
    }
    if (i - p >= 3 && in_list(low, i - p, weekdays)) {
        *end = i;
        return true;
    }
    return false;
}

/* Words of one style from p: all capitals (caps) or capitalised.  Returns
 * the end of the last word, or p when none. */
static size_t place_at(const char *t, size_t p, size_t e, bool caps, size_t max_words)
{
    size_t end = p, i = p, n = 0;
    while (i < e && n < max_words) {
        bool up, low;
        size_t we = place_word(t, i, e, &up, &low);
        if (we == i || !up || (caps && low) || (!caps && !is_upper(at(t, i))))
            break;
        if (caps && we - i < 2)
            break;
        end = we;
        n++;
        if (we < e && t[we] == ' ')
            i = we + 1;
        else
            break;
    }
    return end;
}

/* "(Reuters)", "(AP)", "(Xinhua)": a short parenthesis of words. */
static bool agency_at(const char *t, size_t p, size_t e, size_t *end)
{
    if (p >= e || t[p] != '(' || p + 2 >= e || !is_alpha(at(t, p + 1)))
        return false;
    size_t i = p + 1;
    while (i < e && t[i] != ')' && i - p < 40) {
        uc c = at(t, i);
        if (!(is_alpha(c) || c == ' ' || c == '.' || c == '-' || c == '&' || c >= 0x80))
            return false;
        i++;
    }
    if (i >= e || t[i] != ')')
        return false;
    *end = i + 1;
    return true;
}

/* The end of a dateline opening the block [s, e), or s when there is none.
 * PLACE [, REGION]* [, DATE] [(AGENCY)] then a dash or, straight after the
 * place, a colon; a place in capitals suffices, a capitalised one
 * ("Beijing") needs a date or an agency. */
static size_t dateline_end(const char *t, size_t s, size_t e)
{
    size_t lim = e - s > 160 ? s + 160 : e;
    size_t p = s, q;
    int place = 0;  /* 0 none, 1 capitals, 2 capitalised */
    bool date = false, agency = false;
    if ((q = place_at(t, s, lim, true, 5)) > s) {
        place = 1;
        p = q;
    } else if ((q = place_at(t, s, lim, false, 3)) > s) {
        place = 2;
        p = q;
    }
    for (int k = 0; place && k < 3 && p + 2 < lim && t[p] == ',' && t[p + 1] == ' '; k++) {
        if (date_at(t, p + 2, lim, &q)) {
            date = true;
            p = q;
            break;
        }
        size_t r = place_at(t, p + 2, lim, false, 3);
        if (r == p + 2)
            r = place_at(t, p + 2, lim, true, 3);
        if (r == p + 2)
            break;
        p = r;
    }
    size_t sp = p;
    while (sp < lim && t[sp] == ' ')
        sp++;
    /* without a place, only a capitalised agency opens a dateline */
    if ((sp == p + 1 || sp == s) && agency_at(t, sp, lim, &q) &&
        (place || is_upper(at(t, sp + 1)))) {
        agency = true;
        p = q;
    }
    if (!((place == 1) || (place == 2 && (date || agency)) || (place == 0 && agency)))
        return s;
    size_t i = p, w;
    while (i < lim && t[i] == ' ')
        i++;
    bool spaced = i > p;
    if (i < lim && t[i] == '-') {
        while (i < lim && t[i] == '-')
            i++;
        if (!(spaced || agency) || (i < lim && !space_at(t, i, lim) && t[i] != '\n'))
            return s;
    } else if ((w = dash_at(t, i, lim)) != 0) {
        i += w;
    } else if (i < lim && t[i] == ':' && !spaced && (place == 1 || agency)) {
        i++;
        if (i < lim && !space_at(t, i, lim) && t[i] != '\n')
            return s;
    } else if (i < lim && t[i] == '_' && spaced) {
        i++;                                  /* old AP: "KABUL, Afghanistan (AP) _" */
    } else if (!(place && date && agency && spaced)) {
        return s;                             /* "New Delhi, Jan 5 (PTI) The ..." has none */
    }
    while (i < e && (t[i] == '\n' || (w = space_at(t, i, e)) != 0))
        i += t[i] == '\n' ? 1 : w;
    return i;
}

/* ------------------------------------------------------------ the output */

typedef struct cleaner {
    core_arena *a;
    const char *t;
    text_block *v;
    size_t n, cap;
    bool nomem;
} cleaner;

static void push(cleaner *c, size_t s, size_t e, int kind, size_t dl)
{
    if (c->nomem)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        text_block *v = core_arena_alloc(c->a, cap * sizeof *v);
        if (!v) {
            c->nomem = true;
            return;
        }
        if (c->n)
            memcpy(v, c->v, c->n * sizeof *v);
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = (text_block){s, e, kind, dl};
}

/* Trims [*s, *e) of white space and line breaks; false when empty. */
static bool trim(const char *t, size_t *s, size_t *e)
{
    size_t w;
    while (*s < *e && (t[*s] == '\n' || (w = space_at(t, *s, *e)) != 0))
        *s += t[*s] == '\n' ? 1 : w;
    while (*e > *s && (t[*e - 1] == '\n' || (w = space_before(t, *s, *e)) != 0))
        *e -= t[*e - 1] == '\n' ? 1 : w;
    return *e > *s;
}

/* Pushes the body text in [s, e) if there is any (a dateline is looked
 * for when it is the first piece of its block); says whether it did. */
static bool push_body(cleaner *c, size_t s, size_t e, bool first)
{
    if (!trim(c->t, &s, &e))
        return false;
    size_t dl = first ? dateline_end(c->t, s, e) : s;
    push(c, s, e, TEXT_BLOCK_BODY, dl);
    return true;
}

/* A body block: photo credits in parentheses become caption blocks of
 * their own, the text around them stays body. */
static void emit_body(cleaner *c, size_t s, size_t e)
{
    const char *t = c->t;
    size_t from = s, i = s, close;
    bool first = true;
    while (i < e) {
        const char *p = memchr(t + i, '(', e - i);
        if (!p)
            break;
        i = (size_t)(p - t);
        if (credit_paren(t, i, e, &close)) {
            first &= !push_body(c, from, i, first);
            push(c, i, close, TEXT_BLOCK_CAPTION, i);
            from = i = close;
        } else {
            i++;
        }
    }
    push_body(c, from, e, first);
}

/* Classifies and pushes the block [s, e); `kind` is its class when already
 * known (a block of one line), else -1. */
static void emit(cleaner *c, size_t s, size_t e, int kind)
{
    switch (kind >= 0 ? kind : classify(c->t, s, e)) {
    case K_BOILER: push(c, s, e, TEXT_BLOCK_BOILERPLATE, s); break;
    case K_CAPTION: push(c, s, e, TEXT_BLOCK_CAPTION, s); break;
    default: emit_body(c, s, e); break;
    }
}

/* ------------------------------------------------------------- joining */

static bool is_list_item(const char *t, const line *ln)
{
    size_t s = ln->start, e = ln->end, w;
    if (e - s >= 2 && is_bullet_at(t, s, e, &w) && t[s] != '|' && s + w < e &&
        space_at(t, s + w, e))
        return true;
    size_t i = s;
    while (i < e && is_digit(at(t, i)) && i - s < 3)
        i++;
    return i > s && i + 1 < e && (t[i] == '.' || t[i] == ')') && t[i + 1] == ' ';
}

/* Columns of the first word of a line. */
static size_t first_word_width(const char *t, const line *ln)
{
    size_t n = 0;
    for (size_t i = ln->start; i < ln->end && t[i] != ' ' && t[i] != '\t'; i++)
        n += (at(t, i) & 0xC0) != 0x80;
    return n;
}

/* Does the line end in the middle of a sentence: a comma, a hyphen, or a
 * word that cannot end one ("the", "of", "said")? */
static bool ends_open(const char *t, const line *ln)
{
    static const char *const open_words[] = {
        "the", "a", "an", "of", "to", "in", "and", "or", "but", "for", "with", "on", "at",
        "by", "from", "that", "as", "is", "was", "were", "are", "has", "have", "had", "will",
        "would", "said", "says", "its", "their", "his", "her", NULL,
    };
    size_t e = ln->end, s = ln->start;
    uc last = at(t, e - 1);
    if (last == ',' || last == ';' || (last == '-' && e - s >= 2 && is_alpha(at(t, e - 2))))
        return true;
    size_t b = e;
    while (b > s && is_alpha(at(t, b - 1)) && e - b < 8)
        b--;
    if (b > s && t[b - 1] != ' ')
        return false;
    char low[8];
    size_t n = e - b;
    if (n == 0 || n > 6 || !is_lower(at(t, b)))
        return false;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)at(t, b + i);
    return in_list(low, n, open_words);
}

static bool ends_sentence(const char *t, const line *ln)
{
    size_t e = ln->end;
    while (e > ln->start && (t[e - 1] == '"' || t[e - 1] == '\'' || t[e - 1] == ')' ||
                             at(t, e - 1) >= 0x80))
        e--;
    return e > ln->start && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?' ||
                             t[e - 1] == ':');
}

/* Is the line, taken alone, boilerplate or a caption?  Worked out once a
 * line, since each is looked at with both of its neighbours. */
static bool standalone(const char *t, line *ln)
{
    if (ln->kind < 0)
        ln->kind = classify(t, ln->start, ln->end);
    return ln->kind != K_BODY;
}

/* Most words of four letters or more capitalised, as in a title ("Talks
 * Collapse Over Nuclear Deal"). */
static bool title_case(const char *t, const line *ln)
{
    size_t longw = 0, caps = 0, i = ln->start;
    while (i < ln->end) {
        while (i < ln->end && t[i] == ' ')
            i++;
        size_t b = i;
        while (i < ln->end && t[i] != ' ')
            i++;
        if (i - b >= 4) {
            longw++;
            caps += is_upper(at(t, b)) || is_digit(at(t, b));
        }
    }
    return longw >= 2 && caps * 10 >= longw * 7;
}

/* What a run of lines looks like: its widest line, and whether it is
 * hard-wrapped text: lines of up to 130 columns, most of those before
 * the last nearly as wide as the widest, and most of them not ending a
 * sentence (a run of one paragraph a line ends nearly every line with a
 * full stop; a list of links has lines of all widths). */
typedef struct run_shape {
    size_t stop;     /* where the run ends */
    size_t wrap;     /* its widest line */
    bool wrapped;
} run_shape;

static void shape_run(const char *t, size_t len, size_t pos, run_shape *rs)
{
    line r;
    size_t stop = pos, wrap = 0, lines = 0;
    do {
        read_line(t, len, stop, &r);
        if (r.start == r.end)
            break;
        if (r.width > wrap)
            wrap = r.width;
        stop = r.next;
        lines++;
    } while (stop < len && !r.para_end);
    rs->stop = stop;
    rs->wrap = wrap;
    rs->wrapped = false;
    if (lines < 2 || wrap < 30 || wrap > 130)
        return;
    size_t full = 0, ended = 0, p = pos;
    for (size_t k = 0; k + 1 < lines; k++) {
        read_line(t, len, p, &r);
        full += r.width * 10 >= wrap * 7;
        ended += ends_sentence(t, &r);
        p = r.next;
    }
    rs->wrapped = full * 2 >= lines - 1 && ended * 2 <= lines - 1;
}

/* Should `cur` continue the block that `prev` ends?  In hard-wrapped text
 * a line was broken because the next word did not fit, so a line that
 * would have had room for the next line's first word ended on purpose (a
 * paragraph's last line, a headline, an item of a list).  Elsewhere lines
 * are only joined where a sentence plainly goes on.  A line that would be
 * boilerplate or a caption alone ("Register", "1986.", "Europe.") is still
 * joined where a sentence runs into it or out of it: `prev_joined` says
 * prev already continues a line above. */
static bool joins(const char *t, line *prev, bool prev_joined, line *cur, const run_shape *rs)
{
    if (is_list_item(t, cur))
        return false;
    uc f = at(t, cur->start);
    bool prev_alone = !prev_joined && standalone(t, prev);
    if (is_lower(f))
        return !(prev_alone && prev->end - prev->start <= 30);
    if (prev_alone || cur->indent > prev->indent)
        return false;
    bool ended = ends_sentence(t, prev);
    if (!ended && (is_digit(f) || ends_open(t, prev)))
        return true;
    if (!ended && !prev_joined && title_case(t, prev))
        return false;
    bool full = rs->wrapped && prev->width + 1 + first_word_width(t, cur) > rs->wrap;
    /* an unfinished line, then a short one that finishes the sentence
     * ("holders of record\nMarch 31.") */
    if (!ended && (full || (rs->wrapped && cur->end - cur->start <= 30 && ends_sentence(t, cur))))
        return true;
    return full && !standalone(t, cur);
}

/* One run of non-blank lines: blocks of joined lines. */
static void clean_run(cleaner *c, size_t len, size_t pos, const run_shape *rs)
{
    const char *t = c->t;
    line prev, cur;
    read_line(t, len, pos, &prev);
    size_t bs = prev.start, be = prev.end;
    bool single = true;
    pos = prev.next;
    while (pos < rs->stop) {
        read_line(t, len, pos, &cur);
        if (joins(t, &prev, !single, &cur, rs)) {
            be = cur.end;
            single = false;
        } else {
            emit(c, bs, be, single ? prev.kind : -1);
            bs = cur.start;
            be = cur.end;
            single = true;
        }
        prev = cur;
        pos = cur.next;
    }
    emit(c, bs, be, single ? prev.kind : -1);
}

/* ----------------------------------------------------------- headlines */

static bool headline_like(const char *t, const text_block *b)
{
    size_t s = b->start, e = b->end;
    if (e - s > 200 || b->dateline_end > s || is_lower(at(t, s)))
        return false;
    size_t x = e;
    while (x > s && (t[x - 1] == '"' || t[x - 1] == '\'' || t[x - 1] == ')' ||
                     at(t, x - 1) >= 0x80))
        x--;
    if (x == s)
        return false;
    uc last = at(t, x - 1);
    if (last == ',' || last == ';' || last == ':')
        return false;
    /* A full stop ends a sentence, except on an abbreviation ("U.S.") */
    if (last == '.' && !(x - s >= 3 && t[x - 3] == '.' && is_upper(at(t, x - 2))) &&
        !(x - s >= 3 && t[x - 2] == '.' && t[x - 3] == '.'))
        return false;
    if (!single_sentence(t, s, e))
        return false;
    size_t words = 1;
    for (size_t i = s; i < e; i++)
        words += t[i] == ' ' || t[i] == '\n';
    return words <= 25;
}

/* Headers of link lists ("More on this story", "Related stories"): the
 * title-like lines under them are links to other articles. */
static bool is_list_header(const char *t, const text_block *b)
{
    static const char *const heads[] = {
        "related", "related stories", "related articles", "related content",
        "related coverage", "related news", "related topics", "related links",
        "more on this story", "more stories", "more from", "you may also like",
        "you might also like", "recommended", "recommended for you", "most read",
        "most popular", "most viewed", "top stories", "read more", "read next",
        "trending", "trending now", "also read", "see also", "latest news", NULL,
    };
    norm nb;
    if (b->end - b->start > 60)
        return false;
    normalize(t, b->start, b->end, &nb);
    return in_list(nb.s, nb.core, heads) || has_prefix(nb.s, nb.core, "more from");
}

static void mark_link_lists(cleaner *c)
{
    for (size_t i = 0; i < c->n; i++) {
        if (c->v[i].kind != TEXT_BLOCK_BOILERPLATE || !is_list_header(c->t, &c->v[i]))
            continue;
        size_t k = i + 1;
        while (k < c->n && c->v[k].kind == TEXT_BLOCK_BODY && c->v[k].end - c->v[k].start <= 150 &&
               headline_like(c->t, &c->v[k]))
            c->v[k++].kind = TEXT_BLOCK_BOILERPLATE;
        i = k - 1;
    }
}

/* The body-kind blocks at the top that look like titles are headlines,
 * while body text follows them. */
static void mark_headlines(cleaner *c)
{
    size_t last_body = c->n, heads = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].kind == TEXT_BLOCK_BODY)
            last_body = i;
    for (size_t i = 0; i < c->n && heads < 3; i++) {
        text_block *b = &c->v[i];
        if (b->kind != TEXT_BLOCK_BODY)
            continue;
        if (i == last_body || last_body == c->n || !headline_like(c->t, b))
            break;
        b->kind = TEXT_BLOCK_HEADLINE;
        heads++;
    }
}

/* ----------------------------------------------------------------- entry */

int text_clean(core_arena *a, const char *text, size_t len, text_block **blocks,
               size_t *n_blocks)
{
    cleaner c = {.a = a, .t = text};
    *blocks = NULL;
    *n_blocks = 0;
    if (!text)
        return len ? ANNALS_E_ARG : ANNALS_OK;
    size_t pos = 0;
    line ln;
    while (pos < len && !c.nomem) {
        read_line(text, len, pos, &ln);
        if (ln.start == ln.end) {
            pos = ln.next;
            continue;
        }
        run_shape rs;
        shape_run(text, len, pos, &rs);
        clean_run(&c, len, pos, &rs);
        pos = rs.stop;
    }
    if (c.nomem)
        return ANNALS_E_NOMEM;
    mark_link_lists(&c);
    mark_headlines(&c);
    *blocks = c.v;
    *n_blocks = c.n;
    return ANNALS_OK;
}

const char *text_block_kind_name(int kind)
{
    switch (kind) {
    case TEXT_BLOCK_BODY: return "body";
    case TEXT_BLOCK_HEADLINE: return "headline";
    case TEXT_BLOCK_CAPTION: return "caption";
    case TEXT_BLOCK_BOILERPLATE: return "boilerplate";
    default: return "?";
    }
}
