/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-application.h"
#include "upskill-test-ui.h"
#include "upskill-window-private.h"

G_BEGIN_DECLS

/* The window tests' fixture: a window of a fresh application on a data
 * folder of its own in the temporary folder. */
typedef struct
{
  char               *data_dir;
  char               *profiles_dir;  /* data_dir/profiles */
  UpskillApplication *application;
  UpskillWindow      *window;
} UpskillTestWindow;

/* Makes the data folder from @tmpl ("name-XXXXXX") and points
 * UPSKILL_DATA_DIR at it, resets the window's remembered state, copies
 * the bundled samples into it if @with_samples, and registers a new
 * application. Opens no window. */
void            upskill_test_window_set_up        (UpskillTestWindow *fixture,
                                                   const char        *tmpl,
                                                   gboolean           with_samples);
/* Closes the window and every other one, drops the application and
 * removes the data folder. */
void            upskill_test_window_tear_down     (UpskillTestWindow *fixture);

/* The set-up and tear-down for g_test_add(): the above, with the samples
 * if @with_samples is GINT_TO_POINTER (TRUE), and a window open. */
void            upskill_test_window_fixture_set_up    (UpskillTestWindow *fixture,
                                                       gconstpointer      with_samples);
void            upskill_test_window_fixture_tear_down (UpskillTestWindow *fixture,
                                                       gconstpointer      data);

/* Opens a new window of the fixture's application and waits until it
 * has listed the profiles and loaded the one it shows. */
UpskillWindow  *upskill_test_window_open          (UpskillTestWindow *fixture);
/* Closes the window as the user does (close-request) and waits until it
 * is finalized, and with it every pending save. */
void            upskill_test_window_close         (UpskillTestWindow *fixture);

/* Closes the window and opens a new one of @width × @height in the
 * light or @dark style, and waits until it shows a profile: for a
 * screenshot. */
void            upskill_test_window_reopen        (UpskillTestWindow *fixture,
                                                   int                width,
                                                   int                height,
                                                   gboolean           dark);

/* Where a render test saves the window's pictures, and their size: with
 * UPSKILL_SCREENSHOT_DIR=data/screenshots, those of the metainfo, 1200×800
 * (run Xvfb with a screen taller than 800 pixels); otherwise smaller
 * ones, 960×640, in the fixture's data folder. */
const char     *upskill_test_window_screenshot_dir (UpskillTestWindow *fixture,
                                                    int               *width,
                                                    int               *height);
/* Fits the window to @width × @height, checks that it is that size and
 * saves it as @dir/@name. */
void            upskill_test_window_save_screenshot (UpskillTestWindow *fixture,
                                                     const char        *dir,
                                                     const char        *name,
                                                     int                width,
                                                     int                height);

/* Where the profile @id is saved. */
char           *upskill_test_window_profile_path  (UpskillTestWindow *fixture,
                                                   const char        *id);
/* The profile @id as saved on disk now. */
UpskillProfile *upskill_test_window_read_profile  (UpskillTestWindow *fixture,
                                                   const char        *id);
/* How many profiles the sidebar shows. */
guint           upskill_test_window_n_visible     (UpskillTestWindow *fixture);
gboolean        upskill_test_window_is_ready      (UpskillWindow     *window);
/* Whether @window is ready and shows the profile @id. */
gboolean        upskill_test_window_is_showing    (UpskillWindow     *window,
                                                   const char        *id);
/* Selects the profile @id in @window's sidebar, as a click does, and
 * waits until the window shows it. */
void            upskill_test_window_select        (UpskillWindow     *window,
                                                   const char        *id);

/* The words the window tests use for the above, so that a test reads as
 * a user's steps: WAIT_UNTIL (showing (fixture->window, "li-wei")). */
#define WAIT_UNTIL(condition)     UPSKILL_TEST_WAIT_UNTIL (condition)
#define open_window(fixture)      upskill_test_window_open (fixture)
#define close_window(fixture)     upskill_test_window_close (fixture)
#define profile_path(fixture, id) upskill_test_window_profile_path (fixture, id)
#define read_profile(fixture, id) upskill_test_window_read_profile (fixture, id)
#define n_visible(fixture)        upskill_test_window_n_visible (fixture)
#define window_ready(window)      upskill_test_window_is_ready (window)
#define showing(window, id)       upskill_test_window_is_showing (window, id)

G_END_DECLS
