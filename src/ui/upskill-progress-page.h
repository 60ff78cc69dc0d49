/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-page.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_PROGRESS_PAGE (upskill_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProgressPage, upskill_progress_page, UPSKILL, PROGRESS_PAGE, UpskillPage)

/* Properties: those of UpskillPage ("catalog", "trends", "profile").
 *
 * Actions (prefix "progress."): add-note, edit-note "s" (note id),
 * delete-note "s", show-area "(ub)" (area index, visible). */

G_END_DECLS
