#include "core/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct core_arena_chunk {
    core_arena_chunk *next;
    size_t size;             /* usable bytes in data[] */
    size_t used;
    max_align_t data[];
};

#define ARENA_ALIGN (sizeof(max_align_t))

void core_arena_init(core_arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    a->used_total = 0;
}

void core_arena_destroy(core_arena *a)
{
    core_arena_chunk *c = a->head;
    while (c) {
        core_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->used_total = 0;
}

void core_arena_reset(core_arena *a)
{
    /* Keep the biggest chunk: a coder reaches its working size after a few
     * documents and then allocates nothing more from the system. */
    core_arena_chunk *keep = NULL, *c = a->head;
    while (c) {
        core_arena_chunk *next = c->next;
        if (!keep || c->size > keep->size) {
            if (keep)
                free(keep);
            keep = c;
        } else {
            free(c);
        }
        c = next;
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
    a->used_total = 0;
}

static core_arena_chunk *arena_new_chunk(core_arena *a, size_t need)
{
    size_t size = a->chunk_size;
    if (need > size)
        size = need;
    core_arena_chunk *c = malloc(sizeof *c + size);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    return c;
}

void *core_arena_alloc(core_arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    core_arena_chunk *c = a->head;
    if (!c || c->size - c->used < rounded) {
        c = arena_new_chunk(a, rounded);
        if (!c)
            return NULL;
    }
    void *p = (char *)c->data + c->used;
    c->used += rounded;
    a->used_total += rounded;
    return p;
}

void *core_arena_calloc(core_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = core_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *core_arena_strndup(core_arena *a, const char *s, size_t n)
{
    char *p = core_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *core_arena_strdup(core_arena *a, const char *s)
{
    return core_arena_strndup(a, s, strlen(s));
}

char *core_arena_printf(core_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = core_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
