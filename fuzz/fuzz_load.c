/* fuzz_load.c — the event-record loader over arbitrary bytes, into a
 * fresh in-memory store: every skip is reported naming the input and a
 * line, every valid record becomes one mention, the events account for
 * every mention, and what is stored writes back out as records.  The
 * first byte picks a batch size and a deduplication window so that small
 * batches and windows are exercised too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_log(void *user, annals_log_level level, const char *message)
{
    (void)level;
    (*(size_t *)user)++;
    if (strncmp(message, "fuzz.jsonl:", 11) != 0 || message[11] < '1' || message[11] > '9')
        abort();
}

static int sum_mentions(void *user, const annals_store_event *e)
{
    if (!e->num_mentions || e->num_articles > e->num_mentions ||
        e->num_sources > e->num_articles || strlen(e->root) != 2)
        abort();
    *(size_t *)user += e->num_mentions;
    return 0;
}

static int write_back(void *user, const annals_store_record *r)
{
    if (!r->doc[0] || strncmp(r->root, r->code, 2) != 0 || r->quad < 1 || r->quad > 4)
        abort();
    annals_store_record_write(user, r);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t logged = 0;
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.batch = 1 + (data[0] & 7);
    opt.dedup_days = data[0] >> 5;
    opt.log = check_log;
    opt.log_user = &logged;
    annals_store *s = annals_store_open(":memory:", &opt, NULL);
    FILE *fp = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "rb");
    if (!s || !fp)
        abort();
    annals_store_load_stats st;
    if (annals_store_load_jsonl(s, fp, "fuzz.jsonl", &st) != ANNALS_OK)
        abort();
    fclose(fp);
    if (logged != st.skipped)
        abort();
    annals_store_stats ss;
    if (annals_store_get_stats(s, &ss) != ANNALS_OK || ss.mentions != st.records)
        abort();
    annals_store_filter f;
    annals_store_filter_init(&f);
    size_t mentions = 0;
    if (annals_store_events(s, &f, sum_mentions, &mentions) != ANNALS_OK ||
        mentions != ss.mentions)
        abort();
    FILE *out = fopen("/dev/null", "w");
    if (!out || annals_store_records(s, &f, write_back, out) != ANNALS_OK)
        abort();
    fclose(out);
    annals_store_close(s);
    return 0;
}
