/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A person's skills, plan and progress. The profile knows skills by their
 * catalog id but does not need the catalog: an id it does not know is kept
 * as it is and simply not shown. */

typedef enum
{
  UPSKILL_PROFILE_SELF,
  UPSKILL_PROFILE_CLIENT,
} UpskillProfileKind;

typedef enum
{
  UPSKILL_STEP_PLANNED,
  UPSKILL_STEP_IN_PROGRESS,
  UPSKILL_STEP_DONE,
  UPSKILL_STEP_SKIPPED,
} UpskillStepStatus;

/* What a skill's rating rests on: the person's word alone, evidence
 * attached to it, or a coach who saw the evidence and confirmed it. */
typedef enum
{
  UPSKILL_RATING_SELF_RATED,
  UPSKILL_RATING_EVIDENCED,
  UPSKILL_RATING_CONFIRMED,
} UpskillRatingBasis;

typedef struct
{
  char   *note;
  char   *link;    /* may be NULL */
  gint64  added;   /* unix time */
} UpskillEvidence;

typedef struct
{
  gint64  time;    /* unix time */
  char   *skill_id;
  guint   from;
  guint   to;
  char   *source;  /* what caused it, e.g. "Completed: The Python Tutorial"; may be NULL */
} UpskillHistoryEntry;

typedef struct
{
  char              *id;
  char              *module_id; /* NULL for a custom step */
  char              *title;     /* custom steps only; NULL otherwise */
  guint              hours;     /* custom steps only */
  char              *skill_id;  /* custom steps only */
  guint              from_level;/* custom steps only */
  guint              to_level;  /* custom steps only */
  UpskillStepStatus  status;
  guint              hours_spent; /* logged by the person; 0 = none */
  gint64             due;       /* projected finish when the plan was last
                                 * made, 00:00 UTC of the day; 0 = none */
} UpskillPlanStep;

typedef enum
{
  UPSKILL_ACTION_OPEN,
  UPSKILL_ACTION_DONE,
  UPSKILL_ACTION_DROPPED,
} UpskillActionStatus;

/* Something agreed in a session, to be done by the next one. */
typedef struct
{
  char                *id;       /* "action-N", unique in its note */
  char                *text;     /* one line */
  gint64               due;      /* 00:00 UTC of the day; 0 = none */
  UpskillActionStatus  status;
  gboolean             private;  /* coach only even in a shared note:
                                  * never in the report */
} UpskillAction;

typedef struct
{
  char      *id;
  gint64     date;    /* unix time of the session; 00:00 UTC for a session
                       * known by its day only (older files, a day chosen
                       * in the past) */
  char      *text;
  /* Coach only: never in the report, nor are its actions. Notes of
   * older files, which had no such flag, are shared. */
  gboolean   private;
  gint64     next_session; /* the date agreed for the next one; 0 = none */
  GPtrArray *actions;      /* UpskillAction*, in the order agreed; NULL
                            * only in a note that is not a profile's */
  char      *focus;        /* what the session was about, one line; NULL = none */
} UpskillNote;

#define UPSKILL_PROFILE_FORMAT  "upskill-profile"
#define UPSKILL_PROFILE_VERSION 1
#define UPSKILL_NO_TARGET_OVERRIDE (-1)
#define UPSKILL_HISTORY_BURST_SECONDS 60
/* Limits that loading enforces and the setters keep. */
#define UPSKILL_PROFILE_NAME_MAX_CHARS   200
#define UPSKILL_PROFILE_MAX_WEEKLY_HOURS 80.0
#define UPSKILL_PROFILE_MAX_STEP_HOURS   10000
/* How much one profile may hold (README, "Limits"): a file beyond them is
 * refused with a message, and the window keeps responsive up to them. */
