#!/bin/sh
# segmentation.sh ANNALS SEG_RUN GOLD.conllu MINS — raw text of GOLD through
# the segmenter, scored against GOLD; fails when an F1 is below MINS.
annals=$1 seg_run=$2 gold=$3 mins=$4
if [ ! -r "$gold" ]; then
    echo "skipped: $gold not found (reference data ../shared absent)"
    exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$annals" eval --text "$gold" > "$tmp/raw.txt" || exit 1
"$seg_run" "$tmp/raw.txt" > "$tmp/system.conllu" || exit 1
"$annals" eval --min "$mins" "$gold" "$tmp/system.conllu"
