/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What outlives the window: its size, page and profile, remembered in
 * the settings, and the changes still on their way to the disk, which
 * closing waits for. */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-window-private.h"

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

void
upskill_window_restore_state (UpskillWindow *self)
{
  g_autofree char *page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (294, g_settings_get_int (self->settings, "window-height")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  if (adw_view_stack_get_child_by_name (self->view_stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, page);
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

/* On close-request: remembers the window's state and starts saving what
 * waits. TRUE if the window must stay (hidden) until that is on disk. */
gboolean
upskill_window_begin_closing (UpskillWindow *self)
{
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
      application = gtk_window_get_application (GTK_WINDOW (self));
      if (application != NULL)
        g_application_hold (G_APPLICATION (application));
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  self->closed = TRUE;

  return FALSE;
}

/* For the tests */

gboolean
upskill_window_is_busy (UpskillWindow *self)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), FALSE);

  return upskill_profile_session_get_busy (self->session);
}
