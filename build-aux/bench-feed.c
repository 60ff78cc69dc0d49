/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "upskill-catalog.h"
#include "upskill-feed.h"
#include "upskill-trends.h"

/* What reading a hostile feed costs on the worker thread that validates
 * it. Usage: bench-feed tiny|realistic [N_CLAIMS]
 *   tiny       N claims of "{}" (default 100,000: 300 KB, within 1 MiB)
 *   realistic  N small but valid claims (default the cap, 1,000)
 * Prints the time to parse and check, and the process's peak memory. */

static GBytes *
make_feed (gboolean tiny,
           guint    n_claims)
{
  GString *text = g_string_new ("{\"format\": \"upskill-trends\", \"version\": 1, \"source\": {\"title\": \"T\"}, "
                                "\"sections\": [{\"id\": \"s1\", \"title\": \"S\"}], \"claims\": [");

  for (guint i = 0; i < n_claims; i++)
    {
      if (tiny)
        g_string_append (text, i ? ",{}" : "{}");
      else
        g_string_append_printf (text, "%s{\"id\": \"c%u\", \"kind\": \"advice\", \"section\": \"s1\", "
                                "\"audience\": [\"developer\"], \"text\": \"t\", \"quote\": \"q\", "
                                "\"areas\": [\"python\"], \"strength\": 1}", i ? "," : "", i);
    }
  g_string_append (text, "]}");

  return g_string_free_to_bytes (text);
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = argc < 2 || strcmp (argv[1], "realistic") != 0;
  guint n_claims = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10)
                            : tiny ? 100000 : UPSKILL_TRENDS_MAX_CLAIMS;
  g_autoptr(GBytes) feed = make_feed (tiny, n_claims);
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start;
  gint64 elapsed;

  start = g_get_monotonic_time ();
  trends = upskill_trends_new_from_bytes (feed, "feed", upskill_catalog_get_default (), &error);
  elapsed = g_get_monotonic_time () - start;
  getrusage (RUSAGE_SELF, &usage);

  printf ("%s feed, %u claims, %zu bytes (cap %u bytes): %s in %.1f ms, peak memory %.1f MB\n",
          tiny ? "tiny" : "realistic", n_claims, g_bytes_get_size (feed), UPSKILL_FEED_MAX_SIZE,
          trends ? "accepted" : "refused", elapsed / 1000.0, usage.ru_maxrss / 1024.0);
  if (error != NULL)
    printf ("  %s\n", error->message);

  return 0;
}
