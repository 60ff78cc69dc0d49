/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-cli.h"
#include "upskill-plan-page.h"
#include "upskill-progress-page.h"
#include "upskill-skills-page.h"
#include "upskill-toast.h"
#include "upskill-trends-page.h"
#include "upskill-window-private.h"

G_DEFINE_FINAL_TYPE (UpskillWindow, upskill_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const page_names[] = { "trends", "skills", "plan", "progress" };

/* Navigation */

void
upskill_window_show_content (UpskillWindow *self)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  /* Also when unfolded: it is what shows once the window narrows. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* Titles and stacks */

/* What the shell shows for the window (overview, Alt+Tab, the dock):
 * whose profile is open, as the header says only when narrow. */
static void
update_window_title (UpskillWindow  *self,
                     UpskillProfile *profile)
{
  g_autofree char *title = NULL;

  if (profile == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Upskill"));
      return;
    }

  /* Translators: the window's title: the open profile's name, then the
   * application's */
  title = g_strdup_printf (_("%s — Upskill"), upskill_profile_get_name (profile));
  if (g_strcmp0 (title, gtk_window_get_title (GTK_WINDOW (self))) != 0)
    gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_title (UpskillWindow *self)
{
  UpskillProfile *profile = upskill_window_get_profile (self);
  const char *subtitle = "";

  upskill_window_sync_profile_shown (self);

  update_window_title (self, profile);

  if (self->switcher_title == NULL)
    return;

  if (profile == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Upskill"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      return;
    }

  if (upskill_profile_get_target_role (profile) != NULL)
    {
      UpskillRole *role = upskill_catalog_find_role (self->catalog,
                                                     upskill_profile_get_target_role (profile));
      if (role != NULL)
        subtitle = role->name;
    }

  adw_view_switcher_title_set_title (self->switcher_title, upskill_profile_get_name (profile));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

void
upskill_window_update_stacks (UpskillWindow *self)
{
  guint n_profiles, n_visible;

  if (self->main_stack == NULL)
    return;

  n_profiles = self->profiles != NULL ? upskill_profile_list_get_n_profiles (self->profiles) : 0;
  n_visible = self->profiles != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) : 0;

  if (self->profiles == NULL || !upskill_profile_list_get_loaded (self->profiles))
    {
      gtk_spinner_start (self->sidebar_spinner);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      return;
    }

  gtk_spinner_stop (self->sidebar_spinner);

  if (n_visible == 0 && upskill_profile_list_get_search (self->profiles) != NULL)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");

  /* First run, or every profile deleted: offer a start. */
  if (n_profiles == 0 && upskill_window_get_profile (self) == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "main");
}

/* The session's saves */

static void
on_session_saved (UpskillWindow  *self,
                  UpskillProfile *profile)
{
  if (self->closed)
    return;

  if (upskill_profile_list_update (self->profiles, profile))
    upskill_window_keep_selection (self);
}

static void
on_session_failed (UpskillWindow *self,
                   const char    *id,
                   const GError  *error)
{
  g_hash_table_remove (self->deleting_names, id);

  /* Changed or deleted on another device: the banner asks. */
  if (upskill_window_handle_save_conflict (self, upskill_window_get_profile (self), error))
    return;

  /* The store's message names the file and says why. */
  upskill_window_show_error_toast (self, "%s", error->message);
}

void
upskill_window_flush_save (UpskillWindow *self)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  if (self->session != NULL)
    upskill_profile_session_flush (self->session);
}

/* The profile on the pages */

/* Follows the session: whatever sets its profile, the pages show it. */
static void
on_session_profile_changed (UpskillWindow *self)
{
  GtkWidget *pages[] = { self->trends_page, self->skills_page, self->plan_page, self->progress_page };
  UpskillProfile *profile = upskill_window_get_profile (self);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (pages[i] != NULL)
        g_object_set (pages[i], "profile", profile, NULL);
    }

  if (self->content_stack != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, profile != NULL ? "pages" : "none");

  update_title (self);
  upskill_window_update_stacks (self);
}

