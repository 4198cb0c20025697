/* test_actors_load.c — the dictionary loaders (native with bad lines,
 * PETRARCH, TABARI), lint findings, conversion, and the built-in set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "actors/lint.h"
#include "actors/match.h"
#include "text/segment.h"

static bool has_diag(const act_dict *d, const char *needle)
{
    for (size_t i = 0; i < d->n_diags; i++)
        if (strstr(d->diags[i].msg, needle))
            return true;
    return false;
}

static const char *code_in(const act_dict *d, const char *text, const char *date)
{
    static core_arena a;
    static bool init;
    static text_sentences s;
    if (!init) {
        core_arena_init(&a, 0);
        init = true;
    }
    core_arena_reset(&a);
    s.n = 0;
    assert_int_equal(text_tokenize_sentence(&a, text, 0, strlen(text), 0, &s), 0);
    act_mention *m;
    size_t n;
    assert_int_equal(act_find_mentions(d, &a, &s.v[0], date ? act_date_of(date) : ACT_NO_DATE,
                                       &m, &n), 0);
    const act_mention *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (!best || m[i].end - m[i].first > best->end - best->first)
            best = &m[i];
    return best ? best->code : "---";
}

static void load(act_dict *d, const char *name, const char *text)
{
    assert_true(act_dict_init(d));
    assert_int_equal(act_dict_load_buffer(d, name, text, strlen(text), ACT_FMT_AUTO,
                                          ACT_SEC_ACTORS), 0);
}

static void test_native_bad_lines(void **state)
{
    (void)state;
    act_dict d;
    load(&d, "bad.actors",
         "# annals actors 1\n"
         "Gondor\n"
         "    GON\n"
         "    gon\n"                              /* 4: bad code */
         "Arnor\n"
         "    ARNGOV 2001-02-30..\n"              /* 6: impossible date */
         "    ARN\n"
         "Rohan\n"                                /* 8: no code at all */
         "    XXX 2010..2001\n"                   /* 9: reversed */
         "  ROH\n"                                /* still Rohan's */
         "Mordor{s\n"                             /* 11: unbalanced brace */
         "    MOR\n"
         "[elves]\n"                              /* 13: unknown section */
         "Shire; Hobbiton\n"
         "    SHR ..\n");                         /* 15: empty range */
    assert_true(has_diag(&d, "bad.actors:4: bad code 'gon'"));
    assert_true(has_diag(&d, "bad.actors:6: bad date range '2001-02-30..'"));
    assert_true(has_diag(&d, "bad.actors:9: reversed date range '2010..2001'"));
    assert_true(has_diag(&d, "bad.actors:11: name 'Mordor{s'"));
    assert_true(has_diag(&d, "bad.actors:11: codes without a name")); /* no name left */
    assert_true(has_diag(&d, "bad.actors:13: unknown section"));
    assert_true(has_diag(&d, "bad.actors:14: entry 'Shire' has no code"));
    /* the rest loads */
    assert_string_equal(code_in(&d, "Gondor said", NULL), "GON");
    assert_string_equal(code_in(&d, "Arnor said", NULL), "ARN");
    assert_string_equal(code_in(&d, "Rohan said", NULL), "ROH");
    assert_string_equal(code_in(&d, "Hobbiton said", NULL), "---");
    act_dict_free(&d);
}

