# The coder room: verb dictionaries and the event coder over the parse.
list(APPEND ANNALS_SOURCES
  src/coder/verbs.c
  src/coder/verbs_read.c
  src/coder/load.c
  src/coder/clause.c
  src/coder/match.c
  src/coder/roles.c
  src/coder/dates.c
  src/coder/code.c)
