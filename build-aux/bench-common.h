/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdlib.h>
#include <time.h>

/* What the benchmarks in this folder share: each figure is the median of
 * a few runs, and any error ends the benchmark. */

G_BEGIN_DECLS

#define BENCH_N_RUNS 5

static inline int
bench_compare_int64 (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* Sorts the BENCH_N_RUNS @times and returns their median. */
static inline gint64
bench_median (gint64 *times)
{
  qsort (times, BENCH_N_RUNS, sizeof (gint64), bench_compare_int64);
  return times[BENCH_N_RUNS / 2];
}

static inline void
bench_die_on_error (GError     *error,
                    const char *what)
{
  if (error != NULL)
    {
      g_printerr ("%s: %s\n", what, error->message);
      exit (EXIT_FAILURE);
    }
}

static inline void
bench_print_row (const char *what,
                 gint64      usec)
{
  g_print ("  %-46s %9.2f ms\n", what, usec / 1000.0);
}

/* CPU time of the process, all its threads, in microseconds: on a shared
 * machine wall time mostly measures the neighbours. */
static inline gint64
bench_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

G_END_DECLS
