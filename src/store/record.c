/* record.c — a stored event record back out as the JSON line of
 * conventions.md, byte for byte what `annals code` writes for it: both go
 * through the event writer's one function. */
#include "io/writer.h"
#include "store/store.h"

int annals_store_record_write(FILE *out, const annals_store_record *r)
{
    io_write_record_jsonl(out, r);
    return ferror(out) ? ANNALS_E_IO : ANNALS_OK;
}
