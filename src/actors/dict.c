/* dict.c — building a dictionary: entries, names (tokenised and put into
 * the token trie), codes, diagnostics, and the calendar arithmetic of the
 * dated codes. */
#include "actors/dict.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors/key.h"
#include "annals.h"

#define ACT_MAX_DIAGS 10000
#define ACT_NONE UINT32_MAX

/* Grows a vector to hold one more element; false when out of memory. */
static bool act_grow(void **v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 64;
    void *nv = realloc(*v, nc * elem);
    if (!nv)
        return false;
    *v = nv;
    *cap = nc;
    return true;
}

/* ---- hashing ------------------------------------------------------- */

static uint64_t act_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

static uint64_t act_hash_u64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
}

uint32_t act_intern_find(const act_intern *t, const char *s, size_t n)
{
    if (!t->cap)
        return ACT_NONE;
    size_t mask = t->cap - 1;
    for (size_t i = act_hash_bytes(s, n) & mask;; i = (i + 1) & mask) {
        uint32_t v = t->slots[i];
        if (!v)
            return ACT_NONE;
        if (t->lens[v - 1] == n && !memcmp(t->strs[v - 1], s, n))
            return v - 1;
    }
}

static bool act_intern_rehash(act_intern *t)
{
    /* big enough for the built-in set at once: rehashing is most of the cost */
    size_t cap = t->cap ? t->cap * 2 : 65536;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t k = 0; k < t->n; k++) {
        size_t i = act_hash_bytes(t->strs[k], t->lens[k]) & (cap - 1);
        while (slots[i])
            i = (i + 1) & (cap - 1);
        slots[i] = (uint32_t)k + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return true;
}

static uint32_t act_intern_add(act_intern *t, core_arena *a, const char *s, size_t n)
{
    uint32_t id = act_intern_find(t, s, n);
    if (id != ACT_NONE)
        return id;
    if ((t->n + 1) * 2 > t->cap && !act_intern_rehash(t))
        return ACT_NONE;
    if (t->n == t->strs_cap) {
        size_t nc = t->strs_cap ? t->strs_cap * 2 : 1024;
        const char **strs = realloc(t->strs, nc * sizeof *strs);
        if (!strs)
            return ACT_NONE;
        t->strs = strs;
        uint32_t *lens = realloc(t->lens, nc * sizeof *lens);
        if (!lens)
            return ACT_NONE;
        t->lens = lens;
        t->strs_cap = nc;
    }
    char *copy = core_arena_strndup(a, s, n);
    if (!copy)
        return ACT_NONE;
    t->strs[t->n] = copy;
    t->lens[t->n] = (uint32_t)n;
    size_t mask = t->cap - 1;
    size_t i = act_hash_bytes(s, n) & mask;
    while (t->slots[i])
        i = (i + 1) & mask;
    t->slots[i] = (uint32_t)t->n + 1;
    return (uint32_t)t->n++;
}

uint32_t act_edges_find(const act_edges *e, uint32_t parent, uint32_t tok)
{
    if (!e->cap)
        return ACT_NONE;
    uint64_t key = (uint64_t)parent << 32 | tok;
    size_t mask = e->cap - 1;
    for (size_t i = act_hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (e->keys[i] == UINT64_MAX)
            return ACT_NONE;
        if (e->keys[i] == key)
            return e->vals[i];
    }
}

static bool act_edges_put(act_edges *e, uint64_t key, uint32_t val)
{
    if ((e->n + 1) * 2 > e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8192;
        uint64_t *keys = malloc(cap * sizeof *keys);
        uint32_t *vals = malloc(cap * sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            return false;
        }
        memset(keys, 0xff, cap * sizeof *keys);
        for (size_t k = 0; k < e->cap; k++) {
            if (e->keys[k] == UINT64_MAX)
                continue;
            size_t i = act_hash_u64(e->keys[k]) & (cap - 1);
            while (keys[i] != UINT64_MAX)
                i = (i + 1) & (cap - 1);
            keys[i] = e->keys[k];
            vals[i] = e->vals[k];
        }
        free(e->keys);
        free(e->vals);
        e->keys = keys;
        e->vals = vals;
        e->cap = cap;
    }
    size_t mask = e->cap - 1;
    size_t i = act_hash_u64(key) & mask;
    while (e->keys[i] != UINT64_MAX)
        i = (i + 1) & mask;
    e->keys[i] = key;
    e->vals[i] = val;
    e->n++;
    return true;
}