void
upskill_window_set_profile (UpskillWindow  *self,
                            UpskillProfile *profile)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));
  g_return_if_fail (profile == NULL || UPSKILL_IS_PROFILE (profile));

  if (profile != NULL)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (upskill_profile_get_id (profile));
    }

  upskill_profile_session_set_profile (self->session, profile);
}

static void
on_area_activated (UpskillWindow *self,
                   const char    *area_id)
{
  upskill_window_show_page (self, "skills");
  upskill_skills_page_show_area (UPSKILL_SKILLS_PAGE (self->skills_page), area_id);
}

/* Toasts */

void
upskill_window_show_error_toast (UpskillWindow *self,
                                 const char    *format,
                                 ...)
{
  g_autofree char *message = NULL;
  AdwToast *toast;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->closed || self->toast_overlay == NULL)
    {
      /* Nowhere left to show it: on stderr, escaped like all the
       * program prints (a file name may hold an escape sequence). */
      upskill_cli_printerr ("%s", message);
      return;
    }

  toast = upskill_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
upskill_window_add_toast (UpskillWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (self->toast_overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

UpskillProfile *
upskill_window_get_profile (UpskillWindow *self)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), NULL);

  /* NULL until set up. */
  if (self->session == NULL)
    return NULL;

  return upskill_profile_session_get_profile (self->session);
}

void
upskill_window_show_page (UpskillWindow *self,
                          const char    *name)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (!g_strv_contains (page_names, name))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  upskill_window_show_content (self);
}

/* GObject */

static gboolean
upskill_window_close_request (GtkWindow *window)
{
  if (upskill_window_begin_closing (UPSKILL_WINDOW (window)))
    return TRUE;

  return GTK_WINDOW_CLASS (upskill_window_parent_class)->close_request (window);
}