#define UPSKILL_PROFILE_MAX_SKILLS       500
#define UPSKILL_PROFILE_MAX_EVIDENCE     20     /* per skill */
#define UPSKILL_PROFILE_MAX_STEPS        500
#define UPSKILL_PROFILE_MAX_NOTES        1000
#define UPSKILL_PROFILE_MAX_ACTIONS      50     /* per note */
#define UPSKILL_PROFILE_MAX_TAGS         20
#define UPSKILL_PROFILE_TAG_MAX_CHARS    50
/* Beyond this many changes, the oldest are merged into the next change
 * of the same skill (the first assessment of each skill is kept). */
#define UPSKILL_PROFILE_MAX_HISTORY      2000
/* Characters in one piece of prose (a note, an evidence note) … */
#define UPSKILL_PROFILE_TEXT_MAX_CHARS   20000
/* … and in one line (a step title, a role, a link, a change's source). */
#define UPSKILL_PROFILE_LINE_MAX_CHARS   1000

#define UPSKILL_TYPE_PROFILE (upskill_profile_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProfile, upskill_profile, UPSKILL, PROFILE, GObject)

#define UPSKILL_TYPE_PROFILE_KIND (upskill_profile_kind_get_type ())
GType               upskill_profile_kind_get_type        (void);

/* Profile ids double as file names: [a-z0-9][a-z0-9-]{0,63}. */
gboolean            upskill_profile_id_is_valid          (const char         *id);

UpskillProfile     *upskill_profile_new                  (const char         *id,
                                                          const char         *name);
UpskillProfile     *upskill_profile_new_from_json        (JsonNode           *root,
                                                          const char         *display_name,
                                                          GError            **error);
UpskillProfile     *upskill_profile_new_from_bytes       (GBytes             *bytes,
                                                          const char         *display_name,
                                                          GError            **error);
JsonNode           *upskill_profile_to_json              (UpskillProfile     *self);
GBytes             *upskill_profile_to_bytes             (UpskillProfile     *self);
UpskillProfile     *upskill_profile_copy                 (UpskillProfile     *self);
/* Replaces every field with those of @other (keeps @self's identity), for undo. */
void                upskill_profile_restore              (UpskillProfile     *self,
                                                          UpskillProfile     *other);

/* The version of its file this profile was read from or last saved as
 * (opaque, see upskill_file_dup_version()): a save replaces only that
 * version. NULL for a profile never read from disk. Not copied by
 * upskill_profile_copy() nor changed by upskill_profile_restore(). */
const char         *upskill_profile_get_file_version     (UpskillProfile     *self);
void                upskill_profile_set_file_version     (UpskillProfile     *self,
                                                          const char         *version);

const char         *upskill_profile_get_id               (UpskillProfile     *self);
void                upskill_profile_set_id               (UpskillProfile     *self,
                                                          const char         *id);
const char         *upskill_profile_get_name             (UpskillProfile     *self);
void                upskill_profile_set_name             (UpskillProfile     *self,
                                                          const char         *name);
UpskillProfileKind  upskill_profile_get_kind             (UpskillProfile     *self);
void                upskill_profile_set_kind             (UpskillProfile     *self,
                                                          UpskillProfileKind  kind);
/* Archived: hidden from the profile list and the Clients overview
 * unless archived profiles are asked for; kept as they are otherwise. */
gboolean            upskill_profile_get_archived         (UpskillProfile     *self);
void                upskill_profile_set_archived         (UpskillProfile     *self,
                                                          gboolean            archived);
const char         *upskill_profile_get_current_role     (UpskillProfile     *self);
void                upskill_profile_set_current_role     (UpskillProfile     *self,
                                                          const char         *current_role);
const char         *upskill_profile_get_target_role      (UpskillProfile     *self);
void                upskill_profile_set_target_role      (UpskillProfile     *self,
                                                          const char         *role_id);
/* The goal in the person's own words (one line, at most
 * UPSKILL_PROFILE_LINE_MAX_CHARS; longer is refused), NULL for none;
 * "" clears it. */
