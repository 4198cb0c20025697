/* read_html.c — a web page into an article: its title, its main text as
 * paragraphs separated by blank lines, its publication date, canonical URL
 * and publisher.
 *
 * The page is parsed by libxml2's HTML parser in recovery mode, with the
 * network and external entities off, after the charset has been chosen
 * here (byte-order mark, HTTP header, <meta>, else UTF-8 when the bytes
 * are valid UTF-8 and windows-1252 when not) and the page converted to
 * valid UTF-8 with iconv, a byte the charset lacks becoming U+FFFD.  The article is the
 * [itemprop=articleBody] element, else the <article> or <main> that holds
 * most of the page's paragraph text, else the block that a small
 * readability-style score of its <p> children picks.  Inside it, the parts
 * that are not article (scripts, styles, navigation, forms, asides,
 * headers, footers, share and cookie boxes, hidden elements) are left out.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "core/buf.h"
#include "io/reader.h"
#include "text/utf8.h"

/* ---- small helpers on nodes ------------------------------------------ */

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           !strcasecmp((const char *)n->name, name);
}

/* The value of attribute `name` (names are lower case in libxml2's HTML
 * tree), or NULL.  Borrowed from the tree. */
static const char *attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && !strcasecmp((const char *)a->name, name)) {
            if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

/* Whether the white-space separated list `list` holds `word` (any case). */
static bool has_token(const char *list, const char *word)
{
    if (!list)
        return false;
    size_t wl = strlen(word);
    for (const char *p = list; *p;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *s = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        if ((size_t)(p - s) == wl && !strncasecmp(s, word, wl))
            return true;
    }
    return false;
}

/* Visits every node under `top` (top included) in document order, calling
 * fn when entering and when leaving each; fn's answer on entering says
 * whether to go into the children.  Iterative, so that a page nested
 * thousands deep cannot exhaust the stack. */
typedef bool (*visit_fn)(void *ctx, xmlNode *n, bool entering);

static void walk(xmlNode *top, visit_fn fn, void *ctx)
{
    xmlNode *n = top;
    for (;;) {
        if (fn(ctx, n, true) && n->children) {
            n = n->children;
            continue;
        }
        fn(ctx, n, false);
        while (n != top && !n->next) {
            n = n->parent;
            fn(ctx, n, false);
        }
        if (n == top)
            return;
        n = n->next;
    }
}

/* ---- text with collapsed white space ---------------------------------- */

/* Builds text in which every run of white space is one space, lines are
 * trimmed, and paragraphs are separated by one blank line. */
typedef struct html_text {
    core_buf out;
    int pending;             /* 0 nothing, 1 space, 2 line break, 3 paragraph break */
} html_text;

static void text_break(html_text *t, int level)
{
    if (level > t->pending)
        t->pending = level;
}

static void text_emit_pending(html_text *t)
{
    if (t->out.len > 0) {
        if (t->pending == 1)
            core_buf_putc(&t->out, ' ');
        else if (t->pending == 2)
            core_buf_putc(&t->out, '\n');
        else if (t->pending == 3)
            core_buf_puts(&t->out, "\n\n");
    }
    t->pending = 0;
}

/* Appends the characters of a text node.  A no-break space (U+00A0) counts
 * as white space: pages use it to lay words out, not to bind them. */
static void text_add(html_text *t, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') {
            text_break(t, 1);
            p++;
            continue;
        }
        if (p[0] == 0xC2 && p[1] == 0xA0) {
            text_break(t, 1);
            p += 2;
            continue;
        }
        text_emit_pending(t);
        const unsigned char *q = p;
        while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' && *q != '\f' &&
               *q != '\v' && !(q[0] == 0xC2 && q[1] == 0xA0))
            q++;
        core_buf_append(&t->out, p, (size_t)(q - p));
        p = q;
    }
}

static bool collect_text(void *ctx, xmlNode *n, bool entering)
{
    if (entering && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
        n->content)
        text_add(ctx, (const char *)n->content);
    return entering && (n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE ||
                        n->type == XML_HTML_DOCUMENT_NODE);
}

