/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-page.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_TRENDS_PAGE (upskill_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (UpskillTrendsPage, upskill_trends_page, UPSKILL, TRENDS_PAGE, UpskillPage)

/* Properties: those of UpskillPage ("catalog", "trends", "profile"),
 * "kind-filter" ("all" or a claim kind: "figure", "fact", "strategy",
 * "advice", "opinion", "prediction") and "audience-filter" ("all",
 * "developer" or "founder").
 *
 * Actions: "trends.kind" (s) and "trends.audience" (s) set the filters,
 * "trends.show-all" clears them.
 *
 * Signal "area-activated" (const char *area_id): the user asked to open
 * an area of the skills; the window shows the Skills page at that area. */

GtkWidget *upskill_trends_page_new (void);

G_END_DECLS
