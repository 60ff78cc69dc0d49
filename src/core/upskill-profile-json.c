/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Profiles from and to JSON: the file format of profiles/ID.json. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upskill-date.h"
#include "upskill-error.h"
#include "upskill-json.h"
#include "upskill-level.h"
#include "upskill-profile-private.h"

static const char * const kind_names[] = {
  [UPSKILL_PROFILE_SELF] = "self",
  [UPSKILL_PROFILE_CLIENT] = "client",
};

/* Reading */

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const UpskillNote *note_a = *(const UpskillNote **)a;
  const UpskillNote *note_b = *(const UpskillNote **)b;

  return (note_a->date > note_b->date) - (note_a->date < note_b->date);
}

static gboolean
get_level (JsonObject  *object,
           const char  *member,
           gboolean     required,
           const char  *where,
           guint       *out_level,
           GError     **error)
{
  gint64 value = -1;

  if (!upskill_json_get_int (object, member, required, 0, UPSKILL_LEVEL_MAX,
                             where, &value, error))
    return FALSE;

  *out_level = value < 0 ? 0 : (guint) value;
  return TRUE;
}

static gboolean
get_key (JsonObject  *object,
         const char  *member,
         gboolean     required,
         const char  *where,
         const char **out_key,
         GError     **error)
{
  if (!upskill_json_get_string (object, member, required, where, out_key, error))
    return FALSE;

  if (*out_key != NULL && !key_is_valid (*out_key))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: expected an id of 1 to %d characters"),
                   where, member, MAX_KEY_BYTES);
      return FALSE;
    }

  return TRUE;
}

/* A string of at most @max_chars characters: a field a hostile file
 * could fill with megabytes costs every page that shows it. */
static gboolean
get_text (JsonObject  *object,
          const char  *member,
          gboolean     required,
          glong        max_chars,
          const char  *where,
          const char **out_text,
          GError     **error)
{
  if (!upskill_json_get_string (object, member, required, where, out_text, error))
    return FALSE;

  /* No longer in characters than in bytes: most texts need no count. */
  if (*out_text != NULL && strlen (*out_text) > (gsize) max_chars &&
      g_utf8_strlen (*out_text, -1) > max_chars)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: longer than the limit of %ld characters"),
                   where, member, max_chars);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_list_length (guint        length,
                   guint        max_length,
                   const char  *where,
                   const char  *member,
                   GError     **error)
{
  if (length <= max_length)
    return TRUE;

  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
               _("%s: “%s” holds %u items, more than the limit of %u"),
               where, member, length, max_length);
  return FALSE;
}

static gboolean
read_skill (UpskillProfile  *self,
            const char      *skill_id,
            JsonNode        *node,
            const char      *file_where,
            GError         **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *where = "";
  SkillState *state;
  JsonObject *object;
  JsonArray *evidence;
  gint64 target = UPSKILL_NO_TARGET_OVERRIDE;

  if (!key_is_valid (skill_id))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “skills”: expected skill ids of 1 to %d characters"),
                   file_where, MAX_KEY_BYTES);
      return FALSE;
    }

  /* Worded only when an error is to say it (see read_quietly_first()). */
  if (error != NULL)
    where = label = g_strdup_printf ("%s: skills.%s", file_where, skill_id);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: expected an object"), where);
      return FALSE;
    }

  object = json_node_get_object (node);
  state = upskill_profile_skill_state_new ();
  g_hash_table_replace (self->skills, g_strdup (skill_id), state);

  if (!get_level (object, "level", TRUE, where, &state->level, error))
    return FALSE;

  if (!upskill_json_get_int (object, "target", FALSE, 0, UPSKILL_LEVEL_MAX,
                             where, &target, error))
    return FALSE;
  state->target = (int) target;

  if (!upskill_json_get_time (object, "confirmed", FALSE, where, &state->confirmed, error))
    return FALSE;
  if (state->confirmed != 0 && state->level == 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “confirmed”: only a rated skill (level 1 or more) can be confirmed"),
                   where);
      return FALSE;
    }

  evidence = upskill_json_get_array (object, "evidence", FALSE, where, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (evidence != NULL &&
      !check_list_length (json_array_get_length (evidence), UPSKILL_PROFILE_MAX_EVIDENCE,
                          where, "evidence", error))
    return FALSE;

  for (guint i = 0; evidence != NULL && i < json_array_get_length (evidence); i++)
    {
      g_autofree char *item_label = NULL;
      const char *item_where = "";
      UpskillEvidence *item;
      JsonObject *item_object;
      const char *note = NULL;
      const char *link = NULL;
      gint64 added = 0;

      item_object = upskill_json_array_get_object (evidence, i, where, "evidence", error);
      if (item_object == NULL)
        return FALSE;

      if (error != NULL)
        item_where = item_label = g_strdup_printf (_("%s: evidence item %u"), where, i + 1);
      if (!get_text (item_object, "note", TRUE, UPSKILL_PROFILE_TEXT_MAX_CHARS,
                     item_where, &note, error) ||
          !get_text (item_object, "link", FALSE, UPSKILL_PROFILE_LINE_MAX_CHARS,
                     item_where, &link, error) ||
          !upskill_json_get_time (item_object, "added", TRUE, item_where, &added, error))
        return FALSE;

      item = upskill_profile_evidence_new (note, link, added);
      g_ptr_array_add (state->evidence, item);
    }

  return TRUE;
}

