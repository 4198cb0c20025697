# Measured parser scores: UD English treebanks with gold tokens, scored
# with the CoNLL 2018 definitions (UAS and LAS over all words, punctuation
# included) by tests/eval/parser_eval.c, with the shipped parser model, on
# gold tags and on the tagger's predicted tags (the run-time setting).
# Needs ANNALS_SHARED_DIR (../shared) and the models; skipped (77) when
# they are absent.  EWT test with predicted tags holds the project's goal
# itself, UAS 86 and LAS 83 (issue 3); the shipped models (feature set 7,
# arc-eager, with the 5-run tagger) score 86.05 / 83.12 there, and the
# scores are deterministic (integer weights, fixed data), so the test
# fails only when a change costs accuracy.  The other minimums sit about a
# third of a point under the measured scores (bench/RESULTS.md: EWT test
# with gold tags 88.42 / 86.36; PUD 82.74 / 79.24 with predicted tags and
# 85.57 / 83.36 with gold tags).
add_executable(parser_eval "${CMAKE_CURRENT_LIST_DIR}/parser_eval.c")
target_include_directories(parser_eval PRIVATE "${PROJECT_SOURCE_DIR}/src"
  "${PROJECT_BINARY_DIR}/generated")
target_link_libraries(parser_eval PRIVATE annals_static)

function(annals_parser_test name tagger gold min_uas min_las)
  add_test(NAME eval/${name}
    COMMAND parser_eval "${PROJECT_SOURCE_DIR}/data/models/parser.annm" "${tagger}"
            "${gold}" ${min_uas} ${min_las})
  set_tests_properties(eval/${name} PROPERTIES SKIP_RETURN_CODE 77)
endfunction()

set(_ewt "${ANNALS_SHARED_DIR}/data/ud-english-ewt/en_ewt-ud-test.conllu")
set(_pud "${ANNALS_SHARED_DIR}/data/ud-english-pud/en_pud-ud-test.conllu")
set(_tagger "${PROJECT_SOURCE_DIR}/data/models/tagger.annm")
annals_parser_test(parser_ewt_test_gold_tags gold "${_ewt}" 88.1 86.0)
annals_parser_test(parser_ewt_test "${_tagger}" "${_ewt}" 86.0 83.0)
annals_parser_test(parser_pud_gold_tags gold "${_pud}" 85.2 83.0)
annals_parser_test(parser_pud "${_tagger}" "${_pud}" 82.4 78.9)

# The tool that puts a tagger's tags into a treebank, for training the
# parser on predicted tags (scripts/parser-jackknife.sh).
add_executable(parser_retag "${CMAKE_CURRENT_LIST_DIR}/parser_retag.c")
target_include_directories(parser_retag PRIVATE "${PROJECT_SOURCE_DIR}/src"
  "${PROJECT_BINARY_DIR}/generated")
target_link_libraries(parser_retag PRIVATE annals_static)

# The parser's trainer with the knobs `annals train parser` does not
# expose (--runs: the mean of several runs), for the shipped recipe
# (scripts/train-parser.sh).  Building parser_retag builds it too, so that
# `ninja models_parser` has both tools.
add_executable(parser_train "${CMAKE_CURRENT_LIST_DIR}/parser_train.c")
target_include_directories(parser_train PRIVATE "${PROJECT_SOURCE_DIR}/src"
  "${PROJECT_BINARY_DIR}/generated")
target_link_libraries(parser_train PRIVATE annals_static)
add_dependencies(parser_retag parser_train)

# Parameter mixing end to end: two runs of two epochs on a slice of EWT
# train give one model, which must parse EWT dev (gold tags) well above
# chance (a slice of 400 sentences reaches about 75 UAS).  No dev set in
# training (each run then keeps its last epoch): scoring dev after every
# epoch took minutes under the sanitizers.
set(_ewt_dir "${ANNALS_SHARED_DIR}/data/ud-english-ewt")
if(EXISTS "${_ewt_dir}/en_ewt-ud-train.conllu")
  add_test(NAME eval/parser_train_runs
    COMMAND parser_train --train "${_ewt_dir}/en_ewt-ud-train.conllu"
            --slice 400 --epochs 2 --runs 2
            --act-bits 18 --lab-bits 12 -q -o "${CMAKE_CURRENT_BINARY_DIR}/parser-runs.annm")
  set_tests_properties(eval/parser_train_runs PROPERTIES FIXTURES_SETUP parser_runs_model)
  add_test(NAME eval/parser_train_runs_scores
    COMMAND parser_eval "${CMAKE_CURRENT_BINARY_DIR}/parser-runs.annm" gold
            "${_ewt_dir}/en_ewt-ud-dev.conllu" 65 60)
  set_tests_properties(eval/parser_train_runs_scores PROPERTIES
    FIXTURES_REQUIRED parser_runs_model SKIP_RETURN_CODE 77)
endif()

# What each feature template of a trained parser is worth (its scores
# with the template left out at run time), for choosing templates.
add_executable(parser_ablate "${CMAKE_CURRENT_LIST_DIR}/parser_ablate.c")
target_include_directories(parser_ablate PRIVATE "${PROJECT_SOURCE_DIR}/src"
  "${PROJECT_BINARY_DIR}/generated")
target_link_libraries(parser_ablate PRIVATE annals_static)
