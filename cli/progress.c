/* progress.c — the progress line of annals code (see progress.h). */
#include "progress.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A quarter of a second between drawings: often enough to look alive,
 * rarely enough to cost nothing next to the coding. */
#define PROGRESS_INTERVAL 0.25

static struct {
    pthread_mutex_t lock;
    bool on;
    double start, last;      /* seconds; last drawing, 0 before the first */
    uint64_t total;          /* bytes of all inputs, 0 when unknown */
    uint64_t done;           /* bytes of the inputs read to their end */
    uint64_t offset;         /* bytes read of the current input */
    uint64_t docs;
    int width;               /* characters of the line drawn, to erase it */
} progress = {.lock = PTHREAD_MUTEX_INITIALIZER};

static double progress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The total size of the inputs, or 0 when it cannot be known beforehand:
 * standard input, something not a regular file, or a compressed file
 * (the readers count uncompressed bytes, the file size is compressed). */
static uint64_t progress_total(char **paths, int n)
{
    uint64_t total = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(paths[i]);
        struct stat st;
        if (!strcmp(paths[i], "-") || (len > 3 && !strcmp(paths[i] + len - 3, ".gz")) ||
            stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (uint64_t)st.st_size;
    }
    return total;
}

bool cli_progress_begin(bool quiet, char **paths, int n_paths)
{
    pthread_mutex_lock(&progress.lock);
    progress.on = !quiet && isatty(STDERR_FILENO);
    if (progress.on) {
        progress.start = progress_now();
        progress.last = 0;
        progress.total = progress_total(paths, n_paths);
        progress.done = progress.offset = progress.docs = 0;
        progress.width = 0;
    }
    bool on = progress.on;
    pthread_mutex_unlock(&progress.lock);
    return on;
}

static void progress_erase(void)
{
    if (progress.width > 0)
        fprintf(stderr, "\r%*s\r", progress.width, "");
    progress.width = 0;
}

/* "H:MM:SS" or "M:SS". */
static void progress_duration(char *buf, size_t cap, double seconds)
{
    unsigned long s = seconds > 0 && seconds < 1e7 ? (unsigned long)(seconds + 0.5) : 0;
    if (s >= 3600)
        snprintf(buf, cap, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, cap, "%lu:%02lu", s / 60, s % 60);
}

static void progress_draw(double now)
{
    double elapsed = now - progress.start;
    uint64_t bytes = progress.done + progress.offset;
    char line[160];
    int n = snprintf(line, sizeof line, "annals: %llu documents, %.1f MB",
                     (unsigned long long)progress.docs, (double)bytes / 1e6);
    if (elapsed >= 0.5 && n > 0 && (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f documents/s",
                      (double)progress.docs / elapsed);
    if (progress.total && elapsed >= 0.5 && bytes > 0 && n > 0 && (size_t)n < sizeof line) {
        double left = progress.total > bytes
                          ? elapsed * (double)(progress.total - bytes) / (double)bytes
                          : 0;
        char eta[32];
        progress_duration(eta, sizeof eta, left);
        n += snprintf(line + n, sizeof line - (size_t)n, ", %.0f%%, %s left",
                      100.0 * (double)bytes / (double)progress.total, eta);
    }
    if (n <= 0)
        return;
    if ((size_t)n >= sizeof line)
        n = (int)sizeof line - 1;
    /* Pad over a longer line drawn before. */
    fprintf(stderr, "\r%s%*s", line, progress.width > n ? progress.width - n : 0, "");
    if (n > progress.width)
        progress.width = n;
    progress.last = now;
}

void cli_progress_document(size_t offset)
{
    pthread_mutex_lock(&progress.lock);
    if (progress.on) {
        progress.docs++;
        progress.offset = offset;
        double now = progress_now();
        if (progress.last == 0 || now - progress.last >= PROGRESS_INTERVAL)
            progress_draw(now);
    }
    pthread_mutex_unlock(&progress.lock);
}

void cli_progress_file_done(size_t offset)
{
    pthread_mutex_lock(&progress.lock);
    if (progress.on) {
        progress.done += offset;
        progress.offset = 0;
    }
    pthread_mutex_unlock(&progress.lock);
}

void cli_progress_clear(void)
{
    pthread_mutex_lock(&progress.lock);
    if (progress.on)
        progress_erase();
    pthread_mutex_unlock(&progress.lock);
}

void cli_progress_end(void)
{
    pthread_mutex_lock(&progress.lock);
    if (progress.on)
        progress_erase();
    progress.on = false;
    pthread_mutex_unlock(&progress.lock);
}
