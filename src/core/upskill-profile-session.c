/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-error.h"
#include "upskill-profile-session.h"

/* Changes closer together than this are saved once. */
#define AUTOSAVE_DELAY_MS 500
#define UNDO_LIMIT        100

typedef enum
{
  DISK_SAVE,
  DISK_DELETE,
} DiskOpKind;

typedef struct
{
  DiskOpKind      kind;
  UpskillProfile *profile;  /* DISK_SAVE; DISK_DELETE: the profile as read, or NULL */
  char           *id;       /* DISK_DELETE */
} DiskOp;

struct _UpskillProfileSession
{
  GObject         parent_instance;

  UpskillStore   *store;

  UpskillProfile *profile;
  gulong          changed_handler;

  /* Undo: copies of the profile before each change; @snapshot is the
   * profile as it is now. */
  GPtrArray      *undo_stack;
  UpskillProfile *snapshot;
  gboolean        restoring;
  guint           change_group_depth;
  gboolean        change_group_pushed;

  guint           autosave_source;
  GQueue          disk_queue;
  DiskOp         *running;
  gboolean        busy;

  /* The profile whose last save failed, and why: closing tries it once
   * more, and fails rather than losing the change unseen. */
  UpskillProfile *unsaved;
  char           *unsaved_message;
  gboolean        discard_unsaved;

  /* Ids of deleted profiles whose undo is still offered, to the profile
   * as it was read (whose file version the deletion checks), or NULL. */
  GHashTable     *pending_deletes;

  /* close_async() calls waiting for the disk queue. */
  GPtrArray      *close_tasks;
};

G_DEFINE_FINAL_TYPE (UpskillProfileSession, upskill_profile_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROFILE,
  PROP_CAN_UNDO,
  PROP_BUSY,
  N_PROPS
};

enum {
  SAVED,
  FAILED,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void process_disk_queue (UpskillProfileSession *self);

static void
clear_profile (gpointer profile)
{
  if (profile != NULL)
    g_object_unref (profile);
}

static void
disk_op_free (DiskOp *op)
{
  g_clear_object (&op->profile);
  g_free (op->id);
  g_free (op);
}

static void
update_busy (UpskillProfileSession *self)
{
  gboolean busy = self->autosave_source != 0 || self->running != NULL ||
                  !g_queue_is_empty (&self->disk_queue);

  if (busy == self->busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_undo_stack_size (UpskillProfileSession *self,
                     guint                  size)
{
  gboolean could_undo = self->undo_stack->len > 0;

  g_ptr_array_set_size (self->undo_stack, size);

  if (could_undo != (size > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* The disk queue */

static void
finish_close_tasks (UpskillProfileSession *self)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&self->close_tasks);

  self->close_tasks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (self->unsaved != NULL && !self->discard_unsaved)
        g_task_return_new_error (task, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                                 "%s", self->unsaved_message);
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
on_disk_op_finished (UpskillProfileSession *self)
{
  g_clear_pointer (&self->running, disk_op_free);
  process_disk_queue (self);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(UpskillProfileSession) self = user_data;
  g_autoptr(UpskillProfile) profile = g_object_ref (self->running->profile);
  g_autoptr(GError) error = NULL;

  if (!upskill_store_save_finish (UPSKILL_STORE (source), result, &error))
    {
      g_set_object (&self->unsaved, profile);
      g_free (self->unsaved_message);
      self->unsaved_message = g_strdup (error->message);
      /* The store's message names the file and says why. */
      g_signal_emit (self, signals[FAILED], 0, upskill_profile_get_id (profile), error);
    }
  else
    {
      if (self->unsaved == profile)
        {
          g_clear_object (&self->unsaved);
          g_clear_pointer (&self->unsaved_message, g_free);
        }
      g_signal_emit (self, signals[SAVED], 0, profile);
    }

  on_disk_op_finished (self);
}

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UpskillProfileSession) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean trashed = FALSE;

  if (upskill_store_trash_finish (UPSKILL_STORE (source), result, &trashed, &error))
    g_signal_emit (self, signals[DELETED], 0, self->running->id, trashed);
  /* Already gone is what was asked for. */
  else if (!g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND))
    g_signal_emit (self, signals[FAILED], 0, self->running->id, error);

  on_disk_op_finished (self);
}

static void
process_disk_queue (UpskillProfileSession *self)
{
  if (self->running != NULL)
    return;

  self->running = g_queue_pop_head (&self->disk_queue);
  update_busy (self);

  if (self->running == NULL)
    {
      if (self->close_tasks->len > 0 && !self->busy)
        finish_close_tasks (self);
      return;
    }

  /* No cancellable: a save or deletion the user asked for completes,
   * even while the window closes. */
  if (self->running->kind == DISK_SAVE)
    upskill_store_save_async (self->store, self->running->profile, NULL,
                              on_saved, g_object_ref (self));
  else
    /* The version the last save gave it: a file changed elsewhere since
     * is not deleted unseen. */
    upskill_store_trash_async (self->store, self->running->id,
                               self->running->profile != NULL
                               ? upskill_profile_get_file_version (self->running->profile)
                               : NULL,
                               NULL, on_deleted, g_object_ref (self));
}

void
upskill_profile_session_queue_save (UpskillProfileSession *self,
                                    UpskillProfile        *profile)
{
  DiskOp *op;

  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));
  g_return_if_fail (UPSKILL_IS_PROFILE (profile));

