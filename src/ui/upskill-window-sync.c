/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window and a data folder shared with other devices and processes:
 * a save refused because the file changed or vanished elsewhere shows a
 * banner with the user's choices. */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-conflict-bar.h"
#include "upskill-profile-merge.h"
#include "upskill-window-private.h"

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
static void G_GNUC_PRINTF (2, 3)
show_toast (UpskillWindow *self,
            const char    *format,
            ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  escaped = g_markup_escape_text (message, -1);
  upskill_window_add_toast (self, adw_toast_new (escaped));
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
  return self->profile != NULL && g_strcmp0 (upskill_profile_get_id (self->profile), id) == 0;
}

void
upskill_window_show_conflict (UpskillWindow       *self,
                              UpskillConflictKind  kind)
{
  g_return_if_fail (UPSKILL_IS_WINDOW (self));

  if (self->profile == NULL || self->conflict_bar == NULL)
    return;

  upskill_conflict_bar_show (get_bar (self), kind, upskill_profile_get_name (self->profile));
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
  if (profile != self->profile || self->closed)
    return FALSE;

  /* Closing meanwhile asks first, as for any save that failed. */
  g_set_object (&self->unsaved, profile);
  g_free (self->unsaved_message);
  self->unsaved_message = g_strdup (error->message);

  upskill_window_show_conflict (self, kind);

  return TRUE;
}

/* The shown profile's changes since the last save are dropped: no
 * autosave of them is waiting any more, and closing does not ask. */
static void
drop_unsaved (UpskillWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->unsaved == self->profile)
    {
      g_clear_object (&self->unsaved);
      g_clear_pointer (&self->unsaved_message, g_free);
    }
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

  merged = upskill_profile_merge (self->profile, theirs, &error);
  if (merged == NULL)
    {
      upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  /* One step to undo; the autosave then replaces the version merged. */
  upskill_profile_set_file_version (self->profile, upskill_profile_get_file_version (theirs));
  upskill_profile_restore (self->profile, merged);
}

static void
on_theirs_loaded (GObject      *source,
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

  if (theirs == NULL)
    {
      if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND))
        upskill_window_show_conflict (self, UPSKILL_CONFLICT_DELETED);
      else
        upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  upskill_window_hide_conflict (self);

  if (g_str_equal (resolution->choice, UPSKILL_CONFLICT_CHOICE_KEEP_MINE))
    {
      /* Read, so it may be replaced. */
      upskill_profile_set_file_version (self->profile, upskill_profile_get_file_version (theirs));
      upskill_window_queue_save (self, self->profile);
    }
  else if (g_str_equal (resolution->choice, UPSKILL_CONFLICT_CHOICE_TAKE_THEIRS))
    take_theirs (self, theirs);
  else
    merge_theirs (self, theirs);
}

static void
close_deleted (UpskillWindow *self)
{
  guint position;

  drop_unsaved (self);
  if (upskill_window_find_item (self, upskill_profile_get_id (self->profile), &position) != NULL)
    g_list_store_remove (self->profiles, position);
  upskill_window_set_profile (self, NULL);
}

static void
on_resolve (UpskillWindow *self,
            const char    *choice)
{
  Resolution *resolution;

  if (self->profile == NULL)
    return;

  if (g_str_equal (choice, UPSKILL_CONFLICT_CHOICE_RESTORE))
    {
      /* Written again as a new file, by the user's choice. */
      upskill_window_hide_conflict (self);
      upskill_profile_set_file_version (self->profile, NULL);
      upskill_window_queue_save (self, self->profile);
      return;
    }

  if (g_str_equal (choice, UPSKILL_CONFLICT_CHOICE_CLOSE))
    {
      upskill_window_hide_conflict (self);
      close_deleted (self);
      return;
    }

  /* Keep mine, take theirs and merge all read the other version first. */
  resolution = g_new0 (Resolution, 1);
  resolution->self = g_object_ref (self);
  resolution->id = g_strdup (upskill_profile_get_id (self->profile));
  resolution->choice = g_strdup (choice);
  upskill_store_load_async (self->store, resolution->id, self->cancellable,
                            on_theirs_loaded, resolution);
}

/* Watching the folder */

#define RECHECK_DELAY_MS 300

static void check_shown_profile (UpskillWindow *self);

static gboolean
on_recheck_timeout (gpointer user_data)
{
  check_shown_profile (user_data);

  return G_SOURCE_REMOVE;
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
  gboolean changed_here;

  theirs = upskill_store_load_finish (UPSKILL_STORE (source), result, &error);

  if (self->closed || !is_shown (self, resolution->id))
    return;

  if (theirs == NULL)
    {
      /* Not resurrected by the next autosave: the user chooses. A new
       * profile whose first save is on its way has no file yet. */
      if (g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND) &&
          upskill_profile_get_file_version (self->profile) != NULL)
        upskill_window_show_conflict (self, UPSKILL_CONFLICT_DELETED);
      return;
    }

  /* Our own save, seen by the monitor. */
  if (g_strcmp0 (upskill_profile_get_file_version (theirs),
                 upskill_profile_get_file_version (self->profile)) == 0)
    return;

  changed_here = upskill_window_is_busy (self) || self->unsaved == self->profile;
  if (changed_here)
    {
      upskill_window_show_conflict (self, UPSKILL_CONFLICT_CHANGED);
      return;
    }

  take_theirs (self, theirs);
  show_toast (self, _("“%s” was updated on another device"),
              upskill_profile_get_name (theirs));
}

/* Reads the shown profile's file again, once no save of ours is on its
 * way (whose file would pass for another device's). */
static void
check_shown_profile (UpskillWindow *self)
{
  Resolution *resolution;

  if (self->closed || self->profile == NULL)
    return;

  if (self->disk_busy || !g_queue_is_empty (&self->disk_queue))
    {
      g_timeout_add_full (G_PRIORITY_DEFAULT, RECHECK_DELAY_MS, on_recheck_timeout,
                          g_object_ref (self), g_object_unref);
      return;
    }

  resolution = g_new0 (Resolution, 1);
  resolution->self = g_object_ref (self);
  resolution->id = g_strdup (upskill_profile_get_id (self->profile));
  upskill_store_load_async (self->store, resolution->id, self->cancellable,
                            on_shown_profile_read, resolution);
}

static void
on_profiles_changed (UpskillWindow *self,
                     GStrv          changed,
                     GStrv          removed)
{
  const char *shown_id = self->profile != NULL ? upskill_profile_get_id (self->profile) : NULL;

  if (self->closed)
    return;

  for (guint i = 0; removed[i] != NULL; i++)
    {
      UpskillProfileItem *item;

      if (g_strcmp0 (removed[i], shown_id) == 0 ||
          g_hash_table_contains (self->pending_deletes, removed[i]))
        continue;

      /* Still listed: not deleted here. */
      item = upskill_window_find_item (self, removed[i], NULL);
      if (item != NULL && upskill_profile_item_get_name (item) != NULL &&
          !g_strv_contains ((const char * const *) changed, removed[i]))
        show_toast (self, _("“%s” was removed on another device"),
                    upskill_profile_item_get_name (item));
    }

  /* The list follows the folder (and the index with it). */
  upskill_window_reload (self, NULL);

  if (shown_id != NULL &&
      (g_strv_contains ((const char * const *) changed, shown_id) ||
       g_strv_contains ((const char * const *) removed, shown_id)))
    check_shown_profile (self);
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
