/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-report.h"
#include "upskill-skills-page.h"
#include "upskill-test-ui.h"
#include "upskill-trends.h"

/* The program in German from its start, as `LANG=de_DE.UTF-8 upskill`
 * runs it: María's Skills page and her report name the catalog's areas,
 * skills and role in German, and no English name or description of the
 * catalog is left in them. */

#define REPORT_DATE G_GINT64_CONSTANT (1795694400)

/* Text with its line breaks and spaces made single spaces, and a word
 * broken after a hyphen joined again: a PDF breaks a table cell's words
 * over lines, and "KI-Sicherheit" over "KI-" and "Sicherheit". */
static char *
normalize (const char *text)
{
  GString *normal = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = normal->len > 0 && normal->str[normal->len - 1] != '-';
          continue;
        }
      if (space)
        g_string_append_c (normal, ' ');
      space = FALSE;
      g_string_append_unichar (normal, c);
    }

  return g_string_free (normal, FALSE);
}

/* Whether @normal_text holds @needle as whole words: "Data Engineer" is
 * not in "Data Engineering". */
static gboolean
has_words (const char *normal_text,
           const char *needle)
{
  g_autofree char *normal_needle = normalize (needle);
  gsize length = strlen (normal_needle);

  for (const char *found = strstr (normal_text, normal_needle);
       found != NULL;
       found = strstr (found + 1, normal_needle))
    {
      gboolean starts = found == normal_text ||
                        !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (found)));
      gboolean ends = found[length] == '\0' ||
                      !g_unichar_isalnum (g_utf8_get_char (found + length));

      if (starts && ends)
        return TRUE;
    }

  return FALSE;
}

static JsonNode *
parse_resource (const char *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (g_bytes_get_data (bytes, NULL), &error);

  g_assert_no_error (error);
  return root;
}

static void
add_english (GPtrArray  *english,
             JsonObject *object,
             const char *member,
             const char *context)
{
  const char *text = json_object_get_string_member (object, member);

  /* Names that German writes the same way ("Python", "SQL") say nothing. */
  if (g_strcmp0 (upskill_catalog_translate (context, text), text) != 0)
    g_ptr_array_add (english, g_strdup (text));
}

/* The catalog's English names and descriptions, read from the bundled
 * JSON itself, that German writes differently. */
static GPtrArray *
dup_english_catalog_text (void)
{
  g_autoptr(JsonNode) root = parse_resource ("/com/example/Upskill/data/catalog.json");
  JsonObject *catalog = json_node_get_object (root);
  JsonArray *areas = json_object_get_array_member (catalog, "areas");
  JsonArray *roles = json_object_get_array_member (catalog, "roles");
  GPtrArray *english = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      JsonObject *area = json_array_get_object_element (areas, i);
      JsonArray *skills = json_object_get_array_member (area, "skills");

      add_english (english, area, "name", "area name");
      add_english (english, area, "summary", "area summary");
      for (guint j = 0; j < json_array_get_length (skills); j++)
        {
          add_english (english, json_array_get_object_element (skills, j), "name", "skill name");
          add_english (english, json_array_get_object_element (skills, j), "description", "skill description");
        }
    }
  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      add_english (english, json_array_get_object_element (roles, i), "name", "role name");
      add_english (english, json_array_get_object_element (roles, i), "description", "role description");
    }

  g_assert_cmpuint (english->len, >, 60);
  return english;
}

static void
assert_no_english (const char *what,
                   const char *text)
{
  g_autoptr(GPtrArray) english = dup_english_catalog_text ();
  g_autofree char *normal = normalize (text);

  for (guint i = 0; i < english->len; i++)
    if (has_words (normal, g_ptr_array_index (english, i)))
      g_error ("%s shows the English “%s”", what, (const char *) g_ptr_array_index (english, i));
}

static void
assert_german_names (const char *what,
                     const char *text)
{
  g_autofree char *normal = normalize (text);
  const char *names[] = { "KI-Sicherheit", "Datenschutz bei KI", "KI-Sicherheitsingenieur" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!has_words (normal, names[i]))
      g_error ("%s does not show the German “%s”:\n%s", what, names[i], text);
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL)
    g_string_append_printf (text, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_EXPANDER_ROW (widget) && adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)) != NULL)
    g_string_append_printf (text, "%s\n", adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static gboolean
german_or_skip (void)
{
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "de_DE.UTF-8") != 0)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/install-deps builds it)");
      return FALSE;
    }

  return TRUE;
}

static void
test_skills_page (void)
{
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  GtkWidget *page;
  GtkWindow *window;

  if (!german_or_skip ())
    return;

  trends = upskill_trends_new_bundled (catalog);
  profile = upskill_test_load_sample ("maria-gonzalez");
  page = g_object_new (UPSKILL_TYPE_SKILLS_PAGE,
                       "catalog", catalog,
                       "trends", trends,
                       "profile", profile,
                       NULL);
  window = upskill_test_show_page (page, 1000, 800);

  collect_text (page, text);
  assert_german_names ("The Skills page", text->str);
  assert_no_english ("The Skills page", text->str);

  upskill_test_close_window (window);
}

static void
test_report (void)
{
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  UpskillReportOptions options;

  if (!german_or_skip () || !upskill_test_have_poppler ())
    return;

  trends = upskill_trends_new_bundled (catalog);
  profile = upskill_test_load_sample ("maria-gonzalez");
  dir = upskill_test_make_tmp_dir ("upskill-german-XXXXXX");
  path = g_build_filename (dir, "bericht.pdf", NULL);
  file = g_file_new_for_path (path);

  upskill_report_options_init (&options);
  options.date = REPORT_DATE;
  options.paper = UPSKILL_PAPER_A4;
  /* The notes are María's and her coach's own words, in English. */
  options.include_notes = FALSE;
  g_assert_true (upskill_report_write (profile, catalog, trends, &options, file, NULL, &error));
  g_assert_no_error (error);

  text = upskill_test_pdf_text (path);
  assert_german_names ("The report", text);
  assert_no_english ("The report", text);
  /* The layoffs the market context charts, in German digits. */
  g_assert_nonnull (strstr (text, "~27.000+"));
  g_assert_null (strstr (text, "27,000"));

  g_assert_true (upskill_test_remove_tree (dir, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);

  /* After gtk_test_init(), which sets its own locale, and before anything
   * reads the catalog, as main() does. */
  setlocale (LC_ALL, "de_DE.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UPSKILL_LOCALE_DIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  upskill_test_load_style ();

  g_test_add_func ("/upskill/german/skills-page", test_skills_page);
  g_test_add_func ("/upskill/german/report", test_report);

  return g_test_run ();
}
