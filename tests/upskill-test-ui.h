/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-application.h"
#include "upskill-test-utils.h"

G_BEGIN_DECLS

/* Helpers shared by the tests that show widgets (under Xvfb). */

/* A new application @application_id on the program's resources,
 * registered, not unique: a test's own, beside any other instance. */
UpskillApplication *upskill_test_application_new (const char *application_id);

/* Loads the program's style sheet, as AdwApplication would: the tests
 * have no application. */
void upskill_test_load_style      (void);
/* Starts a test program that shows widgets styled as the program's:
 * gtk_test_init(), libadwaita, then the style sheet. */
void upskill_test_init_styled     (int         *argc,
                                   char      ***argv);
/* Runs the main context until @widget's frame clock painted @n_wanted
 * frames (layout and drawing happen there, not in idles), five seconds
 * at most, then flushes. */
void upskill_test_wait_for_frames (GtkWidget  *widget,
                                   guint       n_wanted);
/* Renders @widget, as shown now, to the PNG file @path. */
void upskill_test_save_png        (GtkWidget  *widget,
                                   const char *path);
/* Saves the page in @window as four pictures in @dir, light and dark,
 * 960 and 360 pixels wide and @height tall, each from the top of
 * @scrolled_window: "upskill-@page_name-light-wide.png", "-dark-wide",
 * "-light-narrow", "-dark-narrow". The dark style stays set after. */
void upskill_test_save_page_shots (GtkWindow         *window,
                                   GtkScrolledWindow *scrolled_window,
                                   const char        *dir,
                                   const char        *page_name,
                                   int                height);
/* Resizes @window until its content is @width × @height (its default
 * size counts the frame, a picture is of the content), 20 tries at most. */
void upskill_test_fit_window      (GtkWindow  *window,
                                   int         width,
                                   int         height);
/* With UPSKILL_SCREENSHOT_DIR set, waits for @widget's next frames and
 * saves it there as the PNG file @name, to look at; else does nothing. */
void upskill_test_keep_png        (GtkWidget  *widget,
                                   const char *name);
/* Waits for @widget's next frames, saves it to the PNG file @path and
 * checks that the file holds a picture. */
void upskill_test_save_screenshot (GtkWidget  *widget,
                                   const char *path);

/* Shows @page in a new window of @width × @height, inside a toast
 * overlay as in the main window, and waits until it is drawn. The
 * caller owns a reference: upskill_test_close_window() ends it. */
GtkWindow *upskill_test_show_page             (GtkWidget        *page,
                                               int               width,
                                               int               height);
/* The same, and calls @func (@page, @data) once the window's first frame
 * is painted: to check what that frame showed. */
typedef void (*UpskillTestFrameFunc) (GtkWidget *page,
                                      gpointer   data);
GtkWindow *upskill_test_show_page_watched     (GtkWidget            *page,
                                               int                   width,
                                               int                   height,
                                               UpskillTestFrameFunc  func,
                                               gpointer              data);
/* A page in a window, for the page tests. */
typedef struct
{
  UpskillTestSample  sample;  /* Dana's */
  GtkWindow         *window;
  GtkWidget         *page;
} UpskillTestPage;

/* Loads Dana's sample profile, makes a page of @type on the bundled
 * catalog and trends (and on her profile if @with_profile), and shows it
 * as upskill_test_show_page() does. */
void       upskill_test_page_set_up           (UpskillTestPage  *fixture,
                                               GType             type,
                                               gboolean          with_profile,
                                               int               width,
                                               int               height);
/* Closes the page's window, and checks that the page, the profile and
 * the trends are finalized. */
void       upskill_test_page_tear_down        (UpskillTestPage  *fixture,
                                               gconstpointer     data);

/* Destroys @window and every dialog it opened, and checks that the
 * window is finalized. */
void       upskill_test_close_window          (GtkWindow        *window);
/* Activates @action on @widget as a button or shortcut would, with
 * @parameter (which may be floating), then flushes. Fails the test when
 * the action is missing or disabled. */
void       upskill_test_activate              (GtkWidget        *widget,
                                               const char       *action,
                                               GVariant         *parameter);

