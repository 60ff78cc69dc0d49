/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "upskill-skill-row.h"
#include "upskill-test-ui.h"

UpskillApplication *
upskill_test_application_new (const char *application_id)
{
  UpskillApplication *application = g_object_new (UPSKILL_TYPE_APPLICATION,
                                                  "application-id", application_id,
                                                  "flags", G_APPLICATION_NON_UNIQUE,
                                                  "resource-base-path", "/com/example/Upskill",
                                                  NULL);
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

void
upskill_test_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/com/example/Upskill/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
upskill_test_init_styled (int    *argc,
                          char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  upskill_test_load_style ();
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

void
upskill_test_wait_for_frames (GtkWidget *widget,
                              guint      n_wanted)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint n_frames = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &n_frames);
  gtk_widget_queue_draw (widget);
  while (n_frames < n_wanted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, handler);
  upskill_test_flush ();
}

void
upskill_test_save_png (GtkWidget  *widget,
                       const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

void
upskill_test_keep_png (GtkWidget  *widget,
                       const char *name)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  upskill_test_wait_for_frames (widget, 3);
  upskill_test_save_png (widget, path);
}

void
upskill_test_save_page_shots (GtkWindow         *window,
                              GtkScrolledWindow *scrolled_window,
                              const char        *dir,
                              const char        *page_name,
                              int                height)
{
  static const struct {
    const char     *name;
    int             width;
    AdwColorScheme  scheme;
  } shots[] = {
    { "light-wide",   960, ADW_COLOR_SCHEME_FORCE_LIGHT },
    { "dark-wide",    960, ADW_COLOR_SCHEME_FORCE_DARK },
    { "light-narrow", 360, ADW_COLOR_SCHEME_FORCE_LIGHT },
    { "dark-narrow",  360, ADW_COLOR_SCHEME_FORCE_DARK },
  };
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *file_name = g_strdup_printf ("upskill-%s-%s.png", page_name, shots[i].name);
      g_autofree char *path = g_build_filename (dir, file_name, NULL);

      adw_style_manager_set_color_scheme (style_manager, shots[i].scheme);
      gtk_window_set_default_size (window, shots[i].width, height);
      gtk_widget_set_size_request (GTK_WIDGET (window), shots[i].width, height);
      upskill_test_wait_for_frames (GTK_WIDGET (window), 3);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled_window), 0);
      upskill_test_wait_for_frames (GTK_WIDGET (window), 2);
      upskill_test_save_png (GTK_WIDGET (window), path);
      g_test_message ("Saved %s", path);
    }
}

void
upskill_test_fit_window (GtkWindow *window,
                         int        width,
                         int        height)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      int widget_width, widget_height, default_width, default_height;

      upskill_test_wait_for_frames (GTK_WIDGET (window), 2);
      widget_width = gtk_widget_get_width (GTK_WIDGET (window));
      widget_height = gtk_widget_get_height (GTK_WIDGET (window));
      if (widget_width == width && widget_height == height)
        break;

      gtk_window_get_default_size (window, &default_width, &default_height);
      if (widget_width > 0 && widget_height > 0)
        gtk_window_set_default_size (window,
                                     default_width + width - widget_width,
                                     default_height + height - widget_height);
    }
}

void
upskill_test_save_screenshot (GtkWidget  *widget,
                              const char *path)
{
  GStatBuf st;

  /* The last frame after all a page builds once shown (see
   * upskill_test_show_page). */
  upskill_test_wait_for_frames (widget, 3);
  upskill_test_wait_for_frames (widget, 1);

  upskill_test_save_png (widget, path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 10000);
}

typedef struct
{
  GtkWidget            *page;
  UpskillTestFrameFunc  func;
  gpointer              data;
  gboolean              called;
} Watch;

static void
on_first_paint (GdkFrameClock *clock,
                Watch         *watch)
{
  if (!watch->called && watch->func != NULL)
    watch->func (watch->page, watch->data);
  watch->called = TRUE;
}

