/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "upskill-application.h"
#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-report.h"
#include "upskill-skills-page.h"
#include "upskill-test-ui.h"
#include "upskill-trends-page.h"
#include "upskill-trends.h"
#include "upskill-window-private.h"

/* The program in German from its start, as `LANG=de_DE.UTF-8 upskill`
 * runs it: María's Skills page and her report name the catalog's areas,
 * skills and role in German, and no English name or description of the
 * catalog, nor any English summary of the article's claims, is left in
 * them. */

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

/* The catalog's English names and descriptions and the article's summaries,
 * read from the bundled JSON itself, that German writes differently. */
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

  {
    g_autoptr(JsonNode) trends_root = parse_resource ("/com/example/Upskill/data/trends.json");
    JsonObject *trends = json_node_get_object (trends_root);
    JsonArray *sections = json_object_get_array_member (trends, "sections");
    JsonArray *claims = json_object_get_array_member (trends, "claims");

    for (guint i = 0; i < json_array_get_length (sections); i++)
      add_english (english, json_array_get_object_element (sections, i), "title", "article section");
    for (guint i = 0; i < json_array_get_length (claims); i++)
      {
        JsonObject *claim = json_array_get_object_element (claims, i);

        add_english (english, claim, "text", "claim");
        if (json_object_has_member (claim, "figure"))
          {
            JsonObject *figure = json_object_get_object_member (claim, "figure");

            add_english (english, figure, "unit", "figure unit");
            if (*json_object_get_string_member (figure, "qualifier") != '\0')
              add_english (english, figure, "qualifier", "figure qualifier");
          }
      }
  }

  g_assert_cmpuint (english->len, >, 120);
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

/* The text of a page of @type on the bundled catalog and trends, and on
 * @profile (may be NULL), shown @width pixels wide. */
static char *
dup_page_text (GType           type,
               UpskillProfile *profile,
               int             width)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  GString *text = g_string_new (NULL);
  GtkWidget *page;
  GtkWindow *window;

  page = g_object_new (type,
                       "catalog", catalog,
                       "trends", trends,
                       "profile", profile,
                       NULL);
  window = upskill_test_show_page (page, width, 800);
  collect_text (page, text);
  upskill_test_close_window (window);

  return g_string_free (text, FALSE);
}

static void
test_skills_page (void)
{
  g_autoptr(UpskillProfile) profile = NULL;
  g_autofree char *text = NULL;

  if (!german_or_skip ())
    return;

  profile = upskill_test_load_sample ("maria-gonzalez");
  text = dup_page_text (UPSKILL_TYPE_SKILLS_PAGE, profile, 1000);
  assert_german_names ("The Skills page", text);
  assert_no_english ("The Skills page", text);
}

/* The Trends page: the claims' summaries and the areas in German, the
 * figures in German digits, the article's own words in English. */
