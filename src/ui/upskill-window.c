/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-window.h"

struct _UpskillWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (UpskillWindow, upskill_window, ADW_TYPE_APPLICATION_WINDOW)

static void
upskill_window_class_init (UpskillWindowClass *klass)
{
}

static void
upskill_window_init (UpskillWindow *self)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Upskill"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), page);
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
}

UpskillWindow *
upskill_window_new (UpskillApplication *application)
{
  return g_object_new (UPSKILL_TYPE_WINDOW, "application", application, NULL);
}