const char         *upskill_profile_get_goal             (UpskillProfile     *self);
void                upskill_profile_set_goal             (UpskillProfile     *self,
                                                          const char         *goal);
/* The day the goal is for, as midnight UTC (unix seconds), 0 for none.
 * A time is kept as its day; it must lie in the years
 * UPSKILL_DATE_MIN_YEAR to UPSKILL_DATE_MAX_YEAR. */
gint64              upskill_profile_get_goal_date        (UpskillProfile     *self);
void                upskill_profile_set_goal_date        (UpskillProfile     *self,
                                                          gint64              date);
/* Free-text tags a coach files the profile under ("pilot", "Team A"):
 * never NULL, in the coach's order, no two alike ignoring case. */
const char * const *upskill_profile_get_tags             (UpskillProfile     *self);
/* Each tag is tidied (upskill_profile_normalize_tag()); empty ones and
 * repeats are dropped. Fails, changing nothing, past
 * UPSKILL_PROFILE_MAX_TAGS tags or UPSKILL_PROFILE_TAG_MAX_CHARS
 * characters in one. */
gboolean            upskill_profile_set_tags             (UpskillProfile     *self,
                                                          const char * const *tags,
                                                          GError            **error);
/* @text trimmed, runs of spaces and control characters made one space;
 * NULL when nothing is left. */
char               *upskill_profile_normalize_tag        (const char         *text);
/* What two tags are compared by: alike when their keys are equal. */
char               *upskill_profile_dup_tag_key          (const char         *tag);
double              upskill_profile_get_weekly_hours     (UpskillProfile     *self);
void                upskill_profile_set_weekly_hours     (UpskillProfile     *self,
                                                          double              hours);
gint64              upskill_profile_get_created          (UpskillProfile     *self);
gint64              upskill_profile_get_modified         (UpskillProfile     *self);

/* Skills. A skill never rated is at level 0 with no override. */
guint               upskill_profile_get_level            (UpskillProfile     *self,
                                                          const char         *skill_id);
/* Records the change in the history (at @time, unix seconds; 0 = now)
 * and returns TRUE if the level changed. Changes to one skill in a burst
 * (under UPSKILL_HISTORY_BURST_SECONDS apart, no other skill in between,
 * the same source) make one entry from the first old level to the last
 * new one; a burst that ends where it started leaves none. */
gboolean            upskill_profile_set_level            (UpskillProfile     *self,
                                                          const char         *skill_id,
                                                          guint               level,
                                                          const char         *source,
                                                          gint64              time);
int                 upskill_profile_get_target_override  (UpskillProfile     *self,
                                                          const char         *skill_id);
void                upskill_profile_set_target_override  (UpskillProfile     *self,
                                                          const char         *skill_id,
                                                          int                 target);
/* The ids of every skill with a level, an override or evidence. */
GStrv               upskill_profile_dup_rated_skills     (UpskillProfile     *self);

GPtrArray          *upskill_profile_get_evidence         (UpskillProfile     *self,
                                                          const char         *skill_id);

/* A coach's confirmation of a rating, after seeing the evidence: when
 * (unix seconds), 0 for none. It holds for the level it was given at:
 * upskill_profile_set_level() clears it when the level changes.
 * Confirming needs a rated skill (level 1 or more); @time 0 clears. */
gint64              upskill_profile_get_confirmed        (UpskillProfile     *self,
                                                          const char         *skill_id);
void                upskill_profile_set_confirmed        (UpskillProfile     *self,
                                                          const char         *skill_id,
                                                          gint64              time);
/* Confirmed if a coach confirmed the level, else evidenced if it has
 * evidence, else self-rated (a skill never rated, too). */
UpskillRatingBasis  upskill_profile_get_rating_basis     (UpskillProfile     *self,
                                                          const char         *skill_id);
/* FALSE, and nothing added, when the skill already holds
 * UPSKILL_PROFILE_MAX_EVIDENCE items or the profile
 * UPSKILL_PROFILE_MAX_SKILLS skills. */
