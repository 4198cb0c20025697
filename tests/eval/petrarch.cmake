# PETRARCH's validation records (PETR.UnitTest.records.xml: 284 sentences
# with gold events) coded by annals from the raw text with the PETR.Validate
# dictionaries the file names (its <Parse> trees are not used).  The
# minimum sits a little under the count measured (253 of 284 with the
# arc-eager parser of feature set 7 and the coder's rules for its parses,
# session 6; 252 with the feature set 6 parser and the coder's rules for
# parse variation of session 5; 250 with a
# bare conjunct sharing its partner's country adjective, 249 once the
# native conventions apply to native dictionaries only, 248 at commit
# 1d54d6b, from a clean clone with the committed models, the WordNet tagger
# and its parser shipped in f28af0e; 245 at a423e35 with the models
# before): the score moves
# with the tagger, the parser, the actor loader and the coder.  The
# project's goal is 250; bench/RESULTS.md says what the records still
# wrong need.  Skipped (77) without ../shared.
add_test(NAME eval/petrarch_validation
  COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/petrarch.sh" $<TARGET_FILE:annals>
          "${ANNALS_SHARED_DIR}/data/cameo-petrarch/validation/PETR.UnitTest.records.xml" 250)
set_tests_properties(eval/petrarch_validation PROPERTIES SKIP_RETURN_CODE 77
  ENVIRONMENT "ANNALS_DATA=${PROJECT_SOURCE_DIR}/data")

# TABARI's validation suite (GPL: read from ../shared only, never copied):
# the records of Validate.text up to FINAL-01 that say what to code, with
# TABARI.Demo.verbs/actors and Validate.agents.  Same driver, same rules
# (measured 253 of 441 with the arc-eager parser of feature set 7; 251 with
# the feature set 6 parser; 249 at commit 1d54d6b, from a clean clone; 243 at
# a423e35 with the models before).
add_test(NAME eval/tabari_validation
  COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/petrarch.sh" $<TARGET_FILE:annals>
          "${ANNALS_SHARED_DIR}/data/tabari-validation/Validate.project" 250)
set_tests_properties(eval/tabari_validation PROPERTIES SKIP_RETURN_CODE 77
  ENVIRONMENT "ANNALS_DATA=${PROJECT_SOURCE_DIR}/data")
