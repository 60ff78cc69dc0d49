/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-report.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_REPORT_OPTIONS_DIALOG (upskill_report_options_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UpskillReportOptionsDialog, upskill_report_options_dialog, UPSKILL, REPORT_OPTIONS_DIALOG, AdwMessageDialog)

/* Asks what a report holds (the shared session notes, the evidence, the
 * market context) and its paper size, before the file (or, for
 * @n_reports > 1, the folder) is chosen. Shows the choices last made,
 * from @settings; "export" responds with them, "cancel" closes. */
UpskillReportOptionsDialog *upskill_report_options_dialog_new         (GtkWindow                  *parent,
                                                                       GSettings                  *settings,
                                                                       guint                       n_reports);
/* Sets the paper and what to include in @options; the rest is left. */
void                        upskill_report_options_dialog_get_options (UpskillReportOptionsDialog *self,
                                                                       UpskillReportOptions       *options);
/* Remembers the choices in the settings, for the next export. */
void                        upskill_report_options_dialog_save        (UpskillReportOptionsDialog *self);

/* The report options the settings hold: what the dialog last chose,
 * the paper size of Preferences; the coach is left to the caller. */
void                        upskill_report_options_from_settings      (GSettings                  *settings,
                                                                       UpskillReportOptions       *options);

G_END_DECLS