/* One item of the history; @where names it in @error. */
static UpskillHistoryEntry *
read_history_entry (JsonObject  *object,
                    const char  *where,
                    GError     **error)
{
  const char *skill_id = NULL;
  const char *source = NULL;
  gint64 time = 0;
  guint from = 0;
  guint to = 0;

  if (!upskill_json_get_time (object, "time", TRUE, where, &time, error) ||
      !get_key (object, "skill", TRUE, where, &skill_id, error) ||
      !get_level (object, "from", TRUE, where, &from, error) ||
      !get_level (object, "to", TRUE, where, &to, error) ||
      !get_text (object, "source", FALSE, UPSKILL_PROFILE_LINE_MAX_CHARS,
                 where, &source, error))
    return NULL;

  return upskill_profile_history_entry_new (time, skill_id, from, to, source);
}

static gboolean
read_history (UpskillProfile  *self,
              JsonArray       *history,
              const char      *file_where,
              GError         **error)
{
  gboolean sorted = TRUE;

  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      UpskillHistoryEntry *entry;
      JsonObject *object;

      object = upskill_json_array_get_object (history, i, file_where, "history", error);
      if (object == NULL)
        return FALSE;

      /* A history holds hundreds of items: one is named only when
       * something is wrong with it, by reading it again. */
      entry = read_history_entry (object, "", NULL);
      if (entry == NULL)
        {
          g_autofree char *where = g_strdup_printf (_("%s: history item %u"), file_where, i + 1);

          entry = read_history_entry (object, where, error);
          if (entry == NULL)
            return FALSE;
        }

      if (self->history->len > 0 &&
          ((UpskillHistoryEntry *) g_ptr_array_index (self->history, self->history->len - 1))->time > entry->time)
        sorted = FALSE;

      g_ptr_array_add (self->history, entry);
    }

  /* A file edited by hand may list changes out of order; the history is
   * oldest first everywhere else. The sort is stable. */
  if (!sorted)
    g_ptr_array_sort (self->history, upskill_history_entry_compare_time);

  /* A longer history (written by an older version) is merged, not
   * refused: it is the user's own record. */
  upskill_profile_fold_history (self, UPSKILL_PROFILE_MAX_HISTORY);

  return check_list_length (self->history->len, UPSKILL_PROFILE_MAX_HISTORY,
                            file_where, "history", error);
}

