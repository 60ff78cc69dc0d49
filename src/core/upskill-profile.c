/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upskill-date.h"
#include "upskill-error.h"
#include "upskill-level.h"
#include "upskill-profile-private.h"

G_DEFINE_FINAL_TYPE (UpskillProfile, upskill_profile, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (UpskillProfileKind, upskill_profile_kind,
                    G_DEFINE_ENUM_VALUE (UPSKILL_PROFILE_SELF, "self"),
                    G_DEFINE_ENUM_VALUE (UPSKILL_PROFILE_CLIENT, "client"))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_CURRENT_ROLE,
  PROP_TARGET_ROLE,
  PROP_GOAL,
  PROP_GOAL_DATE,
  PROP_WEEKLY_HOURS,
  PROP_MODIFIED,
  PROP_ARCHIVED,
  PROP_TAGS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const status_names[] = {
  [UPSKILL_STEP_PLANNED] = "planned",
  [UPSKILL_STEP_IN_PROGRESS] = "in-progress",
  [UPSKILL_STEP_DONE] = "done",
  [UPSKILL_STEP_SKIPPED] = "skipped",
};

/* Element helpers */

static void
evidence_free (UpskillEvidence *evidence)
{
  g_free (evidence->note);
  g_free (evidence->link);
  g_free (evidence);
}

UpskillEvidence *
upskill_profile_evidence_new (const char *note,
                              const char *link,
                              gint64      added)
{
  UpskillEvidence *evidence = g_new0 (UpskillEvidence, 1);

  evidence->note = g_strdup (note);
  evidence->link = link != NULL && *link != '\0' ? g_strdup (link) : NULL;
  evidence->added = added;

  return evidence;
}

static UpskillEvidence *
evidence_copy (const UpskillEvidence *evidence)
{
  return upskill_profile_evidence_new (evidence->note, evidence->link, evidence->added);
}

SkillState *
upskill_profile_skill_state_new (void)
{
  SkillState *state = g_new0 (SkillState, 1);

  state->target = UPSKILL_NO_TARGET_OVERRIDE;
  state->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_free);

  return state;
}

static void
skill_state_free (SkillState *state)
{
  g_ptr_array_unref (state->evidence);
  g_free (state);
}

static SkillState *
skill_state_copy (const SkillState *state)
{
  SkillState *copy = upskill_profile_skill_state_new ();

  copy->level = state->level;
  copy->target = state->target;
  copy->confirmed = state->confirmed;
  for (guint i = 0; i < state->evidence->len; i++)
    g_ptr_array_add (copy->evidence, evidence_copy (g_ptr_array_index (state->evidence, i)));

  return copy;
}

UpskillHistoryEntry *
upskill_profile_history_entry_new (gint64      time,
                                  const char *skill_id,
                                  guint       from,
                                  guint       to,
                                  const char *source)
{
  UpskillHistoryEntry *entry = g_new0 (UpskillHistoryEntry, 1);

  entry->time = time;
  entry->skill_id = g_strdup (skill_id);
  entry->from = from;
  entry->to = to;
  entry->source = g_strdup (source);

  return entry;
}

void
upskill_profile_history_entry_free (UpskillHistoryEntry *entry)
{
  g_free (entry->skill_id);
  g_free (entry->source);
  g_free (entry);
}

static UpskillHistoryEntry *
history_entry_copy (const UpskillHistoryEntry *entry)
{
  return upskill_profile_history_entry_new (entry->time, entry->skill_id,
                                            entry->from, entry->to, entry->source);
}

UpskillAction *
upskill_action_new (const char          *id,
                    const char          *text,
                    gint64               due,
                    UpskillActionStatus  status,
                    gboolean             private_)
{
  UpskillAction *action;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (status <= UPSKILL_ACTION_DROPPED, NULL);

  action = g_new0 (UpskillAction, 1);
  action->id = g_strdup (id);
  action->text = g_strdup (text);
  action->due = due;
  action->status = status;
  action->private = !!private_;

  return action;
}

void
upskill_action_free (UpskillAction *action)
{
  if (action == NULL)
    return;

  g_free (action->id);
  g_free (action->text);
  g_free (action);
}

static UpskillAction *
action_copy (const UpskillAction *action)
{
  return upskill_action_new (action->id, action->text, action->due,
                             action->status, action->private);
}

UpskillNote *
upskill_profile_note_new (void)
{
  UpskillNote *note = g_new0 (UpskillNote, 1);

  note->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_action_free);

  return note;
}

static void
note_free (UpskillNote *note)
{
  g_free (note->id);
  g_free (note->text);
  g_free (note->focus);
  g_clear_pointer (&note->actions, g_ptr_array_unref);
  g_free (note);
}

static UpskillNote *
note_copy (const UpskillNote *note)
{
  UpskillNote *copy = upskill_profile_note_new ();

  copy->id = g_strdup (note->id);
  copy->date = note->date;
  copy->text = g_strdup (note->text);
  copy->private = note->private;
  copy->next_session = note->next_session;
  copy->focus = g_strdup (note->focus);
  for (guint i = 0; note->actions != NULL && i < note->actions->len; i++)
    g_ptr_array_add (copy->actions, action_copy (g_ptr_array_index (note->actions, i)));

  return copy;
}

static const char * const action_status_names[] = {
  "open", "done", "dropped",
};

const char *
upskill_action_status_to_string (UpskillActionStatus status)
{
  g_return_val_if_fail (status <= UPSKILL_ACTION_DROPPED, NULL);

  return action_status_names[status];
}

const char *
upskill_action_status_get_label (UpskillActionStatus status)
{
  switch (status)
    {
    case UPSKILL_ACTION_OPEN:
      return C_("agreed action", "Open");
    case UPSKILL_ACTION_DONE:
      return C_("agreed action", "Done");
    case UPSKILL_ACTION_DROPPED:
      return C_("agreed action", "Dropped");
    default:
      g_return_val_if_reached (NULL);
    }
}

UpskillPlanStep *
upskill_plan_step_new_module (const char *id,
                              const char *module_id)
{
  UpskillPlanStep *step;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (module_id != NULL && *module_id != '\0', NULL);

  step = g_new0 (UpskillPlanStep, 1);
  step->id = g_strdup (id);
  step->module_id = g_strdup (module_id);
  step->status = UPSKILL_STEP_PLANNED;

  return step;
}

