/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void upskill_wrap_at_words (GtkWidget *widget);

G_END_DECLS
