/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window and a data folder shared with other devices and processes:
 * a save refused because the file changed or vanished elsewhere shows a
 * banner with the user's choices. */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-conflict-bar.h"
#include "upskill-profile-merge.h"
#include "upskill-toast.h"
#include "upskill-window-private.h"

/* How long a check waits for a save of ours to finish. */
#define RECHECK_DELAY_MS 300

typedef struct
{
  UpskillWindow *self;
  char          *id;
  char          *choice;
} Resolution;

static void
resolution_free (Resolution *resolution)
{
  g_clear_object (&resolution->self);
  g_free (resolution->id);
  g_free (resolution->choice);
  g_free (resolution);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Resolution, resolution_free)

/* A toast naming a profile: toast titles are markup, names are not. */
/* The profile on the pages (the session's). */
static UpskillProfile *
shown_profile (UpskillWindow *self)
{
  return upskill_window_get_profile (self);
}

static void G_GNUC_PRINTF (2, 3)
show_toast (UpskillWindow *self,
            const char    *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  upskill_window_add_toast (self, upskill_toast_new (message));
}

static UpskillConflictBar *
get_bar (UpskillWindow *self)
{
  return UPSKILL_CONFLICT_BAR (self->conflict_bar);
}

static gboolean
is_shown (UpskillWindow *self,
          const char    *id)
{
  return shown_profile (self) != NULL && g_strcmp0 (upskill_profile_get_id (shown_profile (self)), id) == 0;
}

void
upskill_window_show_conflict (UpskillWindow       *self,
                              UpskillConflictKind  kind)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  if (shown_profile (self) == NULL || self->conflict_bar == NULL)
    return;

  upskill_conflict_bar_show (get_bar (self), kind, upskill_profile_get_name (shown_profile (self)));
}

void
upskill_window_hide_conflict (UpskillWindow *self)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  if (self->conflict_bar != NULL)
    upskill_conflict_bar_hide (get_bar (self));
}

gboolean
upskill_window_handle_save_conflict (UpskillWindow  *self,
                                     UpskillProfile *profile,
                                     const GError   *error)
{
  UpskillConflictKind kind;

  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_CHANGED_ON_DISK))
    kind = UPSKILL_CONFLICT_CHANGED;
  else if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_DELETED_ON_DISK))
    kind = UPSKILL_CONFLICT_DELETED;
  else
    return FALSE;

  /* A profile no longer shown says so the usual way. */
  if (profile != shown_profile (self) || self->closed)
    return FALSE;

  /* Closing meanwhile asks first, as for any save that failed: the
   * session keeps it as unsaved. */
  upskill_window_show_conflict (self, kind);

  return TRUE;
}

/* The shown profile's changes since the last save are dropped: no
 * autosave of them is waiting any more, and closing does not ask. */
static void
drop_unsaved (UpskillWindow *self)
{
  upskill_profile_session_drop_changes (self->session);
}

static void
take_theirs (UpskillWindow  *self,
             UpskillProfile *theirs)
{
  UpskillProfileItem *item = upskill_window_find_item (self, upskill_profile_get_id (theirs), NULL);

  drop_unsaved (self);
  if (item != NULL)
    upskill_profile_item_update_from_profile (item, theirs, self->catalog);
  upskill_window_set_profile (self, theirs);
}

static void
merge_theirs (UpskillWindow  *self,
              UpskillProfile *theirs)
{
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(GError) error = NULL;

  merged = upskill_profile_merge (shown_profile (self), theirs, &error);
  if (merged == NULL)
    {
      upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  /* One step to undo; the autosave then replaces the version merged. */
  upskill_profile_set_file_version (shown_profile (self), upskill_profile_get_file_version (theirs));
  upskill_profile_restore (shown_profile (self), merged);
}

/* Keep mine, take theirs or merge, with the other version as just read
 * (NULL: @error says why not). */
static void
resolve_with_theirs (UpskillWindow  *self,
                     const char     *choice,
                     UpskillProfile *theirs,
                     const GError   *error)
{
  if (theirs == NULL)
    {
      if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND))
        upskill_window_show_conflict (self, UPSKILL_CONFLICT_DELETED);
      else
        upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  upskill_window_hide_conflict (self);

  if (g_str_equal (choice, UPSKILL_CONFLICT_CHOICE_KEEP_MINE))
    {
      /* Read, so it may be replaced. */
      upskill_profile_set_file_version (shown_profile (self), upskill_profile_get_file_version (theirs));
      upskill_profile_session_queue_save (self->session, shown_profile (self));
    }
  else if (g_str_equal (choice, UPSKILL_CONFLICT_CHOICE_TAKE_THEIRS))
    take_theirs (self, theirs);
  else
    merge_theirs (self, theirs);
}

