/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-report-options-dialog.h"

struct _UpskillReportOptionsDialog
{
  AdwMessageDialog  parent_instance;

  GtkSwitch        *notes_switch;
  GtkSwitch        *evidence_switch;
  GtkSwitch        *market_switch;
  AdwComboRow      *paper_row;

  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (UpskillReportOptionsDialog, upskill_report_options_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The schema's paper-size enum has the order of UpskillPaper and of the
 * paper row's items. */

void
upskill_report_options_from_settings (GSettings            *settings,
                                      UpskillReportOptions *options)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (options != NULL);

  options->paper = (UpskillPaper) g_settings_get_enum (settings, "paper-size");
  options->include_notes = g_settings_get_boolean (settings, "report-include-notes");
  options->include_evidence = g_settings_get_boolean (settings, "report-include-evidence");
  options->include_market_context = g_settings_get_boolean (settings, "report-include-market-context");
}

void
upskill_report_options_dialog_get_options (UpskillReportOptionsDialog *self,
                                           UpskillReportOptions       *options)
{
  guint paper;

  g_return_if_fail (UPSKILL_IS_REPORT_OPTIONS_DIALOG (self));
  g_return_if_fail (options != NULL);

  paper = adw_combo_row_get_selected (self->paper_row);
  options->paper = paper <= UPSKILL_PAPER_LETTER ? (UpskillPaper) paper : UPSKILL_PAPER_AUTO;
  options->include_notes = gtk_switch_get_active (self->notes_switch);
  options->include_evidence = gtk_switch_get_active (self->evidence_switch);
  options->include_market_context = gtk_switch_get_active (self->market_switch);
}

void
upskill_report_options_dialog_save (UpskillReportOptionsDialog *self)
{
  UpskillReportOptions options;

  g_return_if_fail (UPSKILL_IS_REPORT_OPTIONS_DIALOG (self));

  upskill_report_options_init (&options);
  upskill_report_options_dialog_get_options (self, &options);

  g_settings_set_enum (self->settings, "paper-size", options.paper);
  g_settings_set_boolean (self->settings, "report-include-notes", options.include_notes);
  g_settings_set_boolean (self->settings, "report-include-evidence", options.include_evidence);
  g_settings_set_boolean (self->settings, "report-include-market-context", options.include_market_context);
}

static void
upskill_report_options_dialog_dispose (GObject *object)
{
  UpskillReportOptionsDialog *self = UPSKILL_REPORT_OPTIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_REPORT_OPTIONS_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upskill_report_options_dialog_parent_class)->dispose (object);
}

static void
upskill_report_options_dialog_class_init (UpskillReportOptionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_report_options_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/Upskill/ui/upskill-report-options-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillReportOptionsDialog, notes_switch);
  gtk_widget_class_bind_template_child (widget_class, UpskillReportOptionsDialog, evidence_switch);
  gtk_widget_class_bind_template_child (widget_class, UpskillReportOptionsDialog, market_switch);
  gtk_widget_class_bind_template_child (widget_class, UpskillReportOptionsDialog, paper_row);
}

static void
upskill_report_options_dialog_init (UpskillReportOptionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UpskillReportOptionsDialog *
upskill_report_options_dialog_new (GtkWindow *parent,
                                   GSettings *settings,
                                   guint      n_reports)
{
  UpskillReportOptionsDialog *self;
  UpskillReportOptions options;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UPSKILL_TYPE_REPORT_OPTIONS_DIALOG,
                       "transient-for", parent,
                       "heading", n_reports > 1 ? _("Export Reports") : _("Export Report"),
                       NULL);
  self->settings = g_object_ref (settings);

  if (n_reports > 1)
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                      ngettext ("A report for each of the %u clients chosen, one PDF each, in a folder you choose next. Private notes and actions are never in a report.",
                                                "A report for each of the %u clients chosen, one PDF each, in a folder you choose next. Private notes and actions are never in a report.",
                                                n_reports),
                                      n_reports);
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "export", _("_Choose Folder…"));
    }
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("What the report holds besides the plan and the progress. Private notes and actions are never in a report."));

  upskill_report_options_init (&options);
  upskill_report_options_from_settings (settings, &options);
  adw_combo_row_set_selected (self->paper_row, options.paper);
  gtk_switch_set_active (self->notes_switch, options.include_notes);
  gtk_switch_set_active (self->evidence_switch, options.include_evidence);
  gtk_switch_set_active (self->market_switch, options.include_market_context);

  return self;
}
