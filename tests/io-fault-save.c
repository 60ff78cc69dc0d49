/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helper of test-io-faults: saves one profile into a store, the way the
 * window's autosave does, and reports how it went. Run under the
 * faultinject shim (LD_PRELOAD), which fails the Nth file-system call.
 *
 *   io-fault-save MODE DATA_DIR PROFILE_FILE
 *     MODE save        upskill_store_save() only
 *          list-save   upskill_store_list() first (writes the index), then save
 *          save-async  upskill_store_save_async() on a worker thread
 *
 * Prints "saved" and exits 0, or prints "error: MESSAGE" and exits 1.
 * PROFILE_FILE (the new content) must lie outside the faulted folder. */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "upskill-catalog.h"
#include "upskill-store.h"

typedef struct
{
  gboolean  done;
  gboolean  saved;
  GError   *error;
} AsyncSave;

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncSave *save = user_data;

  save->saved = upskill_store_save_finish (UPSKILL_STORE (source), result, &save->error);
  save->done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GFile) data_dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *mode;
  gsize length;

  setlocale (LC_ALL, "");

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s save|list-save|save-async DATA_DIR PROFILE_FILE\n", argv[0]);
      return 2;
    }
  mode = argv[1];

  if (!g_file_get_contents (argv[3], &contents, &length, &error))
    {
      printf ("setup failed: %s\n", error->message);
      return 2;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  profile = upskill_profile_new_from_bytes (bytes, argv[3], &error);
  if (profile == NULL)
    {
      printf ("setup failed: %s\n", error->message);
      return 2;
    }

  data_dir = g_file_new_for_path (argv[2]);
  store = upskill_store_new (data_dir, upskill_catalog_get_default ());

  if (g_str_equal (mode, "list-save"))
    {
      g_autoptr(GPtrArray) summaries = upskill_store_list (store, NULL, &error);

      if (summaries == NULL)
        {
          printf ("error: %s\n", error->message);
          return 1;
        }
    }

  if (g_str_equal (mode, "save-async"))
    {
      AsyncSave save = { FALSE, FALSE, NULL };

      upskill_store_save_async (store, profile, NULL, save_done, &save);
      while (!save.done)
        g_main_context_iteration (NULL, TRUE);

      if (!save.saved)
        {
          printf ("error: %s\n", save.error->message);
          g_clear_error (&save.error);
          return 1;
        }
    }
  else if (!upskill_store_save (store, profile, NULL, &error))
    {
      printf ("error: %s\n", error->message);
      return 1;
    }

  printf ("saved\n");
  return 0;
}