static gboolean
parse_status (const char        *text,
              UpskillStepStatus *out_status)
{
  for (guint i = 0; i <= UPSKILL_STEP_SKIPPED; i++)
    {
      if (g_strcmp0 (text, upskill_step_status_to_string (i)) == 0)
        {
          *out_status = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_plan (UpskillProfile  *self,
           JsonArray       *plan,
           const char      *file_where,
           GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!check_list_length (json_array_get_length (plan), UPSKILL_PROFILE_MAX_STEPS,
                          file_where, "plan", error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (plan); i++)
    {
      g_autofree char *label = NULL;
      const char *where = "";
      g_autoptr(UpskillPlanStep) step = NULL;
      JsonObject *object;
      const char *id = NULL;
      const char *module_id = NULL;
      const char *status = NULL;
      UpskillStepStatus step_status;

      object = upskill_json_array_get_object (plan, i, file_where, "plan", error);
      if (object == NULL)
        return FALSE;

      if (error != NULL)
        where = label = g_strdup_printf (_("%s: plan item %u"), file_where, i + 1);
      if (!get_key (object, "id", TRUE, where, &id, error) ||
          !get_key (object, "module", FALSE, where, &module_id, error) ||
          !upskill_json_get_string (object, "status", TRUE, where, &status, error))
        return FALSE;

      if (!parse_status (status, &step_status))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “status”: “%s” is not one of planned, in-progress, done, skipped"),
                       where, status);
          return FALSE;
        }

      if (g_hash_table_contains (seen, id))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “id”: “%s” is used by another step"), where, id);
          return FALSE;
        }
      g_hash_table_add (seen, (gpointer) id);

      if (module_id != NULL)
        {
          step = upskill_plan_step_new_module (id, module_id);
        }
      else
        {
          const char *title = NULL;
          const char *skill_id = NULL;
          gint64 hours = 0;
          guint from = 0;
          guint to = 0;

          if (!get_text (object, "title", TRUE, UPSKILL_PROFILE_LINE_MAX_CHARS,
                         where, &title, error) ||
              !upskill_json_get_int (object, "hours", TRUE, 0, UPSKILL_PROFILE_MAX_STEP_HOURS,
                                     where, &hours, error) ||
              !get_key (object, "skill", TRUE, where, &skill_id, error) ||
              !get_level (object, "from", TRUE, where, &from, error) ||
              !get_level (object, "to", TRUE, where, &to, error))
            return FALSE;

          step = upskill_plan_step_new_custom (id, title, (guint) hours, skill_id, from, to);
        }

      step->status = step_status;

      /* Both optional: older files have neither. */
      {
        gint64 spent = 0;
        gint64 due = 0;

        if (!upskill_json_get_int (object, "hours_spent", FALSE, 0, UPSKILL_PROFILE_MAX_STEP_HOURS,
                                   where, &spent, error) ||
            !upskill_json_get_time (object, "due", FALSE, where, &due, error))
          return FALSE;
        step->hours_spent = (guint) spent;
        step->due = due != 0 ? floor_to_day (due) : 0;
      }

      g_ptr_array_add (self->plan, g_steal_pointer (&step));
    }

  return TRUE;
}

static gboolean
read_actions (UpskillNote  *note,
              JsonArray    *actions,
              const char   *note_where,
              GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!check_list_length (json_array_get_length (actions), UPSKILL_PROFILE_MAX_ACTIONS,
                          note_where, "actions", error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      g_autofree char *label = NULL;
      const char *where = "";
      UpskillAction *action;
      JsonObject *object;
      const char *id = NULL;
      const char *text = NULL;
      const char *status = NULL;
      gint64 due = 0;
      gboolean private_ = FALSE;
      guint status_index;

      object = upskill_json_array_get_object (actions, i, note_where, "actions", error);
      if (object == NULL)
        return FALSE;

      if (error != NULL)
        where = label = g_strdup_printf (_("%s: actions item %u"), note_where, i + 1);
      if (!get_key (object, "id", TRUE, where, &id, error) ||
          !get_text (object, "text", TRUE, UPSKILL_PROFILE_LINE_MAX_CHARS, where, &text, error) ||
          !upskill_json_get_time (object, "due", FALSE, where, &due, error) ||
          !upskill_json_get_string (object, "status", TRUE, where, &status, error) ||
          !upskill_json_get_boolean (object, "private", FALSE, where, &private_, error))
        return FALSE;

      for (status_index = 0; status_index <= UPSKILL_ACTION_DROPPED; status_index++)
        if (g_strcmp0 (status, upskill_action_status_to_string (status_index)) == 0)
          break;
      if (status_index > UPSKILL_ACTION_DROPPED)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “status”: “%s” is not one of open, done, dropped"),
                       where, status);
          return FALSE;
        }

      if (g_hash_table_contains (seen, id))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “id”: “%s” is used by another action"), where, id);
          return FALSE;
        }
      g_hash_table_add (seen, (gpointer) id);

      action = upskill_action_new (id, text, floor_to_day (due), status_index, private_);
      g_ptr_array_add (note->actions, action);
    }

  return TRUE;
}

