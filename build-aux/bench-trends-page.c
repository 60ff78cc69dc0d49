/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>

#include "upskill-catalog.h"
#include "upskill-trends-page.h"
#include "upskill-trends.h"

/* What showing a feed's claims costs the main thread: the Trends page given
 * trend data of N claims (default the cap, UPSKILL_TRENDS_MAX_CLAIMS),
 * spread over the kinds, sections and audiences. Run under a display
 * (xvfb-run). Usage: bench-trends-page [N_CLAIMS] */

static const char * const kinds[] = { "figure", "fact", "strategy", "advice", "opinion", "prediction" };
static const char * const audiences[] = { "developer", "founder", "everyone" };
static const char * const areas[] = { "python", "mlops", "ai-security", "data-engineering" };

static GBytes *
make_feed (guint n_claims)
{
  GString *text = g_string_new ("{\"format\": \"upskill-trends\", \"version\": 1, \"source\": {\"title\": \"T\"}, "
                                "\"sections\": [");

  for (guint i = 0; i < 9; i++)
    g_string_append_printf (text, "%s{\"id\": \"s%u\", \"title\": \"Section %u\"}", i ? "," : "", i, i);
  g_string_append (text, "], \"claims\": [");
  for (guint i = 0; i < n_claims; i++)
    {
      const char *kind = kinds[i % G_N_ELEMENTS (kinds)];

      g_string_append_printf (text, "%s{\"id\": \"c%u\", \"kind\": \"%s\", \"section\": \"s%u\", "
                              "\"audience\": [\"%s\"], \"text\": \"Claim %u says something short\", "
                              "\"quote\": \"A quote of claim %u\", \"areas\": [\"%s\"], \"strength\": %u",
                              i ? "," : "", i, kind, i % 9, audiences[i % G_N_ELEMENTS (audiences)],
                              i, i, areas[i % G_N_ELEMENTS (areas)], 1 + i % 3);
      if (g_str_equal (kind, "figure"))
        g_string_append_printf (text, ", \"figure\": {\"subject\": \"Company %u\", \"display\": \"~%u+\", "
                                "\"value\": %u, \"approximate\": true, \"at_least\": true, \"qualifier\": \"\", \"unit\": \"jobs\", \"period\": \"2025\", \"reason\": \"\"}", i, 1000 + i, 1000 + i);
      g_string_append (text, "}");
    }
  g_string_append (text, "]}");

  return g_string_free_to_bytes (text);
}

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n_claims = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : UPSKILL_TRENDS_MAX_CLAIMS;
  g_autoptr(GBytes) feed = make_feed (n_claims);
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GError) error = NULL;
  UpskillCatalog *catalog;
  GtkWidget *window;
  GtkWidget *page;
  double before;
  gint64 start;

  adw_init ();
  catalog = upskill_catalog_get_default ();
  trends = upskill_trends_new_from_bytes (feed, "feed", catalog, &error);
  if (trends == NULL)
    {
      printf ("%u claims: refused: %s\n", n_claims, error->message);
      return 0;
    }

  page = g_object_new (UPSKILL_TYPE_TRENDS_PAGE, "catalog", catalog, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  before = peak_mb ();
  start = g_get_monotonic_time ();
  g_object_set (page, "trends", trends, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  printf ("%u claims: page filled in %.0f ms on the main thread, peak memory %.0f MB (%.0f MB before)\n",
          n_claims, (g_get_monotonic_time () - start) / 1000.0, peak_mb (), before);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
