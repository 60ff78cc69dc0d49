/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "upskill-format.h"
#include "upskill-catalog.h"
#include "upskill-cli.h"
#include "upskill-error.h"
#include "upskill-report.h"

/* ---------------------------------------------------------------- */
/* Output a terminal can be trusted with                             */
/* ---------------------------------------------------------------- */

/* Names, ids, paths and messages come from files anyone can write: an
 * escape sequence in a profile's name must not reach the terminal as
 * one (it could retitle the window, hide text, or worse), and a newline
 * or tab in it must not forge a line or a column. Control characters
 * (C0, DEL, C1) and the Unicode line separators are written as
 * backslash escapes; bytes that are not UTF-8 as \xNN. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    escape_backslash)
{
  const char *p = text;
  const char *end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      switch (c)
        {
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\\':
          g_string_append (out, escape_backslash ? "\\\\" : "\\");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\x%02x", c);
          else if ((c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      p = g_utf8_next_char (p);
    }
}

char *
upskill_cli_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text ? text : "", FALSE);
  return g_string_free (out, FALSE);
}

/* One line, escaped, in UTF-8 whatever the locale's character set. */
static void
write_line (FILE       *stream,
            const char *format,
            va_list     args)
{
  g_autofree char *line = g_strdup_vprintf (format, args);
  g_autofree char *escaped = upskill_cli_escape (line);

  fputs (escaped, stream);
  fputc ('\n', stream);
  fflush (stream);
}

void
upskill_cli_print (const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  write_line (stdout, format, args);
  va_end (args);
}

void
upskill_cli_printerr (const char *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  write_line (stderr, format, args);
  va_end (args);
}

/* ---------------------------------------------------------------- */
/* Options                                                           */
/* ---------------------------------------------------------------- */

