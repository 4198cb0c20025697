/* test_ontology.c — the CAMEO, actor-type and country tables compiled into
 * the library, through the public look-ups of annals.h section 10. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"

static void test_cameo_counts(void **state)
{
    (void)state;
    size_t n = annals_cameo_count(), by_len[5] = {0};
    assert_int_equal(n, 311);
    for (size_t i = 0; i < n; i++)
        by_len[strlen(annals_cameo_at(i)->code)]++;
    assert_int_equal(by_len[2], 20);
    assert_int_equal(by_len[3], 147);
    assert_int_equal(by_len[4], 144);
    assert_null(annals_cameo_at(n));
}

static void test_cameo_sorted_and_found(void **state)
{
    (void)state;
    for (size_t i = 0; i < annals_cameo_count(); i++) {
        const annals_cameo_code *c = annals_cameo_at(i);
        if (i > 0)
            assert_true(strcmp(annals_cameo_at(i - 1)->code, c->code) < 0);
        /* Every entry is found by its own code, at its own address. */
        assert_ptr_equal(annals_cameo_lookup(c->code), c);
    }
}

static void test_cameo_every_root(void **state)
{
    (void)state;
    for (int root = 1; root <= 20; root++) {
        char code[3];
        snprintf(code, sizeof code, "%02d", root);
        const annals_cameo_code *c = annals_cameo_lookup(code);
        assert_non_null(c);
        assert_null(annals_cameo_parent(c));
        int quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
        assert_int_equal(c->quad, quad);
    }
    assert_string_equal(annals_cameo_lookup("19")->name, "FIGHT");
}

static void test_cameo_parents_values_quads(void **state)
{
    (void)state;
    for (size_t i = 0; i < annals_cameo_count(); i++) {
        const annals_cameo_code *c = annals_cameo_at(i);
        size_t len = strlen(c->code);
        if (len > 2) {
            const annals_cameo_code *p = annals_cameo_parent(c);
            assert_non_null(p);
            assert_int_equal(strlen(p->code), len - 1);
            assert_memory_equal(p->code, c->code, len - 1);
            assert_int_equal(p->quad, c->quad);
        }
        assert_true(c->goldstein >= -10.0 && c->goldstein <= 10.0);
        assert_true(c->quad >= 1 && c->quad <= 4);
        assert_true(c->name[0] != '\0');
        assert_true(c->name[strlen(c->name) - 1] != ' ');
        assert_non_null(c->plover);
        assert_non_null(c->plover_mode);
        assert_non_null(c->plover_context);
        /* PLOVER drops roots 01 and 02 and maps everything else. */
        int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
        if (root <= 2)
            assert_string_equal(c->plover, "");
        else
            assert_true(c->plover[0] != '\0');
    }
}

static void test_cameo_specific_codes(void **state)
{
    (void)state;
    const annals_cameo_code *c = annals_cameo_lookup("163");
    assert_non_null(c);
    assert_string_equal(c->plover, "SANCTION");
    assert_string_equal(c->plover_mode, "discontinue");
    assert_int_equal(c->quad, 4);
    assert_true(c->goldstein == -8.0);

    c = annals_cameo_lookup("044");
    assert_string_equal(c->name, "Meet at a third location");
    assert_string_equal(c->plover, "CONSULT");
    assert_string_equal(c->plover_mode, "third-party");

    c = annals_cameo_lookup("1244");
    assert_string_equal(c->plover, "REJECT");
    assert_string_equal(c->plover_mode, "yield");
    assert_string_equal(c->plover_context, "economic");
    assert_int_equal(c->quad, 3);
    assert_string_equal(annals_cameo_parent(c)->code, "124");

    assert_string_equal(annals_cameo_lookup("0841")->plover, "RETREAT");
    assert_string_equal(annals_cameo_lookup("081")->plover, "CONCEDE");
    assert_string_equal(annals_cameo_lookup("1712")->plover, "ASSAULT");
    assert_string_equal(annals_cameo_lookup("2042")->plover_context, "cbrn");
    assert_true(annals_cameo_lookup("204")->goldstein == -10.0);
    assert_true(annals_cameo_lookup("057")->goldstein == 8.0);
    assert_string_equal(annals_cameo_lookup("010")->plover, "");
    assert_string_equal(annals_cameo_lookup("01")->name, "MAKE PUBLIC STATEMENT");
}

