# serve: the HTTP JSON API over the event store (annals serve, doc/api.md).
list(APPEND ANNALS_SOURCES
  "${CMAKE_CURRENT_LIST_DIR}/params.c"
  "${CMAKE_CURRENT_LIST_DIR}/api.c"
  "${CMAKE_CURRENT_LIST_DIR}/document.c"
  "${CMAKE_CURRENT_LIST_DIR}/server.c")