UpskillPlanStep *
upskill_plan_step_new_custom (const char *id,
                              const char *title,
                              guint       hours,
                              const char *skill_id,
                              guint       from_level,
                              guint       to_level)
{
  UpskillPlanStep *step;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (title != NULL && g_utf8_validate (title, -1, NULL), NULL);
  g_return_val_if_fail (hours <= UPSKILL_PROFILE_MAX_STEP_HOURS, NULL);
  g_return_val_if_fail (skill_id != NULL && *skill_id != '\0', NULL);
  g_return_val_if_fail (from_level <= UPSKILL_LEVEL_MAX, NULL);
  g_return_val_if_fail (to_level <= UPSKILL_LEVEL_MAX, NULL);

  step = g_new0 (UpskillPlanStep, 1);
  step->id = g_strdup (id);
  step->title = g_strdup (title);
  step->hours = hours;
  step->skill_id = g_strdup (skill_id);
  step->from_level = from_level;
  step->to_level = to_level;
  step->status = UPSKILL_STEP_PLANNED;

  return step;
}

UpskillPlanStep *
upskill_plan_step_copy (const UpskillPlanStep *step)
{
  UpskillPlanStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = g_new0 (UpskillPlanStep, 1);
  copy->id = g_strdup (step->id);
  copy->module_id = g_strdup (step->module_id);
  copy->title = g_strdup (step->title);
  copy->hours = step->hours;
  copy->skill_id = g_strdup (step->skill_id);
  copy->from_level = step->from_level;
  copy->to_level = step->to_level;
  copy->status = step->status;
  copy->hours_spent = step->hours_spent;
  copy->due = step->due;

  return copy;
}

void
upskill_plan_step_free (UpskillPlanStep *step)
{
  if (step == NULL)
    return;

  g_free (step->id);
  g_free (step->module_id);
  g_free (step->title);
  g_free (step->skill_id);
  g_free (step);
}

const char *
upskill_step_status_to_string (UpskillStepStatus status)
{
  g_return_val_if_fail (status <= UPSKILL_STEP_SKIPPED, NULL);

  return status_names[status];
}

const char *
upskill_step_status_get_label (UpskillStepStatus status)
{
  switch (status)
    {
    case UPSKILL_STEP_PLANNED:
      return _("Planned");
    case UPSKILL_STEP_IN_PROGRESS:
      return _("In progress");
    case UPSKILL_STEP_DONE:
      return _("Done");
    case UPSKILL_STEP_SKIPPED:
      return _("Skipped");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
upskill_profile_kind_get_label (UpskillProfileKind kind)
{
  switch (kind)
    {
    case UPSKILL_PROFILE_SELF:
      return _("Myself");
    case UPSKILL_PROFILE_CLIENT:
      return _("Client");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
upskill_profile_id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;

  length = strlen (id);
  if (length == 0 || length > 64)
    return FALSE;

  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (gsize i = 1; i < length; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
        return FALSE;
    }

  return TRUE;
}

gboolean
upskill_profile_name_is_valid (const char *name)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));

  return *stripped != '\0' &&
         g_utf8_strlen (name, -1) <= UPSKILL_PROFILE_NAME_MAX_CHARS;
}

