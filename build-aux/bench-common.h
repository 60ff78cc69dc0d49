/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdlib.h>

G_BEGIN_DECLS

/* Helpers shared by the benchmarks. */

/* For qsort() of gint64 timings. */
static inline int
bench_compare_int64 (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* Ends the benchmark, saying what failed, if @error is set. */
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

G_END_DECLS
