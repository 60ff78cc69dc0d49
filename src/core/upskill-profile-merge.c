/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-profile-merge.h"

/* The merge works on the profiles' files (JSON), member by member, so
 * that members a newer version of Upskill wrote survive it too. */

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static char *
dup_node_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* Appends to @result the elements of @first, then those of @second that
 * @first lacks (equal as JSON). */
static JsonArray *
union_of_arrays (JsonArray *first,
                 JsonArray *second)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *arrays[] = { first, second };
  JsonArray *result = json_array_new ();

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    {
      for (guint i = 0; arrays[a] != NULL && i < json_array_get_length (arrays[a]); i++)
        {
          JsonNode *element = json_array_get_element (arrays[a], i);
          char *text = dup_node_text (element);

          if (g_hash_table_add (seen, text))
            json_array_add_element (result, json_node_copy (element));
        }
    }

  return result;
}

/* The time (ISO 8601, which sorts as text) of @skill_id's last change in
 * @history, or "" when it never changed. */
static const char *
last_change_of (JsonArray  *history,
                const char *skill_id)
{
  const char *last = "";

  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonNode *node = json_array_get_element (history, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *time = entry != NULL ? get_string (entry, "time") : NULL;

      if (time != NULL && g_strcmp0 (get_string (entry, "skill"), skill_id) == 0 &&
          strcmp (time, last) > 0)
        last = time;
    }

  return last;
}

static gint64
get_int (JsonObject *object,
         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : -1;
}

/* A coach's confirmation holds for the level it was given at: @other's
 * is kept when it confirmed the level @merged has, after the last change
 * of either side, and later than @merged's own. */
static void
keep_later_confirmation (JsonObject *merged,
                         JsonObject *other,
                         const char *last_change)
{
  const char *confirmed = get_string (other, "confirmed");
  const char *own = get_string (merged, "confirmed");

  if (confirmed == NULL ||
      get_int (other, "level") != get_int (merged, "level") ||
      strcmp (confirmed, last_change) < 0 ||
      (own != NULL && strcmp (own, confirmed) >= 0))
    return;

  json_object_set_string_member (merged, "confirmed", confirmed);
}

static JsonObject *
merge_skills (JsonObject *mine,
              JsonObject *theirs,
              JsonArray  *mine_history,
              JsonArray  *theirs_history)
{
  JsonObject *result = json_object_new ();
  g_autoptr(GList) mine_ids = mine != NULL ? json_object_get_members (mine) : NULL;
  g_autoptr(GList) theirs_ids = theirs != NULL ? json_object_get_members (theirs) : NULL;

  for (GList *l = mine_ids; l != NULL; l = l->next)
    {
      const char *skill_id = l->data;
      JsonObject *own = get_object (mine, skill_id);
      JsonObject *other = theirs != NULL ? get_object (theirs, skill_id) : NULL;
      JsonObject *winner;
      JsonObject *merged;
      g_autoptr(JsonNode) copy = NULL;
      const char *mine_change, *theirs_change;

      if (own == NULL)
        continue;
      if (other == NULL)
        {
          json_object_set_member (result, skill_id, json_node_copy (json_object_get_member (mine, skill_id)));
          continue;
        }

      /* The level changed last wins; on a tie, mine. */
      mine_change = last_change_of (mine_history, skill_id);
      theirs_change = last_change_of (theirs_history, skill_id);
      winner = strcmp (theirs_change, mine_change) > 0 ? other : own;

      copy = json_node_copy (json_object_get_member (winner == own ? mine : theirs, skill_id));
      merged = json_node_get_object (copy);

      /* A target override only one side set is kept. */
      if (!json_object_has_member (merged, "target"))
        {
          JsonObject *loser = winner == own ? other : own;

          if (json_object_has_member (loser, "target"))
            json_object_set_member (merged, "target",
                                    json_node_copy (json_object_get_member (loser, "target")));
        }

      json_object_set_array_member (merged, "evidence",
                                    union_of_arrays (get_array (own, "evidence"),
                                                     get_array (other, "evidence")));

      keep_later_confirmation (merged, winner == own ? other : own,
                               winner == own ? mine_change : theirs_change);

      json_object_set_member (result, skill_id, g_steal_pointer (&copy));
    }

  for (GList *l = theirs_ids; l != NULL; l = l->next)
    {
      const char *skill_id = l->data;

      if (mine == NULL || !json_object_has_member (mine, skill_id))
        json_object_set_member (result, skill_id,
                                json_node_copy (json_object_get_member (theirs, skill_id)));
    }

  return result;
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *member = user_data;
  JsonNode *node_a = *(JsonNode **) a;
  JsonNode *node_b = *(JsonNode **) b;
  const char *time_a = JSON_NODE_HOLDS_OBJECT (node_a) ? get_string (json_node_get_object (node_a), member) : NULL;
  const char *time_b = JSON_NODE_HOLDS_OBJECT (node_b) ? get_string (json_node_get_object (node_b), member) : NULL;

  return g_strcmp0 (time_a, time_b);
}

