/* params.c — checking the API's query parameters (doc/api.md). */
#include "serve/params.h"

#include <stdio.h>
#include <string.h>

/* Each parameter: its name and bit. */
static const struct {
    const char *name;
    unsigned bit;
} serve_param_names[] = {
    {"source", SERVE_P_SOURCE}, {"target", SERVE_P_TARGET}, {"actor", SERVE_P_ACTOR},
    {"dyad", SERVE_P_DYAD},     {"root", SERVE_P_ROOT},     {"code", SERVE_P_CODE},
    {"quad", SERVE_P_QUAD},     {"from", SERVE_P_FROM},     {"to", SERVE_P_TO},
    {"text", SERVE_P_TEXT},     {"limit", SERVE_P_LIMIT},   {"offset", SERVE_P_OFFSET},
    {"interval", SERVE_P_INTERVAL},
};

void serve_params_init(serve_params *p, unsigned allowed, size_t limit_default,
                       size_t limit_max)
{
    memset(p, 0, sizeof *p);
    p->allowed = allowed;
    p->limit_default = limit_default;
    p->limit_max = limit_max;
    p->limit = limit_default;
    p->interval = ANNALS_BY_MONTH;
}

/* Records the first refusal; later ones would only repeat the cause. */
static bool params_refuse(serve_params *p, const char *name, const char *why)
{
    if (!p->failed) {
        p->failed = true;
        snprintf(p->bad_name, sizeof p->bad_name, "%.31s", name);
        snprintf(p->error, sizeof p->error, "%.150s", why);
    }
    return false;
}

static bool params_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* An actor code prefix: capital letters and digits, or "---" (no actor). */
static bool params_actor(const char *s, size_t n)
{
    if (n == 0 || n > SERVE_ACTOR_MAX)
        return false;
    if (n == 3 && memcmp(s, "---", 3) == 0)
        return true;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

/* A calendar date "YYYY-MM-DD" that exists (2021-02-29 does not). */
static bool params_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !params_digits(s, 4) ||
        !params_digits(s + 5, 2) || !params_digits(s + 8, 2))
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

/* A decimal count without sign, at most `max`. */
static bool params_count(const char *s, size_t min, size_t max, size_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 9 || !params_digits(s, n))
        return false;
    size_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (size_t)(s[i] - '0');
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

