/* codes.c — `annals codes`: look up CAMEO event codes, actor types and
 * countries in the ontology compiled into the library. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "json_out.h"

static const char codes_help[] =
    "Usage: annals codes [--actor-types | --countries] [--json] [CODE|WORD]...\n"
    "\n"
    "Looks up the CAMEO ontology compiled into annals: event codes (the default),\n"
    "actor types (--actor-types) or country codes (--countries).\n"
    "\n"
    "Each argument is either a code or a word:\n"
    "  CODE   an event code of 2 to 4 digits (\"1244\"), an actor type (\"GOV\") or a\n"
    "         country code, alpha-3 or alpha-2 (\"PRK\", \"KP\"); case does not matter.\n"
    "         An event code prints as a block: name, Goldstein value, QuadClass,\n"
    "         PLOVER type, mode and context, its parent, and every code under it\n"
    "         (\"annals codes 12\" shows the root REJECT and its 3- and 4-digit codes).\n"
    "  WORD   anything else: one line for every entry whose name contains it,\n"
    "         ignoring case (\"annals codes sanction\").  Actor types match on the\n"
    "         description too.\n"
    "With no argument, every entry of the table is listed, one a line.  Options\n"
    "may come before or after the arguments; \"--\" ends them.\n"
    "\n"
    "Options:\n"
    "  --actor-types  look up CAMEO actor types (roles, sectors, organizations,\n"
    "                 religions, regions) instead of event codes\n"
    "  --countries    look up country codes (ISO 3166 and the few CAMEO adds)\n"
    "  --json         print JSON lines, one object per entry; an event code's\n"
    "                 object lists its direct children in \"children\"\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 when every argument was found, 1 when some were not (each is\n"
    "reported on standard error), 2 for a usage error.\n";

typedef enum codes_table { CODES_CAMEO, CODES_ACTOR_TYPES, CODES_COUNTRIES } codes_table;

typedef struct codes_opts {
    codes_table table;
    bool json;
} codes_opts;

/* ASCII case-insensitive "does `hay` contain `needle`": names are English
 * and the few accented letters in country names are matched as they are. */
static bool codes_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return false;
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

/* Upper-case copy of a short code into `out` (size `cap`), or false when
 * it does not fit. */
static bool codes_upper(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n + 1 > cap)
        return false;
    for (size_t i = 0; i <= n; i++)
        out[i] = (char)toupper((unsigned char)s[i]);
    return true;
}

