/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_PROGRESS_PAGE (upskill_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProgressPage, upskill_progress_page, UPSKILL, PROGRESS_PAGE, AdwBin)

/* Properties: "catalog" (UpskillCatalog), "trends" (UpskillTrends),
 * "profile" (UpskillProfile or NULL when no profile is selected).
 *
 * Actions (prefix "progress."): add-note, edit-note "s" (note id),
 * delete-note "s", show-area "(ub)" (area index, visible). */

G_END_DECLS
