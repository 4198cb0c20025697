/* resources.h — what annals_resources holds: everything loaded once and
 * then only read, by any number of threads. Each stage adds its own
 * loaded state here. */
#ifndef ANNALS_PIPELINE_RESOURCES_H
#define ANNALS_PIPELINE_RESOURCES_H

#include <limits.h>

#include "annals.h"
#include "core/log.h"

struct annals_resources {
    core_log log;
    char data_dir[PATH_MAX]; /* "" when none was found */
};

#endif
