/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-store.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* The command line: works without a display. Each returns an exit status
 * and writes its errors to stderr in words. */

int      upskill_cli_list_profiles   (UpskillStore *store);
int      upskill_cli_import          (UpskillStore *store,
                                      const char   *path);

/* Finds a profile by id, or by name when no id matches (case-insensitive).
 * Two profiles with the same name is an error that lists their ids. */
char    *upskill_cli_resolve_profile (UpskillStore *store,
                                      const char   *name_or_id,
                                      GError      **error);

/* --export-report OUTPUT with the other options of @options (--profile,
 * --all-profiles, --paper, --no-notes, --coach): one report, or one per
 * readable profile into the folder OUTPUT. The coach's name comes from
 * --coach, else from the settings when the schema is installed. */
int      upskill_cli_export_report   (UpskillStore *store,
                                      UpskillTrends *trends,
                                      const char   *output,
                                      GVariantDict *options);

/* A fresh folder under the temporary directory holding the sample
 * profiles, for --demo and the Quick start. */
GFile   *upskill_cli_make_demo_dir   (GError      **error);
void     upskill_cli_remove_tree     (GFile        *dir);

G_END_DECLS
