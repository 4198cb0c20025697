/* writer.c — events (or, for CoNLL-U, sentences) onto a stream in the
 * format asked for.  The format functions live in write_events.c. */
#include <stdlib.h>
#include <string.h>

#include "io/conllu.h"
#include "io/writer.h"

struct annals_writer {
    FILE *out;               /* not owned */
    annals_format format;
    unsigned long long events; /* events written so far */
};

int annals_format_from_name(const char *name)
{
    static const char *const names[] = {"jsonl", "gdelt", "phoenix", "conllu"};
    if (!name)
        return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i]))
            return (int)i;
    return -1;
}

annals_writer *annals_writer_create(FILE *out, annals_format format)
{
    if (!out || (int)format < ANNALS_FORMAT_JSONL || format > ANNALS_FORMAT_CONLLU)
        return NULL;
    annals_writer *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->out = out;
    w->format = format;
    return w;
}

void annals_writer_free(annals_writer *w)
{
    free(w);
}

int annals_writer_write(annals_writer *w, const annals_document *doc,
                        const annals_sentence *sentences, size_t n_sentences,
                        const annals_event *events, size_t n_events)
{
    if (!w || !doc || (n_sentences && !sentences) || (n_events && !events))
        return ANNALS_E_ARG;
    if (w->format == ANNALS_FORMAT_CONLLU)
        return io_conllu_write(w->out, doc, sentences, n_sentences);
    io_event_ctx ctx = {doc, sentences, n_sentences, 0};
    for (size_t i = 0; i < n_events; i++) {
        ctx.number = ++w->events;
        switch (w->format) {
        case ANNALS_FORMAT_GDELT: io_write_event_gdelt(w->out, &ctx, &events[i]); break;
        case ANNALS_FORMAT_PHOENIX: io_write_event_phoenix(w->out, &ctx, &events[i]); break;
        default: io_write_event_jsonl(w->out, &ctx, &events[i]); break;
        }
    }
    return ferror(w->out) ? ANNALS_E_IO : ANNALS_OK;
}