static uint32_t act_new_node(act_dict *d)
{
    if (!act_grow((void **)&d->nodes, &d->nodes_cap, d->n_nodes, sizeof *d->nodes))
        return ACT_NONE;
    d->nodes[d->n_nodes].names = ACT_NONE;
    d->nodes[d->n_nodes].stem_names = ACT_NONE;
    return (uint32_t)d->n_nodes++;
}

/* The child of `parent` along `tok`, made when missing. */
static uint32_t act_child(act_dict *d, act_edges *e, uint32_t parent, uint32_t tok)
{
    uint32_t c = act_edges_find(e, parent, tok);
    if (c != ACT_NONE)
        return c;
    c = act_new_node(d);
    if (c == ACT_NONE || !act_edges_put(e, (uint64_t)parent << 32 | tok, c))
        return ACT_NONE;
    return c;
}

/* ---- life ---------------------------------------------------------- */

bool act_dict_init(act_dict *d)
{
    memset(d, 0, sizeof *d);
    core_arena_init(&d->arena, 256 * 1024);
    core_arena_init(&d->scratch, 16 * 1024);
    return act_new_node(d) == 0;
}

void act_dict_free(act_dict *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_files; i++)
        free(d->files[i]);
    free(d->files);
    for (size_t i = 0; i < d->n_diags; i++)
        free(d->diags[i].msg);
    free(d->diags);
    free(d->entries);
    free(d->codes);
    free(d->names);
    free(d->tokens.slots);
    free(d->tokens.strs);
    free(d->tokens.lens);
    free(d->edges.keys);
    free(d->edges.vals);
    free(d->stem_edges.keys);
    free(d->stem_edges.vals);
    free(d->nodes);
    for (size_t i = 0; i < d->fuzzy_cap; i++)
        free(d->fuzzy[i].names);
    free(d->fuzzy);
    text_sentences_free(&d->sents);
    core_arena_destroy(&d->scratch);
    core_arena_destroy(&d->arena);
    memset(d, 0, sizeof *d);
}

uint32_t act_dict_add_file(act_dict *d, const char *name)
{
    size_t cap = d->n_files;
    if (!act_grow((void **)&d->files, &cap, d->n_files, sizeof *d->files))
        return 0;
    char *copy = strdup(name ? name : "?");
    if (!copy)
        return 0;
    d->files[d->n_files] = copy;
    return (uint32_t)d->n_files++;
}

const char *act_dict_file(const act_dict *d, uint32_t file)
{
    return file < d->n_files ? d->files[file] : "?";
}

