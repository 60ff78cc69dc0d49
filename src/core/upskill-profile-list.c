/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-profile-list.h"

struct _UpskillProfileList
{
  GObject                parent_instance;

  UpskillStore          *store;
  UpskillCatalog        *catalog;
  UpskillProfileSession *session;

  GPtrArray             *items;    /* every item, in no order */
  GPtrArray             *visible;  /* those matching the search, sorted */
  char                  *search;   /* NULL when not searching */
  UpskillProfileSort     sort;
  gboolean               show_archived;
  gboolean               loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UpskillProfileList, upskill_profile_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CATALOG,
  PROP_SESSION,
  PROP_SEARCH,
  PROP_LOADED,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel */

static GType
upskill_profile_list_get_item_type (GListModel *model)
{
  return UPSKILL_TYPE_PROFILE_ITEM;
}

static guint
upskill_profile_list_get_n_items (GListModel *model)
{
  return UPSKILL_PROFILE_LIST (model)->visible->len;
}

static gpointer
upskill_profile_list_get_item (GListModel *model,
                               guint       position)
{
  UpskillProfileList *self = UPSKILL_PROFILE_LIST (model);

  if (position >= self->visible->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = upskill_profile_list_get_item_type;
  iface->get_n_items = upskill_profile_list_get_n_items;
  iface->get_item = upskill_profile_list_get_item;
}

/* Filter and order */

static gboolean
is_shown (UpskillProfileList *self,
          UpskillProfileItem *item)
{
  if (upskill_profile_item_get_archived (item) && !self->show_archived)
    return FALSE;

  return self->search == NULL || upskill_profile_item_matches (item, self->search);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  UpskillProfileList *self = user_data;

  return upskill_profile_item_compare_by (*(UpskillProfileItem **) a, *(UpskillProfileItem **) b,
                                          self->sort);
}

/* Where @item goes among the shown items: after those that sort before
 * or with it. */
static guint
find_insert_position (UpskillProfileList *self,
                      UpskillProfileItem *item)
{
  guint low = 0, high = self->visible->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (upskill_profile_item_compare_by (g_ptr_array_index (self->visible, middle), item,
                                           self->sort) <= 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static guint
find_visible_index (UpskillProfileList *self,
                    UpskillProfileItem *item)
{
  guint index;

  if (g_ptr_array_find (self->visible, item, &index))
    return index;

  return G_MAXUINT;
}

static void refilter (UpskillProfileList *self);

/* The order of the list ("profile-sort"): the newest change first
 * unless set otherwise. */
void
upskill_profile_list_set_sort (UpskillProfileList *self,
                               UpskillProfileSort  sort)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_LIST (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  refilter (self);
}

UpskillProfileSort
upskill_profile_list_get_sort (UpskillProfileList *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), UPSKILL_PROFILE_SORT_CHANGED);

  return self->sort;
}

/* Rebuilds the shown items from all of them, as one change. */
static void
refilter (UpskillProfileList *self)
{
  guint removed = self->visible->len;

  g_ptr_array_set_size (self->visible, 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      UpskillProfileItem *item = g_ptr_array_index (self->items, i);

      if (is_shown (self, item))
        g_ptr_array_add (self->visible, g_object_ref (item));
    }
  g_ptr_array_sort_with_data (self->visible, compare_items, self);

  if (removed > 0 || self->visible->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->visible->len);
}

/* Shows, hides or moves @item after it changed, as one change of the
 * rows between where it was and where it goes. */
static void
place (UpskillProfileList *self,
       UpskillProfileItem *item)
{
  guint old_index = find_visible_index (self, item);
  guint new_index = G_MAXUINT;

  if (old_index != G_MAXUINT)
    g_ptr_array_remove_index (self->visible, old_index);

  if (is_shown (self, item))
    {
      new_index = find_insert_position (self, item);
      g_ptr_array_insert (self->visible, new_index, g_object_ref (item));
    }

  if (old_index == G_MAXUINT && new_index == G_MAXUINT)
    return;
  if (old_index == G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), new_index, 0, 1);
  else if (new_index == G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), old_index, 1, 0);
  else
    {
      guint first = MIN (old_index, new_index);
      guint n = MAX (old_index, new_index) - first + 1;

      g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
    }
}