static gboolean
read_notes (UpskillProfile  *self,
            JsonArray       *notes,
            const char      *file_where,
            GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!check_list_length (json_array_get_length (notes), UPSKILL_PROFILE_MAX_NOTES,
                          file_where, "notes", error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      g_autofree char *label = NULL;
      const char *where = "";
      UpskillNote *note;
      JsonObject *object;
      const char *id = NULL;
      const char *text = NULL;
      gint64 date = 0;

      object = upskill_json_array_get_object (notes, i, file_where, "notes", error);
      if (object == NULL)
        return FALSE;

      if (error != NULL)
        where = label = g_strdup_printf (_("%s: notes item %u"), file_where, i + 1);
      if (!get_key (object, "id", TRUE, where, &id, error) ||
          !upskill_json_get_time (object, "date", TRUE, where, &date, error) ||
          !get_text (object, "text", TRUE, UPSKILL_PROFILE_TEXT_MAX_CHARS,
                     where, &text, error))
        return FALSE;

      if (g_hash_table_contains (seen, id))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “id”: “%s” is used by another note"), where, id);
          return FALSE;
        }
      g_hash_table_add (seen, (gpointer) id);

      note = upskill_profile_note_new ();
      note->id = g_strdup (id);
      /* A date alone (older files) stays the day; a time is kept. */
      note->date = date;
      note->text = g_strdup (text);
      g_ptr_array_add (self->notes, note);

      /* All optional: older files have none. */
      {
        g_autoptr(GError) local_error = NULL;
        JsonArray *actions;
        const char *focus = NULL;

        if (!upskill_json_get_boolean (object, "private", FALSE, where, &note->private, error) ||
            !upskill_json_get_time (object, "next_session", FALSE, where, &note->next_session, error) ||
            !get_text (object, "focus", FALSE, UPSKILL_PROFILE_LINE_MAX_CHARS, where, &focus, error))
          return FALSE;
        note->focus = focus != NULL && focus[0] != '\0' ? g_strdup (focus) : NULL;

        actions = upskill_json_get_array (object, "actions", FALSE, where, &local_error);
        if (local_error != NULL)
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        if (actions != NULL && !read_actions (note, actions, where, error))
          return FALSE;
      }
    }

  g_ptr_array_sort (self->notes, compare_notes);

  return TRUE;
}

typedef gboolean (*ReadList) (UpskillProfile  *self,
                              JsonArray       *array,
                              const char      *file_where,
                              GError         **error);

/* A profile holds hundreds of items: @read goes through them without
 * wording where each one is (no @error), and only if that fails once
 * more from the start, with @items emptied, to say where. */
static gboolean
read_quietly_first (UpskillProfile  *self,
                    ReadList         read,
                    GPtrArray       *items,
                    JsonArray       *array,
                    const char      *file_where,
                    GError         **error)
{
  if (read (self, array, file_where, NULL))
    return TRUE;

  g_ptr_array_set_size (items, 0);
  return read (self, array, file_where, error);
}

static gboolean
read_archived (JsonObject  *root,
               const char  *where,
               gboolean    *out_archived,
               GError     **error)
{
  *out_archived = FALSE;
  return upskill_json_get_boolean (root, "archived", FALSE, where, out_archived, error);
}

/* The members upskill_profile_to_json() writes. */
static const char * const known_members[] = {
  "format", "version", "id", "name", "kind", "archived", "current_role", "target_role",
  "goal", "goal_date", "tags", "weekly_hours", "created", "modified", "skills", "history", "plan", "notes",
  NULL
};

static void
keep_unknown_members (UpskillProfile *self,
                      JsonObject     *root)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonNode) extra_node = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  g_clear_pointer (&self->extra, g_free);

  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (g_strv_contains ((const char * const *) known_members, member))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, member, json_node_copy (node));
    }

  if (extra == NULL)
    return;

  extra_node = json_node_init_object (json_node_alloc (), extra);
  self->extra = json_to_string (extra_node, FALSE);
}

