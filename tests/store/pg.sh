#!/bin/sh
# pg.sh — the PostgreSQL store against the SQLite one.  Starts a throwaway
# PostgreSQL server (initdb into a temporary folder, pg_ctl on 127.0.0.1 and
# a free port), then:
#   1. runs the golden load and query cases (tests/cli/cases/load-*,
#      query-*) with every --db turned into a database of that server, and
#      compares with what SQLite gave (expected.out, expected.err, exit);
#   2. loads the same generated records into both back ends and compares
#      every filter, text search (with tsquery and FTS5 syntax in the words)
#      and aggregate, re-ingestion, replacement and a new window;
#   3. codes the bundled sample into both with annals code --db;
#   4. serves both stores and compares /api/documents/ID, a page of
#      /api/events, series (with their QuadClass counts) and top lists;
#   5. kills a PostgreSQL load with SIGKILL mid-way and checks that what was
#      committed is whole and the events agree with the mentions, and that
#      loading again completes the store;
#   6. migrates a version-1 store, refuses a newer one and a database that is
#      not a store, and masks a password in messages.
# The server is stopped and the folder removed however the script ends.
# Exit 0 passed, 1 failed, 77 skipped (no libpq in this build, no
# initdb/pg_ctl, or root without a postgres user to run the server as).
# Usage: pg.sh ANNALS SOURCE_DIR [TEST_STORE_DOCUMENT]
# (the last, the unit test binary, is then run on a database of the server).
set -u
annals=$1
src=$2
unit=${3:-}
case $annals in /*) ;; *) annals=$PWD/$annals ;; esac
case $src in /*) ;; *) src=$PWD/$src ;; esac
here=$src/tests/store
cases=$src/tests/cli/cases
export ANNALS_DATA="${ANNALS_DATA:-$src/data}"

skip() {
    echo "skipped: $*" >&2
    exit 77
}

# The build: without libpq a postgresql:// store is refused, and says why.
out=$("$annals" query --db 'postgresql://annals:s3cret@127.0.0.1:1/none' 2>&1)
case $out in
*"not supported in this build"*)
    echo "$out" | grep -q s3cret && { echo "FAIL: the password shows: $out"; exit 1; }
    skip "this annals was built without libpq: $out" ;;
esac

# The server, stopped and removed however this script ends.
. "$here/pg-server.sh"
newdb() { sql postgres "CREATE DATABASE $1" >/dev/null || fail "CREATE DATABASE $1"; }

failed=0
fail() {
    echo "FAIL: $*"
    failed=1
}

# ---- 1. the golden cases, --db turned into a new database per store --
cat >"$tmp/annals-pg" <<EOF
#!/bin/sh
# Runs annals with each --db PATH replaced by a database named after PATH.
n=\$#; next=0
for a in "\$@"; do
    if [ \$next = 1 ]; then
        case \$a in /*) p=\$a ;; *) p=\$PWD/\$a ;; esac
        name=s_\$(printf '%s' "\$p" | md5sum | cut -c1-20)
        [ "\$("$psql_bin" -X -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '\$name'")" = 1 ] ||
            "$psql_bin" -X -q -d postgres -c "CREATE DATABASE \$name" >/dev/null
        a=postgresql://annals@127.0.0.1:$port/\$name
        next=0
    fi
    [ "\$a" = --db ] && next=1
    set -- "\$@" "\$a"
done
shift \$n
exec "$annals" "\$@"
EOF
chmod +x "$tmp/annals-pg"
for dir in "$cases"/load-basic "$cases"/load-replace "$cases"/load-bad-records \
           "$cases"/query-filters "$cases"/query-aggregates; do
    name=${dir##*/}
    (cd "$dir" && ANNALS=$tmp/annals-pg sh ./cmd >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null)
    rc=$?
    want=0
    [ -f "$dir/expected.rc" ] && want=$(cat "$dir/expected.rc")
    [ $rc = "$want" ] || fail "$name: exit $rc, SQLite's $want"
    diff -u "$dir/expected.out" "$tmp/$name.out" || fail "$name: standard output differs"
    if [ -f "$dir/expected.err" ]; then
        diff -u "$dir/expected.err" "$tmp/$name.err" || fail "$name: standard error differs"
    fi
done

