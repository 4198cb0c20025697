/* test_text_clean.c — the article cleaner: boilerplate of every kind,
 * captions, datelines, wrapped paragraphs, headlines, and lines that look
 * like boilerplate but are news. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "annals.h"
#include "core/arena.h"
#include "text/clean.h"

enum { BODY = TEXT_BLOCK_BODY, HEAD = TEXT_BLOCK_HEADLINE, CAP = TEXT_BLOCK_CAPTION,
       BOIL = TEXT_BLOCK_BOILERPLATE };

/* One expected block: its kind, its exact text, and its dateline's text
 * (NULL for none). */
typedef struct want {
    int kind;
    const char *text;
    const char *dateline;
} want;

static core_arena arena;

static int setup(void **state)
{
    (void)state;
    core_arena_init(&arena, 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    core_arena_destroy(&arena);
    return 0;
}

/* Is the byte between blocks white space?  Bytes of U+0080 and above
 * may be parts of no-break, zero-width or ideographic spaces. */
static int between_ok(unsigned char c)
{
    return c >= 0x80 || (c != '\0' && strchr(" \t\r\n\v\f", c) != NULL);
}

/* The contract's invariants on any result: in order, not overlapping,
 * trimmed, inside the text, dateline inside its block, and nothing but
 * white space between blocks. */
static void check_invariants(const char *text, size_t len, const text_block *b, size_t n)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(b[i].start < b[i].end);
        assert_true(b[i].end <= len);
        assert_true(b[i].start >= prev_end);
        assert_true(b[i].dateline_end >= b[i].start && b[i].dateline_end <= b[i].end);
        assert_true(b[i].kind >= BODY && b[i].kind <= BOIL);
        assert_false(text[b[i].start] == ' ' || text[b[i].start] == '\n' ||
                     text[b[i].end - 1] == ' ' || text[b[i].end - 1] == '\r');
        for (size_t k = prev_end; k < b[i].start; k++)
            assert_true(between_ok((unsigned char)text[k]));
        prev_end = b[i].end;
    }
    for (size_t k = prev_end; k < len; k++)
        assert_true(between_ok((unsigned char)text[k]));
}

static text_block *clean(const char *text, size_t len, size_t *n)
{
    text_block *b = NULL;
    core_arena_reset(&arena);
    assert_int_equal(text_clean(&arena, text, len, &b, n), ANNALS_OK);
    check_invariants(text, len, b, *n);
    return b;
}

static void print_blocks(const char *text, const text_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "  [%zu] %s: \"%.*s\"\n", i, text_block_kind_name(b[i].kind),
                (int)(b[i].end - b[i].start), text + b[i].start);
}

static void expect(const char *text, const want *w, size_t nw)
{
    size_t n;
    text_block *b = clean(text, strlen(text), &n);
    if (n != nw)
        print_blocks(text, b, n);
    assert_int_equal(n, nw);
    for (size_t i = 0; i < n; i++) {
        size_t len = b[i].end - b[i].start;
        if (b[i].kind != w[i].kind || len != strlen(w[i].text) ||
            memcmp(text + b[i].start, w[i].text, len) != 0)
            print_blocks(text, b, n);
        assert_string_equal(text_block_kind_name(b[i].kind), text_block_kind_name(w[i].kind));
        assert_int_equal(len, strlen(w[i].text));
        assert_memory_equal(text + b[i].start, w[i].text, len);
        size_t dl = b[i].dateline_end - b[i].start;
        if (w[i].dateline) {
            assert_int_equal(dl, strlen(w[i].dateline));
            assert_memory_equal(text + b[i].start, w[i].dateline, dl);
        } else {
            assert_int_equal(dl, 0);
        }
    }
}

#define EXPECT(text, ...)                                                                    \
    do {                                                                                     \
        const want w_[] = {__VA_ARGS__};                                                     \
        expect(text, w_, sizeof w_ / sizeof w_[0]);                                          \
    } while (0)

