/* test_syntax_model.c — the model container: round trip, and every kind of
 * damage refused with a message (never a crash). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "annals.h"
#include "syntax/model.h"

static const char payload_a[] = "first section";
static const uint32_t payload_b[5] = {1, 2, 3, 0xdeadbeef, 5};

static void *build_image(size_t *size)
{
    syn_model_writer *w = syn_model_writer_create();
    assert_non_null(w);
    assert_int_equal(syn_model_writer_add(w, "ALPHA", payload_a, sizeof payload_a), 0);
    assert_int_equal(syn_model_writer_add(w, "BETA1234", payload_b, sizeof payload_b), 0);
    assert_int_equal(syn_model_writer_add(w, "EMPTY", NULL, 0), 0);
    void *img = syn_model_writer_image(w, size);
    assert_non_null(img);
    syn_model_writer_free(w);
    return img;
}

static void test_round_trip_in_memory(void **state)
{
    (void)state;
    size_t size, n;
    void *img = build_image(&size);
    assert_int_equal(size % 64, 0);
    char err[256];
    int e = 1;
    syn_model *m = syn_model_from_memory(img, size, "mem", &e, err, sizeof err);
    assert_non_null(m);
    assert_int_equal(e, ANNALS_OK);
    const char *a = syn_model_section(m, "ALPHA", &n);
    assert_non_null(a);
    assert_int_equal(n, sizeof payload_a);
    assert_string_equal(a, payload_a);
    const uint32_t *b = syn_model_section(m, "BETA1234", &n);
    assert_int_equal(n, sizeof payload_b);
    assert_int_equal((uintptr_t)b % 64, (uintptr_t)img % 64);
    assert_memory_equal(b, payload_b, sizeof payload_b);
    assert_non_null(syn_model_section(m, "EMPTY", &n));
    assert_int_equal(n, 0);
    assert_null(syn_model_section(m, "GAMMA", &n));
    assert_null(syn_model_section(m, "ALPH", &n));
    syn_model_close(m);
    free(img);
}

static void test_save_and_open(void **state)
{
    (void)state;
    char path[] = "/tmp/annals-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    syn_model_writer *w = syn_model_writer_create();
    assert_int_equal(syn_model_writer_add(w, "ALPHA", payload_a, sizeof payload_a), 0);
    assert_int_equal(syn_model_writer_save(w, path), 0);
    syn_model_writer_free(w);
    char err[256];
    int e;
    syn_model *m = syn_model_open(path, &e, err, sizeof err);
    assert_non_null(m);
    size_t n;
    assert_string_equal(syn_model_section(m, "ALPHA", &n), payload_a);
    syn_model_close(m);
    unlink(path);
    /* A missing file is an I/O error naming the file. */
    assert_null(syn_model_open(path, &e, err, sizeof err));
    assert_int_equal(e, ANNALS_E_IO);
    assert_non_null(strstr(err, path));
}

/* Opening `img` must fail with ANNALS_E_DATA and a message containing `why`. */
static void expect_refused(const void *img, size_t size, const char *why)
{
    char err[256] = "";
    int e = 0;
    syn_model *m = syn_model_from_memory(img, size, "bad.annm", &e, err, sizeof err);
    assert_null(m);
    assert_int_equal(e, ANNALS_E_DATA);
    assert_non_null(strstr(err, "bad.annm"));
    if (!strstr(err, why))
        fail_msg("expected '%s' in '%s'", why, err);
}

static void test_damage_refused(void **state)
{
    (void)state;
    size_t size;
    unsigned char *img = build_image(&size);
    unsigned char *copy = malloc(size);
    /* Every truncation. */
    for (size_t cut = 0; cut < size; cut++) {
        memcpy(copy, img, size);
        expect_refused(copy, cut, cut < 32 ? "too short" : "truncated");
    }
    /* Every single flipped bit after the header breaks the checksum;
     * flipped bits in the header are caught by its own fields. */
    for (size_t i = 32; i < size; i++) {
        memcpy(copy, img, size);
        copy[i] ^= 0x10;
        expect_refused(copy, size, "checksum");
    }
    memcpy(copy, img, size);
    copy[0] = 'X';
    expect_refused(copy, size, "magic");
    memcpy(copy, img, size);
    copy[8] = 9;
    expect_refused(copy, size, "version");
    memcpy(copy, img, size);
    copy[24] ^= 1;
    expect_refused(copy, size, "checksum");
    free(copy);
    free(img);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_in_memory),
        cmocka_unit_test(test_save_and_open),
        cmocka_unit_test(test_damage_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