static void test_native_dates_and_braces(void **state)
{
    (void)state;
    act_dict d;
    load(&d, "d.actors",
         "Lord Elrond; Elrond{s|ian}\n"
         "    ELF\n"
         "    ELFGOV 2001-03..2001-04 ; a month each end\n"
         "    ELFMIL 2002..\n"
         "    ELFLEG 2001..2003 ; wider: the narrowest wins\n"
         "[agents]\n"
         "soldier{s}\n"
         "    ~MIL\n");
    assert_int_equal(d.n_diags, 0);
    assert_string_equal(code_in(&d, "Lord Elrond said", "2001-03-01"), "ELFGOV");
    assert_string_equal(code_in(&d, "Elronds said", "2001-04-30"), "ELFGOV");
    assert_string_equal(code_in(&d, "Elrondian said", "2001-05-01"), "ELFLEG");
    assert_string_equal(code_in(&d, "Lord Elrond said", "2004-01-01"), "ELFMIL");
    assert_string_equal(code_in(&d, "Lord Elrond said", "1999-01-01"), "ELF");
    assert_string_equal(code_in(&d, "Lord Elrond's soldiers", "1999-01-01"), "ELFMIL");
    assert_string_equal(code_in(&d, "soldiers", NULL), "MIL");
    act_dict_free(&d);
}

static void test_petrarch_format(void **state)
{
    (void)state;
    act_dict d;
    load(&d, "Phoenix.Test.actors.txt",
         "<!-- a comment\n spanning lines -->\n"
         "AFGHANISTAN_  [AFG]\n"
         "+AFGHAN_\n"
         "+MAZAR-I-SHARIF_\n"
         "\n"
         "MOHAMMAD_ZAHIR_SHAH_  # CountryInfo.txt\n"
         "\t[AFGELI 320101-331108]\n"
         "\t[AFGGOV 331108-730717]\n"
         "\t[AFGELI 730717-070723]\n"
         "KOFI_ANNAN_\n"
         "+K._ANNAN_\n"
         "\t[IGOUNO 970101-061231] \n"
         "\t[ELI]# IGOrulers.txt\n"
         "BAN_KI-MOON [IGOUNO >20070101] [KORGOV 2004017-20061201]\n"
         "UN_ [IGOUNO]\n"
         "U.N._\n"
         "ALBRIGHT  [USAGOV 991201-010114] [---]\n"
         "HOBBITON_ [HOB < 950601] [HOBGOV 19950601 - 19990815] [hobreb > 990816]\n");
    assert_string_equal(code_in(&d, "Afghan officials", NULL), "AFG");
    assert_string_equal(code_in(&d, "in Mazar-i-Sharif", NULL), "AFG");
    assert_string_equal(code_in(&d, "Mohammad Zahir Shah", "1950-01-01"), "AFGGOV");
    assert_string_equal(code_in(&d, "Mohammad Zahir Shah", "1980-01-01"), "AFGELI");
    assert_string_equal(code_in(&d, "Kofi Annan", "2000-01-01"), "IGOUNO");
    assert_string_equal(code_in(&d, "K. Annan", "2010-01-01"), "ELI");
    assert_string_equal(code_in(&d, "Ban Ki-moon", "2010-01-01"), "IGOUNO");
    assert_string_equal(code_in(&d, "Albright", "2000-06-01"), "USAGOV");
    assert_string_equal(code_in(&d, "Albright", "2005-06-01"), "---");
    /* spaces around dates and lower-case codes, as PETRARCH's own files write them */
    assert_string_equal(code_in(&d, "Hobbiton", "1990-01-01"), "HOB");
    assert_string_equal(code_in(&d, "Hobbiton", "1997-01-01"), "HOBGOV");
    assert_string_equal(code_in(&d, "Hobbiton", "2001-01-01"), "HOBREB");
    /* capitals only for short names: "un" is not the UN */
    assert_string_equal(code_in(&d, "UN officials", NULL), "IGOUNO");
    assert_string_equal(code_in(&d, "Kim Jong-un", NULL), "---");
    /* the seven-digit date is reported; the rest of the line loads */
    assert_true(has_diag(&d, "Phoenix.Test.actors.txt:15: bad date in '[KORGOV 2004017-20061201]'"));
    assert_true(has_diag(&d, "Phoenix.Test.actors.txt:17: entry 'U.N.' has no code"));
    act_dict_free(&d);
}

