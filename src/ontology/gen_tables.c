/*
 * gen_tables.c — build-time generator of the ontology tables.
 *
 *   onto_gen_tables CAMEO.tsv ACTOR_TYPES.tsv COUNTRIES.tsv OUT.c
 *
 * The TSV files in data/ontology/ are the source of truth; this program
 * checks every line of them and writes them out as sorted static C arrays
 * (see ontology/tables.h), so the library needs no data files for the
 * ontology and looks codes up by binary search.  A malformed line stops the
 * build with "FILE:LINE: what is wrong" on standard error and no output.
 *
 * It is a host tool that runs once per build: it reads whole files into
 * memory and keeps the code plain rather than fast.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_MAX_COLS 8

/* One data line of a TSV file: its fields point into the file's buffer. */
typedef struct gen_row {
    char *field[GEN_MAX_COLS];
    size_t line;
} gen_row;

typedef struct gen_table {
    const char *path;
    char *text;              /* the whole file, split in place */
    gen_row *rows;
    size_t n_rows;
    size_t n_cols;
} gen_table;

static bool gen_failed;

static void gen_error(const char *path, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports one problem; the generator goes on checking so that a bad file
 * is described in full, and fails at the end. */
static void gen_error(const char *path, size_t line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%zu: ", path, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    gen_failed = true;
}

static char *gen_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (cap - len - 1 == 0) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    if (strlen(buf) != len) {
        fprintf(stderr, "%s: contains a NUL byte\n", path);
        free(buf);
        return NULL;
    }
    return buf;
}

/* Length of the valid UTF-8 sequence at `s`, or 0 when it is not one. */
static size_t gen_utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n;
    unsigned min;
    unsigned cp;
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2, min = 0x80, cp = s[0] & 0x1F;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3, min = 0x800, cp = s[0] & 0x0F;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4, min = 0x10000, cp = s[0] & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

static bool gen_valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = gen_utf8_len(p);
        if (!n)
            return false;
        p += n;
    }
    return true;
}

/* Splits one line into fields at tabs.  Returns the count, or
 * GEN_MAX_COLS + 1 when there are too many. */