static gboolean
text_is_valid (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

/* Setters refuse text past the limits that loading enforces, so that a
 * save never writes what cannot be read back. The window checks first
 * and says why. */
static gboolean
fits (const char *text,
      glong       max_chars)
{
  return text == NULL || g_utf8_strlen (text, -1) <= max_chars;
}

gboolean
upskill_profile_text_fits (const char *text,
                           gboolean    prose)
{
  return fits (text, prose ? UPSKILL_PROFILE_TEXT_MAX_CHARS : UPSKILL_PROFILE_LINE_MAX_CHARS);
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Every change goes through here: the UI saves on "changed". */
static void
touch (UpskillProfile *self)
{
  gint64 now = now_unix ();

  if (now != self->modified)
    {
      self->modified = now;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* GObject */

static void
upskill_profile_finalize (GObject *object)
{
  UpskillProfile *self = (UpskillProfile *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->current_role, g_free);
  g_clear_pointer (&self->target_role, g_free);
  g_clear_pointer (&self->goal, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->skills, g_hash_table_unref);
  g_clear_pointer (&self->extra, g_free);
  g_clear_pointer (&self->file_version, g_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->no_evidence, g_ptr_array_unref);

  G_OBJECT_CLASS (upskill_profile_parent_class)->finalize (object);
}

static void
upskill_profile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UpskillProfile *self = UPSKILL_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CURRENT_ROLE:
      g_value_set_string (value, self->current_role);
      break;
    case PROP_TARGET_ROLE:
      g_value_set_string (value, self->target_role);
      break;
    case PROP_GOAL:
      g_value_set_string (value, self->goal);
      break;
    case PROP_GOAL_DATE:
      g_value_set_int64 (value, self->goal_date);
      break;
    case PROP_WEEKLY_HOURS:
      g_value_set_double (value, self->weekly_hours);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UpskillProfile *self = UPSKILL_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      upskill_profile_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      upskill_profile_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      upskill_profile_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_CURRENT_ROLE:
      upskill_profile_set_current_role (self, g_value_get_string (value));
      break;
    case PROP_TARGET_ROLE:
      upskill_profile_set_target_role (self, g_value_get_string (value));
      break;
    case PROP_GOAL:
      upskill_profile_set_goal (self, g_value_get_string (value));
      break;
    case PROP_GOAL_DATE:
      upskill_profile_set_goal_date (self, g_value_get_int64 (value));
      break;
    case PROP_WEEKLY_HOURS:
      upskill_profile_set_weekly_hours (self, g_value_get_double (value));
      break;
    case PROP_ARCHIVED:
      upskill_profile_set_archived (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_class_init (UpskillProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upskill_profile_finalize;
  object_class->get_property = upskill_profile_get_property;
  object_class->set_property = upskill_profile_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       UPSKILL_TYPE_PROFILE_KIND,
                       UPSKILL_PROFILE_SELF,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT_ROLE] =
    g_param_spec_string ("current-role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_ROLE] =
    g_param_spec_string ("target-role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The person's goal in their own words, and the day they aim for. */
  properties[PROP_GOAL] =
    g_param_spec_string ("goal", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GOAL_DATE] =
    g_param_spec_int64 ("goal-date", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WEEKLY_HOURS] =
    g_param_spec_double ("weekly-hours", NULL, NULL,
                         0.0, UPSKILL_PROFILE_MAX_WEEKLY_HOURS, 5.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Put away by the coach: out of the lists unless asked for. */
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpskillProfile::changed:
   *
   * Emitted after every modification of the profile, once per change.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
upskill_profile_init (UpskillProfile *self)
{
  self->kind = UPSKILL_PROFILE_SELF;
  self->weekly_hours = 5.0;
  self->tags = g_new0 (char *, 1);
  self->skills = g_hash_table_new_full (g_str_hash, g_str_equal,
                                        g_free, (GDestroyNotify) skill_state_free);
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_profile_history_entry_free);
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  self->no_evidence = g_ptr_array_new ();
}

UpskillProfile *
upskill_profile_new (const char *id,
                     const char *name)
{
  UpskillProfile *self;

  g_return_val_if_fail (upskill_profile_id_is_valid (id), NULL);
  g_return_val_if_fail (upskill_profile_name_is_valid (name), NULL);

  self = g_object_new (UPSKILL_TYPE_PROFILE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->created = now_unix ();
  self->modified = self->created;

  return self;
}

/* Keeps at most @max_length changes: the oldest changes that are neither
 * the first of their skill (the baseline) nor its latest are merged into
 * the next change of the same skill, which then starts where they did.
 * One pass, whatever the number merged. */
void
upskill_profile_fold_history (UpskillProfile *self,
                              guint           max_length)
{
  g_autoptr(GHashTable) last_index = NULL;
  g_autoptr(GHashTable) carried = NULL;   /* skill → merged "from" + 1, or 0 */
  g_autoptr(GPtrArray) kept = NULL;
  guint excess;

  if (self->history->len <= max_length)
    return;

  excess = self->history->len - max_length;
  last_index = g_hash_table_new (g_str_hash, g_str_equal);
  carried = g_hash_table_new (g_str_hash, g_str_equal);
  kept = g_ptr_array_new_full (self->history->len, (GDestroyNotify) upskill_profile_history_entry_free);

  for (guint i = 0; i < self->history->len; i++)
    {
      UpskillHistoryEntry *entry = g_ptr_array_index (self->history, i);

      g_hash_table_insert (last_index, entry->skill_id, GUINT_TO_POINTER (i));
    }

  /* The tables' keys are the skill ids of first changes, which stay. */
  g_ptr_array_set_free_func (self->history, NULL);

  for (guint i = 0; i < self->history->len; i++)
    {
      UpskillHistoryEntry *entry = g_ptr_array_index (self->history, i);
      gpointer carry;

      if (!g_hash_table_lookup_extended (carried, entry->skill_id, NULL, &carry))
        {
          /* The first change of a skill: its baseline. */
          g_hash_table_insert (carried, entry->skill_id, GUINT_TO_POINTER (0));
          g_ptr_array_add (kept, entry);
        }
      else if (excess > 0 &&
               GPOINTER_TO_UINT (g_hash_table_lookup (last_index, entry->skill_id)) != i)
        {
          if (GPOINTER_TO_UINT (carry) == 0)
            g_hash_table_insert (carried, entry->skill_id, GUINT_TO_POINTER (entry->from + 1));
          upskill_profile_history_entry_free (entry);
          excess--;
        }
      else
        {
          if (GPOINTER_TO_UINT (carry) != 0)
            {
              entry->from = GPOINTER_TO_UINT (carry) - 1;
              g_hash_table_insert (carried, entry->skill_id, GUINT_TO_POINTER (0));
            }
          g_ptr_array_add (kept, entry);
        }
    }

  g_clear_pointer (&last_index, g_hash_table_unref);
  g_clear_pointer (&carried, g_hash_table_unref);
  g_ptr_array_unref (self->history);
  self->history = g_steal_pointer (&kept);
}

char *
upskill_profile_normalize_tag (const char *text)
{
  GString *tag;
  gboolean space = FALSE;

  g_return_val_if_fail (text_is_valid (text), NULL);

  if (text == NULL)
    return NULL;

  tag = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = tag->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (tag, ' ');
      space = FALSE;
      g_string_append_unichar (tag, c);
    }

  if (tag->len == 0)
    {
      g_string_free (tag, TRUE);
      return NULL;
    }

  return g_string_free (tag, FALSE);
}

char *
upskill_profile_dup_tag_key (const char *tag)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (tag != NULL, NULL);

  normal = g_utf8_normalize (tag, -1, G_NORMALIZE_ALL);
  if (normal == NULL)
    return g_strdup (tag);

  return g_utf8_casefold (normal, -1);
}

/* Tidied, without repeats; NULL with @error past the limits. */
static GStrv
tidy_tags (const char * const  *tags,
           GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_tags = 0;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = upskill_profile_normalize_tag (tags[i]);
      char *key;

      if (tag == NULL)
        continue;

      key = upskill_profile_dup_tag_key (tag);
      if (!g_hash_table_add (seen, key))
        continue;

      if (g_utf8_strlen (tag, -1) > UPSKILL_PROFILE_TAG_MAX_CHARS)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                       _("The tag “%s” is longer than the limit of %d characters"),
                       tag, UPSKILL_PROFILE_TAG_MAX_CHARS);
          return NULL;
        }
      if (++n_tags > UPSKILL_PROFILE_MAX_TAGS)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                       _("A profile holds at most %d tags"), UPSKILL_PROFILE_MAX_TAGS);
          return NULL;
        }
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

static void
copy_state (UpskillProfile *self,
            UpskillProfile *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_free (self->id);
  self->id = g_strdup (other->id);
  g_free (self->name);
  self->name = g_strdup (other->name);
  self->kind = other->kind;
  self->archived = other->archived;
  g_free (self->current_role);
  self->current_role = g_strdup (other->current_role);
  g_free (self->target_role);
  self->target_role = g_strdup (other->target_role);
  g_free (self->goal);
  self->goal = g_strdup (other->goal);
  self->goal_date = other->goal_date;
  g_strfreev (self->tags);
  self->tags = g_strdupv (other->tags);
  self->weekly_hours = other->weekly_hours;
  self->created = other->created;
  self->modified = other->modified;
  g_free (self->extra);
  self->extra = g_strdup (other->extra);

  g_hash_table_remove_all (self->skills);
  g_hash_table_iter_init (&iter, other->skills);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->skills, g_strdup (key), skill_state_copy (value));

  g_ptr_array_set_size (self->history, 0);
  for (guint i = 0; i < other->history->len; i++)
    g_ptr_array_add (self->history, history_entry_copy (g_ptr_array_index (other->history, i)));

  g_ptr_array_set_size (self->plan, 0);
  for (guint i = 0; i < other->plan->len; i++)
    g_ptr_array_add (self->plan, upskill_plan_step_copy (g_ptr_array_index (other->plan, i)));

  g_ptr_array_set_size (self->notes, 0);
  for (guint i = 0; i < other->notes->len; i++)
    g_ptr_array_add (self->notes, note_copy (g_ptr_array_index (other->notes, i)));
}

UpskillProfile *
upskill_profile_copy (UpskillProfile *self)
{
  UpskillProfile *copy;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  copy = g_object_new (UPSKILL_TYPE_PROFILE, NULL);
  copy_state (copy, self);

  return copy;
}

void
upskill_profile_restore (UpskillProfile *self,
                         UpskillProfile *other)
{
  gboolean id_changed, name_changed, kind_changed;
  gboolean current_role_changed, target_role_changed, hours_changed;
  gboolean archived_changed, goal_changed, goal_date_changed, tags_changed;
  gint64 old_modified;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (UPSKILL_IS_PROFILE (other));

  if (self == other)
    return;

  id_changed = g_strcmp0 (self->id, other->id) != 0;
  name_changed = g_strcmp0 (self->name, other->name) != 0;
  kind_changed = self->kind != other->kind;
  current_role_changed = g_strcmp0 (self->current_role, other->current_role) != 0;
  target_role_changed = g_strcmp0 (self->target_role, other->target_role) != 0;
  hours_changed = self->weekly_hours != other->weekly_hours;
  archived_changed = self->archived != other->archived;
  goal_changed = g_strcmp0 (self->goal, other->goal) != 0;
  goal_date_changed = self->goal_date != other->goal_date;
  tags_changed = !g_strv_equal ((const char * const *) self->tags, (const char * const *) other->tags);
  old_modified = self->modified;

  g_object_freeze_notify (G_OBJECT (self));

  copy_state (self, other);

  if (id_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  if (name_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (kind_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  if (current_role_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ROLE]);
  if (target_role_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ROLE]);
  if (hours_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKLY_HOURS]);
  if (archived_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
  if (goal_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
  if (goal_date_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_DATE]);
  if (tags_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);

  /* Undoing is itself a change: the restored state is saved as new. */
  self->modified = old_modified;
  touch (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Properties */

const char *
upskill_profile_get_id (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->id;
}

void
upskill_profile_set_id (UpskillProfile *self,
                        const char     *id)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (upskill_profile_id_is_valid (id));

  if (replace_string (&self->id, id))
    {
      /* Another id is another file, never read. */
      g_clear_pointer (&self->file_version, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      touch (self);
    }
}

const char *
upskill_profile_get_file_version (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->file_version;
}

void
upskill_profile_set_file_version (UpskillProfile *self,
                                  const char     *version)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));

  g_free (self->file_version);
  self->file_version = g_strdup (version);
}

const char *
upskill_profile_get_name (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->name;
}

void
upskill_profile_set_name (UpskillProfile *self,
                          const char     *name)
{
  g_autofree char *truncated = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (name != NULL && g_utf8_validate (name, -1, NULL));

  /* Longer names are cut rather than refused, so typing never fails. */
  if (g_utf8_strlen (name, -1) > UPSKILL_PROFILE_NAME_MAX_CHARS)
    name = truncated = g_utf8_substring (name, 0, UPSKILL_PROFILE_NAME_MAX_CHARS);

  g_return_if_fail (upskill_profile_name_is_valid (name));

  if (replace_string (&self->name, name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      touch (self);
    }
}

UpskillProfileKind
upskill_profile_get_kind (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), UPSKILL_PROFILE_SELF);

  return self->kind;
}

void
upskill_profile_set_kind (UpskillProfile     *self,
                          UpskillProfileKind  kind)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (kind == UPSKILL_PROFILE_SELF || kind == UPSKILL_PROFILE_CLIENT);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
      touch (self);
    }
}

