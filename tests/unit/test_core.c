/* test_core.c — arena, buffer, errors, data directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/datadir.h"

static void test_arena_alignment_and_reuse(void **state)
{
    (void)state;
    core_arena a;
    core_arena_init(&a, 128);
    char *p = core_arena_alloc(&a, 3);
    void *q = core_arena_alloc(&a, 8);
    assert_non_null(p);
    assert_int_equal((uintptr_t)q % sizeof(max_align_t), 0);
    /* Larger than a chunk: gets a chunk of its own. */
    char *big = core_arena_alloc(&a, 10000);
    assert_non_null(big);
    memset(big, 'x', 10000);
    char *s = core_arena_printf(&a, "%s-%d", "doc", 42);
    assert_string_equal(s, "doc-42");
    assert_string_equal(core_arena_strndup(&a, "abcdef", 3), "abc");
    core_arena_reset(&a);
    assert_int_equal(a.used_total, 0);
    int *z = core_arena_calloc(&a, 100, sizeof *z);
    for (int i = 0; i < 100; i++)
        assert_int_equal(z[i], 0);
    core_arena_destroy(&a);
}

static void test_buf(void **state)
{
    (void)state;
    core_buf b = CORE_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        core_buf_printf(&b, "%d,", i);
    assert_int_equal(strncmp(b.data, "0,1,2,", 6), 0);
    assert_int_equal(b.data[b.len], '\0');
    core_buf_clear(&b);
    core_buf_puts(&b, "x");
    core_buf_putc(&b, 'y');
    char *s = core_buf_steal(&b);
    assert_string_equal(s, "xy");
    free(s);
    assert_null(b.data);
    core_buf_free(&b);
}

static void test_errors(void **state)
{
    (void)state;
    assert_false(annals_is_error(ANNALS_OK));
    assert_true(annals_is_error(ANNALS_E_RECORD));
    assert_string_equal(annals_error_name(ANNALS_E_NOMEM), "out of memory");
    assert_string_equal(annals_error_name(-999), "unknown error");
    assert_string_equal(annals_version(), ANNALS_VERSION_STRING);
}

static void test_data_dir(void **state)
{
    (void)state;
    char out[4096];
    assert_true(core_find_data_dir(ANNALS_SOURCE_DIR "/data", out, sizeof out));
    assert_string_equal(out, ANNALS_SOURCE_DIR "/data");
    assert_false(core_find_data_dir("/nonexistent/annals", out, sizeof out));
    /* $ANNALS_DATA wins over the defaults; without it a program inside the
     * build tree (this test) uses the sources' data. */
    setenv("ANNALS_DATA", "/nonexistent/env", 1);
    assert_false(core_find_data_dir(NULL, out, sizeof out));
    unsetenv("ANNALS_DATA");
    assert_true(core_find_data_dir(NULL, out, sizeof out));
    assert_string_equal(out, ANNALS_SOURCE_DIR "/data");
    int err = 0;
    annals_options opt;
    annals_options_init(&opt);
    opt.data_dir = "/nonexistent/annals";
    assert_null(annals_resources_load(&opt, &err));
    assert_int_equal(err, ANNALS_E_DATA);
    annals_resources *res = annals_resources_load(NULL, &err);
    assert_non_null(res);
    assert_non_null(annals_resources_data_dir(res));
    annals_resources_free(res);
    annals_resources_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alignment_and_reuse),
        cmocka_unit_test(test_buf),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_data_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