/* All the text under `n` on one line, white space collapsed; NULL when
 * empty or out of memory.  The caller frees it. */
static char *text_of(xmlNode *n)
{
    html_text t = {CORE_BUF_INIT, 0};
    walk(n, collect_text, &t);
    if (t.out.failed || t.out.len == 0) {
        core_buf_free(&t.out);
        return NULL;
    }
    return core_buf_steal(&t.out);
}

/* A copy of `s` with white space collapsed and trimmed; NULL when empty. */
static char *clean_copy(const char *s)
{
    if (!s)
        return NULL;
    html_text t = {CORE_BUF_INIT, 0};
    text_add(&t, s);
    if (t.out.failed || t.out.len == 0) {
        core_buf_free(&t.out);
        return NULL;
    }
    return core_buf_steal(&t.out);
}

/* ---- dates ------------------------------------------------------------- */

static int month_of(const char *w, size_t n)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        if (!strncasecmp(w, names[m], 3))
            return m + 1;
    return 0;
}

/* Reads up to `max` digits at *p; -1 when there are none. */
static int digits(const char **p, int max, int *count)
{
    int v = 0, n = 0;
    while (n < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    if (count)
        *count = n;
    return n ? v : -1;
}

static bool make_date(int y, int m, int d, char out[11])
{
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    if (!io_valid_date(tmp))
        return false;
    memcpy(out, tmp, 11);
    return true;
}

/* "2024-03-05T10:00:00Z", "2024/3/5", "20240305": year first. */
static bool numeric_date(const char *s, char out[11])
{
    const char *p = s;
    int n;
    int y = digits(&p, 8, &n);
    if (n == 8 && !isdigit((unsigned char)*p))
        return make_date(y / 10000, y / 100 % 100, y % 100, out);
    if (n != 4 || (*p != '-' && *p != '/' && *p != '.'))
        return false;
    char sep = *p++;
    int m = digits(&p, 2, NULL);
    if (*p++ != sep)
        return false;
    int d = digits(&p, 2, NULL);
    if (isdigit((unsigned char)*p))
        return false;
    return make_date(y, m, d, out);
}

/* "March 5, 2024", "5 March 2024", "Tue, 05 Mar 2024 10:00:00 GMT": a
 * month name, a day and a four-digit year among the first words. */
static bool worded_date(const char *s, char out[11])
{
    int y = 0, m = 0, d = 0;
    const char *p = s;
    for (int words = 0; *p && words < 8; words++) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        const char *w = p;
        if (isdigit((unsigned char)*p)) {
            int n;
            int v = digits(&p, 5, &n);
            if (n == 4 && !y)
                y = v;
            else if (n <= 2 && !d && v >= 1 && v <= 31)
                d = v;
            while (isalpha((unsigned char)*p))   /* "5th" */
                p++;
            if (*p == ':')                        /* a time: no more date words */
                break;
        } else {
            while (isalpha((unsigned char)*p))
                p++;
            int mm = month_of(w, (size_t)(p - w));
            if (mm && !m)
                m = mm;
        }
    }
    return y && m && d && make_date(y, m, d, out);
}

bool io_html_date(const char *s, char out[11])
{
    if (!s)
        return false;
    while (isspace((unsigned char)*s))
        s++;
    return numeric_date(s, out) || worded_date(s, out);
}

/* ---- charset ----------------------------------------------------------- */

/* The iconv name of a charset label, or false when iconv cannot convert
 * it.  Labels of Latin-1 and ASCII mean
 * windows-1252 on the web, as browsers read them: pages labelled
 * ISO-8859-1 use its extra quotes and dashes. */
