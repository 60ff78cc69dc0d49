/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @url as it may be shown in a message, a label, a log line or a report:
 * without its user-info (“coach:secret@”), which often holds a password.
 * The address is stored as the user typed it; only its display changes.
 * Works on text that is not a valid address too. */
char *upskill_url_dup_display (const char *url);

G_END_DECLS