/* The kind of a text that is one line and so one block. */
static int kind_of(const char *line)
{
    size_t n;
    text_block *b = clean(line, strlen(line), &n);
    if (n != 1) {
        print_blocks(line, b, n);
        fail_msg("\"%s\" gave %zu blocks", line, n);
    }
    return b[0].kind;
}

static void assert_kind(const char *const *lines, int kind)
{
    for (size_t i = 0; lines[i]; i++)
        if (kind_of(lines[i]) != kind)
            fail_msg("\"%s\" is %s, not %s", lines[i], text_block_kind_name(kind_of(lines[i])),
                     text_block_kind_name(kind));
}

/* ------------------------------------------------------------------ cases */

static void test_empty_and_whitespace(void **state)
{
    (void)state;
    size_t n = 99;
    text_block *b = NULL;
    assert_int_equal(text_clean(&arena, NULL, 0, &b, &n), ANNALS_OK);
    assert_int_equal(n, 0);
    clean("", 0, &n);
    assert_int_equal(n, 0);
    const char *ws = "  \n\t\r\n \xc2\xa0 \n\n\f\v\r\r\n   ";
    clean(ws, strlen(ws), &n);
    assert_int_equal(n, 0);
}

static void test_social_and_share(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "Share this article", "Share on Facebook", "Share on Twitter", "Tweet", "Email",
        "Print", "Follow us on Twitter", "Click here to subscribe", "Share", "SHARE",
        "Share Tweet Email", "Facebook Twitter LinkedIn WhatsApp Email", "Share | Tweet | Email",
        "Follow Reuters on X", "Copy link", "Listen to this article", "To subscribe, click here.",
        "Comments", "\xe2\x80\xa2 Share this story", "Skip to main content", "Reuter",
        "Reporting by Jane Doe; Editing by John Roe", "Additional reporting by Li Ming in Shanghai",
        NULL,
    };
    assert_kind(lines, BOIL);
}

static void test_links_and_urls(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "This article can also be accessed at http://www.example.com/news/123",
        "Read more at www.example.com", "www.example.com", "https://example.org/a/b?c=1",
        "http://t.co/xyz", "reuters.com/world/asia", "Source: https://www.un.org/press",
        "<https://www.example.com>", "bbc.co.uk", "Related: China's exports rise in June",
        "Read more: US tariffs explained", "See also: Trade war timeline",
        "RELATED COVERAGE", "Also read: Why the talks failed", "More on this story",
        "@Reuters", NULL,
    };
    assert_kind(lines, BOIL);
}

static void test_breadcrumbs(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "News / Middle East", "Home > World > Asia", "World | Africa", "Home \xc2\xbb Politics",
        "News > Science & Environment", "World / Europe / Ukraine", NULL,
    };
    assert_kind(lines, BOIL);
}

static void test_copyright_and_rights(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "\xc2\xa9 2024 Reuters", "Copyright 2019 The Associated Press. All rights reserved.",
        "All rights reserved", "All Rights Reserved.", "(c) 2023 Agence France-Presse",
        "Copyright \xc2\xa9 2022 CNN", "COPYRIGHT 2021 XINHUA NEWS AGENCY",
        "Copyright 2019 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "The Daily Star. All rights reserved.", NULL,
    };
    assert_kind(lines, BOIL);
}

static void test_subscription_and_ads(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "Subscribe to our newsletter", "Sign up for our daily briefing",
        "Sign up for Reuters Daily Briefing", "Already a subscriber? Log in",
        "Already a subscriber? Sign in here", "Advertisement", "ADVERTISEMENT", "Sponsored",
        "- Advertisement -", "Advertisement - Scroll to continue", "Story continues below advertisement",
        "Get our free newsletter delivered to your inbox", "Log in to continue reading",
        NULL,
    };
    assert_kind(lines, BOIL);
}

