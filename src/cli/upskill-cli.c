/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "upskill-catalog.h"
#include "upskill-cli.h"
#include "upskill-error.h"

int
upskill_cli_list_profiles (UpskillStore *store)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  UpskillCatalog *catalog = upskill_catalog_get_default ();

  summaries = upskill_store_list (store, NULL, &error);
  if (summaries == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);
      UpskillRole *role = upskill_catalog_find_role (catalog, summary->target_role);

      if (summary->error != NULL)
        {
          /* A broken file is listed (so the user knows it is there) and
           * explained on stderr; it does not stop the others. */
          g_print ("%s\t%s\n", summary->id, _("(could not be read)"));
          g_printerr ("%s\n", summary->error);
          continue;
        }

      if (summary->readiness >= 0)
        g_print ("%s\t%s\t%s\t%.0f%%\n",
                 summary->id,
                 summary->name,
                 role ? role->name : _("No target role"),
                 summary->readiness);
      else
        g_print ("%s\t%s\t%s\t%s\n",
                 summary->id,
                 summary->name,
                 role ? role->name : _("No target role"),
                 "–");
    }

  return 0;
}

int
upskill_cli_import (UpskillStore *store,
                    const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = upskill_store_import (store, file, NULL, &error);
  if (profile == NULL)
    {
      g_printerr (_("Could not import “%s”: %s\n"), path, error->message);
      return 1;
    }

  g_print ("%s\n", upskill_profile_get_id (profile));
  return 0;
}

char *
upskill_cli_resolve_profile (UpskillStore  *store,
                             const char    *name_or_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) by_name = g_ptr_array_new ();
  g_autofree char *wanted = g_utf8_casefold (name_or_id, -1);

  summaries = upskill_store_list (store, NULL, error);
  if (summaries == NULL)
    return NULL;

  for (guint i = 0; i < summaries->len; i++)
    {
      UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);
      g_autofree char *name = NULL;

      if (g_str_equal (summary->id, name_or_id))
        {
          if (summary->error != NULL)
            {
              g_set_error_literal (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                                   summary->error);
              return NULL;
            }
          return g_strdup (summary->id);
        }

      if (summary->name == NULL)
        continue;

      name = g_utf8_casefold (summary->name, -1);
      if (g_str_equal (name, wanted))
        g_ptr_array_add (by_name, summary);
    }

  if (by_name->len == 1)
    return g_strdup (((UpskillProfileSummary *)g_ptr_array_index (by_name, 0))->id);

  if (by_name->len > 1)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < by_name->len; i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "",
                                ((UpskillProfileSummary *)g_ptr_array_index (by_name, i))->id);
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
                   _("More than one profile is called “%s”; use one of their ids: %s"),
                   name_or_id, ids->str);
      return NULL;
    }

  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
               _("No profile has the id or name “%s” (see upskill --list-profiles)"),
               name_or_id);
  return NULL;
}

GFile *
upskill_cli_make_demo_dir (GError **error)
{
  g_autoptr(UpskillStore) store = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *path = NULL;

  path = g_dir_make_tmp ("upskill-demo-XXXXXX", error);
  if (path == NULL)
    return NULL;

  dir = g_file_new_for_path (path);
  store = upskill_store_new (dir, upskill_catalog_get_default ());
  if (!upskill_store_add_samples (store, NULL, error))
    {
      upskill_cli_remove_tree (dir);
      return NULL;
    }

  return g_steal_pointer (&dir);
}

void
upskill_cli_remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        upskill_cli_remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }

  g_file_delete (dir, NULL, NULL);
}
