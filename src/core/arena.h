/* arena.h — bump allocation for everything that lives as long as one
 * document.  A coder owns one arena and resets it between documents, so the
 * hot path never calls malloc per token and never frees piecemeal. */
#ifndef ANNALS_CORE_ARENA_H
#define ANNALS_CORE_ARENA_H

#include <stddef.h>

typedef struct core_arena_chunk core_arena_chunk;

typedef struct core_arena {
    core_arena_chunk *head;  /* chunk being filled */
    size_t chunk_size;       /* size of ordinary new chunks */
    size_t used_total;       /* bytes handed out since the last reset */
} core_arena;

/* Prepares an empty arena whose chunks are `chunk_size` bytes (0: 64 KiB). */
void core_arena_init(core_arena *a, size_t chunk_size);
/* Frees every chunk. */
void core_arena_destroy(core_arena *a);
/* Forgets every allocation but keeps the largest chunk for reuse. */
void core_arena_reset(core_arena *a);

/* `size` bytes aligned for any object, or NULL when out of memory. */
void *core_arena_alloc(core_arena *a, size_t size);
/* As core_arena_alloc, zero-filled. */
void *core_arena_calloc(core_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *core_arena_strndup(core_arena *a, const char *s, size_t n);
char *core_arena_strdup(core_arena *a, const char *s);
/* printf into the arena. */
char *core_arena_printf(core_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