static void test_bylines_and_timestamps(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "By John Smith", "By JOHN SMITH, Associated Press", "By Jane Doe and John Roe in Beijing",
        "BY MARIA GARCIA", "Updated 12:34 GMT", "Published: 3 March 2024",
        "Updated: March 3, 2024 10:15 a.m. ET", "Last updated on 12 July 2024 | 08:00",
        "5 min read", "Monday, March 3, 2024", "Posted at 10:00 am", NULL,
    };
    assert_kind(lines, BOIL);
}

/* Lines that mention copyright, websites, subscribers, advertising or
 * start like a byline, but are news and must stay. */
static void test_lookalikes_stay_body(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "Reuters reported that the copyright dispute between the two firms was settled.",
        "Copyright lawyers said the ruling would be appealed.",
        "The website www.example.com was shut down by the authorities on Monday.",
        "By Tuesday, the troops had withdrawn from the city.",
        "Published reports said 20 people died in the attack.",
        "Advertisement spending rose 5 percent last year, the group said.",
        "A Reuters/Ipsos poll showed support for the president fell.",
        "Sen. John Smith (R) said the bill would pass.",
        "Reporting by the BBC showed that the minister had misled parliament.",
        "Subscribers to the service complained about the outage.",
        "Printing presses were seized by the police.",
        "The minister said all rights reserved to member states under the treaty would be kept "
        "and that no country would lose its veto over the budget.",
        "Share prices fell sharply in Tokyo on Monday.",
        "Getty Images sued the company over the use of its photographs.",
        "Related talks will be held in Geneva next week.",
        NULL,
    };
    assert_kind(lines, BODY);
}

static void test_caption_lines(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "(Photo via Reuters)", "Photo: AFP", "Image copyright Getty Images",
        "FILE PHOTO: A view of the ministry building in Beijing, China, May 3, 2023.",
        "Protesters gather in Tahrir Square on Friday (Reuters/Amr Abdallah)",
        "Chinese President Xi Jinping (R) shakes hands with Antony Blinken (L) in Beijing.",
        "Soldiers (C) patrol a street in Kyiv, Ukraine, March 3, 2024. REUTERS/Jane Doe",
        "Delegates (2nd L) attend the summit in Addis Ababa on Feb. 5, 2024.",
        "President Joe Biden speaks in Washington, U.S. (AP Photo/Evan Vucci)",
        "Image caption, Rescuers search the rubble in Antakya",
        "Pictured: the damaged bridge", "Photo credit: Ministry of Defence",
        "A man walks past a mural in Havana. AFP via Getty Images",
        NULL,
    };
    assert_kind(lines, CAP);
}

static void test_inline_credit_is_cut_out(void **state)
{
    (void)state;
    EXPECT("The ministry said the talks would take place in Washington next month. (Photo "
           "via Reuters) Officials did not give a date for the meeting, which the two sides "
           "had been discussing for weeks, and declined to say who would attend it.",
           {BODY, "The ministry said the talks would take place in Washington next month.", NULL},
           {CAP, "(Photo via Reuters)", NULL},
           {BODY, "Officials did not give a date for the meeting, which the two sides had been "
                  "discussing for weeks, and declined to say who would attend it.", NULL});
    /* a dateline is still found after a credit that opens the line */
    EXPECT("(Photo: AFP) CAIRO, Egypt \xe2\x80\x94 Talks resumed on Sunday.",
           {CAP, "(Photo: AFP)", NULL},
           {BODY, "CAIRO, Egypt \xe2\x80\x94 Talks resumed on Sunday.", "CAIRO, Egypt \xe2\x80\x94 "});
    /* "(Reuters)" in a dateline is no photo credit */
    EXPECT("BEIJING (Reuters) - China said on Monday it would retaliate.",
           {BODY, "BEIJING (Reuters) - China said on Monday it would retaliate.", "BEIJING (Reuters) - "});
}

