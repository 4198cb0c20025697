/* parser_system.c — arc-eager configurations, transitions and the dynamic
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

/* Whether s0 has no head yet; the stack must not be empty. */
static int syn_ps0_headless(const syn_pstate *s)
{
    return s->node[s->stack[s->sp - 1]].head < 0;
}

int syn_pstate_valid(const syn_pstate *s, int a)
{
    int end = s->b0 == s->n; /* only the root left in the buffer */
    switch (a) {
    case SYN_PA_SHIFT:
        return !end;
    case SYN_PA_LEFT:
        /* The root takes exactly one dependent: the bottom word, once
         * everything above it is done. */
        return s->sp >= 1 && syn_ps0_headless(s) && (!end || s->sp == 1);
    case SYN_PA_RIGHT:
        if (!end)
            return s->sp >= 1;
        return s->sp >= 2 && syn_ps0_headless(s);
    case SYN_PA_REDUCE:
        return s->sp >= 1 && !syn_ps0_headless(s);
    default:
        return 0;
    }
}

void syn_pstate_arc(const syn_pstate *s, int a, int *head, int *dep)
{
    int s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    *head = *dep = -1;
    if (a == SYN_PA_LEFT) {
        *head = s->b0;
        *dep = s0;
    } else if (a == SYN_PA_RIGHT && s->b0 < s->n) {
        *head = s0;
        *dep = s->b0;
    } else if (a == SYN_PA_RIGHT && s->sp >= 2) {
        *head = s->stack[s->sp - 2];
        *dep = s0;
    }
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

/* Gives a pending right dependent its label.  A head has at most one
 * pending right child (the one just above it on the stack), so its pending
 * bit can go. */
static void syn_prelabel(syn_pstate *s, int dep, int label)
{
    syn_pnode *h = &s->node[s->node[dep].head];
    s->node[dep].label = label;
    h->rset &= ~(1ull << (SYN_PL_PENDING & 63));
    h->rset |= 1ull << ((unsigned)label & 63u);
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
        if (dep == s->b0) {
            /* RIGHT before the end: the dependent goes onto the stack. */
            s->in_stack[dep] = 1;
            s->stack[s->sp++] = s->b0++;
        } else {
            s->in_stack[dep] = 0;
            s->sp--;
        }
        break;
    case SYN_PA_REDUCE:
        dep = s->stack[s->sp - 1];
        if (s->node[dep].label == SYN_PL_PENDING && label != SYN_PL_PENDING)
            syn_prelabel(s, dep, label);
        s->in_stack[dep] = 0;
        s->sp--;
        break;
    default:
        break;
    }
}

/* Gold dependents of `w` that are still in the buffer: they can only get
 * `w` as head while `w` is on the stack, so popping `w` loses them. */
static int syn_pdeps_in_buffer(const syn_pstate *s, int w, const int *deps, const int *dep_start)
{
    int c = 0;
    for (int k = dep_start[w]; k < dep_start[w + 1]; k++)
        if (deps[k] >= s->b0)
            c++;
    return c;
}

/* Gold dependents of `w` that wait on the stack without a head: only a
 * LEFT with `w` as b0 can still give them `w`, so pushing `w` loses them. */
static int syn_pdeps_on_stack(const syn_pstate *s, int w, const int *deps, const int *dep_start)
{
    int c = 0;
    for (int k = dep_start[w]; k < dep_start[w + 1]; k++)
        if (s->in_stack[deps[k]] && s->node[deps[k]].head < 0)
            c++;
    return c;
}

int syn_poracle_cost(const syn_pstate *s, int a, const int *gold_head,
                     const int *deps, const int *dep_start)
{
    int s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int b = s->b0, n = s->n;
    int c = 0;
    if (b == n) {
        /* The end is deterministic (one valid action), so only the arc it
         * makes can be wrong: s1 as the head of a headless s0. */
        return a == SYN_PA_RIGHT && gold_head[s0] != s->stack[s->sp - 2];
    }
    int hb = gold_head[b];
    switch (a) {
    case SYN_PA_SHIFT:
        /* b goes onto the stack: its head can no longer be on the stack,
         * nor its dependents waiting there. */
        c = syn_pdeps_on_stack(s, b, deps, dep_start);
        return c + (hb < n && s->in_stack[hb]);
    case SYN_PA_LEFT:
        /* s0 leaves: its dependents in the buffer and a head further on
         * than b (the root included) are lost. */
        c = syn_pdeps_in_buffer(s, s0, deps, dep_start);
        return c + (gold_head[s0] > b);
    case SYN_PA_RIGHT:
        /* b takes s0 as head: a head elsewhere on the stack or further in
         * the buffer is lost, and so are its dependents on the stack. */
        c = syn_pdeps_on_stack(s, b, deps, dep_start);
        return c + (hb != s0 && (hb > b || s->in_stack[hb]));
    case SYN_PA_REDUCE:
        return syn_pdeps_in_buffer(s, s0, deps, dep_start);
    default:
        return 1 << 20;
    }
}
