#!/bin/sh
# Runs a PETRARCH validation file or a TABARI .project (../shared) through annals
# from the raw text and fails when fewer than $3 records are coded exactly
# right; skipped (77) when the data is absent.
# Usage: petrarch.sh ANNALS XMLFILE MIN
annals=$1 xml=$2 min=$3
if [ ! -f "$xml" ]; then
    echo "skipped: $xml is absent (the ../shared reference data)" >&2
    exit 77
fi
out=$("$annals" validate --min "$min" "$xml" 2>/dev/null)
rc=$?
echo "$out" | tail -n 1
[ $rc = 0 ] || echo "fewer than $min records right" >&2
exit $rc