static const GOptionEntry option_entries[] = {
  { "list-profiles", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the profiles: id, name, target role, overall readiness"), NULL },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("How --list-profiles writes: text, tsv or json"), N_("FORMAT") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a profile file and print its id"), N_("FILE") },
  { "if-exists", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What --import does with a profile that is already here: keep-both, replace or merge"),
    N_("CHOICE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open on the sample profiles in a temporary folder"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version"), NULL },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a progress report as PDF to FILE (“-” for standard output; a folder with --all-profiles)"),
    N_("FILE") },
  { "profile", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The profile to report on, by name or id"), N_("NAME-OR-ID") },
  { "all-profiles", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Report on every profile, one file each"), NULL },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper size of the report: a4 or letter (default: from the locale)"), N_("SIZE") },
  { "no-notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave the session notes out of the report"), NULL },
  { "no-evidence", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave the evidence under each rated skill out of the report"), NULL },
  { "no-market-context", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Leave the market context (the article’s claims) out of the report"), NULL },
  { "coach", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The coach’s name on the report’s cover (default: from Preferences)"), N_("NAME") },
  { "coach-name", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    N_("The coach’s name on the report’s cover (default: from Preferences)"), N_("NAME") },
  { "coach-contact", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("How to reach the coach, in the report’s sign-off (default: from Preferences)"), N_("CONTACT") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The report’s “as of” date (default: today)"), N_("YYYY-MM-DD") },
  { NULL }
};

const GOptionEntry *
upskill_cli_get_option_entries (void)
{
  return option_entries;
}

const char *
upskill_cli_get_exit_status_help (void)
{
  return _("Exit status:\n"
           "  0  done\n"
           "  1  failed (a profile or file could not be read or written)\n"
           "  2  wrong usage (an unknown option, a missing or bad value, a stray argument)");
}

static void
print_usage_hint (void)
{
  upskill_cli_printerr (_("Run “%s --help” to see the options."), g_get_prgname () ? g_get_prgname () : "upskill");
}

int
upskill_cli_check_usage (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree gpointer *values = NULL;
  guint n_entries = 0;
  int status = -1;

  /* GApplication prints its help itself. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") || g_str_has_prefix (argv[i], "--help"))
        return -1;
    }

  /* The same options, parsed once more into scratch storage: GApplication
   * would answer an unknown option with status 1 and take a stray
   * argument for a file to open. */
  while (option_entries[n_entries].long_name != NULL)
    n_entries++;
  entries = g_new0 (GOptionEntry, n_entries + 1);
  values = g_new0 (gpointer, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      entries[i] = option_entries[i];
      entries[i].arg_data = &values[i];
    }

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      upskill_cli_printerr ("%s", error->message);
      print_usage_hint ();
      status = 2;
    }
  else if (args[0] != NULL && args[1] != NULL)
    {
      upskill_cli_printerr (_("Unexpected argument “%s”: Upskill takes only options"), args[1]);
      print_usage_hint ();
      status = 2;
    }

  for (guint i = 0; i < n_entries; i++)
    if (entries[i].arg != G_OPTION_ARG_NONE)
      g_free (values[i]);

  return status;
}

/* ---------------------------------------------------------------- */
/* --list-profiles                                                   */
/* ---------------------------------------------------------------- */

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const UpskillProfileSummary *x = *(UpskillProfileSummary * const *) a;
  const UpskillProfileSummary *y = *(UpskillProfileSummary * const *) b;
  g_autofree char *x_key = NULL;
  g_autofree char *y_key = NULL;
  int order;

  /* Files that could not be read come last, by id. */
  if ((x->name == NULL) != (y->name == NULL))
    return x->name == NULL ? 1 : -1;

  x_key = g_utf8_collate_key (x->name ? x->name : "", -1);
  y_key = g_utf8_collate_key (y->name ? y->name : "", -1);
  order = strcmp (x_key, y_key);

  /* The same name twice (or two broken files): by id, so the order
   * is the same on every run. */
  return order != 0 ? order : strcmp (x->id, y->id);
}

static void
append_tsv_field (GString    *line,
                  const char *field)
{
  if (line->len > 0)
    g_string_append_c (line, '\t');
  append_escaped (line, field ? field : "", TRUE);
}

static char *
format_readiness (const UpskillProfileSummary *summary)
{
  if (summary->error != NULL || summary->readiness < 0)
    return g_strdup ("");
  /* The figure the window and the report show, as a bare number. */
  return g_strdup_printf ("%d", upskill_format_percent_value (summary->readiness));
}

/* JSON escapes C0 controls itself; C1 controls (a raw CSI) and the line
 * separators are escaped too, as the other formats do. */
static char *
escape_json_output (const char *json)
{
  GString *out = g_string_new (NULL);

  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

int
upskill_cli_list_profiles (UpskillStore *store,
                           const char   *format)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  UpskillCatalog *catalog = upskill_catalog_get_default ();

  g_return_val_if_fail (UPSKILL_IS_STORE (store), 1);

  if (format == NULL)
    format = "text";
  if (!g_str_equal (format, "text") && !g_str_equal (format, "tsv") && !g_str_equal (format, "json"))
    {
      upskill_cli_printerr (_("Unknown format “%s”: use text, tsv or json"), format);
      return 2;
    }

  summaries = upskill_store_list (store, NULL, &error);
  if (summaries == NULL)
    {
      upskill_cli_printerr ("%s", error->message);
      return 1;
    }
  g_ptr_array_sort (summaries, compare_summaries);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;
      g_autofree char *escaped = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < summaries->len; i++)
        {
          UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);
          UpskillRole *role = summary->error ? NULL : upskill_catalog_find_role (catalog, summary->target_role);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, summary->id);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, summary->file_name);
          json_builder_set_member_name (builder, "name");
          if (summary->name != NULL)
            json_builder_add_string_value (builder, summary->name);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "target_role");
          if (role != NULL)
            json_builder_add_string_value (builder, role->name);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "readiness");
          if (summary->error == NULL && summary->readiness >= 0)
            {
              /* Rounded as the other formats print it. */
              g_autofree char *readiness = format_readiness (summary);

              json_builder_add_int_value (builder, g_ascii_strtoll (readiness, NULL, 10));
            }
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "error");
          if (summary->error != NULL)
            json_builder_add_string_value (builder, summary->error);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json = json_generator_to_data (generator, NULL);
      escaped = escape_json_output (json);
      fputs (escaped, stdout);
      fputc ('\n', stdout);
      fflush (stdout);
      return 0;
    }

  if (g_str_equal (format, "tsv"))
    {
      /* A header, then one row per file; a broken one with its error. */
      fputs ("id\tname\ttarget_role\treadiness\terror\n", stdout);
      for (guint i = 0; i < summaries->len; i++)
        {
          UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);
          UpskillRole *role = summary->error ? NULL : upskill_catalog_find_role (catalog, summary->target_role);
          g_autoptr(GString) line = g_string_new (NULL);
          g_autofree char *readiness = format_readiness (summary);

          append_tsv_field (line, summary->id);
          append_tsv_field (line, summary->name);
          append_tsv_field (line, role ? role->name : NULL);
          append_tsv_field (line, readiness);
          append_tsv_field (line, summary->error);
          g_string_append_c (line, '\n');
          fputs (line->str, stdout);
        }
      fflush (stdout);
      return 0;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);
      UpskillRole *role = upskill_catalog_find_role (catalog, summary->target_role);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *readiness = NULL;

      if (summary->error != NULL)
        {
          /* A broken file is listed (so the user knows it is there) and
           * explained on stderr; it does not stop the others. Its "id"
           * is its file name, which may not be text. */
          g_autofree char *shown_id = g_filename_display_name (summary->id);

          append_tsv_field (line, shown_id);
          append_tsv_field (line, _("(could not be read)"));
          upskill_cli_printerr ("%s", summary->error);
        }
      else
        {
          /* The figure the window and the report show. */
          readiness = upskill_format_percent (summary->readiness);
          append_tsv_field (line, summary->id);
          append_tsv_field (line, summary->name);
          append_tsv_field (line, role ? role->name : _("No target role"));
          append_tsv_field (line, readiness);
        }
      g_string_append_c (line, '\n');
      fputs (line->str, stdout);
    }
  fflush (stdout);

  return 0;
}