static void test_tabari_format(void **state)
{
    (void)state;
    act_dict d;
    assert_true(act_dict_init(&d));
    const char *actors = "ARGENTIN  [ARG] ;JW 10/17/91\n"
                         "ESTONIA_  [EST] ;tony  4/21/91\n"
                         "AXNOR  [AR1 <911226] [AR2]\n"
                         "AL_GORE  [USAELI] ;  pas 26 apr 03\n";
    assert_int_equal(act_dict_load_buffer(&d, "Demo.actors", actors, strlen(actors),
                                          ACT_FMT_AUTO, ACT_SEC_ACTORS), 0);
    const char *agents = "<NOUN>\nBEES   ;pas 26 Feb 2002\n</NOUN>\n"
                         "!PERSON! = MAN, MEN, WOMAN\n"
                         "FOREIGN_MINISTER_  [ ~GOVFRM] ;jap 4/14/01\n"
                         "POLICE!PERSON! [~COP]\n";
    assert_int_equal(act_dict_load_buffer(&d, "Demo.agents", agents, strlen(agents),
                                          ACT_FMT_AUTO, ACT_SEC_AGENTS), 0);
    for (size_t i = 0; i < d.n_diags; i++)
        print_message("%s\n", d.diags[i].msg);
    assert_int_equal(d.n_diags, 0);
    /* TABARI stems: ARGENTIN matches Argentina and Argentine */
    assert_string_equal(code_in(&d, "Argentina said", NULL), "ARG");
    assert_string_equal(code_in(&d, "the Argentine navy", NULL), "ARG");
    /* a trailing '_' asks for the word itself */
    assert_string_equal(code_in(&d, "Estonian", NULL), "---");
    assert_string_equal(code_in(&d, "Estonia", NULL), "EST");
    assert_string_equal(code_in(&d, "Axnor", "1990-01-01"), "AR1");
    assert_string_equal(code_in(&d, "Axnor", "1995-01-01"), "AR2");
    assert_string_equal(code_in(&d, "Argentine policemen", NULL), "ARGCOP");
    assert_string_equal(code_in(&d, "the Argentine foreign minister", NULL), "ARGGOVFRM");
    act_dict_free(&d);
}

typedef struct findings {
    char text[8192];
    int n;
} findings;

static void collect(void *user, const char *msg)
{
    findings *f = user;
    f->n++;
    size_t len = strlen(f->text);
    snprintf(f->text + len, sizeof f->text - len, "%s\n", msg);
}

static void test_lint(void **state)
{
    (void)state;
    act_dict d;
    load(&d, "lint.actors",
         "Gondor; Minas Tirith\n"
         "    GON\n"
         "Gondor; Minas Tirith\n"                /* 3: unreachable */
         "    GONGOV\n"
         "Aragorn; Elessar; Aragorn\n"           /* 5: repeated name */
         "    GONGOV 3019-03-25..3120-03-01\n"
         "    GONMIL 3018..3019-12-31\n"        /* 7: overlaps line 6 */
         "    GONELI\n"
         "    GONELI\n"                          /* 9: second default */
         "Denethor\n"
         "    GONXYZ\n"                          /* 11: unknown part */
         "    IGOUNOXYZ\n"                       /* organisation identifiers are fine */
         "    QQQ\n"                             /* 13: unknown root */
         "[agents]\n"
         "steward\n"
         "    USA\n");                           /* 16: a country is not an agent */
    findings f = {{0}, 0};
    int n = act_lint(&d, collect, &f);
    assert_int_equal(n, f.n);
    assert_non_null(strstr(f.text, "lint.actors:3: duplicate name 'Gondor'"));
    assert_non_null(strstr(f.text, "lint.actors:3: entry 'Gondor' is unreachable"));
    assert_non_null(strstr(f.text, "lint.actors:5: name 'Aragorn' repeats"));
    assert_non_null(strstr(f.text, "lint.actors:7: date range 3018-01-01..3019-12-31 overlaps"));
    assert_non_null(strstr(f.text, "lint.actors:9: second default code"));
    assert_non_null(strstr(f.text, "lint.actors:11: unknown code 'GONXYZ'"));
    assert_null(strstr(f.text, "IGOUNOXYZ"));
    assert_non_null(strstr(f.text, "lint.actors:13: unknown code 'QQQ'"));
    assert_non_null(strstr(f.text, "lint.actors:16: unknown code 'USA'"));
    /* GON itself is no country of the ontology either */
    assert_non_null(strstr(f.text, "lint.actors:2: unknown code 'GON'"));
    /* in line order */
    assert_true(strstr(f.text, ":2:") < strstr(f.text, ":3:"));
    assert_true(strstr(f.text, ":13:") < strstr(f.text, ":16:"));
    act_dict_free(&d);

    load(&d, "clean.actors", "France; French\n    FRA\nParis; the Elysee\n    FRAGOV\n");
    f.n = 0;
    f.text[0] = '\0';
    assert_int_equal(act_lint(&d, collect, &f), 0);
    act_dict_free(&d);
}

