/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-cli.h"
#include "upskill-error.h"
#include "upskill-report.h"

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
           * explained on stderr; it does not stop the others. Its "id"
           * is its file name, which may not be text. */
          g_autofree char *shown_id = g_filename_display_name (summary->id);

          g_print ("%s\t%s\n", shown_id, _("(could not be read)"));
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
      g_printerr ("%s\n", error->message);
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

/* Report export */

/* The coach's name and paper size from the settings, when the schema is
 * installed; the command line must work without it. */
static void
read_report_settings (char         **out_coach,
                      UpskillPaper  *out_paper)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *paper = NULL;

  *out_coach = NULL;
  *out_paper = UPSKILL_PAPER_AUTO;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  if (g_settings_schema_has_key (schema, "coach-name"))
    *out_coach = g_settings_get_string (settings, "coach-name");
  if (g_settings_schema_has_key (schema, "paper-size"))
    {
      paper = g_settings_get_string (settings, "paper-size");
      if (g_str_equal (paper, "a4"))
        *out_paper = UPSKILL_PAPER_A4;
      else if (g_str_equal (paper, "letter"))
        *out_paper = UPSKILL_PAPER_LETTER;
    }
}

static gboolean
export_one (UpskillStore               *store,
            UpskillTrends              *trends,
            const char                 *id,
            const UpskillReportOptions *report_options,
            GFile                      *destination,
            GError                    **error)
{
  g_autoptr(UpskillProfile) profile = NULL;

  profile = upskill_store_load (store, id, NULL, error);
  if (profile == NULL)
    return FALSE;

  return upskill_report_write (profile, upskill_catalog_get_default (), trends,
                               report_options, destination, NULL, error);
}

static int
export_all (UpskillStore               *store,
            UpskillTrends              *trends,
            const char                 *output,
            const UpskillReportOptions *report_options)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (output);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  if (folder_path == NULL || (g_file_test (folder_path, G_FILE_TEST_EXISTS) &&
                              !g_file_test (folder_path, G_FILE_TEST_IS_DIR)))
    {
      g_autofree char *shown = g_filename_display_name (output);

      g_printerr (_("Could not write the reports into “%s”: it is not a folder\n"), shown);
      return 1;
    }
  if (g_mkdir_with_parents (folder_path, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (folder_path);

      g_printerr (_("Could not create the folder “%s”: %s\n"), shown, g_strerror (saved_errno));
      return 1;
    }

  summaries = upskill_store_list (store, NULL, &error);
  if (summaries == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);
      g_autoptr(UpskillProfile) profile = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFile) destination = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *shown_file_name = g_filename_display_name (summary->file_name);

      if (summary->error != NULL)
        {
          g_printerr (_("Skipped “%s”: %s\n"), shown_file_name, summary->error);
          failed++;
          continue;
        }

      profile = upskill_store_load (store, summary->id, NULL, &local_error);
      if (profile == NULL)
        {
          g_printerr (_("Skipped “%s”: %s\n"), shown_file_name, local_error->message);
          failed++;
          continue;
        }

      name = upskill_report_suggest_name (profile, report_options->date);
      if (g_hash_table_contains (used_names, name))
        {
          /* Two clients with the same name: keep both reports. */
          g_autofree char *base = g_strndup (name, strlen (name) - strlen (".pdf"));

          g_free (name);
          name = g_strdup_printf ("%s (%s).pdf", base, summary->id);
        }
      g_hash_table_add (used_names, g_strdup (name));

      destination = g_file_get_child (folder, name);
      if (!upskill_report_write (profile, upskill_catalog_get_default (), trends,
                                 report_options, destination, NULL, &local_error))
        {
          g_printerr ("%s\n", local_error->message);
          failed++;
          continue;
        }

      path = g_file_get_path (destination);
      g_print ("%s\n", path);
    }

  if (failed > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u report could not be written\n",
                               "%u reports could not be written\n", failed), failed);
      return 1;
    }

  return 0;
}

int
upskill_cli_export_report (UpskillStore  *store,
                           UpskillTrends *trends,
                           const char    *output,
                           GVariantDict  *options)
{
  UpskillReportOptions report_options;
  g_autofree char *settings_coach = NULL;
  const char *profile_name = NULL;
  const char *paper = NULL;
  const char *coach = NULL;
  gboolean all_profiles;

  g_return_val_if_fail (UPSKILL_IS_STORE (store), 1);
  g_return_val_if_fail (output != NULL, 1);

  upskill_report_options_init (&report_options);
  read_report_settings (&settings_coach, &report_options.paper);

  g_variant_dict_lookup (options, "profile", "&s", &profile_name);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  g_variant_dict_lookup (options, "coach", "&s", &coach);
  all_profiles = g_variant_dict_contains (options, "all-profiles");
  report_options.include_notes = !g_variant_dict_contains (options, "no-notes");
  report_options.coach_name = coach != NULL ? coach : settings_coach;

  if (paper != NULL)
    {
      if (g_ascii_strcasecmp (paper, "a4") == 0)
        report_options.paper = UPSKILL_PAPER_A4;
      else if (g_ascii_strcasecmp (paper, "letter") == 0)
        report_options.paper = UPSKILL_PAPER_LETTER;
      else if (g_ascii_strcasecmp (paper, "auto") == 0)
        report_options.paper = UPSKILL_PAPER_AUTO;
      else
        {
          g_printerr (_("Unknown paper size “%s”: use a4 or letter\n"), paper);
          return 2;
        }
    }

  if (all_profiles && profile_name != NULL)
    {
      g_printerr (_("Use either --profile or --all-profiles, not both\n"));
      return 2;
    }

  if (all_profiles)
    return export_all (store, trends, output, &report_options);

  if (profile_name == NULL)
    {
      g_printerr (_("--export-report needs --profile NAME-OR-ID, or --all-profiles with a folder\n"));
      return 2;
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) destination = g_file_new_for_commandline_arg (output);
    g_autofree char *id = NULL;
    g_autofree char *path = NULL;

    id = upskill_cli_resolve_profile (store, profile_name, &error);
    if (id == NULL || !export_one (store, trends, id, &report_options, destination, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }

    path = g_file_get_path (destination);
    g_print ("%s\n", path ? path : output);
  }

  return 0;
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
