# The syntax room: model container, tagger, lemmatiser, parser and their
# trainers.  xxhash is used header-only (XXH_INLINE_ALL), so it needs the
# header of libxxhash-dev but nothing to link.
list(APPEND ANNALS_SOURCES
  src/syntax/model.c
  src/syntax/strmap.c
  src/syntax/tagfeat.c
  src/syntax/tagger.c
  src/syntax/lemma.c
  src/syntax/lemma_build.c
  src/syntax/train_tagger.c)
list(APPEND ANNALS_SOURCES src/syntax/parser.c src/syntax/parser_system.c src/syntax/parser_features.c src/syntax/parser_treebank.c src/syntax/train_parser.c)
