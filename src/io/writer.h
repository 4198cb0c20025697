/* writer.h — inside the writers: one function per event format
 * (write_events.c), called by annals_writer_write (writer.c). */
#ifndef ANNALS_IO_WRITER_H
#define ANNALS_IO_WRITER_H

#include <stdio.h>

#include "annals.h"

/* What each format function gets: the document, its sentences (for the
 * sentence text of an event), one event, and the writer's running event
 * number (from 1), for formats that number their rows. */
typedef struct io_event_ctx {
    const annals_document *doc;
    const annals_sentence *sentences;
    size_t n_sentences;
    unsigned long long number;
} io_event_ctx;

void io_write_event_jsonl(FILE *out, const io_event_ctx *ctx, const annals_event *ev);
/* The one place an event record of conventions.md becomes a JSON line:
 * the coder's events and the store's records alike. */
void io_write_record_jsonl(FILE *out, const annals_store_record *r);
void io_write_event_gdelt(FILE *out, const io_event_ctx *ctx, const annals_event *ev);
void io_write_event_phoenix(FILE *out, const io_event_ctx *ctx, const annals_event *ev);

/* Column counts of the TSV formats. */
#define IO_GDELT_COLUMNS 61
#define IO_PHOENIX_COLUMNS 26

#endif
