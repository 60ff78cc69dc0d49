/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An LD_PRELOAD shim that makes one file-system call fail, to test what
 * the store does when the disk fails halfway through a save.
 *
 * Counted calls: open, open64, openat, openat64 (on a path inside
 * FAULT_DIR), write, fsync, fdatasync (on a descriptor opened on such a
 * path), rename, renameat, renameat2 (either name inside FAULT_DIR). One
 * counter runs across all of these kinds, in call order, so that N = 1,
 * 2, … walks through every step of a save. Calls on other paths (the
 * program's libraries, locale files, stdout) are neither counted nor
 * failed.
 *
 *   FAULT_DIR=/abs/path      only calls inside this folder count (required)
 *   FAULT_AT=N               the Nth counted call fails (unset: count only)
 *   FAULT_ERRNO=EIO|ENOSPC   the error it fails with (default EIO)
 *   FAULT_MODE=once|persist  fail only call N, or N and every later one
 *   FAULT_ONLY=KIND          count only calls of this kind ("write", …),
 *                            e.g. so that a disk that fills up still reads
 *   FAULT_LOG=/abs/file      appends "N kind path ok|FAIL" for every
 *                            counted call (a rename logs "from -> to")
 */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_TRACKED_FDS 4096

static char fault_dir[PATH_MAX];
static size_t fault_dir_length;
static long fault_at;           /* 0: never fail */
static int fault_errno = EIO;
static int fault_persist;
static char fault_only[16];
static int log_fd = -1;
static long counter;
static unsigned char tracked_fds[MAX_TRACKED_FDS];

static int (*real_open) (const char *, int, ...);
static int (*real_open64) (const char *, int, ...);
static int (*real_openat) (int, const char *, int, ...);
static int (*real_openat64) (int, const char *, int, ...);
static ssize_t (*real_write) (int, const void *, size_t);
static int (*real_fsync) (int);
static int (*real_fdatasync) (int);
static int (*real_rename) (const char *, const char *);
static int (*real_renameat) (int, const char *, int, const char *);
static int (*real_renameat2) (int, const char *, int, const char *, unsigned int);
static int (*real_close) (int);

static void
load_real_functions (void)
{
  if (real_close != NULL)
    return;

  real_open = dlsym (RTLD_NEXT, "open");
  real_open64 = dlsym (RTLD_NEXT, "open64");
  real_openat = dlsym (RTLD_NEXT, "openat");
  real_openat64 = dlsym (RTLD_NEXT, "openat64");
  real_write = dlsym (RTLD_NEXT, "write");
  real_fsync = dlsym (RTLD_NEXT, "fsync");
  real_fdatasync = dlsym (RTLD_NEXT, "fdatasync");
  real_rename = dlsym (RTLD_NEXT, "rename");
  real_renameat = dlsym (RTLD_NEXT, "renameat");
  real_renameat2 = dlsym (RTLD_NEXT, "renameat2");
  real_close = dlsym (RTLD_NEXT, "close");
}

__attribute__((constructor)) static void
faultinject_init (void)
{
  const char *value;

  load_real_functions ();

  value = getenv ("FAULT_DIR");
  if (value != NULL && value[0] == '/' && strlen (value) < sizeof fault_dir)
    {
      strcpy (fault_dir, value);
      fault_dir_length = strlen (fault_dir);
      while (fault_dir_length > 1 && fault_dir[fault_dir_length - 1] == '/')
        fault_dir[--fault_dir_length] = '\0';
    }

  value = getenv ("FAULT_AT");
  if (value != NULL)
    fault_at = strtol (value, NULL, 10);

  value = getenv ("FAULT_ERRNO");
  if (value != NULL && strcmp (value, "ENOSPC") == 0)
    fault_errno = ENOSPC;

  value = getenv ("FAULT_MODE");
  fault_persist = value != NULL && strcmp (value, "persist") == 0;

  value = getenv ("FAULT_ONLY");
  if (value != NULL && strlen (value) < sizeof fault_only)
    strcpy (fault_only, value);

  value = getenv ("FAULT_LOG");
  if (value != NULL)
    log_fd = real_open (value, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

static int
path_is_inside (const char *path)
{
  char absolute[PATH_MAX];

  if (fault_dir_length == 0 || path == NULL)
    return 0;

  if (path[0] != '/')
    {
      if (getcwd (absolute, sizeof absolute) == NULL ||
          strlen (absolute) + 1 + strlen (path) >= sizeof absolute)
        return 0;
      strcat (absolute, "/");
      strcat (absolute, path);
      path = absolute;
    }

  return strncmp (path, fault_dir, fault_dir_length) == 0 &&
         (path[fault_dir_length] == '\0' || path[fault_dir_length] == '/');
}

static int
at_path_is_inside (int         dirfd,
                   const char *path)
{
  if (path != NULL && path[0] != '/' && dirfd != AT_FDCWD)
    return dirfd >= 0 && dirfd < MAX_TRACKED_FDS && tracked_fds[dirfd];

  return path_is_inside (path);
}

static int
fd_is_tracked (int fd)
{
  return fd >= 0 && fd < MAX_TRACKED_FDS && tracked_fds[fd];
}

static void
track_fd (int fd)
{
  if (fd >= 0 && fd < MAX_TRACKED_FDS)
    tracked_fds[fd] = 1;
}

static void
log_call (long        n,
          const char *kind,
          const char *what,
          const char *what_else,
          int         fail)
{
  char line[2 * PATH_MAX + 64];
  int length;

  if (log_fd < 0)
    return;

  length = snprintf (line, sizeof line, "%ld %s %s%s%s %s\n", n, kind,
                     what != NULL ? what : "-",
                     what_else != NULL ? " -> " : "",
                     what_else != NULL ? what_else : "",
                     fail ? "FAIL" : "ok");
  if (length > 0)
    (void) real_write (log_fd, line, (size_t) length < sizeof line ? (size_t) length : sizeof line - 1);
}

/* Counts one call; TRUE if it is to fail. */
static int
should_fail (const char *kind,
             const char *what,
             const char *what_else)
{
  long n;
  int fail;

  if (fault_only[0] != '\0' && strcmp (kind, fault_only) != 0)
    return 0;

  n = __atomic_add_fetch (&counter, 1, __ATOMIC_SEQ_CST);
  fail = fault_at > 0 && (n == fault_at || (fault_persist && n > fault_at));

  log_call (n, kind, what, what_else, fail);

  return fail;
}

static const char *
fd_name (int fd)
{
  static __thread char name[32];

  snprintf (name, sizeof name, "fd:%d", fd);
  return name;
}

static int
needs_mode (int flags)
{
  return (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE;
}

/* Sets @mode from the variadic argument open() takes when @flags create
 * a file, or to 0. A macro: va_start must run in the variadic function. */
#define READ_MODE(flags, mode) \
  do \
    { \
      (mode) = 0; \
      if (needs_mode (flags)) \
        { \
          va_list args_; \
          va_start (args_, flags); \
          (mode) = va_arg (args_, mode_t); \
          va_end (args_); \
        } \
    } \
  while (0)

static int
do_open (int       (*real) (const char *, int, ...),
         const char *kind,
         const char  *path,
         int          flags,
         mode_t       mode)
{
  int fd;

  if (path_is_inside (path))
    {
      if (should_fail (kind, path, NULL))
        {
          errno = fault_errno;
          return -1;
        }
      fd = real (path, flags, mode);
      track_fd (fd);
      return fd;
    }

  return real (path, flags, mode);
}

static int
do_openat (int       (*real) (int, const char *, int, ...),
           const char *kind,
           int          dirfd,
           const char  *path,
           int          flags,
           mode_t       mode)
{
  int fd;

  if (at_path_is_inside (dirfd, path))
    {
      if (should_fail (kind, path, NULL))
        {
          errno = fault_errno;
          return -1;
        }
      fd = real (dirfd, path, flags, mode);
      track_fd (fd);
      return fd;
    }

  return real (dirfd, path, flags, mode);
}

int
open (const char *path,
      int         flags,
      ...)
{
  mode_t mode;

  READ_MODE (flags, mode);

  load_real_functions ();
  return do_open (real_open, "open", path, flags, mode);
}

int
open64 (const char *path,
        int         flags,
        ...)
{
  mode_t mode;

  READ_MODE (flags, mode);

  load_real_functions ();
  return do_open (real_open64, "open", path, flags, mode);
}

int
openat (int         dirfd,
        const char *path,
        int         flags,
        ...)
{
  mode_t mode;

  READ_MODE (flags, mode);

  load_real_functions ();
  return do_openat (real_openat, "openat", dirfd, path, flags, mode);
}

int
openat64 (int         dirfd,
          const char *path,
          int         flags,
          ...)
{
  mode_t mode;

  READ_MODE (flags, mode);

  load_real_functions ();
  return do_openat (real_openat64, "openat", dirfd, path, flags, mode);
}

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  load_real_functions ();

  if (fd_is_tracked (fd) && should_fail ("write", fd_name (fd), NULL))
    {
      errno = fault_errno;
      return -1;
    }

  return real_write (fd, buffer, count);
}

int
fsync (int fd)
{
  load_real_functions ();

  if (fd_is_tracked (fd) && should_fail ("fsync", fd_name (fd), NULL))
    {
      errno = fault_errno;
      return -1;
    }

  return real_fsync (fd);
}

int
fdatasync (int fd)
{
  load_real_functions ();

  if (fd_is_tracked (fd) && should_fail ("fdatasync", fd_name (fd), NULL))
    {
      errno = fault_errno;
      return -1;
    }

  return real_fdatasync (fd);
}

int
rename (const char *from,
        const char *to)
{
  load_real_functions ();

  if ((path_is_inside (from) || path_is_inside (to)) &&
      should_fail ("rename", from, to))
    {
      errno = fault_errno;
      return -1;
    }

  return real_rename (from, to);
}

int
renameat (int         from_dirfd,
          const char *from,
          int         to_dirfd,
          const char *to)
{
  load_real_functions ();

  if ((at_path_is_inside (from_dirfd, from) || at_path_is_inside (to_dirfd, to)) &&
      should_fail ("rename", from, to))
    {
      errno = fault_errno;
      return -1;
    }

  return real_renameat (from_dirfd, from, to_dirfd, to);
}

int
renameat2 (int           from_dirfd,
           const char   *from,
           int           to_dirfd,
           const char   *to,
           unsigned int  flags)
{
  load_real_functions ();

  if ((at_path_is_inside (from_dirfd, from) || at_path_is_inside (to_dirfd, to)) &&
      should_fail ("rename", from, to))
    {
      errno = fault_errno;
      return -1;
    }

  return real_renameat2 (from_dirfd, from, to_dirfd, to, flags);
}

/* Not counted; forgets the descriptor, whose number will be reused. */
int
close (int fd)
{
  load_real_functions ();

  if (fd >= 0 && fd < MAX_TRACKED_FDS)
    tracked_fds[fd] = 0;

  return real_close (fd);
}
