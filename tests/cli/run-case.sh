#!/bin/sh
# Runs one golden command-line case: $1 is the case folder, $2 the annals
# binary.  Compares standard output (and standard error when expected.err
# exists) and the exit status; prints a diff when they differ.
set -u
dir=$1
ANNALS=$2
export ANNALS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 1
sh ./cmd >"$tmp/out" 2>"$tmp/err" </dev/null
rc=$?
want_rc=0
[ -f expected.rc ] && want_rc=$(cat expected.rc)
fail=0
if [ "$rc" = 77 ] && [ "$want_rc" != 77 ]; then
    echo "skipped: $(cat "$tmp/err")"
    exit 77
fi
if [ "$rc" != "$want_rc" ]; then
    echo "exit status $rc, expected $want_rc"
    fail=1
fi
if ! diff -u expected.out "$tmp/out"; then
    echo "standard output differs"
    fail=1
fi
if [ -f expected.err ] && ! diff -u expected.err "$tmp/err"; then
    echo "standard error differs"
    fail=1
fi
[ $fail = 0 ] || { echo "--- stderr:"; cat "$tmp/err"; }
exit $fail