static bool usable_charset(const char *label, char *out, size_t cap)
{
    size_t n = 0;
    while (label[n] && (isalnum((unsigned char)label[n]) || strchr("-_:.", label[n])))
        n++;
    if (n == 0 || n >= cap)
        return false;
    char name[64];
    if (n >= sizeof name)
        return false;
    memcpy(name, label, n);
    name[n] = '\0';
    static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1",  "latin-1",
                                         "us-ascii",   "ascii",     "l1",      "cp819",
                                         "iso_8859-1", "ibm819",    "x-cp1252", "cp1252"};
    for (size_t i = 0; i < sizeof latin1 / sizeof latin1[0]; i++)
        if (!strcasecmp(name, latin1[i]))
            snprintf(name, sizeof name, "windows-1252");
    if (!strcasecmp(name, "utf8") || !strcasecmp(name, "utf-8") ||
        !strcasecmp(name, "unicode-1-1-utf-8"))
        snprintf(name, sizeof name, "UTF-8");
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return false;
    iconv_close(cd);
    snprintf(out, cap, "%s", name);
    return true;
}

/* The charset a <meta> near the top of the page declares, written into
 * out when usable: <meta charset="x"> or <meta http-equiv="Content-Type"
 * content="text/html; charset=x">. */
static bool meta_charset(const char *bytes, size_t len, char *out, size_t cap)
{
    size_t end = len < 8192 ? len : 8192;
    for (size_t i = 0; i + 5 < end; i++) {
        if (bytes[i] != '<' || strncasecmp(bytes + i + 1, "meta", 4))
            continue;
        size_t close = i + 5;
        while (close < end && bytes[close] != '>')
            close++;
        char tag[1024];
        size_t tl = close - i < sizeof tag - 1 ? close - i : sizeof tag - 1;
        memcpy(tag, bytes + i, tl);
        tag[tl] = '\0';
        for (size_t k = 0; k < tl; k++)
            if (tag[k] == '\0')
                tag[k] = ' ';
        const char *c = strcasestr(tag, "charset");
        if (!c)
            continue;
        c += 7;
        while (*c == ' ' || *c == '=' || *c == '"' || *c == '\'')
            c++;
        if (usable_charset(c, out, cap))
            return true;
    }
    return false;
}

/* The charset to read the page in; see the top of this file. */
static void choose_charset(const char *bytes, size_t len, const char *http, char *out,
                           size_t cap)
{
    if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3)) {
        snprintf(out, cap, "UTF-8");
        return;
    }
    if (len >= 2 && !memcmp(bytes, "\xFF\xFE", 2)) {
        snprintf(out, cap, "UTF-16LE");
        return;
    }
    if (len >= 2 && !memcmp(bytes, "\xFE\xFF", 2)) {
        snprintf(out, cap, "UTF-16BE");
        return;
    }
    if (http && usable_charset(http, out, cap))
        return;
    if (meta_charset(bytes, len, out, cap)) {
        /* A page read as ASCII cannot really be UTF-16, whatever it says. */
        if (!strncasecmp(out, "UTF-16", 6))
            snprintf(out, cap, "UTF-8");
        return;
    }
    snprintf(out, cap, "%s", text_utf8_count_invalid(bytes, len) ? "windows-1252" : "UTF-8");
}

/* ---- what the page says about itself ----------------------------------- */

enum { DATE_ARTICLE, DATE_META, DATE_JSONLD, DATE_TIME, DATE_KINDS };

typedef struct html_meta {
    char *og_title, *doc_title, *ld_headline, *first_h1;
    char *canonical, *og_url;
    char *publisher;
    char date[DATE_KINDS][11];
    bool jsonld_failed;      /* out of memory while reading JSON-LD */
} html_meta;

static void meta_free(html_meta *m)
{
    free(m->og_title);
    free(m->doc_title);
    free(m->ld_headline);
    free(m->first_h1);
    free(m->canonical);
    free(m->og_url);
    free(m->publisher);
}

static void set_once(char **slot, const char *value)
{
    if (!*slot && value)
        *slot = clean_copy(value);
}

static void set_date(char slot[11], const char *value)
{
    if (!slot[0] && value)
        io_html_date(value, slot);
}