gboolean
upskill_profile_get_archived (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), FALSE);

  return self->archived;
}

void
upskill_profile_set_archived (UpskillProfile *self,
                              gboolean        archived)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));

  archived = !!archived;
  if (self->archived != archived)
    {
      self->archived = archived;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
      touch (self);
    }
}

const char *
upskill_profile_get_current_role (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->current_role;
}

void
upskill_profile_set_current_role (UpskillProfile *self,
                                  const char     *current_role)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (text_is_valid (current_role));

  if (!fits (current_role, UPSKILL_PROFILE_LINE_MAX_CHARS))
    return;

  if (replace_string (&self->current_role, current_role))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ROLE]);
      touch (self);
    }
}

const char *
upskill_profile_get_target_role (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->target_role;
}

void
upskill_profile_set_target_role (UpskillProfile *self,
                                 const char     *role_id)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (text_is_valid (role_id));

  /* "" and NULL both mean "no target yet"; only NULL is kept. */
  if (role_id != NULL && *role_id == '\0')
    role_id = NULL;

  if (replace_string (&self->target_role, role_id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_ROLE]);
      touch (self);
    }
}

const char *
upskill_profile_get_goal (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->goal;
}

void
upskill_profile_set_goal (UpskillProfile *self,
                          const char     *goal)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (text_is_valid (goal));

  /* "" and NULL both mean "no goal"; only NULL is kept. */
  if (goal != NULL && *goal == '\0')
    goal = NULL;

  if (!fits (goal, UPSKILL_PROFILE_LINE_MAX_CHARS))
    return;

  if (replace_string (&self->goal, goal))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
      touch (self);
    }
}

gint64
upskill_profile_get_goal_date (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), 0);

  return self->goal_date;
}

void
upskill_profile_set_goal_date (UpskillProfile *self,
                               gint64          date)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  /* Loading refuses days outside these years: never write one. */
  g_return_if_fail (date == 0 || upskill_date_time_is_sane (date));

  date = date != 0 ? floor_to_day (date) : 0;
  if (self->goal_date == date)
    return;

  self->goal_date = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_DATE]);
  touch (self);
}

const char * const *
upskill_profile_get_tags (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return (const char * const *) self->tags;
}

gboolean
upskill_profile_set_tags (UpskillProfile      *self,
                          const char * const  *tags,
                          GError             **error)
{
  g_auto(GStrv) tidy = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_return_val_if_fail (text_is_valid (tags[i]), FALSE);

  tidy = tidy_tags (tags, error);
  if (tidy == NULL)
    return FALSE;

  if (g_strv_equal ((const char * const *) self->tags, (const char * const *) tidy))
    return TRUE;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&tidy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  touch (self);

  return TRUE;
}

double
upskill_profile_get_weekly_hours (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), 0.0);

  return self->weekly_hours;
}

void
upskill_profile_set_weekly_hours (UpskillProfile *self,
                                  double          hours)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (hours > 0.0 && hours <= UPSKILL_PROFILE_MAX_WEEKLY_HOURS);

  if (self->weekly_hours != hours)
    {
      self->weekly_hours = hours;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKLY_HOURS]);
      touch (self);
    }
}

