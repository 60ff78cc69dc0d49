/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "upskill-catalog.h"
#include "upskill-error.h"
#include "upskill-profile.h"

G_BEGIN_DECLS

/* What the profile list shows, without parsing every full history: a
 * summary is cached in an index beside the profiles and reused while the
 * file's size and modification time are unchanged. */
typedef struct
{
  char               *id;
  char               *file_name;   /* "dana-okafor.json" */
  char               *name;        /* NULL when the file could not be read */
  UpskillProfileKind  kind;
  gboolean            archived;    /* upskill_profile_get_archived() */
  char               *current_role;
  char               *target_role; /* role id */
  GStrv               tags;        /* upskill_profile_get_tags(); NULL for none */
  double              readiness;   /* overall, 0..100; negative when unknown */
  gint64              modified;    /* unix time */
  char               *error;       /* why the file could not be read, or NULL */

  /* What a coach's overview of all clients shows (upskill-practice.h),
   * as of when the summary was made: */
  gint64              last_session;  /* UpskillNote.date, 0 if none */
  gint64              next_session;  /* the first session dated later, 0 if none */
  gboolean            has_change;
  double              change;        /* readiness points since the last session */
  guint               n_steps;       /* plan steps */
  guint               n_steps_left;  /* of those, planned or in progress */
  gint64              plan_due;      /* earliest recorded due day of those, 0 if none */
  guint               n_areas;
  double             *areas;         /* readiness per UpskillArea.index, negative untargeted */
  GStrv               gaps;          /* ids of the skills below their target */

  /* A sync tool's conflict copy of this profile's file, waiting to be
   * merged ("dana.sync-conflict-20261203-101500-ABCDEFG.json"), or NULL;
   * set by upskill_store_list(), never listed as a profile of its own. */
  char               *conflict_copy;
} UpskillProfileSummary;

UpskillProfileSummary *upskill_profile_summary_copy (const UpskillProfileSummary *summary);
void                   upskill_profile_summary_free (UpskillProfileSummary       *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpskillProfileSummary, upskill_profile_summary_free)

#define UPSKILL_TYPE_STORE (upskill_store_get_type ())

G_DECLARE_FINAL_TYPE (UpskillStore, upskill_store, UPSKILL, STORE, GObject)

/* Profiles live in @data_dir/profiles/, the index in @data_dir/index.json. */
UpskillStore   *upskill_store_new                (GFile           *data_dir,
                                                  UpskillCatalog  *catalog);
/* $UPSKILL_DATA_DIR if set, else $XDG_DATA_HOME/upskill. */
GFile          *upskill_store_dup_default_dir    (void);
GFile          *upskill_store_get_data_dir       (UpskillStore    *self);
GFile          *upskill_store_get_profiles_dir   (UpskillStore    *self);
GFile          *upskill_store_dup_profile_file   (UpskillStore    *self,
                                                  const char      *id);

/* Every profile file, readable or not, newest change first
 * (UpskillProfileSummary*). Fails only if the folder itself can't be read. */
