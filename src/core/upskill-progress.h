/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-catalog.h"
#include "upskill-profile.h"

G_BEGIN_DECLS

/* A session note is dated by its day; what changed on that day belongs to
 * the session, so "since the last session" starts a day after its date. */
#define UPSKILL_PROGRESS_SECONDS_PER_DAY (24 * 60 * 60)

/* Progress over time: the timeline of changes and session notes, and the
 * sentences a coach reads aloud. Shared by the Progress page and the PDF
 * report. */

/* History sources are data, stored untranslated: a level raised because a
 * plan step was completed has the source "Completed: TITLE". */
#define UPSKILL_COMPLETED_SOURCE_PREFIX "Completed: "

char              *upskill_progress_completed_source           (const char     *title);
/* @source as shown to a person (the "Completed: " prefix translated);
 * NULL for a NULL or empty source. */
char              *upskill_progress_format_source              (const char     *source);

/* "14 October", or "14 October 2025" when not in the year of @now; in
 * local time, or in UTC for @utc (session days are stored as UTC days). */
char              *upskill_progress_format_day                 (gint64          time,
                                                                gboolean        utc,
                                                                gint64          now);

typedef enum
{
  UPSKILL_TIMELINE_CHANGE,
  UPSKILL_TIMELINE_NOTE,
} UpskillTimelineKind;

typedef struct
{
  UpskillTimelineKind        kind;
  gint64                     time;    /* a change's time, a note's day */
  const UpskillHistoryEntry *change;  /* UPSKILL_TIMELINE_CHANGE: the profile's */
  const UpskillNote         *note;    /* UPSKILL_TIMELINE_NOTE: the profile's */
} UpskillTimelineEvent;

/* Changes and session notes, newest first (UpskillTimelineEvent*, owned by
 * the array; the entries and notes they point to belong to @profile and
 * live until it changes). A note stands at the end of its day, so the
 * changes above it are exactly those "since" that session. */
GPtrArray         *upskill_progress_get_timeline               (UpskillProfile *profile);

/* The most recent session note dated on or before @now, or NULL. */
const UpskillNote *upskill_progress_get_last_session           (UpskillProfile *profile,
                                                                gint64          now);
/* The session "since the last session" counts from: the last one, or,
 * when that one is from today (the coach exports right after writing its
 * note), the one before it, so the summary covers the session just held.
 * NULL when there is no session. */
/* The next session as of @now: the date agreed in the last session (at
 * or before @now) while it is still to come, else the first note dated
 * after @now; 0 when neither is known. */
gint64             upskill_progress_get_next_session           (UpskillProfile *profile,
                                                                gint64          now);
const UpskillNote *upskill_progress_get_reference_session      (UpskillProfile *profile,
                                                                gint64          now);
/* The same in the time zone @local, which a listing of many profiles
 * looks up once (GLib 2.74 reads /etc/localtime again at each lookup,
 * under a lock all threads share). */
const UpskillNote *upskill_progress_get_reference_session_in_zone (UpskillProfile *profile,
                                                                   gint64          now,
                                                                   GTimeZone      *local);
/* "14 October" for a day-only session, in UTC; its local day otherwise. */
char              *upskill_progress_format_session_day         (const UpskillNote *note,
                                                                gint64             now);

typedef struct
{
  UpskillSkill *skill;
  guint         from;   /* level before the first change */
  guint         to;     /* level after the last change */
} UpskillSkillChange;

/* The net level changes at or after @since, in the order the skills first
 * changed (UpskillSkillChange*, owned by the array). Skills back at their
 * old level and skills the catalog does not know are left out.
 * @out_n_completed, if not NULL, receives the number of distinct plan
 * steps completed in that time (history sources "Completed: …"). */
GPtrArray         *upskill_progress_get_changes_since          (UpskillProfile *profile,
                                                                UpskillCatalog *catalog,
                                                                gint64          since,
                                                                guint          *out_n_completed);

/* "Since the session on 14 October, Li raised SQL from Competent to
 * Proficient and dbt from Novice to Advanced beginner, and completed 1
 * step." NULL when there is no session note on or before @now. */
char              *upskill_progress_describe_since_last_session (UpskillProfile *profile,
                                                                 UpskillCatalog *catalog,
                                                                 gint64          now);

/* Where a readiness series starts to mean something: the last point of
 * its first day. A profile is created empty and rated minutes later; the
 * line and the sentence start from that first rating, not from 0%. */
guint              upskill_progress_get_baseline_index         (GPtrArray      *series);
/* The first assessment of a series or history that starts at @start:
 * every change before the time this returns. */
gint64             upskill_progress_get_first_assessment_end   (gint64          start);

/* The text alternative of the readiness chart, from
 * upskill_compute_readiness_series(): "Readiness rose from 12% in March to
 * 48% in November." It starts from the baseline (see above). */
char              *upskill_progress_describe_readiness         (GPtrArray      *series,
                                                                gint64          now);

G_END_DECLS
