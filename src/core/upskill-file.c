/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upskill-error.h"
#include "upskill-file.h"

/* As many links as the kernel follows in one path (MAXSYMLINKS). */
#define MAX_LINKS 40
/* The longest part of a file's name a temporary file's name repeats. */
#define TEMP_NAME_MAX 64

static gboolean
set_save_error (GError     **error,
                const char  *display_name,
                int          saved_errno)
{
  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
               _("Could not save “%s”: %s"), display_name, g_strerror (saved_errno));
  return FALSE;
}

/* Writes all of @contents to @fd and flushes it to the disk; FALSE
 * with errno set if that failed. */
static gboolean
write_and_sync (int     fd,
                GBytes *contents)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (contents, &length);
  gsize written = 0;

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      written += n;
    }

  while (fsync (fd) != 0)
    {
      if (errno != EINTR)
        return FALSE;
    }

  return TRUE;
}

/* Closes *@fd and sets it to -1: on Linux the descriptor is gone even
 * when close() reports EINTR, which is no failure. */
static gboolean
close_written (int *fd)
{
  int result = close (*fd);

  *fd = -1;
  return result == 0 || errno == EINTR;
}

/* Gives up writing @temp_path: closes @fd if it is open and removes the
 * file, reporting the errno that made it fail. */
static gboolean
discard_temp_file (int          fd,
                   const char  *temp_path,
                   const char  *display_name,
                   GError     **error)
{
  int saved_errno = errno;

  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);

  return set_save_error (error, display_name, saved_errno);
}

int
upskill_file_sync_folder (const char *path)
{
  int fd;
  int result = 0;

  fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return errno;

  while (fsync (fd) != 0)
    {
      /* Some file systems cannot sync a folder; nothing more can be done. */
      if (errno != EINTR)
        {
          result = errno == EINVAL ? 0 : errno;
          break;
        }
    }

  close (fd);

  return result;
}

/* Makes a file's new name in @folder durable, or says why it is not. */
static gboolean
sync_new_name (const char  *folder,
               const char  *display_name,
               GError     **error)
{
  int saved_errno = upskill_file_sync_folder (folder);

  return saved_errno == 0 || set_save_error (error, display_name, saved_errno);
}

char *
upskill_file_dup_temp_template (const char *folder,
                                const char *name)
{
  /* The name is cut to keep within the file system's limit on names. */
  int length = (int) MIN (strlen (name), TEMP_NAME_MAX);

  return g_strdup_printf ("%s" G_DIR_SEPARATOR_S UPSKILL_FILE_TEMP_PREFIX "%d-%.*s-XXXXXX"
                          UPSKILL_FILE_TEMP_SUFFIX,
                          folder, (int) getpid (), length, name);
}

/* The profile folders of every store in this process. Anything else
 * written (a report, an export, a calendar) never lands there: a report
 * aimed at "dana.json" would replace Dana's profile with a PDF. */
static GMutex profile_folders_lock;
static GPtrArray *profile_folders;   /* owned paths, one per live store */

void
upskill_file_protect_folder (const char *path)
{
  g_mutex_lock (&profile_folders_lock);
  if (profile_folders == NULL)
    profile_folders = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (profile_folders, g_strdup (path));
  g_mutex_unlock (&profile_folders_lock);
}

void
upskill_file_unprotect_folder (const char *path)
{
  g_mutex_lock (&profile_folders_lock);
  for (guint i = 0; profile_folders != NULL && i < profile_folders->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (profile_folders, i), path))
        {
          g_ptr_array_remove_index_fast (profile_folders, i);
          break;
        }
    }
  if (profile_folders != NULL && profile_folders->len == 0)
    g_clear_pointer (&profile_folders, g_ptr_array_unref);
  g_mutex_unlock (&profile_folders_lock);
}

/* @path with its folder's links resolved, as far as it exists. */
static char *
dup_canonical_path (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *real_folder = realpath (folder, NULL);

  if (real_folder != NULL)
    return g_build_filename (real_folder, name, NULL);
  if (!g_str_equal (folder, path) && !g_str_equal (folder, "."))
    {
      g_autofree char *canonical_folder = dup_canonical_path (folder);

      return g_build_filename (canonical_folder, name, NULL);
    }

  return g_strdup (path);
}

static gboolean
path_is_within (const char *path,
                const char *folder)
{
  gsize length = strlen (folder);

  return strncmp (path, folder, length) == 0 &&
         (path[length] == '\0' || path[length] == G_DIR_SEPARATOR);
}

static gboolean
check_outside_profile_folders (const char  *path,
                               const char  *display_name,
                               GError     **error)
{
  g_autofree char *canonical = dup_canonical_path (path);
  g_autofree char *found = NULL;

  g_mutex_lock (&profile_folders_lock);
  for (guint i = 0; profile_folders != NULL && i < profile_folders->len && found == NULL; i++)
    {
      const char *folder = g_ptr_array_index (profile_folders, i);
      g_autofree char *real_folder = realpath (folder, NULL);

      if (path_is_within (canonical, real_folder != NULL ? real_folder : folder) ||
          path_is_within (path, folder))
        found = g_strdup (folder);
    }
  g_mutex_unlock (&profile_folders_lock);

  if (found == NULL)
    return TRUE;

  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
               _("Could not save “%s”: it would go into the profiles folder (%s), where only Upskill's own profile files belong. Choose another folder."),
               display_name, found);
  return FALSE;
}

