/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks for one file with the desktop's file chooser (the portal's when
 * there is one), modal to @parent, showing the files @filter lets
 * through (all, or every folder, when NULL); @current_name is the
 * suggested name when saving, or NULL.
 * Finishes with the chosen file, or with G_IO_ERROR_CANCELLED when the
 * user cancels or @cancellable is cancelled (which closes the chooser:
 * cancel it on the main thread, e.g. in the parent's dispose). */
void   upskill_choose_file_async  (GtkWindow             *parent,
                                   GtkFileChooserAction   action,
                                   const char            *title,
                                   const char            *accept_label,
                                   const char            *current_name,
                                   GtkFileFilter         *filter,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data);
GFile *upskill_choose_file_finish (GAsyncResult          *result,
                                   GError               **error);

/* A filter named @name for one MIME type and one file name suffix
 * (without the dot; any case). */
GtkFileFilter *upskill_file_filter_new (const char *name,
                                        const char *mime_type,
                                        const char *suffix);

G_END_DECLS
