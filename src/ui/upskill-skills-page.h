/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-page.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_SKILLS_PAGE (upskill_skills_page_get_type ())

G_DECLARE_FINAL_TYPE (UpskillSkillsPage, upskill_skills_page, UPSKILL, SKILLS_PAGE, UpskillPage)

/* Properties: those of UpskillPage ("catalog", "trends", "profile"),
 * also set and read by the functions below. The page changes the profile
 * directly and refreshes on its "changed" signal; it never saves. */
GtkWidget      *upskill_skills_page_new         (void);

UpskillCatalog *upskill_skills_page_get_catalog (UpskillSkillsPage *self);
void            upskill_skills_page_set_catalog (UpskillSkillsPage *self,
                                                 UpskillCatalog    *catalog);
UpskillTrends  *upskill_skills_page_get_trends  (UpskillSkillsPage *self);
void            upskill_skills_page_set_trends  (UpskillSkillsPage *self,
                                                 UpskillTrends     *trends);
UpskillProfile *upskill_skills_page_get_profile (UpskillSkillsPage *self);
void            upskill_skills_page_set_profile (UpskillSkillsPage *self,
                                                 UpskillProfile    *profile);

/* Scrolls to the group of the area @area_id and moves the focus to its
 * first skill (e.g. when the Trends page activates an area). */
void            upskill_skills_page_show_area   (UpskillSkillsPage *self,
                                                 const char        *area_id);

G_END_DECLS