# ---- 2. the same records into both back ends ---------------------------
awk -v docs=300 -f "$here/gen-records.awk" >"$tmp/v1.jsonl"
awk -v docs=300 -v variant=1 -f "$here/gen-records.awk" >"$tmp/v2.jsonl"
lite=$tmp/both.db
newdb s_both
pg=$(url s_both)
# Runs `annals ARGS` on both stores: standard output, standard error (the
# store's name taken out) and exit status must agree.
n_cmp=0
both() {
    n_cmp=$((n_cmp + 1))
    sub=$1
    shift
    "$annals" "$sub" --db "$lite" "$@" >"$tmp/lite.out" 2>"$tmp/lite.err"
    lrc=$?
    "$annals" "$sub" --db "$pg" "$@" >"$tmp/pg.out" 2>"$tmp/pg.err"
    prc=$?
    sed -e "s|$lite|STORE|g" "$tmp/lite.err" >"$tmp/lite.err2"
    sed -e "s|$pg|STORE|g" "$tmp/pg.err" >"$tmp/pg.err2"
    if [ $lrc != $prc ] || ! cmp -s "$tmp/lite.out" "$tmp/pg.out" ||
        ! cmp -s "$tmp/lite.err2" "$tmp/pg.err2"; then
        fail "annals $sub $*: SQLite and PostgreSQL differ (exit $lrc and $prc)"
        diff -u "$tmp/lite.out" "$tmp/pg.out" | head -20
        diff -u "$tmp/lite.err2" "$tmp/pg.err2" | head -6
    fi
}
queries() {
    both query --format jsonl
    both query --events --format csv
    both query --stats
    for iv in day week month year; do both query --count-by $iv --format csv; done
    both query --top-dyads 7 --format csv
    both query --top-actors 7 --format csv
    both query --top-actors 3 --text envoy --format json
    both query --count-by week --text talks --format csv
    both query --source PRK --format csv
    both query --target KOR --from 2020-01-15 --format csv
    both query --actor USA --to 2020-02-01 --format jsonl
    both query --dyad USA,PRK --format csv
    both query --events --dyad KOR,CHN --format csv
    both query --root 13 --quad 3 --format csv
    both query --code 0311 --format csv
    both query --from 2020-02-01 --to 2020-02-10 --events --format json
    both query --actor --- --format csv
    both query --limit 5 --format csv
    both query --events --limit 3 --format csv
    # Words as FTS5 cuts them: abbreviations, typographic apostrophes,
    # diacritics and case folded, hyphens and punctuation splitting, other
    # scripts; and query syntax of both engines taken as words.
    for words in "u.s." "U.S" "u" "s" "kim’s" "kim" "cafe" "CAFÉ" "naive" \
                 "al-sudani" "sudani" "3.5" "5" "москва" "МОСКВА" "x" "x_y" "AT&T" \
                 "t" "don't" "&" "!urgent" "a:*" "<->" "'quoted'" "back\\slash" \
                 "(talks)" "|" "seoul | missile" "north KOREAN" "ệ" "e" "ǖ" "u" \
                 "ﬁne" "fine" "straße" "strasse" "envoy envoys" "NOT" "talks OR" \
                 '"talks' 'sanctions*' 'nuclear:' "!!!" "aide !!!"; do
        both query --text "$words" --format csv
        both query --events --text "$words" --format csv
    done
}
both load "$tmp/v1.jsonl"
queries
# The same file again adds nothing; a second version replaces what changed.
both load "$tmp/v1.jsonl"
both load "$tmp/v2.jsonl"
queries
both load -q --dedup-days 3 "$tmp/v2.jsonl"
both query --events --format csv
both query --count-by month --format csv
both query --top-dyads 5 --format csv
both load -q --dedup-days 0 "$tmp/v1.jsonl"
both query --events --format csv
both query --stats

# Phrases across what takes no position (a "word" of nothing but a
# combining diacritic, which FTS5 drops) and what does though PostgreSQL
# cannot index it (a word of over 2 kB): the distances must be FTS5's.
# (That word alone is not searched for: PostgreSQL has no lexeme for it,
# a limit doc/store.md states.)
long=$(awk 'BEGIN { while (n++ < 2100) printf "y" }')
rec() { # DOC TEXT
    printf '{"doc":"%s","sent":0,"date":"2020-01-02","source":"USA","target":"PRK",' "$1"
    printf '"code":"042","root":"04","quad":1,"goldstein":1.5,"plover":"P",'
    printf '"source_text":"U","target_text":"P","verb_text":"met","pattern":"gen:0",'
    printf '"text":"%s"}\n' "$2"
}
{
    rec gap1 "alpha \u0301 beta gamma"
    rec gap2 "alpha.\u0301.beta x.$long.z"
    rec gap3 "alpha beta x z"
} >"$tmp/gaps.jsonl"
lite=$tmp/gaps.db
newdb s_gaps
pg=$(url s_gaps)
both load -q "$tmp/gaps.jsonl"
for words in "alpha.beta" "alpha.\u0301.beta" "beta" "x.z" "x.$long.z" "z"; do
    # the JSON escape written as the character itself
    words=$(printf '%s' "$words" | sed 's/\\u0301/\xcc\x81/')
    both query --text "$words" --format csv
done

