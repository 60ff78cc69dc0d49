/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "upskill-date.h"
#include "upskill-note-dialog.h"

struct _UpskillNoteDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *date_entry;
  GtkRevealer      *date_error_revealer;
  GtkCalendar      *calendar;
  GtkPopover       *calendar_popover;
  GtkTextView      *text_view;
};

G_DEFINE_FINAL_TYPE (UpskillNoteDialog, upskill_note_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Strictly YYYY-MM-DD (g_date_set_parse() would guess by locale). */
static gboolean
parse_day (const char *text,
           GDateTime **out_day)
{
  guint year, month, day;
  char end;

  if (text == NULL
      || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy (day, month, year)
      || year < UPSKILL_DATE_MIN_YEAR
      || year > UPSKILL_DATE_MAX_YEAR)
    return FALSE;

  if (out_day != NULL)
    *out_day = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return TRUE;
}

static void
update_response (UpskillNoteDialog *self)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  gboolean date_valid = parse_day (date_text, NULL);
  gboolean date_typed = date_text[0] != '\0';
  g_autofree char *text = upskill_note_dialog_dup_text (self);

  g_strstrip (text);

  if (date_valid || !date_typed)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
  /* Wait for a whole date before complaining. */
  gtk_revealer_set_reveal_child (self->date_error_revealer,
                                 !date_valid && strlen (date_text) >= 10);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           date_valid && text[0] != '\0');
}

static void
on_date_changed (UpskillNoteDialog *self)
{
  update_response (self);
}

static void
on_calendar_shown (UpskillNoteDialog *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (parse_day (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &day))
    {
      g_autoptr(GDateTime) local = g_date_time_new_local (g_date_time_get_year (day),
                                                          g_date_time_get_month (day),
                                                          g_date_time_get_day_of_month (day),
                                                          12, 0, 0);

      gtk_calendar_select_day (self->calendar, local);
    }
}

static void
on_day_selected (UpskillNoteDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
upskill_note_dialog_class_init (UpskillNoteDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, date_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}

static void
upskill_note_dialog_init (UpskillNoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (update_response), self, G_CONNECT_SWAPPED);
  update_response (self);
}

UpskillNoteDialog *
upskill_note_dialog_new (GtkWindow  *parent,
                         gint64      date,
                         const char *text)
{
  UpskillNoteDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (UPSKILL_TYPE_NOTE_DIALOG,
                       "transient-for", parent,
                       NULL);

  upskill_note_dialog_set_date (self, date);
  if (text != NULL)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Session Note"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
      upskill_note_dialog_set_text (self, text);
    }

  return self;
}

gint64
upskill_note_dialog_get_date (UpskillNoteDialog *self)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), -1);

  if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &day))
    return -1;

  return g_date_time_to_unix (day);
}

void
upskill_note_dialog_set_date (UpskillNoteDialog *self,
                              gint64             date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));

  day = g_date_time_new_from_unix_utc (date);
  if (day == NULL)
    return;

  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
}

char *
upskill_note_dialog_dup_text (UpskillNoteDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
upskill_note_dialog_set_text (UpskillNoteDialog *self,
                              const char        *text)
{
  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            text != NULL ? text : "", -1);
}
