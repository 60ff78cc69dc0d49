/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-application.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_WINDOW (upskill_window_get_type ())

G_DECLARE_FINAL_TYPE (UpskillWindow, upskill_window, UPSKILL, WINDOW, AdwApplicationWindow)

UpskillWindow *upskill_window_new (UpskillApplication *application);

G_END_DECLS
