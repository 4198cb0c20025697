/* load_legacy.c — PETRARCH (Phoenix.*.actors.txt, Phoenix.agents.txt)
 * and TABARI (.actors, .agents) dictionaries, read as they are:
 *
 *   NAME_WITH_UNDERSCORES [CODE] [CODE YYMMDD-YYMMDD] # comment
 *   +SYNONYM
 *   <tab>[CODE >YYMMDD]
 *   !PERSON! = MAN, MEN          (agents: a macro used as CATTLE!PERSON!)
 *   <!-- comment -->, <NOUN> ... </NOUN> blocks, ; comments (TABARI)
 *
 * Two-digit years: 00–29 are 20xx, 30–99 19xx; eight digits YYYYMMDD.
 * '<D' means until D, '>D' from D, both inclusive.  [---] is "no actor".
 * TABARI matches a name whose last word lacks a trailing '_' as a stem
 * (ARGENTIN matches Argentina and Argentine); PETRARCH does not. */
#include <stdlib.h>
#include <string.h>

#include "actors/load.h"
#include "annals.h"

#define ACT_MAX_MACROS 32
#define ACT_MACRO_ALTS 16

typedef struct act_macro {
    char name[32];           /* "!PERSON!" */
    char alts[ACT_MACRO_ALTS][48];
    size_t n_alts;
} act_macro;

typedef struct act_legacy {
    act_dict *d;
    uint32_t file, line;
    act_section sec;
    bool tabari;
    bool in_entry;
    act_macro macros[ACT_MAX_MACROS];
    size_t n_macros;
} act_legacy;

static bool act_lspace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* One date: YYMMDD or YYYYMMDD, white space around it allowed (PETRARCH's
 * own files write "[HOB < 950601]" and "[HOBGOV 19950601 - 19990815]"). */
static int32_t act_legacy_date(const char *s, size_t len)
{
    while (len && act_lspace(*s)) {
        s++;
        len--;
    }
    while (len && act_lspace(s[len - 1]))
        len--;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return ACT_NO_DATE;
    int y, m, d;
    if (len == 6) {
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y < 30 ? 2000 : 1900;
        s += 2;
    } else if (len == 8) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else {
        return ACT_NO_DATE;
    }
    m = (s[0] - '0') * 10 + (s[1] - '0');
    d = (s[2] - '0') * 10 + (s[3] - '0');
    if (!act_valid_ymd(y, m, d))
        return ACT_NO_DATE;
    return act_days(y, m, d);
}

/* Whether s[0..len) is a code as PETRARCH and TABARI write them: the
 * CAMEO codes of the native format, and also codes whose parts are not
 * three letters ("[ITHTV]", "[YEMNO]": PETRARCH takes a code as the
 * string it is) and TABARI's compound actors, codes joined by '/'
 * ("[FRO/BIL/SAM]": each of them acts).  "[+++]" (TABARI's complex
 * events, which PETRARCH does not implement) is not a code. */
static bool act_legacy_valid(const char *s, size_t len, bool agent)
{
    if (act_valid_code(s, len, agent))
        return true;
    if (agent)
        return false;
    for (size_t i = 0; i <= len;) {
        const char *slash = memchr(s + i, '/', len - i);
        size_t part = slash ? (size_t)(slash - (s + i)) : len - i;
        if (part < 3 || part > 30)
            return false;
        for (size_t k = i; k < i + part; k++)
            if ((s[k] < 'A' || s[k] > 'Z') && (s[k] < '0' || s[k] > '9'))
                return false;
        if (!slash)
            return true;
        i += part + 1;
    }
    return false;
}

