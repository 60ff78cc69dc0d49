/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-cli.h"
#include "upskill-plan-page.h"
#include "upskill-profile-row.h"
#include "upskill-progress-page.h"
#include "upskill-skills-page.h"
#include "upskill-toast.h"
#include "upskill-trends-page.h"
#include "upskill-window-private.h"

G_DEFINE_FINAL_TYPE (UpskillWindow, upskill_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const page_names[] = { "trends", "skills", "plan", "progress" };

static void update_stacks      (UpskillWindow *self);

/* Items and positions */

UpskillProfileItem *
upskill_window_find_item (UpskillWindow *self,
                          const char    *id,
                          guint         *out_position)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), NULL);

  if (out_position != NULL)
    *out_position = upskill_profile_list_get_position (self->profiles, id);

  return upskill_profile_list_find (self->profiles, id);
}

static guint
find_visible_position (UpskillWindow *self,
                       const char    *id)
{
  return upskill_profile_list_get_position (self->profiles, id);
}

/* Keeps the row of the profile on the pages selected, e.g. once a search
 * that hid it is cleared. */
static void
reselect (UpskillWindow *self)
{
  guint position = find_visible_position (self, self->selected_id);

  if (position != GTK_INVALID_LIST_POSITION &&
      position != gtk_single_selection_get_selected (self->selection))
    gtk_single_selection_set_selected (self->selection, position);
}

/* After the list was filtered again (a search, archived profiles shown
 * or hidden): the selected row stays in sight as the rows around it come
 * and go, and once the search is cleared. */
void
upskill_window_reselect (UpskillWindow *self)
{
  guint position;

  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  reselect (self);

  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
upskill_window_select (UpskillWindow *self,
                       const char    *id)
{
  guint position;

  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  position = find_visible_position (self, id);
  if (position == GTK_INVALID_LIST_POSITION && upskill_profile_list_get_search (self->profiles) != NULL)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      position = find_visible_position (self, id);
    }

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

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

static void
update_stacks (UpskillWindow *self)
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

static void
show_unreadable (UpskillWindow      *self,
                 UpskillProfileItem *item)
{
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *file_name = upskill_profile_item_get_file_name (item);

  escaped = g_markup_escape_text (upskill_profile_item_get_error (item), -1);
  adw_status_page_set_description (self->unreadable_page, escaped);

  if (file_name != NULL)
    {
      file = g_file_get_child (upskill_store_get_profiles_dir (self->store), file_name);
      path = g_file_get_path (file);
    }

  if (path != NULL)
    {
      /* A path is bytes: a label takes only UTF-8. */
      g_autofree char *shown = g_filename_display_name (path);

      g_free (path);
      path = g_steal_pointer (&shown);
    }

  text = g_strdup_printf (_("Upskill leaves the file as it is, so nothing in it is lost. Once it is fixed, choose it again in the list.\n%s"),
                          path != NULL ? path : upskill_profile_item_get_name (item));
  gtk_label_set_text (self->unreadable_file_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, "unreadable");
}

/* Closing waits for the session's disk queue. */

static void
finish_closing (UpskillWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  self->closing = FALSE;
  self->closed = TRUE;

  gtk_window_destroy (GTK_WINDOW (self));

  if (application != NULL)
    g_application_release (G_APPLICATION (application));
}

static gboolean
close_discarding (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     UpskillWindow    *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Once the dialog is gone: closing the window destroys it too. */
  upskill_profile_session_discard_unsaved (self->session);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarding,
                   g_object_ref (self), g_object_unref);
}

/* The last save before closing failed (a full disk, say): the window
 * comes back with the change still in it, and says why. */
static void
abort_closing (UpskillWindow *self,
               const GError  *error)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  AdwMessageDialog *dialog;

  self->closing = FALSE;

  /* Closing cancelled the listing; the window lives on. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }

  gtk_window_present (GTK_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Changes Not Saved"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nThe window stays open so that nothing is lost. Make room on the disk and close again, or close without saving."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Open"),
                                    "discard", _("Close _Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  if (application != NULL)
    g_application_release (G_APPLICATION (application));
}

static void
on_session_closed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(UpskillWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = upskill_profile_session_close_finish (UPSKILL_PROFILE_SESSION (source), result, &error);

  /* Nothing was waiting: the window closed at once. */
  if (!self->closing)
    return;

  if (saved)
    finish_closing (self);
  else
    abort_closing (self, error);
}

