/* seg_run.c — the segmenter alone, as the measured tests drive it: reads
 * plain text (a file or "-"), splits it into sentences and words with
 * text_segment() (no article cleaner, no models) and prints CoNLL-U for
 * `annals eval`.  Usage: seg_run FILE.txt */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "io/conllu.h"
#include "text/segment.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: seg_run FILE.txt\n");
        return 2;
    }
    FILE *fp = strcmp(argv[1], "-") ? fopen(argv[1], "rb") : stdin;
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    core_buf text = CORE_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        core_buf_append(&text, chunk, n);
    if (fp != stdin)
        fclose(fp);
    if (text.failed) {
        fprintf(stderr, "seg_run: out of memory\n");
        return 1;
    }
    core_arena arena;
    core_arena_init(&arena, 0);
    text_sentences sents = {0};
    const char *t = text.data ? text.data : "";
    int rc = text_segment(&arena, t, 0, text.len, ANNALS_SENT_BODY, 0, &sents);
    if (rc == ANNALS_OK) {
        annals_document doc = {.id = "seg", .text = t, .text_len = text.len};
        rc = io_conllu_write(stdout, &doc, sents.v, sents.n);
    }
    text_sentences_free(&sents);
    core_arena_destroy(&arena);
    core_buf_free(&text);
    if (rc) {
        fprintf(stderr, "seg_run: failed (%d)\n", rc);
        return 1;
    }
    return 0;
}
