/* fuzz_dict.c — the dictionary loaders over arbitrary bytes: the first
 * byte picks the format (native, PETRARCH, TABARI) and the section; the
 * rest is the file.  Whatever loads must be consistent (every name points
 * at an entry with a code, every code's range is in order), lint and the
 * native writer must run over it, and the matcher over a sentence made of
 * the same bytes must return mentions inside the sentence. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors/lint.h"
#include "actors/match.h"
#include "text/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_ignore(void *user, const char *msg)
{
    (void)user;
    if (!msg || !*msg)
        abort();
}

static void fuzz_check(const act_dict *d)
{
    for (size_t i = 0; i < d->n_names; i++) {
        const act_name *nm = &d->names[i];
        if (nm->entry >= d->n_entries || !nm->n_keys)
            abort();
        if (d->entries[nm->entry].n_codes == 0)
            abort();
    }
    for (size_t i = 0; i < d->n_codes; i++)
        if (d->codes[i].dated && d->codes[i].from > d->codes[i].to)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const names[] = {"fuzz.actors", "Phoenix.fuzz.actors.txt",
                                        "TABARI.fuzz.actors"};
    unsigned pick = data[0] % 3;
    act_section sec = (data[0] >> 2) & 1 ? ACT_SEC_AGENTS : ACT_SEC_ACTORS;
    act_format fmt = pick == 0 ? ACT_FMT_NATIVE : ACT_FMT_LEGACY;
    if ((data[0] >> 3) & 1)
        fmt = ACT_FMT_AUTO;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    act_dict d;
    if (!act_dict_init(&d))
        return 0;
    if (act_dict_load_buffer(&d, names[pick], text, len, fmt, sec) == 0) {
        fuzz_check(&d);
        if (act_lint(&d, fuzz_ignore, NULL) < 0)
            abort();
        FILE *out = fopen("/dev/null", "w");
        if (out) {
            act_write_native(&d, names[pick], out);
            fclose(out);
        }
        core_arena a;
        core_arena_init(&a, 0);
        text_sentences s = {0};
        if (text_tokenize_sentence(&a, text, 0, len < 2048 ? len : 2048, ANNALS_SENT_BODY,
                                   &s) == 0 && s.n) {
            act_mention *m;
            size_t n;
            if (act_find_mentions(&d, &a, &s.v[0], act_days(2010, 1, 1), &m, &n) == 0)
                for (size_t i = 0; i < n; i++)
                    if (m[i].first >= m[i].end || m[i].end > s.v[0].n_words || !m[i].code)
                        abort();
        }
        text_sentences_free(&s);
        core_arena_destroy(&a);
    }
    act_dict_free(&d);
    return 0;
}