static void
on_session_saved (UpskillWindow  *self,
                  UpskillProfile *profile)
{
  if (self->closed)
    return;

  if (upskill_profile_list_update (self->profiles, profile))
    reselect (self);
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
  update_stacks (self);
  upskill_window_update_actions (self);
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

/* Adds a profile made in this window (new, duplicate, import) to the
 * list and shows it. */
void
upskill_window_add_profile (UpskillWindow  *self,
                            UpskillProfile *profile,
                            gboolean        save)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));
  g_return_if_fail (UPSKILL_IS_PROFILE (profile));

  upskill_profile_list_add_profile (self->profiles, profile);

  if (save)
    upskill_profile_session_queue_save (self->session, profile);

  upskill_window_set_profile (self, profile);
  upskill_window_select (self, upskill_profile_get_id (profile));
  upskill_window_show_content (self);
}

/* Selection and loading */

static void
on_profile_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  UpskillWindow *self;

  profile = upskill_store_load_finish (UPSKILL_STORE (source), result, &error);

  /* Cancelled: another profile was chosen or the window closed; @self
   * may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = UPSKILL_WINDOW (user_data);
  g_clear_object (&self->load_cancellable);
  gtk_spinner_stop (self->content_spinner);

  if (profile == NULL)
    {
      UpskillProfileItem *item = upskill_window_find_item (self, self->selected_id, NULL);

      upskill_window_set_profile (self, NULL);
      if (item != NULL)
        {
          upskill_profile_item_set_error (item, error->message);
          show_unreadable (self, item);
        }
      return;
    }

  /* A file fixed since it was listed. */
  {
    UpskillProfileItem *item = upskill_window_find_item (self, upskill_profile_get_id (profile), NULL);

    if (item != NULL && upskill_profile_item_get_error (item) != NULL)
      upskill_profile_list_update (self->profiles, profile);
  }

  upskill_window_set_profile (self, profile);
}

static void
show_item (UpskillWindow      *self,
           UpskillProfileItem *item)
{
  const char *id = upskill_profile_item_get_id (item);

  g_free (self->selected_id);
  self->selected_id = g_strdup (id);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (upskill_profile_item_get_error (item) != NULL)
    {
      /* Not editable: the file is never touched. It is read again, in
       * case it was fixed meanwhile. */
      upskill_window_set_profile (self, NULL);
      show_unreadable (self, item);

      /* A file named unlike a profile ("Dana (copy).json") cannot be
       * loaded however it is fixed: its message stays. */
      if (!upskill_profile_id_is_valid (id))
        return;
    }
  else if (upskill_window_get_profile (self) != NULL && g_strcmp0 (upskill_profile_get_id (upskill_window_get_profile (self)), id) == 0)
    {
      return;
    }
  else
    {
      /* Flushed now rather than when the next profile arrives. */
      upskill_window_flush_save (self);

      if (upskill_window_get_profile (self) == NULL)
        {
          gtk_spinner_start (self->content_spinner);
          gtk_stack_set_visible_child_name (self->content_stack, "loading");
        }
    }

  self->load_cancellable = g_cancellable_new ();
  upskill_store_load_async (self->store, id, self->load_cancellable, on_profile_loaded, self);
}

static void
on_selected_item_changed (UpskillWindow *self)
{
  UpskillProfileItem *item = gtk_single_selection_get_selected_item (self->selection);

  /* Nothing selected: a search hides the row; the pages keep it. */
  if (item == NULL)
    return;

  if (g_strcmp0 (upskill_profile_item_get_id (item), self->selected_id) == 0)
    return;

  show_item (self, item);
}