/* The inside of one [...]: CODE and an optional date restriction. */
static bool act_legacy_code(act_legacy *L, const char *s, size_t len)
{
    while (len && act_lspace(*s)) {
        s++;
        len--;
    }
    size_t c = 0;
    while (c < len && !act_lspace(s[c]))
        c++;
    const char *code = s;
    size_t code_len = c;
    const char *date = s + c;
    size_t date_len = len - c;
    while (date_len && act_lspace(*date)) {
        date++;
        date_len--;
    }
    while (date_len && act_lspace(date[date_len - 1]))
        date_len--;
    /* An agent's '~' says where the actor's code goes: "[~GOV]" after it
     * (ARN + GOV = ARNGOV), "[NGO~]" before it (NGO + ARN = NGOARN).  The
     * prefix keeps its '~' for the matcher; in actor files '~' is noise. */
    while (code_len && code[0] == '~') {
        code++;
        code_len--;
    }
    bool prefix = false;
    while (code_len && code[code_len - 1] == '~') {
        code_len--;
        prefix = L->sec == ACT_SEC_AGENTS;
    }
    if (code_len == 3 && !memcmp(code, "###", 3))
        code = "---";
    /* Codes are capitals; some files write them in lower case ("[pse]"). */
    char upper[64];
    if (code_len + 1 < sizeof upper) {
        for (size_t k = 0; k < code_len; k++)
            upper[k] = code[k] >= 'a' && code[k] <= 'z' ? (char)(code[k] - 'a' + 'A') : code[k];
        code = upper;
    }
    if (!act_legacy_valid(code, code_len, L->sec == ACT_SEC_AGENTS)) {
        act_dict_diag(L->d, L->file, L->line, "bad code '[%.*s]'; skipped", (int)len, s);
        return true;
    }
    if (prefix && code == upper)
        upper[code_len++] = '~';
    if (!date_len)
        return act_dict_add_code(L->d, code, code_len, false, 0, 0, L->line);
    int32_t from = ACT_DAY_MIN, to = ACT_DAY_MAX;
    bool ok;
    if (date[0] == '>') {
        from = act_legacy_date(date + 1, date_len - 1);
        ok = from != ACT_NO_DATE;
    } else if (date[0] == '<') {
        to = act_legacy_date(date + 1, date_len - 1);
        ok = to != ACT_NO_DATE;
    } else {
        const char *dash = memchr(date, '-', date_len);
        ok = dash != NULL;
        if (ok) {
            size_t a = (size_t)(dash - date);
            from = act_legacy_date(date, a);
            to = act_legacy_date(dash + 1, date_len - a - 1);
            ok = from != ACT_NO_DATE && to != ACT_NO_DATE;
        }
    }
    if (!ok) {
        act_dict_diag(L->d, L->file, L->line, "bad date in '[%.*s]' (YYMMDD-YYMMDD, >YYMMDD, "
                      "<YYMMDD); code skipped", (int)len, s);
        return true;
    }
    if (from > to) {
        act_dict_diag(L->d, L->file, L->line, "reversed date range in '[%.*s]'; code skipped",
                      (int)len, s);
        return true;
    }
    return act_dict_add_code(L->d, code, code_len, true, from, to, L->line);
}

/* Every [...] group of s[0..len). */
static bool act_legacy_codes(act_legacy *L, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        const char *open = memchr(s + i, '[', len - i);
        if (!open)
            break;
        size_t o = (size_t)(open - s);
        const char *close = memchr(open, ']', len - o);
        if (!close) {
            act_dict_diag(L->d, L->file, L->line, "'[' without ']'; code skipped");
            break;
        }
        if (!act_legacy_code(L, open + 1, (size_t)(close - open - 1)))
            return false;
        i = (size_t)(close - s) + 1;
    }
    return true;
}

static const act_macro *act_find_macro(const act_legacy *L, const char *s, size_t len)
{
    for (size_t i = 0; i < L->n_macros; i++)
        if (strlen(L->macros[i].name) == len && !memcmp(L->macros[i].name, s, len))
            return &L->macros[i];
    return NULL;
}

/* PETRARCH makes the plural of every agent noun itself: -S, -ES after
 * S, X, CH, SH, Z, and -IES for a consonant and Y. */