GtkWindow *
upskill_test_show_page_watched (GtkWidget            *page,
                                int                   width,
                                int                   height,
                                UpskillTestFrameFunc  func,
                                gpointer              data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  Watch watch = { page, func, data, FALSE };
  GdkFrameClock *clock;
  gulong handler;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (window, width, height);
  g_object_ref (window);
  gtk_window_present (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), &watch);
  /* Twice: a page may build or show more of itself once its first frame
   * is shown (e.g. what is below its first screen), laid out in the next. */
  upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
  upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
  g_signal_handler_disconnect (clock, handler);
  g_assert_true (watch.called);

  return window;
}

GtkWindow *
upskill_test_show_page (GtkWidget *page,
                        int        width,
                        int        height)
{
  return upskill_test_show_page_watched (page, width, height, NULL, NULL);
}

void
upskill_test_page_set_up (UpskillTestPage *fixture,
                          GType            type,
                          gboolean         with_profile,
                          int              width,
                          int              height)
{
  upskill_test_sample_set_up (&fixture->sample, "dana-okafor");
  fixture->page = g_object_new (type,
                                "catalog", fixture->sample.catalog,
                                "trends", fixture->sample.trends,
                                with_profile ? "profile" : NULL, fixture->sample.profile,
                                NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  fixture->window = upskill_test_show_page (fixture->page, width, height);
}

void
upskill_test_page_tear_down (UpskillTestPage *fixture,
                             gconstpointer    data)
{
  upskill_test_close_window (fixture->window);
  g_assert_null (fixture->page);
  upskill_test_sample_tear_down (&fixture->sample, NULL);
}

void
upskill_test_close_window (GtkWindow *window)
{
  upskill_test_destroy_other_windows (window);
  gtk_window_destroy (window);
  upskill_test_flush ();
  g_assert_finalize_object (window);
}

void
upskill_test_activate (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  /* GTK 4.8 does not sink a floating parameter: own it here. */
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (widget, action, owned));
  upskill_test_flush ();
}

gboolean
upskill_test_can_open_file_chooser (void)
{
#ifdef __SANITIZE_ADDRESS__
  return FALSE;
#else
  return TRUE;
#endif
}

/* Runs the main context until @chooser is in @folder (any folder when
 * NULL), ten seconds at most. */
static gboolean
wait_for_folder (GtkFileChooser *chooser,
                 GFile          *folder)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

      if (current != NULL && (folder == NULL || g_file_equal (current, folder)))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
    }

  return FALSE;
}

void
upskill_test_save_with_chooser (const char *path)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);

  /* The chooser opens in a folder of its own choosing once it has read
   * it: a folder set before then would be replaced. */
  g_assert_true (wait_for_folder (chooser, NULL));
  upskill_test_flush ();
  gtk_file_chooser_set_current_folder (chooser, folder, &error);
  g_assert_no_error (error);
  g_assert_true (wait_for_folder (chooser, folder));
  upskill_test_flush ();
  gtk_file_chooser_set_current_name (chooser, name);

  answer = gtk_file_chooser_get_file (chooser);
  g_assert_nonnull (answer);
  g_assert_true (g_file_equal (answer, file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

void
upskill_test_choose_folder_with_chooser (const char *path)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GFile) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);

  /* It may open on Recent, with no folder, and a folder set before its
   * own first one is read is replaced: set again until it stays. */
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      gtk_file_chooser_set_current_folder (chooser, folder, &error);
      g_assert_no_error (error);
      if (wait_for_folder (chooser, folder))
        {
          upskill_test_flush ();
          if (wait_for_folder (chooser, folder))
            break;
        }
    }

  /* Nothing selected inside: the folder shown is the answer. */
  answer = gtk_file_chooser_get_file (chooser);
  g_assert_nonnull (answer);
  g_assert_true (g_file_equal (answer, folder));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

gpointer
upskill_test_template_child (GtkWidget  *widget,
                             GType       type,
                             const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (child);
  return child;
}

GtkWindow *
upskill_test_find_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