/* Listing */

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wanted = NULL;
  UpskillWindow *self;
  gboolean first_listing;

  if (!upskill_profile_list_reload_finish (UPSKILL_PROFILE_LIST (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = UPSKILL_WINDOW (user_data);
  first_listing = !self->listed;
  self->listed = TRUE;

  if (error != NULL)
    {
      upskill_window_show_error_toast (self, "%s", error->message);
      update_stacks (self);
      return;
    }

  update_stacks (self);

  wanted = g_steal_pointer (&self->wanted_id);
  if (wanted == NULL && self->selected_id != NULL)
    wanted = g_strdup (self->selected_id);
  if (wanted == NULL)
    wanted = g_settings_get_string (self->settings, "last-profile");

  if (find_visible_position (self, wanted) != GTK_INVALID_LIST_POSITION)
    {
      /* The selection lost its item to the new list. */
      if (g_strcmp0 (wanted, self->selected_id) == 0)
        g_clear_pointer (&self->selected_id, g_free);
      upskill_window_select (self, wanted);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) > 0)
    {
      g_clear_pointer (&self->selected_id, g_free);
      gtk_single_selection_set_selected (self->selection, 0);
    }

  /* On a narrow window, open on the profile rather than the list. */
  if (first_listing && self->selected_id != NULL)
    upskill_window_show_content (self);
}

void
upskill_window_reload (UpskillWindow *self,
                       const char    *select_id)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  g_free (self->wanted_id);
  self->wanted_id = g_strdup (select_id);

  upskill_profile_list_reload_async (self->profiles, self->cancellable, on_listed, self);
}

/* Search */

static void
on_search_changed (UpskillWindow *self)
{
  upskill_profile_list_set_search (self->profiles,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  upskill_window_reselect (self);
  update_stacks (self);
}

static void
on_search_activate (UpskillWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  upskill_window_show_content (self);
}

static void
on_search_mode_changed (UpskillWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

/* List rows */

static void
on_row_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 gpointer         user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  /* On a narrow window a click opens the profile, like activating it. */
  gtk_widget_activate_action (row, "win.show-content", NULL);
}

static void
setup_row (GtkListItemFactory *factory,
           GtkListItem        *list_item,
           gpointer            user_data)
{
  GtkWidget *row = upskill_profile_row_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  g_signal_connect (gesture, "released", G_CALLBACK (on_row_released), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkListItemFactory *factory,
          GtkListItem        *list_item,
          gpointer            user_data)
{
  upskill_profile_row_set_item (UPSKILL_PROFILE_ROW (gtk_list_item_get_child (list_item)),
                                gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkListItemFactory *factory,
            GtkListItem        *list_item,
            gpointer            user_data)
{
  upskill_profile_row_set_item (UPSKILL_PROFILE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_list_view_activate (UpskillWindow *self,
                       guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);
  upskill_window_show_content (self);
}

static void
on_leaflet_folded (UpskillWindow *self)
{
  upskill_window_update_actions (self);
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

/* For the tests */

GListModel *
upskill_window_get_visible_profiles (UpskillWindow *self)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

gboolean
upskill_window_is_busy (UpskillWindow *self)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), FALSE);

  return upskill_profile_session_get_busy (self->session);
}

gboolean
upskill_window_is_loading (UpskillWindow *self)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), FALSE);

  return !self->listed || self->load_cancellable != NULL;
}

/* Window state */

static void
save_window_state (UpskillWindow *self)
{
  int width, height;
  const char *page;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));

  page = adw_view_stack_get_visible_child_name (self->view_stack);
  if (page != NULL)
    g_settings_set_string (self->settings, "last-page", page);

  /* The "id" of a badly named file is its name, which may not be text. */
  if (self->selected_id != NULL && g_utf8_validate (self->selected_id, -1, NULL))
    g_settings_set_string (self->settings, "last-profile", self->selected_id);
}

