/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs every file of the given corpus folders through a fuzz harness's
 * LLVMFuzzerTestOneInput, without libFuzzer: `meson test` replays the
 * committed seed corpora and the bad-input corpus on every run, with the
 * normal compiler (and under ASan/UBSan in the sanitizer build).
 *
 *   fuzz-replay-NAME DIR...   TAP output, one case per folder */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static guint
replay_folder (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (file, &contents, &length, &error))
        g_error ("%s", error->message);

      /* Says which input it was, should the harness abort. */
      g_printerr ("replaying %s\n", file);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
    }

  return names->len;
}

int
main (int    argc,
      char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS-FOLDER...\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  printf ("1..%d\n", argc - 1);
  for (int i = 1; i < argc; i++)
    {
      guint n = replay_folder (argv[i]);

      printf ("ok %d - %u inputs of %s replayed\n", i, n, argv[i]);
      fflush (stdout);
    }

  return 0;
}
