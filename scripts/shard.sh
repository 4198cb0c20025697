#!/bin/sh
# shard.sh — codes a set of inputs with several local `annals code` workers
# and loads what they write into one store.  The local half of the recipe
# in doc/scale.md: on many machines, each machine runs this (or one
# worker) over its shard and the event files are loaded at the end.
#
#   scripts/shard.sh [-n N] [-w DIR] [-a ANNALS] [-k] [--date D] --db DB INPUT...
#
#   -n N       workers (default: the processor cores online)
#   -w DIR     work folder for the shards and the event files (default: a
#              temporary folder, removed at the end unless -k)
#   -a ANNALS  the annals binary (default: $ANNALS, else annals on PATH)
#   -k         keep the work folder
#   --date D   YYYY-MM-DD date of documents that carry none (annals code)
#   --db DB    the store the events are loaded into
#
# Plain .jsonl/.ndjson inputs are cut into N pieces at line ends (a
# document is one line, so never split); every other input (text, HTML,
# WARC, compressed files) goes whole to one worker, round robin, under its
# own name (a text file's name is its document id).  Each
# worker runs `annals code -q -j 1` on its shard, writing event records to
# DIR/events-K.jsonl and its diagnostics to DIR/events-K.err, which are
# printed at the end.  Workers run under GNU parallel when it is
# installed, else under xargs -P; SHARD_RUNNER=parallel or xargs chooses.  Loading is idempotent per document, so
# running the script again over the same inputs adds nothing.
#
# Exit status: 0 all went well, 1 some records were skipped or a worker or
# the load failed, 2 usage error.
set -u

usage() {
    sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2
    exit 2
}

n=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
work=
keep=0
db=
date=
annals=${ANNALS:-annals}
while [ $# -gt 0 ]; do
    case $1 in
    -n) [ $# -ge 2 ] || usage; n=$2; shift 2 ;;
    -w) [ $# -ge 2 ] || usage; work=$2; keep=1; shift 2 ;;
    -a) [ $# -ge 2 ] || usage; annals=$2; shift 2 ;;
    -k) keep=1; shift ;;
    --db) [ $# -ge 2 ] || usage; db=$2; shift 2 ;;
    --date) [ $# -ge 2 ] || usage; date=$2; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "shard.sh: unknown option '$1'" >&2; usage ;;
    *) break ;;
    esac
done
case $n in
''|*[!0-9]*|0) echo "shard.sh: -n wants a number of workers from 1, not '$n'" >&2; exit 2 ;;
esac
[ -n "$db" ] || { echo "shard.sh: --db DB is needed" >&2; exit 2; }
[ $# -gt 0 ] || { echo "shard.sh: no INPUT given" >&2; exit 2; }
for f in "$@"; do
    [ -r "$f" ] || { echo "shard.sh: cannot read '$f'" >&2; exit 2; }
done

if [ -z "$work" ]; then
    work=$(mktemp -d) || exit 1
    [ $keep = 1 ] || trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/in" || exit 1

# ---- split: shard K gets the files in $work/in/K/ ---------------------
k=0
while [ $k -lt "$n" ]; do mkdir -p "$work/in/$k" || exit 1; k=$((k + 1)); done
i=0
next=0
for f in "$@"; do
    i=$((i + 1))
    base=$(basename "$f")
    case $f in
    *.jsonl|*.ndjson)
        # Suffixes 0 .. N-1 name the shard; every piece keeps the .jsonl
        # kind.  With fewer lines than shards some pieces are empty.
        split -n "l/$n" -a 6 -d "$f" "$work/in/piece-$i-" || exit 1
        k=0
        while [ $k -lt "$n" ]; do
            mv "$work/in/piece-$i-$(printf %06d $k)" "$work/in/$k/$i-$base" || exit 1
            k=$((k + 1))
        done
        ;;
    *)
        mkdir -p "$work/in/$next/$i" &&
            ln -s "$(cd "$(dirname "$f")" && pwd)/$base" "$work/in/$next/$i/$base" || exit 1
        next=$(((next + 1) % n))
        ;;
    esac
done

# ---- code: one worker a shard -----------------------------------------
# The worker writes its exit status beside its events, so that a failure
# is seen whichever tool ran it.
cat >"$work/worker.sh" <<'WORKER'
k=$1 annals=$2 work=$3 date=$4
set -- $(find "$work/in/$k" -mindepth 1 \( -type f -o -type l \) | sort)
if [ $# -gt 0 ]; then
    [ -z "$date" ] || set -- --date "$date" "$@"
    "$annals" code -q -j 1 "$@" >"$work/events-$k.jsonl" 2>"$work/events-$k.err"
    echo $? >"$work/events-$k.rc"
else
    : >"$work/events-$k.jsonl"; : >"$work/events-$k.err"; echo 0 >"$work/events-$k.rc"
fi
WORKER
shards=$(seq 0 $((n - 1)))
runner=${SHARD_RUNNER:-auto}
if [ "$runner" = auto ]; then
    runner=xargs
    if command -v parallel >/dev/null 2>&1 && parallel --version 2>/dev/null | grep -q GNU; then
        runner=parallel
    fi
fi
case $runner in
parallel|xargs) ;;
*) echo "shard.sh: SHARD_RUNNER wants parallel or xargs, not '$runner'" >&2; exit 2 ;;
esac
if [ "$runner" = parallel ]; then
    printf '%s\n' $shards | parallel -j "$n" sh "$work/worker.sh" {} "$annals" "$work" "$date"
else
    printf '%s\n' $shards | xargs -P "$n" -I{} sh "$work/worker.sh" {} "$annals" "$work" "$date"
fi

status=0
for k in $shards; do
    cat "$work/events-$k.err" >&2
    rc=$(cat "$work/events-$k.rc" 2>/dev/null || echo 1)
    if [ "$rc" != 0 ]; then
        [ "$rc" = 1 ] || echo "shard.sh: worker $k exited with status $rc" >&2
        status=1
    fi
done

# ---- merge: one load of every event file --------------------------------
set --
for k in $shards; do set -- "$@" "$work/events-$k.jsonl"; done
"$annals" load -q --db "$db" "$@" || status=1
exit $status