static size_t gen_split(char *line, char **field)
{
    size_t n = 0;
    for (char *p = line;; ) {
        if (n == GEN_MAX_COLS)
            return GEN_MAX_COLS + 1;
        field[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

/* Reads `path`: comment lines start with '#', blank lines are not allowed
 * (they hide mistakes), the first other line must be exactly `header`, and
 * every data line must have as many fields as the header. */
static bool gen_table_read(gen_table *t, const char *path, const char *header)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    t->text = gen_read_file(path);
    if (!t->text)
        return false;
    size_t cap = 0;
    bool seen_header = false;
    size_t line_no = 0;
    char *next;
    for (char *line = t->text; *line; line = next) {
        line_no++;
        char *nl = strchr(line, '\n');
        next = nl ? nl + 1 : line + strlen(line);
        if (nl)
            *nl = '\0';
        if (nl && nl > line && nl[-1] == '\r') {
            gen_error(path, line_no, "carriage return at the end of the line");
            continue;
        }
        if (line[0] == '#')
            continue;
        if (!gen_valid_utf8(line)) {
            gen_error(path, line_no, "invalid UTF-8");
            continue;
        }
        if (line[0] == '\0') {
            gen_error(path, line_no, "empty line");
            continue;
        }
        if (!seen_header) {
            if (strcmp(line, header) != 0) {
                gen_error(path, line_no, "expected the column header line");
                return false;
            }
            t->n_cols = 1;
            for (const char *p = header; *p; p++)
                t->n_cols += *p == '\t';
            seen_header = true;
            continue;
        }
        gen_row row = {.line = line_no};
        size_t n = gen_split(line, row.field);
        if (n != t->n_cols) {
            gen_error(path, line_no, "%zu fields, expected %zu (tab-separated)", n > GEN_MAX_COLS ? n - 1 : n,
                      t->n_cols);
            continue;
        }
        if (t->n_rows == cap) {
            cap = cap ? cap * 2 : 256;
            gen_row *bigger = realloc(t->rows, cap * sizeof *bigger);
            if (!bigger) {
                fprintf(stderr, "%s: out of memory\n", path);
                return false;
            }
            t->rows = bigger;
        }
        t->rows[t->n_rows++] = row;
    }
    if (!seen_header)
        gen_error(path, line_no, "no column header line");
    return seen_header;
}

static void gen_table_free(gen_table *t)
{
    free(t->rows);
    free(t->text);
}

static bool gen_all(const char *s, int (*pred)(int), size_t min, size_t max)
{
    size_t n = strlen(s);
    if (n < min || n > max)
        return false;
    for (; *s; s++)
        if (!pred((unsigned char)*s))
            return false;
    return true;
}

static int gen_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int gen_is_digit(int c) { return c >= '0' && c <= '9'; }
static int gen_is_plover_word(int c) { return gen_is_upper(c) || c == '_'; }

/* A free-text field: not empty, no surrounding spaces. */
static bool gen_check_text(const gen_table *t, const gen_row *r, size_t col, const char *what,
                           bool may_be_empty)
{
    const char *s = r->field[col];
    if (!*s) {
        if (!may_be_empty)
            gen_error(t->path, r->line, "empty %s", what);
        return may_be_empty;
    }
    if (isspace((unsigned char)s[0]) || isspace((unsigned char)s[strlen(s) - 1])) {
        gen_error(t->path, r->line, "%s '%s' has spaces around it", what, s);
        return false;
    }
    return true;
}

static int gen_cmp_rows(const void *a, const void *b)
{
    return strcmp(((const gen_row *)a)->field[0], ((const gen_row *)b)->field[0]);
}

/* Sorts by the first column and reports duplicates of it. */
static void gen_sort_unique(gen_table *t)
{
    qsort(t->rows, t->n_rows, sizeof *t->rows, gen_cmp_rows);
    for (size_t i = 1; i < t->n_rows; i++)
        if (!strcmp(t->rows[i].field[0], t->rows[i - 1].field[0]))
            gen_error(t->path, t->rows[i].line, "duplicate code '%s' (also on line %zu)",
                      t->rows[i].field[0], t->rows[i - 1].line);
}

static bool gen_has_code(const gen_table *t, const char *code)
{
    gen_row key = {.field = {(char *)code}};
    return bsearch(&key, t->rows, t->n_rows, sizeof *t->rows, gen_cmp_rows) != NULL;
}

/* QuadClass of a CAMEO root, as GDELT assigns it. */
static int gen_quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

enum { CAMEO_CODE, CAMEO_NAME, CAMEO_GOLDSTEIN, CAMEO_QUAD, CAMEO_PLOVER, CAMEO_MODE, CAMEO_CONTEXT };

static void gen_check_cameo_row(const gen_table *t, const gen_row *r)
{
    const char *code = r->field[CAMEO_CODE];
    if (!gen_all(code, gen_is_digit, 2, 4)) {
        gen_error(t->path, r->line, "code '%s' is not 2 to 4 digits", code);
        return;
    }
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 1 || root > 20)
        gen_error(t->path, r->line, "code '%s': root %02d is not 01 to 20", code, root);
    gen_check_text(t, r, CAMEO_NAME, "name", false);

    const char *g = r->field[CAMEO_GOLDSTEIN];
    char *end;
    errno = 0;
    double value = strtod(g, &end);
    if (!*g || *end || errno || value < -10.0 || value > 10.0)
        gen_error(t->path, r->line, "Goldstein value '%s' is not a number from -10 to 10", g);

    const char *q = r->field[CAMEO_QUAD];
    if (strlen(q) != 1 || q[0] < '1' || q[0] > '4')
        gen_error(t->path, r->line, "QuadClass '%s' is not 1 to 4", q);
    else if (root >= 1 && root <= 20 && q[0] - '0' != gen_quad_of_root(root))
        gen_error(t->path, r->line, "QuadClass %s of code %s: root %02d has QuadClass %d", q, code,
                  root, gen_quad_of_root(root));

    const char *p = r->field[CAMEO_PLOVER];
    if (*p && !gen_all(p, gen_is_plover_word, 1, 32))
        gen_error(t->path, r->line, "PLOVER type '%s' is not an upper-case word", p);
    if (!*p && (*r->field[CAMEO_MODE] || *r->field[CAMEO_CONTEXT]))
        gen_error(t->path, r->line, "PLOVER mode or context without a PLOVER type");
    gen_check_text(t, r, CAMEO_MODE, "PLOVER mode", true);
    gen_check_text(t, r, CAMEO_CONTEXT, "PLOVER context", true);
}

/* Every 3- and 4-digit code needs its parent: 1244 needs 124, 124 needs 12. */
static void gen_check_cameo_parents(const gen_table *t)
{
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *code = t->rows[i].field[CAMEO_CODE];
        size_t n = strlen(code);
        if (n < 3 || n > 4)
            continue;
        char parent[4];
        memcpy(parent, code, n - 1);
        parent[n - 1] = '\0';
        if (!gen_has_code(t, parent))
            gen_error(t->path, t->rows[i].line, "code %s has no parent %s", code, parent);
    }
}

