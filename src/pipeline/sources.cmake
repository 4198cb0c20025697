list(APPEND ANNALS_SOURCES src/pipeline/resources.c src/pipeline/coder.c src/pipeline/plan.c
     src/pipeline/plan_words.c src/pipeline/simple.c)