/* Search */

void
upskill_profile_list_set_search (UpskillProfileList *self,
                                 const char         *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE_LIST (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);

  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
upskill_profile_list_get_search (UpskillProfileList *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), NULL);

  return self->search;
}

/* Archived profiles */

void
upskill_profile_list_set_show_archived (UpskillProfileList *self,
                                        gboolean            show_archived)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_LIST (self));

  show_archived = !!show_archived;
  if (self->show_archived == show_archived)
    return;

  self->show_archived = show_archived;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

gboolean
upskill_profile_list_get_show_archived (UpskillProfileList *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), FALSE);

  return self->show_archived;
}

/* Finding, adding, removing */

guint
upskill_profile_list_get_n_profiles (UpskillProfileList *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), 0);

  return self->items->len;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GStrv
upskill_profile_list_dup_tags (UpskillProfileList *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const char * const *item_tags = upskill_profile_item_get_tags (g_ptr_array_index (self->items, i));

      for (guint t = 0; item_tags[t] != NULL; t++)
        if (g_hash_table_add (seen, upskill_profile_dup_tag_key (item_tags[t])))
          g_ptr_array_add (tags, g_strdup (item_tags[t]));
    }

  g_ptr_array_sort (tags, compare_tags);
  g_ptr_array_add (tags, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

static guint
find_index (UpskillProfileList *self,
            const char         *id)
{
  if (id == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < self->items->len; i++)
    {
      if (g_strcmp0 (upskill_profile_item_get_id (g_ptr_array_index (self->items, i)), id) == 0)
        return i;
    }

  return G_MAXUINT;
}

UpskillProfileItem *
upskill_profile_list_find (UpskillProfileList *self,
                           const char         *id)
{
  guint index;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), NULL);

  index = find_index (self, id);

  return index != G_MAXUINT ? g_ptr_array_index (self->items, index) : NULL;
}

guint
upskill_profile_list_get_position (UpskillProfileList *self,
                                   const char         *id)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), G_MAXUINT);

  if (id == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < self->visible->len; i++)
    {
      if (g_strcmp0 (upskill_profile_item_get_id (g_ptr_array_index (self->visible, i)), id) == 0)
        return i;
    }

  return G_MAXUINT;
}

void
upskill_profile_list_add (UpskillProfileList *self,
                          UpskillProfileItem *item)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_LIST (self));
  g_return_if_fail (UPSKILL_IS_PROFILE_ITEM (item));
  g_return_if_fail (find_index (self, upskill_profile_item_get_id (item)) == G_MAXUINT);

  g_ptr_array_add (self->items, g_object_ref (item));
  place (self, item);
}

static UpskillProfileItem *
item_new_for_profile (UpskillProfileList *self,
                      UpskillProfile     *profile)
{
  UpskillProfileSummary summary = { 0 };
  g_autofree char *file_name = NULL;
  UpskillProfileItem *item;

  file_name = g_strconcat (upskill_profile_get_id (profile), ".json", NULL);
  summary.id = (char *) upskill_profile_get_id (profile);
  summary.file_name = file_name;
  summary.name = (char *) upskill_profile_get_name (profile);
  summary.readiness = -1.0;

  item = upskill_profile_item_new (&summary, self->catalog);
  upskill_profile_item_update_from_profile (item, profile, self->catalog);

  return item;
}

UpskillProfileItem *
upskill_profile_list_add_profile (UpskillProfileList *self,
                                  UpskillProfile     *profile)
{
  g_autoptr(UpskillProfileItem) item = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), NULL);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  item = item_new_for_profile (self, profile);
  upskill_profile_list_add (self, item);

  return item;
}