/* The file that writing to @path replaces: @path itself, or the end of
 * the chain of symbolic links it starts (which need not exist yet), so
 * that a link the user made into a synced or shared folder stays a link.
 * Sets errno and returns NULL on failure. */
static char *
dup_link_target (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i <= MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) error = NULL;
      struct stat st;

      if (lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          return NULL;
        }

      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, &error);
      if (target == NULL)
        {
          errno = EINVAL;
          return NULL;
        }

      if (!g_path_is_absolute (target))
        {
          g_autofree char *folder = g_path_get_dirname (current);
          char *joined = g_build_filename (folder, target, NULL);

          g_free (current);
          current = joined;
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  errno = ELOOP;
  return NULL;
}

/* The mode for a new file that replaces @path, or -1 to let the umask
 * decide. */
static int
choose_mode (const char      *path,
             UpskillFileMode  mode)
{
  struct stat st;

  if (mode == UPSKILL_FILE_MODE_PROFILE || mode == UPSKILL_FILE_MODE_PRIVATE)
    return 0600;

  /* Whoever made the old file private (or shared) meant it. */
  if (stat (path, &st) == 0 && S_ISREG (st.st_mode))
    return st.st_mode & 07777;

  return -1;
}

/* Versions */

/* Above this, a changed file is not read to compare its content: it is
 * simply another version. */
#define VERSION_MAX_HASHED_SIZE (64 * 1024 * 1024)

typedef struct
{
  guint64 inode;
  gint64  size;
  gint64  mtime_us;
  char    checksum[65];
} FileVersion;

static void
version_from_stat (FileVersion       *version,
                   const struct stat *st)
{
  version->inode = st->st_ino;
  version->size = st->st_size;
  version->mtime_us = (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

static gboolean
parse_version (const char  *text,
               FileVersion *version)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);

  if (g_strv_length (parts) != 5 || !g_str_equal (parts[0], "v1") || strlen (parts[4]) != 64)
    return FALSE;

  version->inode = g_ascii_strtoull (parts[1], NULL, 10);
  version->size = g_ascii_strtoll (parts[2], NULL, 10);
  version->mtime_us = g_ascii_strtoll (parts[3], NULL, 10);
  memcpy (version->checksum, parts[4], 65);

  return TRUE;
}

char *
upskill_file_dup_version (const struct stat *st,
                          GBytes            *contents)
{
  g_autofree char *checksum = NULL;
  FileVersion version;

  g_return_val_if_fail (st != NULL, NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  version_from_stat (&version, st);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);

  return g_strdup_printf ("v1:%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                          version.inode, version.size, version.mtime_us, checksum);
}

static gboolean
set_version_error (GError     **error,
                   int          code,
                   const char  *display_name,
                   gboolean     deleting)
{
  if (code == UPSKILL_ERROR_DELETED_ON_DISK)
    g_set_error (error, UPSKILL_ERROR, code,
                 deleting
                 ? _("Could not delete “%s”: it was already deleted on another device or by another program")
                 : _("Could not save “%s”: it was deleted on another device or by another program since Upskill read it, so it is not brought back unasked"),
                 display_name);
  else
    g_set_error (error, UPSKILL_ERROR, code,
                 deleting
                 ? _("Could not delete “%s”: it was changed on another device or by another program since Upskill read it, so it is kept")
                 : _("Could not save “%s”: it was changed on another device or by another program since Upskill read it, so that version is left as it is"),
                 display_name);
  return FALSE;
}

/* @path is the file itself, not a link. */
static gboolean
check_version (const char  *path,
               const char  *version_text,
               const char  *display_name,
               gboolean     deleting,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  FileVersion expected;
  FileVersion found;
  struct stat st;
  gsize length;

  if (!parse_version (version_text, &expected))
    return set_version_error (error, UPSKILL_ERROR_CHANGED_ON_DISK, display_name, deleting);

  if (stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return set_version_error (error, UPSKILL_ERROR_DELETED_ON_DISK, display_name, deleting);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   deleting ? _("Could not delete “%s”: %s") : _("Could not save “%s”: %s"),
                   display_name, g_strerror (saved_errno));
      return FALSE;
    }

  version_from_stat (&found, &st);
  if (found.inode == expected.inode && found.size == expected.size &&
      found.mtime_us == expected.mtime_us)
    return TRUE;

  /* Another stamp, maybe the same content (written again, or copied
   * back by a sync tool). */
  if (!S_ISREG (st.st_mode) || st.st_size != expected.size ||
      st.st_size > VERSION_MAX_HASHED_SIZE ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return set_version_error (error, UPSKILL_ERROR_CHANGED_ON_DISK, display_name, deleting);

  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  if (g_str_equal (checksum, expected.checksum))
    return TRUE;

  return set_version_error (error, UPSKILL_ERROR_CHANGED_ON_DISK, display_name, deleting);
}

gboolean
upskill_file_check_version (const char  *path,
                            const char  *version,
                            gboolean     deleting,
                            GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_basename (path);
  target = dup_link_target (path);
  if (target == NULL)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   deleting ? _("Could not delete “%s”: %s") : _("Could not save “%s”: %s"),
                   display_name, g_strerror (errno));
      return FALSE;
    }

  return check_version (target, version, display_name, deleting, error);
}