int
upskill_cli_import (UpskillStore *store,
                    const char   *path,
                    const char   *if_exists)
{
  static const struct {
    const char        *name;
    UpskillImportMode  mode;
  } modes[] = {
    { "keep-both", UPSKILL_IMPORT_KEEP_BOTH },
    { "replace", UPSKILL_IMPORT_REPLACE },
    { "merge", UPSKILL_IMPORT_MERGE },
  };
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  UpskillImportMode mode = UPSKILL_IMPORT_REFUSE;
  gboolean known = (if_exists == NULL);

  for (guint i = 0; i < G_N_ELEMENTS (modes) && !known; i++)
    if (g_str_equal (if_exists, modes[i].name))
      {
        mode = modes[i].mode;
        known = TRUE;
      }

  if (!known)
    {
      upskill_cli_printerr (_("Unknown choice “%s” for --if-exists: use keep-both, replace or merge"), if_exists);
      return 2;
    }

  profile = upskill_store_import (store, file, mode, NULL, &error);
  if (profile == NULL)
    {
      upskill_cli_printerr ("%s", error->message);
      if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_EXISTS))
        upskill_cli_printerr (_("Choose what to do with it: --if-exists=keep-both, replace or merge"));
      return 1;
    }

  upskill_cli_print ("%s", upskill_profile_get_id (profile));
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

/* The coach's name and contact and the paper size from the settings,
 * when the schema is installed; the command line must work without it. */
static void
read_report_settings (UpskillTrends *trends,
                      char         **out_coach,
                      char         **out_contact,
                      UpskillPaper  *out_paper)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *paper = NULL;

  *out_coach = NULL;
  *out_contact = NULL;
  *out_paper = UPSKILL_PAPER_AUTO;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  if (g_settings_schema_has_key (schema, "coach-name"))
    *out_coach = g_settings_get_string (settings, "coach-name");
  if (g_settings_schema_has_key (schema, "coach-contact"))
    *out_contact = g_settings_get_string (settings, "coach-contact");
  if (g_settings_schema_has_key (schema, "trend-weight") && trends != NULL)
    /* The ranking the window shows: its "Weight of market trends". */
    upskill_trends_set_weight (trends, g_settings_get_enum (settings, "trend-weight"));
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
  g_autoptr(UpskillReportNames) names = upskill_report_names_new ();
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  if (folder_path == NULL || (g_file_test (folder_path, G_FILE_TEST_EXISTS) &&
                              !g_file_test (folder_path, G_FILE_TEST_IS_DIR)))
    {
      g_autofree char *shown = g_filename_display_name (output);

      upskill_cli_printerr (_("Could not write the reports into “%s”: it is not a folder"), shown);
      return 1;
    }
  /* The reports hold the clients' data: a new folder is the user's alone. */
  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (folder_path);

      upskill_cli_printerr (_("Could not create the folder “%s”: %s"), shown, g_strerror (saved_errno));
      return 1;
    }
  /* Said once, before any work: not once per profile. */
  if (g_access (folder_path, W_OK | X_OK) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (folder_path);

      upskill_cli_printerr (_("Could not write the reports into “%s”: %s"), shown, g_strerror (saved_errno));
      return 1;
    }

  summaries = upskill_store_list (store, NULL, &error);
  if (summaries == NULL)
    {
      upskill_cli_printerr ("%s", error->message);
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
          upskill_cli_printerr (_("Skipped “%s”: %s"), shown_file_name, summary->error);
          failed++;
          continue;
        }

      profile = upskill_store_load (store, summary->id, NULL, &local_error);
      if (profile == NULL)
        {
          upskill_cli_printerr (_("Skipped “%s”: %s"), shown_file_name, local_error->message);
          failed++;
          continue;
        }

      /* Two clients with the same name (in any case) both keep their report. */
      name = upskill_report_names_next (names, profile, report_options->date);
      destination = g_file_get_child (folder, name);
      if (!upskill_report_write (profile, upskill_catalog_get_default (), trends,
                                 report_options, destination, NULL, &local_error))
        {
          /* Every report goes to the same folder: what failed one
           * (permissions, a full disk) fails the rest. Stop, and say it once. */
          upskill_cli_printerr ("%s", local_error->message);
          upskill_cli_printerr (_("Stopped: the other reports were not written"));
          return 1;
        }

      path = g_file_get_path (destination);
      upskill_cli_print ("%s", path);
    }

  if (failed > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report could not be written",
                                                               "%u reports could not be written", failed),
                                                  failed);

      upskill_cli_printerr ("%s", message);
      return 1;
    }

  return 0;
}

