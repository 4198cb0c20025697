#!/bin/sh
# train-parser.sh — the whole recipe of the shipped dependency parser
# (data/models/parser.annm), as `ninja models_parser` runs it:
#   1. jackknifed tags for the training set (scripts/parser-jackknife.sh):
#      the parser then learns from tags with the errors it meets at run time;
#   2. a tagger on all of the training set tags dev, so that each epoch is
#      scored, and the best one chosen, on predicted tags as well;
#   3. the parser learns from the gold treebank followed by its jackknifed
#      copy (gold tags teach the grammar, predicted ones robustness), in
#      RUNS runs over different orders of the sentences, each stopped at
#      its best dev epoch; the model is the mean of their weights
#      (tests/parser_train --runs).
#
#   sh scripts/train-parser.sh [--with-dev] BUILD_DIR EWT_DIR OUT.annm [EPOCHS [FOLDS [RUNS [TAGGER_RUNS]]]]
#
# TAGGER_RUNS: each tagger of steps 1 and 2 is the mean of that many runs
# (scripts/train-tagger.sh), as the tagger that runs with the parser.
#
# With --with-dev the training set is EWT train and dev together (the
# shipped model, bench/RESULTS.md): there is then no dev set to choose
# epochs on, steps 1 and 3 run on both files, step 2 is skipped, and
# every run stops after EPOCHS (the count chosen on a train-only run).
#
# BUILD_DIR holds `annals`, `tests/parser_retag` and `tests/parser_train`;
# EWT_DIR the UD English-EWT files; the taggers read WordNet from
# $WORDNET_DIR (/usr/share/wordnet by default).  About 7 tagger trainings
# and RUNS times the parser's epochs: a few minutes of one core.
# Deterministic: the same files give the same model.
set -eu
with_dev=0
if [ "${1:-}" = "--with-dev" ]; then
    with_dev=1
    shift
fi
if [ $# -lt 3 ]; then
    echo "usage: sh scripts/train-parser.sh [--with-dev] BUILD_DIR EWT_DIR OUT.annm [EPOCHS [FOLDS [RUNS [TAGGER_RUNS]]]]" >&2
    exit 2
fi
build=$1
ewt=$2
out=$3
epochs=${4:-12}
folds=${5:-5}
runs=${6:-3}
tagger_runs=${7:-1}
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/annals-train-parser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The model keeps the name of its training file (PARSINFO): the mix is
# named after what went into it.
if [ "$with_dev" -eq 1 ]; then
    name=train-dev
    cat "$ewt/en_ewt-ud-train.conllu" "$ewt/en_ewt-ud-dev.conllu" > "$tmp/$name.conllu"
else
    name=train
    cp "$ewt/en_ewt-ud-train.conllu" "$tmp/$name.conllu"
fi
sh "$here/parser-jackknife.sh" "$build" "$tmp/$name.conllu" "$tmp/$name.jk.conllu" "$folds" "$tagger_runs"
cat "$tmp/$name.conllu" "$tmp/$name.jk.conllu" > "$tmp/$name.mix.conllu"
if [ "$with_dev" -eq 1 ]; then
    echo "train-parser: the parser on train and dev, $runs runs of $epochs epochs" >&2
    "$build/tests/parser_train" --train "$tmp/$name.mix.conllu" \
        --epochs "$epochs" --seed 1 --runs "$runs" -o "$out"
    exit 0
fi
echo "train-parser: a tagger on all of train, to tag dev" >&2
"$build/annals" train tagger --runs "$tagger_runs" --train "$tmp/$name.conllu" \
    --wordnet "${WORDNET_DIR:-/usr/share/wordnet}" -o "$tmp/tagger.annm" -q
"$build/tests/parser_retag" "$tmp/tagger.annm" "$ewt/en_ewt-ud-dev.conllu" > "$tmp/dev.pred.conllu"
echo "train-parser: the parser, $runs runs of $epochs epochs" >&2
"$build/tests/parser_train" --train "$tmp/$name.mix.conllu" --dev "$tmp/dev.pred.conllu" \
    --epochs "$epochs" --seed 1 --runs "$runs" -o "$out"
