/* parser_system.c — arc-hybrid configurations, transitions and the dynamic
 * oracle of the dependency parser (see parser_system.h). */
#include "syntax/parser_system.h"

#include <string.h>

static uint64_t syn_phash_bytes(const unsigned char *s, size_t len)
{
    /* FNV-1a then a final mix: cheap, and the mix spreads short strings. */
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 31;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 29;
    return h;
}

void syn_ptok_make(syn_ptok *t, const char *form, int upos, const char *xpos)
{
    /* Lower-case ASCII and fold digits so that "1984" and "2001" share a
     * word; longer forms are cut, which only merges very long words. */
    unsigned char buf[64];
    size_t len = 0;
    if (form) {
        for (const unsigned char *p = (const unsigned char *)form; *p && len < sizeof buf; p++) {
            unsigned char c = *p;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c - 'A' + 'a');
            else if (c >= '0' && c <= '9')
                c = '0';
            buf[len++] = c;
        }
    }
    t->w = syn_phash_bytes(buf, len);
    size_t k = len < 3 ? len : 3;
    t->sfx = syn_phash_bytes(buf + len - k, k) ^ 0x5bd1e995ull;
    if (upos < 0 || upos > 63)
        upos = 0;
    t->u = (uint64_t)upos + 1;
    uint64_t xh = xpos ? syn_phash_bytes((const unsigned char *)xpos, strlen(xpos)) : 0x77u;
    t->p = xh * 31 + t->u;
}

void syn_ptok_root(syn_ptok *t)
{
    t->w = 0x1234567887654321ull;
    t->p = 0x0badc0ffee0ddf00ull;
    t->u = 100;
    t->sfx = 0x5a5a5a5a5a5a5a5aull;
}

void syn_pstate_init(syn_pstate *s)
{
    for (int i = 0; i <= s->n; i++) {
        syn_pnode *d = &s->node[i];
        d->head = d->label = -1;
        d->lc1 = d->lc2 = d->rc1 = d->rc2 = -1;
        d->nl = d->nr = 0;
        d->lset = d->rset = 0;
        s->in_stack[i] = 0;
    }
    s->sp = 0;
    s->b0 = 0;
}

int syn_pstate_terminal(const syn_pstate *s)
{
    return s->sp == 0 && s->b0 == s->n;
}

int syn_pstate_valid(const syn_pstate *s, int a)
{
    switch (a) {
    case SYN_PA_SHIFT:
        return s->b0 < s->n;
    case SYN_PA_LEFT:
        /* The root takes exactly one dependent, the last word left. */
        return s->sp >= 1 && (s->b0 < s->n || s->sp == 1);
    case SYN_PA_RIGHT:
        return s->sp >= 2;
    default:
        return 0;
    }
}

void syn_pstate_arc(const syn_pstate *s, int a, int *head, int *dep)
{
    *dep = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    if (a == SYN_PA_LEFT)
        *head = s->b0;
    else if (a == SYN_PA_RIGHT && s->sp >= 2)
        *head = s->stack[s->sp - 2];
    else
        *head = -1;
}

static void syn_pattach(syn_pstate *s, int head, int dep, int label)
{
    syn_pnode *h = &s->node[head];
    s->node[dep].head = head;
    s->node[dep].label = label;
    uint64_t bit = 1ull << ((unsigned)label & 63u);
    if (dep < head) {
        h->nl++;
        h->lset |= bit;
        if (h->lc1 < 0 || dep < h->lc1) {
            h->lc2 = h->lc1;
            h->lc1 = dep;
        } else if (h->lc2 < 0 || dep < h->lc2) {
            h->lc2 = dep;
        }
    } else {
        h->nr++;
        h->rset |= bit;
        if (h->rc1 < 0 || dep > h->rc1) {
            h->rc2 = h->rc1;
            h->rc1 = dep;
        } else if (h->rc2 < 0 || dep > h->rc2) {
            h->rc2 = dep;
        }
    }
}

void syn_pstate_apply(syn_pstate *s, int a, int label)
{
    int head, dep;
    switch (a) {
    case SYN_PA_SHIFT:
        s->in_stack[s->b0] = 1;
        s->stack[s->sp++] = s->b0++;
        break;
    case SYN_PA_LEFT:
    case SYN_PA_RIGHT:
        syn_pstate_arc(s, a, &head, &dep);
        syn_pattach(s, head, dep, label);
        s->in_stack[dep] = 0;
        s->sp--;
        break;
    default:
        break;
    }
}

/* Gold dependents of `w` that are still in the buffer: they can only get
 * `w` as head while `w` is on the stack top, so popping `w` loses them. */
static int syn_pdeps_in_buffer(const syn_pstate *s, int w, const int *deps, const int *dep_start)
{
    int c = 0;
    for (int k = dep_start[w]; k < dep_start[w + 1]; k++)
        if (deps[k] >= s->b0)
            c++;
    return c;
}

int syn_poracle_cost(const syn_pstate *s, int a, const int *gold_head,
                     const int *deps, const int *dep_start)
{
    int s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int s1 = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    int b = s->b0;
    int c = 0;
    switch (a) {
    case SYN_PA_SHIFT:
        /* b goes above the stack: it can no longer take a head from the
         * stack below s0, nor any dependent on the stack. */
        for (int k = dep_start[b]; k < dep_start[b + 1]; k++)
            if (s->in_stack[deps[k]])
                c++;
        if (gold_head[b] != s0 && gold_head[b] < s->n && s->in_stack[gold_head[b]])
            c++;
        return c;
    case SYN_PA_LEFT:
        c = syn_pdeps_in_buffer(s, s0, deps, dep_start);
        if (gold_head[s0] != b && (gold_head[s0] == s1 || gold_head[s0] >= b))
            c++;
        return c;
    case SYN_PA_RIGHT:
        c = syn_pdeps_in_buffer(s, s0, deps, dep_start);
        if (gold_head[s0] != s1 && gold_head[s0] >= b)
            c++;
        return c;
    default:
        return 1 << 20;
    }
}