# ---- 3. annals code --db into both -------------------------------------
lite=$tmp/code.db
newdb s_coded
pg=$(url s_coded)
both code -q -j 1 "$src/data/sample/news.jsonl"
coded=$("$annals" query --db "$pg" --stats 2>&1 | awk '$1 == "mentions" { print $2 }')
[ "${coded:-0}" -gt 0 ] || fail "annals code --db stored no event: $(cat "$tmp/pg.err")"
both code -q -j 1 "$src/data/sample/news.jsonl"
both query --format jsonl
both query --events --format csv
both query --stats

# ---- 4. the server over both: a document and a page of events ----------
serve_get() { # STORE PATH... -> the answers, one a line
    "$annals" serve --db "$1" --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
    spid=$!
    shift
    addr=""
    for i in $(seq 1 100); do
        addr=$(grep -ho 'http://[0-9.:]*' "$tmp/serve.err" 2>/dev/null | head -1)
        [ -n "$addr" ] && break
        kill -0 $spid 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$addr" ]; then
        echo "no address"
        cat "$tmp/serve.err"
    else
        for p in "$@"; do
            curl -s "$addr$p"
            echo
        done
    fi
    kill $spid 2>/dev/null
    wait $spid 2>/dev/null
}
if command -v curl >/dev/null 2>&1; then
    lite=$tmp/both.db
    pg=$(url s_both)
    doc=$(sed -n 's/.*"doc":"\(doc0005\)".*/\1/p' "$tmp/v1.jsonl" | head -1)
    paths="/api/documents/$doc /api/documents/nosuchdoc /api/events?offset=3&limit=4&actor=USA
           /api/series?interval=month /api/series?interval=week&actor=USA
           /api/series?interval=day&text=talks /api/dyads /api/actors?from=2020-01-10"
    # shellcheck disable=SC2086
    serve_get "$lite" $paths >"$tmp/serve.lite"
    # shellcheck disable=SC2086
    serve_get "$pg" $paths >"$tmp/serve.pg"
    grep -q '"sentences"' "$tmp/serve.pg" || fail "serve over PostgreSQL: no document"
    cmp -s "$tmp/serve.lite" "$tmp/serve.pg" ||
        { fail "serve: SQLite and PostgreSQL answers differ"; diff "$tmp/serve.lite" "$tmp/serve.pg" | head; }
else
    echo "note: no curl, the server part is left out"
fi

