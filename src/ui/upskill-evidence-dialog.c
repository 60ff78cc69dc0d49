/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-evidence-dialog.h"
#include "upskill-profile.h"
#include "upskill-text-limit.h"

struct _UpskillEvidenceDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *note_row;
  AdwEntryRow      *link_row;
  GtkRevealer      *link_error_revealer;
};

G_DEFINE_FINAL_TYPE (UpskillEvidenceDialog, upskill_evidence_dialog, ADW_TYPE_MESSAGE_DIALOG)

gboolean
upskill_evidence_link_is_valid (const char *link)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (link == NULL)
    return FALSE;

  uri = g_uri_parse (link, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "http") == 0) &&
         host != NULL && *host != '\0';
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_text_changed (UpskillEvidenceDialog *self)
{
  g_autofree char *note = dup_stripped (self->note_row);
  g_autofree char *link = dup_stripped (self->link_row);
  gboolean link_ok = *link == '\0' || upskill_evidence_link_is_valid (link);

  if (link_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->link_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->link_row), "error");
  gtk_revealer_set_reveal_child (self->link_error_revealer, !link_ok);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           *note != '\0' && link_ok);
}

static void
upskill_evidence_dialog_class_init (UpskillEvidenceDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillEvidenceDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillEvidenceDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillEvidenceDialog, link_error_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
}

static void
upskill_evidence_dialog_init (UpskillEvidenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_text_limit_set_entry_row (self->note_row, UPSKILL_PROFILE_TEXT_MAX_CHARS);
  upskill_text_limit_set_entry_row (self->link_row, UPSKILL_PROFILE_LINE_MAX_CHARS);

  on_text_changed (self);
}

UpskillEvidenceDialog *
upskill_evidence_dialog_new (GtkWindow  *parent,
                             const char *skill_name,
                             const char *note,
                             const char *link)
{
  UpskillEvidenceDialog *self;
  gboolean editing = note != NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (skill_name != NULL, NULL);

  self = g_object_new (UPSKILL_TYPE_EVIDENCE_DIALOG,
                       "transient-for", parent,
                       "heading", editing ? _("Edit Evidence") : _("Add Evidence"),
                       NULL);

  /* Translators: %s is a skill's name, e.g. "PyTorch" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  _("What shows your level in “%s”? A project, a certificate, a talk or a review: a short note, and a link if there is one."),
                                  skill_name);
  if (editing)
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));

  upskill_evidence_dialog_set_note (self, note);
  upskill_evidence_dialog_set_link (self, link);

  return self;
}

char *
upskill_evidence_dialog_dup_note (UpskillEvidenceDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_EVIDENCE_DIALOG (self), NULL);

  return dup_stripped (self->note_row);
}

char *
upskill_evidence_dialog_dup_link (UpskillEvidenceDialog *self)
{
  char *link;

  g_return_val_if_fail (UPSKILL_IS_EVIDENCE_DIALOG (self), NULL);

  link = dup_stripped (self->link_row);
  if (*link == '\0')
    g_clear_pointer (&link, g_free);

  return link;
}

void
upskill_evidence_dialog_set_note (UpskillEvidenceDialog *self,
                                  const char            *note)
{
  g_return_if_fail (UPSKILL_IS_EVIDENCE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

void
upskill_evidence_dialog_set_link (UpskillEvidenceDialog *self,
                                  const char            *link)
{
  g_return_if_fail (UPSKILL_IS_EVIDENCE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->link_row), link != NULL ? link : "");
}