gint64
upskill_profile_get_created (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), 0);

  return self->created;
}

gint64
upskill_profile_get_modified (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), 0);

  return self->modified;
}

/* Skills */

static SkillState *
ensure_skill (UpskillProfile *self,
              const char     *skill_id)
{
  SkillState *state = g_hash_table_lookup (self->skills, skill_id);

  if (state == NULL)
    {
      state = upskill_profile_skill_state_new ();
      g_hash_table_insert (self->skills, g_strdup (skill_id), state);
    }

  return state;
}

guint
upskill_profile_get_level (UpskillProfile *self,
                           const char     *skill_id)
{
  SkillState *state;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), 0);
  g_return_val_if_fail (skill_id != NULL, 0);

  state = g_hash_table_lookup (self->skills, skill_id);

  return state != NULL ? state->level : 0;
}

/* A burst of clicks on one skill is one change: the newest entry, for the
 * same skill from the same source less than a minute ago with no other
 * skill in between, takes the new level (or goes, when the level is back
 * where the burst started). */
static gboolean
coalesce_change (UpskillProfile *self,
                 const char     *skill_id,
                 guint           level,
                 const char     *source,
                 gint64          time)
{
  UpskillHistoryEntry *last;

  if (self->history->len == 0)
    return FALSE;

  last = g_ptr_array_index (self->history, self->history->len - 1);
  if (g_strcmp0 (last->skill_id, skill_id) != 0
      || g_strcmp0 (last->source, source) != 0
      || time < last->time
      || time - last->time >= UPSKILL_HISTORY_BURST_SECONDS)
    return FALSE;

  if (last->from == level)
    {
      g_ptr_array_remove_index (self->history, self->history->len - 1);
      return TRUE;
    }

  last->to = level;
  last->time = time;

  return TRUE;
}

gboolean
upskill_profile_set_level (UpskillProfile *self,
                           const char     *skill_id,
                           guint           level,
                           const char     *source,
                           gint64          time)
{
  UpskillHistoryEntry *entry;
  SkillState *state;
  guint from;
  guint position;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (key_is_valid (skill_id), FALSE);
  g_return_val_if_fail (level <= UPSKILL_LEVEL_MAX, FALSE);
  g_return_val_if_fail (text_is_valid (source), FALSE);

  from = upskill_profile_get_level (self, skill_id);
  if (from == level)
    return FALSE;

  state = ensure_skill (self, skill_id);
  state->level = level;
  /* The coach confirmed the old level, not this one. */
  state->confirmed = 0;

  if (time == 0)
    time = now_unix ();

  if (coalesce_change (self, skill_id, level, source, time))
    {
      touch (self);
      return TRUE;
    }

  /* The source is ours ("Completed: …"), from a module or step title. */
  entry = upskill_profile_history_entry_new (time, skill_id, from, level,
                                             fits (source, UPSKILL_PROFILE_LINE_MAX_CHARS) ? source : NULL);

  /* A change dated in the past (e.g. a finished step recorded late) goes
   * where it belongs, after every entry at the same time. */
  position = self->history->len;
  while (position > 0 &&
         ((UpskillHistoryEntry *) g_ptr_array_index (self->history, position - 1))->time > entry->time)
    position--;
  g_ptr_array_insert (self->history, position, entry);

  /* A tenth at a time, so that merging is rare. */
  if (self->history->len > UPSKILL_PROFILE_MAX_HISTORY)
    upskill_profile_fold_history (self, UPSKILL_PROFILE_MAX_HISTORY - UPSKILL_PROFILE_MAX_HISTORY / 10);

  touch (self);

  return TRUE;
}

int
upskill_profile_get_target_override (UpskillProfile *self,
                                     const char     *skill_id)
{
  SkillState *state;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), UPSKILL_NO_TARGET_OVERRIDE);
  g_return_val_if_fail (skill_id != NULL, UPSKILL_NO_TARGET_OVERRIDE);

  state = g_hash_table_lookup (self->skills, skill_id);

  return state != NULL ? state->target : UPSKILL_NO_TARGET_OVERRIDE;
}

void
upskill_profile_set_target_override (UpskillProfile *self,
                                     const char     *skill_id,
                                     int             target)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (key_is_valid (skill_id));
  g_return_if_fail (target == UPSKILL_NO_TARGET_OVERRIDE ||
                    (target >= 0 && target <= UPSKILL_LEVEL_MAX));

  if (upskill_profile_get_target_override (self, skill_id) == target)
    return;

  ensure_skill (self, skill_id)->target = target;
  touch (self);
}

GStrv
upskill_profile_dup_rated_skills (UpskillProfile *self)
{
  GStrv ids;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  ids = (GStrv) g_hash_table_get_keys_as_array (self->skills, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    ids[i] = g_strdup (ids[i]);
  qsort (ids, g_strv_length (ids), sizeof (char *), compare_strings);

  return ids;
}

GPtrArray *
upskill_profile_get_evidence (UpskillProfile *self,
                              const char     *skill_id)
{
  SkillState *state;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (skill_id != NULL, NULL);

  state = g_hash_table_lookup (self->skills, skill_id);

  return state != NULL ? state->evidence : self->no_evidence;
}

gint64
upskill_profile_get_confirmed (UpskillProfile *self,
                               const char     *skill_id)
{
  SkillState *state;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), 0);
  g_return_val_if_fail (skill_id != NULL, 0);

  state = g_hash_table_lookup (self->skills, skill_id);

  return state != NULL ? state->confirmed : 0;
}

void
upskill_profile_set_confirmed (UpskillProfile *self,
                               const char     *skill_id,
                               gint64          time)
{
  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (key_is_valid (skill_id));
  g_return_if_fail (time == 0 || upskill_date_time_is_sane (time));
  g_return_if_fail (time == 0 || upskill_profile_get_level (self, skill_id) > 0);

  if (upskill_profile_get_confirmed (self, skill_id) == time)
    return;

  ensure_skill (self, skill_id)->confirmed = time;
  touch (self);
}

UpskillRatingBasis
upskill_profile_get_rating_basis (UpskillProfile *self,
                                  const char     *skill_id)
{
  SkillState *state;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), UPSKILL_RATING_SELF_RATED);
  g_return_val_if_fail (skill_id != NULL, UPSKILL_RATING_SELF_RATED);

  state = g_hash_table_lookup (self->skills, skill_id);
  if (state == NULL)
    return UPSKILL_RATING_SELF_RATED;
  if (state->confirmed != 0)
    return UPSKILL_RATING_CONFIRMED;
  if (state->evidence->len > 0)
    return UPSKILL_RATING_EVIDENCED;

  return UPSKILL_RATING_SELF_RATED;
}

