/* test-toast.c: toasts show text as written, in the overlay around them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "upskill-test-ui.h"
#include "upskill-test-utils.h"
#include "upskill-toast.h"

/* Text a profile, a file name or an error may hold, which as markup
 * would be bold, break the toast or vanish. */
#define TRICKY "Tom & <b>Jerry</b> <unclosed"

static void
test_text_as_written (void)
{
  g_autoptr(AdwToast) toast = g_object_ref_sink (upskill_toast_new (TRICKY));
  g_autoptr(AdwToast) formatted = NULL;

  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt; &lt;unclosed");

  formatted = g_object_ref_sink (upskill_toast_new_printf ("“%s” deleted", TRICKY));
  g_assert_cmpstr (adw_toast_get_title (formatted), ==,
                   "“Tom &amp; &lt;b&gt;Jerry&lt;/b&gt; &lt;unclosed” deleted");
}

/* Every "removed, with undo" toast undoes through the window's undo. */
static void
test_undo_button (void)
{
  g_autoptr(AdwToast) toast = g_object_ref_sink (upskill_toast_new ("Evidence removed"));

  upskill_toast_add_undo (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
}

/* A row deep inside a page reaches the window's overlay without knowing
 * the window; the toast reads exactly as the text was. */
static void
test_shown_in_nearest_overlay (void)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row = gtk_label_new ("A row");
  GtkWindow *window;
  GtkLabel *label;

  gtk_box_append (GTK_BOX (page), row);
  window = upskill_test_show_page (page, 600, 400);

  upskill_toast_show (row, upskill_toast_new (TRICKY));
  upskill_test_wait_for_frames (GTK_WIDGET (window), 3);

  label = upskill_test_find_label (GTK_WIDGET (window), TRICKY);
  g_assert_nonnull (label);

  upskill_test_close_window (window);
}

/* Outside any overlay (a widget being torn down) the toast is dropped,
 * not leaked. */
static void
test_dropped_without_overlay (void)
{
  g_autoptr(GtkWidget) lone = g_object_ref_sink (gtk_label_new ("Alone"));
  AdwToast *toast = upskill_toast_new ("Nowhere to go");

  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  upskill_toast_show (lone, toast);
  g_assert_null (toast);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/upskill/toast/text-as-written", test_text_as_written);
  g_test_add_func ("/upskill/toast/undo-button", test_undo_button);
  g_test_add_func ("/upskill/toast/shown-in-nearest-overlay", test_shown_in_nearest_overlay);
  g_test_add_func ("/upskill/toast/dropped-without-overlay", test_dropped_without_overlay);

  return g_test_run ();
}