static void test_datelines(void **state)
{
    (void)state;
    static const struct {
        const char *text, *dateline;
    } cases[] = {
        {"BEIJING, July 11 (Reuters) - China's exports rose.", "BEIJING, July 11 (Reuters) - "},
        {"WASHINGTON (AP) \xe2\x80\x94 The Senate voted on Tuesday.", "WASHINGTON (AP) \xe2\x80\x94 "},
        {"CAIRO, Egypt \xe2\x80\x94 Egypt's president met his Sudanese counterpart.",
         "CAIRO, Egypt \xe2\x80\x94 "},
        {"KYIV, Ukraine, March 3 (Reuters) - Russian drones hit the capital.",
         "KYIV, Ukraine, March 3 (Reuters) - "},
        {"NEW DELHI: India and Pakistan agreed to talks.", "NEW DELHI: "},
        {"LONDON, Jan 5 (Xinhua) -- British Prime Minister said on Friday.",
         "LONDON, Jan 5 (Xinhua) -- "},
        {"NEW YORK, March 26 - Stocks fell sharply on Thursday.", "NEW YORK, March 26 - "},
        {"Beijing, July 11 (Reuters) - China's exports rose.", "Beijing, July 11 (Reuters) - "},
        {"WASHINGTON\xe2\x80\x94The Senate voted on Tuesday.", "WASHINGTON\xe2\x80\x94"},
        {"ST. PETERSBURG, Russia, Jan. 5 (AP) - Putin spoke.", "ST. PETERSBURG, Russia, Jan. 5 (AP) - "},
        {"UNITED NATIONS (Reuters) - The Security Council met.", "UNITED NATIONS (Reuters) - "},
        {"(Reuters) - Oil prices rose on Monday.", "(Reuters) - "},
        {"CAIRO, Oct 26 (annals) - Egypt and Jordan hailed the treaty.", "CAIRO, Oct 26 (annals) - "},
        {"JERUSALEM/WASHINGTON, Jan 5 (Reuters) - Talks began.", "JERUSALEM/WASHINGTON, Jan 5 (Reuters) - "},
        {"GAZA CITY, Gaza Strip (AP) \xe2\x80\x94 Strikes continued.", "GAZA CITY, Gaza Strip (AP) \xe2\x80\x94 "},
        {"New Delhi, Jan 5 (PTI) The government said on Friday.", "New Delhi, Jan 5 (PTI) "},
        {"KABUL, Afghanistan (AP) _ A bomb exploded.", "KABUL, Afghanistan (AP) _ "},
        {"Paris (AFP) - France said on Monday.", "Paris (AFP) - "},
        {"S\xc3\x83O PAULO, 5 May (Reuters) - Brazil's central bank held rates.",
         "S\xc3\x83O PAULO, 5 May (Reuters) - "},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        text_block *b = clean(cases[i].text, strlen(cases[i].text), &n);
        assert_int_equal(n, 1);
        assert_int_equal(b[0].kind, BODY);
        size_t dl = b[0].dateline_end - b[0].start;
        if (dl != strlen(cases[i].dateline))
            fail_msg("\"%s\": dateline \"%.*s\"", cases[i].text, (int)dl, cases[i].text);
        assert_memory_equal(cases[i].text, cases[i].dateline, dl);
    }
    /* no datelines here */
    static const char *const none[] = {
        "US President Joe Biden said on Monday that talks would resume.",
        "Smith, Jones and Brown - the three candidates - met on Monday.",
        "Beijing - the capital - was quiet on Monday.",
        "The Senate voted 52-48 - a narrow margin - on Tuesday.",
        "China-US trade fell in March, officials said.",
        "(in Arabic) - a translation follows.",
        NULL,
    };
    for (size_t i = 0; none[i]; i++) {
        size_t n;
        text_block *b = clean(none[i], strlen(none[i]), &n);
        assert_int_equal(n, 1);
        if (b[0].dateline_end != b[0].start)
            fail_msg("\"%s\": false dateline", none[i]);
    }
}