static void gen_check_actor_row(const gen_table *t, const gen_row *r)
{
    static const char *const groups[] = {"role", "sector", "organization", "religion",
                                         "ethnic", "region", "status"};
    if (!gen_all(r->field[0], gen_is_upper, 3, 3))
        gen_error(t->path, r->line, "actor type '%s' is not three upper-case letters", r->field[0]);
    bool known = false;
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        known |= !strcmp(r->field[1], groups[i]);
    if (!known)
        gen_error(t->path, r->line, "unknown group '%s'", r->field[1]);
    gen_check_text(t, r, 2, "name", false);
    gen_check_text(t, r, 3, "description", false);
}

static void gen_check_country_row(const gen_table *t, const gen_row *r)
{
    if (!gen_all(r->field[0], gen_is_upper, 3, 3))
        gen_error(t->path, r->line, "alpha-3 code '%s' is not three upper-case letters", r->field[0]);
    if (*r->field[1] && !gen_all(r->field[1], gen_is_upper, 2, 2))
        gen_error(t->path, r->line, "alpha-2 code '%s' is not two upper-case letters", r->field[1]);
    gen_check_text(t, r, 2, "name", false);
    const char *kind = r->field[3];
    if (strcmp(kind, "iso") && strcmp(kind, "former") && strcmp(kind, "cameo"))
        gen_error(t->path, r->line, "kind '%s' is not iso, former or cameo", kind);
    if (!strcmp(kind, "iso") && !*r->field[1])
        gen_error(t->path, r->line, "ISO country %s without an alpha-2 code", r->field[0]);
}

/* Writes `s` as a C string literal; bytes outside printable ASCII become
 * octal escapes so the generated file is plain ASCII. */
