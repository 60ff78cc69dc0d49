/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients overview in the window, on the bundled samples, driven as
 * a coach would: open it, sort, filter, open a client. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upskill-application.h"
#include "upskill-client.h"
#include "upskill-clients-view.h"
#include "upskill-report.h"
#include "upskill-report-options-dialog.h"
#include "upskill-test-ui.h"
#include "upskill-test-window.h"
#include "upskill-window-private.h"

/* The shared window fixture (upskill-test-window.h), under the name
 * the tests use. */
typedef UpskillTestWindow Fixture;

static const char *samples[] = { "dana-okafor", "li-wei", "maria-gonzalez" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* GSETTINGS_BACKEND=memory: one store for the whole run. */
  g_settings_reset (settings, "profile-sort");
  upskill_test_window_set_up (fixture, "upskill-clients-XXXXXX", TRUE);
  fixture->window = open_window (fixture);
  WAIT_UNTIL (upskill_window_get_profile (fixture->window) != NULL);
}

/* Which widget of @type a search wants: the first after @n_before. */
typedef struct
{
  GType  type;
  guint *n_before;
} NthWidget;

static gboolean
is_nth_widget (GtkWidget     *widget,
               gconstpointer  data)
{
  const NthWidget *nth = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, nth->type) && (*nth->n_before)-- == 0;
}

static GtkWidget *
find_second_widget (GtkWidget *widget,
                    GType      type)
{
  guint n_before = 1;
  NthWidget second = { type, &n_before };

  return upskill_test_find_widget (widget, is_nth_widget, &second);
}

static UpskillClientsView *
show_clients (Fixture *fixture)
{
  UpskillClientsView *view;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-clients", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "clients");
  view = UPSKILL_CLIENTS_VIEW (fixture->window->clients_view);
  WAIT_UNTIL (!upskill_clients_view_is_loading (view));
  upskill_test_flush ();

  return view;
}

static GtkColumnViewColumn *
find_column (GtkColumnView *table,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("No column “%s”", title);
  return NULL;
}

static UpskillClient *
row (UpskillClientsView *view,
     guint               position)
{
  g_autoptr(UpskillClient) client = g_list_model_get_item (upskill_clients_view_get_rows (view), position);

  return client;  /* the model holds it */
}

static guint
n_rows (UpskillClientsView *view)
{
  return g_list_model_get_n_items (upskill_clients_view_get_rows (view));
}

