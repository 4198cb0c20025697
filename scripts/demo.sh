#!/bin/sh
# The main job on the bundled sample, from a clean checkout: installs what is
# missing, builds a Release annals, codes data/sample/ (event records as JSON
# lines on standard output), stores them, and — when run from a terminal —
# serves the dashboard on http://127.0.0.1:8080/ until Ctrl-C.
# ANNALS_DEMO_SERVE=0 stops after coding; ANNALS_WEB=OFF builds no dashboard.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup-deps.sh build
build=${ANNALS_BUILD:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANNALS_BUILD_TESTS=OFF \
    -DANNALS_WEB="${ANNALS_WEB:-ON}" >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" >&2
"$build/annals" code -q data/sample/*.jsonl
db="$build/sample.db"
rm -f "$db" "$db-wal" "$db-shm"
"$build/annals" code -q --db "$db" data/sample/*.jsonl
port=${ANNALS_DEMO_PORT:-8080}
if [ -t 0 ] && [ "${ANNALS_DEMO_SERVE:-1}" != 0 ]; then
    echo "annals: the sample's dashboard is at http://127.0.0.1:$port/ (Ctrl-C stops it)" >&2
    exec "$build/annals" serve -q --db "$db" --port "$port" --web "$build/web/dist"
fi
echo "annals: to see the dashboard: $build/annals serve --db $db --web $build/web/dist" >&2
echo "        then open http://127.0.0.1:$port/" >&2