static void
test_trends_page (void)
{
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;

  if (!german_or_skip ())
    return;

  text = dup_page_text (UPSKILL_TYPE_TRENDS_PAGE, NULL, 1100);
  normal = normalize (text);
  g_assert_true (has_words (normal, "Amazon: 14.000 gestrichene Bürojobs"));
  g_assert_true (has_words (normal, "„Amazon, the seemingly unstoppable behemoth of e-commerce and cloud "
                                    "computing, is cutting 14,000 corporate jobs.“"));
  g_assert_true (has_words (normal, "Einleitung"));
  assert_no_english ("The Trends page", text);
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
  /* UPSKILL_SCREENSHOT_DIR keeps the report to look at, as the pages. */
  path = g_build_filename (g_getenv ("UPSKILL_SCREENSHOT_DIR") != NULL ? g_getenv ("UPSKILL_SCREENSHOT_DIR") : dir,
                           "de-report.pdf", NULL);
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

/* Iterates the main context until @condition holds; fails the test after
 * 20 seconds. */
#define WAIT_UNTIL(condition) UPSKILL_TEST_WAIT_UNTIL (condition)

static void
on_destroy (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static gboolean
showing (UpskillWindow *window,
         const char    *id)
{
  UpskillProfile *profile = upskill_window_get_profile (window);

  return !upskill_window_is_loading (window) &&
         profile != NULL &&
         g_strcmp0 (upskill_profile_get_id (profile), id) == 0;
}

static UpskillWindow *
open_window (UpskillApplication *application,
             int                 width,
             int                 height)
{
  UpskillWindow *window = upskill_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (!upskill_window_is_loading (window) && upskill_window_get_profile (window) != NULL);
  upskill_window_select (window, "maria-gonzalez");
  WAIT_UNTIL (showing (window, "maria-gonzalez"));

  return window;
}

static void
close_window (UpskillWindow *window)
{
  gboolean destroyed = FALSE;

  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL (destroyed);
}

static void
save_page (UpskillWindow *window,
           const char    *dir,
           const char    *page,
           const char    *size_name)
{
  g_autofree char *name = g_strdup_printf ("de-%s-%s.png", page, size_name);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  upskill_test_save_screenshot (GTK_WIDGET (window), path);
}

/* Every page in German, wide and narrow: UPSKILL_SCREENSHOT_DIR keeps
 * the pictures to look at; otherwise they go to a temporary folder. */
static void
test_pages (void)
{
  g_autoptr(UpskillApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *profiles_dir = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *samples[] = { "dana-okafor", "li-wei", "maria-gonzalez" };
  const char *pages[] = { "trends", "skills", "plan", "progress" };
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  UpskillWindow *window;

  if (!german_or_skip ())
    return;

  data_dir = upskill_test_make_tmp_dir ("upskill-german-XXXXXX");
  profiles_dir = g_build_filename (data_dir, "profiles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (profiles_dir, 0700), ==, 0);
  g_setenv ("UPSKILL_DATA_DIR", data_dir, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *resource = g_strdup_printf (UPSKILL_TEST_SAMPLES_PATH "%s.json", samples[i]);
      g_autofree char *file_name = g_strconcat (samples[i], ".json", NULL);
      g_autofree char *path = g_build_filename (profiles_dir, file_name, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);

      g_assert_nonnull (bytes);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL));
    }

  application = upskill_test_application_new ("com.example.Upskill.TestGerman");

  if (dir == NULL)
    dir = data_dir;

  /* Wide, going from page to page. */
  window = open_window (application, 1200, 800);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      upskill_window_show_page (window, pages[i]);
      save_page (window, dir, pages[i], "wide");
    }
  close_window (window);

  /* Narrow, each page in a window of its own that opens on it. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_settings_set_string (settings, "last-page", pages[i]);
      window = open_window (application, 400, 800);
      save_page (window, dir, pages[i], "narrow");
      close_window (window);
    }

  g_settings_reset (settings, "last-page");
  g_assert_true (upskill_test_remove_tree (data_dir, NULL));
}

/* A folded window's view switcher bar (libadwaita 1.2 on GTK 4.8) is
 * allocated -1 pixels high for a frame as it is revealed (its switcher,
 * or its action bar's empty box), in English alike: a warning about the
 * toolkit's own widgets, not about the German text this test is for. It
 * is let through as a message; any other warning still fails. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        (g_str_has_prefix (fields[i].value, "gtk_widget_size_allocate(): attempt to allocate GtkBox box ") ||
         g_str_has_prefix (fields[i].value, "gtk_widget_size_allocate(): attempt to allocate AdwViewSwitcher ")) &&
        g_str_has_suffix (fields[i].value, " and height -1"))
      log_level = G_LOG_LEVEL_MESSAGE;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
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
  g_test_add_func ("/upskill/german/trends-page", test_trends_page);
  g_test_add_func ("/upskill/german/report", test_report);
  g_test_add_func ("/upskill/german/pages", test_pages);

  return g_test_run ();
}