GPtrArray      *upskill_store_list               (UpskillStore    *self,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void            upskill_store_list_async         (UpskillStore        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray      *upskill_store_list_finish        (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

UpskillProfile *upskill_store_load               (UpskillStore    *self,
                                                  const char      *id,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void            upskill_store_load_async         (UpskillStore        *self,
                                                  const char          *id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
UpskillProfile *upskill_store_load_finish        (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

/* Atomic and durable: a temporary file in the same folder, fsync, rename,
 * fsync of the folder. The file is 0600, the folder 0700.
 * A profile that was read from its file (it has a file version) replaces
 * only that version: if the file was changed or deleted since (another
 * device, another process), nothing is written and the error is
 * UPSKILL_ERROR_CHANGED_ON_DISK or UPSKILL_ERROR_DELETED_ON_DISK. A
 * successful save gives the profile its new file version; to overwrite
 * after all, set the version of the file now on disk (or NULL). */
gboolean        upskill_store_save               (UpskillStore    *self,
                                                  UpskillProfile  *profile,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
/* Copies @profile at call time (on the calling thread), then serializes
 * and writes the copy on a worker thread. */
void            upskill_store_save_async         (UpskillStore        *self,
                                                  UpskillProfile      *profile,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        upskill_store_save_finish        (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

/* Moves the profile's file to the desktop's Trash (g_file_trash()), so
 * that the user can bring it back; where the folder has no Trash (a file
 * system without one), deletes it, and *@out_trashed, if given, is FALSE.
 * Deletes only if the file is still @version (a profile's
 * upskill_profile_get_file_version()); otherwise fails with
 * UPSKILL_ERROR_CHANGED_ON_DISK or UPSKILL_ERROR_DELETED_ON_DISK.
 * @version NULL deletes whatever is there. */
gboolean        upskill_store_trash              (UpskillStore    *self,
                                                  const char      *id,
                                                  const char      *version,
                                                  gboolean        *out_trashed,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
/* upskill_store_trash() without a version, or with one. */
gboolean        upskill_store_delete             (UpskillStore    *self,
                                                  const char      *id,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
gboolean        upskill_store_delete_version     (UpskillStore    *self,
                                                  const char      *id,
                                                  const char      *version,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

/* The index: what the store last read of each profile file, so that a
 * listing reads only the files changed since. A cache of this machine's
 * in $XDG_CACHE_HOME (never carried by a sync tool), rebuilt from the
 * files when missing or stale. */
const char     *upskill_store_get_index_path     (UpskillStore    *self);
/* The lock the writers of this data folder take in turn, processes
 * included, around each check-and-write (beside the index, never in the
 * folder a sync tool carries). */
const char     *upskill_store_get_lock_path      (UpskillStore    *self);
/* Removes the index kept for the data folder @data_dir (when the folder
 * itself goes, as --demo's does). */
void            upskill_store_remove_index       (GFile           *data_dir);

/* What an import does when the store already holds a profile with the
 * file's id (the same profile, exported or synced earlier). */
typedef enum
{
  UPSKILL_IMPORT_REFUSE,    /* fails with UPSKILL_ERROR_EXISTS */
  UPSKILL_IMPORT_KEEP_BOTH, /* stored beside it, under a new id */
  UPSKILL_IMPORT_REPLACE,   /* takes its place */
  UPSKILL_IMPORT_MERGE,     /* merged into it (upskill_profile_merge()) */
} UpskillImportMode;

/* Reads and validates @file as a profile, without storing it. */
UpskillProfile *upskill_store_read_import        (UpskillStore    *self,
                                                  GFile           *file,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
/* Validates @file as a profile and stores it; @mode says what happens if
 * its id is taken. Returns the profile as stored (for a merge, the
 * merged one). Replace and merge overwrite only the version of the
 * stored file they read, like upskill_store_save(). */
UpskillProfile *upskill_store_import             (UpskillStore      *self,
                                                  GFile             *file,
                                                  UpskillImportMode  mode,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
gboolean        upskill_store_export             (UpskillStore    *self,
                                                  UpskillProfile  *profile,
                                                  GFile           *destination,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

/* A new id for @name that no file in the store has yet; NULL, with
 * @error set, when the profiles folder cannot be used. */
char           *upskill_store_new_id             (UpskillStore    *self,
                                                  const char      *name,
                                                  GError         **error);

/* Watches the profiles folder from now on (on the main thread): files
 * added, changed or removed by anyone, this store included, are told by
 * ::profiles-changed, a burst of events as one. */
void            upskill_store_watch              (UpskillStore    *self);

/* Whether @file_name is a sync tool's conflict copy of a profile file:
 * Syncthing's "ID.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.json", Nextcloud's
 * "ID (conflicted copy 2026-12-03 101500).json" or Dropbox's
 * "ID (Anne's conflicted copy 2026-12-03).json". *@out_id, if given, is
 * the id of the profile it is a copy of. */
gboolean        upskill_store_parse_conflict_copy (const char     *file_name,
                                                   char          **out_id);
/* The conflict copies of profile @id in the folder, sorted. */
GStrv           upskill_store_dup_conflict_copies (UpskillStore    *self,
                                                   const char      *id,
                                                   GError         **error);
/* The profile a conflict copy holds (its id is that of its profile). */
UpskillProfile *upskill_store_load_conflict_copy (UpskillStore    *self,
                                                  const char      *file_name,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
gboolean        upskill_store_remove_conflict_copy (UpskillStore  *self,
                                                    const char    *file_name,
                                                    GError       **error);
/* Merges the conflict copy @file_name into @profile
 * (upskill_profile_merge()), saves the result over the version of its
 * file @profile was read from, then removes the copy. Returns the
 * merged profile, with its new file version. */
UpskillProfile *upskill_store_merge_conflict_copy (UpskillStore    *self,
                                                   UpskillProfile  *profile,
                                                   const char      *file_name,
                                                   GCancellable    *cancellable,
                                                   GError         **error);

/* Copies the bundled sample profiles into the store (for --demo and the
 * first-run "Explore sample profiles"). */
gboolean        upskill_store_add_samples        (UpskillStore    *self,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

/* The same on a worker thread. Export copies @profile at call time. */
void            upskill_store_delete_async       (UpskillStore        *self,
                                                  const char          *id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        upskill_store_delete_finish      (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
void            upskill_store_trash_async        (UpskillStore        *self,
                                                  const char          *id,
                                                  const char          *version,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        upskill_store_trash_finish       (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  gboolean        *out_trashed,
                                                  GError         **error);
void            upskill_store_read_import_async  (UpskillStore        *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
UpskillProfile *upskill_store_read_import_finish (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
void            upskill_store_import_async       (UpskillStore        *self,
                                                  GFile               *file,
                                                  UpskillImportMode    mode,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
UpskillProfile *upskill_store_import_finish      (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
void            upskill_store_export_async       (UpskillStore        *self,
                                                  UpskillProfile      *profile,
                                                  GFile               *destination,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        upskill_store_export_finish      (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
void            upskill_store_add_samples_async  (UpskillStore        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        upskill_store_add_samples_finish (UpskillStore    *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

/* Removes from @folder the temporary files of interrupted writes
 * (upskill_file_write_atomically()) whose writer is gone. */
void            upskill_remove_leftover_temporaries (const char  *folder);

G_END_DECLS
