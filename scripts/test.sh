#!/bin/sh
# The whole test suite, from a clean checkout: installs what is missing,
# builds with AddressSanitizer + UndefinedBehaviorSanitizer and -Werror,
# and runs every test with CTest.  Tests that need the reference data in
# ../shared say so and skip when it is absent.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup-deps.sh test
build=${ANNALS_TEST_BUILD:-build-test}
jobs=$(nproc 2>/dev/null || echo 2)
CC=clang cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DANNALS_WEB="${ANNALS_WEB:-ON}" -DANNALS_WERROR=ON -DANNALS_SANITIZE=ON -DANNALS_FUZZ=ON >/dev/null
cmake --build "$build" -j "$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
exec ctest --output-on-failure --timeout 900 -j "$jobs"
