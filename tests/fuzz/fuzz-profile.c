/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the profile loader, on any bytes.
 *
 * Beyond "no crash, no leak, no sanitizer report", a profile that loads
 * must survive a round trip: what it saves loads again, and saving that
 * gives the same bytes. Otherwise the app could write a file it cannot
 * read back. */
#include "config.h"


#include "fuzz-common.h"
#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"

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
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(UpskillProfile) again = NULL;
  g_autoptr(UpskillProfile) copy = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  profile = upskill_profile_new_from_bytes (bytes, "fuzz.json", &error);
  if (profile == NULL)
    {
      fuzz_assert_refusal (error, "fuzz.json");
      return 0;
    }
  g_assert_null (error);

  /* What the rest of the app computes from a freshly loaded profile. */
  {
    g_autoptr(GPtrArray) gaps = upskill_compute_gaps (profile, catalog, NULL);
    g_autoptr(GPtrArray) series = upskill_compute_readiness_series (profile, catalog);
    double readiness = upskill_compute_readiness (profile, catalog);

    g_assert_true (readiness <= 100.0);
    g_assert_nonnull (gaps);
    g_assert_nonnull (series);
  }

  saved = upskill_profile_to_bytes (profile);
  again = upskill_profile_new_from_bytes (saved, "fuzz-saved.json", &error);
  if (again == NULL)
    g_error ("A loaded profile saved a file it cannot read: %s\n%.*s",
             error->message,
             (int) MIN (g_bytes_get_size (saved), 4000),
             (const char *) g_bytes_get_data (saved, NULL));

  saved_again = upskill_profile_to_bytes (again);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("Saving a profile twice gave different files");

  copy = upskill_profile_copy (profile);
  upskill_profile_restore (again, copy);

  return 0;
}