/* Sorted by @member, a time as text; stable, so equal times keep their
 * order. */
static JsonArray *
sort_by_time (JsonArray  *array,
              const char *member)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  JsonArray *result = json_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (nodes, json_array_get_element (array, i));

  g_ptr_array_sort_with_data (nodes, compare_by_time, (gpointer) member);

  for (guint i = 0; i < nodes->len; i++)
    json_array_add_element (result, json_node_copy (g_ptr_array_index (nodes, i)));

  return result;
}

/* "step-7" → 7 for @prefix "step-", 0 otherwise. */
static guint64
id_number (const char *id,
           const char *prefix)
{
  if (id == NULL || !g_str_has_prefix (id, prefix))
    return 0;

  return g_ascii_strtoull (id + strlen (prefix), NULL, 10);
}

/* The @i-th element of @array if it is an object. */
static JsonObject *
array_get_object (JsonArray *array,
                  guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The highest number after @prefix in the ids of @array's objects
 * (@array may be NULL), 0 if none. */
static guint64
max_id_number (JsonArray  *array,
               const char *prefix)
{
  guint64 max = 0;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_get_object (array, i);

      if (object != NULL)
        max = MAX (max, id_number (get_string (object, "id"), prefix));
    }

  return max;
}

/* Notes or steps: @later's version of an element both hold (by @key:
 * a step for the same module, a note with the same text) wins; an
 * element both added under one id is kept twice, the second with a
 * fresh id. Elements only @earlier holds come after, in its order. */
static JsonArray *
merge_by_id (JsonArray  *later,
             JsonArray  *earlier,
             const char *id_prefix,
             char     *(*key) (JsonObject *object))
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *result = json_array_new ();
  guint64 next = MAX (max_id_number (later, id_prefix), max_id_number (earlier, id_prefix));

  for (guint i = 0; later != NULL && i < json_array_get_length (later); i++)
    {
      JsonNode *node = json_array_get_element (later, i);
      const char *id = JSON_NODE_HOLDS_OBJECT (node) ? get_string (json_node_get_object (node), "id") : NULL;

      if (id != NULL)
        g_hash_table_insert (by_id, (gpointer) id, json_node_get_object (node));
      if (JSON_NODE_HOLDS_OBJECT (node))
        g_hash_table_add (keys, key (json_node_get_object (node)));
      json_array_add_element (result, json_node_copy (node));
    }

  for (guint i = 0; earlier != NULL && i < json_array_get_length (earlier); i++)
    {
      JsonNode *node = json_array_get_element (earlier, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = object != NULL ? get_string (object, "id") : NULL;
      JsonObject *same_id = id != NULL ? g_hash_table_lookup (by_id, id) : NULL;
      g_autoptr(JsonNode) copy = NULL;
      g_autofree char *fresh = NULL;
      g_autofree char *object_key = object != NULL ? key (object) : NULL;

      /* Already there, maybe under another id (an earlier merge). */
      if (object_key != NULL && g_hash_table_contains (keys, object_key))
        continue;

      if (same_id == NULL)
        {
          json_array_add_element (result, json_node_copy (node));
          continue;
        }

      copy = json_node_copy (node);
      fresh = g_strdup_printf ("%s%" G_GUINT64_FORMAT, id_prefix, ++next);
      json_object_set_string_member (json_node_get_object (copy), "id", fresh);
      json_array_add_element (result, g_steal_pointer (&copy));
    }

  return result;
}

static char *
dup_members_text (JsonObject *object,
                  const char *first,
                  const char *second)
{
  JsonNode *first_node = json_object_get_member (object, first);
  JsonNode *second_node = json_object_get_member (object, second);
  g_autofree char *first_text = first_node != NULL ? dup_node_text (first_node) : NULL;
  g_autofree char *second_text = second_node != NULL ? dup_node_text (second_node) : NULL;

  return g_strdup_printf ("%s\n%s", first_text != NULL ? first_text : "",
                          second_text != NULL ? second_text : "");
}

