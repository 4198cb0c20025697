/* actors_fixture.h — what the matcher's unit tests share: a dictionary
 * loaded from the test's own text, an arena and a sentence list, set up
 * before the group and freed after it.  Included by test_actors_match.c,
 * test_actors_reuse.c and test_coder_actor_tags.c, each after defining
 * `fixture`, its dictionary text; not a test of its own. */
#ifndef ANNALS_TESTS_ACTORS_FIXTURE_H
#define ANNALS_TESTS_ACTORS_FIXTURE_H

#include <string.h>

#include "actors/match.h"
#include "text/segment.h"

static act_dict dict;
static core_arena arena;
static text_sentences sents;

/* Loads `fixture`; a dictionary with any diagnostic fails the group. */
static int setup(void **state)
{
    (void)state;
    if (!act_dict_init(&dict))
        return -1;
    if (act_dict_load_buffer(&dict, "fixture.actors", fixture, strlen(fixture),
                             ACT_FMT_AUTO, ACT_SEC_ACTORS))
        return -1;
    core_arena_init(&arena, 0);
    return dict.n_diags == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    act_dict_free(&dict);
    core_arena_destroy(&arena);
    text_sentences_free(&sents);
    return 0;
}

#endif
