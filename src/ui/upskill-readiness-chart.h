/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "upskill-catalog.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_READINESS_CHART (upskill_readiness_chart_get_type ())

G_DECLARE_FINAL_TYPE (UpskillReadinessChart, upskill_readiness_chart, UPSKILL, READINESS_CHART, GtkWidget)

/* Readiness over time as lines: overall, and the areas the user asks for. */
GtkWidget  *upskill_readiness_chart_new              (void);
/* @series: from upskill_compute_readiness_series() (UpskillReadinessPoint*);
 * the chart keeps a reference. @summary is the text alternative. */
void        upskill_readiness_chart_set_series       (UpskillReadinessChart *self,
                                                      UpskillCatalog        *catalog,
                                                      GPtrArray             *series,
                                                      const char            *summary);
void        upskill_readiness_chart_set_area_visible (UpskillReadinessChart *self,
                                                      guint                  area_index,
                                                      gboolean               visible);
gboolean    upskill_readiness_chart_get_area_visible (UpskillReadinessChart *self,
                                                      guint                  area_index);
/* The color of an area's line, for a legend or a toggle. */
void        upskill_readiness_chart_get_area_color   (UpskillReadinessChart *self,
                                                      guint                  area_index,
                                                      GdkRGBA               *out_color);
/* The text alternative (the chart's accessible description). */
/* The forecast, drawn dashed from today to the plan's end; @n 0 for none.
 * @sentence is added to the text alternative. */
void        upskill_readiness_chart_set_forecast     (UpskillReadinessChart *self,
                                                      guint                  n,
                                                      const gint64          *times,
                                                      const double          *values,
                                                      const char            *sentence);
const char *upskill_readiness_chart_get_summary      (UpskillReadinessChart *self);
/* The number of lines drawn (overall included). */
guint       upskill_readiness_chart_get_n_lines      (UpskillReadinessChart *self);

G_END_DECLS
