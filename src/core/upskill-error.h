/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UPSKILL_ERROR (upskill_error_quark ())

/* One rule for messages: the layer that does the work writes the whole
 * sentence, "Could not save “dana-okafor.json”: No space left on device",
 * naming the file by its display name (g_filename_display_name(), so
 * that any file name is valid UTF-8) and saying why. Whoever shows the
 * error — a toast, a row, the command line — shows error->message as it
 * is, never with a "Could not …" of its own in front ("Could not save
 * “Dana Okafor”: Could not save “dana-okafor.json”: …"). Messages from
 * GLib and GIO say only why; those get the layer's own sentence around
 * them. */

typedef enum
{
  UPSKILL_ERROR_INVALID_DATA,     /* wrong types, missing fields, bad values */
  UPSKILL_ERROR_UNKNOWN_REFERENCE,/* an id that names nothing */
  UPSKILL_ERROR_CYCLE,            /* a prerequisite cycle */
  UPSKILL_ERROR_TOO_LARGE,        /* over the size cap */
  UPSKILL_ERROR_TOO_DEEP,         /* nested deeper than the depth cap */
  UPSKILL_ERROR_NOT_JSON,         /* not parseable as JSON */
  UPSKILL_ERROR_WRONG_FORMAT,     /* a JSON file of another kind */
  UPSKILL_ERROR_FUTURE_VERSION,   /* written by a newer Upskill */
  UPSKILL_ERROR_NOT_FOUND,        /* no such profile */
  UPSKILL_ERROR_IO,               /* reading or writing failed */
  UPSKILL_ERROR_CHANGED_ON_DISK,  /* the file is no longer the version read */
  UPSKILL_ERROR_DELETED_ON_DISK,  /* the file read was deleted meanwhile */
  UPSKILL_ERROR_EXISTS,           /* a profile with that id is already there */
} UpskillError;

GQuark upskill_error_quark (void);

/* @file's name as a message shows it: valid UTF-8 whatever the bytes. */
char  *upskill_file_dup_display_name (GFile *file);

G_END_DECLS
