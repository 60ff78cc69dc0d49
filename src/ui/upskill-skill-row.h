/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_SKILL_ROW (upskill_skill_row_get_type ())

G_DECLARE_FINAL_TYPE (UpskillSkillRow, upskill_skill_row, UPSKILL, SKILL_ROW, AdwExpanderRow)

/* One skill of a profile: its current level (the "level" property, also
 * the "skill.level" action), its target (the role's, or the profile's
 * override), the gap and the evidence. Changes go straight to the
 * profile; the row shows the profile again on upskill_skill_row_update. */
UpskillSkillRow *upskill_skill_row_new         (UpskillCatalog  *catalog,
                                                UpskillSkill    *skill);
UpskillSkill    *upskill_skill_row_get_skill   (UpskillSkillRow *self);
UpskillProfile  *upskill_skill_row_get_profile (UpskillSkillRow *self);
void             upskill_skill_row_set_profile (UpskillSkillRow *self,
                                                UpskillProfile  *profile);
/* Re-reads the profile and updates the row in place (keeps the focus). */
void             upskill_skill_row_update      (UpskillSkillRow *self);

G_END_DECLS
