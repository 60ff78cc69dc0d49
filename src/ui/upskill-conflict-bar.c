/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upskill-conflict-bar.h"

/* libadwaita 1.2 has no AdwBanner: a GtkInfoBar, built here in code as
 * its buttons change with the kind of conflict. */

enum {
  RESPONSE_KEEP_MINE = 1,
  RESPONSE_TAKE_THEIRS,
  RESPONSE_MERGE,
  RESPONSE_RESTORE,
  RESPONSE_CLOSE,
  N_RESPONSES
};

static const char * const choices[N_RESPONSES] = {
  [RESPONSE_KEEP_MINE] = UPSKILL_CONFLICT_CHOICE_KEEP_MINE,
  [RESPONSE_TAKE_THEIRS] = UPSKILL_CONFLICT_CHOICE_TAKE_THEIRS,
  [RESPONSE_MERGE] = UPSKILL_CONFLICT_CHOICE_MERGE,
  [RESPONSE_RESTORE] = UPSKILL_CONFLICT_CHOICE_RESTORE,
  [RESPONSE_CLOSE] = UPSKILL_CONFLICT_CHOICE_CLOSE,
};

struct _UpskillConflictBar
{
  GtkWidget            parent_instance;

  GtkWidget           *info_bar;
  GtkLabel            *title_label;
  GtkLabel            *detail_label;
  GtkWidget           *buttons[N_RESPONSES];
  UpskillConflictKind  kind;
  char                *copy_file_name;
};

G_DEFINE_FINAL_TYPE (UpskillConflictBar, upskill_conflict_bar, GTK_TYPE_WIDGET)

