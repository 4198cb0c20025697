/* bench_store.c — speed of the SQLite event store: loading event records
 * (JSON lines: parse, check, insert, aggregate), loading them again (all
 * unchanged), and a few queries, on generated events.
 *
 *   bench_store [--events N] [--batch N] [--dedup-days N] [--keep]
 *               [--store-only] [DIR]
 *
 * Writes the store DIR/bench_store.db (DIR default /tmp; removed unless
 * --keep).  The records are made up but spread like news: ten years of
 * dates (2015-2024) whose volume grows threefold, with quieter weekends;
 * 60 countries named with Zipf-like frequencies (the United States and
 * China most), each with agents (GOV, MIL, ...) and usual partners, a
 * fifth of the events domestic; CAMEO roots weighted as in GDELT
 * (statements and consultations most, mass violence rare); four crises
 * in which a dyad's conflict events surge; documents of 1-8 records
 * mostly about one dyad, from 40 publishers.  A fixed seed makes every
 * run the same.  Prints records/s for each phase and the size of the
 * file; --store-only stops after the first load (for bench_api.sh, which
 * serves the store it leaves with --keep). */
#include <math.h>
#include <stdbool.h>
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

/* ---- generated news ------------------------------------------------ */

/* xorshift64*: the same events on every machine. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Du) >> 33) % n;
}

/* A uniform number in [0, 1). */
static double rnd_unit(void)
{
    return (double)rnd(1u << 30) / (double)(1u << 30);
}

/* Countries roughly in the order of how often the news names them: the
 * weight of rank r is 1 / r^1.1, so the first few dominate as in GDELT. */
static const char *const countries[] = {
    "USA", "CHN", "RUS", "GBR", "IND", "ISR", "IRN", "FRA", "DEU", "UKR", "PAK", "JPN",
    "TUR", "SYR", "PRK", "KOR", "AFG", "SAU", "IRQ", "PSE", "EGY", "AUS", "CAN", "BRA",
    "NGA", "MEX", "ITA", "ESP", "PHL", "IDN", "LBY", "YEM", "VEN", "ZAF", "KEN", "ETH",
    "SDN", "MMR", "BGD", "LKA", "THA", "VNM", "MYS", "POL", "GRC", "NLD", "SWE", "BEL",
    "QAT", "ARE", "LBN", "JOR", "CUB", "COL", "ARG", "CHL", "PER", "MLI", "SOM", "TWN"};
#define N_COUNTRIES (sizeof countries / sizeof countries[0])

/* Agents after the country code, with how often each appears (percent). */
static const struct {
    const char *code;
    unsigned weight;
} agents[] = {{"", 40}, {"GOV", 30}, {"MIL", 8}, {"POL", 4}, {"BUS", 4}, {"OPP", 4},
              {"REB", 3}, {"MED", 3}, {"JUD", 2}, {"CVL", 2}};

/* The share of each CAMEO root among coded events (per mille), shaped
 * after GDELT's: statements, consultations and cooperation are most of
 * the news, mass violence rare. */
static const unsigned root_weight[21] = {
    0, 200, 50, 60, 180, 80, 20, 30, 20, 10, 20, 50, 30, 20, 20, 10, 10, 40, 25, 55, 2};

/* Crises: a dyad whose conflict events surge for a while. */
static const struct {
    const char *a, *b;
    int from, days;          /* day number since 2015-01-01, length */
} crises[] = {{"IND", "PAK", 1506, 60},   /* February 2019 */
              {"RUS", "UKR", 2611, 400},  /* from February 2022 */
              {"ISR", "PSE", 3203, 300},  /* from October 2023 */
              {"USA", "IRN", 1829, 30}};  /* January 2020 */

#define GEN_DAYS 3653        /* 2015-01-01 .. 2024-12-31 */
#define GEN_EPOCH_DAY 16436  /* 2015-01-01 in days since 1970-01-01 */

typedef struct gen_tables {
    double country_cum[N_COUNTRIES];
    /* Each country's usual partners: neighbours and rivals, drawn once. */
    unsigned partners[N_COUNTRIES][5];
    const annals_cameo_code *by_root[21][128];
    unsigned n_by_root[21];
    unsigned root_cum[21];
} gen_tables;

static void gen_init(gen_tables *t)
{
    memset(t, 0, sizeof *t);
    double sum = 0;
    for (size_t i = 0; i < N_COUNTRIES; i++)
        t->country_cum[i] = sum += 1.0 / pow((double)(i + 1), 1.1);
    for (size_t i = 0; i < N_COUNTRIES; i++)
        t->country_cum[i] /= sum;
    for (size_t i = 0; i < N_COUNTRIES; i++)
        for (int k = 0; k < 5; k++) {
            unsigned p;
            do
                p = rnd(k < 2 ? 12 : (uint32_t)N_COUNTRIES);
            while (p == i);
            t->partners[i][k] = p;
        }
    for (size_t i = 0; i < annals_cameo_count(); i++) {
        const annals_cameo_code *c = annals_cameo_at(i);
        int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
        if (strlen(c->code) >= 3 && root >= 1 && root <= 20 && t->n_by_root[root] < 128)
            t->by_root[root][t->n_by_root[root]++] = c;
    }
    unsigned cum = 0;
    for (int r = 1; r <= 20; r++)
        t->root_cum[r] = cum += t->n_by_root[r] ? root_weight[r] : 0;
}

