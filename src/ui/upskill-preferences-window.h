/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Coach name and paper size for reports, the trend feed: each bound to
 * its GSettings key. */

#define UPSKILL_TYPE_PREFERENCES_WINDOW (upskill_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (UpskillPreferencesWindow, upskill_preferences_window, UPSKILL, PREFERENCES_WINDOW, AdwPreferencesWindow)

UpskillPreferencesWindow *upskill_preferences_window_new (GtkWindow *parent,
                                                          GSettings *settings);

G_END_DECLS