static void read_meta_tag(html_meta *m, xmlNode *n)
{
    const char *key = attr(n, "property");
    if (!key)
        key = attr(n, "name");
    if (!key)
        key = attr(n, "itemprop");
    const char *content = attr(n, "content");
    if (!key || !content)
        return;
    if (!strcasecmp(key, "og:title"))
        set_once(&m->og_title, content);
    else if (!strcasecmp(key, "og:url"))
        set_once(&m->og_url, content);
    else if (!strcasecmp(key, "og:site_name"))
        set_once(&m->publisher, content);
    else if (!strcasecmp(key, "article:published_time") ||
             !strcasecmp(key, "og:article:published_time") ||
             !strcasecmp(key, "datepublished"))
        set_date(m->date[DATE_ARTICLE], content);
    else {
        static const char *const names[] = {
            "pubdate",   "publishdate", "publish-date",     "publish_date",  "date",
            "dc.date",   "dc.date.issued", "dcterms.date",  "dcterms.issued",
            "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
            "originalpublicationdate", "og:published_time", "article:published"};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (!strcasecmp(key, names[i]))
                set_date(m->date[DATE_META], content);
    }
}

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Looks for datePublished, publisher and headline in a JSON-LD value: the
 * object itself first, then what it contains (@graph, lists), to a small
 * depth. */
static void scan_jsonld(html_meta *m, json_t *v, int depth)
{
    if (depth > 6)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) scan_jsonld(m, e, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    set_date(m->date[DATE_JSONLD], json_str(v, "datePublished"));
    set_once(&m->ld_headline, json_str(v, "headline"));
    json_t *pub = json_object_get(v, "publisher");
    if (json_is_array(pub))
        pub = json_array_get(pub, 0);
    if (json_is_string(pub))
        set_once(&m->publisher, json_string_value(pub));
    else if (json_is_object(pub))
        set_once(&m->publisher, json_str(pub, "name"));
    const char *key;
    json_t *e;
    json_object_foreach(v, key, e)
    {
        if (json_is_array(e) || json_is_object(e))
            if (strcmp(key, "publisher") && strcmp(key, "author"))
                scan_jsonld(m, e, depth + 1);
    }
}

static void read_jsonld(html_meta *m, xmlNode *script)
{
    xmlChar *body = xmlNodeGetContent(script);
    if (!body)
        return;
    json_error_t jerr;
    json_t *root = json_loads((const char *)body, JSON_DECODE_ANY, &jerr);
    if (root)
        scan_jsonld(m, root, 0);
    json_decref(root);
    xmlFree(body);
}

static bool collect_meta(void *ctx, xmlNode *n, bool entering)
{
    html_meta *m = ctx;
    if (!entering || n->type != XML_ELEMENT_NODE)
        return entering;
    if (is_el(n, "meta")) {
        read_meta_tag(m, n);
    } else if (is_el(n, "title")) {
        if (!m->doc_title)
            m->doc_title = text_of(n);
        return false;
    } else if (is_el(n, "link")) {
        if (has_token(attr(n, "rel"), "canonical"))
            set_once(&m->canonical, attr(n, "href"));
    } else if (is_el(n, "script")) {
        const char *type = attr(n, "type");
        if (type && !strncasecmp(type, "application/ld+json", 19))
            read_jsonld(m, n);
        return false;
    } else if (is_el(n, "style")) {
        return false;
    } else if (is_el(n, "time")) {
        const char *dt = attr(n, "datetime");
        if (attr(n, "pubdate") || (attr(n, "itemprop") &&
                                   !strcasecmp(attr(n, "itemprop"), "datePublished")))
            set_date(m->date[DATE_ARTICLE], dt ? dt : NULL);
        set_date(m->date[DATE_TIME], dt);
    } else if (is_el(n, "h1")) {
        if (!m->first_h1)
            m->first_h1 = text_of(n);
    } else if (attr(n, "itemprop") && !strcasecmp(attr(n, "itemprop"), "datePublished")) {
        set_date(m->date[DATE_ARTICLE], attr(n, "content"));
    }
    return true;
}

/* ---- what is not article ----------------------------------------------- */

