#!/bin/sh
# bench_pg_load.sh — the CPU time of `annals load` into a new PostgreSQL
# store, in annals and in the server's backend, beside the same load into a
# new SQLite store; then the same file loaded again (every document
# unchanged).  CPU time (user + sys), not wall time: the machine is shared.
#
# The records are tests/store/gen-records.awk's (documents of 1-4 records,
# sentences full of what tokenizers disagree on), on a throwaway server
# (tests/store/pg-server.sh: fsync off, autovacuum off so that no worker's
# time is counted).  The backend's time is read from the postmaster's
# cutime + cstime (its children that have ended) before and after a load.
#
# Usage: bench_pg_load.sh ANNALS SOURCE_DIR [DOCUMENTS [RUNS]]
#   e.g. bench/bench_pg_load.sh build-rel/annals . 20000 3
set -u
annals=$1
src=$2
docs=${3:-20000}
runs=${4:-1}
case $annals in /*) ;; *) annals=$PWD/$annals ;; esac
case $src in /*) ;; *) src=$PWD/$src ;; esac
here=$src/tests/store
export ANNALS_DATA="${ANNALS_DATA:-$src/data}"

skip() {
    echo "skipped: $*" >&2
    exit 77
}
pg_server_opts="-c autovacuum=off"
. "$here/pg-server.sh"

awk -v docs="$docs" -v seed=3 -f "$here/gen-records.awk" >"$tmp/records.jsonl"
records=$(wc -l <"$tmp/records.jsonl")
hz=$(getconf CLK_TCK)
postmaster=$(head -1 "$pgdata/postmaster.pid")

# The CPU seconds of the server's ended children so far.
server_cpu() {
    awk -v hz="$hz" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($14 + $15) / hz }' \
        "/proc/$postmaster/stat"
}

# Runs `annals load -q --db DB FILE`; prints its CPU seconds and the
# server's (0 for SQLite).
load() {
    before=$(server_cpu)
    /usr/bin/time -f "%U %S" -o "$tmp/time" "$annals" load -q --db "$1" "$tmp/records.jsonl" ||
        { echo "FAIL: annals load --db $1"; exit 1; }
    # The backend has ended with the connection; let the postmaster reap it.
    sleep 1
    after=$(server_cpu)
    awk -v b="$before" -v a="$after" -v pg="$2" \
        '{ printf "%.2f %.2f\n", $1 + $2, pg ? a - b : 0 }' "$tmp/time"
}

report() { # WHAT CLIENT SERVER
    awk -v w="$1" -v c="$2" -v s="$3" -v n="$records" 'BEGIN {
        printf "%-28s annals %6.2f s  server %6.2f s  together %6.2f s: %7.0f records/CPU s\n",
               w, c, s, c + s, n / (c + s) }'
}

echo "$records records of $docs documents"
run=0
while [ $run -lt "$runs" ]; do
    run=$((run + 1))
    rm -f "$tmp/store.db"*
    set -- $(load "$tmp/store.db" 0)
    report "SQLite, new store" "$1" "$2"
    set -- $(load "$tmp/store.db" 0)
    report "SQLite, loaded again" "$1" "$2"
    sql postgres "DROP DATABASE IF EXISTS bench" >/dev/null
    sql postgres "CREATE DATABASE bench" >/dev/null
    set -- $(load "$(url bench)" 1)
    report "PostgreSQL, new store" "$1" "$2"
    set -- $(load "$(url bench)" 1)
    report "PostgreSQL, loaded again" "$1" "$2"
done
