list(APPEND ANNALS_SOURCES src/core/arena.c src/core/buf.c src/core/datadir.c src/core/error.c src/core/log.c src/core/upos.c)
