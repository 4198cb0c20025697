#!/bin/sh
# Tags and lemmatises a gold treebank with the shipped model (the given
# tokens kept) and scores it: tagger.sh ANNALS GOLD MINIMUMS
# (e.g. UPOS=95,XPOS=94.3,Lemmas=96.5).  Exit 77 when GOLD is absent.
annals=$1 gold=$2 mins=$3
if [ ! -r "$gold" ]; then
    echo "skipped: $gold not found (the reference data ../shared is needed)"
    exit 77
fi
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
"$annals" parse --input conllu "$gold" >"$out" || exit 1
"$annals" eval --min "$mins" "$gold" "$out"
