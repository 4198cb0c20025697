/* bench_store.c — speed of the SQLite event store: loading event records
 * (JSON lines: parse, check, insert, aggregate), loading them again (all
 * unchanged), and a few queries, on generated events.
 *
 *   bench_store [--events N] [--batch N] [--dedup-days N] [--keep] [DIR]
 *
 * Writes the store DIR/bench_store.db (DIR default /tmp; removed unless
 * --keep).  The events are made up but shaped like news: documents of 1-8
 * records, 200 actors (a country and an agent), every CAMEO code, two
 * years of dates, 40 publishers; a fixed seed makes every run the same.
 * Prints records/s for each phase and the size of the file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this process: on a shared machine the wall clock also
 * counts other people's work. */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* xorshift64*: the same events on every machine. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Du) >> 33) % n;
}

static const char *const countries[] = {
    "USA", "CHN", "RUS", "PRK", "KOR", "JPN", "IND", "PAK", "IRN", "IRQ", "SYR", "ISR",
    "PSE", "EGY", "TUR", "SAU", "GBR", "FRA", "DEU", "UKR", "AFG", "NGA", "ETH", "SDN", "BRA"};
static const char *const agents[] = {"", "GOV", "MIL", "REB", "OPP", "POL", "BUS", "MED"};

static void actor(char *out, size_t cap)
{
    snprintf(out, cap, "%s%s", countries[rnd(sizeof countries / sizeof countries[0])],
             agents[rnd(sizeof agents / sizeof agents[0])]);
}

/* `n` event records as JSON lines, in documents of 1-8 records. */
static char *generate(size_t n, size_t *len)
{
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    size_t n_codes = annals_cameo_count();
    size_t done = 0;
    for (size_t doc = 0; done < n; doc++) {
        size_t k = 1 + rnd(8);
        unsigned day = rnd(730);
        int year = 2019 + (int)(day / 365), yday = (int)(day % 365);
        int month = 1 + yday / 31 % 12, mday = 1 + yday % 28;
        unsigned publisher = rnd(40);
        for (size_t i = 0; i < k && done < n; i++, done++) {
            const annals_cameo_code *c = annals_cameo_at(rnd((uint32_t)n_codes));
            char src[16], tgt[16];
            actor(src, sizeof src);
            actor(tgt, sizeof tgt);
            fprintf(out,
                    "{\"doc\":\"bench-%zu\",\"sent\":%zu,\"date\":\"%04d-%02d-%02d\","
                    "\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%.2s\","
                    "\"quad\":%d,\"goldstein\":%.1f,\"plover\":\"%s\",\"source_text\":\"%s\","
                    "\"target_text\":\"%s\",\"verb_text\":\"acted\",\"pattern\":\"verbs.txt:%u\","
                    "\"text\":\"Sentence %zu of document %zu: %s acted towards %s (%s).\","
                    "\"publisher\":\"Publisher %u\"}\n",
                    doc, i, year, month, mday, src, tgt, c->code, c->code, c->quad,
                    c->goldstein, c->plover, src, tgt, rnd(20000), i, doc, src, tgt, c->name,
                    publisher);
        }
    }
    fclose(out);
    return buf;
}

static int count_bin(void *user, const annals_store_bin *b)
{
    (void)b;
    (*(size_t *)user)++;
    return 0;
}

static int count_record(void *user, const annals_store_record *r)
{
    (void)r;
    (*(size_t *)user)++;
    return 0;
}

/* Loads `text` and prints the phase's figures. */
static int load_phase(annals_store *s, const char *name, char *text, size_t len, size_t n)
{
    FILE *in = fmemopen(text, len, "r");
    annals_store_load_stats st;
    double t0 = now(), c0 = cpu();
    int rc = annals_store_load_jsonl(s, in, "bench", &st);
    double dt = now() - t0, dc = cpu() - c0;
    fclose(in);
    if (rc) {
        fprintf(stderr, "bench_store: %s\n", annals_store_error(s));
        return 1;
    }
    printf("%-22s %zu records: wall %.2f s (%.0f records/s), CPU %.2f s (%.0f records/s); "
           "%zu documents stored, %zu unchanged\n",
           name, n, dt, (double)n / dt, dc, (double)n / dc, st.documents, st.unchanged);
    return 0;
}

int main(int argc, char **argv)
{
    size_t n = 1000000;
    annals_store_options opt;
    annals_store_options_init(&opt);
    opt.dedup_days = 0;
    const char *dir = "/tmp";
    int keep = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--events") && i + 1 < argc)
            n = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--batch") && i + 1 < argc)
            opt.batch = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--dedup-days") && i + 1 < argc)
            opt.dedup_days = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--keep"))
            keep = 1;
        else if (argv[i][0] != '-')
            dir = argv[i];
        else {
            fprintf(stderr, "usage: bench_store [--events N] [--batch N] [--dedup-days N] "
                            "[--keep] [DIR]\n");
            return 2;
        }
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/bench_store.db", dir);
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[4200];
        snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
        unlink(p);
    }
    size_t len;
    double t0 = now();
    char *text = generate(n, &len);
    printf("generated %zu records, %.1f MB of JSON lines, in %.2f s\n", n, (double)len / 1e6,
           now() - t0);
    int err;
    annals_store *s = annals_store_open(path, &opt, &err);
    if (!s) {
        fprintf(stderr, "bench_store: %s\n", annals_store_open_error());
        return 1;
    }
    if (load_phase(s, "load (new store)", text, len, n) ||
        load_phase(s, "load again (unchanged)", text, len, n))
        return 1;
    annals_store_stats ss;
    annals_store_get_stats(s, &ss);
    printf("store: %zu documents, %zu sentences, %zu mentions, %zu events, %zu actors\n",
           ss.documents, ss.sentences, ss.mentions, ss.events, ss.actors);

    annals_store_filter f;
    annals_store_filter_init(&f);
    size_t rows = 0;
    t0 = now();
    annals_store_series(s, &f, ANNALS_BY_MONTH, count_bin, &rows);
    printf("query count-by month (all)     %6.3f s, %zu rows\n", now() - t0, rows);
    rows = 0;
    t0 = now();
    annals_store_top_dyads(s, &f, 10, count_bin, &rows);
    printf("query top-dyads 10 (all)       %6.3f s, %zu rows\n", now() - t0, rows);
    f.source = "PRK";
    f.from = "2019-03-01";
    f.to = "2019-03-31";
    rows = 0;
    t0 = now();
    annals_store_records(s, &f, count_record, &rows);
    printf("query --source PRK, one month  %6.3f s, %zu rows\n", now() - t0, rows);
    annals_store_filter_init(&f);
    f.text = "military force";
    f.source = "PAK";
    rows = 0;
    t0 = now();
    annals_store_records(s, &f, count_record, &rows);
    printf("query --text 'military force' --source PAK %5.3f s, %zu rows\n", now() - t0,
           rows);
    annals_store_close(s);
    FILE *fp = fopen(path, "rb");
    if (fp) {
        fseek(fp, 0, SEEK_END);
        printf("file: %.1f MB (%.0f bytes per record)\n", (double)ftell(fp) / 1e6,
               (double)ftell(fp) / (double)n);
        fclose(fp);
    }
    if (!keep)
        for (int i = 0; i < 3; i++) {
            char p[4200];
            snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
            unlink(p);
        }
    free(text);
    return 0;
}
