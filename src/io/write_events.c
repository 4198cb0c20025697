/* write_events.c — one event as a JSON line (the event record of
 * conventions.md), a row of the GDELT 2.0 event table, or a row of the
 * Phoenix data set.
 *
 * TSV fields never hold a tab or a line break: every control character
 * becomes a space.  Columns annals cannot fill are empty.
 *
 * Phoenix's quad_class is its "penta class", derived from the CAMEO root
 * code: 0 for roots 01-02 (neutral statements and appeals), 1 verbal
 * cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
 * (09-13), 4 material conflict (14-20).  GDELT's QuadClass (1-4) is the
 * event's own `quad`. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "io/reader.h"
#include "io/writer.h"
#include "text/utf8.h"

/* ---- JSON ---------------------------------------------------------- */

/* A JSON string: UTF-8 as it is, invalid bytes as U+FFFD, only what JSON
 * requires escaped. */
static void json_str(FILE *out, const char *s)
{
    putc('"', out);
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            bool invalid = false;
            size_t n = text_utf8_next(s, len, i, &cp, &invalid);
            if (invalid)
                fputs("\xEF\xBF\xBD", out);
            else
                fwrite(s + i, 1, n, out);
            i += n;
            continue;
        }
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:
            if (c < 0x20)
                fprintf(out, "\\u%04x", c);
            else
                putc(c, out);
        }
        i++;
    }
    putc('"', out);
}

/* A number as short as it can be while reading back the same: Goldstein
 * values have one decimal ("-10.0", "3.4"); anything finer keeps its
 * digits. */
static void format_number(char *buf, size_t cap, double v)
{
    snprintf(buf, cap, "%.1f", v);
    if (strtod(buf, NULL) != v)
        snprintf(buf, cap, "%.17g", v);
}

/* The event's date, else the document's, else NULL. */
static const char *event_date(const io_event_ctx *ctx, const annals_event *ev)
{
    const char *d = ev->date ? ev->date : ctx->doc->date;
    return d && io_valid_date(d) ? d : NULL;
}

