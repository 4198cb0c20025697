/* load.c — reading a dictionary file and telling its format. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors/load.h"
#include "annals.h"

/* The native format announces itself ("# annals actors 1") or uses its
 * sections; PETRARCH and TABARI write codes in brackets on the name
 * line or below it, synonyms with '+', comments as <!-- -->. */
act_format act_sniff_format(const char *data, size_t len)
{
    size_t lines = 0;
    for (size_t pos = 0; pos < len && lines < 400; lines++) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        const char *s = data + pos;
        size_t n = end - pos;
        pos = end + 1;
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        if (n >= 9 && !memcmp(s, "# annals ", 9))
            return ACT_FMT_NATIVE;
        if ((n == 8 && (!memcmp(s, "[actors]", 8) || !memcmp(s, "[agents]", 8))))
            return ACT_FMT_NATIVE;
        if (!n || s[0] == '#')
            continue;
        if (s[0] == '+' || (n >= 4 && !memcmp(s, "<!--", 4)))
            return ACT_FMT_LEGACY;
        const char *br = memchr(s, '[', n);
        if (br && memchr(br, ']', n - (size_t)(br - s)))
            return ACT_FMT_LEGACY;
    }
    return ACT_FMT_NATIVE;
}

/* TABARI files are the legacy files not named *.txt (PETRARCH's). */
static bool act_is_tabari_name(const char *name)
{
    size_t n = strlen(name);
    return !(n >= 4 && !strcmp(name + n - 4, ".txt"));
}

int act_dict_load_buffer(act_dict *d, const char *name, const char *data, size_t len,
                         act_format fmt, act_section section)
{
    uint32_t file = act_dict_add_file(d, name);
    if (fmt == ACT_FMT_AUTO)
        fmt = act_sniff_format(data, len);
    if (fmt == ACT_FMT_NATIVE)
        return act_load_native(d, file, data, len, section);
    return act_load_legacy(d, file, data, len, section, act_is_tabari_name(name));
}

int act_dict_load_file(act_dict *d, const char *path, act_format fmt, act_section section)
{
    return act_dict_load_file_as(d, path, path, fmt, section);
}

int act_dict_load_file_as(act_dict *d, const char *path, const char *name, act_format fmt,
                          act_section section)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        uint32_t file = act_dict_add_file(d, name);
        act_dict_diag(d, file, 0, "cannot open: %s", strerror(errno));
        return ANNALS_E_IO;
    }
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            size_t nc = cap ? cap * 2 : 262144;
            char *nd = realloc(data, nc);
            if (!nd) {
                free(data);
                fclose(f);
                return ANNALS_E_NOMEM;
            }
            data = nd;
            cap = nc;
        }
        size_t r = fread(data + len, 1, cap - len, f);
        len += r;
        if (r == 0)
            break;
    }
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed) {
        free(data);
        uint32_t file = act_dict_add_file(d, name);
        act_dict_diag(d, file, 0, "read error");
        return ANNALS_E_IO;
    }
    int rc = act_dict_load_buffer(d, name, data, len, fmt, section);
    free(data);
    return rc;
}
