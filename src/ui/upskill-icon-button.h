/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A flat button showing @icon_name, centered vertically in its row, with
 * @tooltip; it activates @action_name with @target (which may be
 * floating), as a row's Edit or Remove button does for its item. */
GtkWidget *upskill_icon_button_new (const char *icon_name,
                                    const char *tooltip,
                                    const char *action_name,
                                    GVariant   *target);

G_END_DECLS