# ---- 5. SIGKILL in the middle of a load --------------------------------
awk -v docs=3000 -v seed=11 -f "$here/gen-records.awk" >"$tmp/big.jsonl"
newdb s_crash
pg=$(url s_crash)
"$annals" load -q --batch 300 --db "$pg" "$tmp/big.jsonl" 2>"$tmp/crash.err" &
lpid=$!
# Kill once some batches are committed, before the end.
for i in $(seq 1 600); do
    n=$(sql s_crash "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 200 ] && break
    kill -0 $lpid 2>/dev/null || break
    sleep 0.05
done
kill -KILL $lpid 2>/dev/null
wait $lpid 2>/dev/null
docs=$(sql s_crash "SELECT count(*) FROM documents")
total=$(grep -o '"doc":"[^"]*"' "$tmp/big.jsonl" | sort -u | wc -l)
echo "crash test: $docs of $total documents committed when the loader was killed"
[ "$docs" -gt 0 ] && [ "$docs" -lt "$total" ] ||
    echo "note: the kill came at an edge ($docs of $total); the checks still apply"
# Every committed document has all its records ...
grep -o '"doc":"[^"]*"' "$tmp/big.jsonl" | sort | uniq -c |
    awk '{ gsub(/"doc":|"/, "", $2); print $2 "|" $1 }' | sort >"$tmp/file.counts"
sql s_crash "SELECT d.id || '|' || count(*) FROM documents d JOIN mentions m ON m.doc = d.key
           GROUP BY d.id ORDER BY d.id" | sort >"$tmp/db.counts"
missing=$(comm -13 "$tmp/file.counts" "$tmp/db.counts" | wc -l)
[ "$missing" = 0 ] || fail "crash: $missing documents with a part of their records"
# ... and the events agree with the mentions, with nothing left queued.
bad=$(sql s_crash "SELECT count(*) FROM (SELECT source, target, code, bucket, count(*) AS n
        FROM mentions GROUP BY 1, 2, 3, 4) m FULL JOIN events e
        USING (source, target, code, bucket) WHERE m.n IS DISTINCT FROM e.num_mentions")
[ "$bad" = 0 ] || fail "crash: $bad events disagree with the mentions"
[ "$(sql s_crash 'SELECT count(*) FROM event_dirty')" = 0 ] || fail "crash: event_dirty not empty"
# Loading again completes the store: the same answers as SQLite's.
"$annals" load -q --db "$pg" "$tmp/big.jsonl" || fail "crash: loading again failed"
lite=$tmp/crash.db
"$annals" load -q --db "$lite" "$tmp/big.jsonl"
both query --stats
both query --events --format csv
both query --count-by week --format csv

# ---- 6. migrations, refusals, messages --------------------------------
# A version-1 store (the schema of pg_schema.c's first script, by hand).
newdb s_old
sql s_old "CREATE TABLE schema_version (version integer NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE settings (key text COLLATE \"C\" PRIMARY KEY, value text NOT NULL);
CREATE TABLE documents (key bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  id text COLLATE \"C\" NOT NULL UNIQUE, hash bigint NOT NULL, date text COLLATE \"C\",
  url text, title text, publisher text COLLATE \"C\");
CREATE TABLE sentences (doc bigint NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx bigint NOT NULL, kind integer NOT NULL DEFAULT 0, text text COLLATE \"C\" NOT NULL,
  UNIQUE (doc, idx));
CREATE TABLE mentions (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  doc bigint NOT NULL REFERENCES documents(key) ON DELETE CASCADE, sent bigint NOT NULL,
  date text COLLATE \"C\", source text COLLATE \"C\" NOT NULL, target text COLLATE \"C\" NOT NULL,
  code text COLLATE \"C\" NOT NULL, root text COLLATE \"C\" NOT NULL, quad integer NOT NULL,
  goldstein double precision NOT NULL, plover text NOT NULL, source_text text NOT NULL,
  target_text text NOT NULL, verb_text text NOT NULL, pattern text NOT NULL);
INSERT INTO documents (id, hash, date, publisher) VALUES ('old1', 0, '2020-05-01', 'AFP');
INSERT INTO sentences VALUES (1, 0, 0, 'The U.S. envoy met Kim’s aide.');
INSERT INTO mentions (doc, sent, date, source, target, code, root, quad, goldstein, plover,
  source_text, target_text, verb_text, pattern) VALUES
  (1, 0, '2020-05-01', 'USA', 'PRK', '042', '04', 1, 1.9, 'CONSULT', 'envoy', 'aide', 'met', 'x:1'),
  (1, 0, '2020-05-01', 'USA', 'PRK', '042', '04', 1, 1.9, 'CONSULT', 'envoy', 'aide', 'met', 'x:2');"
# A reader does not migrate (annals query opens read-only); a writer does.
out=$("$annals" query --db "$(url s_old)" --stats 2>&1)
echo "$out" | grep -q "has schema version 1 and needs migrating to 2" ||
    fail "read-only open of a version-1 store: $out"
: >"$tmp/empty.jsonl"
"$annals" load -q --db "$(url s_old)" "$tmp/empty.jsonl" || fail "migrating by annals load"
out=$("$annals" query --db "$(url s_old)" --events --text "kim" --format csv 2>&1)
echo "$out" | grep -q '^2020-05-01,2020-05-01,USA,PRK,042,04,1,1.9,2,1,1$' ||
    fail "migration from version 1: $out"
[ "$(sql s_old 'SELECT version FROM schema_version')" = 2 ] || fail "migration: not at version 2"
sql s_old "UPDATE schema_version SET version = 99"
out=$("$annals" query --db "$(url s_old)" --stats 2>&1)
echo "$out" | grep -q "schema version 99, newer than the 2" || fail "newer schema: $out"
newdb s_other
sql s_other "CREATE TABLE t (x integer)"
out=$("$annals" load --db "$(url s_other)" "$tmp/v1.jsonl" 2>&1)
echo "$out" | grep -q "not an annals store" || fail "not a store: $out"
out=$("$annals" query --db "postgresql://annals:s3cret@127.0.0.1:$port/nosuchdb" 2>&1)
rc=$?
[ $rc = 1 ] || fail "missing database: exit $rc"
echo "$out" | grep -q 'annals:\*\*\*@.*nosuchdb.*does not exist' || fail "missing database: $out"
echo "$out" | grep -q s3cret && fail "the password shows: $out"
out=$("$annals" query --db "postgres://annals@127.0.0.1:$port/s_both?password=s3cret" --stats 2>&1)
echo "$out" | grep -q "^documents" || fail "postgres:// URL: $out"

# ---- 7. the C API's document call and offsets, on PostgreSQL ----------
if [ -n "$unit" ]; then
    newdb s_unit
    ANNALS_TEST_PG_URL=$(url s_unit) "$unit" >"$tmp/unit.log" 2>&1 ||
        { cat "$tmp/unit.log"; fail "$unit on PostgreSQL"; }
    [ "$(grep -c 'PASSED' "$tmp/unit.log")" = 2 ] || fail "$unit did not run on PostgreSQL"
fi

echo "$n_cmp commands compared on both back ends"
[ $failed = 0 ] && echo "PostgreSQL store: all checks passed"
exit $failed
