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
  char               *current_role;
  char               *target_role; /* role id */
  double              readiness;   /* overall, 0..100; negative when unknown */
  gint64              modified;    /* unix time */
  char               *error;       /* why the file could not be read, or NULL */
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
 * fsync of the folder. The file is 0600, the folder 0700. */
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

gboolean        upskill_store_delete             (UpskillStore    *self,
                                                  const char      *id,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

/* Validates @file as a profile, gives it a fresh id if that id is taken,
 * saves it and returns it. */
UpskillProfile *upskill_store_import             (UpskillStore    *self,
                                                  GFile           *file,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
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

/* Copies the bundled sample profiles into the store (for --demo and the
 * first-run "Explore sample profiles"). */
gboolean        upskill_store_add_samples        (UpskillStore    *self,
                                                  GCancellable    *cancellable,
                                                  GError         **error);

/* Removes from @folder the temporary files of interrupted writes
 * (upskill_file_write_atomically()) whose writer is gone. */
void            upskill_remove_leftover_temporaries (const char  *folder);

G_END_DECLS
