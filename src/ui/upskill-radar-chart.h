/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPSKILL_TYPE_RADAR_CHART (upskill_radar_chart_get_type ())

G_DECLARE_FINAL_TYPE (UpskillRadarChart, upskill_radar_chart, UPSKILL, RADAR_CHART, GtkWidget)

/* The skill areas as a radar of current levels (filled, in the accent
 * color) against target levels (dashed outline), drawn with
 * upskill_chart_draw_radar in the colors of the current style. */
GtkWidget  *upskill_radar_chart_new         (void);
/* Copies @labels, @current and @target (@n_axes each, values 0..@max). */
void        upskill_radar_chart_set_data    (UpskillRadarChart   *self,
                                             guint                n_axes,
                                             const char * const  *labels,
                                             const double        *current,
                                             const double        *target,
                                             double               max);
/* The values in words, as given to assistive technologies: one line per
 * axis ("Python: current 2.5, target 3.0 of 5"). */
const char *upskill_radar_chart_get_summary (UpskillRadarChart   *self);

G_END_DECLS
