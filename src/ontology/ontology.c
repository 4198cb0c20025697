/* ontology.c — the public look-ups over the generated ontology tables.
 *
 * The tables (ontology/tables.h) are sorted by code at build time, so every
 * lookup is a binary search over static data: no state, no allocation, safe
 * from any thread. */
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "ontology/tables.h"

/* bsearch over an array of structs whose first member is the code string. */
static int onto_cmp_key(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

static const void *onto_find(const char *code, const void *table, size_t n, size_t size)
{
    if (!code || !*code)
        return NULL;
    return bsearch(code, table, n, size, onto_cmp_key);
}

size_t annals_cameo_count(void)
{
    return onto_cameo_count;
}

const annals_cameo_code *annals_cameo_at(size_t i)
{
    return i < onto_cameo_count ? &onto_cameo_table[i] : NULL;
}

const annals_cameo_code *annals_cameo_lookup(const char *code)
{
    return onto_find(code, onto_cameo_table, onto_cameo_count, sizeof onto_cameo_table[0]);
}

const annals_cameo_code *annals_cameo_parent(const annals_cameo_code *code)
{
    if (!code || !code->code)
        return NULL;
    size_t n = strlen(code->code);
    if (n < 3 || n > 4)
        return NULL;
    char parent[4];
    memcpy(parent, code->code, n - 1);
    parent[n - 1] = '\0';
    return annals_cameo_lookup(parent);
}

size_t annals_actor_type_count(void)
{
    return onto_actor_type_count;
}

const annals_actor_type *annals_actor_type_at(size_t i)
{
    return i < onto_actor_type_count ? &onto_actor_type_table[i] : NULL;
}

const annals_actor_type *annals_actor_type_lookup(const char *code)
{
    return onto_find(code, onto_actor_type_table, onto_actor_type_count,
                     sizeof onto_actor_type_table[0]);
}

size_t annals_country_count(void)
{
    return onto_country_count;
}

const annals_country *annals_country_at(size_t i)
{
    return i < onto_country_count ? &onto_country_table[i] : NULL;
}

const annals_country *annals_country_lookup(const char *alpha3)
{
    return onto_find(alpha3, onto_country_table, onto_country_count, sizeof onto_country_table[0]);
}
