/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days of a plan (GDate) as the window and the report show them. */

/* The years a date in a profile may fall in (UTC). GDateTime ends at the
 * years 1 and 9999, and date arithmetic near those ends gives NULL: a
 * date far from both is refused when it is read (and cannot be typed),
 * so that no chart, timeline or report ever walks off the calendar. */
#define UPSKILL_DATE_MIN_YEAR 1900
#define UPSKILL_DATE_MAX_YEAR 2200

/* Whether the unix time @time falls in those years. */
gboolean   upskill_date_time_is_sane       (gint64       time);

/* @date at noon, local time: the same day whatever the offset. */
GDateTime *upskill_date_time_new_from_date (const GDate *date);
/* Sets @date to the day of @date_time. */
void       upskill_date_set_from_date_time (GDate       *date,
                                            GDateTime   *date_time);

/* A full day: "14 March 2027". */
char      *upskill_date_time_format_day    (GDateTime   *date_time);
char      *upskill_date_format_day         (const GDate *date);

/* A day as typed in a date field, in the locale's numeric form when it
 * has a four-digit year ("16.12.2026" in German, "12/16/2026" in the
 * US), else year-month-day ("2026-12-16"). */
char      *upskill_date_format_numeric     (const GDate *date);
/* Reads a day typed in that form, or as year-month-day in any locale.
 * Returns FALSE, leaving @date alone, for anything else. */
gboolean   upskill_date_parse_numeric      (const char  *text,
                                            GDate       *date);
/* What to type, for a placeholder: "DD.MM.YYYY", "YYYY-MM-DD". */
char      *upskill_date_numeric_hint       (void);

G_END_DECLS