/* One step: the same module, or the same custom title. */
static char *
dup_step_key (JsonObject *step)
{
  return dup_members_text (step, "module", "title");
}

/* One note: the same text at the same time. A note edited on one side
 * is kept in both versions. */
static char *
dup_note_key (JsonObject *note)
{
  return dup_members_text (note, "text", "date");
}

typedef char *(*DupKeyFunc) (JsonObject *object);
typedef void  (*CombineFunc) (JsonObject *object,
                              JsonObject *other);

/* Calls @combine on each object of @array that @other_array (may be
 * NULL) holds too, by @key, with its counterpart there. */
static void
combine_by_key (JsonArray   *array,
                JsonArray   *other_array,
                DupKeyFunc   key,
                CombineFunc  combine)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; other_array != NULL && i < json_array_get_length (other_array); i++)
    {
      JsonObject *other = array_get_object (other_array, i);

      if (other != NULL)
        g_hash_table_insert (by_key, key (other), other);
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_get_object (array, i);
      g_autofree char *object_key = object != NULL ? key (object) : NULL;
      JsonObject *other = object_key != NULL ? g_hash_table_lookup (by_key, object_key) : NULL;

      if (other != NULL && other != object)
        combine (object, other);
    }
}

static int
status_rank (const char *status)
{
  if (g_strcmp0 (status, "in-progress") == 0)
    return 1;
  if (g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "skipped") == 0)
    return 2;
  return 0;
}

/* A step both hold went on on either side: it keeps the further status
 * (a step marked done on one device is done) and the most hours spent. */
static void
combine_step (JsonObject *step,
              JsonObject *other)
{
  if (status_rank (get_string (other, "status")) > status_rank (get_string (step, "status")))
    json_object_set_member (step, "status", json_node_copy (json_object_get_member (other, "status")));

  if (json_object_has_member (other, "hours_spent") &&
      (!json_object_has_member (step, "hours_spent") ||
       json_object_get_int_member (other, "hours_spent") > json_object_get_int_member (step, "hours_spent")))
    json_object_set_member (step, "hours_spent",
                            json_node_copy (json_object_get_member (other, "hours_spent")));
}

static int
action_rank (const char *status)
{
  return g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "dropped") == 0 ? 1 : 0;
}

/* A note both hold (the same text at the same time) keeps the agreed
 * actions of either: the union by id. An action both hold keeps @note's
 * version (the later one) unless only @other's is final: done or
 * dropped on one device is done or dropped. */
static void
combine_note (JsonObject *note,
              JsonObject *other)
{
  g_autoptr(GHashTable) by_id = NULL;
  JsonArray *actions;
  JsonArray *other_actions;

  other_actions = get_array (other, "actions");
  if (other_actions == NULL || json_array_get_length (other_actions) == 0)
    return;

  actions = get_array (note, "actions");
  if (actions == NULL)
    {
      json_object_set_array_member (note, "actions", json_array_new ());
      actions = get_array (note, "actions");
    }

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint j = 0; j < json_array_get_length (actions); j++)
    {
      JsonNode *action = json_array_get_element (actions, j);
      const char *id = JSON_NODE_HOLDS_OBJECT (action) ? get_string (json_node_get_object (action), "id") : NULL;

      if (id != NULL)
        g_hash_table_insert (by_id, (gpointer) id, json_node_get_object (action));
    }

  for (guint j = 0; j < json_array_get_length (other_actions); j++)
    {
      JsonNode *action_node = json_array_get_element (other_actions, j);
      JsonObject *action = JSON_NODE_HOLDS_OBJECT (action_node) ? json_node_get_object (action_node) : NULL;
      const char *id = action != NULL ? get_string (action, "id") : NULL;
      JsonObject *same;

      if (id == NULL)
        continue;

      same = g_hash_table_lookup (by_id, id);
      if (same == NULL)
        {
          json_array_add_element (actions, json_node_copy (action_node));
          continue;
        }

      if (g_strcmp0 (get_string (action, "text"), get_string (same, "text")) != 0)
        {
          /* Two actions added apart under one id: keep both, this
           * one under the next free id. */
          g_autoptr(JsonNode) copy = json_node_copy (action_node);
          g_autofree char *fresh = NULL;
          guint64 next = MAX (max_id_number (actions, "action-"),
                              max_id_number (other_actions, "action-"));

          fresh = g_strdup_printf ("action-%" G_GUINT64_FORMAT, next + 1);
          json_object_set_string_member (json_node_get_object (copy), "id", fresh);
          json_array_add_element (actions, g_steal_pointer (&copy));
          continue;
        }

      if (action_rank (get_string (action, "status")) > action_rank (get_string (same, "status")))
        json_object_set_member (same, "status", json_node_copy (json_object_get_member (action, "status")));
    }
}