gboolean
upskill_profile_add_evidence (UpskillProfile *self,
                              const char     *skill_id,
                              const char     *note,
                              const char     *link)
{
  UpskillEvidence *evidence;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (key_is_valid (skill_id), FALSE);
  g_return_val_if_fail (note != NULL && g_utf8_validate (note, -1, NULL), FALSE);
  g_return_val_if_fail (text_is_valid (link), FALSE);

  if (!upskill_profile_check_room_for_evidence (self, skill_id, NULL) ||
      !fits (note, UPSKILL_PROFILE_TEXT_MAX_CHARS) ||
      !fits (link, UPSKILL_PROFILE_LINE_MAX_CHARS))
    return FALSE;

  evidence = upskill_profile_evidence_new (note, link, now_unix ());
  g_ptr_array_add (ensure_skill (self, skill_id)->evidence, evidence);

  touch (self);

  return TRUE;
}

void
upskill_profile_update_evidence (UpskillProfile *self,
                                 const char     *skill_id,
                                 guint           index,
                                 const char     *note,
                                 const char     *link)
{
  UpskillEvidence *evidence;
  GPtrArray *evidence_list;
  gboolean changed;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (skill_id != NULL);
  g_return_if_fail (note != NULL && g_utf8_validate (note, -1, NULL));
  g_return_if_fail (text_is_valid (link));

  evidence_list = upskill_profile_get_evidence (self, skill_id);
  g_return_if_fail (index < evidence_list->len);

  if (!fits (note, UPSKILL_PROFILE_TEXT_MAX_CHARS) ||
      !fits (link, UPSKILL_PROFILE_LINE_MAX_CHARS))
    return;

  if (link != NULL && *link == '\0')
    link = NULL;

  evidence = g_ptr_array_index (evidence_list, index);
  changed = replace_string (&evidence->note, note);
  changed |= replace_string (&evidence->link, link);

  if (changed)
    touch (self);
}

void
upskill_profile_remove_evidence (UpskillProfile *self,
                                 const char     *skill_id,
                                 guint           index)
{
  GPtrArray *evidence_list;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (skill_id != NULL);

  evidence_list = upskill_profile_get_evidence (self, skill_id);
  g_return_if_fail (index < evidence_list->len);

  g_ptr_array_remove_index (evidence_list, index);
  touch (self);
}

gboolean
upskill_profile_check_room_for_evidence (UpskillProfile  *self,
                                         const char      *skill_id,
                                         GError         **error)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  if (!g_hash_table_contains (self->skills, skill_id) &&
      g_hash_table_size (self->skills) >= UPSKILL_PROFILE_MAX_SKILLS)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                   _("This profile already holds the most skills Upskill keeps (%u)"),
                   UPSKILL_PROFILE_MAX_SKILLS);
      return FALSE;
    }

  if (upskill_profile_get_evidence (self, skill_id)->len >= UPSKILL_PROFILE_MAX_EVIDENCE)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                   _("This skill already holds the most evidence Upskill keeps (%u items): remove one first"),
                   UPSKILL_PROFILE_MAX_EVIDENCE);
      return FALSE;
    }

  return TRUE;
}

gboolean
upskill_profile_check_room_for_note (UpskillProfile  *self,
                                     GError         **error)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), FALSE);

  if (self->notes->len >= UPSKILL_PROFILE_MAX_NOTES)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                   _("This profile already holds the most session notes Upskill keeps (%u): remove an old one first"),
                   UPSKILL_PROFILE_MAX_NOTES);
      return FALSE;
    }

  return TRUE;
}

gboolean
upskill_profile_check_room_for_step (UpskillProfile  *self,
                                     GError         **error)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), FALSE);

  if (self->plan->len >= UPSKILL_PROFILE_MAX_STEPS)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                   _("This plan already holds the most steps Upskill keeps (%u): remove one first"),
                   UPSKILL_PROFILE_MAX_STEPS);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
upskill_profile_get_history (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->history;
}

int
upskill_history_entry_compare_time (gconstpointer a,
                                    gconstpointer b)
{
  const UpskillHistoryEntry *entry_a = *(const UpskillHistoryEntry * const *) a;
  const UpskillHistoryEntry *entry_b = *(const UpskillHistoryEntry * const *) b;

  return (entry_a->time > entry_b->time) - (entry_a->time < entry_b->time);
}

/* Plan */

GPtrArray *
upskill_profile_get_plan (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->plan;
}

static gboolean
steps_are_valid (GPtrArray *steps)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < steps->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (steps, i);

      if (step == NULL || !key_is_valid (step->id) ||
          step->status > UPSKILL_STEP_SKIPPED ||
          !g_hash_table_add (seen, step->id))
        return FALSE;

      if (step->module_id != NULL)
        {
          if (!key_is_valid (step->module_id))
            return FALSE;
        }
      else if (step->title == NULL || !g_utf8_validate (step->title, -1, NULL) ||
               !fits (step->title, UPSKILL_PROFILE_LINE_MAX_CHARS) ||
               step->hours > UPSKILL_PROFILE_MAX_STEP_HOURS ||
               !key_is_valid (step->skill_id) ||
               step->from_level > UPSKILL_LEVEL_MAX ||
               step->to_level > UPSKILL_LEVEL_MAX)
        return FALSE;
    }

  return TRUE;
}

void
upskill_profile_set_plan (UpskillProfile *self,
                          GPtrArray      *steps)
{
  g_autoptr(GPtrArray) owned = steps;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (steps != NULL);
  /* A bad step (say, a duplicate id) would write a file that cannot be
   * read back. */
  g_return_if_fail (steps_are_valid (steps));
  g_return_if_fail (steps->len <= UPSKILL_PROFILE_MAX_STEPS);

  g_ptr_array_set_free_func (owned, (GDestroyNotify) upskill_plan_step_free);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  self->plan = g_steal_pointer (&owned);

  touch (self);
}

static guint
find_step_index (UpskillProfile *self,
                 const char     *step_id)
{
  for (guint i = 0; i < self->plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (self->plan, i);

      if (g_strcmp0 (step->id, step_id) == 0)
        return i;
    }

  return G_MAXUINT;
}

UpskillPlanStep *
upskill_profile_find_step (UpskillProfile *self,
                           const char     *step_id)
{
  guint index;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  index = find_step_index (self, step_id);

  return index != G_MAXUINT ? g_ptr_array_index (self->plan, index) : NULL;
}

