# gen-records.awk — writes event records (JSON lines, conventions.md) for
# the store tests, the same every run: awk -v docs=N -v seed=S -v variant=V
# -f gen-records.awk.  Documents of 1-4 records over three months (some
# undated), actors with prefixes in common, publishers for NumSources, and
# sentences full of what tokenizers disagree on (abbreviations, typographic
# apostrophes, diacritics, hyphens, Cyrillic, and tsquery and FTS5
# syntax).  variant=1 changes every fifth document (a second version of the
# same documents).
BEGIN {
    if (!docs) docs = 200
    if (!seed) seed = 7
    n_act = split("USA USAGOV PRK PRKGOV KOR KORMIL CHN RUS IRQ SYRREB UKR ---", act, " ")
    n_code = split("010 036 042 043 057 0311 112 130 1724 190 051 061", code, " ")
    split("1 1 1 1 1 2 3 3 4 4 1 2", quad, " ")
    # Goldstein values exact in binary (not the codes' own): sums do not
    # depend on the order the two databases add rows in, so means print
    # alike (doc/store.md says why values such as 1.9 may not).
    split("0.0 4.0 1.5 2.5 8.0 5.5 -2.0 -4.5 -5.0 -10.0 3.5 6.0", gold, " ")
    n_word = split("The U.S. envoy met Kim’s aide in Pyongyang . café naïve CAFÉ " \
                   "al-Sudani said 3.5% Москва x_y AT&T don't !urgent a:* <-> " \
                   "sanctions 'quoted' back\\\\slash (talks) | Seoul ệ ǖ ﬁne nuclear " \
                   "missile Straße talks & north KOREAN summit envoys", word, " ")
    n_pub = split("Reuters AFP Yonhap", pub, " ")
    for (d = 0; d < docs; d++) {
        # Each document draws from its own stream, so that changing one
        # leaves the others as they were.
        state = seed * 7919 + d
        changed = variant == 1 && d % 5 == 0
        n = 1 + rnd(4) + (changed ? 1 : 0)
        day = rnd(90)
        date = (d % 17 == 0) ? "null" : ("\"" ymd(day) "\"")
        p = d % 4 == 3 ? "" : (",\"publisher\":\"" pub[1 + d % n_pub] "\"")
        for (r = 0; r < n; r++) {
            c = 1 + rnd(n_code)
            s = act[1 + rnd(n_act - 1)]
            t = act[1 + rnd(n_act)]
            sent = r < 2 ? r : rnd(3)
            text = sentence(d, sent, changed)
            printf "{\"doc\":\"doc%04d\",\"sent\":%d,\"date\":%s,\"source\":\"%s\"," \
                   "\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%s\",\"quad\":%d," \
                   "\"goldstein\":%s,\"plover\":\"P\",\"source_text\":\"%s\"," \
                   "\"target_text\":\"%s\",\"verb_text\":\"met\",\"pattern\":\"gen:%d\"," \
                   "\"text\":\"%s\"%s}\n",
                   d, sent, date, s, t, code[c], substr(code[c], 1, 2), quad[c], gold[c],
                   s, t, r, text, p
        }
    }
}

# A deterministic generator (a linear congruential one): 0..n-1.
function rnd(n) {
    state = (state * 1103515245 + 12345) % 2147483648
    return int(state / 65536) % n
}

# The sentence `sent` of document `d`: the same text for every record that
# names it, so that no record contradicts another.
function sentence(d, sent, changed,   k, out, i, h) {
    h = (d * 31 + sent * 7 + (changed ? 3 : 0)) % 1000
    k = 4 + h % 9
    out = ""
    for (i = 0; i < k; i++)
        out = out (i ? " " : "") word[1 + (h * (i + 3) + i * i) % n_word]
    gsub(/"/, "\\\"", out)
    return out
}

# "YYYY-MM-DD" of day `n` after 2019-12-20.
function ymd(n,   y, m, dd, len) {
    y = 2019; m = 12; dd = 20 + n
    split("31 29 31 30 31 30 31 31 30 31 30 31", len, " ")
    while (1) {
        ml = (m == 2) ? (y % 4 == 0 ? 29 : 28) : len[m]
        if (dd <= ml) break
        dd -= ml; m++
        if (m > 12) { m = 1; y++ }
    }
    return sprintf("%04d-%02d-%02d", y, m, dd)
}