  /* A waiting save serializes the profile when it starts, so one is
   * enough. */
  for (GList *l = self->disk_queue.head; l != NULL; l = l->next)
    {
      DiskOp *queued = l->data;

      if (queued->kind == DISK_SAVE && queued->profile == profile)
        return;
    }

  op = g_new0 (DiskOp, 1);
  op->kind = DISK_SAVE;
  op->profile = g_object_ref (profile);
  g_queue_push_tail (&self->disk_queue, op);

  process_disk_queue (self);
}

static void
queue_delete (UpskillProfileSession *self,
              const char            *id,
              UpskillProfile        *profile)
{
  DiskOp *op = g_new0 (DiskOp, 1);

  op->kind = DISK_DELETE;
  op->id = g_strdup (id);
  op->profile = profile != NULL ? g_object_ref (profile) : NULL;
  g_queue_push_tail (&self->disk_queue, op);

  process_disk_queue (self);
}

gboolean
upskill_profile_session_get_busy (UpskillProfileSession *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), FALSE);

  return self->busy;
}

static gboolean
is_save_of (DiskOp     *op,
            const char *id)
{
  return op != NULL && op->kind == DISK_SAVE &&
         g_strcmp0 (upskill_profile_get_id (op->profile), id) == 0;
}

UpskillProfile *
upskill_profile_session_find_unsaved (UpskillProfileSession *self,
                                      const char            *id)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* The newest first: the queue's tail, then the save under way. */
  for (GList *l = self->disk_queue.tail; l != NULL; l = l->prev)
    if (is_save_of (l->data, id))
      return ((DiskOp *) l->data)->profile;

  if (is_save_of (self->running, id))
    return self->running->profile;

  if (self->unsaved != NULL && g_strcmp0 (upskill_profile_get_id (self->unsaved), id) == 0)
    return self->unsaved;

  return NULL;
}

/* Autosave */

static gboolean
on_autosave_timeout (gpointer user_data)
{
  UpskillProfileSession *self = user_data;

  self->autosave_source = 0;

  if (self->profile != NULL)
    upskill_profile_session_queue_save (self, self->profile);
  update_busy (self);

  return G_SOURCE_REMOVE;
}

void
upskill_profile_session_flush (UpskillProfileSession *self)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));

  if (self->autosave_source == 0)
    return;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (self->profile != NULL)
    upskill_profile_session_queue_save (self, self->profile);
  update_busy (self);
}

/* The profile and its undo stack */