static void params_copy(char *dst, const char *src, size_t n)
{
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Checks and keeps the value of the parameter `bit`. */
static bool params_value(serve_params *p, const char *name, unsigned bit, const char *v)
{
    size_t n = strlen(v);
    char why[96];
    switch (bit) {
    case SERVE_P_SOURCE:
    case SERVE_P_TARGET:
    case SERVE_P_ACTOR: {
        if (!params_actor(v, n))
            return params_refuse(p, name, "wants an actor code prefix (A-Z, 0-9, at most 30) or ---");
        char *dst = bit == SERVE_P_SOURCE ? p->source : bit == SERVE_P_TARGET ? p->target : p->actor;
        params_copy(dst, v, n);
        return true;
    }
    case SERVE_P_DYAD: {
        const char *comma = strchr(v, ',');
        if (!comma || !params_actor(v, (size_t)(comma - v)) ||
            !params_actor(comma + 1, strlen(comma + 1)))
            return params_refuse(p, name, "wants two actor code prefixes A,B");
        params_copy(p->dyad_a, v, (size_t)(comma - v));
        params_copy(p->dyad_b, comma + 1, strlen(comma + 1));
        return true;
    }
    case SERVE_P_ROOT: {
        int r = n == 2 && params_digits(v, 2) ? (v[0] - '0') * 10 + (v[1] - '0') : 0;
        if (r < 1 || r > 20)
            return params_refuse(p, name, "wants a CAMEO root code 01-20");
        params_copy(p->root, v, n);
        return true;
    }
    case SERVE_P_CODE:
        if (n < 2 || n > 4 || !params_digits(v, n))
            return params_refuse(p, name, "wants a CAMEO event code of 2-4 digits");
        params_copy(p->code, v, n);
        return true;
    case SERVE_P_QUAD:
        if (n != 1 || v[0] < '1' || v[0] > '4')
            return params_refuse(p, name, "wants a QuadClass 1-4");
        p->quad = v[0] - '0';
        return true;
    case SERVE_P_FROM:
    case SERVE_P_TO:
        if (!params_date(v))
            return params_refuse(p, name, "wants a date YYYY-MM-DD");
        params_copy(bit == SERVE_P_FROM ? p->from : p->to, v, n);
        return true;
    case SERVE_P_TEXT:
        if (n > SERVE_TEXT_MAX)
            return params_refuse(p, name, "is longer than 200 bytes");
        params_copy(p->text, v, n);
        return true;
    case SERVE_P_LIMIT:
        if (!params_count(v, 1, p->limit_max, &p->limit)) {
            snprintf(why, sizeof why, "wants a number 1-%zu", p->limit_max);
            return params_refuse(p, name, why);
        }
        return true;
    case SERVE_P_OFFSET:
        if (!params_count(v, 0, SERVE_OFFSET_MAX, &p->offset))
            return params_refuse(p, name, "wants a number 0-1000000");
        return true;
    case SERVE_P_INTERVAL:
        p->interval = annals_interval_from_name(v);
        if (p->interval < 0)
            return params_refuse(p, name, "wants day, week, month or year");
        return true;
    default:
        return params_refuse(p, name, "unknown parameter");
    }
}

bool serve_params_add(serve_params *p, const char *key, const char *value)
{
    unsigned bit = 0;
    const char *name = key;
    for (size_t i = 0; i < sizeof serve_param_names / sizeof serve_param_names[0]; i++)
        if (strcmp(key, serve_param_names[i].name) == 0) {
            bit = serve_param_names[i].bit;
            name = serve_param_names[i].name;
        }
    if (!bit || !(p->allowed & bit))
        return params_refuse(p, name, "unknown parameter");
    if (p->seen & bit)
        return params_refuse(p, name, "given twice");
    p->seen |= bit;
    if (!value || !*value)
        return params_refuse(p, name, "is empty");
    return params_value(p, name, bit, value);
}

bool serve_params_add_n(serve_params *p, const char *key, size_t key_size, const char *value,
                        size_t value_size)
{
    /* A decoded %00 would otherwise cut the value short unseen:
     * "source=PRK%00X" must not read as source=PRK. */
    if (strlen(key) != key_size)
        return params_refuse(p, "?", "a parameter name holds a NUL byte");
    if (value && strlen(value) != value_size)
        return params_refuse(p, key, "holds a NUL byte");
    return serve_params_add(p, key, value);
}

bool serve_params_finish(serve_params *p)
{
    if (!p->failed && p->from[0] && p->to[0] && strcmp(p->from, p->to) > 0)
        params_refuse(p, "from", "is after to");
    if (p->failed)
        return false;
    /* The store has the last word on a filter (a text of spaces alone is
     * no search); its message starts with the field, which is the
     * parameter's name. */
    annals_store_filter f;
    serve_params_filter(p, &f);
    char msg[200];
    if (annals_store_filter_check(&f, msg, sizeof msg) != ANNALS_OK) {
        char name[32] = "?";
        size_t n = strcspn(msg, " ");
        if (n > 0 && n < sizeof name)
            params_copy(name, msg, n);
        p->failed = true;
        snprintf(p->bad_name, sizeof p->bad_name, "%.31s", name);
        snprintf(p->error, sizeof p->error, "%.150s", n < strlen(msg) ? msg + n + 1 : msg);
    }
    return !p->failed;
}

static int params_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long serve_percent_decode(const char *in, size_t len, char *out, bool plus)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        if (c == '%') {
            if (i + 2 >= len)
                return -1;
            int h = params_hex(in[i + 1]), l = params_hex(in[i + 2]);
            if (h < 0 || l < 0)
                return -1;
            c = (char)(h * 16 + l);
            i += 2;
        } else if (c == '+' && plus) {
            c = ' ';
        }
        if (c == '\0')
            return -1;
        out[o++] = c;
    }
    out[o] = '\0';
    return (long)o;
}

bool serve_params_parse_query(serve_params *p, const char *query, size_t len)
{
    /* Keys and values are no longer than the query itself. */
    char key[64], value[SERVE_TEXT_MAX * 3 + 1];
    size_t i = 0;
    while (i < len && !p->failed) {
        size_t end = i;
        while (end < len && query[end] != '&')
            end++;
        size_t eq = i;
        while (eq < end && query[eq] != '=')
            eq++;
        if (end > i) {
            size_t klen = eq - i, vlen = eq < end ? end - eq - 1 : 0;
            if (klen >= sizeof key || vlen >= sizeof value)
                return params_refuse(p, klen >= sizeof key ? "?" : "value", "is too long");
            if (serve_percent_decode(query + i, klen, key, true) < 0)
                return params_refuse(p, "?", "bad percent escape in a name");
            if (eq < end && serve_percent_decode(query + eq + 1, vlen, value, true) < 0)
                return params_refuse(p, key, "bad percent escape");
            serve_params_add(p, key, eq < end ? value : NULL);
        }
        i = end + 1;
    }
    return serve_params_finish(p);
}

void serve_params_filter(const serve_params *p, annals_store_filter *f)
{
    annals_store_filter_init(f);
    f->source = p->source[0] ? p->source : NULL;
    f->target = p->target[0] ? p->target : NULL;
    f->actor = p->actor[0] ? p->actor : NULL;
    f->dyad_a = p->dyad_a[0] ? p->dyad_a : NULL;
    f->dyad_b = p->dyad_b[0] ? p->dyad_b : NULL;
    f->root = p->root[0] ? p->root : NULL;
    f->code = p->code[0] ? p->code : NULL;
    f->quad = p->quad;
    f->from = p->from[0] ? p->from : NULL;
    f->to = p->to[0] ? p->to : NULL;
    f->text = p->text[0] ? p->text : NULL;
}