static void
test_list_and_sort (Fixture       *fixture,
                    gconstpointer  user_data)
{
  UpskillClientsView *view = show_clients (fixture);
  GtkColumnView *table = upskill_clients_view_get_table (view);
  GtkColumnViewColumn *readiness = find_column (table, "Readiness");
  GtkCheckButton *attention_first = GTK_CHECK_BUTTON (upskill_test_find_of_type (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON));
  gboolean seen_calm = FALSE;

  /* The three samples, by name. */
  g_assert_cmpuint (n_rows (view), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_rows (view); j++)
        found |= g_strcmp0 (upskill_client_get_id (row (view, j)), samples[i]) == 0;
      g_assert_true (found);
    }

  /* Those who need attention come first. */
  for (guint i = 0; i < n_rows (view); i++)
    {
      gboolean attention = upskill_client_get_attention (row (view, i)) != UPSKILL_ATTENTION_NONE;

      g_assert_false (attention && seen_calm);
      seen_calm |= !attention;
    }

  /* Readiness, both ways, over all clients. */
  gtk_check_button_set_active (attention_first, FALSE);
  gtk_column_view_sort_by_column (table, readiness, GTK_SORT_ASCENDING);
  upskill_test_flush ();
  for (guint i = 1; i < n_rows (view); i++)
    g_assert_cmpfloat (upskill_client_get_readiness (row (view, i - 1)), <=,
                       upskill_client_get_readiness (row (view, i)));
  g_assert_cmpfloat (upskill_client_get_readiness (row (view, 0)), <,
                     upskill_client_get_readiness (row (view, n_rows (view) - 1)));

  gtk_column_view_sort_by_column (table, readiness, GTK_SORT_DESCENDING);
  upskill_test_flush ();
  for (guint i = 1; i < n_rows (view); i++)
    g_assert_cmpfloat (upskill_client_get_readiness (row (view, i - 1)), >=,
                       upskill_client_get_readiness (row (view, i)));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  user_data)
{
  UpskillClientsView *view = show_clients (fixture);
  GtkEditable *search = GTK_EDITABLE (upskill_test_find_of_type (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
  GtkDropDown *roles = GTK_DROP_DOWN (upskill_test_find_of_type (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autofree char *role_id = NULL;
  guint n_with_role = 0;

  /* By a part of the name, in any case. */
  gtk_editable_set_text (search, "WEI");
  WAIT_UNTIL (n_rows (view) == 1);
  g_assert_cmpstr (upskill_client_get_id (row (view, 0)), ==, "li-wei");

  gtk_editable_set_text (search, "nobody by that name");
  WAIT_UNTIL (n_rows (view) == 0);
  gtk_editable_set_text (search, "");
  WAIT_UNTIL (n_rows (view) == 3);

  /* By target role: Dana's. */
  role_id = g_strdup (upskill_client_get_role_id (row (view, 0)));
  for (guint i = 0; i < n_rows (view); i++)
    n_with_role += g_strcmp0 (upskill_client_get_role_id (row (view, i)), role_id) == 0;
  for (guint i = 0; i < upskill_catalog_get_n_roles (catalog); i++)
    if (g_strcmp0 (upskill_catalog_get_role (catalog, i)->id, role_id) == 0)
      gtk_drop_down_set_selected (roles, i + 1);
  upskill_test_flush ();
  g_assert_cmpuint (n_rows (view), ==, n_with_role);
  g_assert_cmpuint (n_rows (view), <, 3);
  for (guint i = 0; i < n_rows (view); i++)
    g_assert_cmpstr (upskill_client_get_role_id (row (view, i)), ==, role_id);

  gtk_drop_down_set_selected (roles, 0);
  upskill_test_flush ();
  g_assert_cmpuint (n_rows (view), ==, 3);
}

/* Tags: a column to sort by, a menu of the tags in use, and the text
 * filter finds them too. */
static void
test_tags (Fixture       *fixture,
           gconstpointer  user_data)
{
  UpskillClientsView *view = show_clients (fixture);
  GtkColumnView *table = upskill_clients_view_get_table (view);
  GtkEditable *search = GTK_EDITABLE (upskill_test_find_of_type (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
  GtkDropDown *tags = GTK_DROP_DOWN (find_second_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  GtkCheckButton *attention_first = GTK_CHECK_BUTTON (upskill_test_find_of_type (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON));
  GListModel *menu = gtk_drop_down_get_model (tags);
  const char *menu_entries[] = { "All Tags", "Career change", "Employer-funded", "Evenings only",
                                 "Layoff cohort 2026", "Security track" };
  const char *by_tags[] = { "li-wei", "maria-gonzalez", "dana-okafor" };

  /* Every tag in use, once, in alphabetical order. */
  g_assert_cmpuint (g_list_model_get_n_items (menu), ==, G_N_ELEMENTS (menu_entries));
  for (guint i = 0; i < G_N_ELEMENTS (menu_entries); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (menu), i), ==, menu_entries[i]);

  /* Sorted by the Tags column: "Career change, …", "Employer-funded, …",
   * "Layoff cohort 2026, …". */
  gtk_check_button_set_active (attention_first, FALSE);
  gtk_column_view_sort_by_column (table, find_column (table, "Tags"), GTK_SORT_ASCENDING);
  upskill_test_flush ();
  for (guint i = 0; i < G_N_ELEMENTS (by_tags); i++)
    g_assert_cmpstr (upskill_client_get_id (row (view, i)), ==, by_tags[i]);
  gtk_column_view_sort_by_column (table, find_column (table, "Tags"), GTK_SORT_DESCENDING);
  upskill_test_flush ();
  g_assert_cmpstr (upskill_client_get_id (row (view, 0)), ==, "dana-okafor");

  /* One tag: Dana and María are employer-funded. */
  gtk_drop_down_set_selected (tags, 2);
  upskill_test_flush ();
  g_assert_cmpuint (n_rows (view), ==, 2);
  for (guint i = 0; i < n_rows (view); i++)
    g_assert_cmpstr (upskill_client_get_id (row (view, i)), !=, "li-wei");
  gtk_drop_down_set_selected (tags, 0);
  upskill_test_flush ();
  g_assert_cmpuint (n_rows (view), ==, 3);

  /* The text filter reads the tags, in any case. */
  gtk_editable_set_text (search, "security TRACK");
  WAIT_UNTIL (n_rows (view) == 1);
  g_assert_cmpstr (upskill_client_get_id (row (view, 0)), ==, "maria-gonzalez");
  gtk_editable_set_text (search, "");
  WAIT_UNTIL (n_rows (view) == 3);
}

static gboolean
file_is_archived (Fixture    *fixture,
                  const char *id)
{
  g_autofree char *file_name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (fixture->data_dir, "profiles", file_name, NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  return strstr (text, "\"archived\"") != NULL;
}

static gboolean
view_lists (UpskillClientsView *view,
            const char         *id,
            gboolean           *archived)
{
  for (guint i = 0; i < n_rows (view); i++)
    if (g_strcmp0 (upskill_client_get_id (row (view, i)), id) == 0)
      {
        *archived = upskill_client_get_archived (row (view, i));
        return TRUE;
      }

  return FALSE;
}

/* Archived clients are out of the overview until asked for, then shown
 * marked, and one is restored from there, for good. */
static void
test_archived (Fixture       *fixture,
               gconstpointer  user_data)
{
  UpskillWindow *window = fixture->window;
  UpskillClientsView *view;
  GtkCheckButton *show_archived;
  gboolean archived = FALSE;

  upskill_window_select (window, "li-wei");
  WAIT_UNTIL (g_strcmp0 (upskill_profile_get_id (upskill_window_get_profile (window)), "li-wei") == 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "archive-profile", NULL);
  WAIT_UNTIL (!upskill_window_is_busy (window) && file_is_archived (fixture, "li-wei"));
  /* Another client open: Li is restored from the overview alone. */
  upskill_window_select (window, "dana-okafor");
  WAIT_UNTIL (g_strcmp0 (upskill_profile_get_id (upskill_window_get_profile (window)), "dana-okafor") == 0);

  view = show_clients (fixture);
  show_archived = GTK_CHECK_BUTTON (find_second_widget (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON));
  g_assert_cmpuint (n_rows (view), ==, 2);
  g_assert_false (view_lists (view, "li-wei", &archived));

  gtk_check_button_set_active (show_archived, TRUE);
  upskill_test_flush ();
  g_assert_cmpuint (n_rows (view), ==, 3);
  g_assert_true (view_lists (view, "li-wei", &archived));
  g_assert_true (archived);
  g_assert_true (view_lists (view, "maria-gonzalez", &archived));
  g_assert_false (archived);
  if (g_getenv ("UPSKILL_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("UPSKILL_SCREENSHOT_DIR"),
                                                "clients-archived.png", NULL);

      upskill_test_save_screenshot (GTK_WIDGET (window), path);
    }

  /* The row's Restore button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "clients.restore", "s", "li-wei"));
  upskill_test_flush ();
  g_assert_true (view_lists (view, "li-wei", &archived));
  g_assert_false (archived);
  WAIT_UNTIL (!upskill_window_is_busy (window) && !file_is_archived (fixture, "li-wei"));

  /* Listed without asking, and again when the overview is opened anew. */
  gtk_check_button_set_active (show_archived, FALSE);
  upskill_test_flush ();
  g_assert_true (view_lists (view, "li-wei", &archived));
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-clients", NULL);
  view = show_clients (fixture);
  g_assert_true (view_lists (view, "li-wei", &archived));
  g_assert_false (archived);
  g_assert_cmpuint (n_rows (view), ==, 3);
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  user_data)
{
  UpskillClientsView *view = show_clients (fixture);
  GtkColumnView *table = upskill_clients_view_get_table (view);
  const char *id = NULL;
  guint position = 0;
  g_autofree char *accel = NULL;
  GtkWidget *overlay;

  /* One that is not open now. */
  for (guint i = 0; i < n_rows (view); i++)
    if (g_strcmp0 (upskill_client_get_id (row (view, i)),
                   upskill_profile_get_id (upskill_window_get_profile (fixture->window))) != 0)
      {
        position = i;
        id = upskill_client_get_id (row (view, i));
        break;
      }
  g_assert_nonnull (id);

  /* Enter or a double click on the row. */
  g_signal_emit_by_name (table, "activate", position);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "main");
  WAIT_UNTIL (!upskill_window_is_loading (fixture->window) &&
              g_strcmp0 (upskill_profile_get_id (upskill_window_get_profile (fixture->window)), id) == 0);

  /* And back, from the shortcut the shortcuts window lists. */
  accel = upskill_test_dup_shortcut (GTK_WIDGET (fixture->window), "win.show-clients", NULL);
  g_assert_nonnull (accel);
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_assert_true (upskill_test_overlay_lists (overlay, accel));
  show_clients (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "close-clients", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "main");
}

/* The sidebar, sorted as the coach chose, and so again next time. */
static void
test_sidebar_sort (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GListModel *profiles;

  g_autofree char *order = g_settings_get_string (settings, "profile-sort");
  g_autofree char *chosen = NULL;

  g_assert_cmpstr (order, ==, "changed");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "profile-sort",
                                  g_variant_new_string ("name"));
  upskill_test_flush ();
  chosen = g_settings_get_string (settings, "profile-sort");
  g_assert_cmpstr (chosen, ==, "name");

  close_window (fixture);
  fixture->window = open_window (fixture);
  profiles = upskill_window_get_visible_profiles (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 3);
  for (guint i = 1; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(UpskillProfileItem) before = g_list_model_get_item (profiles, i - 1);
      g_autoptr(UpskillProfileItem) after = g_list_model_get_item (profiles, i);

      g_assert_cmpint (g_utf8_collate (upskill_profile_item_get_name (before),
                                       upskill_profile_item_get_name (after)), <, 0);
    }

  /* The most recent session first: Li's (8 October), then María's, then Dana's. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "profile-sort",
                                  g_variant_new_string ("session"));
  upskill_test_flush ();
  for (guint i = 1; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(UpskillProfileItem) before = g_list_model_get_item (profiles, i - 1);
      g_autoptr(UpskillProfileItem) after = g_list_model_get_item (profiles, i);

      g_assert_cmpint (upskill_profile_item_get_last_session (before), >,
                       upskill_profile_item_get_last_session (after));
    }
  {
    g_autoptr(UpskillProfileItem) first = g_list_model_get_item (profiles, 0);

    g_assert_cmpstr (upskill_profile_item_get_id (first), ==, "li-wei");
  }
}

static gboolean
is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 1000 &&
         g_str_has_prefix (contents, "%PDF") &&
         g_strstr_len (contents + length - MIN (length, 64), MIN (length, 64), "%%EOF") != NULL;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Select two clients, Export Reports: the options, then a folder, then
 * one PDF each under the names the command line's --all-profiles gives. */
static void
test_export_selected (Fixture       *fixture,
                      gconstpointer  user_data)
{
  UpskillClientsView *view = show_clients (fixture);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (upskill_clients_view_get_rows (view));
  GtkWidget *button = upskill_test_find_button_for_action (GTK_WIDGET (view), "clients.export-reports");
  g_autofree char *folder = g_build_filename (fixture->data_dir, "reports", NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) ids = NULL;
  GtkWindow *dialog;

  g_assert_nonnull (button);
  g_assert_cmpuint (n_rows (view), ==, 3);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* Nothing selected: nothing to export. */
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Dana and María: 李伟's report meets a leak of cairo 1.16 in
   * cairo_surface_finish that lsan.supp matches only with the slow
   * unwinder, which the sanitizer run of the window tests does not use. */
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  g_assert_true (gtk_selection_model_select_item (selection, 1, FALSE));
  upskill_test_flush ();
  g_assert_true (gtk_widget_get_sensitive (button));
  ids = upskill_clients_view_dup_selected_ids (view);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, upskill_client_get_id (row (view, 0)));
  g_assert_cmpstr (ids[1], ==, upskill_client_get_id (row (view, 1)));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(UpskillProfile) profile = upskill_store_load (fixture->window->store, ids[i], NULL, NULL);
      g_autofree char *name = NULL;

      g_assert_nonnull (profile);
      name = upskill_report_suggest_name (profile, 0);
      g_ptr_array_add (expected, g_build_filename (folder, name, NULL));
    }

  upskill_test_keep_png (GTK_WIDGET (fixture->window), "clients-selected.png");

  /* What a click on the button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "clients.export-reports", NULL));
  WAIT_UNTIL ((dialog = upskill_test_find_window (UPSKILL_TYPE_REPORT_OPTIONS_DIALOG)) != NULL);
  upskill_test_keep_png (GTK_WIDGET (dialog), "export-reports-dialog.png");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Export Reports");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 clients"));

  if (upskill_test_can_open_file_chooser ())
    {
      upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "export");
      WAIT_UNTIL (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
      upskill_test_choose_folder_with_chooser (folder);
    }
  else
    {
      /* GTK's file chooser leaks under AddressSanitizer: the folder it
       * would give, with the ids the button would. */
      upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "export-reports-to",
                                      g_variant_new ("(s^as)", folder, ids));
    }

  WAIT_UNTIL (count_files (folder) == 2 &&
              is_pdf (g_ptr_array_index (expected, 0)) && is_pdf (g_ptr_array_index (expected, 1)));
  /* Still open on the Clients view, the selection kept. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "clients");
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  g_assert_false (gtk_selection_model_is_selected (selection, 2));

  /* Activating a row still opens that one client. */
  g_signal_emit_by_name (upskill_clients_view_get_table (view), "activate", 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "main");
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  /* Each a picture of the window showing a tab of the overview. */
  static const struct {
    const char *name;
    const char *tab;
    gboolean    narrow;  /* 400 pixels wide */
    gboolean    dark;
  } shots[] = {
    { "clients-light.png",       "table", FALSE, FALSE },
    { "clients-dark.png",        "table", FALSE, TRUE },
    { "clients-areas-light.png", "areas", FALSE, FALSE },
    { "clients-areas-dark.png",  "areas", FALSE, TRUE },
    { "clients-gaps-light.png",  "gaps",  FALSE, FALSE },
    { "clients-narrow.png",      "table", TRUE,  FALSE },
  };
  int wide, height;
  const char *dir = upskill_test_window_screenshot_dir (fixture, &wide, &height);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      int width = shots[i].narrow ? 400 : wide;
      UpskillClientsView *view;

      upskill_test_window_reopen (fixture, width, height, shots[i].dark);
      view = show_clients (fixture);
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (upskill_test_find_of_type (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)),
                                             shots[i].tab);
      upskill_test_window_save_screenshot (fixture, dir, shots[i].name, width, height);
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/upskill/clients-view/" path, Fixture, NULL, fixture_set_up, func, upskill_test_window_fixture_tear_down)

  ADD ("list-and-sort", test_list_and_sort);
  ADD ("filter", test_filter);
  ADD ("tags", test_tags);
  ADD ("archived", test_archived);
  ADD ("activate", test_activate);
  ADD ("export-selected", test_export_selected);
  ADD ("sidebar-sort", test_sidebar_sort);
  ADD ("render", test_render);

#undef ADD

  return g_test_run ();
}
