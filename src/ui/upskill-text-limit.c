/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-format.h"
#include "upskill-text-limit.h"

/* The count appears when this much of the limit is used. */
#define HINT_FROM(max_chars) ((max_chars) - (max_chars) / 10)

static void
update_hint (GtkLabel *hint,
             guint     n_chars,
             guint     max_chars)
{
  gboolean near = n_chars >= HINT_FROM (max_chars);

  if (near)
    {
      g_autofree char *used = upskill_format_number (n_chars);
      g_autofree char *most = upskill_format_number (max_chars);
      /* TRANSLATORS: how much of a field's limit is used: "195 of 200 characters" */
      g_autofree char *text = g_strdup_printf (_("%1$s of %2$s characters"), used, most);

      gtk_label_set_text (hint, text);
    }

  if (n_chars >= max_chars)
    gtk_widget_add_css_class (GTK_WIDGET (hint), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (hint), "warning");
  gtk_widget_set_visible (GTK_WIDGET (hint), near);
}

/* Entry rows */

static void
on_entry_row_changed (GtkEditable *editable,
                      GtkLabel    *hint)
{
  guint max_chars = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (hint), "max-chars"));

  update_hint (hint, g_utf8_strlen (gtk_editable_get_text (editable), -1), max_chars);
}

void
upskill_text_limit_set_entry_row (AdwEntryRow *row,
                                  guint        max_chars)
{
  GtkEditable *delegate;
  GtkWidget *hint;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (max_chars > 0 && max_chars <= G_MAXUINT16);

  /* The row types into a GtkText, which stops at its maximum length (a
   * paste is cut there) and rings the bell. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  gtk_text_set_max_length (GTK_TEXT (delegate), (int) max_chars);

  hint = gtk_label_new (NULL);
  gtk_widget_set_valign (hint, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "upskill-text-limit");
  g_object_set_data (G_OBJECT (hint), "max-chars", GUINT_TO_POINTER (max_chars));
  adw_entry_row_add_suffix (row, hint);
  g_object_set_data (G_OBJECT (row), "upskill-text-limit-hint", hint);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_row_changed), hint, 0);
  on_entry_row_changed (GTK_EDITABLE (row), GTK_LABEL (hint));
}

/* Text views */

typedef struct
{
  GtkLabel *hint;       /* weak: it lives beside the view */
  guint     max_chars;
} ViewLimit;

static void
view_limit_free (gpointer data)
{
  ViewLimit *limit = data;

  g_clear_weak_pointer (&limit->hint);
  g_free (limit);
}

static void
on_buffer_insert_text (GtkTextBuffer *buffer,
                       GtkTextIter   *location,
                       const char    *text,
                       int            length,
                       GtkTextView   *view)
{
  ViewLimit *limit = g_object_get_data (G_OBJECT (view), "upskill-text-limit");
  int n_chars = gtk_text_buffer_get_char_count (buffer);
  glong n_inserted = g_utf8_strlen (text, length);
  glong room = (glong) limit->max_chars - n_chars;

  if (n_inserted <= room)
    return;

  /* Keep what fits, as GtkText does for an entry, then ring the bell. */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (room > 0)
    {
      const char *end = g_utf8_offset_to_pointer (text, room);

      g_signal_handlers_block_by_func (buffer, on_buffer_insert_text, view);
      gtk_text_buffer_insert (buffer, location, text, (int) (end - text));
      g_signal_handlers_unblock_by_func (buffer, on_buffer_insert_text, view);
    }
  gtk_widget_error_bell (GTK_WIDGET (view));
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   GtkTextView   *view)
{
  ViewLimit *limit = g_object_get_data (G_OBJECT (view), "upskill-text-limit");

  if (limit->hint != NULL)
    update_hint (limit->hint, gtk_text_buffer_get_char_count (buffer), limit->max_chars);
}

void
upskill_text_limit_set_text_view (GtkTextView *view,
                                  GtkLabel    *hint,
                                  guint        max_chars)
{
  GtkTextBuffer *buffer;
  ViewLimit *limit;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (GTK_IS_LABEL (hint));
  g_return_if_fail (max_chars > 0);

  limit = g_new0 (ViewLimit, 1);
  g_set_weak_pointer (&limit->hint, hint);
  limit->max_chars = max_chars;
  g_object_set_data_full (G_OBJECT (view), "upskill-text-limit", limit, view_limit_free);

  buffer = gtk_text_view_get_buffer (view);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (on_buffer_insert_text), view, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), view, 0);
  on_buffer_changed (buffer, view);
}