gboolean            upskill_profile_add_evidence         (UpskillProfile     *self,
                                                          const char         *skill_id,
                                                          const char         *note,
                                                          const char         *link);
void                upskill_profile_update_evidence      (UpskillProfile     *self,
                                                          const char         *skill_id,
                                                          guint               index,
                                                          const char         *note,
                                                          const char         *link);
void                upskill_profile_remove_evidence      (UpskillProfile     *self,
                                                          const char         *skill_id,
                                                          guint               index);

/* Whether @text is short enough for a piece of prose (a note, evidence)
 * or, when @prose is FALSE, for one line (a title, a role, a link). */
gboolean            upskill_profile_text_fits               (const char     *text,
                                                             gboolean        prose);
/* FALSE with a message a user can act on when the profile has no room
 * for one more note, evidence item of @skill_id or plan step. */
gboolean            upskill_profile_check_room_for_note     (UpskillProfile *self,
                                                             GError        **error);
gboolean            upskill_profile_check_room_for_evidence (UpskillProfile *self,
                                                             const char     *skill_id,
                                                             GError        **error);
gboolean            upskill_profile_check_room_for_step     (UpskillProfile *self,
                                                             GError        **error);

/* History, oldest first (UpskillHistoryEntry*). */
GPtrArray          *upskill_profile_get_history          (UpskillProfile     *self);
/* Orders two UpskillHistoryEntry** by time, oldest first: for g_ptr_array_sort(). */
int                 upskill_history_entry_compare_time   (gconstpointer       a,
                                                          gconstpointer       b);

/* The learning plan, in the user's order (UpskillPlanStep*). */
GPtrArray          *upskill_profile_get_plan             (UpskillProfile     *self);
/* Takes ownership of @steps, which must free its elements with
 * upskill_plan_step_free. */
void                upskill_profile_set_plan             (UpskillProfile     *self,
                                                          GPtrArray          *steps);
UpskillPlanStep    *upskill_profile_find_step            (UpskillProfile     *self,
                                                          const char         *step_id);
void                upskill_profile_set_step_status      (UpskillProfile     *self,
                                                          const char         *step_id,
                                                          UpskillStepStatus   status);
/* Hours spent on a step so far (0 to clear), at most UPSKILL_PROFILE_MAX_STEP_HOURS. */
void                upskill_profile_set_step_hours_spent (UpskillProfile     *self,
                                                          const char         *step_id,
                                                          guint               hours);
void                upskill_profile_move_step            (UpskillProfile     *self,
                                                          const char         *step_id,
                                                          guint               new_position);
void                upskill_profile_remove_step          (UpskillProfile     *self,
                                                          const char         *step_id);
/* A fresh step id unique in this profile ("step-N"). */
char               *upskill_profile_new_step_id          (UpskillProfile     *self);

/* Whether @note has a time of day, or only its day. */
gboolean            upskill_note_has_time                (const UpskillNote  *note);
/* The first moment after the session: its time, or the end of its day
 * for a day-only note (what happened that day belongs to the session). */
gint64              upskill_note_get_end                 (const UpskillNote  *note);

/* Session notes, oldest first (UpskillNote*). */
GPtrArray          *upskill_profile_get_notes            (UpskillProfile     *self);
/* NULL, and nothing added, when the profile already holds
 * UPSKILL_PROFILE_MAX_NOTES notes. */
UpskillNote        *upskill_profile_add_note             (UpskillProfile     *self,
                                                          gint64              date,
                                                          const char         *text);
void                upskill_profile_update_note          (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          gint64              date,
                                                          const char         *text);
void                upskill_profile_remove_note          (UpskillProfile     *self,
                                                          const char         *note_id);
UpskillNote        *upskill_profile_find_note            (UpskillProfile     *self,
                                                          const char         *note_id);
/* A new note's privacy: shared in one's own profile, private in a
 * client's (the coach's notes are the coach's until shared). */
