list(APPEND ANNALS_SOURCES src/io/conllu.c)
