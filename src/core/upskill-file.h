/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* Temporary files are named UPSKILL_FILE_TEMP_PREFIX "PID-NAME-XXXXXX"
 * UPSKILL_FILE_TEMP_SUFFIX, e.g. "~syncthing~upskill-4242-dana.json-a1B2c3.tmp",
 * so that
 *  - they are never taken for a profile or a report (not *.json, *.pdf);
 *  - sync tools never carry them to another device: Syncthing skips
 *    every name starting with "~syncthing~" (its own temporary files, on
 *    all systems), and Nextcloud's and Dropbox's clients skip "~*.tmp";
 *  - a leftover is recognised as ours, and removed at the next start as
 *    soon as the process that wrote it (PID) is gone. */
#define UPSKILL_FILE_TEMP_PREFIX "~syncthing~upskill-"
#define UPSKILL_FILE_TEMP_SUFFIX ".tmp"

typedef enum
{
  /* A profile written by its store into the profiles folder: 0600, and
   * the only kind of file that may go there. */
  UPSKILL_FILE_MODE_PROFILE,
  /* The user's own data (profiles, the index, the trends cache, an
   * exported profile with its private notes): 0600 whatever the umask or
   * the replaced file's mode. */
  UPSKILL_FILE_MODE_PRIVATE,
  /* A document the user asked for (a report, a calendar):
   * a replaced file keeps its mode; a new one gets 0666 masked by the
   * umask, like any other program's documents. */
  UPSKILL_FILE_MODE_DOCUMENT,
} UpskillFileMode;

/* Atomic and durable replacement of @file's content: a temporary file in
 * the same folder, fsync, mode, rename, fsync of the folder. When @file is
 * a symbolic link the link stays and its target is replaced. Anything but
 * a profile is refused inside a protected folder: a report aimed at
 * "dana.json" would replace Dana's profile with a PDF. */
gboolean upskill_file_write_atomically (GFile            *file,
                                        GBytes           *contents,
                                        UpskillFileMode   mode,
                                        GCancellable     *cancellable,
                                        GError          **error);

/* Like upskill_file_write_atomically(), and only if the file is still
 * @expected_version (from upskill_file_dup_version() or an earlier
 * write), checked just before the rename: otherwise nothing is written
 * and the error is UPSKILL_ERROR_CHANGED_ON_DISK or
 * UPSKILL_ERROR_DELETED_ON_DISK. @expected_version NULL writes
 * unchecked. *@out_version, if given, is the version written. */
gboolean upskill_file_replace_version   (GFile            *file,
                                         GBytes           *contents,
                                         UpskillFileMode   mode,
                                         const char       *expected_version,
                                         char            **out_version,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* A version of a file, opaque: its inode, size and modification time
 * (cheap to compare) and a hash of its content (so that the same
 * content written again, or copied back by a sync tool, still counts as
 * the version read). @st is taken before reading @contents, so that a
 * change in between counts as a change. */
char    *upskill_file_dup_version       (const struct stat *st,
                                         GBytes            *contents);
/* TRUE if @path (or the file its links lead to) is still @version;
 * otherwise FALSE with UPSKILL_ERROR_CHANGED_ON_DISK or
 * UPSKILL_ERROR_DELETED_ON_DISK (UPSKILL_ERROR_IO when it could not be
 * checked), worded for saving or, with @deleting, for deleting. */
gboolean upskill_file_check_version     (const char        *path,
                                         const char        *version,
                                         gboolean           deleting,
                                         GError           **error);

/* Marks @path as a profiles folder for as long as its store lives; may
 * be called once per store, from any thread. */
void     upskill_file_protect_folder    (const char *path);
void     upskill_file_unprotect_folder  (const char *path);

/* fsync() of a folder, so that names created or renamed in it last; 0 or
 * an errno. */
int      upskill_file_sync_folder       (const char *path);

/* The template for a temporary file beside @name in @folder, for
 * g_mkstemp(). */
char    *upskill_file_dup_temp_template (const char *folder,
                                         const char *name);

gboolean upskill_file_create_exclusively (const char  *folder,
                                          const char  *file_name,
                                          GBytes      *bytes,
                                          GError     **error);

G_END_DECLS