UpskillProfileItem *
upskill_profile_list_remove (UpskillProfileList *self,
                             const char         *id)
{
  UpskillProfileItem *item;
  guint index, visible_index;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), NULL);

  index = find_index (self, id);
  if (index == G_MAXUINT)
    return NULL;

  item = g_ptr_array_steal_index_fast (self->items, index);
  visible_index = find_visible_index (self, item);
  if (visible_index != G_MAXUINT)
    {
      g_ptr_array_remove_index (self->visible, visible_index);
      g_list_model_items_changed (G_LIST_MODEL (self), visible_index, 1, 0);
    }

  return item;
}

gboolean
upskill_profile_list_update (UpskillProfileList *self,
                             UpskillProfile     *profile)
{
  UpskillProfileItem *item;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), FALSE);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), FALSE);

  item = upskill_profile_list_find (self, upskill_profile_get_id (profile));
  if (item == NULL)
    return FALSE;

  upskill_profile_item_update_from_profile (item, profile, self->catalog);

  /* Saving makes a profile the newest: nothing moves if it already
   * leads the list. */
  if (self->visible->len > 0 && g_ptr_array_index (self->visible, 0) == item &&
      is_shown (self, item))
    return TRUE;

  place (self, item);

  return TRUE;
}

/* Reload */

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpskillProfileList *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) summaries = NULL;
  UpskillProfile *profile;
  GError *error = NULL;

  summaries = upskill_store_list_finish (UPSKILL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }

  if (summaries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < summaries->len; i++)
    {
      const UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);

      /* Still on disk until its undo toast goes. */
      if (self->session != NULL &&
          upskill_profile_session_is_delete_pending (self->session, summary->id))
        continue;

      g_ptr_array_add (self->items, upskill_profile_item_new (summary, self->catalog));
    }

  /* A new profile whose first save is still on its way. */
  profile = self->session != NULL ? upskill_profile_session_get_profile (self->session) : NULL;
  if (profile != NULL && find_index (self, upskill_profile_get_id (profile)) == G_MAXUINT)
    g_ptr_array_add (self->items, item_new_for_profile (self, profile));

  refilter (self);

  g_task_return_boolean (task, TRUE);
}

void
upskill_profile_list_reload_async (UpskillProfileList  *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UPSKILL_IS_PROFILE_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_profile_list_reload_async);

  /* Never on the main loop: with a thousand clients this reads an index
   * or, the first time, every file. */
  upskill_store_list_async (self->store, cancellable, on_listed, task);
}

gboolean
upskill_profile_list_reload_finish (UpskillProfileList  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_profile_list_reload_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
upskill_profile_list_get_loaded (UpskillProfileList *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_LIST (self), FALSE);

  return self->loaded;
}

/* GObject */

static void
upskill_profile_list_finalize (GObject *object)
{
  UpskillProfileList *self = (UpskillProfileList *)object;

  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_free (self->search);

  G_OBJECT_CLASS (upskill_profile_list_parent_class)->finalize (object);
}

static void
upskill_profile_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UpskillProfileList *self = UPSKILL_PROFILE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UpskillProfileList *self = UPSKILL_PROFILE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      upskill_profile_list_set_search (self, g_value_get_string (value));
      break;

    case PROP_SHOW_ARCHIVED:
      upskill_profile_list_set_show_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_list_class_init (UpskillProfileListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upskill_profile_list_finalize;
  object_class->get_property = upskill_profile_list_get_property;
  object_class->set_property = upskill_profile_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         UPSKILL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UPSKILL_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         UPSKILL_TYPE_PROFILE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upskill_profile_list_init (UpskillProfileList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible = g_ptr_array_new_with_free_func (g_object_unref);
}

UpskillProfileList *
upskill_profile_list_new (UpskillStore          *store,
                          UpskillCatalog        *catalog,
                          UpskillProfileSession *session)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (store), NULL);
  g_return_val_if_fail (catalog == NULL || UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (session == NULL || UPSKILL_IS_PROFILE_SESSION (session), NULL);

  return g_object_new (UPSKILL_TYPE_PROFILE_LIST,
                       "store", store,
                       "catalog", catalog,
                       "session", session,
                       NULL);
}