/* The tags of both, the later's first; what passes the limit is left out. */
static JsonArray *
union_of_tags (JsonArray *later,
               JsonArray *earlier)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *tags = json_array_new ();
  JsonArray *lists[] = { later, earlier };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < json_array_get_length (lists[l]); i++)
      {
        const char *tag = json_array_get_string_element (lists[l], i);

        if (json_array_get_length (tags) >= UPSKILL_PROFILE_MAX_TAGS)
          return tags;
        if (g_hash_table_add (seen, upskill_profile_dup_tag_key (tag)))
          json_array_add_string_element (tags, tag);
      }

  return tags;
}

UpskillProfile *
upskill_profile_merge (UpskillProfile  *mine,
                       UpskillProfile  *theirs,
                       GError         **error)
{
  g_autoptr(JsonNode) mine_root = NULL;
  g_autoptr(JsonNode) theirs_root = NULL;
  g_autoptr(JsonNode) result_root = NULL;
  g_autoptr(JsonArray) history = NULL;
  g_autoptr(JsonArray) notes = NULL;
  g_autoptr(JsonArray) plan = NULL;
  g_autoptr(JsonArray) tags = NULL;
  g_autofree char *display_name = NULL;
  JsonObject *mine_object, *theirs_object, *later, *earlier, *result;
  UpskillProfile *merged;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (mine), NULL);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (theirs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mine_root = upskill_profile_to_json (mine);
  theirs_root = upskill_profile_to_json (theirs);
  mine_object = json_node_get_object (mine_root);
  theirs_object = json_node_get_object (theirs_root);

  /* Name, roles, goal, hours, unknown members: from the version changed
   * last. */
  if (upskill_profile_get_modified (theirs) > upskill_profile_get_modified (mine))
    {
      later = theirs_object;
      earlier = mine_object;
    }
  else
    {
      later = mine_object;
      earlier = theirs_object;
    }

  result_root = json_node_copy (later == mine_object ? mine_root : theirs_root);
  result = json_node_get_object (result_root);

  /* Both are one profile: the id is mine, the file it goes to. */
  json_object_set_member (result, "id", json_node_copy (json_object_get_member (mine_object, "id")));

  if (g_strcmp0 (get_string (earlier, "created"), get_string (later, "created")) < 0 &&
      get_string (earlier, "created") != NULL)
    json_object_set_string_member (result, "created", get_string (earlier, "created"));

  json_object_set_object_member (result, "skills",
                                 merge_skills (get_object (mine_object, "skills"),
                                               get_object (theirs_object, "skills"),
                                               get_array (mine_object, "history"),
                                               get_array (theirs_object, "history")));

  history = union_of_arrays (get_array (mine_object, "history"), get_array (theirs_object, "history"));
  json_object_set_array_member (result, "history", sort_by_time (history, "time"));

  tags = union_of_tags (get_array (later, "tags"), get_array (earlier, "tags"));
  if (json_array_get_length (tags) > 0)
    json_object_set_array_member (result, "tags", g_steal_pointer (&tags));

  plan = merge_by_id (get_array (later, "plan"), get_array (earlier, "plan"), "step-", dup_step_key);
  combine_by_key (plan, get_array (earlier, "plan"), dup_step_key, combine_step);
  json_object_set_array_member (result, "plan", g_steal_pointer (&plan));

  notes = merge_by_id (get_array (later, "notes"), get_array (earlier, "notes"), "note-", dup_note_key);
  combine_by_key (notes, get_array (earlier, "notes"), dup_note_key, combine_note);
  json_object_set_array_member (result, "notes", sort_by_time (notes, "date"));

  display_name = g_strdup_printf ("%s.json", upskill_profile_get_id (mine));
  merged = upskill_profile_new_from_json (result_root, display_name, error);
  if (merged != NULL)
    upskill_profile_set_file_version (merged, NULL);

  return merged;
}