/* Strict: a file holds tags as the window writes them. */
static gboolean
read_tags (UpskillProfile  *self,
           JsonObject      *root,
           const char      *where,
           GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  JsonArray *array;

  array = upskill_json_get_array (root, "tags", FALSE, where, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (array == NULL)
    return TRUE;

  if (!check_list_length (json_array_get_length (array), UPSKILL_PROFILE_MAX_TAGS,
                          where, "tags", error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *tidy = NULL;
      const char *tag;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “tags” item %u: expected a string"), where, i + 1);
          return FALSE;
        }

      tag = json_node_get_string (node);
      tidy = upskill_profile_normalize_tag (tag);
      if (tidy == NULL || strcmp (tidy, tag) != 0 ||
          g_utf8_strlen (tag, -1) > UPSKILL_PROFILE_TAG_MAX_CHARS)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “tags” item %u: expected 1 to %d characters on one line, without spaces at either end"),
                       where, i + 1, UPSKILL_PROFILE_TAG_MAX_CHARS);
          return FALSE;
        }

      if (!g_hash_table_add (seen, upskill_profile_dup_tag_key (tag)))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “tags” item %u: “%s” is listed twice"), where, i + 1, tag);
          return FALSE;
        }

      g_strv_builder_add (builder, tag);
    }

  g_strfreev (self->tags);
  self->tags = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
read_profile (UpskillProfile  *self,
              JsonObject      *root,
              const char      *where,
              GError         **error)
{
  const char *id = NULL;
  const char *name = NULL;
  const char *kind = NULL;
  const char *current_role = NULL;
  const char *target_role = NULL;
  const char *goal = NULL;
  gint64 goal_date = 0;
  JsonObject *skills;
  JsonArray *array;
  g_autoptr(GError) local_error = NULL;

  if (!upskill_json_get_string (root, "id", TRUE, where, &id, error))
    return FALSE;
  if (!upskill_profile_id_is_valid (id))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “id”: “%s” is not a valid profile id (up to 64 lowercase letters, digits and dashes)"),
                   where, id);
      return FALSE;
    }

  if (!upskill_json_get_string (root, "name", TRUE, where, &name, error))
    return FALSE;
  if (!upskill_profile_name_is_valid (name))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “name”: expected a name of 1 to %d characters"),
                   where, UPSKILL_PROFILE_NAME_MAX_CHARS);
      return FALSE;
    }

  if (!upskill_json_get_string (root, "kind", TRUE, where, &kind, error))
    return FALSE;
  if (g_strcmp0 (kind, "self") == 0)
    self->kind = UPSKILL_PROFILE_SELF;
  else if (g_strcmp0 (kind, "client") == 0)
    self->kind = UPSKILL_PROFILE_CLIENT;
  else
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “kind”: expected “self” or “client”, not “%s”"), where, kind);
      return FALSE;
    }

  /* Optional: files from before archiving are not archived. */
  if (!read_archived (root, where, &self->archived, error))
    return FALSE;

  if (!get_text (root, "current_role", FALSE, UPSKILL_PROFILE_LINE_MAX_CHARS,
                 where, &current_role, error) ||
      !get_text (root, "target_role", FALSE, UPSKILL_PROFILE_LINE_MAX_CHARS,
                 where, &target_role, error) ||
      /* Optional: files from before goals have none. */
      !get_text (root, "goal", FALSE, UPSKILL_PROFILE_LINE_MAX_CHARS,
                 where, &goal, error) ||
      !upskill_json_get_time (root, "goal_date", FALSE, where, &goal_date, error) ||
      /* Optional: files from before tags have none. */
      !read_tags (self, root, where, error) ||
      !upskill_json_get_double (root, "weekly_hours", TRUE, 0.0, UPSKILL_PROFILE_MAX_WEEKLY_HOURS,
                                where, &self->weekly_hours, error) ||
      !upskill_json_get_time (root, "created", TRUE, where, &self->created, error) ||
      !upskill_json_get_time (root, "modified", TRUE, where, &self->modified, error))
    return FALSE;

  if (self->weekly_hours <= 0.0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “weekly_hours”: expected more than 0 hours"), where);
      return FALSE;
    }

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->current_role = g_strdup (current_role);
  self->target_role = target_role != NULL && *target_role != '\0' ? g_strdup (target_role) : NULL;
  self->goal = goal != NULL && *goal != '\0' ? g_strdup (goal) : NULL;
  self->goal_date = goal_date != 0 ? floor_to_day (goal_date) : 0;

  skills = upskill_json_get_object (root, "skills", FALSE, where, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (skills != NULL &&
      !check_list_length (json_object_get_size (skills), UPSKILL_PROFILE_MAX_SKILLS,
                          where, "skills", error))
    return FALSE;

  if (skills != NULL)
    {
      JsonObjectIter iter;
      const char *skill_id;
      JsonNode *node;

      json_object_iter_init (&iter, skills);
      while (json_object_iter_next (&iter, &skill_id, &node))
        {
          /* Read again to word the error: the skill's state is replaced. */
          if (!read_skill (self, skill_id, node, where, NULL) &&
              !read_skill (self, skill_id, node, where, error))
            return FALSE;
        }
    }

  array = upskill_json_get_array (root, "history", FALSE, where, &local_error);
  if (local_error == NULL && array != NULL)
    read_history (self, array, where, &local_error);
  if (local_error == NULL)
    array = upskill_json_get_array (root, "plan", FALSE, where, &local_error);
  if (local_error == NULL && array != NULL)
    read_quietly_first (self, read_plan, self->plan, array, where, &local_error);
  if (local_error == NULL)
    array = upskill_json_get_array (root, "notes", FALSE, where, &local_error);
  if (local_error == NULL && array != NULL)
    read_quietly_first (self, read_notes, self->notes, array, where, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  keep_unknown_members (self, root);

  return TRUE;
}

UpskillProfile *
upskill_profile_new_from_json (JsonNode    *root,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(UpskillProfile) self = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = upskill_json_check_header (root, display_name,
                                      UPSKILL_PROFILE_FORMAT, UPSKILL_PROFILE_VERSION,
                                      NULL, error);
  if (object == NULL)
    return NULL;

  self = g_object_new (UPSKILL_TYPE_PROFILE, NULL);
  where = g_strdup_printf (_("Could not read “%s”"), display_name);

  if (!read_profile (self, object, where, error))
    return NULL;

  return g_steal_pointer (&self);
}

UpskillProfile *
upskill_profile_new_from_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  root = upskill_json_parse_bytes (bytes, display_name, error);
  if (root == NULL)
    return NULL;

  return upskill_profile_new_from_json (root, display_name, error);
}