static bool codes_all_digits(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

static const char *codes_quad_name(int quad)
{
    static const char *const names[] = {"verbal cooperation", "material cooperation",
                                        "verbal conflict", "material conflict"};
    return quad >= 1 && quad <= 4 ? names[quad - 1] : "?";
}

/* ---- CAMEO event codes ---- */

/* Whether `code` lies under `root` in the hierarchy ("1244" under "12"). */
static bool codes_is_under(const char *code, const char *root)
{
    size_t n = strlen(root);
    return strlen(code) > n && !strncmp(code, root, n);
}

static void codes_cameo_line(const annals_cameo_code *c)
{
    printf("%-5s %s\n", c->code, c->name);
}

static void codes_cameo_json(const annals_cameo_code *c)
{
    printf("{\"code\":");
    cli_json_string(stdout, c->code);
    printf(",\"name\":");
    cli_json_string(stdout, c->name);
    printf(",\"goldstein\":%.1f,\"quad\":%d,\"plover\":", c->goldstein, c->quad);
    cli_json_string(stdout, c->plover);
    printf(",\"plover_mode\":");
    cli_json_string(stdout, c->plover_mode);
    printf(",\"plover_context\":");
    cli_json_string(stdout, c->plover_context);
    const annals_cameo_code *parent = annals_cameo_parent(c);
    printf(",\"parent\":");
    if (parent)
        cli_json_string(stdout, parent->code);
    else
        printf("null");
    printf(",\"children\":[");
    bool first = true;
    size_t depth = strlen(c->code) + 1;
    for (size_t i = 0; i < annals_cameo_count(); i++) {
        const annals_cameo_code *k = annals_cameo_at(i);
        if (codes_is_under(k->code, c->code) && strlen(k->code) == depth) {
            printf(first ? "" : ",");
            cli_json_string(stdout, k->code);
            first = false;
        }
    }
    printf("]}\n");
}

static void codes_cameo_block(const annals_cameo_code *c)
{
    printf("code:       %s\n", c->code);
    printf("name:       %s\n", c->name);
    printf("goldstein:  %.1f\n", c->goldstein);
    printf("quad:       %d (%s)\n", c->quad, codes_quad_name(c->quad));
    if (*c->plover) {
        printf("plover:     %s\n", c->plover);
        printf("mode:       %s\n", *c->plover_mode ? c->plover_mode : "-");
        printf("context:    %s\n", *c->plover_context ? c->plover_context : "-");
    } else {
        printf("plover:     - (PLOVER drops CAMEO roots 01 and 02)\n");
    }
    const annals_cameo_code *parent = annals_cameo_parent(c);
    if (parent)
        printf("parent:     %s %s\n", parent->code, parent->name);
    bool header = false;
    for (size_t i = 0; i < annals_cameo_count(); i++) {
        const annals_cameo_code *k = annals_cameo_at(i);
        if (!codes_is_under(k->code, c->code))
            continue;
        if (!header)
            printf("under it:\n");
        header = true;
        /* Indent by depth below `c` so the hierarchy shows. */
        int indent = 2 * (int)(strlen(k->code) - strlen(c->code));
        printf("%*s%-5s %s\n", indent, "", k->code, k->name);
    }
}

/* Looks up one argument; returns the number of entries printed. */
static size_t codes_cameo_arg(const codes_opts *o, const char *arg, bool *printed_block)
{
    if (codes_all_digits(arg)) {
        const annals_cameo_code *c = annals_cameo_lookup(arg);
        if (!c)
            return 0;
        if (o->json) {
            codes_cameo_json(c);
        } else {
            if (*printed_block)
                putchar('\n');
            codes_cameo_block(c);
            *printed_block = true;
        }
        return 1;
    }
    size_t found = 0;
    for (size_t i = 0; i < annals_cameo_count(); i++) {
        const annals_cameo_code *c = annals_cameo_at(i);
        if (arg && !codes_contains(c->name, arg))
            continue;
        o->json ? codes_cameo_json(c) : codes_cameo_line(c);
        found++;
    }
    return found;
}

/* ---- actor types ---- */

static void codes_actor_print(const codes_opts *o, const annals_actor_type *a)
{
    if (!o->json) {
        printf("%s  %-12s %s: %s\n", a->code, a->group, a->name, a->description);
        return;
    }
    printf("{\"code\":");
    cli_json_string(stdout, a->code);
    printf(",\"name\":");
    cli_json_string(stdout, a->name);
    printf(",\"group\":");
    cli_json_string(stdout, a->group);
    printf(",\"description\":");
    cli_json_string(stdout, a->description);
    printf("}\n");
}

static size_t codes_actor_arg(const codes_opts *o, const char *arg)
{
    char up[8];
    const annals_actor_type *exact = arg && codes_upper(arg, up, sizeof up)
                                         ? annals_actor_type_lookup(up) : NULL;
    if (exact) {
        codes_actor_print(o, exact);
        return 1;
    }
    size_t found = 0;
    for (size_t i = 0; i < annals_actor_type_count(); i++) {
        const annals_actor_type *a = annals_actor_type_at(i);
        if (arg && !codes_contains(a->name, arg) && !codes_contains(a->description, arg))
            continue;
        codes_actor_print(o, a);
        found++;
    }
    return found;
}

/* ---- countries ---- */

static void codes_country_print(const codes_opts *o, const annals_country *c)
{
    if (!o->json) {
        printf("%s  %-2s  %-6s %s\n", c->alpha3, *c->alpha2 ? c->alpha2 : "-", c->kind, c->name);
        return;
    }
    printf("{\"alpha3\":");
    cli_json_string(stdout, c->alpha3);
    printf(",\"alpha2\":");
    cli_json_string(stdout, c->alpha2);
    printf(",\"name\":");
    cli_json_string(stdout, c->name);
    printf(",\"kind\":");
    cli_json_string(stdout, c->kind);
    printf("}\n");
}

static size_t codes_country_arg(const codes_opts *o, const char *arg)
{
    char up[8];
    bool code_like = arg && codes_upper(arg, up, sizeof up);
    if (code_like && strlen(up) == 3) {
        const annals_country *c = annals_country_lookup(up);
        if (c) {
            codes_country_print(o, c);
            return 1;
        }
    }
    size_t found = 0;
    for (size_t i = 0; i < annals_country_count(); i++) {
        const annals_country *c = annals_country_at(i);
        bool alpha2 = code_like && strlen(up) == 2 && !strcmp(c->alpha2, up);
        if (arg && !alpha2 && !codes_contains(c->name, arg))
            continue;
        codes_country_print(o, c);
        found++;
    }
    return found;
}

/* ---- the command ---- */

/* Options may come before or after the arguments; "--" ends them.  The
 * arguments are moved to the front of argv, in order, and counted in *n. */
static int codes_parse(int argc, char **argv, codes_opts *o, int *n)
{
    bool options = true;
    *n = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options || a[0] != '-' || !a[1]) {
            argv[(*n)++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            options = false;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(codes_help, stdout);
            return -1;
        } else if (!strcmp(a, "--json")) {
            o->json = true;
        } else if (!strcmp(a, "--actor-types") || !strcmp(a, "--countries")) {
            codes_table t = a[2] == 'a' ? CODES_ACTOR_TYPES : CODES_COUNTRIES;
            if (o->table != CODES_CAMEO && o->table != t)
                return cli_usage_error("codes", "--actor-types and --countries exclude each other");
            o->table = t;
        } else {
            return cli_usage_error("codes", "unknown option '%s'", a);
        }
    }
    return CLI_OK;
}

static size_t codes_one(const codes_opts *o, const char *arg, bool *printed_block)
{
    switch (o->table) {
    case CODES_ACTOR_TYPES:
        return codes_actor_arg(o, arg);
    case CODES_COUNTRIES:
        return codes_country_arg(o, arg);
    case CODES_CAMEO:
    default:
        return codes_cameo_arg(o, arg, printed_block);
    }
}

int cli_codes(int argc, char **argv)
{
    codes_opts o = {.table = CODES_CAMEO};
    int n = 0;
    int rc = codes_parse(argc, argv, &o, &n);
    if (rc < 0)
        return CLI_OK;
    if (rc != CLI_OK)
        return rc;
    bool printed_block = false;
    if (n == 0) {
        codes_one(&o, NULL, &printed_block);
        return CLI_OK;
    }
    static const char *const what[] = {"event code", "actor type", "country"};
    for (int i = 0; i < n; i++) {
        if (codes_one(&o, argv[i], &printed_block) == 0) {
            fprintf(stderr, "annals codes: no %s matches '%s'\n", what[o.table], argv[i]);
            rc = CLI_SKIPPED;
        }
    }
    return rc;
}