static bool act_legacy_plural(act_legacy *L, const char *s, size_t len)
{
    if (len < 2 || len + 3 >= ACT_NAME_MAX || s[len - 1] == ' ')
        return true;
    char buf[ACT_NAME_MAX];
    memcpy(buf, s, len);
    char last = s[len - 1], prev = s[len - 2];
    if (last == 'S' || last == 's')
        return true; /* PEOPLE, FORCES: already a plural or a mass noun */
    size_t o = len;
    if (last == 'X' || last == 'Z' || ((last == 'H') && (prev == 'C' || prev == 'S'))) {
        memcpy(buf + o, "ES", 2);
        o += 2;
    } else if (last == 'Y' && !strchr("AEIOU", prev)) {
        memcpy(buf + o - 1, "IES", 3);
        o += 2;
    } else {
        buf[o++] = 'S';
    }
    size_t before = L->d->n_names;
    if (!act_dict_add_name(L->d, buf, o, L->line, true, false))
        return false;
    if (L->d->n_names > before)
        L->d->names[before].generated = 1;
    return true;
}

/* Adds a name: '_' becomes a space, macros expand (one per name). */
static bool act_legacy_name(act_legacy *L, const char *s, size_t len, bool plural)
{
    while (len && (act_lspace(*s) || *s == '+')) {
        s++;
        len--;
    }
    while (len && act_lspace(s[len - 1]))
        len--;
    if (!len || len >= ACT_NAME_MAX)
        return true;
    bool stem = L->tabari && s[len - 1] != '_';
    char buf[ACT_NAME_MAX];
    const char *bang = memchr(s, '!', len);
    const char *bang2 = bang ? memchr(bang + 1, '!', len - (size_t)(bang - s) - 1) : NULL;
    const act_macro *m = bang2 ? act_find_macro(L, bang, (size_t)(bang2 - bang) + 1) : NULL;
    size_t n_alts = m ? m->n_alts : 1;
    for (size_t k = 0; k < n_alts; k++) {
        size_t o = 0;
        if (m) {
            size_t pre = (size_t)(bang - s), post = len - (size_t)(bang2 - s) - 1;
            size_t al = strlen(m->alts[k]);
            if (pre + al + post >= ACT_NAME_MAX)
                continue;
            memcpy(buf, s, pre);
            memcpy(buf + pre, m->alts[k], al);
            memcpy(buf + pre + al, bang2 + 1, post);
            o = pre + al + post;
        } else {
            memcpy(buf, s, len);
            o = len;
        }
        for (size_t i = 0; i < o; i++)
            if (buf[i] == '_')
                buf[i] = ' ';
        while (o && buf[o - 1] == ' ')
            o--;
        if (!act_dict_add_name(L->d, buf, o, L->line, true, stem))
            return false;
        if (plural && !L->tabari && L->sec == ACT_SEC_AGENTS && !act_legacy_plural(L, buf, o))
            return false;
    }
    return true;
}

/* "!PERSON! = MAN, MEN, WOMAN" */
static bool act_legacy_macro(act_legacy *L, const char *s, size_t len)
{
    const char *eq = memchr(s, '=', len);
    if (!eq || s[0] != '!')
        return false;
    size_t nl = (size_t)(eq - s);
    while (nl && act_lspace(s[nl - 1]))
        nl--;
    if (nl < 3 || s[nl - 1] != '!' || nl >= sizeof L->macros[0].name)
        return false;
    if (L->n_macros == ACT_MAX_MACROS) {
        act_dict_diag(L->d, L->file, L->line, "too many macros; ignored");
        return true;
    }
    act_macro *m = &L->macros[L->n_macros++];
    memset(m, 0, sizeof *m);
    memcpy(m->name, s, nl);
    const char *p = eq + 1, *end = s + len;
    while (p < end && m->n_alts < ACT_MACRO_ALTS) {
        while (p < end && (act_lspace(*p) || *p == ','))
            p++;
        const char *q = p;
        while (q < end && *q != ',' && !act_lspace(*q))
            q++;
        if (q > p && (size_t)(q - p) < sizeof m->alts[0]) {
            memcpy(m->alts[m->n_alts], p, (size_t)(q - p));
            m->n_alts++;
        }
        p = q;
    }
    return true;
}

/* The length of a line without its comment: '#' anywhere and, in TABARI
 * files, ';' outside brackets. */
static size_t act_legacy_cut(const act_legacy *L, const char *s, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']' && depth)
            depth--;
        else if (s[i] == '#' || (s[i] == ';' && depth == 0))
            return i;
    }
    (void)L;
    return len;
}

