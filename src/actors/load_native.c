/* load_native.c — the native dictionary format of doc/dictionaries.md:
 * entries of names at column 0, their codes indented below, optional date
 * ranges, `{…}` suffixes, sections [actors] and [agents]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors/load.h"
#include "annals.h"

#define ACT_MAX_VARIANTS 64

static bool act_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Cuts a comment: '#' at the start or after white space. */
static size_t act_native_cut_comment(const char *s, size_t len)
{
    for (const char *h = memchr(s, '#', len); h; h = memchr(h + 1, '#', len - (size_t)(h + 1 - s))) {
        size_t i = (size_t)(h - s);
        if (i == 0 || act_space(s[i - 1]))
            return i;
        if (i + 1 >= len)
            break;
    }
    return len;
}

static void act_trim(const char **s, size_t *len)
{
    while (*len && act_space(**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len && act_space((*s)[*len - 1]))
        (*len)--;
}

/* Expands the first brace group of `name` into `out` (recursively),
 * appending each variant as a NUL-terminated string; returns false when
 * the braces are unbalanced or there are too many variants. */
static bool act_expand(const char *name, size_t len, char out[][ACT_NAME_MAX], size_t *n)
{
    const char *open = memchr(name, '{', len);
    if (!open) {
        if (memchr(name, '}', len))
            return false;
        if (*n >= ACT_MAX_VARIANTS || len >= ACT_NAME_MAX)
            return false;
        memcpy(out[*n], name, len);
        out[*n][len] = '\0';
        (*n)++;
        return true;
    }
    size_t o = (size_t)(open - name);
    const char *close = memchr(open, '}', len - o);
    if (!close)
        return false;
    size_t c = (size_t)(close - name);
    const char *alts = open + 1;
    size_t alts_len = c - o - 1;
    if (memchr(alts, '{', alts_len))
        return false;
    bool single = !memchr(alts, '|', alts_len);
    char buf[ACT_NAME_MAX];
    /* A single suffix is optional: the name without it first. */
    if (single) {
        if (o + (len - c - 1) >= ACT_NAME_MAX)
            return false;
        memcpy(buf, name, o);
        memcpy(buf + o, close + 1, len - c - 1);
        if (!act_expand(buf, o + len - c - 1, out, n))
            return false;
    }
    for (size_t i = 0; i <= alts_len;) {
        size_t j = i;
        while (j < alts_len && alts[j] != '|')
            j++;
        size_t total = o + (j - i) + (len - c - 1);
        if (total >= ACT_NAME_MAX)
            return false;
        memcpy(buf, name, o);
        memcpy(buf + o, alts + i, j - i);
        memcpy(buf + o + (j - i), close + 1, len - c - 1);
        if (!act_expand(buf, total, out, n))
            return false;
        i = j + 1;
    }
    return true;
}

/* Capitals (and digits, which TABARI's fictional test codes use). */
static bool act_upper_run(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9'))
            return false;
    return true;
}

bool act_valid_code(const char *s, size_t len, bool agent)
{
    if (len == 3 && !memcmp(s, "---", 3))
        return true;
    return len >= 3 && len % 3 == 0 && act_upper_run(s, len) && (agent || len <= 30);
}

/* One date of a range: YYYY-MM-DD, YYYY-MM or YYYY; `end` picks the last
 * day of a month or year.  ACT_NO_DATE when malformed. */
static int32_t act_native_date(const char *s, size_t len, bool end)
{
    int y = 0, m = end ? 12 : 1, d = 1;
    if (len != 4 && len != 7 && len != 10)
        return ACT_NO_DATE;
    for (size_t i = 0; i < len; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return ACT_NO_DATE;
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (len >= 7)
        m = (s[5] - '0') * 10 + (s[6] - '0');
    if (len == 10)
        d = (s[8] - '0') * 10 + (s[9] - '0');
    else if (end) {
        d = 31;
        while (d > 28 && !act_valid_ymd(y, m, d))
            d--;
    }
    if (!act_valid_ymd(y, m, d))
        return ACT_NO_DATE;
    return act_days(y, m, d);
}

bool act_parse_range(const char *s, size_t len, int32_t *from, int32_t *to)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    if (!dots)
        return false;
    size_t a = (size_t)(dots - s), b = len - a - 2;
    if (a == 0 && b == 0)
        return false;
    *from = a ? act_native_date(s, a, false) : ACT_DAY_MIN;
    if (a && *from == ACT_NO_DATE)
        return false;
    *to = b ? act_native_date(dots + 2, b, true) : ACT_DAY_MAX;
    return !(b && *to == ACT_NO_DATE);
}

static bool act_native_code_line(act_dict *d, uint32_t file, uint32_t line, const char *s,
                                 size_t len, act_section sec)
{
    const char *semi = memchr(s, ';', len);
    if (semi)
        len = (size_t)(semi - s);
    act_trim(&s, &len);
    const char *sp = s;
    while (sp < s + len && !act_space(*sp))
        sp++;
    const char *code = s;
    size_t code_len = (size_t)(sp - s);
    const char *rest = sp;
    size_t rest_len = len - code_len;
    act_trim(&rest, &rest_len);
    bool agent = sec == ACT_SEC_AGENTS;
    /* An agent's '~' says where the actor's code goes, as in PETRARCH's
     * files: "~GOV" (or "GOV") after it, "NGO~" before it.  The prefix
     * keeps its '~' for the matcher (as load_legacy.c keeps it), so that a
     * converted dictionary codes as the one it came from. */
    bool prefix = false;
    if (agent && code_len > 1 && code[0] == '~') {
        code++;
        code_len--;
    } else if (agent && code_len > 1 && code[code_len - 1] == '~') {
        code_len--;
        prefix = true;
    }
    if (!act_valid_code(code, code_len, agent)) {
        act_dict_diag(d, file, line, "bad code '%.*s' (CAMEO actor codes are 3-letter parts "
                      "in capitals); line skipped", (int)code_len, code);
        return true;
    }
    if (prefix && !(code_len == 3 && !memcmp(code, "---", 3)))
        code_len++;
    if (!rest_len)
        return act_dict_add_code(d, code, code_len, false, 0, 0, line);
    if (memchr(rest, ' ', rest_len) || memchr(rest, '\t', rest_len)) {
        act_dict_diag(d, file, line, "unexpected text after the date range: '%.*s'; line "
                      "skipped", (int)rest_len, rest);
        return true;
    }
    int32_t from, to;
    if (!act_parse_range(rest, rest_len, &from, &to)) {
        act_dict_diag(d, file, line, "bad date range '%.*s' (YYYY-MM-DD..YYYY-MM-DD, either end "
                      "may be open); line skipped", (int)rest_len, rest);
        return true;
    }
    if (from > to) {
        act_dict_diag(d, file, line, "reversed date range '%.*s'; line skipped", (int)rest_len,
                      rest);
        return true;
    }
    return act_dict_add_code(d, code, code_len, true, from, to, line);
}

static bool act_native_names(act_dict *d, uint32_t file, uint32_t line, const char *s, size_t len,
                             char (*out)[ACT_NAME_MAX])
{
    bool ok = true;
    for (size_t i = 0; i <= len && ok;) {
        size_t j = i;
        while (j < len && s[j] != ';')
            j++;
        const char *name = s + i;
        size_t name_len = j - i;
        act_trim(&name, &name_len);
        i = j + 1;
        if (!name_len) {
            act_dict_diag(d, file, line, "empty name between ';'");
            continue;
        }
        size_t n = 0;
        if (!act_expand(name, name_len, out, &n)) {
            act_dict_diag(d, file, line, "name '%.*s': unbalanced braces, nested braces or too "
                          "many variants; name skipped", (int)name_len, name);
            continue;
        }
        for (size_t k = 0; k < n && ok; k++)
            ok = act_dict_add_name(d, out[k], strlen(out[k]), line, false, false);
    }
    return ok;
}

int act_load_native(act_dict *d, uint32_t file, const char *data, size_t len,
                    act_section section)
{
    /* room for the variants of one name, reused line after line */
    char(*variants)[ACT_NAME_MAX] = malloc(sizeof(char[ACT_MAX_VARIANTS][ACT_NAME_MAX]));
    if (!variants)
        return ANNALS_E_NOMEM;
    act_section sec = section;
    bool in_entry = false, has_nul = memchr(data, '\0', len) != NULL;
    uint32_t line = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        const char *s = data + pos;
        size_t n = end - pos;
        pos = end + 1;
        line++;
        if (has_nul && memchr(s, '\0', n)) {
            act_dict_diag(d, file, line, "NUL byte in line; line skipped");
            continue;
        }
        n = act_native_cut_comment(s, n);
        bool indented = n && act_space(s[0]);
        act_trim(&s, &n);
        if (!n)
            continue;
        if (indented) {
            if (!in_entry) {
                act_dict_diag(d, file, line, "code line outside an entry; skipped");
                continue;
            }
            if (!act_native_code_line(d, file, line, s, n, sec))
                goto nomem;
            continue;
        }
        if (in_entry)
            act_dict_end_entry(d);
        in_entry = false;
        if (s[0] == '[') {
            if (n == 8 && !memcmp(s, "[actors]", 8))
                sec = ACT_SEC_ACTORS;
            else if (n == 8 && !memcmp(s, "[agents]", 8))
                sec = ACT_SEC_AGENTS;
            else
                act_dict_diag(d, file, line, "unknown section '%.*s' (actors or agents); "
                              "ignored", (int)n, s);
            continue;
        }
        if (!act_dict_begin_entry(d, file, line, sec))
            goto nomem;
        in_entry = true;
        if (!act_native_names(d, file, line, s, n, variants))
            goto nomem;
    }
    if (in_entry)
        act_dict_end_entry(d);
    free(variants);
    return ANNALS_OK;
nomem:
    free(variants);
    return ANNALS_E_NOMEM;
}
