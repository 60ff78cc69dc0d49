/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "upskill-date.h"
#include "upskill-note-dialog.h"
#include "upskill-profile.h"
#include "upskill-text-limit.h"

struct _UpskillNoteDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *date_entry;
  GtkRevealer      *date_error_revealer;
  GtkLabel         *date_error_label;
  GtkCalendar      *calendar;
  GtkPopover       *calendar_popover;
  GtkTextView      *text_view;
  GtkLabel         *text_limit_label;
};

G_DEFINE_FINAL_TYPE (UpskillNoteDialog, upskill_note_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* A day typed in the locale's numeric form ("16.12.2026" in German) or
 * as year-month-day, at midnight UTC as notes keep it. */
static gboolean
parse_day (const char *text,
           GDateTime **out_day)
{
  GDate date;

  if (!upskill_date_parse_numeric (text, &date)
      || g_date_get_year (&date) < UPSKILL_DATE_MIN_YEAR
      || g_date_get_year (&date) > UPSKILL_DATE_MAX_YEAR)
    return FALSE;

  if (out_day != NULL)
    *out_day = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 0, 0, 0);

  return TRUE;
}

static char *
format_day (int year,
            int month,
            int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return upskill_date_format_numeric (&date);
}

/* A session note is about a session that took place: not after today. */
static gboolean
is_future (GDateTime *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (day), today_year = g_date_time_get_year (now);

  if (year != today_year)
    return year > today_year;

  return g_date_time_get_day_of_year (day) > g_date_time_get_day_of_year (now);
}

static void
update_response (UpskillNoteDialog *self)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  g_autoptr(GDateTime) day = NULL;
  gboolean date_readable = parse_day (date_text, &day);
  gboolean future = date_readable && is_future (day);
  gboolean date_valid = date_readable && !future;
  gboolean date_typed = date_text[0] != '\0';
  g_autofree char *text = upskill_note_dialog_dup_text (self);

  g_strstrip (text);

  if (date_valid || !date_typed)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");

  if (future)
    gtk_label_set_text (self->date_error_label,
                        _("This day has not come yet: a session note is for a session that took place. Choose today or an earlier day."));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *hint = upskill_date_numeric_hint ();
      g_autofree char *example = format_day (g_date_time_get_year (now), g_date_time_get_month (now),
                                             g_date_time_get_day_of_month (now));
      g_autofree char *message = NULL;

      /* Translators: how to write a day, e.g. "Write the day as
       * DD.MM.YYYY, like 16.12.2026, between the years 1900 and 2200." */
      message = g_strdup_printf (_("Write the day as %s, like %s, between the years %d and %d."),
                                 hint, example, UPSKILL_DATE_MIN_YEAR, UPSKILL_DATE_MAX_YEAR);
      gtk_label_set_text (self->date_error_label, message);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  !date_valid && date_typed ? gtk_label_get_text (self->date_error_label) : "",
                                  -1);
  /* Wait for a whole date before complaining, unless it is one. */
  gtk_revealer_set_reveal_child (self->date_error_revealer,
                                 future || (!date_valid && strlen (date_text) >= 10));

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
  g_autofree char *text = format_day (g_date_time_get_year (day), g_date_time_get_month (day),
                                      g_date_time_get_day_of_month (day));

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
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, text_limit_label);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}

static void
upskill_note_dialog_init (UpskillNoteDialog *self)
{
  g_autofree char *hint = upskill_date_numeric_hint ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_entry_set_placeholder_text (self->date_entry, hint);
  upskill_text_limit_set_text_view (self->text_view, self->text_limit_label,
                                    UPSKILL_PROFILE_TEXT_MAX_CHARS);

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

  text = format_day (g_date_time_get_year (day), g_date_time_get_month (day),
                    g_date_time_get_day_of_month (day));
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