static void
on_profile_changed (UpskillProfileSession *self)
{
  g_autoptr(UpskillProfile) previous = g_steal_pointer (&self->snapshot);

  if (!self->restoring && previous != NULL &&
      (self->change_group_depth == 0 || !self->change_group_pushed))
    {
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&previous));
      if (self->undo_stack->len > UNDO_LIMIT)
        g_ptr_array_remove_index (self->undo_stack, 0);
      if (self->undo_stack->len == 1)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

      if (self->change_group_depth > 0)
        self->change_group_pushed = TRUE;
    }

  self->snapshot = upskill_profile_copy (self->profile);

  /* Restarted on every change: a burst of clicks is saved once. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (AUTOSAVE_DELAY_MS, on_autosave_timeout, self);
  update_busy (self);
}

UpskillProfile *
upskill_profile_session_get_profile (UpskillProfileSession *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), NULL);

  return self->profile;
}

void
upskill_profile_session_set_profile (UpskillProfileSession *self,
                                     UpskillProfile        *profile)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));
  g_return_if_fail (profile == NULL || UPSKILL_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    {
      /* Whatever was still waiting for the autosave goes now. */
      upskill_profile_session_flush (self);
      g_clear_signal_handler (&self->changed_handler, self->profile);
    }

  g_set_object (&self->profile, profile);

  set_undo_stack_size (self, 0);
  g_clear_object (&self->snapshot);
  self->change_group_depth = 0;

  if (profile != NULL)
    {
      self->snapshot = upskill_profile_copy (profile);
      self->changed_handler = g_signal_connect_swapped (profile, "changed",
                                                        G_CALLBACK (on_profile_changed), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

void
upskill_profile_session_begin_change_group (UpskillProfileSession *self)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));

  if (self->change_group_depth++ == 0)
    self->change_group_pushed = FALSE;
}

void
upskill_profile_session_end_change_group (UpskillProfileSession *self)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));
  g_return_if_fail (self->change_group_depth > 0);

  self->change_group_depth--;
}

gboolean
upskill_profile_session_get_can_undo (UpskillProfileSession *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), FALSE);

  return self->profile != NULL && self->undo_stack->len > 0;
}

gboolean
upskill_profile_session_undo (UpskillProfileSession *self)
{
  g_autoptr(UpskillProfile) previous = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), FALSE);

  if (self->profile == NULL || self->undo_stack->len == 0)
    return FALSE;

  previous = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);

  /* The "changed" this emits must not become a step to undo; it does
   * schedule the autosave. */
  self->restoring = TRUE;
  upskill_profile_restore (self->profile, previous);
  self->restoring = FALSE;

  if (self->undo_stack->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  return TRUE;
}

/* Deletion with undo */

void
upskill_profile_session_delete_later (UpskillProfileSession *self,
                                      const char            *id)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));
  g_return_if_fail (id != NULL);

  g_autoptr(UpskillProfile) profile = NULL;

  /* The last changes go to disk first, so an undo brings them back. */
  if (self->profile != NULL && g_strcmp0 (upskill_profile_get_id (self->profile), id) == 0)
    {
      profile = g_object_ref (self->profile);
      upskill_profile_session_set_profile (self, NULL);
    }

  g_hash_table_insert (self->pending_deletes, g_strdup (id), g_steal_pointer (&profile));
}

gboolean
upskill_profile_session_is_delete_pending (UpskillProfileSession *self,
                                           const char            *id)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), FALSE);

  return id != NULL && g_hash_table_contains (self->pending_deletes, id);
}

gboolean
upskill_profile_session_confirm_delete (UpskillProfileSession *self,
                                        const char            *id)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  g_autofree char *key = NULL;
  g_autoptr(UpskillProfile) profile = NULL;

  if (!g_hash_table_steal_extended (self->pending_deletes, id,
                                    (gpointer *) &key, (gpointer *) &profile))
    return FALSE;

  queue_delete (self, id, profile);

  return TRUE;
}

gboolean
upskill_profile_session_undo_delete (UpskillProfileSession *self,
                                     const char            *id)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_remove (self->pending_deletes, id);
}