static void
close_deleted (UpskillWindow *self)
{
  g_autoptr(UpskillProfileItem) item = NULL;

  drop_unsaved (self);
  item = upskill_profile_list_remove (self->profiles, upskill_profile_get_id (shown_profile (self)));
  upskill_window_set_profile (self, NULL);
}

/* Conflict copies */

typedef struct
{
  char           *file_name;
  char           *choice;
  UpskillProfile *profile;   /* a copy of the shown one, with its version */
} CopyWork;

static void
copy_work_free (CopyWork *work)
{
  g_free (work->file_name);
  g_free (work->choice);
  g_clear_object (&work->profile);
  g_free (work);
}

/* On a worker thread: each choice ends with the copy removed, and only
 * once what it held that is kept is saved. */
static void
resolve_copy_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  UpskillStore *store = source_object;
  CopyWork *work = task_data;
  g_autoptr(UpskillProfile) result = NULL;
  GError *error = NULL;

  if (g_str_equal (work->choice, UPSKILL_CONFLICT_CHOICE_MERGE))
    {
      result = upskill_store_merge_conflict_copy (store, work->profile, work->file_name, NULL, &error);
    }
  else if (g_str_equal (work->choice, UPSKILL_CONFLICT_CHOICE_TAKE_THEIRS))
    {
      result = upskill_store_load_conflict_copy (store, work->file_name, NULL, &error);
      if (result != NULL)
        upskill_profile_set_file_version (result, upskill_profile_get_file_version (work->profile));
      if (result != NULL &&
          (!upskill_store_save (store, result, NULL, &error) ||
           !upskill_store_remove_conflict_copy (store, work->file_name, &error)))
        g_clear_object (&result);
    }
  else
    {
      if (upskill_store_remove_conflict_copy (store, work->file_name, &error))
        result = g_object_ref (work->profile);
    }

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

static void check_conflict_copies (UpskillWindow *self);

static void
on_copy_resolved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UpskillWindow) self = user_data;
  CopyWork *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(UpskillProfile) resolved = NULL;
  g_autoptr(GError) error = NULL;

  resolved = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->closed || !is_shown (self, upskill_profile_get_id (work->profile)))
    return;

  if (resolved == NULL)
    {
      /* The profile changed meanwhile: that banner instead. */
      if (!upskill_window_handle_save_conflict (self, shown_profile (self), error))
        upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  if (g_str_equal (work->choice, UPSKILL_CONFLICT_CHOICE_KEEP_MINE))
    upskill_window_hide_conflict (self);
  else
    take_theirs (self, resolved);   /* what is on disk now */

  /* Another copy may wait. */
  check_conflict_copies (self);
}

static gboolean
on_copy_retry (gpointer user_data)
{
  UpskillWindow *self = user_data;
  const char *copy = self->conflict_bar != NULL ? upskill_conflict_bar_get_copy (get_bar (self)) : NULL;

  if (!self->closed && copy != NULL)
    g_signal_emit_by_name (self->conflict_bar, "resolve",
                           g_object_get_data (G_OBJECT (self), "upskill-copy-choice"));

  return G_SOURCE_REMOVE;
}

static void
resolve_copy (UpskillWindow *self,
              const char    *choice)
{
  g_autoptr(GTask) task = NULL;
  CopyWork *work;

  /* Changes still on their way to disk go first, then the copy. */
  if (upskill_window_is_busy (self))
    {
      upskill_window_flush_save (self);
      g_object_set_data_full (G_OBJECT (self), "upskill-copy-choice", g_strdup (choice), g_free);
      g_timeout_add_full (G_PRIORITY_DEFAULT, RECHECK_DELAY_MS, on_copy_retry,
                          g_object_ref (self), g_object_unref);
      return;
    }

  work = g_new0 (CopyWork, 1);
  work->file_name = g_strdup (upskill_conflict_bar_get_copy (get_bar (self)));
  work->choice = g_strdup (choice);
  work->profile = upskill_profile_copy (shown_profile (self));
  upskill_profile_set_file_version (work->profile, upskill_profile_get_file_version (shown_profile (self)));

  task = g_task_new (self->store, NULL, on_copy_resolved, g_object_ref (self));
  g_task_set_source_tag (task, resolve_copy);
  g_task_set_task_data (task, work, (GDestroyNotify) copy_work_free);
  g_task_run_in_thread (task, resolve_copy_thread);
}

