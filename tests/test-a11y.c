/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a screen reader hears: the window on the sample profiles, each
 * page and each dialog, read through the accessibility bus (AT-SPI) as
 * Orca reads it. Every sensitive interactive control must have a name
 * that is not empty, not a GTK type name and not its mnemonic read twice.
 *
 * Two processes, because AT-SPI calls are synchronous and an application
 * cannot answer its own: this program runs itself with --driver, which
 * opens the window and shows one state after another; for each, the
 * driver says "ready", the checker walks the tree over the bus and
 * answers "next". */
#include "config.h"

/* libatspi 2.46 declares its functions without arguments as "()". */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <atspi/atspi.h>
#pragma GCC diagnostic pop

/* libatspi 2.46 defines no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <string.h>
#include <unistd.h>

#include "upskill-application.h"
#include "upskill-evidence-dialog.h"
#include "upskill-module-chooser.h"
#include "upskill-note-dialog.h"
#include "upskill-profile-dialog.h"
#include "upskill-report-options-dialog.h"
#include "upskill-skill-row.h"
#include "upskill-step-dialog.h"
#include "upskill-test-ui.h"
#include "upskill-window-private.h"

/* The driver: a GTK program with its accessibility on. */

#define WAIT_UNTIL(condition) WAIT_UNTIL_FOR (condition, 20)
#define WAIT_UNTIL_FOR(condition, seconds) UPSKILL_TEST_WAIT_UNTIL_FOR (condition, seconds)

typedef struct
{
  UpskillApplication *application;
  UpskillWindow      *window;
  GDataInputStream   *commands;
  char               *answer;
  gboolean            answered;
} Driver;

static void
on_command (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Driver *driver = user_data;
  g_autoptr(GError) error = NULL;

  driver->answer = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (driver->answer == NULL)
    g_error ("The checker went away: %s", error != NULL ? error->message : "end of input");
  driver->answered = TRUE;
}

/* Tells the checker that @state is on screen in the window titled
 * @title (NULL: the main window), and waits, the main loop running so
 * that the application answers the checker, until it is checked. */