void
upskill_profile_session_cancel_deletes (UpskillProfileSession *self)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));

  g_hash_table_remove_all (self->pending_deletes);
}

static void
confirm_deletes (UpskillProfileSession *self)
{
  g_autofree char **ids = NULL;

  ids = (char **) g_hash_table_get_keys_as_array (self->pending_deletes, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    upskill_profile_session_confirm_delete (self, ids[i]);
}

/* Closing */

const char *
upskill_profile_session_get_unsaved_error (UpskillProfileSession *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), NULL);

  return self->unsaved_message;
}

/* The shown profile's changes not yet on disk are given up (the user took
 * the other device's version): no autosave of them is waiting any more,
 * and a failed save of them is forgotten. */
void
upskill_profile_session_drop_changes (UpskillProfileSession *self)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->unsaved != NULL && self->unsaved == self->profile)
    {
      g_clear_object (&self->unsaved);
      g_clear_pointer (&self->unsaved_message, g_free);
    }
}

void
upskill_profile_session_discard_unsaved (UpskillProfileSession *self)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));

  self->discard_unsaved = TRUE;
}

void
upskill_profile_session_close_async (UpskillProfileSession *self,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE_SESSION (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, upskill_profile_session_close_async);
  g_ptr_array_add (self->close_tasks, g_object_ref (task));

  upskill_profile_session_flush (self);
  /* A change whose save failed is tried once more. */
  if (self->unsaved != NULL && !self->discard_unsaved)
    upskill_profile_session_queue_save (self, self->unsaved);
  confirm_deletes (self);

  if (!self->busy)
    finish_close_tasks (self);
}

gboolean
upskill_profile_session_close_finish (UpskillProfileSession  *self,
                                      GAsyncResult           *result,
                                      GError                **error)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_profile_session_close_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

UpskillStore *
upskill_profile_session_get_store (UpskillProfileSession *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_SESSION (self), NULL);

  return self->store;
}

static void
upskill_profile_session_dispose (GObject *object)
{
  UpskillProfileSession *self = (UpskillProfileSession *)object;

  /* Each disk operation holds a reference: nothing is queued now. */
  g_assert (self->running == NULL);

  if (self->profile != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->profile);
      g_clear_object (&self->profile);
    }
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  G_OBJECT_CLASS (upskill_profile_session_parent_class)->dispose (object);
}

static void
upskill_profile_session_finalize (GObject *object)
{
  UpskillProfileSession *self = (UpskillProfileSession *)object;

  g_assert (g_queue_is_empty (&self->disk_queue));
  g_assert (self->close_tasks->len == 0);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->unsaved);
  g_clear_pointer (&self->unsaved_message, g_free);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_pointer (&self->close_tasks, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (upskill_profile_session_parent_class)->finalize (object);
}

static void
upskill_profile_session_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  UpskillProfileSession *self = UPSKILL_PROFILE_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, upskill_profile_session_get_can_undo (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_session_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UpskillProfileSession *self = UPSKILL_PROFILE_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PROFILE:
      upskill_profile_session_set_profile (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_session_class_init (UpskillProfileSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upskill_profile_session_dispose;
  object_class->finalize = upskill_profile_session_finalize;
  object_class->get_property = upskill_profile_session_get_property;
  object_class->set_property = upskill_profile_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         UPSKILL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         UPSKILL_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A save of @profile reached the disk. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, UPSKILL_TYPE_PROFILE);

  /* A save or deletion of the profile @id failed; @error says why in
   * words to show as they are. */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  /* The file of the profile @id is gone from the folder: in the
   * desktop's Trash if @trashed, else deleted, as its folder has no
   * Trash. */
  signals[DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
upskill_profile_session_init (UpskillProfileSession *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_deletes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clear_profile);
  self->close_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->disk_queue);
}

UpskillProfileSession *
upskill_profile_session_new (UpskillStore *store)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (store), NULL);

  return g_object_new (UPSKILL_TYPE_PROFILE_SESSION,
                       "store", store,
                       NULL);
}
