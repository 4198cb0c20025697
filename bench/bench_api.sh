#!/bin/sh
# bench_api.sh — wrk against annals serve's /api/series on a store of a
# million events or more, and the time of single dashboard requests.
#
#   bench/bench_api.sh [--build DIR] [--dir DIR] [--events N] [--duration S]
#                      [--connections C] [--threads T] [--server-threads N]
#
# 1. Builds the store DIR/bench_store.db (default /tmp/annals-bench-api) with
#    bench_store's generated news (--events records, default 1,050,000,
#    which aggregate into a little over a million events), unless it is
#    there already; remove it to build it anew.
# 2. Starts `annals serve` on 127.0.0.1 on a free port.
# 3. Times single requests of each endpoint the dashboard uses (curl, the
#    best of three) on a quiet server.
# 4. Runs wrk for --duration seconds (default 30) with --connections
#    (default 8) over --threads (default 2), sending bench_api.lua's mix of
#    /api/series requests (dyads, intervals, years); fails when any answer
#    is not 2xx or any socket error occurred.
# 5. Stops the server and prints its CPU time (user + sys, from /proc):
#    on a shared machine requests per CPU second say more than wall-clock
#    rates.
#
# Needs wrk (apt-get install wrk; scripts/setup-deps.sh bench) and curl.
# Only loopback is ever addressed, and every step is bounded in time.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=$here/../build-rel
dir=/tmp/annals-bench-api
events=1050000
duration=30
connections=8
threads=2
server_threads=4
while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --events) events=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
    *) echo "usage: bench_api.sh [--build DIR] [--dir DIR] [--events N] [--duration S]" \
            "[--connections C] [--threads T] [--server-threads N]" >&2
       exit 2 ;;
    esac
done
case $duration in *[!0-9]*|'') echo "bench_api: --duration wants seconds" >&2; exit 2 ;; esac
[ "$duration" -le 600 ] || { echo "bench_api: --duration is at most 600 s" >&2; exit 2; }
[ "$connections" -le 256 ] || { echo "bench_api: --connections is at most 256" >&2; exit 2; }

annals=$build/annals
bench_store=$build/bench/bench_store
for tool in wrk curl; do
    command -v $tool >/dev/null 2>&1 || {
        echo "bench_api: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
[ -x "$annals" ] && [ -x "$bench_store" ] || {
    echo "bench_api: build annals and bench_store first (ninja -C $build annals bench_store)" >&2
    exit 1; }

mkdir -p "$dir"
store=$dir/bench_store.db
if [ ! -f "$store" ]; then
    echo "== building the store ($events records; several minutes)"
    "$bench_store" --events "$events" --store-only --keep "$dir"
fi
# Opening for writing brings a store of an older annals up to date
# (loading nothing); the queries below open it read-only.
"$annals" load -q --db "$store" /dev/null
echo "== store"
"$annals" query --db "$store" --stats
ls -l "$store" | awk '{printf "file: %.1f MB\n", $5 / 1e6}'

log=$dir/serve.log
"$annals" serve --db "$store" --bind 127.0.0.1 --port 0 --web /nonexistent \
    --threads "$server_threads" 2>"$log" &
server=$!
stop_server() {
    if kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
}
trap stop_server EXIT INT TERM

# The address is on the server's first line once it listens (after it
# has brought an older store up to date, which can take a minute).
port=
for _ in $(seq 1 1200); do
    port=$(sed -n 's|^annals serve: http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "bench_api: the server did not start" >&2; cat "$log" >&2; exit 1; }
base=http://127.0.0.1:$port

cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$server/stat"
}
hz=$(getconf CLK_TCK)

echo "== single requests: wall seconds (best of 3) and the server's CPU seconds a request (mean of 3)"
for path in \
    "/api/series?interval=month" \
    "/api/series?interval=day" \
    "/api/series?dyad=IND,PAK&interval=month" \
    "/api/series?dyad=USA,CHN&interval=week" \
    "/api/series?source=USA&interval=month" \
    "/api/series?dyad=RUS,UKR&interval=day&from=2022-01-01&to=2022-12-31" \
    "/api/dyads?limit=20" \
    "/api/dyads?actor=PAK&limit=20" \
    "/api/actors?limit=20" \
    "/api/graph?limit=100" \
    "/api/graph?dyad=IND,PAK&limit=100" \
    "/api/events?limit=50" \
    "/api/events?dyad=IND,PAK&limit=50" \
    "/api/events?dyad=IND,PAK&limit=50&offset=1000" \
    "/api/events?source=USA&from=2020-03-01&to=2020-03-31&limit=50" \
    "/api/events?text=military+force&limit=50"; do
    best=
    c0=$(cpu_ticks)
    for _ in 1 2 3; do
        t=$(curl -s -o /dev/null -m 60 -w '%{http_code} %{time_total}' "$base$path")
        code=${t% *}
        [ "$code" = 200 ] || { echo "bench_api: $path answered $code" >&2; exit 1; }
        t=${t#* }
        best=$(awk -v a="${best:-$t}" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
    done
    c1=$(cpu_ticks)
    printf '%8.3f  %8.3f  %s\n' "$best" "$(awk -v a="$c0" -v b="$c1" -v hz="$hz" \
        'BEGIN { print (b - a) / hz / 3 }')" "$path"
done

echo "== wrk: /api/series, $connections connections, $threads threads, ${duration} s"
cmd="wrk -t$threads -c$connections -d${duration}s --timeout 10s -s $here/bench_api.lua $base"
echo "$cmd"
before=$(cpu_ticks)
out=$dir/wrk.out
# wrk stops itself after the duration; timeout is the backstop.
timeout $((duration + 60)) $cmd >"$out"
after=$(cpu_ticks)
cat "$out"
stop_server
trap - EXIT INT TERM

value() { sed -n "s/^$1 //p" "$out"; }
requests=$(value requests)
cpu=$(awk -v a="$before" -v b="$after" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz }')
echo "== summary"
echo "requests $requests in $(value seconds) s: $(value rps) requests/s (wall clock)"
echo "latency p50 $(value p50_ms) ms, p90 $(value p90_ms) ms, p99 $(value p99_ms) ms, max $(value max_ms) ms"
echo "server CPU (user+sys) $cpu s: $(awk -v r="$requests" -v c="$cpu" 'BEGIN { printf "%.0f", (c > 0 ? r / c : 0) }') requests per CPU second"
echo "non-2xx $(value non2xx), socket errors $(value socket_errors)"
echo "hardware: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$(value non2xx)" != 0 ] || [ "$(value socket_errors)" != 0 ] || [ -z "$requests" ]; then
    echo "bench_api: FAILED: errors under load" >&2
    exit 1
fi
