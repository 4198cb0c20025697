# Measured segmentation scores: the raw text of a UD English treebank (as
# the CoNLL 2018 task made it, `annals eval --text`) through the segmenter
# (tests/eval/seg_run.c), scored with `annals eval --min`.  Needs
# ANNALS_SHARED_DIR (../shared); skipped (77) when it is absent.
add_executable(seg_run "${CMAKE_CURRENT_LIST_DIR}/seg_run.c")
target_include_directories(seg_run PRIVATE "${PROJECT_SOURCE_DIR}/src"
  "${PROJECT_BINARY_DIR}/generated")
target_link_libraries(seg_run PRIVATE annals_static)

function(annals_segmentation_test name gold mins)
  add_test(NAME eval/${name}
    COMMAND sh "${CMAKE_CURRENT_LIST_DIR}/segmentation.sh" $<TARGET_FILE:annals>
            $<TARGET_FILE:seg_run> "${gold}" "${mins}")
  set_tests_properties(eval/${name} PROPERTIES SKIP_RETURN_CODE 77)
endfunction()

set(_ud "${ANNALS_SHARED_DIR}/data")
annals_segmentation_test(segment_pud "${_ud}/ud-english-pud/en_pud-ud-test.conllu"
  "Tokens=99.5,Sentences=98.5")
annals_segmentation_test(segment_ewt_test "${_ud}/ud-english-ewt/en_ewt-ud-test.conllu"
  "Tokens=99.0")
annals_segmentation_test(segment_ewt_dev "${_ud}/ud-english-ewt/en_ewt-ud-dev.conllu"
  "Tokens=99.0")
