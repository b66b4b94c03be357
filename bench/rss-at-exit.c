/* bench/rss-at-exit.c: LD_PRELOAD library that appends the process's memory at exit (from /proc/self/status) to the file
 * named by $RSS_AT_EXIT: "VmHWM RssAnon RssFile" in kB. Max RSS (VmHWM, what /usr/bin/time reports) counts the pages of
 * memory-mapped files too (packs and pack indexes, which git maps as well); RssAnon is the process's own memory.
 * Built by bench/run.sh: gcc -shared -fPIC -O2 -o .tools/rss-at-exit.so rss-at-exit.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long field(const char *text, const char *name) {
    const char *at = strstr(text, name);
    return at ? atol(at + strlen(name)) : -1;
}

__attribute__((destructor)) static void report(void) {
    const char *out = getenv("RSS_AT_EXIT");
    if (!out) return;
    char status[8192];
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return;
    size_t n = fread(status, 1, sizeof status - 1, f);
    fclose(f);
    status[n] = 0;
    FILE *o = fopen(out, "a");
    if (!o) return;
    fprintf(o, "%ld %ld %ld\n", field(status, "VmHWM:"), field(status, "RssAnon:"), field(status, "RssFile:"));
    fclose(o);
}
