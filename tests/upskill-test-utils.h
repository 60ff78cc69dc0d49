/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* Helpers shared by the tests. Each asserts what it needs: a test that
 * calls one fails where the helper fails. */

#define UPSKILL_TEST_SAMPLES_PATH "/com/example/Upskill/data/samples/"

/* Folders */

/* A new folder in the temporary folder, from @tmpl ("name-XXXXXX"). */
char           *upskill_test_make_tmp_dir          (const char  *tmpl);
/* Removes @path and everything below it, never following links, even
 * where a test took the permissions away. Goes on past a failure, and
 * reports the first one in @error. A @path that does not exist is fine. */
gboolean        upskill_test_remove_tree           (const char  *path,
                                                    GError     **error);
/* How many hidden or temporary files @folder holds. */
guint           upskill_test_count_temporary_files (const char  *folder);

/* Data */

/* The bundled sample profile @id, e.g. "dana-okafor". */
UpskillProfile *upskill_test_load_sample           (const char     *id);
/* The file names of the bundled samples; NULL, and the test is skipped,
 * when there are none. */
GStrv           upskill_test_list_samples          (void);
UpskillCatalog *upskill_test_catalog_new_from_json (const char     *json);
UpskillTrends  *upskill_test_trends_new_from_json  (const char     *json,
                                                    UpskillCatalog *catalog);

/* The main context */

/* Dispatches what is pending, without blocking. */
void            upskill_test_iterate               (void);
/* Dispatches what is pending a few times over: the idles that idles
 * queue (a page's coalesced refresh), then layout. */
void            upskill_test_flush                 (void);
/* Runs the main context for @ms milliseconds, so that the frame clock
 * lays out, draws and runs tick callbacks, then iterates. */
void            upskill_test_wait_ms               (guint        ms);
/* Drops @result and waits until its task is gone, with its reference to
 * the source object: the worker thread may hold the task a moment after
 * the callback ran. */
void            upskill_test_release_task          (GAsyncResult **result);

/* PDF, read back with poppler-utils */

/* Whether pdftotext and pdfinfo are installed; skips the test if not. */
gboolean        upskill_test_have_poppler          (void);
char           *upskill_test_pdf_text              (const char  *path);
char           *upskill_test_pdf_info              (const char  *path);

G_END_DECLS
