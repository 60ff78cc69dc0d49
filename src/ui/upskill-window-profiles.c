/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's sidebar: the profile list (an UpskillProfileList shown
 * through a single selection), its search, and loading the profile
 * chosen into the session. */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-profile-row.h"
#include "upskill-window-private.h"

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

/* Selects the profile at @position of the list, giving the list view
 * rows down to it first if it has none yet. */
void
upskill_window_set_selected (UpskillWindow *self,
                             guint          position)
{
  if (position != GTK_INVALID_LIST_POSITION && position >= gtk_slice_list_model_get_size (self->rows))
    {
      upskill_after_frame_cancel (&self->more_rows);
      gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
    }
  gtk_single_selection_set_selected (self->selection, position);
}

/* Keeps the row of the profile on the pages selected, e.g. once a search
 * that hid it is cleared. */
void
upskill_window_keep_selection (UpskillWindow *self)
{
  guint position = find_visible_position (self, self->selected_id);

  if (position != GTK_INVALID_LIST_POSITION &&
      position != gtk_single_selection_get_selected (self->selection))
    upskill_window_set_selected (self, position);
}

/* After the list was filtered again (a search, archived profiles shown
 * or hidden): the selected row stays in sight as the rows around it come
 * and go, and once the search is cleared. */
void
upskill_window_reselect (UpskillWindow *self)
{
  guint position;

  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  upskill_window_keep_selection (self);

  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static gboolean
scroll_to_selected (gpointer user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  return G_SOURCE_REMOVE;
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

  upskill_window_set_selected (self, position);
  /* A list view not laid out yet forgets where it was to scroll. */
  if (gtk_widget_get_height (GTK_WIDGET (self->list_view)) == 0)
    upskill_after_frame_schedule (&self->scroll_to_selected, GTK_WIDGET (self->list_view),
                                  G_PRIORITY_DEFAULT_IDLE, scroll_to_selected, self);
  else
    scroll_to_selected (self);
}

/* Selection and loading */

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
      upskill_window_update_stacks (self);
      return;
    }

  upskill_window_update_stacks (self);

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
      upskill_window_set_selected (self, 0);
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
  upskill_window_update_stacks (self);
}

static void
on_search_activate (UpskillWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) == 0)
    return;

  upskill_window_set_selected (self, 0);
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

/* Setup */

void
upskill_window_class_bind_profile_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
}

/* In init: the list view, its rows and its selection, whose model comes
 * with the store. */
void
upskill_window_init_profile_list (UpskillWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

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
}

/* GTK 4.8's list view makes rows for up to 200 items whether they are in
 * view or not, as soon as it has the items: 200 rows before the first
 * frame, with 1,000 clients. So it gets first as many profiles as the
 * tallest screen shows rows, even with the window maximized on it, then
 * MORE_ROWS more after each frame. A row is at least as tall as its
 * avatar, ROW_MIN_HEIGHT pixels. */
#define ROW_MIN_HEIGHT 36
#define MAX_FIRST_ROWS 200
#define MORE_ROWS      40

static guint
count_first_rows (UpskillWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int tallest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  if (tallest <= 0)
    return MAX_FIRST_ROWS;

  return MIN (MAX_FIRST_ROWS, (guint) tallest / ROW_MIN_HEIGHT + 1);
}

static gboolean
add_rows (gpointer user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  guint size = gtk_slice_list_model_get_size (self->rows);

  if (size + MORE_ROWS >= g_list_model_get_n_items (G_LIST_MODEL (self->profiles)))
    {
      gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->rows, size + MORE_ROWS);
  upskill_after_frame_schedule (&self->more_rows, GTK_WIDGET (self->list_view),
                                G_PRIORITY_DEFAULT_IDLE, add_rows, self);

  return G_SOURCE_REMOVE;
}

static void
on_first_listed (UpskillWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->profiles, on_first_listed, self);

  if (gtk_slice_list_model_get_size (self->rows) < G_MAXUINT)
    upskill_after_frame_schedule (&self->more_rows, GTK_WIDGET (self->list_view),
                                  G_PRIORITY_DEFAULT_IDLE, add_rows, self);
}

/* Once constructed: the store's profiles, listed off the main loop. */
void
upskill_window_setup_profile_list (UpskillWindow *self)
{
  self->profiles = upskill_profile_list_new (self->store, self->catalog, self->session);
  g_signal_connect_object (self->profiles, "items-changed",
                           G_CALLBACK (upskill_window_update_stacks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profiles, "items-changed",
                           G_CALLBACK (on_first_listed), self, G_CONNECT_SWAPPED);
  self->rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->profiles)), 0,
                                          count_first_rows (self));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  upskill_window_follow_profile_sort (self);
}

/* For the tests */

GListModel *
upskill_window_get_visible_profiles (UpskillWindow *self)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

gboolean
upskill_window_is_loading (UpskillWindow *self)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), FALSE);

  return !self->listed || self->load_cancellable != NULL;
}
