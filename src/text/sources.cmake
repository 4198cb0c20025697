list(APPEND ANNALS_SOURCES src/text/utf8.c src/text/clean.c src/text/segment.c)
