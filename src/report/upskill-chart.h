/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Chart drawing shared by the window (through GtkSnapshot's cairo node)
 * and the PDF report. Colors come from the caller, so the window can take
 * them from the current style (light, dark, high contrast) and the report
 * from its print palette. Text is laid out with Pango on @cr, so labels are
 * real text in the PDF and never overlap: long labels wrap or ellipsize. */

typedef struct
{
  double r, g, b, a;
} UpskillChartColor;

typedef struct
{
  UpskillChartColor foreground;  /* labels and axis text */
  UpskillChartColor grid;        /* grid lines and axes */
  UpskillChartColor current;     /* the person's current levels / series 1 */
  UpskillChartColor target;      /* the target / series 2 */
  UpskillChartColor accent;      /* bars, highlights */
  const char       *font_family; /* NULL: the default sans */
  double            font_size;   /* in points (PDF) or pixels (window) */
  gint64            time_end;    /* lines: where the time axis ends (unix
                                  * seconds), if later than the last point;
                                  * 0 for the last point */
} UpskillChartStyle;

/* What a radar shows: @n_axes spokes labeled @labels, scaled 0..@max
 * (5 when not above 0), with the @current polygon filled and the @target
 * polygon outlined (either may be NULL). */
typedef struct
{
  guint               n_axes;
  const char * const *labels;
  const double       *current;
  const double       *target;
  double              max;
} UpskillChartRadar;

/* What horizontal bars show: one row per item, the label on the left,
 * the bar proportional to @values, and @value_labels (e.g. "~12,000+")
 * printed as given at the bar's end. */
typedef struct
{
  guint               n_items;
  const char * const *labels;
  const double       *values;
  const char * const *value_labels;
} UpskillChartBars;

/* What a line chart shows: one or more series over time (unix seconds),
 * y in 0..100 (%). @series_values[s][i] for point i of series s; a
 * negative value is a gap. @series_labels may be NULL for no names,
 * @series_colors NULL to use current/target. With @n_forecast points
 * (0 for none), the readiness forecast is drawn dashed in the first
 * series' color (from today to the plan's end), labeled @forecast_label
 * in the legend; the time axis spans both. */
typedef struct
{
  guint                    n_points;
  const gint64            *times;
  guint                    n_series;
  const double * const    *series_values;
  const char * const      *series_labels;
  const UpskillChartColor *series_colors;
  guint                    n_forecast;
  const gint64            *forecast_times;
  const double            *forecast_values;
  const char              *forecast_label;
} UpskillChartLines;

void upskill_chart_draw_radar (cairo_t                 *cr,
                               const UpskillChartStyle *style,
                               double                   width,
                               double                   height,
                               const UpskillChartRadar *radar);

/* Draws @bars and returns the height they need at @width, so callers can
 * size themselves; pass @cr NULL to only measure (in @context, or a
 * context of the default font map when NULL). */
double upskill_chart_draw_bars (cairo_t                 *cr,
                                PangoContext            *context,
                                const UpskillChartStyle *style,
                                double                   width,
                                const UpskillChartBars  *bars);

void upskill_chart_draw_lines (cairo_t                 *cr,
                               const UpskillChartStyle *style,
                               double                   width,
                               double                   height,
                               const UpskillChartLines *lines);

G_END_DECLS
