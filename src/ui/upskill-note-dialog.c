/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "upskill-accessible.h"
#include "upskill-date.h"
#include "upskill-format.h"
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
  GtkEntry         *focus_entry;
  GtkLabel         *text_limit_label;
  GtkWidget        *previous_box;
  GtkListBox       *previous_list;
  GtkListBox       *actions_list;
  GtkEntry         *next_entry;
  AdwComboRow      *privacy_row;

  guint             n_previous;
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
format_day (GDateTime *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));

  return upskill_date_format_numeric (&date);
}

/* The day of @date (unix seconds, UTC) as the entries show it; NULL for
 * a time GDateTime cannot hold. */
static char *
format_unix_day (gint64 date)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (date);

  return day != NULL ? format_day (day) : NULL;
}

/* The day written in @entry, in unix seconds; -1 when it is not one. */
static gint64
entry_get_unix_day (GtkEditable *entry)
{
  g_autoptr(GDateTime) day = NULL;

  if (!parse_day (gtk_editable_get_text (entry), &day))
    return -1;

  return g_date_time_to_unix (day);
}

/* Writes the day of @date in @entry; a time GDateTime cannot hold leaves
 * the entry as it was. */
static void
entry_set_unix_day (GtkEditable *entry,
                    gint64       date)
{
  g_autofree char *text = format_unix_day (date);

  if (text != NULL)
    gtk_editable_set_text (entry, text);
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

/* An optional day: empty, or a day that parse_day() reads. Marks the
 * entry while it is neither. */
static gboolean
check_optional_day (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean valid = text[0] == '\0' || parse_day (text, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");

  return valid;
}

static gboolean
optional_days_valid (UpskillNoteDialog *self)
{
  gboolean valid = check_optional_day (self->next_entry);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    valid &= check_optional_day (g_object_get_data (G_OBJECT (row), "due-entry"));

  return valid;
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
      g_autofree char *example = format_day (now);
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
                                           date_valid && text[0] != '\0' &&
                                           optional_days_valid (self));
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
  g_autofree char *text = format_day (day);

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_popover_popdown (self->calendar_popover);
}

static GtkStringList *
new_status_model (void)
{
  const char *labels[] = {
    upskill_action_status_get_label (UPSKILL_ACTION_OPEN),
    upskill_action_status_get_label (UPSKILL_ACTION_DONE),
    upskill_action_status_get_label (UPSKILL_ACTION_DROPPED),
    NULL,
  };

  return gtk_string_list_new (labels);
}

static void
on_remove_action_clicked (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  UpskillNoteDialog *self = UPSKILL_NOTE_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (list),
                                                                          UPSKILL_TYPE_NOTE_DIALOG));

  gtk_list_box_remove (list, row);
  gtk_widget_set_visible (GTK_WIDGET (list), gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
  update_response (self);
}

/* One agreed action: what, by when, how it stands, and whether the
 * client sees it. Two lines, to fit the dialog's width. */
static GtkWidget *
create_action_row (UpskillNoteDialog   *self,
                   const UpskillAction *action)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text_entry = gtk_entry_new ();
  GtkWidget *due_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *status = NULL;
  GtkWidget *private_toggle = gtk_toggle_button_new ();
  g_autofree char *hint = upskill_date_numeric_hint ();
  g_autofree char *due_placeholder = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_entry_set_max_length (GTK_ENTRY (text_entry), UPSKILL_PROFILE_LINE_MAX_CHARS);
  gtk_entry_set_placeholder_text (GTK_ENTRY (text_entry), _("What was agreed"));
  gtk_widget_set_hexpand (text_entry, TRUE);
  upskill_accessible_set_label (text_entry, _("Agreed action"));
  gtk_box_append (GTK_BOX (first), text_entry);

  gtk_widget_set_tooltip_text (remove, _("Remove Action"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_action_clicked), NULL);
  gtk_box_append (GTK_BOX (first), remove);

  gtk_entry_set_max_length (GTK_ENTRY (due_entry), 10);
  gtk_editable_set_width_chars (GTK_EDITABLE (due_entry), 11);
  /* Translators: the placeholder of an action's due date, %s how to write a day. */
  due_placeholder = g_strdup_printf (_("Due %s"), hint);
  gtk_entry_set_placeholder_text (GTK_ENTRY (due_entry), due_placeholder);
  upskill_accessible_set_label (due_entry, _("Due date (optional)"));
  g_signal_connect_object (due_entry, "changed", G_CALLBACK (update_response), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (second), due_entry);

  {
    g_autoptr(GtkStringList) model = new_status_model ();

    status = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  }
  gtk_widget_set_hexpand (status, TRUE);
  upskill_accessible_set_label (status, _("Status"));
  gtk_box_append (GTK_BOX (second), status);

  gtk_button_set_icon_name (GTK_BUTTON (private_toggle), "changes-prevent-symbolic");
  /* In a shared note, one action may still be the coach's alone. */
  gtk_widget_set_tooltip_text (private_toggle, _("Private: Coach Only"));
  gtk_box_append (GTK_BOX (second), private_toggle);

  if (action != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (text_entry), action->text);
      if (action->due != 0)
        entry_set_unix_day (GTK_EDITABLE (due_entry), action->due);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), action->status);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_toggle), action->private);
      g_object_set_data_full (G_OBJECT (row), "action-id", g_strdup (action->id), g_free);
    }

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "text-entry", text_entry);
  g_object_set_data (G_OBJECT (row), "due-entry", due_entry);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "private", private_toggle);

  return row;
}

