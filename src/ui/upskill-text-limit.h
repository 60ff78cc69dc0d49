/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a user types stops at the length the profile accepts on reading
 * (UPSKILL_PROFILE_*_MAX_CHARS), so nothing typed is refused on save.
 * Near the limit a count says how much is used; at the limit it is
 * highlighted and typing more rings the bell. */

/* The count shows at the end of @row. */
void upskill_text_limit_set_entry_row (AdwEntryRow *row,
                                       guint        max_chars);
/* The count shows in @hint, a label the caller places below @view. */
void upskill_text_limit_set_text_view (GtkTextView *view,
                                       GtkLabel    *hint,
                                       guint        max_chars);

G_END_DECLS