static void gen_put_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7F || *p == '?')
            fprintf(out, "\\%03o", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void gen_write_cameo(FILE *out, const gen_table *t)
{
    fprintf(out, "const annals_cameo_code onto_cameo_table[] = {\n");
    for (size_t i = 0; i < t->n_rows; i++) {
        char **f = t->rows[i].field;
        fprintf(out, "    {.code = ");
        gen_put_string(out, f[CAMEO_CODE]);
        fprintf(out, ", .name = ");
        gen_put_string(out, f[CAMEO_NAME]);
        fprintf(out, ", .goldstein = %s, .quad = %s,\n     .plover = ", f[CAMEO_GOLDSTEIN], f[CAMEO_QUAD]);
        gen_put_string(out, f[CAMEO_PLOVER]);
        fprintf(out, ", .plover_mode = ");
        gen_put_string(out, f[CAMEO_MODE]);
        fprintf(out, ", .plover_context = ");
        gen_put_string(out, f[CAMEO_CONTEXT]);
        fprintf(out, "},\n");
    }
    fprintf(out, "};\nconst size_t onto_cameo_count = %zu;\n\n", t->n_rows);
}

static void gen_write_actor_types(FILE *out, const gen_table *t)
{
    fprintf(out, "const annals_actor_type onto_actor_type_table[] = {\n");
    for (size_t i = 0; i < t->n_rows; i++) {
        char **f = t->rows[i].field;
        fprintf(out, "    {.code = ");
        gen_put_string(out, f[0]);
        fprintf(out, ", .group = ");
        gen_put_string(out, f[1]);
        fprintf(out, ", .name = ");
        gen_put_string(out, f[2]);
        fprintf(out, ",\n     .description = ");
        gen_put_string(out, f[3]);
        fprintf(out, "},\n");
    }
    fprintf(out, "};\nconst size_t onto_actor_type_count = %zu;\n\n", t->n_rows);
}

static void gen_write_countries(FILE *out, const gen_table *t)
{
    fprintf(out, "const annals_country onto_country_table[] = {\n");
    for (size_t i = 0; i < t->n_rows; i++) {
        char **f = t->rows[i].field;
        fprintf(out, "    {.alpha3 = ");
        gen_put_string(out, f[0]);
        fprintf(out, ", .alpha2 = ");
        gen_put_string(out, f[1]);
        fprintf(out, ", .name = ");
        gen_put_string(out, f[2]);
        fprintf(out, ", .kind = ");
        gen_put_string(out, f[3]);
        fprintf(out, "},\n");
    }
    fprintf(out, "};\nconst size_t onto_country_count = %zu;\n", t->n_rows);
}

/* Writes to a temporary name and renames, so that a failed run never
 * leaves a half-written file that a later build would take as done. */
static bool gen_write(const char *path, const gen_table *cameo, const gen_table *actors,
                      const gen_table *countries)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 5);
    if (!tmp)
        return false;
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp", 5);
    FILE *out = fopen(tmp, "w");
    if (!out) {
        fprintf(stderr, "%s: cannot create: %s\n", tmp, strerror(errno));
        free(tmp);
        return false;
    }
    fprintf(out,
            "/* Generated by src/ontology/gen_tables.c from %s, %s and %s.\n"
            " * Do not edit: edit the TSV files.  Each table is sorted by code (strcmp). */\n"
            "#include \"annals.h\"\n#include \"ontology/tables.h\"\n\n",
            cameo->path, actors->path, countries->path);
    gen_write_cameo(out, cameo);
    gen_write_actor_types(out, actors);
    gen_write_countries(out, countries);
    bool ok = !ferror(out);
    ok &= fclose(out) == 0;
    if (ok && rename(tmp, path) != 0) {
        fprintf(stderr, "%s: cannot rename to %s: %s\n", tmp, path, strerror(errno));
        ok = false;
    }
    if (!ok)
        remove(tmp);
    free(tmp);
    return ok;
}

static void gen_check_rows(gen_table *t, void (*check)(const gen_table *, const gen_row *))
{
    for (size_t i = 0; i < t->n_rows; i++)
        check(t, &t->rows[i]);
    gen_sort_unique(t);
    if (t->n_rows == 0)
        gen_error(t->path, 1, "no data lines");
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s CAMEO.tsv ACTOR_TYPES.tsv COUNTRIES.tsv OUT.c\n", argv[0]);
        return 2;
    }
    gen_table cameo, actors, countries;
    bool ok = gen_table_read(&cameo, argv[1],
                             "code\tname\tgoldstein\tquad\tplover\tplover_mode\tplover_context");
    ok &= gen_table_read(&actors, argv[2], "code\tgroup\tname\tdescription");
    ok &= gen_table_read(&countries, argv[3], "alpha3\talpha2\tname\tkind");
    if (ok) {
        gen_check_rows(&cameo, gen_check_cameo_row);
        gen_check_cameo_parents(&cameo);
        gen_check_rows(&actors, gen_check_actor_row);
        gen_check_rows(&countries, gen_check_country_row);
    }
    ok = ok && !gen_failed && gen_write(argv[4], &cameo, &actors, &countries);
    gen_table_free(&cameo);
    gen_table_free(&actors);
    gen_table_free(&countries);
    return ok ? 0 : 1;
}
