/* strmap.c — in-place string tables: lookup and building. */
#include "syntax/strmap.h"

#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

static uint64_t strmap_hash(const char *s, size_t n)
{
    return XXH3_64bits(s, n);
}

int syn_strmap_open(syn_strmap *m, const void *data, size_t size)
{
    memset(m, 0, sizeof *m);
    if (!data || size < 16)
        return -1;
    const uint32_t *h = data;
    uint32_t log2 = h[0], pool_size = h[2];
    if (log2 > 28 || h[3] != 0)
        return -1;
    size_t n_slots = (size_t)1 << log2;
    if ((size - 16) / 8 < n_slots || size - 16 - n_slots * 8 != pool_size || pool_size < 1)
        return -1;
    const uint64_t *slots = (const uint64_t *)((const char *)data + 16);
    const char *pool = (const char *)(slots + n_slots);
    if (pool[pool_size - 1] != '\0')
        return -1;
    /* Every entry must hold a key and a value inside the pool, so that
     * lookups never need to check. */
    for (size_t i = 0; i < n_slots; i++) {
        if (!slots[i])
            continue;
        uint32_t off = (uint32_t)slots[i];
        if (!(slots[i] >> 32) || off == 0 || off >= pool_size)
            return -1;
        const char *end = memchr(pool + off, '\0', pool_size - off);
        if (!end || (size_t)(end - pool) + 1 >= pool_size)
            return -1;
    }
    m->slots = slots;
    m->mask = n_slots - 1;
    m->pool = pool;
    m->pool_size = pool_size;
    return 0;
}

const char *syn_strmap_get(const syn_strmap *m, const char *key, size_t klen)
{
    if (!m->slots)
        return NULL;
    uint64_t h = strmap_hash(key, klen);
    uint32_t check = (uint32_t)(h >> 32) | 1u;
    uint64_t i = h & m->mask;
    for (uint64_t probes = 0; probes <= m->mask; probes++) {
        uint64_t s = m->slots[i];
        if (!s)
            return NULL;
        if ((uint32_t)(s >> 32) == check) {
            const char *k = m->pool + (uint32_t)s;
            if (strncmp(k, key, klen) == 0 && k[klen] == '\0')
                return k + klen + 1;
        }
        i = (i + 1) & m->mask;
    }
    return NULL;
}

/* ---- building ---------------------------------------------------------- */

typedef struct strmap_entry {
    char *key, *value;
    uint64_t hash;
} strmap_entry;

struct syn_strmap_builder {
    strmap_entry *v;
    size_t n, cap;
    size_t *index;           /* open addressing over v, SIZE_MAX = empty */
    size_t index_cap;
};

syn_strmap_builder *syn_strmap_builder_create(void)
{
    return calloc(1, sizeof(syn_strmap_builder));
}

static size_t *builder_find(const syn_strmap_builder *b, const char *key, uint64_t h)
{
    if (!b->index_cap)
        return NULL;
    size_t i = h & (b->index_cap - 1);
    for (;;) {
        size_t *slot = &b->index[i];
        if (*slot == SIZE_MAX || (b->v[*slot].hash == h && !strcmp(b->v[*slot].key, key)))
            return slot;
        i = (i + 1) & (b->index_cap - 1);
    }
}

static int builder_grow(syn_strmap_builder *b)
{
    size_t cap = b->index_cap ? b->index_cap * 2 : 1024;
    size_t *idx = malloc(cap * sizeof *idx);
    if (!idx)
        return -1;
    for (size_t i = 0; i < cap; i++)
        idx[i] = SIZE_MAX;
    free(b->index);
    b->index = idx;
    b->index_cap = cap;
    for (size_t e = 0; e < b->n; e++)
        *builder_find(b, b->v[e].key, b->v[e].hash) = e;
    return 0;
}

const char *syn_strmap_builder_get(const syn_strmap_builder *b, const char *key)
{
    size_t *slot = builder_find(b, key, strmap_hash(key, strlen(key)));
    return slot && *slot != SIZE_MAX ? b->v[*slot].value : NULL;
}

size_t syn_strmap_builder_count(const syn_strmap_builder *b)
{
    return b->n;
}

int syn_strmap_builder_put(syn_strmap_builder *b, const char *key, const char *value,
                           int replace)
{
    if ((b->n + 1) * 2 > b->index_cap && builder_grow(b))
        return -1;
    uint64_t h = strmap_hash(key, strlen(key));
    size_t *slot = builder_find(b, key, h);
    char *val = strdup(value);
    if (!val)
        return -1;
    if (*slot != SIZE_MAX) {
        if (replace) {
            free(b->v[*slot].value);
            b->v[*slot].value = val;
        } else {
            free(val);
        }
        return 0;
    }
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        strmap_entry *v = realloc(b->v, cap * sizeof *v);
        if (!v) {
            free(val);
            return -1;
        }
        b->v = v;
        b->cap = cap;
    }
    char *k = strdup(key);
    if (!k) {
        free(val);
        return -1;
    }
    b->v[b->n] = (strmap_entry){k, val, h};
    *slot = b->n++;
    return 0;
}

void *syn_strmap_builder_serialize(const syn_strmap_builder *b, size_t *size)
{
    uint32_t log2 = 4;
    /* Load at most 0.7: probes stay short and the table small. */
    while (((size_t)1 << log2) * 7 < b->n * 10 + 7)
        log2++;
    size_t n_slots = (size_t)1 << log2, pool = 1;
    for (size_t e = 0; e < b->n; e++)
        pool += strlen(b->v[e].key) + strlen(b->v[e].value) + 2;
    if (pool > UINT32_MAX)
        return NULL;
    size_t total = 16 + n_slots * 8 + pool;
    unsigned char *out = calloc(1, total);
    if (!out)
        return NULL;
    uint32_t *h = (uint32_t *)out;
    h[0] = log2;
    h[1] = (uint32_t)b->n;
    h[2] = (uint32_t)pool;
    uint64_t *slots = (uint64_t *)(out + 16);
    char *p = (char *)(slots + n_slots);
    size_t off = 1;
    for (size_t e = 0; e < b->n; e++) {
        size_t kl = strlen(b->v[e].key) + 1, vl = strlen(b->v[e].value) + 1;
        memcpy(p + off, b->v[e].key, kl);
        memcpy(p + off + kl, b->v[e].value, vl);
        uint64_t hh = b->v[e].hash;
        size_t i = hh & (n_slots - 1);
        while (slots[i])
            i = (i + 1) & (n_slots - 1);
        slots[i] = (uint64_t)((uint32_t)(hh >> 32) | 1u) << 32 | off;
        off += kl + vl;
    }
    *size = total;
    return out;
}

void syn_strmap_builder_free(syn_strmap_builder *b)
{
    if (!b)
        return;
    for (size_t e = 0; e < b->n; e++) {
        free(b->v[e].key);
        free(b->v[e].value);
    }
    free(b->v);
    free(b->index);
    free(b);
}