static bool skipped_name(const xmlNode *n)
{
    static const char *const names[] = {
        "script", "style",  "noscript", "template", "nav",    "footer", "header", "aside",
        "form",   "button", "select",   "option",   "textarea", "input", "label", "iframe",
        "object", "embed",  "svg",      "math",     "canvas", "video",  "audio",  "figure",
        "figcaption", "picture", "img", "menu",     "dialog", "head",   "title",  "meta",
        "link",   "map",    "source",   "track",    "fieldset", "legend"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp((const char *)n->name, names[i]))
            return true;
    return false;
}

/* Whether a class or id names a box that is not article: each word of it
 * (split at spaces, '-' and '_') is compared with a list, so that
 * "share-bar" and "cookie_notice" go while "commentary" stays. */
static bool boilerplate_words(const char *s)
{
    static const char *const words[] = {
        "share",     "sharing",   "social",   "cookie",  "cookies",  "consent", "gdpr",
        "newsletter", "subscribe", "subscription", "related", "recommended", "comment",
        "comments",  "promo",     "advert",   "advertisement", "ad",  "ads",     "sponsor",
        "sponsored", "sidebar",   "breadcrumb", "breadcrumbs", "nav", "navbar",  "navigation",
        "menu",      "footer",    "header",   "masthead", "banner",  "popup",   "modal",
        "outbrain",  "taboola",   "tags",     "toolbar",  "pagination", "paywall", "widget",
        "signup",    "login",     "byline-share", "most-read", "trending", "skip"};
    if (!s)
        return false;
    for (const char *p = s; *p;) {
        while (*p && (isspace((unsigned char)*p) || *p == '-' || *p == '_'))
            p++;
        const char *w = p;
        while (*p && !isspace((unsigned char)*p) && *p != '-' && *p != '_')
            p++;
        size_t n = (size_t)(p - w);
        for (size_t i = 0; n && i < sizeof words / sizeof words[0]; i++)
            if (strlen(words[i]) == n && !strncasecmp(w, words[i], n))
                return true;
    }
    return false;
}

static bool hidden(const xmlNode *n)
{
    if (attr(n, "hidden"))
        return true;
    const char *aria = attr(n, "aria-hidden");
    if (aria && !strcasecmp(aria, "true"))
        return true;
    const char *style = attr(n, "style");
    if (style) {
        char compact[256];
        size_t k = 0;
        for (const char *p = style; *p && k + 1 < sizeof compact; p++)
            if (!isspace((unsigned char)*p))
                compact[k++] = (char)tolower((unsigned char)*p);
        compact[k] = '\0';
        if (strstr(compact, "display:none") || strstr(compact, "visibility:hidden"))
            return true;
    }
    return false;
}

static bool boilerplate_role(const char *role)
{
    static const char *const roles[] = {"navigation", "banner",      "contentinfo", "complementary",
                                        "dialog",     "alertdialog", "search",      "menu",
                                        "menubar",    "toolbar"};
    if (!role)
        return false;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (has_token(role, roles[i]))
            return true;
    return false;
}

/* Whether element n (not the article container itself) is left out. */
static bool not_article(const xmlNode *n)
{
    return skipped_name(n) || hidden(n) || boilerplate_role(attr(n, "role")) ||
           boilerplate_words(attr(n, "class")) || boilerplate_words(attr(n, "id"));
}

/* ---- choosing the article container ------------------------------------ */

/* Text length of the <p> elements under `top` that are not inside a
 * boilerplate box. */
typedef struct p_count {
    xmlNode *top;
    size_t chars;
    int in_p;
} p_count;

static bool count_p(void *ctx, xmlNode *n, bool entering)
{
    p_count *c = ctx;
    if (n->type == XML_ELEMENT_NODE) {
        if (entering && n != c->top && not_article(n))
            return false;
        if (is_el(n, "p"))
            c->in_p += entering ? 1 : -1;
        return entering;
    }
    if (entering && c->in_p > 0 && n->type == XML_TEXT_NODE && n->content)
        c->chars += strlen((const char *)n->content);
    return false;
}

static size_t p_chars(xmlNode *top)
{
    p_count c = {top, 0, 0};
    walk(top, count_p, &c);
    return c.chars;
}

