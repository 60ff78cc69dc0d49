/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-store.h"
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

/* Fixtures */

/* A store on a data folder of its own. */
typedef struct
{
  char         *base;      /* a new temporary folder */
  char         *dir;       /* base/data, the data folder (not made yet) */
  char         *profiles;  /* dir/profiles */
  GFile        *data_dir;
  UpskillStore *store;
} UpskillTestStore;

/* The set-up and tear-down below, for g_test_add(). */
void            upskill_test_store_fixture_set_up    (UpskillTestStore *fixture,
                                                      gconstpointer     data);
void            upskill_test_store_fixture_tear_down (UpskillTestStore *fixture,
                                                      gconstpointer     data);
/* Makes the temporary folder from @tmpl ("name-XXXXXX") and a store on
 * the data folder inside it. */
void            upskill_test_store_set_up          (UpskillTestStore *fixture,
                                                    const char       *tmpl);
/* Waits until no worker thread holds the store (a task may hold it a
 * moment after its callback ran), checks that it is finalized and
 * removes the temporary folder. */
void            upskill_test_store_tear_down       (UpskillTestStore *fixture);

/* The bundled catalog and trends, and a folder to write reports into. */
typedef struct
{
  UpskillCatalog *catalog;
  UpskillTrends  *trends;
  char           *dir;
} UpskillTestReport;

void            upskill_test_report_set_up         (UpskillTestReport *fixture,
                                                    const char        *tmpl);
void            upskill_test_report_tear_down      (UpskillTestReport *fixture);
/* The same for g_test_add(). */
void            upskill_test_report_fixture_set_up    (UpskillTestReport *fixture,
                                                       gconstpointer      data);
void            upskill_test_report_fixture_tear_down (UpskillTestReport *fixture,
                                                       gconstpointer      data);
/* Adds the test @func, run on a UpskillTestReport fixture. */
#define UPSKILL_TEST_ADD_REPORT(path, func) \
  g_test_add (path, UpskillTestReport, NULL, upskill_test_report_fixture_set_up, func, \
              upskill_test_report_fixture_tear_down)

/* The headings of a report's sections, in order. */
#define UPSKILL_TEST_REPORT_SECTIONS \
  "Next 90 days", "Summary", "Strengths", "Skills profile", "Gaps", "Learning path", \
  "Progress over time", "Since the last session", "Session notes", "Market context", \
  "Level definitions", "Sign-off"

/* A catalog and a new profile on it. */
typedef struct
{
  UpskillCatalog *catalog;
  UpskillProfile *profile;
} UpskillTestProfile;

/* Loads the catalog @catalog_json and makes a new profile aiming at the
 * role @role_id, as upskill_test_new_profile() does. */
void            upskill_test_profile_set_up        (UpskillTestProfile *fixture,
                                                    const char         *catalog_json,
                                                    const char         *role_id);
/* Checks that the test held on to neither the profile nor the catalog. */
void            upskill_test_profile_tear_down     (UpskillTestProfile *fixture,
                                                    gconstpointer       data);

/* The bundled catalog and trends, and a sample profile. */
typedef struct
{
  UpskillCatalog *catalog;
  UpskillTrends  *trends;
  UpskillProfile *profile;
} UpskillTestSample;

/* Loads the bundled trends and the sample profile @sample_id (a string,
 * e.g. "dana-okafor"). */
void            upskill_test_sample_set_up         (UpskillTestSample *fixture,
                                                    gconstpointer      sample_id);
/* Checks that the test held on to neither the profile nor the trends. */
void            upskill_test_sample_tear_down      (UpskillTestSample *fixture,
                                                    gconstpointer      sample_id);
/* Adds the test @func, run on a UpskillTestSample fixture of @sample_id. */
#define UPSKILL_TEST_ADD_SAMPLE(path, sample_id, func) \
  g_test_add (path, UpskillTestSample, sample_id, upskill_test_sample_set_up, func, upskill_test_sample_tear_down)

/* Data */

/* A new profile "test" ("Test Person") aiming at the role @role_id, or at
 * none if NULL. */
UpskillProfile *upskill_test_new_profile           (const char     *role_id);

/* The bundled sample profile @id, e.g. "dana-okafor". */
UpskillProfile *upskill_test_load_sample           (const char     *id);
/* The file names of the bundled samples; NULL, and the test is skipped,
 * when there are none. */
GStrv           upskill_test_list_samples          (void);
UpskillCatalog *upskill_test_catalog_new_from_json (const char     *json);
/* The profile of @json, read as the file @file_name; fails the test if
 * it does not load. */
UpskillProfile *upskill_test_profile_new_from_json (const char     *json,
                                                    const char     *file_name);
/* Where the profile @id is saved in the folder @profiles. */
char           *upskill_test_profile_path          (const char     *profiles,
                                                    const char     *id);
/* Whether the profile @id has a file in the folder @profiles. */
gboolean        upskill_test_profile_file_exists   (const char     *profiles,
                                                    const char     *id);
/* What the file @path holds; fails the test if it cannot be read. */
GBytes         *upskill_test_read_bytes            (const char     *path);
/* The summary of the file @file_name in a store's list; fails the test
 * if there is none. */
UpskillProfileSummary *upskill_test_find_summary   (GPtrArray      *summaries,
                                                    const char     *file_name);
UpskillTrends  *upskill_test_trends_new_from_json  (const char     *json,
                                                    UpskillCatalog *catalog);

