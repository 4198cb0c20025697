#!/bin/sh
# train-tagger.sh — the recipe of the shipped tagger and lemmatiser
# (data/models/tagger.annm), as `ninja models_tagger` runs it.
#
#   sh scripts/train-tagger.sh [--with-dev] BUILD_DIR EWT_DIR OUT.annm [EPOCHS [RUNS]]
#
# Without --with-dev the tagger learns from EWT train, dev chooses the
# best of EPOCHS epochs and test is scored once.  With --with-dev (the
# shipped model, bench/RESULTS.md) it learns from train and dev together
# for exactly EPOCHS epochs, the count chosen on a train-only run, and
# test is scored once.  WordNet comes from $WORDNET_DIR
# (/usr/share/wordnet by default).  About half a minute of one core;
# deterministic.  With RUNS > 1 the model is the mean of RUNS trainings
# over different orders of the sentences (parameter mixing; each run's
# best dev epoch, or its last with --with-dev; `annals train --runs`), at
# RUNS times the cost.
set -eu
with_dev=0
if [ "${1:-}" = "--with-dev" ]; then
    with_dev=1
    shift
fi
if [ $# -lt 3 ]; then
    echo "usage: sh scripts/train-tagger.sh [--with-dev] BUILD_DIR EWT_DIR OUT.annm [EPOCHS [RUNS]]" >&2
    exit 2
fi
build=$1
ewt=$2
out=$3
epochs=${4:-10}
runs=${5:-1}
wordnet=${WORDNET_DIR:-/usr/share/wordnet}
train_tagger() {
    "$build/annals" train tagger --runs "$runs" "$@"
}
if [ "$with_dev" -eq 0 ]; then
    train_tagger --train "$ewt/en_ewt-ud-train.conllu" \
        --dev "$ewt/en_ewt-ud-dev.conllu" --test "$ewt/en_ewt-ud-test.conllu" \
        --wordnet "$wordnet" --epochs "$epochs" --seed 1 -o "$out"
    exit
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/annals-train-tagger.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat "$ewt/en_ewt-ud-train.conllu" "$ewt/en_ewt-ud-dev.conllu" > "$tmp/train-dev.conllu"
train_tagger --train "$tmp/train-dev.conllu" --test "$ewt/en_ewt-ud-test.conllu" \
    --wordnet "$wordnet" --epochs "$epochs" --seed 1 -o "$out"
