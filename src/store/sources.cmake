list(APPEND ANNALS_SOURCES src/store/store.c src/store/load_jsonl.c src/store/record.c
  src/store/sqlite.c src/store/sqlite_schema.c src/store/sqlite_query.c
  src/store/filter_sql.c)
# The PostgreSQL back end, when libpq was found (CMakeLists.txt); without
# it a postgresql:// store is refused with a message saying so.
if(ANNALS_HAVE_LIBPQ)
  list(APPEND ANNALS_SOURCES src/store/pg.c src/store/pg_schema.c src/store/pg_query.c
    src/store/pg_text.c)
endif()
