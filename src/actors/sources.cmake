# The actors room: actor and agent dictionaries (native, PETRARCH, TABARI),
# the token-trie matcher, resolution in context and time, lint and convert.
list(APPEND ANNALS_SOURCES
  src/actors/key.c
  src/actors/dict.c
  src/actors/load.c
  src/actors/load_native.c
  src/actors/load_legacy.c
  src/actors/match.c
  src/actors/lint.c
  src/actors/convert.c
  src/actors/public.c)