/* Newswire hard-wrapped at about 70 columns: each paragraph one block. */
static void test_wrapped_paragraphs(void **state)
{
    (void)state;
    EXPECT("BEIJING, July 11 (Reuters) - China and the United States agreed on\n"
           "Thursday to resume trade talks, the commerce ministry said, in a sign\n"
           "that tensions between the world's two largest economies were easing.\n"
           "\n"
           "The talks will take place in Washington next month. Officials did\n"
           "not give a date.\n",
           {BODY, "BEIJING, July 11 (Reuters) - China and the United States agreed on\n"
                  "Thursday to resume trade talks, the commerce ministry said, in a sign\n"
                  "that tensions between the world's two largest economies were easing.",
            "BEIJING, July 11 (Reuters) - "},
           {BODY, "The talks will take place in Washington next month. Officials did\n"
                  "not give a date.", NULL});
    /* a sentence ending at a line's end in the middle of a paragraph */
    EXPECT("The minister arrived in Cairo on Sunday for two days of talks with his\n"
           "Egyptian counterpart. The two men discussed the war in Sudan and the\n"
           "flow of refugees across the border, an official said on Monday.\n",
           {BODY, "The minister arrived in Cairo on Sunday for two days of talks with his\n"
                  "Egyptian counterpart. The two men discussed the war in Sudan and the\n"
                  "flow of refugees across the border, an official said on Monday.", NULL});
}

/* A wrapped line that alone would be boilerplate ("Register ...", a date)
 * stays inside its paragraph. */
static void test_wrapped_lookalike_lines(void **state)
{
    (void)state;
    EXPECT("Novell Inc said the dividend to\n"
           "effect its previously announced two-for-one stock split will be\n"
           "distributed April 13.\n"
           "    As stated at the time of the original announcement, the\n"
           "company said the payment will be made to holders of record\n"
           "March 31.\n",
           {BODY, "Novell Inc said the dividend to\n"
                  "effect its previously announced two-for-one stock split will be\n"
                  "distributed April 13.", NULL},
           {BODY, "As stated at the time of the original announcement, the\n"
                  "company said the payment will be made to holders of record\n"
                  "March 31.", NULL});
    EXPECT("The company said it would file the rules with the Federal\n"
           "Register shortly and they will become effective after a 90-day\n"
           "comment period, officials of the agency told reporters here.\n",
           {BODY, "The company said it would file the rules with the Federal\n"
                  "Register shortly and they will become effective after a 90-day\n"
                  "comment period, officials of the agency told reporters here.", NULL});
}

/* Reuters-21578 style: paragraphs start with an indent, no blank lines. */
static void test_indented_paragraphs(void **state)
{
    (void)state;
    EXPECT("National Westminster Bank Plc said it has\n"
           "cut its base lending rate 0.5 percentage points to 10.5 pct\n"
           "today.\n"
           "    National Westminster said that it was responding to general\n"
           "easing in money market rates.\n"
           " REUTER\n",
           {BODY, "National Westminster Bank Plc said it has\n"
                  "cut its base lending rate 0.5 percentage points to 10.5 pct\n"
                  "today.", NULL},
           {BODY, "National Westminster said that it was responding to general\n"
                  "easing in money market rates.", NULL},
           {BOIL, "REUTER", NULL});
}

/* Scraped text with one paragraph a line and no blank lines: separate
 * blocks; a lower-case line still continues a broken sentence. */