void
upskill_profile_set_step_status (UpskillProfile    *self,
                                 const char        *step_id,
                                 UpskillStepStatus  status)
{
  UpskillPlanStep *step;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (step_id != NULL);
  g_return_if_fail (status <= UPSKILL_STEP_SKIPPED);

  step = upskill_profile_find_step (self, step_id);
  g_return_if_fail (step != NULL);

  if (step->status != status)
    {
      step->status = status;
      touch (self);
    }
}

void
upskill_profile_set_step_hours_spent (UpskillProfile *self,
                                      const char     *step_id,
                                      guint           hours)
{
  UpskillPlanStep *step;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (step_id != NULL);
  g_return_if_fail (hours <= UPSKILL_PROFILE_MAX_STEP_HOURS);

  step = upskill_profile_find_step (self, step_id);
  g_return_if_fail (step != NULL);

  if (step->hours_spent == hours)
    return;

  step->hours_spent = hours;
  touch (self);
}

void
upskill_profile_move_step (UpskillProfile *self,
                           const char     *step_id,
                           guint           new_position)
{
  gpointer step;
  guint index;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (step_id != NULL);

  index = find_step_index (self, step_id);
  g_return_if_fail (index != G_MAXUINT);

  new_position = MIN (new_position, self->plan->len - 1);
  if (new_position == index)
    return;

  step = g_ptr_array_steal_index (self->plan, index);
  g_ptr_array_insert (self->plan, new_position, step);

  touch (self);
}

void
upskill_profile_remove_step (UpskillProfile *self,
                             const char     *step_id)
{
  guint index;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (step_id != NULL);

  index = find_step_index (self, step_id);
  g_return_if_fail (index != G_MAXUINT);

  g_ptr_array_remove_index (self->plan, index);
  touch (self);
}

/* "PREFIX-N" with N one more than the largest N in use. */
static char *
new_numbered_id (GPtrArray  *items,
                 gsize       id_offset,
                 const char *prefix)
{
  gsize prefix_length = strlen (prefix);
  guint64 max = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const char *id = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i), id_offset);
      guint64 number;

      if (id != NULL &&
          strncmp (id, prefix, prefix_length) == 0 &&
          id[prefix_length] == '-' &&
          g_ascii_string_to_unsigned (id + prefix_length + 1, 10, 0, G_MAXUINT32, &number, NULL))
        max = MAX (max, number);
    }

  return g_strdup_printf ("%s-%" G_GUINT64_FORMAT, prefix, max + 1);
}

char *
upskill_profile_new_step_id (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return new_numbered_id (self->plan, G_STRUCT_OFFSET (UpskillPlanStep, id), "step");
}

/* Notes */

GPtrArray *
upskill_profile_get_notes (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  return self->notes;
}

static guint
find_note_index (UpskillProfile *self,
                 const char     *note_id)
{
  for (guint i = 0; i < self->notes->len; i++)
    {
      UpskillNote *note = g_ptr_array_index (self->notes, i);

      if (g_strcmp0 (note->id, note_id) == 0)
        return i;
    }

  return G_MAXUINT;
}

gboolean
upskill_note_has_time (const UpskillNote *note)
{
  g_return_val_if_fail (note != NULL, FALSE);

  return note->date != floor_to_day (note->date);
}

gint64
upskill_note_get_end (const UpskillNote *note)
{
  g_return_val_if_fail (note != NULL, 0);

  return upskill_note_has_time (note) ? note->date + 1 : note->date + SECONDS_PER_DAY;
}

/* Notes stay oldest first; a note goes after those of the same time. */
static void
insert_note_in_order (UpskillProfile *self,
                      UpskillNote    *note)
{
  guint position = self->notes->len;

  while (position > 0 &&
         ((UpskillNote *) g_ptr_array_index (self->notes, position - 1))->date > note->date)
    position--;

  g_ptr_array_insert (self->notes, position, note);
}

UpskillNote *
upskill_profile_add_note (UpskillProfile *self,
                          gint64          date,
                          const char     *text)
{
  UpskillNote *note;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  if (!upskill_profile_check_room_for_note (self, NULL) ||
      !fits (text, UPSKILL_PROFILE_TEXT_MAX_CHARS))
    return NULL;

  note = upskill_profile_note_new ();
  note->id = new_numbered_id (self->notes, G_STRUCT_OFFSET (UpskillNote, id), "note");
  note->date = date;
  note->text = g_strdup (text);
  note->private = upskill_profile_get_default_private (self);
  insert_note_in_order (self, note);

  touch (self);

  return note;
}

void
upskill_profile_update_note (UpskillProfile *self,
                             const char     *note_id,
                             gint64          date,
                             const char     *text)
{
  UpskillNote *note;
  gboolean changed;
  guint index;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (note_id != NULL);
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  index = find_note_index (self, note_id);
  g_return_if_fail (index != G_MAXUINT);

  if (!fits (text, UPSKILL_PROFILE_TEXT_MAX_CHARS))
    return;

  note = g_ptr_array_index (self->notes, index);
  changed = replace_string (&note->text, text);

  if (note->date != date)
    {
      g_ptr_array_steal_index (self->notes, index);
      note->date = date;
      insert_note_in_order (self, note);
      changed = TRUE;
    }

  if (changed)
    touch (self);
}

void
upskill_profile_remove_note (UpskillProfile *self,
                             const char     *note_id)
{
  guint index;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (note_id != NULL);

  index = find_note_index (self, note_id);
  g_return_if_fail (index != G_MAXUINT);

  g_ptr_array_remove_index (self->notes, index);
  touch (self);
}

UpskillNote *
upskill_profile_find_note (UpskillProfile *self,
                           const char     *note_id)
{
  guint index;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (note_id != NULL, NULL);

  index = find_note_index (self, note_id);

  return index != G_MAXUINT ? g_ptr_array_index (self->notes, index) : NULL;
}

gboolean
upskill_profile_get_default_private (UpskillProfile *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), TRUE);

  return self->kind == UPSKILL_PROFILE_CLIENT;
}

void
upskill_profile_set_note_private (UpskillProfile *self,
                                  const char     *note_id,
                                  gboolean        private_)
{
  UpskillNote *note;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));

  note = upskill_profile_find_note (self, note_id);
  g_return_if_fail (note != NULL);

  if (note->private == !!private_)
    return;

  note->private = !!private_;
  touch (self);
}

void
upskill_profile_set_note_focus (UpskillProfile *self,
                                const char     *note_id,
                                const char     *focus)
{
  UpskillNote *note;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (text_is_valid (focus));

  note = upskill_profile_find_note (self, note_id);
  g_return_if_fail (note != NULL);

  if (focus != NULL && focus[0] == '\0')
    focus = NULL;
  if (!fits (focus, UPSKILL_PROFILE_LINE_MAX_CHARS))
    return;

  if (replace_string (&note->focus, focus))
    touch (self);
}