static bool act_legacy_line(act_legacy *L, const char *s, size_t len)
{
    bool indented = len && act_lspace(s[0]);
    len = act_legacy_cut(L, s, len);
    while (len && act_lspace(s[len - 1]))
        len--;
    const char *t = s;
    size_t tl = len;
    while (tl && act_lspace(*t)) {
        t++;
        tl--;
    }
    if (!tl)
        return true;
    if (t[0] == '!' && act_legacy_macro(L, t, tl))
        return true;
    if (t[0] == '[' && (indented || L->in_entry)) {
        if (!L->in_entry) {
            act_dict_diag(L->d, L->file, L->line, "codes outside an entry; skipped");
            return true;
        }
        return act_legacy_codes(L, t, tl);
    }
    const char *br = memchr(t, '[', tl);
    size_t name_len = br ? (size_t)(br - t) : tl;
    if (t[0] == '+') {
        if (!L->in_entry) {
            act_dict_diag(L->d, L->file, L->line, "synonym outside an entry; skipped");
            return true;
        }
    } else {
        if (L->in_entry)
            act_dict_end_entry(L->d);
        act_entry *e = act_dict_begin_entry(L->d, L->file, L->line, L->sec);
        if (!e)
            return false;
        e->legacy = 1;
        L->in_entry = true;
    }
    /* PETRARCH agents: "NAME {PLURAL} [CODE]" gives the plural itself
     * ("GOLDEN_GOOSE {GOLDEN_GEESE}"); "{}" says the name has none
     * ("POLICE {}", "MSF {}"); either way no plural is made up */
    const char *brace = memchr(t, '{', name_len);
    if (brace) {
        size_t b = (size_t)(brace - t);
        const char *close = memchr(brace, '}', name_len - b);
        if (!close) {
            act_dict_diag(L->d, L->file, L->line, "'{' without '}'; line skipped");
            return true;
        }
        if (!act_legacy_name(L, t, b, false))
            return false;
        const char *p = brace + 1;
        while (p < close) {
            const char *q = p;
            while (q < close && *q != ',' && !act_lspace(*q))
                q++;
            if (q > p && !act_legacy_name(L, p, (size_t)(q - p), false))
                return false;
            p = q + 1;
        }
    } else if (!act_legacy_name(L, t, name_len, true)) {
        return false;
    }
    return !br || act_legacy_codes(L, br, tl - name_len);
}

int act_load_legacy(act_dict *d, uint32_t file, const char *data, size_t len,
                    act_section section, bool tabari)
{
    act_legacy *L = calloc(1, sizeof *L);
    if (!L)
        return ANNALS_E_NOMEM;
    L->d = d;
    L->file = file;
    L->sec = section;
    L->tabari = tabari;
    bool in_comment = false, in_block = false;
    int rc = ANNALS_OK;
    for (size_t pos = 0; pos < len && !rc;) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        const char *s = data + pos;
        size_t n = end - pos;
        pos = end + 1;
        L->line++;
        if (memchr(s, '\0', n)) {
            act_dict_diag(d, file, L->line, "NUL byte in line; line skipped");
            continue;
        }
        if (in_comment) {
            const char *close = n >= 3 ? memmem(s, n, "-->", 3) : NULL;
            in_comment = close == NULL;
            continue;
        }
        size_t k = 0;
        while (k < n && act_lspace(s[k]))
            k++;
        if (k < n && s[k] == '<') {
            /* <!-- comments --> and TABARI's <NOUN> ... </NOUN> word
             * lists, which are not actors */
            if (n - k >= 2 && s[k + 1] == '!')
                /* "<!-- ... -->", and the "<! -- ... -->" PETRARCH's own
                 * validation actors write: a markup declaration is a
                 * comment, never a block to skip to its end tag */
                in_comment = !memmem(s + k + 2, n - k - 2, "-->", 3);
            else
                in_block = !(n - k >= 2 && s[k + 1] == '/');
            continue;
        }
        if (in_block)
            continue;
        if (!act_legacy_line(L, s, n))
            rc = ANNALS_E_NOMEM;
    }
    if (L->in_entry && !rc)
        act_dict_end_entry(d);
    free(L);
    return rc;
}