/* "2026-11-26" as noon local time on that day, so the date stays the same
 * in every time zone the report is read in. */
static gboolean
parse_report_date (const char *text,
                   gint64     *out_time)
{
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;
  char end;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      text[4] != '-' || text[7] != '-' ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  time = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (time == NULL)
    return FALSE;
  *out_time = g_date_time_to_unix (time);
  return TRUE;
}

static int
export_to_stdout (UpskillStore               *store,
                  UpskillTrends              *trends,
                  const char                 *profile_name,
                  const UpskillReportOptions *report_options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *id = NULL;
  const guint8 *data;
  gsize size;

  if (isatty (STDOUT_FILENO))
    {
      upskill_cli_printerr (_("Standard output is a terminal: send the PDF to a file or a pipe (> report.pdf)"));
      return 2;
    }

  id = upskill_cli_resolve_profile (store, profile_name, &error);
  if (id != NULL)
    profile = upskill_store_load (store, id, NULL, &error);
  if (profile != NULL)
    pdf = upskill_report_render (profile, upskill_catalog_get_default (), trends, report_options, NULL, &error);
  if (pdf == NULL)
    {
      upskill_cli_printerr ("%s", error->message);
      return 1;
    }

  data = g_bytes_get_data (pdf, &size);
  while (size > 0)
    {
      ssize_t written = write (STDOUT_FILENO, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved_errno = errno;

          upskill_cli_printerr (_("Could not write the report to standard output: %s"),
                                g_strerror (saved_errno));
          return 1;
        }
      data += written;
      size -= written;
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
  g_autofree char *settings_contact = NULL;
  const char *profile_name = NULL;
  const char *contact = NULL;
  const char *paper = NULL;
  const char *coach = NULL;
  const char *date = NULL;
  gboolean all_profiles;

  g_return_val_if_fail (UPSKILL_IS_STORE (store), 1);
  g_return_val_if_fail (output != NULL, 1);

  upskill_report_options_init (&report_options);
  read_report_settings (trends, &settings_coach, &settings_contact, &report_options.paper);

  g_variant_dict_lookup (options, "profile", "&s", &profile_name);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  if (!g_variant_dict_lookup (options, "coach-name", "&s", &coach))
    g_variant_dict_lookup (options, "coach", "&s", &coach);
  g_variant_dict_lookup (options, "coach-contact", "&s", &contact);
  g_variant_dict_lookup (options, "date", "&s", &date);
  all_profiles = g_variant_dict_contains (options, "all-profiles");
  report_options.include_notes = !g_variant_dict_contains (options, "no-notes");
  /* Everything unless a flag says otherwise, whatever the window's
   * export dialog last chose: a script's reports do not change with it. */
  report_options.include_evidence = !g_variant_dict_contains (options, "no-evidence");
  report_options.include_market_context = !g_variant_dict_contains (options, "no-market-context");
  report_options.coach_name = coach != NULL ? coach : settings_coach;
  report_options.coach_contact = contact != NULL ? contact : settings_contact;

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
          upskill_cli_printerr (_("Unknown paper size “%s”: use a4 or letter"), paper);
          return 2;
        }
    }

  if (date != NULL && !parse_report_date (date, &report_options.date))
    {
      upskill_cli_printerr (_("Unknown date “%s”: use YYYY-MM-DD, such as 2026-11-26"), date);
      return 2;
    }

  if (all_profiles && profile_name != NULL)
    {
      upskill_cli_printerr (_("Use either --profile or --all-profiles, not both"));
      return 2;
    }

  if (all_profiles && g_str_equal (output, "-"))
    {
      upskill_cli_printerr (_("--all-profiles writes one file per profile: give it a folder, not “-”"));
      return 2;
    }

  if (all_profiles)
    return export_all (store, trends, output, &report_options);

  if (profile_name == NULL)
    {
      upskill_cli_printerr (_("--export-report needs --profile NAME-OR-ID, or --all-profiles with a folder"));
      return 2;
    }

  if (g_str_equal (output, "-"))
    return export_to_stdout (store, trends, profile_name, &report_options);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) destination = g_file_new_for_commandline_arg (output);
    g_autofree char *id = NULL;
    g_autofree char *path = NULL;

    id = upskill_cli_resolve_profile (store, profile_name, &error);
    if (id == NULL || !export_one (store, trends, id, &report_options, destination, &error))
      {
        upskill_cli_printerr ("%s", error->message);
        return 1;
      }

    path = g_file_get_path (destination);
    upskill_cli_print ("%s", path ? path : output);
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