GtkWidget *
upskill_test_find_widget (GtkWidget              *root,
                          UpskillTestWidgetMatch  match,
                          gconstpointer           data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = upskill_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
upskill_test_find_of_type (GtkWidget *root,
                           GType      type)
{
  return upskill_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

guint
upskill_test_count_of_type (GtkWidget *root,
                            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += upskill_test_count_of_type (child, type);

  return n;
}

typedef struct
{
  GType       type;
  const char *property;
  const char *text;
} WidgetWithText;

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  data)
{
  const WidgetWithText *wanted = data;
  g_autofree char *text = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type))
    return FALSE;
  g_object_get (widget, wanted->property, &text, NULL);
  return g_strcmp0 (text, wanted->text) == 0;
}

GtkWidget *
upskill_test_find_with_text (GtkWidget  *root,
                             GType       type,
                             const char *property,
                             const char *text)
{
  WidgetWithText wanted = { type, property, text };

  return upskill_test_find_widget (root, has_text, &wanted);
}

static gboolean
is_row_of_skill (GtkWidget     *widget,
                 gconstpointer  skill_id)
{
  return UPSKILL_IS_SKILL_ROW (widget) &&
         g_strcmp0 (upskill_skill_row_get_skill (UPSKILL_SKILL_ROW (widget))->id, skill_id) == 0;
}

/* The Skills page builds the groups below its first area just after its
 * first frame: waits for them, as long as a user would. */
GtkWidget *
upskill_test_find_skill_row (GtkWidget  *root,
                             const char *skill_id)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *row;

  while ((row = upskill_test_find_widget (root, is_row_of_skill, skill_id)) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return row;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkLabel *
upskill_test_find_label (GtkWidget  *root,
                         const char *text)
{
  return GTK_LABEL (upskill_test_find_widget (root, is_label_with_text, text));
}

static gboolean
is_button_with_action (GtkWidget     *widget,
                       gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
upskill_test_find_button_for_action (GtkWidget  *root,
                                     const char *action_name)
{
  return upskill_test_find_widget (root, is_button_with_action, action_name);
}

void
upskill_test_destroy_other_windows (GtkWindow *keep)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != keep)
      gtk_window_destroy (l->data);
}

void
upskill_test_respond (AdwMessageDialog *dialog,
                      const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  upskill_test_flush ();
}

gboolean
upskill_test_foreach_shortcut (GtkWidget               *widget,
                               UpskillTestShortcutFunc  func,
                               gpointer                 data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (func (widget, shortcut, data))
            return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  const char *action;
  GVariant   *target;
  char       *accelerator;
} ShortcutSearch;

static gboolean
name_if_runs_action (GtkWidget   *widget,
                     GtkShortcut *shortcut,
                     gpointer     data)
{
  ShortcutSearch *search = data;
  GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
  GVariant *arguments = gtk_shortcut_get_arguments (shortcut);

  if (!GTK_IS_NAMED_ACTION (shortcut_action) || !GTK_IS_KEYVAL_TRIGGER (trigger) ||
      g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), search->action) != 0)
    return FALSE;
  if ((arguments == NULL) != (search->target == NULL) ||
      (arguments != NULL && !g_variant_equal (arguments, search->target)))
    return FALSE;

  search->accelerator = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
  return TRUE;
}

char *
upskill_test_dup_shortcut (GtkWidget  *widget,
                           const char *action,
                           GVariant   *target)
{
  g_autoptr(GVariant) sunk = target != NULL ? g_variant_ref_sink (target) : NULL;
  ShortcutSearch search = { action, sunk, NULL };

  upskill_test_foreach_shortcut (widget, name_if_runs_action, &search);
  return search.accelerator;
}

gboolean
upskill_test_overlay_lists (GtkWidget  *overlay,
                            const char *accelerator)
{
  guint keyval, listed_keyval;
  GdkModifierType modifiers, listed_modifiers;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));

  if (GTK_IS_SHORTCUTS_SHORTCUT (overlay))
    {
      g_autofree char *listed = NULL;

      g_object_get (overlay, "accelerator", &listed, NULL);
      if (listed != NULL && gtk_accelerator_parse (listed, &listed_keyval, &listed_modifiers) &&
          gdk_keyval_to_lower (listed_keyval) == gdk_keyval_to_lower (keyval) &&
          listed_modifiers == modifiers)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (upskill_test_overlay_lists (child, accelerator))
        return TRUE;
    }

  return FALSE;
}