/* Finds the elements matching a test, to a bounded number. */
#define HTML_MAX_FOUND 64
typedef struct found {
    bool (*test)(const xmlNode *);
    xmlNode *nodes[HTML_MAX_FOUND];
    size_t n;
} found;

static bool find_all(void *ctx, xmlNode *n, bool entering)
{
    found *f = ctx;
    if (!entering)
        return false;
    if (n->type == XML_ELEMENT_NODE && f->test(n) && f->n < HTML_MAX_FOUND)
        f->nodes[f->n++] = n;
    return n->type == XML_ELEMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE ||
           n->type == XML_DOCUMENT_NODE;
}

static bool is_article_body(const xmlNode *n)
{
    return has_token(attr(n, "itemprop"), "articleBody");
}

static bool is_article(const xmlNode *n)
{
    return is_el(n, "article");
}

static bool is_main(const xmlNode *n)
{
    return is_el(n, "main") || has_token(attr(n, "role"), "main");
}

/* The matching element with most paragraph text, when it holds at least
 * `share` of the page's (so that a teaser <article> in a side column does
 * not win over the real text); NULL otherwise. */
static xmlNode *best_of(xmlNode *root, bool (*test)(const xmlNode *), size_t page_chars,
                        double share)
{
    found f = {.test = test};
    walk(root, find_all, &f);
    xmlNode *best = NULL;
    size_t best_chars = 0;
    for (size_t i = 0; i < f.n; i++) {
        size_t c = p_chars(f.nodes[i]);
        if (c > best_chars) {
            best = f.nodes[i];
            best_chars = c;
        }
    }
    if (!best || best_chars == 0 || (double)best_chars < share * (double)page_chars)
        return NULL;
    return best;
}

/* Readability-style scoring: each paragraph of some length gives points
 * (one, one per comma, one per hundred characters up to three) to its
 * parent and half of them to its grandparent; the best-scored block wins,
 * or its parent when the parent's other children scored almost as much
 * (text split by an advertisement into sibling blocks). */
typedef struct scored {
    xmlNode *node;
    double score;
} scored;

#define HTML_MAX_CANDIDATES 512
typedef struct scoring {
    scored c[HTML_MAX_CANDIDATES];
    size_t n;
} scoring;

static void add_score(scoring *s, xmlNode *node, double points)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->c[i].node == node) {
            s->c[i].score += points;
            return;
        }
    if (s->n < HTML_MAX_CANDIDATES)
        s->c[s->n++] = (scored){node, points};
}

static bool score_p(void *ctx, xmlNode *n, bool entering)
{
    scoring *s = ctx;
    if (!entering || n->type != XML_ELEMENT_NODE)
        return entering && (n->type == XML_HTML_DOCUMENT_NODE || n->type == XML_DOCUMENT_NODE);
    if (not_article(n))
        return false;
    if (!is_el(n, "p") && !is_el(n, "pre"))
        return true;
    char *t = text_of(n);
    if (t) {
        size_t len = strlen(t);
        if (len >= 25) {
            double points = 1.0;
            for (const char *c = t; *c; c++)
                points += *c == ',';
            points += len / 100 < 3 ? (double)(len / 100) : 3.0;
            add_score(s, n->parent, points);
            if (n->parent)
                add_score(s, n->parent->parent, points / 2);
        }
        free(t);
    }
    return false;
}

static xmlNode *best_scored(xmlNode *root)
{
    scoring *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    walk(root, score_p, s);
    scored *best = NULL;
    for (size_t i = 0; i < s->n; i++)
        if (!best || s->c[i].score > best->score)
            best = &s->c[i];
    xmlNode *node = best ? best->node : NULL;
    if (best && node->parent && node->parent->type == XML_ELEMENT_NODE) {
        double siblings = 0;
        for (size_t i = 0; i < s->n; i++)
            if (&s->c[i] != best && s->c[i].node->parent == node->parent)
                siblings += s->c[i].score;
        if (siblings >= best->score / 3)
            node = node->parent;
    }
    free(s);
    return node;
}