enum {
  RESOLVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_response (UpskillConflictBar *self,
             int                 response)
{
  if (response > 0 && response < N_RESPONSES)
    g_signal_emit (self, signals[RESOLVE], 0, choices[response]);
}

static void
upskill_conflict_bar_dispose (GObject *object)
{
  UpskillConflictBar *self = UPSKILL_CONFLICT_BAR (object);

  g_clear_pointer (&self->info_bar, gtk_widget_unparent);
  g_clear_pointer (&self->copy_file_name, g_free);

  G_OBJECT_CLASS (upskill_conflict_bar_parent_class)->dispose (object);
}

static void
upskill_conflict_bar_class_init (UpskillConflictBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_conflict_bar_dispose;

  /**
   * UpskillConflictBar::resolve:
   * @choice: one of the UPSKILL_CONFLICT_CHOICE_* strings
   */
  signals[RESOLVE] =
    g_signal_new ("resolve",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflictbar");
}

static void
upskill_conflict_bar_init (UpskillConflictBar *self)
{
  GtkInfoBar *info_bar;
  GtkWidget *box;

  self->info_bar = gtk_info_bar_new ();
  info_bar = GTK_INFO_BAR (self->info_bar);
  gtk_info_bar_set_message_type (info_bar, GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (info_bar, FALSE);
  gtk_widget_set_parent (self->info_bar, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (box, TRUE);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_label));
  gtk_info_bar_add_child (info_bar, box);

  self->buttons[RESPONSE_MERGE] = gtk_info_bar_add_button (info_bar, _("_Merge"), RESPONSE_MERGE);
  self->buttons[RESPONSE_KEEP_MINE] = gtk_info_bar_add_button (info_bar, _("Keep _Mine"), RESPONSE_KEEP_MINE);
  self->buttons[RESPONSE_TAKE_THEIRS] = gtk_info_bar_add_button (info_bar, _("Take _Theirs"), RESPONSE_TAKE_THEIRS);
  self->buttons[RESPONSE_RESTORE] = gtk_info_bar_add_button (info_bar, _("_Restore"), RESPONSE_RESTORE);
  self->buttons[RESPONSE_CLOSE] = gtk_info_bar_add_button (info_bar, _("_Close Profile"), RESPONSE_CLOSE);

  g_signal_connect_swapped (info_bar, "response", G_CALLBACK (on_response), self);

  /* Hidden, it takes no room at all. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
upskill_conflict_bar_new (void)
{
  return g_object_new (UPSKILL_TYPE_CONFLICT_BAR, NULL);
}

void
upskill_conflict_bar_show (UpskillConflictBar  *self,
                           UpskillConflictKind  kind,
                           const char          *profile_name)
{
  g_autofree char *detail = NULL;
  const char *title;

  g_return_if_fail (UPSKILL_IS_CONFLICT_BAR (self));
  g_return_if_fail (profile_name != NULL);

  if (kind == UPSKILL_CONFLICT_NONE)
    {
      upskill_conflict_bar_hide (self);
      return;
    }

  self->kind = kind;

  switch (kind)
    {
    case UPSKILL_CONFLICT_DELETED:
      title = _("This profile was deleted on another device");
      detail = g_strdup_printf (_("The file of “%s” was deleted elsewhere (another device through a sync folder, or another program), so your changes are not saved. Restore it to keep them."),
                                profile_name);
      break;
    case UPSKILL_CONFLICT_COPY:
      title = _("A sync tool left a conflicting copy of this profile");
      detail = g_strdup_printf (_("Two devices changed “%s” at the same time. Merge the copy to keep the work of both, keep this version, or take the copy's."),
                                profile_name);
      break;
    case UPSKILL_CONFLICT_CHANGED:
    case UPSKILL_CONFLICT_NONE:
    default:
      title = _("This profile was changed on another device");
      detail = g_strdup_printf (_("“%s” was saved elsewhere (another device through a sync folder, or another Upskill) since you opened it, so your changes are not saved yet. Merge keeps the work of both."),
                                profile_name);
      break;
    }

  /* The name is the user's text: shown as it is, never as markup. */
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->detail_label, detail);

  gtk_widget_set_visible (self->buttons[RESPONSE_MERGE], kind != UPSKILL_CONFLICT_DELETED);
  gtk_widget_set_visible (self->buttons[RESPONSE_KEEP_MINE], kind != UPSKILL_CONFLICT_DELETED);
  gtk_widget_set_visible (self->buttons[RESPONSE_TAKE_THEIRS], kind != UPSKILL_CONFLICT_DELETED);
  gtk_widget_set_visible (self->buttons[RESPONSE_RESTORE], kind == UPSKILL_CONFLICT_DELETED);
  gtk_widget_set_visible (self->buttons[RESPONSE_CLOSE], kind == UPSKILL_CONFLICT_DELETED);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), TRUE);
}

void
upskill_conflict_bar_show_copy (UpskillConflictBar *self,
                                const char         *profile_name,
                                const char         *copy_file_name)
{
  g_return_if_fail (UPSKILL_IS_CONFLICT_BAR (self));
  g_return_if_fail (copy_file_name != NULL);

  upskill_conflict_bar_show (self, UPSKILL_CONFLICT_COPY, profile_name);
  g_free (self->copy_file_name);
  self->copy_file_name = g_strdup (copy_file_name);
}

const char *
upskill_conflict_bar_get_copy (UpskillConflictBar *self)
{
  g_return_val_if_fail (UPSKILL_IS_CONFLICT_BAR (self), NULL);

  return self->kind == UPSKILL_CONFLICT_COPY ? self->copy_file_name : NULL;
}

void
upskill_conflict_bar_hide (UpskillConflictBar *self)
{
  g_return_if_fail (UPSKILL_IS_CONFLICT_BAR (self));

  self->kind = UPSKILL_CONFLICT_NONE;
  g_clear_pointer (&self->copy_file_name, g_free);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

UpskillConflictKind
upskill_conflict_bar_get_kind (UpskillConflictBar *self)
{
  g_return_val_if_fail (UPSKILL_IS_CONFLICT_BAR (self), UPSKILL_CONFLICT_NONE);

  return self->kind;
}
