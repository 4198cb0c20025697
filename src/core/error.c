/* error.c — the one error convention: negative codes, short names. */
#include "annals.h"

const char *annals_version(void)
{
    return ANNALS_VERSION_STRING;
}

int annals_is_error(int code)
{
    return code < 0;
}

const char *annals_error_name(int code)
{
    switch (code) {
    case ANNALS_OK: return "no error";
    case ANNALS_E_NOMEM: return "out of memory";
    case ANNALS_E_IO: return "input/output error";
    case ANNALS_E_ARG: return "invalid argument";
    case ANNALS_E_RECORD: return "bad record skipped";
    case ANNALS_E_FORMAT: return "bad file format";
    case ANNALS_E_DATA: return "resources missing or corrupt";
    case ANNALS_E_UNSUPPORTED: return "not supported in this build";
    case ANNALS_E_LIMIT: return "size limit exceeded";
    default: return code > 0 ? "no error" : "unknown error";
    }
}