static void
on_add_action_clicked (UpskillNoteDialog *self)
{
  GtkWidget *row = upskill_note_dialog_add_action (self, NULL);

  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "text-entry"));
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
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, focus_entry);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, text_limit_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, previous_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, previous_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, actions_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, next_entry);
  gtk_widget_class_bind_template_child (widget_class, UpskillNoteDialog, privacy_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action_clicked);
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
  gtk_entry_set_placeholder_text (self->next_entry, hint);
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
  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), -1);

  return entry_get_unix_day (GTK_EDITABLE (self->date_entry));
}

void
upskill_note_dialog_set_date (UpskillNoteDialog *self,
                              gint64             date)
{
  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));

  entry_set_unix_day (GTK_EDITABLE (self->date_entry), date);
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

gboolean
upskill_note_dialog_get_private (UpskillNoteDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), TRUE);

  return adw_combo_row_get_selected (self->privacy_row) == 1;
}

char *
upskill_note_dialog_dup_focus (UpskillNoteDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->focus_entry))));
}

void
upskill_note_dialog_set_focus (UpskillNoteDialog *self,
                               const char        *focus)
{
  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->focus_entry), focus != NULL ? focus : "");
}

void
upskill_note_dialog_set_private (UpskillNoteDialog *self,
                                 gboolean           private_)
{
  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));

  adw_combo_row_set_selected (self->privacy_row, private_ ? 1 : 0);
}

gint64
upskill_note_dialog_get_next_session (UpskillNoteDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), -1);

  if (gtk_editable_get_text (GTK_EDITABLE (self->next_entry))[0] == '\0')
    return 0;

  return entry_get_unix_day (GTK_EDITABLE (self->next_entry));
}

void
upskill_note_dialog_set_next_session (UpskillNoteDialog *self,
                                      gint64             date)
{
  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));

  /* 0: none planned. */
  gtk_editable_set_text (GTK_EDITABLE (self->next_entry), "");
  if (date != 0)
    entry_set_unix_day (GTK_EDITABLE (self->next_entry), date);
}

GtkWidget *
upskill_note_dialog_add_action (UpskillNoteDialog   *self,
                                const UpskillAction *action)
{
  GtkWidget *row;

  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), NULL);

  row = create_action_row (self, action);
  gtk_list_box_append (self->actions_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), TRUE);
  update_response (self);

  return row;
}

GPtrArray *
upskill_note_dialog_dup_actions (UpskillNoteDialog *self)
{
  GPtrArray *actions;

  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), NULL);

  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_action_free);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *text_entry = g_object_get_data (G_OBJECT (row), "text-entry");
      GtkEditable *due_entry = g_object_get_data (G_OBJECT (row), "due-entry");
      GtkDropDown *status = g_object_get_data (G_OBJECT (row), "status");
      GtkToggleButton *private_toggle = g_object_get_data (G_OBJECT (row), "private");
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (text_entry)));
      g_autoptr(GDateTime) due = NULL;

      /* A row left empty was not an agreement. */
      if (text[0] == '\0')
        continue;

      parse_day (gtk_editable_get_text (due_entry), &due);
      g_ptr_array_add (actions,
                       upskill_action_new (g_object_get_data (G_OBJECT (row), "action-id"),
                                           text,
                                           due != NULL ? g_date_time_to_unix (due) : 0,
                                           MIN (gtk_drop_down_get_selected (status), UPSKILL_ACTION_DROPPED),
                                           gtk_toggle_button_get_active (private_toggle)));
    }

  return actions;
}

void
upskill_note_dialog_set_previous_actions (UpskillNoteDialog *self,
                                          GPtrArray         *actions)
{
  GtkWidget *child;

  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));
  g_return_if_fail (actions != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->previous_list))) != NULL)
    gtk_list_box_remove (self->previous_list, child);

  for (guint i = 0; i < actions->len; i++)
    {
      const UpskillAction *action = g_ptr_array_index (actions, i);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *choices[] = {
        _("Carry over"),
        C_("agreed action", "Done"),
        C_("agreed action", "Dropped"),
        NULL,
      };
      g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

      /* The words are the client's, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->text);
      if (action->due != 0)
        {
          g_autofree char *due = upskill_format_day_unix (action->due);
          /* Translators: under an action agreed last time, its due date. */
          g_autofree char *subtitle = g_strdup_printf (_("Due %s"), due);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
      gtk_list_box_append (self->previous_list, GTK_WIDGET (row));
    }

  self->n_previous = actions->len;
  gtk_widget_set_visible (self->previous_box, actions->len > 0);
}

guint
upskill_note_dialog_get_n_previous (UpskillNoteDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), 0);

  return self->n_previous;
}

static AdwComboRow *
get_previous_row (UpskillNoteDialog *self,
                  guint              index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->previous_list, (int) index);

  return row != NULL ? ADW_COMBO_ROW (row) : NULL;
}

UpskillPreviousChoice
upskill_note_dialog_get_previous_choice (UpskillNoteDialog *self,
                                         guint              index)
{
  AdwComboRow *row;

  g_return_val_if_fail (UPSKILL_IS_NOTE_DIALOG (self), UPSKILL_PREVIOUS_CARRY_OVER);

  row = get_previous_row (self, index);
  g_return_val_if_fail (row != NULL, UPSKILL_PREVIOUS_CARRY_OVER);

  return MIN (adw_combo_row_get_selected (row), UPSKILL_PREVIOUS_DROPPED);
}

void
upskill_note_dialog_set_previous_choice (UpskillNoteDialog     *self,
                                         guint                  index,
                                         UpskillPreviousChoice  choice)
{
  AdwComboRow *row;

  g_return_if_fail (UPSKILL_IS_NOTE_DIALOG (self));

  row = get_previous_row (self, index);
  g_return_if_fail (row != NULL);

  adw_combo_row_set_selected (row, choice);
}
