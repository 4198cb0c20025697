# The ontology room: CAMEO event codes, actor types and countries, compiled
# into the library.  The TSV files in data/ontology/ are the source of truth;
# onto_gen_tables (a host tool built here) checks them and writes them out
# as sorted C arrays.  A malformed TSV line fails the build with its file
# and line.
set(ONTO_TSV
  "${PROJECT_SOURCE_DIR}/data/ontology/cameo_codes.tsv"
  "${PROJECT_SOURCE_DIR}/data/ontology/actor_types.tsv"
  "${PROJECT_SOURCE_DIR}/data/ontology/countries.tsv")
set(ONTO_GENERATED "${PROJECT_BINARY_DIR}/generated/ontology_tables.c")

add_executable(onto_gen_tables "${PROJECT_SOURCE_DIR}/src/ontology/gen_tables.c")
add_custom_command(
  OUTPUT "${ONTO_GENERATED}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${PROJECT_BINARY_DIR}/generated"
  COMMAND onto_gen_tables ${ONTO_TSV} "${ONTO_GENERATED}"
  DEPENDS onto_gen_tables ${ONTO_TSV}
  COMMENT "Generating the ontology tables from data/ontology/*.tsv"
  VERBATIM)
add_custom_target(onto_tables DEPENDS "${ONTO_GENERATED}")

list(APPEND ANNALS_SOURCES src/ontology/ontology.c "${ONTO_GENERATED}")
list(APPEND ANNALS_GENERATED_DEPS onto_tables)
