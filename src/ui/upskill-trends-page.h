/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_TRENDS_PAGE (upskill_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (UpskillTrendsPage, upskill_trends_page, UPSKILL, TRENDS_PAGE, AdwBin)

/* Properties: "catalog" (UpskillCatalog), "trends" (UpskillTrends),
 * "profile" (UpskillProfile or NULL when no profile is selected). */

G_END_DECLS
