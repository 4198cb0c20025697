/* common.c — helpers every subcommand uses. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_log(void *user, annals_log_level level, const char *message)
{
    (void)user;
    static const char *names[] = {"debug", "info", "warning", "error"};
    const char *name = level >= ANNALS_LOG_DEBUG && level <= ANNALS_LOG_ERROR ? names[level] : "log";
    fprintf(stderr, "annals: %s: %s\n", name, message);
}

annals_resources *cli_load_resources(const char *data_dir, bool verbose)
{
    annals_options opt;
    annals_options_init(&opt);
    opt.data_dir = data_dir;
    opt.log = cli_log;
    opt.log_level = verbose ? ANNALS_LOG_INFO : ANNALS_LOG_WARN;
    int err = 0;
    annals_resources *res = annals_resources_load(&opt, &err);
    if (!res)
        fprintf(stderr, "annals: cannot load resources: %s\n", annals_error_name(err));
    return res;
}

int cli_usage_error(const char *sub, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "annals %s: ", sub);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'annals %s --help'.\n", sub);
    return CLI_USAGE;
}

bool cli_valid_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    int max = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        max = 29;
    return d <= max;
}