static void
upskill_window_constructed (GObject *object)
{
  UpskillWindow *self = (UpskillWindow *)object;
  GtkWidget *pages[] = { self->trends_page, self->skills_page, self->plan_page, self->progress_page };

  G_OBJECT_CLASS (upskill_window_parent_class)->constructed (object);

  /* Built without them (a test, say): the user's own. */
  if (self->store == NULL && self->session != NULL)
    self->store = g_object_ref (upskill_profile_session_get_store (self->session));
  if (self->store == NULL)
    {
      g_autoptr(GFile) dir = upskill_store_dup_default_dir ();

      self->store = upskill_store_new (dir, self->catalog);
    }
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  if (self->session == NULL)
    self->session = upskill_profile_session_new (self->store);

  g_warn_if_fail (upskill_profile_session_get_store (self->session) == self->store);

  g_signal_connect_object (self->session, "notify::profile",
                           G_CALLBACK (on_session_profile_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "saved",
                           G_CALLBACK (on_session_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "failed",
                           G_CALLBACK (on_session_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "deleted",
                           G_CALLBACK (upskill_window_on_profile_deleted), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->session, "profile", self->profile_signals, "target", G_BINDING_SYNC_CREATE);

  upskill_window_setup_profile_list (self);
  upskill_window_setup_sync (self);

  /* The last page first: only the page shown builds its content now. */
  upskill_window_restore_state (self);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_object_set (pages[i], "catalog", self->catalog, NULL);
  upskill_window_follow_application (self);
  upskill_window_bind_actions (self);

  /* Never on the main loop: with a thousand clients this reads an index
   * or, the first time, every file. */
  upskill_window_reload (self, NULL);
}

static void
upskill_window_dispose (GObject *object)
{
  UpskillWindow *self = (UpskillWindow *)object;

  self->closed = TRUE;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  /* Closed without close-request (the application quit): still save. */
  upskill_window_flush_save (self);
  upskill_window_clear_deletes (self);
  if (self->profile_signals != NULL)
    g_signal_group_set_target (self->profile_signals, NULL);
  if (self->application_bindings != NULL)
    g_binding_group_set_source (self->application_bindings, NULL);
  if (self->application_signals != NULL)
    g_signal_group_set_target (self->application_signals, NULL);

  upskill_after_frame_cancel (&self->more_rows);
  upskill_after_frame_cancel (&self->scroll_to_selected);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  /* A page whose template names its AdwBin child would unparent that
   * child twice (dispose_template, then AdwBin): empty the bins first.
   * Harmless for pages that already do it themselves. */
  {
    GtkWidget *pages[] = { self->trends_page, self->skills_page, self->plan_page, self->progress_page };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        if (pages[i] != NULL)
          adw_bin_set_child (ADW_BIN (pages[i]), NULL);
      }
  }

  /* The switchers first: libadwaita 1.2 warns when the stack they show
   * goes before them. */
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_WINDOW);

  G_OBJECT_CLASS (upskill_window_parent_class)->dispose (object);
}

static void
upskill_window_finalize (GObject *object)
{
  UpskillWindow *self = (UpskillWindow *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->profiles);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->profile_signals);
  g_clear_object (&self->application_bindings);
  g_clear_object (&self->application_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->delete_toasts, g_hash_table_unref);
  g_clear_pointer (&self->deleting_names, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_free (self->selected_id);
  g_free (self->wanted_id);

  G_OBJECT_CLASS (upskill_window_parent_class)->finalize (object);
}

static void
upskill_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UpskillWindow *self = UPSKILL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UpskillWindow *self = UPSKILL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_window_class_init (UpskillWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = upskill_window_constructed;
  object_class->dispose = upskill_window_dispose;
  object_class->finalize = upskill_window_finalize;
  object_class->get_property = upskill_window_get_property;
  object_class->set_property = upskill_window_set_property;

  window_class->close_request = upskill_window_close_request;

  /* The profiles' folder; by default the user's. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         UPSKILL_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The application's settings: window state, sort order, report. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The profile on the pages, its undo and its saves; of the store. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         UPSKILL_TYPE_PROFILE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPSKILL_TYPE_TRENDS_PAGE);
  g_type_ensure (UPSKILL_TYPE_SKILLS_PAGE);
  g_type_ensure (UPSKILL_TYPE_PLAN_PAGE);
  g_type_ensure (UPSKILL_TYPE_PROGRESS_PAGE);
  g_type_ensure (UPSKILL_TYPE_CLIENTS_VIEW);
  g_type_ensure (UPSKILL_TYPE_CONFLICT_BAR);

  /* Listed in gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-profile", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-profile", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-clients", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, sidebar_spinner);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, content_spinner);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, unreadable_page);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, unreadable_file_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, trends_page);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, skills_page);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, plan_page);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, clients_view);
  gtk_widget_class_bind_template_child (widget_class, UpskillWindow, conflict_bar);
  upskill_window_class_bind_profile_callbacks (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_area_activated);
}

static void
upskill_window_init (UpskillWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_PROFILE
  /* The header striped, as GNOME's development builds are. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->catalog = g_object_ref (upskill_catalog_get_default ());
  self->cancellable = g_cancellable_new ();
  self->delete_toasts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->deleting_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->profile_signals = g_signal_group_new (UPSKILL_TYPE_PROFILE);
  g_signal_group_connect_swapped (self->profile_signals, "notify", G_CALLBACK (update_title), self);

  upskill_window_init_profile_list (self);

  upskill_window_add_actions (self);
  upskill_window_update_stacks (self);
}

UpskillWindow *
upskill_window_new (UpskillApplication *application)
{
  g_autoptr(UpskillProfileSession) session = NULL;
  UpskillStore *store;

  g_return_val_if_fail (UPSKILL_IS_APPLICATION (application), NULL);

  store = upskill_application_get_store (application);
  session = upskill_profile_session_new (store);

  return g_object_new (UPSKILL_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "settings", upskill_application_get_settings (application),
                       "session", session,
                       NULL);
}
