/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"

G_BEGIN_DECLS

/* The learning plan as an iCalendar file (RFC 5545): one all-day event per
 * scheduled step of @schedule (from upskill_planner_schedule()), dated from
 * its start to its finish. Event UIDs stay the same from one export to the
 * next, so importing again updates the events instead of duplicating them.
 * @now (unix seconds) stamps the events (DTSTAMP). */
GBytes *upskill_ics_build        (UpskillProfile *profile,
                                  UpskillCatalog *catalog,
                                  GPtrArray      *schedule,
                                  gint64          now);

/* "NAME - learning plan.ics", safe as a file name. */
char   *upskill_ics_suggest_name (UpskillProfile *profile);

G_END_DECLS