static void
restore_window_state (UpskillWindow *self)
{
  g_autofree char *page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (294, g_settings_get_int (self->settings, "window-height")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  if (g_strv_contains (page_names, page))
    adw_view_stack_set_visible_child_name (self->view_stack, page);
}

static gboolean
upskill_window_close_request (GtkWindow *window)
{
  UpskillWindow *self = UPSKILL_WINDOW (window);
  GtkApplication *application;

  /* Already closing, waiting for the disk. */
  if (self->closing)
    return TRUE;

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);

  /* Saves what waits and confirms the deletions: their toasts go with
   * the window. */
  g_hash_table_remove_all (self->delete_toasts);
  upskill_profile_session_close_async (self->session, on_session_closed, g_object_ref (self));

  if (upskill_profile_session_get_busy (self->session))
    {
      /* Nothing is lost: the window goes away now, the application
       * stays until the last save is on disk. */
      self->closing = TRUE;
      application = gtk_window_get_application (window);
      if (application != NULL)
        g_application_hold (G_APPLICATION (application));
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  self->closed = TRUE;

  return GTK_WINDOW_CLASS (upskill_window_parent_class)->close_request (window);
}

/* GObject */

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
  g_clear_object (&self->profiles);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->profile_signals);
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
upskill_window_class_init (UpskillWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = upskill_window_dispose;
  object_class->finalize = upskill_window_finalize;

  window_class->close_request = upskill_window_close_request;

  g_type_ensure (UPSKILL_TYPE_TRENDS_PAGE);
  g_type_ensure (UPSKILL_TYPE_SKILLS_PAGE);
  g_type_ensure (UPSKILL_TYPE_PLAN_PAGE);
  g_type_ensure (UPSKILL_TYPE_PROGRESS_PAGE);
  g_type_ensure (UPSKILL_TYPE_CLIENTS_VIEW);
  g_type_ensure (UPSKILL_TYPE_CONFLICT_BAR);

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
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_area_activated);
}

static void
upskill_window_init (UpskillWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->delete_toasts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->deleting_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->profile_signals = g_signal_group_new (UPSKILL_TYPE_PROFILE);
  g_signal_group_connect_swapped (self->profile_signals, "notify", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->profile_signals, "notify::archived",
                                  G_CALLBACK (upskill_window_update_actions), self);

  /* Its model, the profile list, comes with the store. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_item_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  upskill_window_add_actions (self);
  update_stacks (self);
  upskill_window_update_actions (self);
}

static void
setup (UpskillWindow      *self,
       UpskillApplication *application)
{
  GtkWidget *pages[] = { self->trends_page, self->skills_page, self->plan_page, self->progress_page };

  self->catalog = g_object_ref (upskill_application_get_catalog (application));
  self->store = g_object_ref (upskill_application_get_store (application));
  self->settings = g_object_ref (upskill_application_get_settings (application));

  self->session = upskill_profile_session_new (self->store);
  g_signal_connect_object (self->session, "notify::profile",
                           G_CALLBACK (on_session_profile_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-undo",
                           G_CALLBACK (upskill_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "saved",
                           G_CALLBACK (on_session_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "failed",
                           G_CALLBACK (on_session_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "deleted",
                           G_CALLBACK (upskill_window_on_profile_deleted), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->session, "profile", self->profile_signals, "target", G_BINDING_SYNC_CREATE);

  self->profiles = upskill_profile_list_new (self->store, self->catalog, self->session);
  g_signal_connect_object (self->profiles, "items-changed",
                           G_CALLBACK (update_stacks), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->profiles));
  upskill_window_follow_profile_sort (self);
  upskill_window_setup_sync (self);

  /* The last page first: only the page shown builds its content now. */
  restore_window_state (self);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_object_set (pages[i], "catalog", self->catalog, NULL);
      g_object_bind_property (application, "trends", pages[i], "trends", G_BINDING_SYNC_CREATE);
    }
  g_object_bind_property (application, "feed-error", self->trends_page, "feed-error", G_BINDING_SYNC_CREATE);
  upskill_window_update_actions (self);

  /* Never on the main loop: with a thousand clients this reads an index
   * or, the first time, every file. */
  upskill_profile_list_reload_async (self->profiles, self->cancellable, on_listed, self);
}

UpskillWindow *
upskill_window_new (UpskillApplication *application)
{
  UpskillWindow *self;

  g_return_val_if_fail (UPSKILL_IS_APPLICATION (application), NULL);

  self = g_object_new (UPSKILL_TYPE_WINDOW,
                       "application", application,
                       NULL);
  setup (self, application);

  return self;
}
