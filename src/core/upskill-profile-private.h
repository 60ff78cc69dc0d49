/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "upskill-profile.h"

G_BEGIN_DECLS

/* What upskill-profile.c (the object and its edits) and
 * upskill-profile-json.c (reading and writing the file) share. */

#define SECONDS_PER_DAY 86400
/* Ids of skills, modules, steps and notes are short keys, never prose. */
#define MAX_KEY_BYTES   128

typedef struct
{
  guint      level;
  int        target;    /* UPSKILL_NO_TARGET_OVERRIDE or 0..5 */
  GPtrArray *evidence;  /* UpskillEvidence* */
  gint64     confirmed; /* when a coach confirmed the level; 0 = never */
} SkillState;

struct _UpskillProfile
{
  GObject             parent_instance;

  char               *id;
  char               *name;
  UpskillProfileKind  kind;
  gboolean            archived;
  char               *current_role;
  char               *target_role;
  char               *goal;        /* in the person's own words, or NULL */
  gint64              goal_date;   /* a day (midnight UTC), 0 for none */
  GStrv               tags;        /* never NULL */
  double              weekly_hours;
  gint64              created;
  gint64              modified;

  GHashTable         *skills;      /* skill id → SkillState* */
  GPtrArray          *history;     /* UpskillHistoryEntry*, oldest first */
  GPtrArray          *plan;        /* UpskillPlanStep*, the user's order */
  GPtrArray          *notes;       /* UpskillNote*, oldest first */
  GPtrArray          *no_evidence; /* empty; returned for skills without any */
  /* Top-level members this version does not know (written by a newer
   * one), kept as they are and written back: compact JSON text of an
   * object, or NULL. Text, not nodes: json-glib's reference counts are
   * not atomic, and a copy of the profile is saved on another thread. */
  char               *extra;

  char               *file_version;
};


SkillState  *upskill_profile_skill_state_new    (void);
/* An empty @link is none. */
UpskillEvidence *upskill_profile_evidence_new   (const char          *note,
                                                 const char          *link,
                                                 gint64               added);
UpskillHistoryEntry *upskill_profile_history_entry_new (gint64               time,
                                                       const char          *skill_id,
                                                       guint                from,
                                                       guint                to,
                                                       const char          *source);
void         upskill_profile_history_entry_free (UpskillHistoryEntry *entry);
UpskillNote *upskill_profile_note_new           (void);
gboolean     upskill_profile_name_is_valid      (const char          *name);
void         upskill_profile_fold_history       (UpskillProfile      *self,
                                                 guint                max_length);

static inline gint64
floor_to_day (gint64 time)
{
  gint64 remainder = time % SECONDS_PER_DAY;

  if (remainder < 0)
    remainder += SECONDS_PER_DAY;

  return time - remainder;
}

static inline gboolean
key_is_valid (const char *key)
{
  return key != NULL && *key != '\0' && strlen (key) <= MAX_KEY_BYTES;
}

static inline int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

G_END_DECLS
