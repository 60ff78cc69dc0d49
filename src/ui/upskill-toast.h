/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Toasts. AdwToast's title is Pango markup (libadwaita 1.2 has no plain
 * text toasts): the text given here is shown as written, whatever it
 * holds — a name, a file name, an error quoting a file. */
AdwToast *upskill_toast_new        (const char *text);
AdwToast *upskill_toast_new_printf (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);

/* Gives @toast the Undo button every "removed, with undo" toast has: it
 * takes back the last change through the window's undo (`win.undo`),
 * as Ctrl+Z does. */
void      upskill_toast_add_undo   (AdwToast   *toast);

/* Shows @toast (taken) in the toast overlay @widget is in: a page, a row
 * and the window's own code all reach the window's overlay this way,
 * without knowing the window. Dropped when @widget is in none. */
void      upskill_toast_show       (GtkWidget  *widget,
                                    AdwToast   *toast);

G_END_DECLS