static xmlNode *find_body(xmlNode *root)
{
    for (xmlNode *n = root; n; n = n->next) {
        if (is_el(n, "body"))
            return n;
        for (xmlNode *c = n->children; c; c = c->next)
            if (is_el(c, "body"))
                return c;
    }
    return root;
}

static xmlNode *choose_container(xmlNode *root)
{
    size_t page = p_chars(root);
    xmlNode *c = best_of(root, is_article_body, page, 0.0);
    if (!c)
        c = best_of(root, is_article, page, 0.4);
    if (!c)
        c = best_of(root, is_main, page, 0.4);
    if (!c)
        c = best_scored(root);
    return c ? c : find_body(root);
}

/* ---- the article text -------------------------------------------------- */

static bool block_name(const xmlNode *n)
{
    static const char *const names[] = {
        "p",  "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul",  "ol",      "dl",      "dt",   "dd", "blockquote", "pre", "table",
        "tr", "td",  "th",      "hr",      "address", "center", "caption", "body", "html"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp((const char *)n->name, names[i]))
            return true;
    return false;
}

typedef struct html_body {
    html_text t;
    xmlNode *top;
    const char *title;       /* a heading with this text is not repeated */
} html_body;

static bool collect_body(void *ctx, xmlNode *n, bool entering)
{
    html_body *b = ctx;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (entering && n->content)
            text_add(&b->t, (const char *)n->content);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE)
        return false;        /* comments, processing instructions */
    if (entering && n != b->top && not_article(n))
        return false;
    if (is_el(n, "br")) {
        text_break(&b->t, 2);
        return false;
    }
    if (entering && b->title && (is_el(n, "h1") || is_el(n, "h2"))) {
        char *h = text_of(n);
        bool same = h && !strcmp(h, b->title);
        free(h);
        if (same)
            return false;
    }
    if (block_name(n))
        text_break(&b->t, 3);
    return entering;
}

/* ---- to UTF-8 ---------------------------------------------------------- */

/* bytes[0..len) in `charset` as valid UTF-8 (malloc'd, NUL-terminated,
 * length in *out_len).  Bytes the charset does not define become U+FFFD
 * instead of stopping the page there, which is what libxml2's own
 * conversion would do; NUL bytes become spaces.  NULL when out of memory. */
