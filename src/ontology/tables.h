/* tables.h — the ontology tables generated at build time.
 *
 * src/ontology/gen_tables.c writes them from the TSV files of data/ontology/ into
 * generated/ontology_tables.c.  Each table is sorted by its code with
 * strcmp, so lookups are binary searches; the entries are static data of
 * the library, shared read-only by every thread. */
#ifndef ANNALS_ONTOLOGY_TABLES_H
#define ANNALS_ONTOLOGY_TABLES_H

#include <stddef.h>

#include "annals.h"

extern const annals_cameo_code onto_cameo_table[];
extern const size_t onto_cameo_count;

extern const annals_actor_type onto_actor_type_table[];
extern const size_t onto_actor_type_count;

extern const annals_country onto_country_table[];
extern const size_t onto_country_count;

#endif