static void
driver_ready (Driver     *driver,
              const char *state,
              GtkWindow  *shown)
{
  g_autofree char *answer = NULL;
  const char *title;

  upskill_test_wait_for_frames (GTK_WIDGET (shown), 2);
  upskill_test_flush ();
  /* UPSKILL_A11Y_SCREENSHOT_DIR: a picture of each state checked. */
  if (g_getenv ("UPSKILL_A11Y_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *file_name = g_strdelimit (g_strconcat (state, ".png", NULL), "/", '-');
      g_autofree char *path = g_build_filename (g_getenv ("UPSKILL_A11Y_SCREENSHOT_DIR"), file_name, NULL);

      upskill_test_save_png (GTK_WIDGET (shown), path);
    }
  title = gtk_window_get_title (shown);
  if (title == NULL)
    title = "";

  g_print ("ready\t%s\t%s\t%s\n", state, title, gtk_window_get_title (GTK_WINDOW (driver->window)));
  fflush (stdout);

  driver->answered = FALSE;
  g_data_input_stream_read_line_async (driver->commands, G_PRIORITY_DEFAULT, NULL, on_command, driver);
  /* Reading a page's tree takes a while on a busy machine. */
  WAIT_UNTIL_FOR (driver->answered, 240);
  answer = g_steal_pointer (&driver->answer);
  g_assert_cmpstr (answer, ==, "next");
}

static gboolean
window_ready (UpskillWindow *window)
{
  return !upskill_window_is_loading (window);
}

static gboolean
showing (UpskillWindow *window,
         const char    *id)
{
  UpskillProfile *profile = upskill_window_get_profile (window);

  return window_ready (window) &&
         profile != NULL &&
         g_strcmp0 (upskill_profile_get_id (profile), id) == 0;
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens every skill row under @widget: what a collapsed row holds is
 * built when it is first opened, and must be named then too. */
static void
expand_skill_rows (GtkWidget *widget)
{
  if (UPSKILL_IS_SKILL_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_skill_rows (child);
}

/* Opens a dialog with @action on @widget (or the application's @action
 * when @widget is NULL), waits for a window of @type, reports it and
 * closes it. */
static void
driver_dialog (Driver     *driver,
               const char *state,
               GtkWidget  *widget,
               const char *action,
               GType       type)
{
  GtkWindow *dialog;

  if (widget != NULL)
    g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  else
    g_action_group_activate_action (G_ACTION_GROUP (driver->application), action, NULL);
  WAIT_UNTIL ((dialog = upskill_test_find_window (type)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  driver_ready (driver, state, dialog);
  gtk_window_destroy (dialog);
  WAIT_UNTIL (upskill_test_find_window (type) == NULL);
}

static void
copy_samples (const char *profiles_dir)
{
  const char *samples[] = { "dana-okafor", "li-wei", "maria-gonzalez" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *resource = g_strconcat (UPSKILL_TEST_SAMPLES_PATH, samples[i], ".json", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *file_name = g_strconcat (samples[i], ".json", NULL);
      g_autofree char *path = g_build_filename (profiles_dir, file_name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (bytes);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }
}

static int
run_driver (void)
{
  static const char * const profiles[] = { "maria-gonzalez", "dana-okafor" };
  static const char * const pages[] = { "trends", "skills", "plan", "progress" };
  g_autofree char *data_dir = upskill_test_make_tmp_dir ("upskill-a11y-XXXXXX");
  g_autofree char *profiles_dir = g_build_filename (data_dir, "profiles", NULL);
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GError) error = NULL;
  Driver driver = { NULL, };
  UpskillWindow *window;
  GtkWidget *row;

  g_assert_cmpint (g_mkdir_with_parents (profiles_dir, 0700), ==, 0);
  g_setenv ("UPSKILL_DATA_DIR", data_dir, TRUE);
  copy_samples (profiles_dir);
  driver.commands = g_data_input_stream_new (input);

  driver.application = upskill_test_application_new ("com.example.Upskill.A11yTest");

  driver.window = window = upskill_window_new (driver.application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (window_ready (window) && upskill_window_get_profile (window) != NULL);

  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    {
      upskill_window_select (window, profiles[p]);
      WAIT_UNTIL (showing (window, profiles[p]));
      /* Each page shown (a page may be built when first shown), then the
       * window read once: GTK 4.8 presents every page of the stack. */
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          upskill_window_show_page (window, pages[i]);
          upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
          if (g_str_equal (pages[i], "skills"))
            {
              expand_skill_rows (window->skills_page);
              upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
            }
        }
      driver_ready (&driver, profiles[p], GTK_WINDOW (window));
    }

  /* The Clients overview: its table, heat map and common gaps, each
   * shown once before the window is read. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-clients", NULL);
  WAIT_UNTIL (!upskill_clients_view_is_loading (UPSKILL_CLIENTS_VIEW (window->clients_view)));
  {
    static const char * const tabs[] = { "gaps", "areas", "table" };
    AdwViewStack *tab_stack = ADW_VIEW_STACK (find_first (window->clients_view, ADW_TYPE_VIEW_STACK));

    for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
      {
        adw_view_stack_set_visible_child_name (tab_stack, tabs[i]);
        upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
      }
  }
  /* Two clients selected: Export Reports is sensitive, and read. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (upskill_clients_view_get_rows (UPSKILL_CLIENTS_VIEW (window->clients_view))),
                                   0, FALSE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (upskill_clients_view_get_rows (UPSKILL_CLIENTS_VIEW (window->clients_view))),
                                   1, FALSE);
  upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
  driver_ready (&driver, "clients", GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-clients", NULL);

  /* The dialogs, on María's profile. */
  upskill_window_select (window, "maria-gonzalez");
  WAIT_UNTIL (showing (window, "maria-gonzalez"));
  driver_dialog (&driver, "new-profile", GTK_WIDGET (window), "win.new-profile", UPSKILL_TYPE_PROFILE_DIALOG);
  driver_dialog (&driver, "edit-profile", GTK_WIDGET (window), "win.edit-profile", UPSKILL_TYPE_PROFILE_DIALOG);
  upskill_window_show_page (window, "skills");
  upskill_test_flush ();
  row = find_first (window->skills_page, UPSKILL_TYPE_SKILL_ROW);
  g_assert_nonnull (row);
  driver_dialog (&driver, "evidence", row, "skill.add-evidence", UPSKILL_TYPE_EVIDENCE_DIALOG);
  upskill_window_show_page (window, "progress");
  upskill_test_flush ();
  driver_dialog (&driver, "note", window->progress_page, "progress.add-note", UPSKILL_TYPE_NOTE_DIALOG);
  upskill_window_show_page (window, "plan");
  upskill_test_flush ();
  driver_dialog (&driver, "step", window->plan_page, "plan.add-custom-step", UPSKILL_TYPE_STEP_DIALOG);
  driver_dialog (&driver, "module-chooser", window->plan_page, "plan.add-module", UPSKILL_TYPE_MODULE_CHOOSER);
  driver_dialog (&driver, "report-options", GTK_WIDGET (window), "win.export-report",
                 UPSKILL_TYPE_REPORT_OPTIONS_DIALOG);
  driver_dialog (&driver, "preferences", NULL, "preferences", ADW_TYPE_PREFERENCES_WINDOW);
  driver_dialog (&driver, "shortcuts", GTK_WIDGET (window), "win.show-help-overlay", GTK_TYPE_SHORTCUTS_WINDOW);
  driver_dialog (&driver, "about", NULL, "about", ADW_TYPE_ABOUT_WINDOW);

  g_print ("done\n");
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
  upskill_test_flush ();
  g_clear_object (&driver.commands);
  g_clear_object (&driver.application);
  upskill_test_remove_tree (data_dir, NULL);

  return 0;
}

/* The checker: AT-SPI over the accessibility bus. */

typedef struct
{
  guint      n_controls;
  guint      n_unnamed;
  GString    *report;
  GHashTable *seen;    /* object paths */
  GPtrArray  *names;   /* of the controls */
  guint       n_expandable;
  guint       n_tables;
  guint       n_row_headers;
  gboolean    verbose; /* every name along the path */
} Walk;

/* The controls a user reaches and operates. Not scroll bars: GTK's own,
 * never focused, read by position. */
static gboolean
is_interactive (AtspiRole role)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_PUSH_BUTTON_MENU:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_CHECK_MENU_ITEM:
    case ATSPI_ROLE_RADIO_MENU_ITEM:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_LIST_ITEM:
    case ATSPI_ROLE_TREE_ITEM:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_PAGE_TAB:
      return TRUE;
    default:
      return FALSE;
    }
}

/* "GtkImage", "AdwSplitButton", "UpskillSkillRow": what GTK 4.8 reads
 * when a widget has no name of its own. */
static gboolean
is_type_name (const char *name)
{
  static GRegex *regex;

  if (regex == NULL)
    regex = g_regex_new ("^(Gtk|Adw|Upskill)[A-Z][A-Za-z]+$", 0, 0, NULL);

  return g_regex_match (regex, name, 0, NULL);
}

/* "_Regenerate Plan Regenerate Plan": the label with its mnemonic
 * marker, then again as GTK 4.8 reads a button's label child. */
static gboolean
repeats_mnemonic (const char *name)
{
  gsize length = strlen (name);

  if (strchr (name, '_') != NULL)
    {
      g_autoptr(GString) bare = g_string_new (name);

      g_string_replace (bare, "_", "", 0);
      if (bare->len % 2 == 1 &&
          bare->str[bare->len / 2] == ' ' &&
          strncmp (bare->str, bare->str + bare->len / 2 + 1, bare->len / 2) == 0)
        return TRUE;
    }

  return length % 2 == 1 &&
         length > 1 &&
         name[length / 2] == ' ' &&
         strncmp (name, name + length / 2 + 1, length / 2) == 0;
}

static char *
describe (AtspiAccessible *accessible)
{
  g_autofree char *role = atspi_accessible_get_role_name (accessible, NULL);
  g_autofree char *name = atspi_accessible_get_name (accessible, NULL);

  return g_strdup_printf ("%s “%s”", role != NULL ? role : "?", name != NULL ? name : "");
}

/* Each call is a round trip over the bus, and a busy machine makes each
 * one slow: a node costs its role, its child count and its children;
 * states and name only for a control. */
static void
walk (AtspiAccessible *accessible,
      const char      *state,
      const char      *path,
      Walk            *result,
      guint            depth)
{
  g_autoptr(GError) error = NULL;
  AtspiRole role = atspi_accessible_get_role (accessible, &error);
  g_autofree char *inner_path = NULL;
  int n_children;

  if (error != NULL)
    {
      g_string_append_printf (result->report, "%s: %s > could not read: %s\n", state, path, error->message);
      result->n_unnamed++;
      return;
    }

  if (role == ATSPI_ROLE_TABLE)
    result->n_tables++;
  else if (role == ATSPI_ROLE_ROW_HEADER || role == ATSPI_ROLE_TABLE_ROW_HEADER)
    result->n_row_headers++;

  if (is_interactive (role) || depth == 0 || result->verbose)
    {
      g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);
      g_autofree char *name = atspi_accessible_get_name (accessible, NULL);
      g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
      g_autofree char *here = describe (accessible);

      /* Hidden parts (a closed popover) are not read. GTK 4.8 presents
       * the other pages of a stack too: Orca reads them all. */
      if (depth > 0 && !atspi_state_set_contains (states, ATSPI_STATE_VISIBLE))
        return;

      /* Each control counted once, however many states show it. */
      if (is_interactive (role) &&
          atspi_state_set_contains (states, ATSPI_STATE_SENSITIVE) &&
          g_hash_table_add (result->seen, g_strdup (accessible->parent.path)))
        {
          result->n_controls++;
          g_ptr_array_add (result->names, g_strdup (stripped));
          if (atspi_state_set_contains (states, ATSPI_STATE_EXPANDABLE))
            result->n_expandable++;
          if (*stripped == '\0' || is_type_name (stripped) || repeats_mnemonic (stripped))
            {
              result->n_unnamed++;
              g_string_append_printf (result->report, "%s: %s > %s\n", state, path, here);
            }
        }

      if (*stripped != '\0')
        inner_path = depth == 0 ? g_strdup (here) : g_strdup_printf ("%s > %s", path, here);
    }

  if (depth > 80)
    return;

  n_children = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n_children && i < 5000; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        walk (child, state, inner_path != NULL ? inner_path : path, result, depth + 1);
    }
}

static gboolean
has_name (GPtrArray  *names,
          const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);

  for (guint i = 0; i < names->len; i++)
    if (g_regex_match (regex, g_ptr_array_index (names, i), 0, NULL))
      return TRUE;

  g_test_message ("No control named like “%s”", pattern);
  return FALSE;
}

/* The driver's application on the accessibility bus. */
static AtspiAccessible *
find_application (GPid pid)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
      int n = atspi_accessible_get_child_count (desktop, NULL);

      for (int i = 0; i < n; i++)
        {
          g_autoptr(AtspiAccessible) application = atspi_accessible_get_child_at_index (desktop, i, NULL);

          if (application != NULL && atspi_accessible_get_process_id (application, NULL) == (guint) pid)
            return g_steal_pointer (&application);
        }
      g_usleep (100 * 1000);
    }

  return NULL;
}