static void test_one_paragraph_a_line(void **state)
{
    (void)state;
    EXPECT("The United Nations Security Council met on Monday to discuss the crisis in Sudan.\n"
           "Diplomats said a resolution calling for a ceasefire could be put to a vote this week.\n"
           "Russia and China have not said whether they would support it, officials said.\n",
           {BODY, "The United Nations Security Council met on Monday to discuss the crisis in Sudan.", NULL},
           {BODY, "Diplomats said a resolution calling for a ceasefire could be put to a vote this week.", NULL},
           {BODY, "Russia and China have not said whether they would support it, officials said.", NULL});
    EXPECT("The council met on Monday to discuss the crisis in Sudan and\n"
           "agreed to send a mission to Khartoum.\n",
           {BODY, "The council met on Monday to discuss the crisis in Sudan and\n"
                  "agreed to send a mission to Khartoum.", NULL});
}

/* A list of short separate lines stays a list. */
static void test_list_of_lines(void **state)
{
    (void)state;
    EXPECT("Share this article\nTweet\nEmail\nPrint\n",
           {BOIL, "Share this article", NULL}, {BOIL, "Tweet", NULL}, {BOIL, "Email", NULL},
           {BOIL, "Print", NULL});
    EXPECT("Key points:\n- Talks resume in Washington\n- Tariffs stay in place\n",
           {BODY, "Key points:", NULL}, {BODY, "- Talks resume in Washington", NULL},
           {BODY, "- Tariffs stay in place", NULL});
}

static void test_headlines(void **state)
{
    (void)state;
    EXPECT("China and US agree to resume trade talks\n\n"
           "BEIJING (Reuters) - China and the United States agreed on Thursday to resume talks.\n",
           {HEAD, "China and US agree to resume trade talks", NULL},
           {BODY, "BEIJING (Reuters) - China and the United States agreed on Thursday to resume talks.",
            "BEIJING (Reuters) - "});
    /* no blank line, wrapped body below; boilerplate between is skipped */
    EXPECT("U.K. MONEY MARKET SHORTAGE FORECAST AT 250 MLN STG\n"
           "Home > Business > Markets\n"
           "The Bank of England said it forecast a shortage of around 250 mln\n"
           "stg in the money market today, dealers said on Monday morning.\n",
           {HEAD, "U.K. MONEY MARKET SHORTAGE FORECAST AT 250 MLN STG", NULL},
           {BOIL, "Home > Business > Markets", NULL},
           {BODY, "The Bank of England said it forecast a shortage of around 250 mln\n"
                  "stg in the money market today, dealers said on Monday morning.", NULL});
    /* headline and a deck line above the article */
    EXPECT("Talks Collapse Over Nuclear Deal\n\n"
           "Iran says it will not accept new inspections\n\n"
           "By Jane Doe\n\n"
           "TEHRAN (AP) \xe2\x80\x94 Iran rejected the proposal on Sunday.\n",
           {HEAD, "Talks Collapse Over Nuclear Deal", NULL},
           {HEAD, "Iran says it will not accept new inspections", NULL},
           {BOIL, "By Jane Doe", NULL},
           {BODY, "TEHRAN (AP) \xe2\x80\x94 Iran rejected the proposal on Sunday.",
            "TEHRAN (AP) \xe2\x80\x94 "});
    /* a first line that is a sentence is body; a lone line is body */
    EXPECT("The talks collapsed on Sunday.\n\nIran rejected the proposal.\n",
           {BODY, "The talks collapsed on Sunday.", NULL},
           {BODY, "Iran rejected the proposal.", NULL});
    EXPECT("Talks collapse over nuclear deal\n", {BODY, "Talks collapse over nuclear deal", NULL});
}

/* Web pages flattened to text: section names stacked at the top, a
 * link list under "More on this story", a contributor line at the end. */
