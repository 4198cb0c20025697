list(APPEND ANNALS_SOURCES src/io/conllu.c src/io/ud_eval.c)
list(APPEND ANNALS_SOURCES src/io/linereader.c src/io/read_gzip.c src/io/read_jsonl.c src/io/reader.c src/io/writer.c src/io/write_events.c)
list(APPEND ANNALS_SOURCES src/io/read_html.c src/io/read_warc.c)
