/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The layoffs the article lists, as horizontal bars: one bar per figure
 * claim of a GListModel of UpskillClaimObject. Bars are as long as each
 * figure's lower bound; the labels print the figure exactly as the
 * article does ("~21,000+ (in multiple rounds)"). The widget's height
 * follows its width, so labels wrap instead of overlapping. */

#define UPSKILL_TYPE_LAYOFFS_CHART (upskill_layoffs_chart_get_type ())

G_DECLARE_FINAL_TYPE (UpskillLayoffsChart, upskill_layoffs_chart, UPSKILL, LAYOFFS_CHART, GtkWidget)

GtkWidget  *upskill_layoffs_chart_new         (void);
void        upskill_layoffs_chart_set_model   (UpskillLayoffsChart *self,
                                               GListModel          *model);
GListModel *upskill_layoffs_chart_get_model   (UpskillLayoffsChart *self);
/* The chart in words: its text alternative, one line per bar. */
const char *upskill_layoffs_chart_get_summary (UpskillLayoffsChart *self);

G_END_DECLS