static void
find_copies_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_auto(GStrv) copies = upskill_store_dup_conflict_copies (source_object, task_data, NULL);

  g_task_return_pointer (task, copies != NULL && copies[0] != NULL ? g_strdup (copies[0]) : NULL, g_free);
}

static void
on_copies_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UpskillWindow) self = user_data;
  g_autofree char *copy = g_task_propagate_pointer (G_TASK (result), NULL);
  const char *id = g_task_get_task_data (G_TASK (result));
  UpskillProfileItem *item;

  if (self->closed)
    return;

  /* The sidebar's mark follows what is in the folder. */
  item = upskill_window_find_item (self, id, NULL);
  if (item != NULL)
    upskill_profile_item_set_conflict_copy (item, copy);

  if (copy == NULL || !is_shown (self, id))
    return;

  /* A changed or deleted file comes first. */
  if (upskill_conflict_bar_get_kind (get_bar (self)) != UPSKILL_CONFLICT_NONE &&
      upskill_conflict_bar_get_kind (get_bar (self)) != UPSKILL_CONFLICT_COPY)
    return;

  upskill_conflict_bar_show_copy (get_bar (self), upskill_profile_get_name (shown_profile (self)), copy);
}

static void
check_conflict_copies (UpskillWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (shown_profile (self) == NULL || self->store == NULL)
    return;

  task = g_task_new (self->store, self->cancellable, on_copies_found, g_object_ref (self));
  g_task_set_source_tag (task, check_conflict_copies);
  g_task_set_task_data (task, g_strdup (upskill_profile_get_id (shown_profile (self))), g_free);
  g_task_run_in_thread (task, find_copies_thread);
}

void
upskill_window_sync_profile_shown (UpskillWindow *self)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  upskill_window_hide_conflict (self);
  check_conflict_copies (self);
}

static void read_shown_profile (UpskillWindow *self,
                                const char    *choice);

static void
on_resolve (UpskillWindow *self,
            const char    *choice)
{
  if (shown_profile (self) == NULL)
    return;

  if (upskill_conflict_bar_get_kind (get_bar (self)) == UPSKILL_CONFLICT_COPY)
    {
      resolve_copy (self, choice);
      return;
    }

  if (g_str_equal (choice, UPSKILL_CONFLICT_CHOICE_RESTORE))
    {
      /* Written again as a new file, by the user's choice. */
      upskill_window_hide_conflict (self);
      upskill_profile_set_file_version (shown_profile (self), NULL);
      upskill_profile_session_queue_save (self->session, shown_profile (self));
      return;
    }

  if (g_str_equal (choice, UPSKILL_CONFLICT_CHOICE_CLOSE))
    {
      upskill_window_hide_conflict (self);
      close_deleted (self);
      return;
    }

  /* Keep mine, take theirs and merge all read the other version first. */
  read_shown_profile (self, choice);
}

/* Watching the folder */

static void check_shown_profile (UpskillWindow *self);

static gboolean
on_recheck_timeout (gpointer user_data)
{
  check_shown_profile (user_data);

  return G_SOURCE_REMOVE;
}

/* The shown profile's file as just read by a check (NULL: @error says
 * why not): changed elsewhere, or our own save. */
static void
check_theirs (UpskillWindow  *self,
              UpskillProfile *theirs,
              const GError   *error)
{
  gboolean changed_here;

  if (theirs == NULL)
    {
      /* Not resurrected by the next autosave: the user chooses. A new
       * profile whose first save is on its way has no file yet. */
      if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND) &&
          upskill_profile_get_file_version (shown_profile (self)) != NULL)
        upskill_window_show_conflict (self, UPSKILL_CONFLICT_DELETED);
      return;
    }

  /* Our own save, seen by the monitor. */
  if (g_strcmp0 (upskill_profile_get_file_version (theirs),
                 upskill_profile_get_file_version (shown_profile (self))) == 0)
    return;

  changed_here = upskill_window_is_busy (self) ||
                 upskill_profile_session_get_unsaved_error (self->session) != NULL;
  if (changed_here)
    {
      upskill_window_show_conflict (self, UPSKILL_CONFLICT_CHANGED);
      return;
    }

  take_theirs (self, theirs);
  show_toast (self, _("“%s” was updated on another device"),
              upskill_profile_get_name (theirs));
}