gboolean
upskill_file_write_atomically (GFile            *file,
                               GBytes           *contents,
                               UpskillFileMode   mode,
                               GCancellable     *cancellable,
                               GError          **error)
{
  return upskill_file_replace_version (file, contents, mode, NULL, NULL, cancellable, error);
}

gboolean
upskill_file_replace_version (GFile            *file,
                              GBytes           *contents,
                              UpskillFileMode   mode,
                              const char       *expected_version,
                              char            **out_version,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autofree char *new_version = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *link_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp_path = NULL;
  int fd = -1;
  int file_mode;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (mode == UPSKILL_FILE_MODE_PROFILE ||
                        mode == UPSKILL_FILE_MODE_PRIVATE ||
                        mode == UPSKILL_FILE_MODE_DOCUMENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_file_get_basename (file);
  display_name = g_filename_display_name (basename);
  link_path = g_file_get_path (file);
  if (link_path == NULL)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not save “%s”: only files on this computer can be written"),
                   display_name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (mode != UPSKILL_FILE_MODE_PROFILE &&
      !check_outside_profile_folders (link_path, display_name, error))
    return FALSE;

  path = dup_link_target (link_path);
  if (path == NULL)
    return set_save_error (error, display_name, errno);

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  temp_path = upskill_file_dup_temp_template (folder, name);
  file_mode = choose_mode (path, mode);

  /* 0666 leaves a new document to the umask, like any other program's. */
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, file_mode >= 0 ? 0600 : 0666);
  if (fd < 0)
    return set_save_error (error, display_name, errno);

  /* Neither the umask nor a looser old file decides who may read the
   * user's data; a replaced document keeps the mode its owner chose. */
  if (file_mode >= 0 && fchmod (fd, file_mode) != 0)
    goto failed;

  if (!write_and_sync (fd, contents))
    goto failed;

  /* The rename keeps the inode and the modification time. */
  if (out_version != NULL)
    {
      struct stat st;

      if (fstat (fd, &st) != 0)
        goto failed;
      new_version = upskill_file_dup_version (&st, contents);
    }

  if (!close_written (&fd))
    goto failed;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_unlink (temp_path);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }

  /* As late as can be: what another device or process wrote since the
   * caller read the file is never replaced unseen. (A write landing
   * between this check and the rename is not seen; no system call
   * offers "rename unless changed".) */
  if (expected_version != NULL &&
      !check_version (path, expected_version, display_name, FALSE, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  if (rename (temp_path, path) != 0)
    goto failed;

  /* The new name must be durable too, or a crash could bring back the
   * old file (or none). */
  if (!sync_new_name (folder, display_name, error))
    return FALSE;

  if (out_version != NULL)
    *out_version = g_steal_pointer (&new_version);

  return TRUE;

failed:
  return discard_temp_file (fd, temp_path, display_name, error);
}

/* Writes @bytes as the new file @file_name in @folder (0600) and
 * never over one that is there, even one another process is creating at
 * the same moment: the complete file is written aside under a temporary
 * name, then linked into place, which fails if the name is taken
 * (G_IO_ERROR_EXISTS). Where the file system has no hard links (FAT), a
 * check before the rename is the best that can be done. */
gboolean
upskill_file_create_exclusively (const char  *folder,
                                 const char  *file_name,
                                 GBytes      *bytes,
                                 GError     **error)
{
  g_autofree char *temp_path = upskill_file_dup_temp_template (folder, file_name);
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  struct stat st;
  int fd;

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_save_error (error, file_name, errno);

  if (fchmod (fd, 0600) != 0)
    goto failed;

  if (!write_and_sync (fd, bytes))
    goto failed;

  if (!close_written (&fd))
    goto failed;

  if (link (temp_path, path) != 0)
    {
      if (errno == EEXIST)
        {
          g_unlink (temp_path);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Could not save “%s”: another profile took its name"), file_name);
          return FALSE;
        }
      if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != ENOSYS &&
          errno != EMLINK)
        goto failed;

      if (lstat (path, &st) == 0)
        {
          g_unlink (temp_path);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Could not save “%s”: another profile took its name"), file_name);
          return FALSE;
        }
      if (rename (temp_path, path) != 0)
        goto failed;
    }
  else
    g_unlink (temp_path);

  return sync_new_name (folder, file_name, error);

failed:
  return discard_temp_file (fd, temp_path, file_name, error);
}
