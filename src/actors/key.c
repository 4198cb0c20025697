/* key.c — the matching key of a token (see key.h). */
#include "actors/key.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool act_all_dashes(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s != '-')
            return false;
    return true;
}

/* Copies `s` into out without full stops (unless that leaves nothing). */
static size_t act_copy_key(const char *s, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o < ACT_KEY_MAX - 1; i++)
        if (s[i] != '.')
            out[o++] = s[i];
    if (o == 0) {
        o = len < ACT_KEY_MAX - 1 ? len : ACT_KEY_MAX - 1;
        memcpy(out, s, o);
    }
    out[o] = '\0';
    return o;
}

size_t act_key(const char *norm, char *out)
{
    out[0] = '\0';
    if (!norm || !*norm || act_all_dashes(norm))
        return 0;
    size_t len = strlen(norm);
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)norm[i] >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) {
        char low[ACT_KEY_MAX];
        size_t n = len < ACT_KEY_MAX - 1 ? len : ACT_KEY_MAX - 1;
        for (size_t i = 0; i < n; i++) {
            char c = norm[i];
            low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        return act_copy_key(low, n, out);
    }
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)norm, (utf8proc_ssize_t)len,
                                      &folded,
                                      UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (r < 0 || !folded) {
        free(folded);
        return act_copy_key(norm, len, out);
    }
    size_t n = act_copy_key((const char *)folded, (size_t)r, out);
    free(folded);
    return n;
}

bool act_is_upper(const char *form)
{
    bool letters = false;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)form;
    while (p && *p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        if (n <= 0)
            return letters;
        if (utf8proc_toupper(cp) != cp)
            return false;            /* a lower-case letter */
        if (utf8proc_tolower(cp) != cp)
            letters = true;
        p += n;
    }
    return letters;
}

bool act_has_lower(const char *form)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)form;
    while (p && *p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        if (n <= 0)
            return false;
        if (utf8proc_toupper(cp) != cp)
            return true;
        p += n;
    }
    return false;
}

bool act_is_capitalised(const char *form)
{
    if (!form || !*form)
        return false;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)form, -1, &cp) <= 0)
        return false;
    return utf8proc_tolower(cp) != cp;
}