static void test_web_page_layout(void **state)
{
    (void)state;
    EXPECT("World\nAsia\n\nNorth Korea fires ballistic missile into sea\n\n3 hours ago\n\n"
           "Share\n\nSeoul says Pyongyang launched the missile on Tuesday morning.\n\n"
           "More on this story\n\nNorth Korea tests new engine\n\nKim visits Russia\n\n"
           "The launch was condemned by Japan.\n\n"
           "Associated Press writer Jack Jeffery in Cairo contributed to this report.\n",
           {BOIL, "World", NULL}, {BOIL, "Asia", NULL},
           {HEAD, "North Korea fires ballistic missile into sea", NULL},
           {BOIL, "3 hours ago", NULL}, {BOIL, "Share", NULL},
           {BODY, "Seoul says Pyongyang launched the missile on Tuesday morning.", NULL},
           {BOIL, "More on this story", NULL}, {BOIL, "North Korea tests new engine", NULL},
           {BOIL, "Kim visits Russia", NULL}, {BODY, "The launch was condemned by Japan.", NULL},
           {BOIL, "Associated Press writer Jack Jeffery in Cairo contributed to this report.", NULL});
}

static void test_crlf(void **state)
{
    (void)state;
    EXPECT("Talks Collapse Over Nuclear Deal\r\n\r\n"
           "TEHRAN (AP) - Iran rejected the proposal on Sunday, saying it\r\n"
           "went beyond what had been agreed in talks with the European Union.\r\n"
           "\r\n"
           "Share this article\r\n",
           {HEAD, "Talks Collapse Over Nuclear Deal", NULL},
           {BODY, "TEHRAN (AP) - Iran rejected the proposal on Sunday, saying it\r\n"
                  "went beyond what had been agreed in talks with the European Union.",
            "TEHRAN (AP) - "},
           {BOIL, "Share this article", NULL});
    /* a lone CR breaks lines too */
    EXPECT("Tweet\rEmail\r", {BOIL, "Tweet", NULL}, {BOIL, "Email", NULL});
}

static void test_odd_bytes(void **state)
{
    (void)state;
    /* NUL and invalid UTF-8 are text like any other byte */
    const char t[] = "Talks\0resumed \xff\xfe on Monday.\n\n\xc3(Photo: AFP)\x80\n" "";
    size_t n;
    text_block *b = clean(t, sizeof t - 1, &n);
    assert_true(n >= 2);
    assert_int_equal(b[0].start, 0);
    /* a byte-order mark and no-break spaces are trimmed */
    EXPECT("\xef\xbb\xbf\xc2\xa0" "Advertisement\xc2\xa0\n", {BOIL, "Advertisement", NULL});
}

static void test_long_lines(void **state)
{
    (void)state;
    size_t len = 1u << 18;
    char *t = malloc(len);
    assert_non_null(t);
    const char *fill[] = {"a", "(", "( ", "ab. Cd ", "WASHINGTON ", "x\n", "(R) ", "--"};
    for (size_t f = 0; f < sizeof fill / sizeof fill[0]; f++) {
        size_t k = strlen(fill[f]);
        for (size_t i = 0; i < len; i++)
            t[i] = fill[f][i % k];
        size_t n;
        clean(t, len, &n);
        assert_true(n >= 1);
    }
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_and_whitespace),
        cmocka_unit_test(test_social_and_share),
        cmocka_unit_test(test_links_and_urls),
        cmocka_unit_test(test_breadcrumbs),
        cmocka_unit_test(test_copyright_and_rights),
        cmocka_unit_test(test_subscription_and_ads),
        cmocka_unit_test(test_bylines_and_timestamps),
        cmocka_unit_test(test_lookalikes_stay_body),
        cmocka_unit_test(test_caption_lines),
        cmocka_unit_test(test_inline_credit_is_cut_out),
        cmocka_unit_test(test_datelines),
        cmocka_unit_test(test_wrapped_paragraphs),
        cmocka_unit_test(test_wrapped_lookalike_lines),
        cmocka_unit_test(test_indented_paragraphs),
        cmocka_unit_test(test_one_paragraph_a_line),
        cmocka_unit_test(test_list_of_lines),
        cmocka_unit_test(test_headlines),
        cmocka_unit_test(test_web_page_layout),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_odd_bytes),
        cmocka_unit_test(test_long_lines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