static void
on_shown_profile_read (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Resolution) resolution = user_data;
  g_autoptr(UpskillProfile) theirs = NULL;
  g_autoptr(GError) error = NULL;
  UpskillWindow *self = resolution->self;

  theirs = upskill_store_load_finish (UPSKILL_STORE (source), result, &error);

  if (self->closed || !is_shown (self, resolution->id))
    return;

  if (resolution->choice != NULL)
    resolve_with_theirs (self, resolution->choice, theirs, error);
  else
    check_theirs (self, theirs, error);
}

/* Reads the shown profile's file again: for the user's @choice in a
 * conflict, or (NULL) to check it for a change made elsewhere. */
static void
read_shown_profile (UpskillWindow *self,
                    const char    *choice)
{
  Resolution *resolution = g_new0 (Resolution, 1);

  resolution->self = g_object_ref (self);
  resolution->id = g_strdup (upskill_profile_get_id (shown_profile (self)));
  resolution->choice = g_strdup (choice);
  upskill_store_load_async (self->store, resolution->id, self->cancellable,
                            on_shown_profile_read, resolution);
}

/* Reads the shown profile's file again, once no save of ours is on its
 * way (whose file would pass for another device's). */
static void
check_shown_profile (UpskillWindow *self)
{
  if (self->closed || shown_profile (self) == NULL)
    return;

  if (upskill_profile_session_get_busy (self->session))
    {
      g_timeout_add_full (G_PRIORITY_DEFAULT, RECHECK_DELAY_MS, on_recheck_timeout,
                          g_object_ref (self), g_object_unref);
      return;
    }

  read_shown_profile (self, NULL);
}

/* Whether @id is the shown profile's file or a conflict copy of it. */
static gboolean
is_of_shown (const char *id,
             const char *shown_id)
{
  g_autofree char *file_name = NULL;
  g_autofree char *copy_of = NULL;

  if (shown_id == NULL)
    return FALSE;
  if (g_str_equal (id, shown_id))
    return TRUE;

  file_name = g_strconcat (id, ".json", NULL);

  return upskill_store_parse_conflict_copy (file_name, &copy_of) && g_str_equal (copy_of, shown_id);
}

static void
on_profiles_changed (UpskillWindow *self,
                     GStrv          changed,
                     GStrv          removed)
{
  const char *shown_id = shown_profile (self) != NULL ? upskill_profile_get_id (shown_profile (self)) : NULL;
  gboolean others = FALSE;

  if (self->closed)
    return;

  for (guint i = 0; removed[i] != NULL; i++)
    {
      UpskillProfileItem *item;

      if (g_strcmp0 (removed[i], shown_id) == 0 ||
          upskill_profile_session_is_delete_pending (self->session, removed[i]))
        continue;

      /* Still listed: not deleted here. */
      item = upskill_window_find_item (self, removed[i], NULL);
      if (item != NULL && upskill_profile_item_get_name (item) != NULL &&
          !g_strv_contains ((const char * const *) changed, removed[i]))
        show_toast (self, _("“%s” was removed on another device"),
                    upskill_profile_item_get_name (item));
    }

  /* The list follows the folder (and the index with it). The shown
   * profile's own file is checked below: our autosaves, above all, need
   * no new listing. */
  for (guint i = 0; changed[i] != NULL && !others; i++)
    others = !is_of_shown (changed[i], shown_id);
  for (guint i = 0; removed[i] != NULL && !others; i++)
    others = !is_of_shown (removed[i], shown_id);
  if (others)
    upskill_window_reload (self, NULL);

  if (shown_id != NULL &&
      (g_strv_contains ((const char * const *) changed, shown_id) ||
       g_strv_contains ((const char * const *) removed, shown_id)))
    check_shown_profile (self);

  /* A sync tool's conflict copy of the profile shown arrived. */
  for (guint i = 0; shown_id != NULL && changed[i] != NULL; i++)
    {
      g_autofree char *file_name = g_strconcat (changed[i], ".json", NULL);
      g_autofree char *copy_of = NULL;

      if (upskill_store_parse_conflict_copy (file_name, &copy_of) && g_str_equal (copy_of, shown_id))
        {
          check_conflict_copies (self);
          break;
        }
    }
}

void
upskill_window_setup_sync (UpskillWindow *self)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  g_signal_connect_object (self->conflict_bar, "resolve",
                           G_CALLBACK (on_resolve), self, G_CONNECT_SWAPPED);

  upskill_store_watch (self->store);
  g_signal_connect_object (self->store, "profiles-changed",
                           G_CALLBACK (on_profiles_changed), self, G_CONNECT_SWAPPED);
}