static unsigned gen_country(const gen_tables *t)
{
    double u = rnd_unit();
    size_t lo = 0, hi = N_COUNTRIES - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->country_cum[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (unsigned)lo;
}

static const char *gen_agent(void)
{
    unsigned u = rnd(100);
    for (size_t i = 0; i < sizeof agents / sizeof agents[0]; i++) {
        if (u < agents[i].weight)
            return agents[i].code;
        u -= agents[i].weight;
    }
    return "";
}

/* A code of a root drawn by the weights, or among `conflict` roots only;
 * within a root its base code ("190") half the time. */
static const annals_cameo_code *gen_code(const gen_tables *t, bool conflict)
{
    int root;
    if (conflict) {
        static const int hostile[] = {11, 12, 13, 14, 17, 18, 19, 19, 20};
        root = hostile[rnd(sizeof hostile / sizeof hostile[0])];
    } else {
        unsigned u = rnd(t->root_cum[20]);
        for (root = 1; root < 20 && u >= t->root_cum[root]; root++)
            ;
    }
    return t->by_root[root][rnd(2) ? 0 : rnd(t->n_by_root[root])];
}

/* A day of the ten years: news grows threefold over them, weekends carry
 * less. */
static int gen_day(void)
{
    for (;;) {
        int d = (int)rnd(GEN_DAYS);
        double keep = (1.0 + 2.0 * d / GEN_DAYS) / 3.0;
        int weekday = (GEN_EPOCH_DAY + d + 3) % 7; /* 0: Monday */
        if (weekday >= 5)
            keep *= 0.6;
        if (rnd_unit() < keep)
            return d;
    }
}

static void gen_date(int day, char *out, size_t cap)
{
    time_t secs = (time_t)(GEN_EPOCH_DAY + day) * 86400;
    struct tm tm;
    gmtime_r(&secs, &tm);
    strftime(out, cap, "%Y-%m-%d", &tm);
}

/* One document's story: its date and the dyad most of its records are
 * about. */
typedef struct gen_story {
    int day;
    unsigned a, b;           /* countries */
    bool crisis;
} gen_story;

static gen_story gen_story_new(const gen_tables *t)
{
    gen_story s = {0};
    if (rnd(100) < 8) {
        size_t k = rnd(sizeof crises / sizeof crises[0]);
        s.crisis = true;
        s.day = crises[k].from + (int)rnd((uint32_t)crises[k].days);
        for (unsigned i = 0; i < N_COUNTRIES; i++) {
            if (!strcmp(countries[i], crises[k].a))
                s.a = i;
            if (!strcmp(countries[i], crises[k].b))
                s.b = i;
        }
        if (rnd(2)) {
            unsigned x = s.a;
            s.a = s.b;
            s.b = x;
        }
        return s;
    }
    s.day = gen_day();
    s.a = gen_country(t);
    unsigned u = rnd(100);
    s.b = u < 20 ? s.a : u < 65 ? t->partners[s.a][rnd(5)] : gen_country(t);
    return s;
}

/* `n` event records as JSON lines, in documents of 1-8 records. */
static char *generate(size_t n, size_t *len)
{
    gen_tables *t = malloc(sizeof *t);
    if (!t)
        return NULL;
    gen_init(t);
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    size_t done = 0;
    for (size_t doc = 0; done < n; doc++) {
        size_t k = 1 + rnd(8);
        gen_story story = gen_story_new(t);
        char date[16];
        gen_date(story.day, date, sizeof date);
        unsigned publisher = rnd(40);
        for (size_t i = 0; i < k && done < n; i++, done++) {
            /* Most sentences stay with the story; some name others. */
            gen_story s = rnd(100) < 70 ? story : gen_story_new(t);
            if (rnd(2)) {
                unsigned x = s.a;
                s.a = s.b;
                s.b = x;
            }
            const annals_cameo_code *c = gen_code(t, s.crisis && rnd(100) < 70);
            char src[16], tgt[16];
            snprintf(src, sizeof src, "%s%s", countries[s.a], gen_agent());
            const char *agent = gen_agent();
            if (s.a == s.b && !strcmp(agent, src + 3))
                agent = strcmp(agent, "GOV") ? "GOV" : "OPP";
            if (rnd(100) < 5)
                snprintf(tgt, sizeof tgt, "---");
            else
                snprintf(tgt, sizeof tgt, "%s%s", countries[s.b], agent);
            fprintf(out,
                    "{\"doc\":\"bench-%zu\",\"sent\":%zu,\"date\":\"%s\","
                    "\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%.2s\","
                    "\"quad\":%d,\"goldstein\":%.1f,\"plover\":\"%s\",\"source_text\":\"%s\","
                    "\"target_text\":\"%s\",\"verb_text\":\"acted\",\"pattern\":\"verbs.txt:%u\","
                    "\"text\":\"Sentence %zu of document %zu: %s acted towards %s (%s).\","
                    "\"publisher\":\"Publisher %u\"}\n",
                    doc, i, date, src, tgt, c->code, c->code, c->quad, c->goldstein,
                    c->plover, src, tgt, rnd(20000), i, doc, src, tgt, c->name, publisher);
        }
    }
    fclose(out);
    free(t);
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
    int keep = 0, store_only = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--events") && i + 1 < argc)
            n = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--batch") && i + 1 < argc)
            opt.batch = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--dedup-days") && i + 1 < argc)
            opt.dedup_days = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--keep"))
            keep = 1;
        else if (!strcmp(argv[i], "--store-only"))
            store_only = 1;
        else if (argv[i][0] != '-')
            dir = argv[i];
        else {
            fprintf(stderr, "usage: bench_store [--events N] [--batch N] [--dedup-days N] "
                            "[--keep] [--store-only] [DIR]\n");
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
    if (!text) {
        fprintf(stderr, "bench_store: out of memory\n");
        return 1;
    }
    if (load_phase(s, "load (new store)", text, len, n) ||
        (!store_only && load_phase(s, "load again (unchanged)", text, len, n)))
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
