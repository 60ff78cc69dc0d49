/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What GTK 4.8 and libadwaita 1.2 leave unnamed for a screen reader,
 * named once a widget is mapped: an icon-only button or menu button reads
 * its tooltip; the button inside a menu button or drop-down reads the
 * name of its owner; a button with a mnemonic reads its label once (GTK
 * 4.8 reads "_Save Save"); a list row with no name of its own reads the
 * labels inside it, as they change; a search entry reads its
 * placeholder. Installed once per process by the application. */
void upskill_accessible_install   (void);

/* Gives @widget the accessible name @label, which the repairs above then
 * leave alone. */
void upskill_accessible_set_label (GtkWidget  *widget,
                                   const char *label);

G_END_DECLS
