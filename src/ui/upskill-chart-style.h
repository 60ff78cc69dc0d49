/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "upskill-chart.h"

G_BEGIN_DECLS

/* Fills @style from @widget's style, for a chart drawn in its snapshot:
 * the text color for the labels, and faintly (alpha 0.18) for the grid;
 * accent_color (the text color in a style without it) for the accent and
 * both series; the widget's font, its size in pixels. A chart changes
 * what it draws differently afterwards. */
void              upskill_chart_style_init_for_widget (UpskillChartStyle *style,
                                                       GtkWidget         *widget);

UpskillChartColor upskill_chart_color_from_rgba       (const GdkRGBA     *rgba,
                                                       double             alpha_scale);
/* The named color @name of @widget's style (e.g. "warning_color"), or
 * @fallback when the style has no such color. */
UpskillChartColor upskill_chart_color_lookup          (GtkWidget         *widget,
                                                       const char        *name,
                                                       UpskillChartColor  fallback);

G_END_DECLS
