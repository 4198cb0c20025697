#!/bin/sh
# The main job on the bundled sample, from a clean checkout: installs what is
# missing, builds a Release annals and codes data/sample/, printing its
# event records as JSON lines.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup-deps.sh build
build=${ANNALS_BUILD:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANNALS_BUILD_TESTS=OFF \
    -DANNALS_WEB="${ANNALS_WEB:-ON}" >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" >&2
"$build/annals" code data/sample/*.jsonl
