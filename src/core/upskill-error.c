/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-error.h"

G_DEFINE_QUARK (upskill-error-quark, upskill_error)

char *
upskill_file_dup_display_name (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}
