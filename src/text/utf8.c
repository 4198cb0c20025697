/* utf8.c — UTF-8 decoding with repair, NFC through utf8proc, and folding
 * of typographic punctuation for matching. */
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t text_utf8_next(const char *s, size_t len, size_t i, uint32_t *cp, bool *invalid)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t avail = len - i;
    unsigned char c = u[0];
    if (invalid)
        *invalid = false;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        goto bad;
    }
    if (avail < n)
        goto bad;
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80)
            goto bad;
        v = (v << 6) | (u[k] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are invalid. */
    if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        goto bad;
    *cp = v;
    return n;
bad:
    *cp = 0xFFFD;
    if (invalid)
        *invalid = true;
    return 1;
}

size_t text_utf8_count_invalid(const char *s, size_t len)
{
    size_t bad = 0, i = 0;
    while (i < len) {
        /* ASCII runs are the common case: skip them a byte at a time
         * without decoding. */
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        bool inv;
        i += text_utf8_next(s, len, i, &cp, &inv);
        bad += inv;
    }
    return bad;
}

char *text_utf8_repair(const char *s, size_t len, bool nul_to_space, size_t *out_len)
{
    char *valid = malloc(len * 3 + 1);
    if (!valid)
        return NULL;
    size_t o = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        bool inv;
        size_t n = text_utf8_next(s, len, i, &cp, &inv);
        if (inv) {
            memcpy(valid + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else if (cp == 0 && nul_to_space) {
            valid[o++] = ' ';
        } else {
            memcpy(valid + o, s + i, n);
            o += n;
        }
        i += n;
    }
    valid[o] = '\0';
    *out_len = o;
    return valid;
}

char *text_normalize(core_arena *a, const char *s, size_t len)
{
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '\0') {
            ascii = false;
            break;
        }
    if (ascii)
        return core_arena_strndup(a, s, len);

    /* Repair first (each invalid byte becomes U+FFFD, NUL becomes a space so
     * that the result is a C string), then let utf8proc compose. */
    size_t o;
    char *valid = text_utf8_repair(s, len, true, &o);
    if (!valid)
        return NULL;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)valid, (utf8proc_ssize_t)o, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    char *out;
    if (r < 0) /* cannot happen on valid input; keep the repaired text */
        out = core_arena_strndup(a, valid, o);
    else
        out = core_arena_strndup(a, (const char *)nfc, (size_t)r);
    free(nfc);
    free(valid);
    return out;
}

/* The ASCII stand-in for a typographic character, or NULL. */
static const char *fold_char(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0xFF07:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0xFF02:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return "-";
    case 0x00A0: case 0x2007: case 0x202F: case 0x2009: case 0x200A:
        return " ";
    case 0x2026:
        return "...";
    default:
        return NULL;
    }
}

const char *text_fold(core_arena *a, const char *s)
{
    size_t len = strlen(s), i = 0;
    /* Find the first character to fold; most words have none. */
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = text_utf8_next(s, len, i, &cp, NULL);
        if (fold_char(cp))
            break;
        i += n;
    }
    if (i == len)
        return s;
    char *out = core_arena_alloc(a, len * 3 + 1); /* "..." from 3 bytes at most triples */
    if (!out)
        return NULL;
    memcpy(out, s, i);
    size_t o = i;
    while (i < len) {
        uint32_t cp;
        size_t n = text_utf8_next(s, len, i, &cp, NULL);
        const char *f = (unsigned char)s[i] >= 0x80 ? fold_char(cp) : NULL;
        if (f) {
            size_t fl = strlen(f);
            memcpy(out + o, f, fl);
            o += fl;
        } else {
            memcpy(out + o, s + i, n);
            o += n;
        }
        i += n;
    }
    out[o] = '\0';
    return out;
}
