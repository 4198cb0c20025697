/* model.c — the binary model container: checked once, then used in place.
 *
 * Layout (doc/model-format.md): a 32-byte header (magic, version, section
 * count, file size, XXH64 of every byte after the header), the section
 * table (24 bytes a section: tag, offset, size) and the sections, each at
 * an offset aligned to SYN_MODEL_ALIGN.  Loading maps the file, checks
 * every field against the real size before trusting it and verifies the
 * checksum, so that a truncated or damaged file is refused with a message
 * instead of being read out of bounds later by a stage. */
#include "syntax/model.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "annals.h"

#define SYN_MODEL_HEADER 32u
#define SYN_MODEL_ENTRY 24u
#define SYN_MODEL_ALIGN 64u
#define SYN_MODEL_MAX_SECTIONS 64u

struct syn_model {
    const unsigned char *data;
    size_t size;
    int mapped;              /* data is an mmap of the file */
    uint32_t n_sections;
};

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void wr32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void wr64(unsigned char *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

static void fail(int *err, int code, char *errbuf, size_t errsize, const char *name,
                 const char *what)
{
    if (err)
        *err = code;
    if (errbuf && errsize)
        snprintf(errbuf, errsize, "model '%s': %s", name ? name : "?", what);
}

/* Checks everything the header and the section table claim; returns NULL
 * when all is well, otherwise what is wrong. */
static const char *check_layout(const unsigned char *d, size_t size, char *tmp, size_t tmpsize)
{
    if (size < SYN_MODEL_HEADER)
        return "file too short for a model header (truncated?)";
    if (memcmp(d, SYN_MODEL_MAGIC, 8) != 0)
        return "not an annals model file (bad magic)";
    uint32_t version = rd32(d + 8);
    if (version != SYN_MODEL_VERSION) {
        snprintf(tmp, tmpsize, "unsupported format version %u (this build reads %u)",
                 version, SYN_MODEL_VERSION);
        return tmp;
    }
    uint32_t n = rd32(d + 12);
    uint64_t claimed = rd64(d + 16);
    if (claimed != size) {
        snprintf(tmp, tmpsize, "file is %zu bytes but its header says %llu (truncated?)", size,
                 (unsigned long long)claimed);
        return tmp;
    }
    if (n > SYN_MODEL_MAX_SECTIONS)
        return "too many sections (corrupt header)";
    if ((size - SYN_MODEL_HEADER) / SYN_MODEL_ENTRY < n)
        return "section table runs past the end of the file";
    if (XXH64(d + SYN_MODEL_HEADER, size - SYN_MODEL_HEADER, 0) != rd64(d + 24))
        return "checksum mismatch (the file is corrupt)";
    size_t table_end = SYN_MODEL_HEADER + (size_t)n * SYN_MODEL_ENTRY;
    for (uint32_t i = 0; i < n; i++) {
        const unsigned char *e = d + SYN_MODEL_HEADER + (size_t)i * SYN_MODEL_ENTRY;
        uint64_t off = rd64(e + 8), len = rd64(e + 16);
        if (off % SYN_MODEL_ALIGN || off < table_end || off > size || len > size - off) {
            snprintf(tmp, tmpsize, "section %u lies outside the file or is misaligned", i);
            return tmp;
        }
    }
    return NULL;
}

syn_model *syn_model_from_memory(const void *data, size_t size, const char *name, int *err,
                                 char *errbuf, size_t errsize)
{
    char tmp[160];
    /* Sections hold arrays of 32- and 64-bit values used in place. */
    const char *why = !data                      ? "no data"
                      : (uintptr_t)data % 8 != 0 ? "buffer is not 8-byte aligned"
                                                 : check_layout(data, size, tmp, sizeof tmp);
    if (why) {
        fail(err, ANNALS_E_DATA, errbuf, errsize, name, why);
        return NULL;
    }
    syn_model *m = calloc(1, sizeof *m);
    if (!m) {
        fail(err, ANNALS_E_NOMEM, errbuf, errsize, name, "out of memory");
        return NULL;
    }
    m->data = data;
    m->size = size;
    m->n_sections = rd32(m->data + 12);
    if (err)
        *err = ANNALS_OK;
    return m;
}

syn_model *syn_model_open(const char *path, int *err, char *errbuf, size_t errsize)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fail(err, ANNALS_E_IO, errbuf, errsize, path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        fail(err, ANNALS_E_IO, errbuf, errsize, path, "not a regular file");
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    if (size < SYN_MODEL_HEADER) {
        close(fd);
        fail(err, ANNALS_E_DATA, errbuf, errsize, path,
             "file too short for a model header (truncated?)");
        return NULL;
    }
    void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        fail(err, ANNALS_E_IO, errbuf, errsize, path, strerror(errno));
        return NULL;
    }
    syn_model *m = syn_model_from_memory(p, size, path, err, errbuf, errsize);
    if (!m) {
        munmap(p, size);
        return NULL;
    }
    m->mapped = 1;
    return m;
}

