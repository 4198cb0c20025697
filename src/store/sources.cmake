list(APPEND ANNALS_SOURCES src/store/store.c src/store/load_jsonl.c src/store/record.c
  src/store/sqlite.c src/store/sqlite_schema.c src/store/sqlite_query.c)
