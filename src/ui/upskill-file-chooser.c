/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-file-chooser.h"

typedef struct
{
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                cancelled_handler;
} ChooseData;

static void
choose_data_free (gpointer data)
{
  ChooseData *choose = data;

  /* Disconnecting waits for a running "cancelled" handler: never from
   * inside it (on_cancelled hands the task back on an idle first). */
  g_cancellable_disconnect (choose->cancellable, choose->cancelled_handler);
  g_clear_object (&choose->cancellable);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (choose->chooser));
  g_object_unref (choose->chooser);
  g_free (choose);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             GTask           *task)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  /* Only the first of a response and a cancellation counts. */
  g_signal_handlers_disconnect_by_func (chooser, on_response, task);

  if (file != NULL)
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));
  g_object_unref (task);
}

static gboolean
return_cancelled (gpointer user_data)
{
  GTask *task = user_data;
  ChooseData *choose = g_task_get_task_data (task);

  if (g_signal_handlers_disconnect_by_func (choose->chooser, on_response, task) > 0)
    {
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
    }

  return G_SOURCE_REMOVE;
}

/* Runs where @cancellable was cancelled: on the main thread. */
static void
on_cancelled (GCancellable *cancellable,
              GTask        *task)
{
  ChooseData *choose = g_task_get_task_data (task);

  /* Now, not later: the parent may be going away (it cancels when it
   * closes), and a dialog modal to it must not stay on screen. It is
   * destroyed with the task. */
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (choose->chooser));
  g_idle_add_full (G_PRIORITY_DEFAULT, return_cancelled, g_object_ref (task), g_object_unref);
}

void
upskill_choose_file_async (GtkWindow            *parent,
                           GtkFileChooserAction  action,
                           const char           *title,
                           const char           *accept_label,
                           const char           *current_name,
                           GtkFileFilter        *filter,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  GTask *task;
  ChooseData *choose;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_choose_file_async);
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  choose = g_new0 (ChooseData, 1);
  choose->chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (choose->chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (choose->chooser), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (choose->chooser), current_name);
  g_task_set_task_data (task, choose, choose_data_free);

  /* The task holds itself until a response or a cancellation. */
  g_signal_connect (choose->chooser, "response", G_CALLBACK (on_response), task);
  if (cancellable != NULL)
    {
      choose->cancellable = g_object_ref (cancellable);
      choose->cancelled_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), task, NULL);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (choose->chooser));
}

GFile *
upskill_choose_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_choose_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GtkFileFilter *
upskill_file_filter_new (const char *name,
                         const char *mime_type,
                         const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);

  return filter;
}