static void test_cameo_unknown(void **state)
{
    (void)state;
    assert_null(annals_cameo_lookup("99"));
    assert_null(annals_cameo_lookup("1"));
    assert_null(annals_cameo_lookup("00"));
    assert_null(annals_cameo_lookup("21"));
    assert_null(annals_cameo_lookup("12445"));
    assert_null(annals_cameo_lookup("1213"));  /* in PLOVER's table, not in CAMEO */
    assert_null(annals_cameo_lookup(""));
    assert_null(annals_cameo_lookup(NULL));
    assert_null(annals_cameo_lookup(" 163"));
    assert_null(annals_cameo_parent(NULL));
}

static void test_actor_types(void **state)
{
    (void)state;
    size_t n = annals_actor_type_count();
    assert_true(n >= 60);
    const annals_actor_type *gov = annals_actor_type_lookup("GOV");
    assert_non_null(gov);
    assert_string_equal(gov->name, "Government");
    assert_string_equal(gov->group, "role");
    assert_string_equal(annals_actor_type_lookup("MIL")->name, "Military");
    static const char *const needed[] = {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
        "CVL", "LEG", "ELI", "REF", "IGO", "NGO", "MNC", "HLH", "HRI", "LAB", "AGR", "ENV",
        "RAD", "MOD", "UAF", "SEP", "INS", "IMG", "UIS", "AMN", "AFR", "ASA", "EUR", "MEA",
        "WST", "CHR", "MOS", "JEW", "BUD", "HIN"};
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++) {
        const annals_actor_type *a = annals_actor_type_lookup(needed[i]);
        if (!a)
            fail_msg("actor type %s missing", needed[i]);
        assert_true(a->description[0] != '\0');
    }
    assert_string_equal(annals_actor_type_lookup("EUR")->group, "region");
    assert_string_equal(annals_actor_type_lookup("CHR")->group, "religion");
    for (size_t i = 0; i < n; i++) {
        const annals_actor_type *a = annals_actor_type_at(i);
        assert_int_equal(strlen(a->code), 3);
        assert_ptr_equal(annals_actor_type_lookup(a->code), a);
    }
    assert_null(annals_actor_type_at(n));
    assert_null(annals_actor_type_lookup("gov"));
    assert_null(annals_actor_type_lookup("XYZ"));
    assert_null(annals_actor_type_lookup(NULL));
}

static void test_countries(void **state)
{
    (void)state;
    size_t n = annals_country_count(), iso = 0;
    for (size_t i = 0; i < n; i++) {
        const annals_country *c = annals_country_at(i);
        assert_ptr_equal(annals_country_lookup(c->alpha3), c);
        iso += !strcmp(c->kind, "iso");
    }
    assert_int_equal(iso, 249);
    assert_true(n > iso);

    const annals_country *c = annals_country_lookup("FRA");
    assert_non_null(c);
    assert_string_equal(c->alpha2, "FR");
    assert_string_equal(c->name, "France");
    assert_string_equal(c->kind, "iso");
    assert_string_equal(annals_country_lookup("USA")->alpha2, "US");
    c = annals_country_lookup("PRK");
    assert_string_equal(c->alpha2, "KP");
    assert_non_null(strstr(c->name, "Korea"));

    c = annals_country_lookup("KSV");
    assert_non_null(c);
    assert_string_equal(c->kind, "cameo");
    assert_string_equal(c->alpha2, "XK");
    assert_string_equal(annals_country_lookup("SUN")->kind, "former");
    assert_string_equal(annals_country_lookup("TMP")->kind, "former");

    assert_null(annals_country_lookup("fra"));
    assert_null(annals_country_lookup("FR"));
    assert_null(annals_country_lookup("XXX"));
    assert_null(annals_country_lookup(NULL));
    assert_null(annals_country_at(n));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cameo_counts),
        cmocka_unit_test(test_cameo_sorted_and_found),
        cmocka_unit_test(test_cameo_every_root),
        cmocka_unit_test(test_cameo_parents_values_quads),
        cmocka_unit_test(test_cameo_specific_codes),
        cmocka_unit_test(test_cameo_unknown),
        cmocka_unit_test(test_actor_types),
        cmocka_unit_test(test_countries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