static void
check_state (AtspiAccessible *application,
             const char      *state,
             const char      *title,
             const char      *main_title,
             Walk            *result)
{
  int n;
  guint n_walked = 0;

  /* GTK 4.8 keeps no cache on the bus for libatspi to follow: read the
   * tree afresh. */
  atspi_accessible_clear_cache (application);
  n = atspi_accessible_get_child_count (application, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) window = atspi_accessible_get_child_at_index (application, i, NULL);
      g_autofree char *name = NULL;

      if (window == NULL)
        continue;
      name = atspi_accessible_get_name (window, NULL);
      /* A window without a title: every window but the main one. */
      if (*title != '\0' ? g_strcmp0 (name, title) != 0 : g_strcmp0 (name, main_title) == 0)
        continue;
      walk (window, state, "", result, 0);
      n_walked++;
    }

  if (n_walked == 0)
    g_error ("%s: no window titled “%s” on the accessibility bus", state, title);
}

static void
test_names (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) driver = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(AtspiAccessible) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  Walk result = { 0, 0, g_string_new (NULL), g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                 g_ptr_array_new_with_free_func (g_free), 0, 0, 0,
                 g_getenv ("UPSKILL_A11Y_VERBOSE") != NULL };
  GOutputStream *commands;
  guint n_states = 0;
  GPid pid;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No D-Bus session bus (run under dbus-run-session)");
      return;
    }

  /* Within the time a call may take, even on a busy machine. */
  atspi_set_timeout (10000, 20000);
  if (atspi_init () < 0)
    {
      g_test_fail_printf ("Could not reach the accessibility bus");
      return;
    }

  /* The tests turn accessibility off: on for the driver. */
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  g_assert_nonnull (self);
  driver = g_subprocess_launcher_spawn (launcher, &error, self, "--driver", NULL);
  g_assert_no_error (error);
  pid = atoi (g_subprocess_get_identifier (driver));
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (driver));
  commands = g_subprocess_get_stdin_pipe (driver);

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
      g_auto(GStrv) fields = NULL;
      guint before = result.n_unnamed;
      guint controls_before = result.n_controls;
      gint64 started;

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("The driver ended before it was done");
      if (g_str_equal (line, "done"))
        break;
      fields = g_strsplit (line, "\t", 4);
      if (g_strv_length (fields) != 4 || !g_str_equal (fields[0], "ready"))
        continue; /* not ours */

      started = g_get_monotonic_time ();
      if (application == NULL)
        application = find_application (pid);
      g_assert_nonnull (application);
      check_state (application, fields[1], fields[2], fields[3], &result);
      n_states++;
      g_test_message ("%s: %u unnamed of %u controls (%.1f s)", fields[1],
                      result.n_unnamed - before, result.n_controls - controls_before,
                      (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

      g_output_stream_write_all (commands, "next\n", 5, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  g_subprocess_wait_check (driver, NULL, &error);
  g_assert_no_error (error);

  g_test_message ("%u states, %u interactive controls, %u without a usable name",
                  n_states, result.n_controls, result.n_unnamed);
  g_assert_cmpuint (n_states, ==, 13);
  g_assert_cmpuint (result.n_controls, >, 100);

  /* What a few controls say, in full. */
  g_assert_true (has_name (result.names, "^María González, client, AI Security Engineer, [0-9]+% ready$"));
  g_assert_true (has_name (result.names, "^Python, Core language: Competent, 3 of 5$"));
  /* A coach confirms a client's evidenced rating. */
  g_assert_true (has_name (result.names, "^Confirm Rating$"));
  g_assert_true (has_name (result.names, "^Regenerate Plan$"));
  g_assert_true (has_name (result.names, "^Export Reports of the Selected Clients$"));
  g_assert_true (has_name (result.names, "^Session notes$"));
  g_assert_true (has_name (result.names, "^Market context$"));
  /* The plan's steps, each in a row built as the list scrolls. */
  g_assert_true (has_name (result.names, "^Step 1: .+"));
  /* A step's status: a menu button named "Status", whose button reads
   * the status shown (María has a step in progress). */
  g_assert_true (has_name (result.names, "^Status$"));
  g_assert_true (has_name (result.names, "^In progress$"));
  /* The readiness by area is a table, an area heading each row (GTK 4.8
   * reads the column headers as plain cells). */
  g_assert_cmpuint (result.n_tables, >=, 1);
  g_assert_cmpuint (result.n_row_headers, >=, 7);
  /* The skills open and close, and say so. */
  g_assert_cmpuint (result.n_expandable, >=, 30);
  if (result.n_unnamed > 0)
    {
      g_printerr ("%s", result.report->str);
      g_test_message ("%s", result.report->str);
      g_test_fail_printf ("%u of %u interactive controls have no usable name (listed above)",
                          result.n_unnamed, result.n_controls);
    }
  g_string_free (result.report, TRUE);
  g_hash_table_unref (result.seen);
  g_ptr_array_unref (result.names);
}

#ifdef __SANITIZE_ADDRESS__
static void
test_names_skipped (void)
{
  /* The driver loses one 16 KiB block through g_malloc with GTK's
   * accessibility on (like libadwaita 1.2's AdwEntryRow leak, see
   * test-window.c; not traced: the slow unwinder deadlocks in GTK), which
   * LeakSanitizer's fast unwinder cannot tell from a leak of ours. The
   * names are checked in the normal build. */
  g_test_skip ("Names are checked without AddressSanitizer");
}
#endif

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "--driver"))
    {
      gtk_init ();
      adw_init ();
      return run_driver ();
    }

  g_test_init (&argc, &argv, NULL);
#ifdef __SANITIZE_ADDRESS__
  g_test_add_func ("/upskill/a11y/names", test_names_skipped);
  (void) test_names;
#else
  g_test_add_func ("/upskill/a11y/names", test_names);
#endif

  return g_test_run ();
}
