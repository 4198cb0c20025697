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
  src/syntax/train_tagger.c
  src/syntax/train_tagwn.c
  src/syntax/train_api.c)
list(APPEND ANNALS_SOURCES src/syntax/parser.c src/syntax/parser_system.c src/syntax/parser_features.c src/syntax/parser_treebank.c src/syntax/train_parser.c)

# `ninja -C BUILD models` retrains the shipped models in data/models from the
# treebanks in ../shared (UD English-EWT) and WordNet's dictionary files
# (Debian wordnet-base, read at build time only).  Each model has a target
# of its own (models_tagger, models_parser, ...) that `models` depends on;
# they take a core each for a minute or more.
get_filename_component(ANNALS_EWT_DIR "${PROJECT_SOURCE_DIR}/../shared/data/ud-english-ewt" ABSOLUTE)
set(ANNALS_WORDNET_DIR "/usr/share/wordnet" CACHE PATH "WordNet dict folder (wordnet-base)")
# Both shipped models learn from EWT train and dev together, for the
# epoch counts chosen on train-only runs scored on dev (bench/RESULTS.md);
# the scripts without --with-dev give those train-only runs.  The tagger is
# the mean of 5 runs, and so is each tagger that jackknifes the parser's
# training tags, so that the parser learns that tagger's errors.
add_custom_target(models_tagger
  COMMAND ${CMAKE_COMMAND} -E env "WORDNET_DIR=${ANNALS_WORDNET_DIR}"
    sh "${PROJECT_SOURCE_DIR}/scripts/train-tagger.sh" --with-dev "${PROJECT_BINARY_DIR}"
    "${ANNALS_EWT_DIR}" "${PROJECT_SOURCE_DIR}/data/models/tagger.annm" 10 5
  USES_TERMINAL
  COMMENT "Training the tagger and lemmatiser (data/models/tagger.annm)")
add_dependencies(models_tagger annals)
# The parser learns from jackknifed predicted tags: the script runs the
# whole recipe (doc/model-format.md, bench/RESULTS.md) with the retagging
# tool of the tests (tests/eval/parser.cmake).
if(ANNALS_BUILD_TESTS)
add_custom_target(models_parser
  COMMAND ${CMAKE_COMMAND} -E env "WORDNET_DIR=${ANNALS_WORDNET_DIR}"
    sh "${PROJECT_SOURCE_DIR}/scripts/train-parser.sh" --with-dev "${PROJECT_BINARY_DIR}"
    "${ANNALS_EWT_DIR}" "${PROJECT_SOURCE_DIR}/data/models/parser.annm" 8 5 3 5
  USES_TERMINAL
  COMMENT "Training the dependency parser on jackknifed tags (data/models/parser.annm)")
add_dependencies(models_parser annals parser_retag parser_train)
endif()
add_custom_target(models)
add_dependencies(models models_tagger)
if(ANNALS_BUILD_TESTS)
  add_dependencies(models models_parser)
endif()