static void test_convert_round_trip(void **state)
{
    (void)state;
    act_dict d;
    load(&d, "Phoenix.RT.actors.txt",
         "AFGHANISTAN_  [AFG]\n+AFGHAN_\n+U.N._SECRETARY_GENERAL\n"
         "BAN_KI-MOON [IGOUNO >20070101] [KORGOV 040101-061201]\n"
         "ALBRIGHT  [USAGOV 991201-010114] [---]\n"
         "UN_ [IGOUNO]\n");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    assert_int_equal(act_write_native(&d, "Phoenix.RT.actors.txt", out), 0);
    fclose(out);
    assert_non_null(strstr(buf, "# annals actors 1\n"));
    assert_non_null(strstr(buf, "\n[actors]\n"));
    assert_non_null(strstr(buf, "\nAfghanistan; Afghan; U.N. Secretary General\n    AFG\n"));
    assert_non_null(strstr(buf, "\nBan Ki-Moon\n    IGOUNO 2007-01-01..\n"
                                "    KORGOV 2004-01-01..2006-12-01\n"));
    assert_non_null(strstr(buf, "\nAlbright\n    USAGOV 1999-12-01..2001-01-14\n    ---\n"));
    assert_non_null(strstr(buf, "\nUN\n    IGOUNO\n"));
    /* the native text loads to the same codes */
    act_dict n;
    load(&n, "converted.actors", buf);
    assert_int_equal(n.n_diags, 0);
    assert_int_equal(n.n_entries, d.n_entries);
    assert_string_equal(code_in(&n, "Ban Ki-moon", "2005-01-01"), "KORGOV");
    assert_string_equal(code_in(&n, "the UN", NULL), "IGOUNO");
    assert_string_equal(code_in(&n, "un", NULL), "---");
    assert_string_equal(code_in(&n, "Albright", "2005-06-01"), "---");
    act_dict_free(&n);
    act_dict_free(&d);
    free(buf);
}

/* PETRARCH's prefix agents ("[NGO~]": NGO + ARN = NGOARN) stay prefixes
 * through `annals dict convert`: written "NGO~" and read back as such,
 * while a suffix ("[~GOV]") is written "GOV"; the plurals PETRARCH makes
 * of agents are written out, since the native loader makes none. */
