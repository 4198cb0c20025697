list(APPEND ANNALS_SOURCES src/io/conllu.c src/io/ud_eval.c)