static const char *sentence_text(const io_event_ctx *ctx, const annals_event *ev)
{
    if (ev->sent < ctx->n_sentences && ctx->sentences[ev->sent].text)
        return ctx->sentences[ev->sent].text;
    return "";
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

void io_write_record_jsonl(FILE *out, const annals_store_record *r)
{
    char num[40];
    format_number(num, sizeof num, r->goldstein);
    fputs("{\"doc\":", out);
    json_str(out, r->doc);
    fprintf(out, ",\"sent\":%zu,\"date\":", r->sent);
    if (r->date)
        json_str(out, r->date);
    else
        fputs("null", out);
    const char *const keys[] = {"source", "target", "code", "root"};
    const char *const vals[] = {r->source, r->target, r->code, r->root};
    for (size_t i = 0; i < 4; i++) {
        fprintf(out, ",\"%s\":", keys[i]);
        json_str(out, vals[i]);
    }
    fprintf(out, ",\"quad\":%d,\"goldstein\":%s", r->quad, num);
    const char *const keys2[] = {"plover", "source_text", "target_text", "verb_text",
                                 "pattern", "text"};
    const char *const vals2[] = {r->plover, r->source_text, r->target_text, r->verb_text,
                                 r->pattern, r->text};
    for (size_t i = 0; i < 6; i++) {
        fprintf(out, ",\"%s\":", keys2[i]);
        json_str(out, vals2[i]);
    }
    fputs("}\n", out);
}

void io_write_event_jsonl(FILE *out, const io_event_ctx *ctx, const annals_event *ev)
{
    const char *code = or_empty(ev->code);
    char root[3] = {0};
    strncpy(root, code, 2);
    annals_store_record r = {
        .doc = or_empty(ctx->doc->id),
        .sent = ev->sent,
        .date = event_date(ctx, ev),
        .source = or_empty(ev->source),
        .target = ev->target ? ev->target : "---",
        .code = code,
        .root = root,
        .quad = ev->quad,
        .goldstein = ev->goldstein,
        .plover = or_empty(ev->plover),
        .source_text = or_empty(ev->source_text),
        .target_text = or_empty(ev->target_text),
        .verb_text = or_empty(ev->verb_text),
        .pattern = or_empty(ev->pattern),
        .text = sentence_text(ctx, ev),
    };
    io_write_record_jsonl(out, &r);
}

/* ---- TSV ----------------------------------------------------------- */

/* A row being written: fields separated by tabs, counted so that a row
 * always has the format's number of columns. */
typedef struct tsv_row {
    FILE *out;
    int n;
} tsv_row;

static void tsv(tsv_row *row, const char *s)
{
    if (row->n++ > 0)
        putc('\t', row->out);
    for (const char *p = s ? s : ""; *p; p++)
        putc((unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p, row->out);
}

static void tsv_empty(tsv_row *row, int count)
{
    while (count-- > 0)
        tsv(row, "");
}

static void tsv_end(tsv_row *row, int columns)
{
    tsv_empty(row, columns - row->n);
    putc('\n', row->out);
}

/* A CAMEO actor code cut into its three-letter parts: a country first
 * when the first part is one, then the actor types, and the parts that
 * are neither. */
typedef struct actor_parts {
    char root[4];            /* the first part ("USA", "IGO") */
    char country[4];         /* the first part when it is a country */
    char types[3][4];        /* actor types after the first part, in order */
    int n_types;
    char ethnic[4];          /* the first ethnic-group part */
    char religions[2][4];    /* the first two religion parts */
    int n_religions;
    char others[64];         /* later parts that are not types, ";"-separated */
} actor_parts;

static void split_actor(const char *code, actor_parts *p)
{
    memset(p, 0, sizeof *p);
    if (!code || !strcmp(code, "---") || strlen(code) < 3)
        return;
    size_t len = strlen(code);
    memcpy(p->root, code, 3);
    if (annals_country_lookup(p->root))
        memcpy(p->country, p->root, 4);
    else if (annals_actor_type_lookup(p->root))
        memcpy(p->types[p->n_types++], p->root, 4);
    for (size_t i = 3; i + 3 <= len; i += 3) {
        char part[4] = {code[i], code[i + 1], code[i + 2], 0};
        const annals_actor_type *t = annals_actor_type_lookup(part);
        const char *group = t && t->group ? t->group : "";
        if (t && !strcmp(group, "religion") && p->n_religions < 2) {
            memcpy(p->religions[p->n_religions++], part, 4);
        } else if (t && !strcmp(group, "ethnic") && !p->ethnic[0]) {
            memcpy(p->ethnic, part, 4);
        } else if (t && p->n_types < 3) {
            memcpy(p->types[p->n_types++], part, 4);
        } else if (strlen(p->others) + 5 < sizeof p->others) {
            if (p->others[0])
                strcat(p->others, ";");
            strcat(p->others, part);
        }
    }
}

/* Year, month and day of a valid "YYYY-MM-DD" date. */
static void date_parts(const char *date, int *y, int *m, int *d)
{
    *y = atoi(date);
    *m = atoi(date + 5);
    *d = atoi(date + 8);
}

/* GDELT's FractionDate: the year plus the share of it gone by before the
 * day, so that it stays below the next year. */
static double fraction_date(int y, int m, int d)
{
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int doy = before[m - 1] + d - 1 + (leap && m > 2);
    return y + doy / (leap ? 366.0 : 365.0);
}

/* The ten GDELT columns of one actor. */
static void gdelt_actor(tsv_row *row, const char *code)
{
    actor_parts p;
    split_actor(code, &p);
    bool none = !code || !strcmp(code, "---");
    tsv(row, none ? "" : code);     /* ActorCode */
    tsv(row, "");                   /* ActorName */
    tsv(row, p.country);            /* ActorCountryCode */
    tsv(row, "");                   /* ActorKnownGroupCode */
    tsv(row, p.ethnic);             /* ActorEthnicCode */
    tsv(row, p.religions[0]);       /* ActorReligion1Code */
    tsv(row, p.religions[1]);       /* ActorReligion2Code */
    for (int i = 0; i < 3; i++)     /* ActorType1..3Code */
        tsv(row, i < p.n_types ? p.types[i] : "");
}

void io_write_event_gdelt(FILE *out, const io_event_ctx *ctx, const annals_event *ev)
{
    tsv_row row = {out, 0};
    char buf[64];
    snprintf(buf, sizeof buf, "%llu", ctx->number);
    tsv(&row, buf);                                  /* GLOBALEVENTID */
    const char *date = event_date(ctx, ev);
    if (date) {
        int y, m, d;
        date_parts(date, &y, &m, &d);
        snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
        tsv(&row, buf);                              /* SQLDATE */
        snprintf(buf, sizeof buf, "%04d%02d", y, m);
        tsv(&row, buf);                              /* MonthYear */
        snprintf(buf, sizeof buf, "%04d", y);
        tsv(&row, buf);                              /* Year */
        snprintf(buf, sizeof buf, "%.4f", fraction_date(y, m, d));
        tsv(&row, buf);                              /* FractionDate */
    } else {
        tsv_empty(&row, 4);
    }
    gdelt_actor(&row, ev->source);                   /* Actor1* */
    gdelt_actor(&row, ev->target);                   /* Actor2* */
    tsv(&row, "");                                   /* IsRootEvent */
    const char *code = or_empty(ev->code);
    tsv(&row, code);                                 /* EventCode */
    snprintf(buf, sizeof buf, "%.3s", code);
    tsv(&row, buf);                                  /* EventBaseCode */
    snprintf(buf, sizeof buf, "%.2s", code);
    tsv(&row, buf);                                  /* EventRootCode */
    snprintf(buf, sizeof buf, "%d", ev->quad);
    tsv(&row, buf);                                  /* QuadClass */
    format_number(buf, sizeof buf, ev->goldstein);
    tsv(&row, buf);                                  /* GoldsteinScale */
    tsv(&row, "1");                                  /* NumMentions */
    tsv(&row, "1");                                  /* NumSources */
    tsv(&row, "1");                                  /* NumArticles */
    tsv(&row, "");                                   /* AvgTone */
    tsv_empty(&row, 3 * 8);                          /* Actor1Geo, Actor2Geo, ActionGeo */
    /* DATEADDED: GDELT's time of publication; the document's date is the
     * nearest we know, and keeps the output reproducible. */
    const char *doc_date = ctx->doc->date && io_valid_date(ctx->doc->date) ? ctx->doc->date : NULL;
    if (doc_date) {
        int y, m, d;
        date_parts(doc_date, &y, &m, &d);
        snprintf(buf, sizeof buf, "%04d%02d%02d000000", y, m, d);
        tsv(&row, buf);
    } else {
        tsv(&row, "");
    }
    const char *url = ctx->doc->url && *ctx->doc->url ? ctx->doc->url : ctx->doc->id;
    tsv(&row, url);                                  /* SOURCEURL */
    tsv_end(&row, IO_GDELT_COLUMNS);
}

/* Phoenix's quad_class from the CAMEO root code (see the top). */
static int phoenix_quad(const char *code)
{
    if (!code || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root <= 2)
        return 0;
    if (root <= 5)
        return 1;
    if (root <= 8)
        return 2;
    if (root <= 13)
        return 3;
    return 4;
}

/* The four Phoenix columns of one actor: full code, root, agent, others. */
static void phoenix_actor(tsv_row *row, const char *code)
{
    actor_parts p;
    split_actor(code, &p);
    bool none = !code || !strcmp(code, "---");
    tsv(row, none ? "" : code);
    tsv(row, p.root);
    /* The agent is the first type after the root; a root that is itself
     * a type ("IGO", "GOV") is the root, not the agent. */
    const char *agent = "";
    char others[128] = ""; /* room for every part of actor_parts */
    int first = p.country[0] || !p.n_types || strcmp(p.types[0], p.root) ? 0 : 1;
    for (int i = first; i < p.n_types; i++) {
        if (!agent[0]) {
            agent = p.types[i];
        } else {
            if (others[0])
                strcat(others, ";");
            strcat(others, p.types[i]);
        }
    }
    const char *extra[] = {p.ethnic, p.religions[0], p.religions[1], p.others};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        if (!extra[i][0])
            continue;
        if (others[0])
            strcat(others, ";");
        strncat(others, extra[i], sizeof others - strlen(others) - 1);
    }
    tsv(row, agent);
    tsv(row, others);
}

void io_write_event_phoenix(FILE *out, const io_event_ctx *ctx, const annals_event *ev)
{
    tsv_row row = {out, 0};
    char buf[64];
    snprintf(buf, sizeof buf, "%llu", ctx->number);
    tsv(&row, buf);                                  /* id */
    const char *date = event_date(ctx, ev);
    if (date) {
        int y, m, d;
        date_parts(date, &y, &m, &d);
        snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
        tsv(&row, buf);                              /* date */
        snprintf(buf, sizeof buf, "%d", y);
        tsv(&row, buf);                              /* year */
        snprintf(buf, sizeof buf, "%d", m);
        tsv(&row, buf);                              /* month */
        snprintf(buf, sizeof buf, "%d", d);
        tsv(&row, buf);                              /* day */
    } else {
        tsv_empty(&row, 4);
    }
    phoenix_actor(&row, ev->source);
    phoenix_actor(&row, ev->target);
    const char *code = or_empty(ev->code);
    tsv(&row, code);                                 /* code */
    snprintf(buf, sizeof buf, "%.2s", code);
    tsv(&row, buf);                                  /* root_code */
    snprintf(buf, sizeof buf, "%d", phoenix_quad(code));
    tsv(&row, buf);                                  /* quad_class */
    format_number(buf, sizeof buf, ev->goldstein);
    tsv(&row, buf);                                  /* goldstein */
    tsv_empty(&row, 6);     /* issues, lat, lon, placeName, stateName, countryName */
    tsv(&row, or_empty(ctx->doc->id));               /* sentence_ids: DOC_SENT */
    fprintf(out, "_%zu", ev->sent);
    tsv(&row, ctx->doc->url);                        /* urls */
    tsv(&row, ctx->doc->publisher);                  /* sources */
    tsv_end(&row, IO_PHOENIX_COLUMNS);
}
