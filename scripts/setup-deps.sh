#!/bin/sh
# Installs the Debian packages annals needs to build and test, when they are
# missing.  As root it runs apt-get; otherwise it prints the exact apt-get
# line and stops.  Usage: scripts/setup-deps.sh [build|test|bench]
# With ANNALS_WEB=OFF in the environment the dashboard's packages (Node.js,
# npm, Chromium) are left out, as cmake -DANNALS_WEB=OFF leaves it out.
set -eu
what=${1:-build}

# Build: compiler, CMake + Ninja, and the libraries the library links
# (libpq for PostgreSQL stores: optional to the build, which leaves them out
# without it, but wanted).
pkgs="gcc cmake ninja-build pkg-config libutf8proc-dev libjansson-dev libpcre2-dev
zlib1g-dev libxml2-dev libsqlite3-dev libxxhash-dev libmicrohttpd-dev libpq-dev"
# Tests: cmocka, clang with libFuzzer for the fuzz smoke runs; WordNet's
# dictionary files for retraining the lemmatiser (`ninja models`); the
# PostgreSQL server, whose initdb and pg_ctl tests/store/pg.sh runs.
if [ "$what" = test ]; then
    pkgs="$pkgs libcmocka-dev clang libclang-rt-14-dev wordnet-base postgresql"
fi
# Benchmarks, optional (never needed to build or test): wrk and curl for
# bench/bench_api.sh, the load test of annals serve.
if [ "$what" = bench ]; then
    pkgs="$pkgs wrk curl"
fi
# The web dashboard (cmake -DANNALS_WEB=ON, the default when npm is there):
# node and npm build it from npm packages; its browser test drives chromium.
if [ "${ANNALS_WEB:-ON}" != OFF ]; then
    pkgs="$pkgs nodejs npm"
    [ "$what" = test ] && pkgs="$pkgs chromium"
fi

# A program that is already there counts whatever package brought it (a
# machine may have Node.js from elsewhere, whose npm is not Debian's).
provided() {
    case $1 in
    nodejs) command -v node >/dev/null 2>&1 ;;
    npm) command -v npm >/dev/null 2>&1 ;;
    chromium) command -v chromium >/dev/null 2>&1 ;;
    postgresql) command -v initdb >/dev/null 2>&1 ||
        ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ;;
    *) return 1 ;;
    esac
}

missing=""
for p in $pkgs; do
    provided "$p" && continue
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "annals needs these Debian packages; please run:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 || echo "apt-get update failed; trying the cached lists" >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
