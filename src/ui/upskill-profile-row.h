/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-profile-item.h"

G_BEGIN_DECLS

/* A row of the profile list: name, self/client badge, target role and
 * overall readiness; for a file that could not be read, the reason. */

#define UPSKILL_TYPE_PROFILE_ROW (upskill_profile_row_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProfileRow, upskill_profile_row, UPSKILL, PROFILE_ROW, GtkWidget)

GtkWidget          *upskill_profile_row_new      (void);
UpskillProfileItem *upskill_profile_row_get_item (UpskillProfileRow  *self);
void                upskill_profile_row_set_item (UpskillProfileRow  *self,
                                                  UpskillProfileItem *item);

G_END_DECLS
