/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the trends loader (the bundled article and any feed
 * the user points the app at), with the default catalog. */
#include "config.h"

#include <math.h>

#include "fuzz-common.h"
#include "upskill-catalog.h"
#include "upskill-trends.h"

static UpskillCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  catalog = upskill_catalog_get_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GError) error = NULL;

  trends = upskill_trends_new_from_bytes (bytes, "feed.json", catalog, &error);
  if (trends == NULL)
    {
      fuzz_assert_refusal (error, "feed.json");
      return 0;
    }
  g_assert_null (error);

  /* What the trends page and the planner read from loaded trends. */
  for (guint i = 0; i < upskill_catalog_get_n_areas (catalog); i++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, i);
      g_autoptr(GPtrArray) claims = upskill_trends_get_area_claims (trends, area);
      double signal = upskill_trends_get_demand_signal (trends, area);

      g_assert_true (isfinite (signal) && signal >= 0.0 && signal <= 1.0);
      g_assert_nonnull (claims);
    }

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);

      g_assert_true (upskill_trends_find_claim (trends, claim->id) != NULL);
      g_assert_nonnull (claim->section);
      g_assert_nonnull (upskill_claim_kind_get_label (claim->kind));
      g_assert_true (claim->kind != UPSKILL_CLAIM_FIGURE || claim->figure != NULL);
    }

  for (guint i = 0; i < upskill_trends_get_n_sections (trends); i++)
    g_assert_nonnull (upskill_trends_get_section (trends, i)->title);

  return 0;
}