static char *to_utf8(const char *bytes, size_t len, const char *charset, size_t *out_len)
{
    if (!strcasecmp(charset, "UTF-8")) {
        if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3)) {
            bytes += 3;
            len -= 3;
        }
        return text_utf8_repair(bytes, len, true, out_len);
    }
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return text_utf8_repair(bytes, len, true, out_len);
    core_buf out = CORE_BUF_INIT;
    char *in = (char *)bytes;
    size_t left = len;
    while (left > 0 && !out.failed) {
        if (!core_buf_reserve(&out, left * 2 + 16))
            break;
        char *o = out.data + out.len;
        size_t room = out.cap - out.len - 1;
        size_t before = room;
        size_t rc = iconv(cd, &in, &left, &o, &room);
        out.len += before - room;
        if (rc == (size_t)-1 && errno != E2BIG) {
            /* EILSEQ: a byte the charset lacks; EINVAL: cut at the end */
            core_buf_puts(&out, "\xEF\xBF\xBD");
            in++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    if (out.failed) {
        core_buf_free(&out);
        return NULL;
    }
    core_buf_putc(&out, '\0');  /* makes data non-NULL even when empty */
    out.len--;
    out.data[out.len] = '\0';
    /* iconv passes NUL through; repair makes the text clean either way */
    char *clean = text_utf8_repair(out.data, out.len, true, out_len);
    core_buf_free(&out);
    return clean;
}

/* ---- the whole page ---------------------------------------------------- */

static pthread_once_t html_once = PTHREAD_ONCE_INIT;

static void html_init(void)
{
    xmlInitParser();
}

static void html_quiet(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

/* The title without a trailing " | Site", " - Site" or " — Site" when
 * the site name is known. */
static void strip_site(char *title, const char *site)
{
    if (!title || !site)
        return;
    size_t tl = strlen(title), sl = strlen(site);
    if (tl <= sl + 3 || strcasecmp(title + tl - sl, site))
        return;
    size_t end = tl - sl;
    while (end > 0 && title[end - 1] == ' ')
        end--;
    static const char *const seps[] = {"|", "-", ":", "\xC2\xB7", "\xE2\x80\x94", "\xE2\x80\x93"};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        size_t n = strlen(seps[i]);
        if (end > n && !memcmp(title + end - n, seps[i], n)) {
            end -= n;
            while (end > 0 && title[end - 1] == ' ')
                end--;
            if (end > 0)
                title[end] = '\0';
            return;
        }
    }
}

/* An absolute form of `href` against the page's address when it is
 * relative; NULL when it cannot be made absolute.  Caller frees. */
static char *absolute_url(const char *href, const char *base)
{
    if (!href)
        return NULL;
    if (strstr(href, "://"))
        return strdup(href);
    if (!base)
        return NULL;
    xmlChar *u = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
    if (!u)
        return NULL;
    char *s = strdup((const char *)u);
    xmlFree(u);
    return s;
}

static void fill_doc(io_html_doc *d, html_meta *m, xmlNode *root, const char *base_url)
{
    const char *title = m->og_title ? m->og_title : m->ld_headline;
    if (!title && m->doc_title) {
        strip_site(m->doc_title, m->publisher);
        title = m->doc_title;
    }
    if (!title)
        title = m->first_h1;
    d->title = title ? strdup(title) : NULL;
    for (int k = 0; k < DATE_KINDS && !d->date[0]; k++)
        memcpy(d->date, m->date[k], 11);
    d->url = absolute_url(m->canonical, base_url);
    if (!d->url)
        d->url = absolute_url(m->og_url, base_url);
    if (m->publisher)
        d->publisher = strdup(m->publisher);

    html_body b = {{CORE_BUF_INIT, 0}, choose_container(root), d->title};
    walk(b.top, collect_body, &b);
    if (b.t.out.failed) {
        core_buf_free(&b.t.out);
        return;
    }
    d->text_len = b.t.out.len;
    d->text = b.t.out.len ? core_buf_steal(&b.t.out) : strdup("");
}

int io_html_extract(const char *bytes, size_t len, const char *http_charset,
                    const char *base_url, io_html_doc *d)
{
    memset(d, 0, sizeof *d);
    pthread_once(&html_once, html_init);
    if (len > INT32_MAX)
        return ANNALS_E_LIMIT;
    choose_charset(bytes, len, http_charset, d->charset, sizeof d->charset);
    size_t ulen;
    char *utf8 = to_utf8(bytes, len, d->charset, &ulen);
    if (!utf8)
        return ANNALS_E_NOMEM;
    if (ulen > INT32_MAX) {
        free(utf8);
        return ANNALS_E_LIMIT;
    }
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        free(utf8);
        return ANNALS_E_NOMEM;
    }
    /* The library never prints: libxml2's messages that the options do
     * not silence (I/O, encodings) go nowhere, for this call only. */
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, html_quiet);
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, ulen ? utf8 : " ", ulen ? (int)ulen : 1,
                                        base_url, "UTF-8", opts);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    htmlFreeParserCtxt(ctxt);
    free(utf8);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        /* Nothing a parser could make a tree of (no markup, no text):
         * an empty article. */
        xmlFreeDoc(doc);
        d->text = strdup("");
        return d->text ? ANNALS_OK : ANNALS_E_NOMEM;
    }
    html_meta m = {0};
    walk(root, collect_meta, &m);
    fill_doc(d, &m, root, base_url);
    meta_free(&m);
    xmlFreeDoc(doc);
    if (!d->text) {
        io_html_doc_free(d);
        return ANNALS_E_NOMEM;
    }
    return ANNALS_OK;
}

void io_html_doc_free(io_html_doc *d)
{
    if (!d)
        return;
    free(d->text);
    free(d->title);
    free(d->url);
    free(d->publisher);
    memset(d, 0, sizeof *d);
}
