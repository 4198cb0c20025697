/* test_coder_verbs.c — the verb dictionary readers: native and PETRARCH
 * formats, sets, multi-word verbs, paired codes, discards, and bad lines
 * reported with FILE:LINE while the rest loads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "annals.h"
#include "coder/verbs.h"

typedef struct msgs {
    char text[8][256];
    int n;
} msgs;

static void collect(void *user, const char *message)
{
    msgs *m = user;
    if (m->n < 8)
        snprintf(m->text[m->n], sizeof m->text[0], "%s", message);
    m->n++;
}

static const char *native =
    "# annals verbs 1\n"
    "[sets]\n"
    "&SANCTION = sanction{s}; embargo; trade restriction\n"
    "[verbs]\n"
    "impose; slap\n"
    "    163  * &SANCTION on +\n"
    "    163  *   ; the bare verb\n"
    "rule out\n"
    "    125  * talk with +\n"
    "    12x  * +\n"
    "&SANCTION += boycott\n"
    "[nouns]\n";

static uint32_t word(const cod_verbs *v, const char *w)
{
    return cod_verbs_word(v, w, strlen(w));
}

static void test_native(void **state)
{
    (void)state;
    cod_verbs v;
    cod_verbs_init(&v);
    msgs m = {0};
    assert_int_equal(cod_verbs_load_mem(&v, "dir/t.verbs", native, strlen(native), collect, &m), 0);
    assert_int_equal(cod_verbs_finish(&v), 0);
    /* two bad lines, named by file and line; the rest loaded */
    assert_int_equal(m.n, 2);
    assert_non_null(strstr(m.text[0], "t.verbs:10:"));
    assert_non_null(strstr(m.text[1], "t.verbs:12:"));
    assert_int_equal(v.n_blocks, 2);
    assert_int_equal(v.n_patterns, 3);
    /* the coder applies the native conventions to these blocks only */
    assert_true(v.blocks[0].native && v.blocks[1].native);
    size_t n;
    const uint32_t *vs = cod_verbs_find(&v, word(&v, "slap"), &n);
    assert_int_equal(n, 1);
    const cod_verb *slap = &v.verbs[vs[0]];
    const cod_block *b = &v.blocks[slap->block];
    const cod_pattern *p = &v.patterns[b->first];
    assert_string_equal(p->code, "163");
    assert_string_equal(p->where, "t.verbs:6");
    assert_int_equal(p->n_pre, 0);
    assert_int_equal(p->n_post, 3);
    assert_int_equal(p->post[0].kind, COD_EL_SET);
    assert_int_equal(p->post[1].kind, COD_EL_WORD);
    assert_int_equal(p->post[1].id, word(&v, "on"));
    assert_int_equal(p->post[2].kind, COD_EL_TARGET);
    /* the set: "{s}" dropped, a two-word member, extended by "+=" */
    uint32_t set = p->post[0].id;
    assert_true(cod_set_has_first(&v, set, word(&v, "sanction")));
    assert_true(cod_set_has_first(&v, set, word(&v, "trade")));
    assert_true(cod_set_has_first(&v, set, word(&v, "boycott")));
    assert_int_equal(word(&v, "sanction{s}"), COD_NO_WORD);
    /* "rule out": the verb rule with the particle out */
    vs = cod_verbs_find(&v, word(&v, "rule"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(v.verbs[vs[0]].n_post, 1);
    assert_int_equal(v.verbs[vs[0]].post[0], word(&v, "out"));
    cod_verbs_free(&v);
}

static const char *petrarch =
    "<!-- a comment\n"
    "   over lines -->\n"
    "&TIES_\n"
    "+DIPLOMATIC RELATIONS\n"
    "+&MORE\n"
    "&MORE\n"
    "+LINKS\n"
    "--- RESTORE  [064]  ---\n"
    "RESTORE    # pas\n"
    "RENEW {RENEWS RENEWED}\n"
    "+ANGERED_BY {}\n"
    "- NOT * RELATIONS  [112]  # tony\n"
    "- * &TIES (WITH +)  [064:065]\n"
    "- * BAD [x\n"
    "--- SAY [---] ---\n"
    "SAY\n"
    "- * [:173]\n"
    "- % * [030:030]\n";

static void test_petrarch(void **state)
{
    (void)state;
    cod_verbs v;
    cod_verbs_init(&v);
    msgs m = {0};
    assert_int_equal(cod_verbs_load_mem(&v, "PETR.verbs.txt", petrarch, strlen(petrarch),
                                        collect, &m), 0);
    assert_int_equal(cod_verbs_finish(&v), 0);
    assert_int_equal(m.n, 1);
    assert_non_null(strstr(m.text[0], "PETR.verbs.txt:14:"));
    assert_int_equal(v.n_blocks, 2);
    assert_string_equal(v.blocks[0].code, "064");
    assert_null(v.blocks[1].code); /* [---]: no default event */
    assert_false(v.blocks[0].native || v.blocks[1].native);
    size_t n;
    /* forms listed in braces are the same verb */
    const uint32_t *vs = cod_verbs_find(&v, word(&v, "renewed"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(v.verbs[vs[0]].block, 0);
    /* "+ANGERED_BY": verb "angered", then "by" */
    vs = cod_verbs_find(&v, word(&v, "angered"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(v.verbs[vs[0]].n_post, 1);
    const cod_pattern *neg = &v.patterns[0];
    assert_true(neg->negative);
    assert_int_equal(neg->n_pre, 1);
    const cod_pattern *ties = &v.patterns[1];
    assert_string_equal(ties->code, "064");
    assert_string_equal(ties->code2, "065");
    assert_int_equal(ties->n_post, 3);
    assert_int_equal(ties->post[2].kind, COD_EL_TARGET);
    /* the nested set was expanded into TIES */
    assert_true(cod_set_has_first(&v, ties->post[0].id, word(&v, "links")));
    assert_true(cod_set_has_first(&v, ties->post[0].id, word(&v, "diplomatic")));
    const cod_pattern *say = &v.patterns[2];
    assert_null(say->code);
    assert_string_equal(say->code2, "173");
    /* '%': coordinated actors before the verb */
    const cod_pattern *both = &v.patterns[3];
    assert_int_equal(both->n_pre, 1);
    assert_int_equal(both->pre[0].kind, COD_EL_COMPOUND);
    assert_int_equal(both->n_post, 0);
    cod_verbs_free(&v);
}

/* A listed form of a multi-word verb is read like the verb: "+ASKED_FOR"
 * is "asked" with "for" after it, "WIRE_+TAPPED" "tapped" with "wire"
 * before it (not one word "+asked_for" no sentence holds). */
static void test_petrarch_multiword_forms(void **state)
{
    (void)state;
    static const char *text = "--- ASK [020] ---\n"
                              "+ASK_FOR {+ASKED_FOR +ASKING_FOR}\n"
                              "WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}\n"
                              "SAY {SAID}\n";
    cod_verbs v;
    cod_verbs_init(&v);
    msgs m = {0};
    assert_int_equal(cod_verbs_load_mem(&v, "PETR.verbs.txt", text, strlen(text), collect, &m),
                     0);
    assert_int_equal(cod_verbs_finish(&v), 0);
    assert_int_equal(m.n, 0);
    size_t n;
    const uint32_t *vs = cod_verbs_find(&v, word(&v, "asked"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(v.verbs[vs[0]].n_pre, 0);
    assert_int_equal(v.verbs[vs[0]].n_post, 1);
    assert_int_equal(v.verbs[vs[0]].post[0], word(&v, "for"));
    vs = cod_verbs_find(&v, word(&v, "tapped"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(v.verbs[vs[0]].n_pre, 1);
    assert_int_equal(v.verbs[vs[0]].pre[0], word(&v, "wire"));
    assert_int_equal(v.verbs[vs[0]].n_post, 0);
    vs = cod_verbs_find(&v, word(&v, "said"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(v.verbs[vs[0]].n_pre + v.verbs[vs[0]].n_post, 0);
    assert_int_equal(cod_verbs_word(&v, "+asked_for", 10), COD_NO_WORD);
    assert_int_equal(cod_verbs_word(&v, "wire_+tapped", 12), COD_NO_WORD);
    cod_verbs_free(&v);
}

static void test_tabari(void **state)
{
    (void)state;
    const char *text = "<SYNSETS>\n&TIES\n+RELATIONS\n</SYNSETS>\n<TIME>\nYESTERDAY [-1]\n</TIME>\n"
                       "RESTOR  [064] ;pas\n- * &TIES [064]; x\nACT_ [100]\n{ ACTING_ ACTUALITY }\n";
    cod_verbs v;
    cod_verbs_init(&v);
    msgs m = {0};
    assert_int_equal(cod_verbs_load_mem(&v, "Demo.verbs", text, strlen(text), collect, &m), 0);
    assert_int_equal(cod_verbs_finish(&v), 0);
    assert_int_equal(m.n, 0);
    assert_int_equal(v.n_blocks, 2);
    assert_false(v.blocks[0].native || v.blocks[1].native);
    size_t n;
    /* a word without '_' is a stem, with '_' the whole word */
    const uint32_t *vs = cod_verbs_find(&v, word(&v, "restor"), &n);
    assert_int_equal(n, 1);
    assert_true(v.verbs[vs[0]].stem);
    vs = cod_verbs_find(&v, word(&v, "act"), &n);
    assert_int_equal(n, 1);
    assert_false(v.verbs[vs[0]].stem);
    assert_true(v.has_stems);
    /* the <TIME> section is not read as verbs */
    assert_int_equal(word(&v, "yesterday"), COD_NO_WORD);
    cod_verbs_free(&v);
}

static void test_discards(void **state)
{
    (void)state;
    const char *text = "# sports\nMONTHS LATER\n+World Golf Championships   # pas\n\nBASEBALL\n";
    cod_verbs v;
    cod_verbs_init(&v);
    assert_int_equal(cod_discards_load_mem(&v, "x.discards", text, strlen(text), NULL, NULL), 0);
    assert_int_equal(v.n_discards, 3);
    assert_false(v.discards[0].story);
    assert_int_equal(v.discards[0].n, 2);
    assert_true(v.discards[1].story);
    assert_int_equal(v.discards[1].n, 3);
    assert_int_equal(v.discards[1].words[0], word(&v, "world"));
    assert_string_equal(v.discards[2].where, "x.discards:5");
    cod_verbs_free(&v);
}

static void test_shared_dictionaries(void **state)
{
    (void)state;
    const char *path = ANNALS_SHARED_DIR "/data/cameo-petrarch/dictionaries/CAMEO.2.0.txt";
    FILE *f = fopen(path, "r");
    if (!f)
        skip();
    fclose(f);
    cod_verbs v;
    cod_verbs_init(&v);
    msgs m = {0};
    assert_int_equal(cod_verbs_load_file(&v, path, collect, &m), 0);
    assert_int_equal(cod_verbs_finish(&v), 0);
    /* PETRARCH's CAMEO dictionary: thousands of patterns, nearly all read */
    assert_true(v.n_patterns > 4000);
    assert_true((size_t)m.n * 100 < v.n_patterns);
    size_t n;
    assert_non_null(cod_verbs_find(&v, word(&v, "impose"), &n));
    cod_verbs_free(&v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_native),
        cmocka_unit_test(test_petrarch),
        cmocka_unit_test(test_petrarch_multiword_forms),
        cmocka_unit_test(test_tabari),
        cmocka_unit_test(test_discards),
        cmocka_unit_test(test_shared_dictionaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
