/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-store.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* The command line: works without a display. Each returns an exit status
 * (0 done, 1 failed, 2 wrong usage) and writes its errors to stderr in
 * words. */

/* The options, for GApplication and for upskill_cli_check_usage(). */
const GOptionEntry *upskill_cli_get_option_entries   (void);
/* The exit statuses, in words, for --help. */
const char         *upskill_cli_get_exit_status_help (void);
/* Refuses unknown options, missing values and stray arguments with a
 * message and a hint: returns 2 then, else -1 (go on). */
int                 upskill_cli_check_usage          (int          argc,
                                                      char       **argv);

/* @text with control characters, C1 controls, line separators and
 * invalid UTF-8 written as backslash escapes: safe on a terminal. */
char    *upskill_cli_escape          (const char   *text);
/* One line (the newline is added) to stdout or stderr: formatted,
 * escaped with upskill_cli_escape(), in UTF-8. */
void     upskill_cli_print           (const char   *format,
                                      ...) G_GNUC_PRINTF (1, 2);
void     upskill_cli_printerr        (const char   *format,
                                      ...) G_GNUC_PRINTF (1, 2);

/* @format: "text" (NULL), "tsv" or "json"; rows sorted by name, then id. */
int      upskill_cli_list_profiles   (UpskillStore *store,
                                      const char   *format);
/* @if_exists: what to do with a profile that is already in @store:
 * "keep-both", "replace", "merge", or NULL to refuse. */
int      upskill_cli_import          (UpskillStore *store,
                                      const char   *path,
                                      const char   *if_exists);

/* Finds a profile by id, or by name when no id matches (case-insensitive).
 * Two profiles with the same name is an error that lists their ids. */
char    *upskill_cli_resolve_profile (UpskillStore *store,
                                      const char   *name_or_id,
                                      GError      **error);

/* --export-report OUTPUT with the other options of @options (--profile,
 * --all-profiles, --paper, --no-notes, --no-evidence,
 * --no-market-context, --coach, --date): one report (to
 * standard output when OUTPUT is "-"), or one per readable profile into
 * the folder OUTPUT. The coach's name comes from --coach, else from the
 * settings when the schema is installed. */
int      upskill_cli_export_report   (UpskillStore *store,
                                      UpskillTrends *trends,
                                      const char   *output,
                                      GVariantDict *options);

/* A fresh folder under the temporary directory holding the sample
 * profiles, for --demo and the Quick start. */
GFile   *upskill_cli_make_demo_dir   (GError      **error);
void     upskill_cli_remove_tree     (GFile        *dir);

G_END_DECLS
