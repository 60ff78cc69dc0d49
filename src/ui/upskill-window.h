/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-application.h"
#include "upskill-profile.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_WINDOW (upskill_window_get_type ())

G_DECLARE_FINAL_TYPE (UpskillWindow, upskill_window, UPSKILL, WINDOW, AdwApplicationWindow)

/* Construct-only properties: "store" (the profiles' folder), "settings"
 * and "session" (the profile on the pages, its undo and saves, of that
 * store). The application passes its own; a test may pass others. This
 * one takes @application's store and settings and a new session. */
UpskillWindow  *upskill_window_new         (UpskillApplication *application);

/* Shows @toast over the window (pages call this; takes ownership). */
void            upskill_window_add_toast   (UpskillWindow      *self,
                                            AdwToast           *toast);
/* The profile shown on the pages, or NULL. */
UpskillProfile *upskill_window_get_profile (UpskillWindow      *self);
/* @name: "trends", "skills", "plan" or "progress". */
void            upskill_window_show_page   (UpskillWindow      *self,
                                            const char         *name);

G_END_DECLS