/* Writing */

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       time)
{
  g_autofree char *text = upskill_format_time_iso8601 (time);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          gint64       date)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (date);
  g_autofree char *text = NULL;

  /* "%04d", not "%Y": the year 113 must read "0113" to load again. */
  text = time != NULL
         ? g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (time),
                            g_date_time_get_month (time), g_date_time_get_day_of_month (time))
         : g_strdup ("1970-01-01");
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_skills (UpskillProfile *self,
            JsonBuilder    *builder)
{
  g_autofree const char **ids = NULL;
  guint n_ids = 0;

  /* Sorted, so that the same profile always gives the same bytes. */
  ids = (const char **) g_hash_table_get_keys_as_array (self->skills, &n_ids);
  qsort (ids, n_ids, sizeof (char *), compare_strings);

  json_builder_set_member_name (builder, "skills");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_ids; i++)
    {
      SkillState *state = g_hash_table_lookup (self->skills, ids[i]);

      json_builder_set_member_name (builder, ids[i]);
      json_builder_begin_object (builder);
      add_int (builder, "level", state->level);
      if (state->target != UPSKILL_NO_TARGET_OVERRIDE)
        add_int (builder, "target", state->target);
      if (state->confirmed != 0)
        add_time (builder, "confirmed", state->confirmed);
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint j = 0; j < state->evidence->len; j++)
        {
          UpskillEvidence *evidence = g_ptr_array_index (state->evidence, j);

          json_builder_begin_object (builder);
          add_string (builder, "note", evidence->note);
          if (evidence->link != NULL)
            add_string (builder, "link", evidence->link);
          add_time (builder, "added", evidence->added);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_history (UpskillProfile *self,
             JsonBuilder    *builder)
{
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->history->len; i++)
    {
      UpskillHistoryEntry *entry = g_ptr_array_index (self->history, i);

      json_builder_begin_object (builder);
      add_time (builder, "time", entry->time);
      add_string (builder, "skill", entry->skill_id);
      add_int (builder, "from", entry->from);
      add_int (builder, "to", entry->to);
      if (entry->source != NULL)
        add_string (builder, "source", entry->source);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_plan (UpskillProfile *self,
          JsonBuilder    *builder)
{
  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (self->plan, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", step->id);
      if (step->module_id != NULL)
        {
          add_string (builder, "module", step->module_id);
        }
      else
        {
          json_builder_set_member_name (builder, "module");
          json_builder_add_null_value (builder);
          add_string (builder, "title", step->title);
          add_int (builder, "hours", step->hours);
          add_string (builder, "skill", step->skill_id);
          add_int (builder, "from", step->from_level);
          add_int (builder, "to", step->to_level);
        }
      add_string (builder, "status", upskill_step_status_to_string (step->status));
      if (step->hours_spent > 0)
        add_int (builder, "hours_spent", step->hours_spent);
      if (step->due != 0)
        add_date (builder, "due", step->due);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_actions (UpskillNote *note,
             JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint j = 0; j < note->actions->len; j++)
    {
      UpskillAction *action = g_ptr_array_index (note->actions, j);

      json_builder_begin_object (builder);
      add_string (builder, "id", action->id);
      add_string (builder, "text", action->text);
      if (action->due != 0)
        add_date (builder, "due", action->due);
      add_string (builder, "status", upskill_action_status_to_string (action->status));
      if (action->private)
        {
          json_builder_set_member_name (builder, "private");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_notes (UpskillProfile *self,
           JsonBuilder    *builder)
{
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->notes->len; i++)
    {
      UpskillNote *note = g_ptr_array_index (self->notes, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", note->id);
      if (upskill_note_has_time (note))
        add_time (builder, "date", note->date);
      else
        add_date (builder, "date", note->date);
      if (note->focus != NULL)
        add_string (builder, "focus", note->focus);
      add_string (builder, "text", note->text);
      if (note->private)
        {
          json_builder_set_member_name (builder, "private");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (note->next_session != 0)
        {
          if (note->next_session != floor_to_day (note->next_session))
            add_time (builder, "next_session", note->next_session);
          else
            add_date (builder, "next_session", note->next_session);
        }
      if (note->actions->len > 0)
        add_actions (note, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The members this version does not know, kept as they were read. */
static void
add_unknown_members (UpskillProfile *self,
                     JsonBuilder    *builder)
{
  g_autoptr(JsonNode) extra = json_from_string (self->extra, NULL);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  g_assert (extra != NULL && JSON_NODE_HOLDS_OBJECT (extra));
  json_object_iter_init (&iter, json_node_get_object (extra));
  while (json_object_iter_next (&iter, &member, &node))
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_value (builder, json_node_copy (node));
    }
}

JsonNode *
upskill_profile_to_json (UpskillProfile *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);

  add_string (builder, "format", UPSKILL_PROFILE_FORMAT);
  add_int (builder, "version", UPSKILL_PROFILE_VERSION);
  add_string (builder, "id", self->id);
  add_string (builder, "name", self->name);
  add_string (builder, "kind", kind_names[self->kind]);
  if (self->archived)
    {
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (self->current_role != NULL)
    add_string (builder, "current_role", self->current_role);
  if (self->target_role != NULL)
    add_string (builder, "target_role", self->target_role);
  if (self->goal != NULL)
    add_string (builder, "goal", self->goal);
  if (self->goal_date != 0)
    add_date (builder, "goal_date", self->goal_date);
  if (self->tags[0] != NULL)
    {
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      for (guint i = 0; self->tags[i] != NULL; i++)
        json_builder_add_string_value (builder, self->tags[i]);
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "weekly_hours");
  if ((double) (gint64) self->weekly_hours == self->weekly_hours)
    json_builder_add_int_value (builder, (gint64) self->weekly_hours);
  else
    json_builder_add_double_value (builder, self->weekly_hours);

  add_time (builder, "created", self->created);
  add_time (builder, "modified", self->modified);

  add_skills (self, builder);
  add_history (self, builder);
  add_plan (self, builder);
  add_notes (self, builder);
  if (self->extra != NULL)
    add_unknown_members (self, builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

GBytes *
upskill_profile_to_bytes (UpskillProfile *self)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  GString *text;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (self), NULL);

  root = upskill_profile_to_json (self);
  generator = json_generator_new ();
  /* Compact: indenting a large profile made it a third larger, past the
   * size that reading accepts. */
  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, root);

  text = g_string_sized_new (4096);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (text);
}

/* Copying */
