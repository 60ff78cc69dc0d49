/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window and its application's trend data: the pages show its
 * trends, the Trends page why the feed's last check failed, and a toast
 * the result of a check. The application is set after construction, and
 * may change: followed with a binding group and a signal group. */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-toast.h"
#include "upskill-window-private.h"

/* What the application has to say goes to one window: the active one,
 * or the first when a dialog is active. */
static gboolean
tells_application_news (UpskillWindow  *self,
                        GtkApplication *application)
{
  GtkWindow *active = gtk_application_get_active_window (application);

  if (UPSKILL_IS_WINDOW (active))
    return active == GTK_WINDOW (self);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (UPSKILL_IS_WINDOW (l->data))
      return l->data == (gpointer) self;

  return FALSE;
}

static void
on_feed_updated (UpskillWindow      *self,
                 gboolean            changed,
                 UpskillApplication *application)
{
  if (!tells_application_news (self, GTK_APPLICATION (application)))
    return;

  upskill_window_add_toast (self, upskill_toast_new (changed ? _("The trend data was updated")
                                                             : _("The trend data is up to date")));
}

static void
on_feed_failed (UpskillWindow      *self,
                const char         *message,
                UpskillApplication *application)
{
  if (!tells_application_news (self, GTK_APPLICATION (application)))
    return;

  /* The message may quote the feed's text: shown as written. */
  upskill_window_add_toast (self, upskill_toast_new (message));
}

/* Follows the application the window belongs to, set after
 * construction: its trend data and the feed's state go to the pages,
 * the results of its checks of the feed to a toast. */
static void
on_application_changed (UpskillWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!UPSKILL_IS_APPLICATION (application))
    application = NULL;

  g_binding_group_set_source (self->application_bindings, application);
  g_signal_group_set_target (self->application_signals, application);
}

void
upskill_window_follow_application (UpskillWindow *self)
{
  GtkWidget *pages[] = { self->trends_page, self->skills_page, self->plan_page, self->progress_page };

  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  self->application_bindings = g_binding_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_binding_group_bind (self->application_bindings, "trends", pages[i], "trends", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->application_bindings, "feed-error", self->trends_page, "feed-error", G_BINDING_SYNC_CREATE);

  self->application_signals = g_signal_group_new (UPSKILL_TYPE_APPLICATION);
  g_signal_group_connect_swapped (self->application_signals, "feed-updated", G_CALLBACK (on_feed_updated), self);
  g_signal_group_connect_swapped (self->application_signals, "feed-failed", G_CALLBACK (on_feed_failed), self);

  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
  on_application_changed (self);
}