void syn_model_close(syn_model *m)
{
    if (!m)
        return;
    if (m->mapped)
        munmap((void *)m->data, m->size);
    free(m);
}

static void tag_bytes(const char *tag, char out[8])
{
    memset(out, 0, 8);
    size_t n = strlen(tag);
    memcpy(out, tag, n > 8 ? 8 : n);
}

const void *syn_model_section(const syn_model *m, const char *tag, size_t *size)
{
    if (!m || !tag)
        return NULL;
    char want[8];
    tag_bytes(tag, want);
    for (uint32_t i = 0; i < m->n_sections; i++) {
        const unsigned char *e = m->data + SYN_MODEL_HEADER + (size_t)i * SYN_MODEL_ENTRY;
        if (memcmp(e, want, 8) == 0) {
            if (size)
                *size = (size_t)rd64(e + 16);
            return m->data + rd64(e + 8);
        }
    }
    return NULL;
}

/* ---- writing ---------------------------------------------------------- */

typedef struct syn_model_part {
    char tag[8];
    unsigned char *data;
    size_t size;
} syn_model_part;

struct syn_model_writer {
    syn_model_part *parts;
    size_t n, cap;
};

syn_model_writer *syn_model_writer_create(void)
{
    return calloc(1, sizeof(syn_model_writer));
}

int syn_model_writer_add(syn_model_writer *w, const char *tag, const void *data, size_t size)
{
    if (!w || !tag || (size && !data) || w->n >= SYN_MODEL_MAX_SECTIONS)
        return ANNALS_E_ARG;
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 8;
        syn_model_part *p = realloc(w->parts, cap * sizeof *p);
        if (!p)
            return ANNALS_E_NOMEM;
        w->parts = p;
        w->cap = cap;
    }
    syn_model_part *part = &w->parts[w->n];
    part->data = malloc(size ? size : 1);
    if (!part->data)
        return ANNALS_E_NOMEM;
    if (size)
        memcpy(part->data, data, size);
    part->size = size;
    tag_bytes(tag, part->tag);
    w->n++;
    return ANNALS_OK;
}

static size_t align_up(size_t v)
{
    return (v + SYN_MODEL_ALIGN - 1) / SYN_MODEL_ALIGN * SYN_MODEL_ALIGN;
}

/* The whole file image in one buffer, so that the checksum can be taken
 * over it before anything is written. */
void *syn_model_writer_image(const syn_model_writer *w, size_t *out_size)
{
    size_t off = align_up(SYN_MODEL_HEADER + w->n * SYN_MODEL_ENTRY);
    size_t total = off;
    for (size_t i = 0; i < w->n; i++)
        total = align_up(total + w->parts[i].size);
    unsigned char *img = calloc(1, total);
    if (!img)
        return NULL;
    memcpy(img, SYN_MODEL_MAGIC, 8);
    wr32(img + 8, SYN_MODEL_VERSION);
    wr32(img + 12, (uint32_t)w->n);
    wr64(img + 16, total);
    for (size_t i = 0; i < w->n; i++) {
        unsigned char *e = img + SYN_MODEL_HEADER + i * SYN_MODEL_ENTRY;
        memcpy(e, w->parts[i].tag, 8);
        wr64(e + 8, off);
        wr64(e + 16, w->parts[i].size);
        if (w->parts[i].size)
            memcpy(img + off, w->parts[i].data, w->parts[i].size);
        off = align_up(off + w->parts[i].size);
    }
    wr64(img + 24, XXH64(img + SYN_MODEL_HEADER, total - SYN_MODEL_HEADER, 0));
    *out_size = total;
    return img;
}

int syn_model_writer_save(syn_model_writer *w, const char *path)
{
    if (!w || !path)
        return ANNALS_E_ARG;
    size_t size;
    unsigned char *img = syn_model_writer_image(w, &size);
    if (!img)
        return ANNALS_E_NOMEM;
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        free(img);
        return ANNALS_E_NOMEM;
    }
    snprintf(tmp, plen + 16, "%s.tmp%ld", path, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    int ok = fp && fwrite(img, 1, size, fp) == size;
    if (fp && fclose(fp) != 0)
        ok = 0;
    if (ok && rename(tmp, path) != 0)
        ok = 0;
    if (!ok)
        remove(tmp);
    free(tmp);
    free(img);
    return ok ? ANNALS_OK : ANNALS_E_IO;
}

void syn_model_writer_free(syn_model_writer *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n; i++)
        free(w->parts[i].data);
    free(w->parts);
    free(w);
}