gboolean            upskill_profile_get_default_private  (UpskillProfile     *self);
void                upskill_profile_set_note_private     (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          gboolean            private_);
/* @date: the day (00:00 UTC) or time agreed for the next session; 0 = none. */
/* One line (UPSKILL_PROFILE_LINE_MAX_CHARS; longer is refused), "" or
 * NULL for none. */
void                upskill_profile_set_note_focus       (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          const char         *focus);
void                upskill_profile_set_note_next_session (UpskillProfile    *self,
                                                           const char        *note_id,
                                                           gint64             date);

/* Agreed actions of a note. NULL, and nothing added, when the note
 * already holds UPSKILL_PROFILE_MAX_ACTIONS or @text is longer than a
 * line (UPSKILL_PROFILE_LINE_MAX_CHARS). @due: a day, 0 for none. The
 * action is open and not private itself: a private note keeps all its
 * actions private (upskill_action_is_shared()). */
UpskillAction      *upskill_profile_add_action           (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          const char         *text,
                                                          gint64              due);
UpskillAction      *upskill_profile_find_action          (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          const char         *action_id);
void                upskill_profile_update_action        (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          const char         *action_id,
                                                          const char         *text,
                                                          gint64              due);
void                upskill_profile_set_action_status    (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          const char         *action_id,
                                                          UpskillActionStatus status);
void                upskill_profile_set_action_private   (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          const char         *action_id,
                                                          gboolean            private_);
void                upskill_profile_remove_action        (UpskillProfile     *self,
                                                          const char         *note_id,
                                                          const char         *action_id);
/* Moves an open action agreed in one session into another (still to be
 * done, now agreed again): it leaves @from_note_id. The moved action, or
 * NULL when @to_note_id has no room. */
UpskillAction      *upskill_profile_carry_over_action    (UpskillProfile     *self,
                                                          const char         *from_note_id,
                                                          const char         *action_id,
                                                          const char         *to_note_id);
/* "Last time you agreed to…": the open actions (UpskillAction*, owned by
 * the profile; the array is the caller's) of the last session dated
 * before @before, which *@out_note (may be NULL) is set to, or NULL. An
 * empty array when there is no such session or it left nothing open. */
GPtrArray          *upskill_profile_dup_open_actions_before (UpskillProfile  *self,
                                                             gint64           before,
                                                             const UpskillNote **out_note);
/* Whether @note or @action (of @note) may go into an export: neither
 * is private. */
gboolean            upskill_note_is_shared               (const UpskillNote  *note);
gboolean            upskill_action_is_shared             (const UpskillNote  *note,
                                                          const UpskillAction *action);

/* A free-standing action, e.g. one being edited in a dialog. */
UpskillAction      *upskill_action_new                   (const char         *id,
                                                          const char         *text,
                                                          gint64              due,
                                                          UpskillActionStatus status,
                                                          gboolean            private_);
void                upskill_action_free                  (UpskillAction      *action);

UpskillPlanStep    *upskill_plan_step_new_module         (const char         *id,
                                                          const char         *module_id);
UpskillPlanStep    *upskill_plan_step_new_custom         (const char         *id,
                                                          const char         *title,
                                                          guint               hours,
                                                          const char         *skill_id,
                                                          guint               from_level,
                                                          guint               to_level);
UpskillPlanStep    *upskill_plan_step_copy               (const UpskillPlanStep *step);
void                upskill_plan_step_free               (UpskillPlanStep    *step);

const char         *upskill_step_status_to_string        (UpskillStepStatus   status);
const char         *upskill_action_status_to_string      (UpskillActionStatus status);
const char         *upskill_action_status_get_label      (UpskillActionStatus status);
const char         *upskill_step_status_get_label        (UpskillStepStatus   status);
const char         *upskill_profile_kind_get_label       (UpskillProfileKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpskillPlanStep, upskill_plan_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpskillAction, upskill_action_free)

G_END_DECLS