void
upskill_profile_set_note_next_session (UpskillProfile *self,
                                       const char     *note_id,
                                       gint64          date)
{
  UpskillNote *note;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (date >= 0);

  note = upskill_profile_find_note (self, note_id);
  g_return_if_fail (note != NULL);

  if (note->next_session == date)
    return;

  note->next_session = date;
  touch (self);
}

static guint
find_action_index (UpskillNote *note,
                   const char  *action_id)
{
  for (guint i = 0; i < note->actions->len; i++)
    {
      UpskillAction *action = g_ptr_array_index (note->actions, i);

      if (g_strcmp0 (action->id, action_id) == 0)
        return i;
    }

  return G_MAXUINT;
}

static UpskillAction *
add_action_to_note (UpskillNote *note,
                    const char  *text,
                    gint64       due,
                    gboolean     private_)
{
  g_autofree char *id = NULL;
  UpskillAction *action;

  if (note->actions->len >= UPSKILL_PROFILE_MAX_ACTIONS ||
      !fits (text, UPSKILL_PROFILE_LINE_MAX_CHARS))
    return NULL;

  id = new_numbered_id (note->actions, G_STRUCT_OFFSET (UpskillAction, id), "action");
  action = upskill_action_new (id, text, floor_to_day (due), UPSKILL_ACTION_OPEN, private_);
  g_ptr_array_add (note->actions, action);

  return action;
}

UpskillAction *
upskill_profile_add_action (UpskillProfile *self,
                            const char     *note_id,
                            const char     *text,
                            gint64          due)
{
  UpskillNote *note;
  UpskillAction *action;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  note = upskill_profile_find_note (self, note_id);
  g_return_val_if_fail (note != NULL, NULL);

  action = add_action_to_note (note, text, due, FALSE);
  if (action != NULL)
    touch (self);

  return action;
}

UpskillAction *
upskill_profile_find_action (UpskillProfile *self,
                             const char     *note_id,
                             const char     *action_id)
{
  UpskillNote *note;
  guint index;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (action_id != NULL, NULL);

  note = upskill_profile_find_note (self, note_id);
  if (note == NULL)
    return NULL;

  index = find_action_index (note, action_id);

  return index != G_MAXUINT ? g_ptr_array_index (note->actions, index) : NULL;
}

void
upskill_profile_update_action (UpskillProfile *self,
                               const char     *note_id,
                               const char     *action_id,
                               const char     *text,
                               gint64          due)
{
  UpskillAction *action;
  gboolean changed;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  action = upskill_profile_find_action (self, note_id, action_id);
  g_return_if_fail (action != NULL);

  if (!fits (text, UPSKILL_PROFILE_LINE_MAX_CHARS))
    return;

  due = due != 0 ? floor_to_day (due) : 0;
  changed = replace_string (&action->text, text) || action->due != due;
  action->due = due;

  if (changed)
    touch (self);
}

void
upskill_profile_set_action_status (UpskillProfile      *self,
                                   const char          *note_id,
                                   const char          *action_id,
                                   UpskillActionStatus  status)
{
  UpskillAction *action;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));
  g_return_if_fail (status <= UPSKILL_ACTION_DROPPED);

  action = upskill_profile_find_action (self, note_id, action_id);
  g_return_if_fail (action != NULL);

  if (action->status == status)
    return;

  action->status = status;
  touch (self);
}

void
upskill_profile_set_action_private (UpskillProfile *self,
                                    const char     *note_id,
                                    const char     *action_id,
                                    gboolean        private_)
{
  UpskillAction *action;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));

  action = upskill_profile_find_action (self, note_id, action_id);
  g_return_if_fail (action != NULL);

  if (action->private == !!private_)
    return;

  action->private = !!private_;
  touch (self);
}

void
upskill_profile_remove_action (UpskillProfile *self,
                               const char     *note_id,
                               const char     *action_id)
{
  UpskillNote *note;
  guint index;

  g_return_if_fail (UPSKILL_IS_PROFILE (self));

  note = upskill_profile_find_note (self, note_id);
  g_return_if_fail (note != NULL);
  index = find_action_index (note, action_id);
  g_return_if_fail (index != G_MAXUINT);

  g_ptr_array_remove_index (note->actions, index);
  touch (self);
}

UpskillAction *
upskill_profile_carry_over_action (UpskillProfile *self,
                                   const char     *from_note_id,
                                   const char     *action_id,
                                   const char     *to_note_id)
{
  UpskillNote *from;
  UpskillNote *to;
  UpskillAction *moved;
  UpskillAction *action;
  guint index;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);
  g_return_val_if_fail (g_strcmp0 (from_note_id, to_note_id) != 0, NULL);

  from = upskill_profile_find_note (self, from_note_id);
  to = upskill_profile_find_note (self, to_note_id);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  index = find_action_index (from, action_id);
  g_return_val_if_fail (index != G_MAXUINT, NULL);

  action = g_ptr_array_index (from->actions, index);
  moved = add_action_to_note (to, action->text, action->due, action->private);
  if (moved == NULL)
    return NULL;

  g_ptr_array_remove_index (from->actions, index);
  touch (self);

  return moved;
}

GPtrArray *
upskill_profile_dup_open_actions_before (UpskillProfile     *self,
                                         gint64              before,
                                         const UpskillNote **out_note)
{
  GPtrArray *open = g_ptr_array_new ();
  const UpskillNote *last = NULL;

  if (out_note != NULL)
    *out_note = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), open);

  /* Notes are kept oldest first. */
  for (guint i = self->notes->len; i > 0; i--)
    {
      const UpskillNote *note = g_ptr_array_index (self->notes, i - 1);

      if (note->date < before)
        {
          last = note;
          break;
        }
    }

  if (last == NULL)
    return open;

  for (guint i = 0; i < last->actions->len; i++)
    {
      UpskillAction *action = g_ptr_array_index (last->actions, i);

      if (action->status == UPSKILL_ACTION_OPEN)
        g_ptr_array_add (open, action);
    }

  if (out_note != NULL)
    *out_note = last;

  return open;
}

gboolean
upskill_note_is_shared (const UpskillNote *note)
{
  g_return_val_if_fail (note != NULL, FALSE);

  return !note->private;
}

gboolean
upskill_action_is_shared (const UpskillNote   *note,
                          const UpskillAction *action)
{
  g_return_val_if_fail (note != NULL && action != NULL, FALSE);

  return !note->private && !action->private;
}
