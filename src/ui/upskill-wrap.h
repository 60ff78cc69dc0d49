/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The narrowest a wrapping label of ours may become, in characters. */
#define UPSKILL_WRAP_MIN_CHARS 12

void upskill_wrap_set_min_chars (GtkWidget *widget);

G_END_DECLS