static void test_convert_prefix_agents(void **state)
{
    (void)state;
    act_dict d;
    load(&d, "Test.actors.txt", "ARNOR [ARN]\n");
    const char *agents = "MSF {}  [NGO~]\nDIPLOMAT [~GOV]\n";
    assert_int_equal(act_dict_load_buffer(&d, "Test.agents.txt", agents, strlen(agents),
                                          ACT_FMT_AUTO, ACT_SEC_AGENTS),
                     0);
    assert_string_equal(code_in(&d, "MSF Arnor", NULL), "NGOARN");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    assert_int_equal(act_write_native(&d, "Test", out), 0);
    fclose(out);
    assert_non_null(strstr(buf, "\n[agents]\n"));
    assert_non_null(strstr(buf, "\nMSF\n    NGO~\n"));
    assert_non_null(strstr(buf, "\ndiplomat; diplomats\n    GOV\n"));
    act_dict n;
    load(&n, "converted.actors", buf);
    assert_int_equal(n.n_diags, 0);
    assert_string_equal(code_in(&n, "MSF Arnor", NULL), "NGOARN");
    assert_string_equal(code_in(&n, "an MSF Arnor diplomat", NULL), "NGOARNGOV");
    assert_string_equal(code_in(&n, "Arnor diplomats", NULL), "ARNGOV");
    assert_string_equal(code_in(&n, "MSF", NULL), "NGO");
    /* written by hand in the native format, "~GOV" is the suffix too */
    act_dict h;
    load(&h, "hand.actors",
         "Arnor\n    ARN\n[agents]\nMSF\n    NGO~\ndiplomat\n    ~GOV\n");
    assert_int_equal(h.n_diags, 0);
    assert_string_equal(code_in(&h, "MSF Arnor diplomat", NULL), "NGOARNGOV");
    act_dict_free(&h);
    act_dict_free(&n);
    act_dict_free(&d);
    free(buf);
}

/* The reference dictionaries of ../shared load as they are. */
static void test_reference_dictionaries(void **state)
{
    (void)state;
    const char *dir = ANNALS_SHARED_DIR "/data/cameo-petrarch/dictionaries";
    char path[4096];
    snprintf(path, sizeof path, "%s/Phoenix.Countries.actors.txt", dir);
    if (access(path, R_OK) != 0)
        skip();
    act_dict d;
    assert_true(act_dict_init(&d));
    static const char *const files[] = {"Phoenix.Countries.actors.txt",
                                        "Phoenix.International.actors.txt",
                                        "Phoenix.MilNonState.actors.txt"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        assert_int_equal(act_dict_load_file(&d, path, ACT_FMT_AUTO, ACT_SEC_ACTORS), 0);
    }
    snprintf(path, sizeof path, "%s/Phoenix.agents.txt", dir);
    assert_int_equal(act_dict_load_file(&d, path, ACT_FMT_AUTO, ACT_SEC_AGENTS), 0);
    assert_true(d.n_entries > 15000);
    assert_string_equal(code_in(&d, "Afghanistan", NULL), "AFG");
    assert_string_equal(code_in(&d, "the Afghan National Army", NULL), "AFGMIL");
    assert_string_equal(code_in(&d, "the United Nations", NULL), "IGOUNO");
    assert_string_equal(code_in(&d, "Japanese farmers", NULL), "JPNAGR");
    act_dict_free(&d);

    snprintf(path, sizeof path, "%s/../tabari-validation/TABARI.Demo.actors", ANNALS_SHARED_DIR
             "/data/cameo-petrarch");
    assert_true(act_dict_init(&d));
    snprintf(path, sizeof path, "%s/data/tabari-validation/TABARI.Demo.actors",
             ANNALS_SHARED_DIR);
    assert_int_equal(act_dict_load_file(&d, path, ACT_FMT_AUTO, ACT_SEC_ACTORS), 0);
    snprintf(path, sizeof path, "%s/data/tabari-validation/Validate.agents", ANNALS_SHARED_DIR);
    assert_int_equal(act_dict_load_file(&d, path, ACT_FMT_AUTO, ACT_SEC_AGENTS), 0);
    assert_string_equal(code_in(&d, "Arnor", NULL), "ARN");
    act_dict_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_native_bad_lines),
        cmocka_unit_test(test_native_dates_and_braces),
        cmocka_unit_test(test_petrarch_format),
        cmocka_unit_test(test_tabari_format),
        cmocka_unit_test(test_lint),
        cmocka_unit_test(test_convert_round_trip),
        cmocka_unit_test(test_convert_prefix_agents),
        cmocka_unit_test(test_reference_dictionaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
