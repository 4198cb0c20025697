#!/bin/sh
# parser-jackknife.sh — a training treebank with jackknifed predicted tags,
# for training the dependency parser on the kind of tags it gets at run
# time.  The treebank is cut into K blocks of consecutive sentences; for
# each block a tagger is trained on the other blocks and tags it (UPOS and
# XPOS only; every other column is kept).  The blocks are joined back in
# their order.
#
#   sh scripts/parser-jackknife.sh BUILD_DIR TRAIN.conllu OUT.conllu [K [RUNS]]
#
# With RUNS > 1 each tagger is the mean of RUNS training runs, as the
# tagger that runs then is (scripts/train-tagger.sh, `annals train --runs`).
# BUILD_DIR holds `annals` and `tests/parser_retag`.  Takes K tagger
# trainings (about half a minute of CPU each on EWT).  The taggers read
# WordNet as the shipped one does (their word table marks what WordNet
# says a form can be): from $WORDNET_DIR, /usr/share/wordnet by default.
set -eu
if [ $# -lt 3 ]; then
    echo "usage: sh scripts/parser-jackknife.sh BUILD_DIR TRAIN.conllu OUT.conllu [K [RUNS]]" >&2
    exit 2
fi
build=$1
train=$2
out=$3
k=${4:-5}
runs=${5:-1}
wordnet=${WORDNET_DIR:-/usr/share/wordnet}
[ -r "$wordnet/index.verb" ] || { echo "parser-jackknife: no WordNet in $wordnet (set WORDNET_DIR)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/annals-jackknife.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Paragraph mode: one record per sentence (its comments included).
awk -v k="$k" -v dir="$tmp" 'BEGIN { RS = ""; ORS = "\n\n" }
    { s[NR] = $0 }
    END { for (i = 1; i <= NR; i++) print s[i] > (dir "/fold" int((i - 1) * k / NR) ".conllu") }' "$train"

: > "$out.tmp"
i=0
while [ "$i" -lt "$k" ]; do
    : > "$tmp/rest.conllu"
    j=0
    while [ "$j" -lt "$k" ]; do
        [ "$j" -ne "$i" ] && cat "$tmp/fold$j.conllu" >> "$tmp/rest.conllu"
        j=$((j + 1))
    done
    echo "parser-jackknife: fold $((i + 1))/$k: training a tagger" >&2
    "$build/annals" train tagger --runs "$runs" --train "$tmp/rest.conllu" --wordnet "$wordnet" \
        -o "$tmp/tagger.annm" -q
    "$build/tests/parser_retag" "$tmp/tagger.annm" "$tmp/fold$i.conllu" >> "$out.tmp"
    i=$((i + 1))
done
mv "$out.tmp" "$out"