/* Whether a test may open GTK's own file chooser dialog (the fallback
 * of a GtkFileChooserNative with no portal, as here). Not under
 * AddressSanitizer: GTK 4.8's dialog leaks (tree paths of its file list,
 * libcloudproviders' places) through g_malloc, which LeakSanitizer's fast
 * unwinder cannot tell from a leak of ours. */
gboolean   upskill_test_can_open_file_chooser (void);
/* Answers the open file chooser dialog (the fallback of a
 * GtkFileChooserNative with no portal) as a user saving to @path would:
 * goes to @path's folder, types its name and accepts. */
void       upskill_test_save_with_chooser     (const char       *path);
/* Answers the open file chooser dialog asking for a folder as a user
 * choosing the folder @path would: goes into it and accepts. */
void       upskill_test_choose_folder_with_chooser (const char  *path);

/* Whether @widget is the one a search looks for, by @data. */
typedef gboolean (*UpskillTestWidgetMatch) (GtkWidget     *widget,
                                            gconstpointer  data);
/* The first widget that @match takes, among @root and the widgets under
 * it, depth first in the order they are laid out; NULL if none. */
GtkWidget *upskill_test_find_widget           (GtkWidget              *root,
                                               UpskillTestWidgetMatch  match,
                                               gconstpointer           data);
/* The first widget of @type under @root (or @root itself), or NULL. */
GtkWidget *upskill_test_find_of_type          (GtkWidget        *root,
                                               GType             type);
/* How many widgets of @type there are under @root, @root included. */
guint      upskill_test_count_of_type         (GtkWidget        *root,
                                               GType             type);
/* The first widget of @type under @root (or @root itself) whose string
 * property @property is @text, or NULL: a row or group by its "title",
 * a button by its "tooltip-text". */
GtkWidget *upskill_test_find_with_text        (GtkWidget        *root,
                                               GType             type,
                                               const char       *property,
                                               const char       *text);
/* The first skill row under @root that shows the skill @skill_id, or NULL
 * after waiting 10 s for the rows the Skills page builds after its first
 * frame. */
GtkWidget *upskill_test_find_skill_row        (GtkWidget        *root,
                                               const char       *skill_id);
/* The first label under @root whose text is @text, or NULL. */
GtkLabel  *upskill_test_find_label            (GtkWidget        *root,
                                               const char       *text);
/* The first button under @root that runs @action_name, or NULL. */
GtkWidget *upskill_test_find_button_for_action (GtkWidget       *root,
                                                const char      *action_name);

/* The template child @name of @widget, built from the template of
 * @type; fails the test if there is none. */
gpointer   upskill_test_template_child        (GtkWidget        *widget,
                                               GType             type,
                                               const char       *name);

/* The first visible toplevel window of @type (a dialog a page opened),
 * or NULL. */
GtkWindow *upskill_test_find_window           (GType             type);
/* Destroys every toplevel window but @keep. */
void       upskill_test_destroy_other_windows (GtkWindow        *keep);
/* What a click on a response button of @dialog does: responds, then
 * closes; then flushes. */
void       upskill_test_respond               (AdwMessageDialog *dialog,
                                               const char       *response);

/* Called by upskill_test_foreach_shortcut() with each shortcut of
 * @widget; returns TRUE to stop there. */
typedef gboolean (*UpskillTestShortcutFunc) (GtkWidget   *widget,
                                             GtkShortcut *shortcut,
                                             gpointer     data);
/* Calls @func with each shortcut of @widget's shortcut controllers (its
 * class's and its own), until it returns TRUE; whether it did. */
gboolean   upskill_test_foreach_shortcut      (GtkWidget               *widget,
                                               UpskillTestShortcutFunc  func,
                                               gpointer                 data);
/* The key of the shortcut that @widget's class (or a controller of its
 * own) binds to @action with @target (NULL for none), as
 * gtk_accelerator_name() writes it; NULL if none does. */
char      *upskill_test_dup_shortcut          (GtkWidget        *widget,
                                               const char       *action,
                                               GVariant         *target);
/* Whether the shortcuts window @overlay lists the key @accelerator. */
gboolean   upskill_test_overlay_lists         (GtkWidget        *overlay,
                                               const char       *accelerator);

G_END_DECLS