/* The start of a catalog small enough to compute by hand, to go on with
 * the roles and modules a test needs (", {role}], \"modules\": […]}").
 * Areas py (py-core, py-data and @more_python, a JSON list tail such as
 * ",{skill}" or ""), ml (ml-torch, ml-eval) and sec (sec-llm); role
 * "ml-eng" targets py-core 4, py-data 3, ml-torch 4, ml-eval 2, sec-llm 2
 * (15 levels) and weighs py 1.0, ml 2.0 and sec 0.5. */
#define UPSKILL_TEST_SMALL_CATALOG_START(more_python) \
  "{\"format\": \"upskill-catalog\", \"version\": 1,"                                                  \
  " \"areas\": ["                                                                                      \
  "  {\"id\": \"py\", \"name\": \"Python\", \"summary\": \"s\", \"article_basis\": \"b\","             \
  "   \"skills\": ["                                                                                   \
  "     {\"id\": \"py-core\", \"name\": \"Core\", \"description\": \"d\"},"                            \
  "     {\"id\": \"py-data\", \"name\": \"Data\", \"description\": \"d\"}" more_python "]},"           \
  "  {\"id\": \"ml\", \"name\": \"ML\", \"summary\": \"s\", \"article_basis\": \"b\","                 \
  "   \"skills\": ["                                                                                   \
  "     {\"id\": \"ml-torch\", \"name\": \"PyTorch\", \"description\": \"d\"},"                        \
  "     {\"id\": \"ml-eval\", \"name\": \"Evaluation\", \"description\": \"d\"}]},"                    \
  "  {\"id\": \"sec\", \"name\": \"Security\", \"summary\": \"s\", \"article_basis\": \"b\","          \
  "   \"skills\": ["                                                                                   \
  "     {\"id\": \"sec-llm\", \"name\": \"LLM threats\", \"description\": \"d\"}]}],"                  \
  " \"roles\": ["                                                                                      \
  "  {\"id\": \"ml-eng\", \"name\": \"ML Engineer\", \"description\": \"d\","                          \
  "   \"area_weights\": {\"py\": 1.0, \"ml\": 2.0, \"sec\": 0.5},"                                     \
  "   \"targets\": {\"py-core\": 4, \"py-data\": 3, \"ml-torch\": 4, \"ml-eval\": 2, \"sec-llm\": 2}}"

/* The start of a trend feed ("Test article") of one section, "s1", to go
 * on with its claims ("{claim}, …]}"). */
#define UPSKILL_TEST_TRENDS_START \
  "{\"format\": \"upskill-trends\", \"version\": 1,"                    \
  " \"source\": {\"title\": \"Test article\", \"kind\": \"article\"}," \
  " \"sections\": [{\"id\": \"s1\", \"title\": \"Section\"}],"       \
  " \"claims\": ["

/* The main context */

/* Dispatches what is pending, without blocking. */
void            upskill_test_iterate               (void);
/* Dispatches what is pending a few times over: the idles that idles
 * queue (a page's coalesced refresh), then layout. */
void            upskill_test_flush                 (void);
/* Runs the main context for @ms milliseconds, so that the frame clock
 * lays out, draws and runs tick callbacks, then iterates. */
void            upskill_test_wait_ms               (guint        ms);
/* Iterates the main context until @condition holds; fails the test
 * after 20 seconds (or @seconds). */
#define UPSKILL_TEST_WAIT_UNTIL(condition) UPSKILL_TEST_WAIT_UNTIL_FOR (condition, 20)
#define UPSKILL_TEST_WAIT_UNTIL_FOR(condition, seconds) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    guint wait_tick_ = upskill_test_add_wake_up (); \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > wait_end_) \
          g_error ("Timed out waiting for: %s", #condition); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wait_tick_); \
  } G_STMT_END
/* A source that wakes the main context every 10 ms, so that a wait
 * looks at its condition again; remove it with g_source_remove(). */
guint           upskill_test_add_wake_up           (void);
/* Drops @result and waits until its task is gone, with its reference to
 * the source object: the worker thread may hold the task a moment after
 * the callback ran. */
void            upskill_test_release_task          (GAsyncResult **result);

/* Waits until nothing but the caller holds @object: a worker thread may
 * hold its task, and so its source object, a moment after the callback
 * ran. Fails the test after 20 seconds. */
void            upskill_test_wait_for_release      (gpointer      object);

/* Starts a test program that reads the translations built in this tree
 * (UPSKILL_LOCALE_DIR), in UTF-8: g_test_init(), then gettext's binding. */
void            upskill_test_init_translated       (int          *argc,
                                                    char       ***argv);

/* How many times @needle stands in @text. */
guint           upskill_test_count                 (const char   *text,
                                                    const char   *needle);

/* Whether this program was built with AddressSanitizer. */
gboolean        upskill_test_running_under_asan    (void);

/* PDF, read back with poppler-utils */

/* Runs argv[0], found in PATH, to its end, with what it writes to its
 * standard output in @out and to its standard error in @err; whether it
 * exited with status 0. Fails the test if it cannot be run. */
gboolean        upskill_test_spawn                 (const char * const *argv,
                                                    char              **out,
                                                    char              **err);
/* Whether pdftotext and pdfinfo are installed; skips the test if not. */
gboolean        upskill_test_have_poppler          (void);
char           *upskill_test_pdf_text              (const char  *path);
char           *upskill_test_pdf_info              (const char  *path);

G_END_DECLS