void act_dict_diag(act_dict *d, uint32_t file, uint32_t line, const char *fmt, ...)
{
    if (d->n_diags >= ACT_MAX_DIAGS ||
        !act_grow((void **)&d->diags, &d->diags_cap, d->n_diags, sizeof *d->diags)) {
        d->n_diags_dropped++;
        return;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *full = malloc(strlen(msg) + strlen(act_dict_file(d, file)) + 32);
    if (!full) {
        d->n_diags_dropped++;
        return;
    }
    int at = line ? sprintf(full, "%s:%u: ", act_dict_file(d, file), (unsigned)line)
                  : sprintf(full, "%s: ", act_dict_file(d, file));
    strcpy(full + at, msg);
    d->diags[d->n_diags++] = (act_diag){file, line, full, (size_t)at};
}

/* ---- entries ------------------------------------------------------- */

act_entry *act_dict_begin_entry(act_dict *d, uint32_t file, uint32_t line, act_section sec)
{
    if (!act_grow((void **)&d->entries, &d->entries_cap, d->n_entries, sizeof *d->entries))
        return NULL;
    act_entry *e = &d->entries[d->n_entries++];
    memset(e, 0, sizeof *e);
    e->file = file;
    e->line = line;
    e->section = (uint8_t)sec;
    e->first_code = (uint32_t)d->n_codes;
    e->first_name = (uint32_t)d->n_names;
    e->label = "";
    return e;
}

bool act_dict_add_code(act_dict *d, const char *code, size_t code_len, bool dated,
                       int32_t from, int32_t to, uint32_t line)
{
    if (!d->n_entries)
        return true;
    if (!act_grow((void **)&d->codes, &d->codes_cap, d->n_codes, sizeof *d->codes))
        return false;
    if (code_len == 3 && !memcmp(code, "---", 3))
        code_len = 0;
    const char *c = core_arena_strndup(&d->arena, code, code_len);
    if (!c)
        return false;
    d->codes[d->n_codes++] = (act_code){c, from, to, dated, line};
    d->entries[d->n_entries - 1].n_codes++;
    return true;
}

/* A word of a name: its text (not NUL-terminated in the plain path). */
typedef struct act_word {
    const char *s;
    size_t len;
    bool ascii;
} act_word;

/* Splits a name into words.  Plain ASCII names (letters, digits, spaces,
 * full stops, hyphens) split at spaces and hyphens, as the segmenter
 * splits them inside a sentence ("A.R." and "Jr." stay whole, which the
 * segmenter would not promise at the end of a lone name); anything else
 * goes through the segmenter, whose words carry their folded `norm`. */
static int act_name_words(act_dict *d, const char *text, size_t len, act_word **words,
                          size_t *n)
{
    bool simple = true;
    for (size_t i = 0; i < len && simple; i++) {
        char c = text[i];
        simple = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == ' ' || c == '.' || c == '-';
    }
    if (simple) {
        act_word *v = core_arena_alloc(&d->scratch, (len / 2 + 2) * sizeof *v);
        if (!v)
            return ANNALS_E_NOMEM;
        size_t k = 0;
        for (size_t i = 0; i < len;) {
            bool hyphen = false;
            for (; i < len && (text[i] == ' ' || text[i] == '-'); i++)
                if (text[i] == '-')
                    hyphen = true;
            if (hyphen && k)
                v[k++] = (act_word){"-", 1, true};
            size_t j = i;
            while (j < len && text[j] != ' ' && text[j] != '-')
                j++;
            if (j > i)
                v[k++] = (act_word){text + i, j - i, true};
            i = j;
        }
        *words = v;
        *n = k;
        return ANNALS_OK;
    }
    d->sents.n = 0;
    int rc = text_tokenize_sentence(&d->scratch, text, 0, len, ANNALS_SENT_BODY, &d->sents);
    if (rc)
        return rc;
    size_t total = 0;
    for (size_t s = 0; s < d->sents.n; s++)
        total += d->sents.v[s].n_words;
    act_word *v = core_arena_alloc(&d->scratch, (total + 1) * sizeof *v);
    if (!v)
        return ANNALS_E_NOMEM;
    size_t k = 0;
    for (size_t s = 0; s < d->sents.n; s++)
        for (size_t w = 0; w < d->sents.v[s].n_words; w++) {
            const char *norm = d->sents.v[s].words[w].norm;
            v[k++] = (act_word){norm, strlen(norm), false};
        }
    *words = v;
    *n = k;
    return ANNALS_OK;
}

static size_t act_count_letters(const char *key)
{
    size_t n = 0;
    for (; *key; key++)
        n += (*key & 0xc0) != 0x80 && *key != '\'' && *key != '-';
    return n;
}

/* The key of a plain ASCII word: lower case without full stops (see
 * act_key, which this must agree with). */
static size_t act_ascii_key(const act_word *w, char *out)
{
    if (w->len == 1 && w->s[0] == '-')
        return 0;
    size_t o = 0;
    for (size_t i = 0; i < w->len && o < ACT_KEY_MAX - 1; i++) {
        char c = w->s[i];
        if (c == '.')
            continue;
        out[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    if (!o) {
        o = w->len < ACT_KEY_MAX - 1 ? w->len : ACT_KEY_MAX - 1;
        memcpy(out, w->s, o);
    }
    out[o] = '\0';
    return o;
}

bool act_dict_add_name(act_dict *d, const char *text, size_t len, uint32_t line, bool legacy,
                       bool stem)
{
    if (!d->n_entries)
        return true;
    act_entry *e = &d->entries[d->n_entries - 1];
    core_arena_reset(&d->scratch);
    act_word *words;
    size_t n_words;
    if (act_name_words(d, text, len, &words, &n_words))
        return false;
    uint32_t *keys = core_arena_alloc(&d->arena, (n_words + 1) * sizeof *keys);
    if (!keys)
        return false;
    size_t n = 0, letters = 0, plain_words = 0, caps_words = 0;
    bool any_lower = false, after_hyphen = false;
    for (size_t i = 0; i < n_words; i++) {
        const act_word *w = &words[i];
        char key[ACT_KEY_MAX];
        size_t kl = w->ascii ? act_ascii_key(w, key) : act_key(w->s, key);
        if (!kl) {
            after_hyphen = true;
            continue;
        }
        uint32_t id = act_intern_add(&d->tokens, &d->arena, key, kl);
        if (id == ACT_NONE)
            return false;
        keys[n++] = id;
        letters += act_count_letters(key);
        bool lower, capital;
        if (w->ascii) {
            lower = false;
            for (size_t k = 0; k < w->len && !lower; k++)
                lower = w->s[k] >= 'a' && w->s[k] <= 'z';
            capital = w->s[0] >= 'A' && w->s[0] <= 'Z';
        } else {
            lower = act_has_lower(w->s);
            capital = act_is_capitalised(w->s);
        }
        any_lower = any_lower || lower;
        /* "Jae-in": a part after a hyphen need not be capitalised */
        if (!after_hyphen) {
            plain_words++;
            caps_words += capital;
        }
        after_hyphen = false;
    }
    /* "the" is optional in text ("the White House" = "White House")
     * unless it makes the name ("the US"). */
    if (n > 1 && !strcmp(d->tokens.strs[keys[0]], "the") &&
        !(n == 2 && d->tokens.lens[keys[1]] <= 3)) {
        memmove(keys, keys + 1, (n - 1) * sizeof *keys);
        n--;
    }
    if (n == 0 || n > UINT16_MAX) {
        act_dict_diag(d, e->file, line, "name '%.*s' has no word to match; ignored", (int)len,
                      text);
        return true;
    }
    if (!act_grow((void **)&d->names, &d->names_cap, d->n_names, sizeof *d->names))
        return false;
    act_name *nm = &d->names[d->n_names++];
    memset(nm, 0, sizeof *nm);
    nm->text = core_arena_strndup(&d->arena, text, len);
    if (!nm->text)
        return false;
    nm->entry = (uint32_t)(d->n_entries - 1);
    nm->line = line;
    nm->keys = keys;
    nm->n_keys = (uint16_t)n;
    nm->letters = letters > UINT16_MAX ? UINT16_MAX : (uint16_t)letters;
    nm->stem = stem;
    nm->next = ACT_NONE;
    /* Native names in capitals match only capitals ("US", "UN"); in the
     * all-capitals legacy files only short one-word names do ("US"). */
    if (legacy)
        nm->caps_only = n == 1 && letters <= 3;
    else
        nm->caps_only = !any_lower;
    nm->person_like = e->section == ACT_SEC_ACTORS && n >= 2 && letters >= 10 &&
                      !nm->caps_only && (legacy || caps_words == plain_words);
    if (!e->n_names)
        e->label = nm->text;
    e->n_names++;
    return true;
}

static bool act_fuzzy_index(act_dict *d, uint32_t name_idx)
{
    const act_name *nm = &d->names[name_idx];
    if (d->fuzzy_cap < d->tokens.n) {
        size_t cap = d->tokens.n * 2;
        act_fuzzy_list *f = realloc(d->fuzzy, cap * sizeof *f);
        if (!f)
            return false;
        memset(f + d->fuzzy_cap, 0, (cap - d->fuzzy_cap) * sizeof *f);
        d->fuzzy = f;
        d->fuzzy_cap = cap;
    }
    for (size_t i = 0; i < nm->n_keys; i++) {
        act_fuzzy_list *l = &d->fuzzy[nm->keys[i]];
        if (l->n && l->names[l->n - 1] == name_idx)
            continue;
        if (!act_grow((void **)&l->names, &l->cap, l->n, sizeof *l->names))
            return false;
        l->names[l->n++] = name_idx;
    }
    return true;
}

/* Puts a name into the trie; later names with the same tokens go after
 * earlier ones (the first loaded wins). */
static bool act_insert_name(act_dict *d, uint32_t name_idx)
{
    act_name *nm = &d->names[name_idx];
    uint32_t node = 0;
    for (size_t i = 0; i < nm->n_keys; i++) {
        bool last_stem = nm->stem && i + 1 == nm->n_keys;
        node = act_child(d, last_stem ? &d->stem_edges : &d->edges, node, nm->keys[i]);
        if (node == ACT_NONE)
            return false;
    }
    nm = &d->names[name_idx];
    nm->node = node;
    uint32_t *head = nm->stem ? &d->nodes[node].stem_names : &d->nodes[node].names;
    while (*head != ACT_NONE)
        head = &d->names[*head].next;
    *head = name_idx;
    if (nm->stem)
        d->has_stems = true;
    return !nm->person_like || act_fuzzy_index(d, name_idx);
}

void act_dict_end_entry(act_dict *d)
{
    if (!d->n_entries)
        return;
    act_entry *e = &d->entries[d->n_entries - 1];
    if (!e->n_names || !e->n_codes) {
        if (e->n_names)
            act_dict_diag(d, e->file, e->line, "entry '%s' has no code; skipped", e->label);
        else if (e->n_codes)
            act_dict_diag(d, e->file, e->line, "codes without a name; skipped");
        d->n_names = e->first_name;
        d->n_codes = e->first_code;
        d->n_entries--;
        return;
    }
    for (uint32_t i = 0; i < e->n_names; i++)
        if (!act_insert_name(d, e->first_name + i)) {
            act_dict_diag(d, e->file, e->line, "out of memory");
            return;
        }
}

/* ---- dates --------------------------------------------------------- */

int32_t act_days(int y, int m, int d)
{
    /* Days from civil, after H. Hinnant's public-domain algorithm. */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void act_civil(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

bool act_valid_ymd(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    int max = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        max = 29;
    return d <= max;
}

int32_t act_parse_iso(const char *s, size_t len)
{
    if (!s || len != 10 || s[4] != '-' || s[7] != '-')
        return ACT_NO_DATE;
    int v[3] = {0, 0, 0}, k = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            k++;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return ACT_NO_DATE;
        v[k] = v[k] * 10 + (s[i] - '0');
    }
    if (!act_valid_ymd(v[0], v[1], v[2]))
        return ACT_NO_DATE;
    return act_days(v[0], v[1], v[2]);
}

void act_format_day(int32_t days, char out[11])
{
    int y, m, d;
    act_civil(days, &y, &m, &d);
    unsigned uy = (unsigned)(y < 0 ? 0 : y) % 10000u, um = (unsigned)m % 100u,
             ud = (unsigned)d % 100u;
    snprintf(out, 11, "%04u-%02u-%02u", uy, um, ud);
}

const act_code *act_entry_code_at(const act_dict *d, const act_entry *e, int32_t date)
{
    const act_code *best = NULL, *dflt = NULL, *latest = NULL;
    for (uint32_t i = 0; i < e->n_codes; i++) {
        const act_code *c = &d->codes[e->first_code + i];
        if (!c->dated) {
            if (!dflt)
                dflt = c;
            continue;
        }
        if (!latest || c->from > latest->from)
            latest = c;
        if (date == ACT_NO_DATE || date < c->from || date > c->to)
            continue;
        if (!best || (int64_t)c->to - c->from < (int64_t)best->to - best->from)
            best = c;
    }
    if (best)
        return best;
    if (dflt)
        return dflt;
    return date == ACT_NO_DATE ? latest : NULL;
}
