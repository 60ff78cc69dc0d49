/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "upskill-chart.h"

#define DEFAULT_FONT_FAMILY "Sans"

/* Secondary text (axis labels, level numbers, legends) at 8/9 of the
 * label size: 8 pt beside 9 pt labels in print. Few distinct sizes also
 * mean fewer font lookups. */
#define SMALL_SCALE (8.0 / 9.0)

/* ---------------------------------------------------------------- */
/* Text helpers                                                      */
/* ---------------------------------------------------------------- */

static double
chart_font_size (const UpskillChartStyle *style)
{
  return style->font_size > 0 ? style->font_size : 10.0;
}

static double
chart_line_width (const UpskillChartStyle *style)
{
  return MAX (1.0, chart_font_size (style) * 0.14);
}

static void
chart_set_color (cairo_t                 *cr,
                 const UpskillChartColor *color,
                 double                   alpha_scale)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha_scale);
}

/* Absolute sizes, so @font_size means user-space units on any surface
 * (points on a PDF, pixels in the window), whatever the resolution. */
static PangoFontDescription *
chart_font (const UpskillChartStyle *style,
            double                   scale,
            PangoWeight              weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family ? style->font_family
                                                              : DEFAULT_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, chart_font_size (style) * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  return font;
}

static PangoLayout *
chart_layout_new (cairo_t                 *cr,
                  PangoContext            *context,
                  const UpskillChartStyle *style,
                  double                   scale,
                  PangoWeight              weight,
                  const char              *text)
{
  PangoLayout *layout;
  PangoFontDescription *font;

  if (cr != NULL)
    layout = pango_cairo_create_layout (cr);
  else
    layout = pango_layout_new (context);

  font = chart_font (style, scale, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static void
chart_layout_wrap (PangoLayout    *layout,
                   double          width,
                   PangoAlignment  alignment)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
}

/* A layout's logical box, in user units. */
typedef struct
{
  double x, y, width, height;
} ChartBox;

static void
chart_layout_box (PangoLayout *layout,
                  ChartBox    *out_box)
{
  PangoRectangle extents;

  pango_layout_get_extents (layout, NULL, &extents);
  out_box->x = pango_units_to_double (extents.x);
  out_box->y = pango_units_to_double (extents.y);
  out_box->width = pango_units_to_double (extents.width);
  out_box->height = pango_units_to_double (extents.height);
}

/* Draws @layout so that its logical box's top-left corner lands on (x, y). */
static void
chart_show_layout_at (cairo_t     *cr,
                      PangoLayout *layout,
                      double       x,
                      double       y)
{
  ChartBox box;

  chart_layout_box (layout, &box);
  cairo_move_to (cr, x - box.x, y - box.y);
  pango_cairo_show_layout (cr, layout);
}

/* ---------------------------------------------------------------- */
/* Radar                                                             */
/* ---------------------------------------------------------------- */

typedef struct
{
  PangoLayout *layout;
  double       width;
  double       height;
  double       dx;     /* cos of the spoke's angle */
  double       dy;     /* sin of the spoke's angle */
  double       x, y;   /* top-left of the placed box */
} RadarLabel;

static double
radar_angle (guint i,
             guint n_axes)
{
  /* The first spoke points up; the others follow clockwise. */
  return -G_PI / 2 + 2 * G_PI * i / n_axes;
}

/* Anchors the label's box at the point just outside its spoke, on the
 * side facing away from the center, so it never covers the chart. */
static void
radar_place_label (RadarLabel *label,
                   double      cx,
                   double      cy,
                   double      radius,
                   double      gap)
{
  double px = cx + (radius + gap) * label->dx;
  double py = cy + (radius + gap) * label->dy;

  if (label->dx > 0.25)
    label->x = px;
  else if (label->dx < -0.25)
    label->x = px - label->width;
  else
    label->x = px - label->width / 2;

  if (label->dy > 0.35)
    label->y = py;
  else if (label->dy < -0.35)
    label->y = py - label->height;
  else
    label->y = py - label->height / 2;
}

static gboolean
radar_labels_fit (RadarLabel *labels,
                  guint       n_axes,
                  double      width,
                  double      height)
{
  for (guint i = 0; i < n_axes; i++)
    {
      if (labels[i].x < -0.01 || labels[i].y < -0.01 ||
          labels[i].x + labels[i].width > width + 0.01 ||
          labels[i].y + labels[i].height > height + 0.01)
        return FALSE;
    }

  for (guint i = 0; i < n_axes; i++)
    for (guint j = i + 1; j < n_axes; j++)
      {
        if (labels[i].x < labels[j].x + labels[j].width &&
            labels[j].x < labels[i].x + labels[i].width &&
            labels[i].y < labels[j].y + labels[j].height &&
            labels[j].y < labels[i].y + labels[i].height)
          return FALSE;
      }

  return TRUE;
}

static void
radar_path (cairo_t      *cr,
            guint         n_axes,
            double        cx,
            double        cy,
            double        radius,
            const double *values,
            double        max)
{
  for (guint i = 0; i < n_axes; i++)
    {
      double angle = radar_angle (i, n_axes);
      double value = values ? CLAMP (values[i], 0, max) : max;
      double r = radius * value / max;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (angle), cy + r * sin (angle));
      else
        cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
}

/* Each axis's name, laid out and wrapped on its side of the chart. */
static RadarLabel *
radar_labels_new (cairo_t                 *cr,
                  const UpskillChartStyle *style,
                  const UpskillChartRadar *radar,
                  double                   wrap)
{
  RadarLabel *placed = g_new0 (RadarLabel, radar->n_axes);

  for (guint i = 0; i < radar->n_axes; i++)
    {
      double angle = radar_angle (i, radar->n_axes);
      PangoAlignment alignment;
      ChartBox box;

      placed[i].dx = cos (angle);
      placed[i].dy = sin (angle);

      if (placed[i].dx > 0.25)
        alignment = PANGO_ALIGN_LEFT;
      else if (placed[i].dx < -0.25)
        alignment = PANGO_ALIGN_RIGHT;
      else
        alignment = PANGO_ALIGN_CENTER;

      placed[i].layout = chart_layout_new (cr, NULL, style, 1.0, PANGO_WEIGHT_NORMAL,
                                           radar->labels ? radar->labels[i] : NULL);
      /* Labels above and below the chart have more room across. */
      chart_layout_wrap (placed[i].layout, wrap * (1 + 0.6 * (1 - fabs (placed[i].dx))),
                         alignment);
      chart_layout_box (placed[i].layout, &box);
      placed[i].width = box.width;
      placed[i].height = box.height;
    }

  return placed;
}

/* The largest radius at which every label fits and none overlaps; the
 * labels are left placed for it. */
static double
radar_fit_radius (RadarLabel *placed,
                  guint       n_axes,
                  double      width,
                  double      height,
                  double      gap,
                  double      font_size)
{
  double cx = width / 2;
  double cy = height / 2;
  double low = 0;
  double high = MIN (width, height) / 2;
  double radius;

  for (guint iteration = 0; iteration < 24; iteration++)
    {
      double mid = (low + high) / 2;

      for (guint i = 0; i < n_axes; i++)
        radar_place_label (&placed[i], cx, cy, mid, gap);
      if (radar_labels_fit (placed, n_axes, width, height))
        low = mid;
      else
        high = mid;
    }
  radius = low;
  if (radius < font_size)
    radius = MIN (width, height) / 4;
  for (guint i = 0; i < n_axes; i++)
    radar_place_label (&placed[i], cx, cy, radius, gap);

  return radius;
}

/* Rings at every level, the spokes, and the level numbers along the
 * first spoke, small, beside the rings. */
static void
radar_draw_grid (cairo_t                 *cr,
                 const UpskillChartStyle *style,
                 guint                    n_axes,
                 double                   cx,
                 double                   cy,
                 double                   radius,
                 double                   max)
{
  double line_width = chart_line_width (style);
  guint rings = (guint) MAX (1, floor (max));

  cairo_set_line_width (cr, line_width * 0.6);
  chart_set_color (cr, &style->grid, 1.0);
  for (guint level = 1; level <= rings; level++)
    {
      radar_path (cr, n_axes, cx, cy, radius * level / rings, NULL, max);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < n_axes; i++)
    {
      double angle = radar_angle (i, n_axes);

      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + radius * cos (angle), cy + radius * sin (angle));
    }
  cairo_stroke (cr);

  for (guint level = 1; level <= rings; level++)
    {
      g_autofree char *text = g_strdup_printf ("%u", level);
      g_autoptr(PangoLayout) layout = chart_layout_new (cr, NULL, style, SMALL_SCALE,
                                                        PANGO_WEIGHT_NORMAL, text);
      ChartBox box;

      chart_layout_box (layout, &box);
      chart_set_color (cr, &style->foreground, 0.55);
      chart_show_layout_at (cr, layout,
                            cx + line_width * 2,
                            cy - radius * level / rings - box.height / 2);
    }
}

/* Current: filled and outlined, with a dot per area. Target: a dashed
 * outline on top, so it stays visible where they meet. */
static void
radar_draw_series (cairo_t                 *cr,
                   const UpskillChartStyle *style,
                   const UpskillChartRadar *radar,
                   double                   cx,
                   double                   cy,
                   double                   radius,
                   double                   max)
{
  double line_width = chart_line_width (style);
  guint n_axes = radar->n_axes;

  if (radar->current != NULL)
    {
      radar_path (cr, n_axes, cx, cy, radius, radar->current, max);
      chart_set_color (cr, &style->current, 0.28);
      cairo_fill_preserve (cr);
      chart_set_color (cr, &style->current, 1.0);
      cairo_set_line_width (cr, line_width * 1.6);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);

      for (guint i = 0; i < n_axes; i++)
        {
          double angle = radar_angle (i, n_axes);
          double r = radius * CLAMP (radar->current[i], 0, max) / max;

          cairo_new_sub_path (cr);
          cairo_arc (cr, cx + r * cos (angle), cy + r * sin (angle),
                     line_width * 1.8, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }

  if (radar->target != NULL)
    {
      double dashes[] = { line_width * 4, line_width * 2.5 };

      radar_path (cr, n_axes, cx, cy, radius, radar->target, max);
      chart_set_color (cr, &style->target, 1.0);
      cairo_set_line_width (cr, line_width * 1.6);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

void
upskill_chart_draw_radar (cairo_t                 *cr,
                          const UpskillChartStyle *style,
                          double                   width,
                          double                   height,
                          const UpskillChartRadar *radar)
{
  g_autofree RadarLabel *placed = NULL;
  double max, font_size, radius, wrap;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (radar != NULL);

  if (radar->n_axes < 3 || width <= 0 || height <= 0)
    return;
  max = radar->max > 0 ? radar->max : 5;

  font_size = chart_font_size (style);
  /* Long names wrap at about a quarter of the chart's width. */
  wrap = CLAMP (width * 0.24, font_size * 5, font_size * 14);

  cairo_save (cr);

  placed = radar_labels_new (cr, style, radar, wrap);
  radius = radar_fit_radius (placed, radar->n_axes, width, height, font_size * 0.6, font_size);
  radar_draw_grid (cr, style, radar->n_axes, width / 2, height / 2, radius, max);
  radar_draw_series (cr, style, radar, width / 2, height / 2, radius, max);

  chart_set_color (cr, &style->foreground, 1.0);
  for (guint i = 0; i < radar->n_axes; i++)
    {
      chart_show_layout_at (cr, placed[i].layout, placed[i].x, placed[i].y);
      g_object_unref (placed[i].layout);
    }

  cairo_restore (cr);
}

/* ---------------------------------------------------------------- */
/* Bars                                                              */
/* ---------------------------------------------------------------- */

double
upskill_chart_draw_bars (cairo_t                 *cr,
                         PangoContext            *context,
                         const UpskillChartStyle *style,
                         double                   width,
                         const UpskillChartBars  *bars)
{
  g_autoptr(GObject) own_context = NULL; /* no PangoContext autoptr in Pango 1.50 */
  g_autoptr(GPtrArray) label_layouts = NULL;
  g_autoptr(GPtrArray) value_layouts = NULL;
  double font_size, spacing, label_column, value_column = 0, bar_area, bar_thickness;
  double natural_label = 0, max_value = 0, total = 0, y;

  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (bars != NULL, 0);

  if (bars->n_items == 0 || width <= 0)
    return 0;

  if (cr == NULL && context == NULL)
    {
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      own_context = G_OBJECT (context);
    }

  font_size = chart_font_size (style);
  spacing = font_size * 0.8;
  bar_thickness = font_size * 1.1;

  label_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  value_layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < bars->n_items; i++)
    {
      PangoLayout *label = chart_layout_new (cr, context, style, 1.0, PANGO_WEIGHT_NORMAL,
                                             bars->labels ? bars->labels[i] : NULL);
      PangoLayout *value = chart_layout_new (cr, context, style, 1.0, PANGO_WEIGHT_BOLD,
                                             bars->value_labels ? bars->value_labels[i] : NULL);
      ChartBox box;

      chart_layout_box (label, &box);
      natural_label = MAX (natural_label, box.width);
      chart_layout_box (value, &box);
      value_column = i == 0 ? box.width : MAX (value_column, box.width);

      if (bars->values != NULL && bars->values[i] > max_value)
        max_value = bars->values[i];

      g_ptr_array_add (label_layouts, label);
      g_ptr_array_add (value_layouts, value);
    }

  /* The label column is as wide as the longest label, up to 35 % of the
   * width; longer labels wrap inside it. */
  label_column = MIN (natural_label, width * 0.35);
  label_column = MAX (label_column, MIN (width * 0.2, font_size * 4));
  bar_area = width - label_column - value_column - 2 * spacing;
  if (bar_area < font_size * 2)
    bar_area = font_size * 2;

  y = 0;
  for (guint i = 0; i < bars->n_items; i++)
    {
      PangoLayout *label = g_ptr_array_index (label_layouts, i);
      PangoLayout *value = g_ptr_array_index (value_layouts, i);
      ChartBox label_box, value_box;
      double row_height, bar_length, center;

      chart_layout_wrap (label, label_column, PANGO_ALIGN_LEFT);
      chart_layout_box (label, &label_box);
      chart_layout_box (value, &value_box);

      row_height = MAX (label_box.height, MAX (bar_thickness, value_box.height));
      center = y + row_height / 2;

      bar_length = 0;
      if (bars->values != NULL && max_value > 0)
        bar_length = bar_area * CLAMP (bars->values[i], 0, max_value) / max_value;

      if (cr != NULL)
        {
          double bar_x = label_column + spacing;

          chart_set_color (cr, &style->foreground, 1.0);
          chart_show_layout_at (cr, label, 0, center - label_box.height / 2);

          if (bar_length > 0)
            {
              chart_set_color (cr, &style->accent, 1.0);
              cairo_rectangle (cr, bar_x, center - bar_thickness / 2, bar_length, bar_thickness);
              cairo_fill (cr);
            }

          chart_set_color (cr, &style->foreground, 1.0);
          chart_show_layout_at (cr, value,
                                bar_x + bar_length + spacing * 0.5,
                                center - value_box.height / 2);
        }

      y += row_height;
      if (i + 1 < bars->n_items)
        y += spacing * 0.6;
    }

  total = y;
  return total;
}

/* ---------------------------------------------------------------- */
/* Lines                                                             */
/* ---------------------------------------------------------------- */

static GDateTime *
month_start (GDateTime *time)
{
  return g_date_time_new_local (g_date_time_get_year (time),
                                g_date_time_get_month (time), 1, 0, 0, 0);
}

/* Adds @months to *@tick; FALSE (and *@tick NULL) past the year 9999. */
static gboolean
advance_months (GDateTime **tick,
                int         months)
{
  GDateTime *next = g_date_time_add_months (*tick, months);

  g_date_time_unref (*tick);
  *tick = next;

  return next != NULL;
}

/* The first day of every @month_step-th month from @first (a time in
 * the month of @t_min) to @t_max. Bounded by the @n_months between them,
 * and stops where GDateTime does (the years 1 and 9999): a date that
 * cannot be represented ends the axis, it never loops. */
static GPtrArray *
month_ticks (GDateTime *first,
             gint64     t_min,
             gint64     t_max,
             guint      month_step,
             guint      n_months)
{
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) tick = NULL;

  g_assert (month_step > 0);

  if (first == NULL || (tick = month_start (first)) == NULL)
    return ticks;

  if (g_date_time_to_unix (tick) < t_min && !advance_months (&tick, 1))
    return ticks;

  /* Start on a month that is a multiple of the step, so ticks read
   * Jan/Apr/Jul/Oct rather than Feb/May/..., and steps of years on
   * January. */
  for (guint k = 0; k < 12 && month_step > 1 &&
       (g_date_time_get_month (tick) - 1) % MIN (month_step, 12) != 0; k++)
    {
      if (!advance_months (&tick, 1))
        return ticks;
    }

  for (guint k = 0; k <= n_months / month_step + 1 && g_date_time_to_unix (tick) <= t_max; k++)
    {
      g_ptr_array_add (ticks, g_date_time_ref (tick));
      if (!advance_months (&tick, month_step))
        break;
    }

  return ticks;
}

static UpskillChartColor
series_color (const UpskillChartStyle *style,
              const UpskillChartColor *series_colors,
              guint                    s)
{
  if (series_colors != NULL)
    return series_colors[s];
  if (s % 2 == 0)
    return style->current;
  return style->target;
}

/* Each series has its own dash pattern and marker, so the lines tell
 * apart on a grayscale printout and for readers who do not see their
 * colours: solid and circles, dashes and squares, dots and triangles,
 * dash-dots and diamonds. */
static void
set_series_dash (cairo_t *cr,
                 guint    s,
                 double   line_width)
{
  const double dashes[] = { 6 * line_width, 3.5 * line_width };
  const double dots[] = { 0.01, 3 * line_width };
  const double dash_dots[] = { 7 * line_width, 3 * line_width, 0.01, 3 * line_width };

  switch (s % 4)
    {
    case 0: cairo_set_dash (cr, NULL, 0, 0); break;
    case 1: cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0); break;
    case 2: cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0); break;
    default: cairo_set_dash (cr, dash_dots, G_N_ELEMENTS (dash_dots), 0); break;
    }
}

/* The forecast continues the first series in its colour, in long dashes
 * no series uses (and thinner), so it reads as a forecast in grey too. */
static void
set_forecast_dash (cairo_t *cr,
                   double   line_width)
{
  const double dashes[] = { 10 * line_width, 4 * line_width };

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
}

static void
add_series_marker (cairo_t *cr,
                   guint    s,
                   double   x,
                   double   y,
                   double   radius)
{
  cairo_new_sub_path (cr);
  switch (s % 4)
    {
    case 0:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - radius * 0.9, y - radius * 0.9, radius * 1.8, radius * 1.8);
      break;
    case 2:
      cairo_move_to (cr, x, y - radius * 1.2);
      cairo_line_to (cr, x + radius * 1.1, y + radius * 0.8);
      cairo_line_to (cr, x - radius * 1.1, y + radius * 0.8);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - radius * 1.3);
      cairo_line_to (cr, x + radius * 1.1, y);
      cairo_line_to (cr, x, y + radius * 1.3);
      cairo_line_to (cr, x - radius * 1.1, y);
      cairo_close_path (cr);
      break;
    }
}

/* The last value of a series that is not a gap, or -1. */
static double
last_value (const double *values,
            guint         n_points)
{
  for (guint i = n_points; i > 0; i--)
    if (values[i - 1] >= 0)
      return values[i - 1];
  return -1;
}

typedef struct
{
  guint        series;
  PangoLayout *layout;
  double       want_y;  /* centre, at the line's end */
  double       y;       /* top, after spreading */
  double       height;
} EndLabel;

static int
compare_end_labels (gconstpointer a,
                    gconstpointer b)
{
  const EndLabel *x = a;
  const EndLabel *y = b;

  if (x->want_y != y->want_y)
    return x->want_y < y->want_y ? -1 : 1;
  return (int) x->series - (int) y->series;
}

/* Labels at the lines' ends, moved apart just enough not to overlap and
 * kept inside [top, bottom]; FALSE when they cannot all fit. */
static gboolean
spread_end_labels (GArray *labels,
                   double  top,
                   double  bottom,
                   double  gap)
{
  double total = 0;

  if (labels->len == 0)
    return TRUE;
  g_array_sort (labels, compare_end_labels);
  for (guint i = 0; i < labels->len; i++)
    total += g_array_index (labels, EndLabel, i).height + (i ? gap : 0);
  if (total > bottom - top)
    return FALSE;

  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      double min_y = i ? g_array_index (labels, EndLabel, i - 1).y +
                         g_array_index (labels, EndLabel, i - 1).height + gap
                       : top;

      label->y = MAX (label->want_y - label->height / 2, min_y);
    }
  /* Pushed past the bottom: move up from there. */
  for (guint i = labels->len; i > 0; i--)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i - 1);
      double max_y = i < labels->len ? g_array_index (labels, EndLabel, i).y - gap - label->height
                                     : bottom - label->height;

      label->y = MIN (label->y, max_y);
    }
  return TRUE;
}

static void
end_label_clear (gpointer data)
{
  EndLabel *label = data;

  g_clear_object (&label->layout);
}

/* One line chart being drawn: what it shows, as the caller gave it, and
 * the layout worked out phase by phase. */
typedef struct
{
  const UpskillChartStyle *style;
  double                   width;
  double                   height;
  const UpskillChartLines *data;

  guint                    n_legend;  /* the series, and the forecast if named */
  double                   font_size;
  double                   line_width;
  double                   axis_label_width;
  double                   x_label_height;
  double                   plot_x;
  double                   plot_y;
  double                   plot_w;
  double                   plot_h;
  gint64                   t_min;
  gint64                   t_max;
} LineChart;

static double
line_chart_x (const LineChart *chart,
              gint64           t)
{
  return chart->plot_x + chart->plot_w * (double) (t - chart->t_min) / (double) (chart->t_max - chart->t_min);
}

static double
line_chart_y (const LineChart *chart,
              double           value)
{
  return chart->plot_y + chart->plot_h - chart->plot_h * CLAMP (value, 0, 100) / 100;
}

static gboolean
line_chart_has_forecast (const LineChart *chart)
{
  return chart->data->n_forecast > 1 && chart->data->forecast_values != NULL;
}

/* The widest y axis label (0 % .. 100 %) and the labels' height. */
static void
measure_y_labels (cairo_t   *cr,
                  LineChart *chart)
{
  for (guint step = 0; step <= 4; step++)
    {
      g_autofree char *text = g_strdup_printf (_("%u%%"), step * 25);
      g_autoptr(PangoLayout) layout = chart_layout_new (cr, NULL, chart->style, SMALL_SCALE,
                                                        PANGO_WEIGHT_NORMAL, text);
      ChartBox box;

      chart_layout_box (layout, &box);
      chart->axis_label_width = MAX (chart->axis_label_width, box.width);
      chart->x_label_height = box.height;
    }
}

/* Each line is named at its end, where the eye already is: lays out the
 * names into @end_labels and returns the width they need. */
static double
measure_end_labels (cairo_t         *cr,
                    const LineChart *chart,
                    GArray          *end_labels)
{
  double marker = chart->font_size * 0.9;
  double max_label = chart->width * 0.26;
  double end_label_width = 0;

  for (guint s = 0; s < chart->n_legend; s++)
    {
      gboolean is_forecast = s >= chart->data->n_series;
      EndLabel label = { s, NULL, 0, 0, 0 };
      ChartBox box;

      if (!is_forecast &&
          (chart->data->series_values[s] == NULL || chart->data->series_labels[s] == NULL ||
           last_value (chart->data->series_values[s], chart->data->n_points) < 0))
        continue;
      label.layout = chart_layout_new (cr, NULL, chart->style, SMALL_SCALE, PANGO_WEIGHT_NORMAL,
                                       is_forecast ? chart->data->forecast_label : chart->data->series_labels[s]);
      chart_layout_box (label.layout, &box);
      if (box.width > max_label - marker)
        {
          chart_layout_wrap (label.layout, max_label - marker, PANGO_ALIGN_LEFT);
          chart_layout_box (label.layout, &box);
        }
      label.height = box.height;
      end_label_width = MAX (end_label_width, marker + box.width);
      g_array_append_val (end_labels, label);
    }

  return end_label_width;
}

/* Places the names beside the lines' ends; FALSE (and @end_labels
 * emptied) when the plot would get too narrow or they do not fit. */
static gboolean
place_end_labels (const LineChart *chart,
                  GArray          *end_labels)
{
  for (guint k = 0; k < end_labels->len; k++)
    {
      EndLabel *label = &g_array_index (end_labels, EndLabel, k);

      double value = label->series < chart->data->n_series ? last_value (chart->data->series_values[label->series], chart->data->n_points)
                                                     : chart->data->forecast_values[chart->data->n_forecast - 1];

      label->want_y = line_chart_y (chart, value);
    }
  if (chart->plot_w <= chart->width * 0.4 ||
      !spread_end_labels (end_labels, 0, chart->plot_y + chart->plot_h + chart->x_label_height / 2,
                          chart->font_size * 0.2))
    {
      g_array_set_size (end_labels, 0);
      return FALSE;
    }
  return TRUE;
}

/* The legend on top, when the names do not fit beside the plot: a line
 * sample with its marker and a label per series, wrapping into rows.
 * Returns the height it takes. */
static double
draw_legend (cairo_t         *cr,
             const LineChart *chart)
{
  const UpskillChartStyle *style = chart->style;
  double font_size = chart->font_size;
  double line_width = chart->line_width;
  double width = chart->width;
  double x = 0, row_y = 0, row_height = 0;
  double swatch = font_size * 2.2;

  for (guint s = 0; s < chart->n_legend; s++)
    {
      gboolean is_forecast = s >= chart->data->n_series;
      g_autoptr(PangoLayout) layout = chart_layout_new (cr, NULL, style, SMALL_SCALE,
                                                        PANGO_WEIGHT_NORMAL,
                                                        is_forecast ? chart->data->forecast_label
                                                                    : chart->data->series_labels[s]);
      UpskillChartColor color = series_color (style, chart->data->series_colors, is_forecast ? 0 : s);
      ChartBox box;
      double item_width;

      chart_layout_box (layout, &box);
      if (box.width > width - swatch - font_size)
        {
          chart_layout_wrap (layout, width - swatch - font_size, PANGO_ALIGN_LEFT);
          chart_layout_box (layout, &box);
        }
      item_width = swatch + font_size * 0.4 + box.width + font_size * 1.5;

      if (x > 0 && x + item_width > width)
        {
          x = 0;
          row_y += row_height + font_size * 0.3;
          row_height = 0;
        }

      chart_set_color (cr, &color, 1.0);
      cairo_set_line_width (cr, line_width * 1.8);
      if (is_forecast)
        set_forecast_dash (cr, line_width);
      else
        set_series_dash (cr, s, line_width);
      cairo_move_to (cr, x, row_y + box.height / 2);
      cairo_line_to (cr, x + swatch, row_y + box.height / 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (!is_forecast)
        {
          add_series_marker (cr, s, x + swatch / 2, row_y + box.height / 2, line_width * 2.2);
          cairo_fill (cr);
        }

      chart_set_color (cr, &style->foreground, 1.0);
      chart_show_layout_at (cr, layout, x + swatch + font_size * 0.4, row_y);

      x += item_width;
      row_height = MAX (row_height, box.height);
    }

  return row_y + row_height + font_size;
}

/* Where the plot goes, with the end labels beside it or the legend on
 * top. Fills @end_labels when the lines are named at their ends; FALSE
 * when there is no room for a plot. */
static gboolean
lay_out_plot (cairo_t   *cr,
              LineChart *chart,
              GArray    *end_labels)
{
  double font_size = chart->font_size;
  double legend_height = 0;
  double end_label_width = 0;
  gboolean direct_labels = FALSE;

  measure_y_labels (cr, chart);

  if (chart->data->series_labels != NULL && chart->data->series_values != NULL &&
      chart->data->n_series > 0 && chart->data->n_points > 0)
    {
      end_label_width = measure_end_labels (cr, chart, end_labels);
      direct_labels = end_labels->len > 0;
    }

  chart->plot_x = chart->axis_label_width + font_size * 0.6;
  chart->plot_y = legend_height + chart->x_label_height / 2;
  chart->plot_w = chart->width - chart->plot_x - font_size * 0.5 -
                  (direct_labels ? end_label_width + font_size * 0.6 : 0);
  chart->plot_h = chart->height - chart->plot_y - chart->x_label_height * 1.8;

  if (direct_labels)
    direct_labels = place_end_labels (chart, end_labels);

  if (!direct_labels && chart->data->series_labels != NULL && chart->data->n_series > 0)
    {
      legend_height = draw_legend (cr, chart);
      chart->plot_y = legend_height + chart->x_label_height / 2;
      chart->plot_w = chart->width - chart->plot_x - font_size * 0.5;
      chart->plot_h = chart->height - chart->plot_y - chart->x_label_height * 1.8;
    }

  return chart->plot_w > 0 && chart->plot_h > 0;
}

/* Gridlines and y labels. */
static void
draw_grid (cairo_t         *cr,
           const LineChart *chart)
{
  const UpskillChartStyle *style = chart->style;
  double plot_x = chart->plot_x, plot_y = chart->plot_y;
  double plot_w = chart->plot_w, plot_h = chart->plot_h;

  cairo_set_line_width (cr, chart->line_width * 0.5);
  for (guint step = 0; step <= 4; step++)
    {
      g_autofree char *text = g_strdup_printf (_("%u%%"), step * 25);
      g_autoptr(PangoLayout) layout = chart_layout_new (cr, NULL, style, SMALL_SCALE,
                                                        PANGO_WEIGHT_NORMAL, text);
      double gy = plot_y + plot_h - plot_h * step / 4;
      ChartBox box;

      chart_set_color (cr, &style->grid, step == 0 ? 1.0 : 0.6);
      cairo_move_to (cr, plot_x, gy);
      cairo_line_to (cr, plot_x + plot_w, gy);
      cairo_stroke (cr);

      chart_layout_box (layout, &box);
      chart_set_color (cr, &style->foreground, 0.8);
      chart_show_layout_at (cr, layout, plot_x - chart->font_size * 0.6 - box.width,
                            gy - box.height / 2);
    }
}

/* The time axis spans the points, the forecast and the chart's day. */
static void
find_time_range (LineChart *chart)
{
  const UpskillChartStyle *style = chart->style;
  gint64 t_min = G_MAXINT64, t_max = G_MININT64;

  for (guint i = 0; i < chart->data->n_points; i++)
    {
      t_min = MIN (t_min, chart->data->times[i]);
      t_max = MAX (t_max, chart->data->times[i]);
    }
  for (guint i = 0; i < chart->data->n_forecast; i++)
    {
      t_min = MIN (t_min, chart->data->forecast_times[i]);
      t_max = MAX (t_max, chart->data->forecast_times[i]);
    }
  if (chart->data->n_points == 0 && chart->data->n_forecast == 0)
    {
      t_max = style->time_end > 0 ? style->time_end : g_get_real_time () / G_USEC_PER_SEC;
      t_min = t_max - 90 * 24 * 3600;
    }
  /* The axis runs to the day the chart speaks for (the report's date),
   * not to the last change. */
  if (style->time_end > t_max)
    t_max = style->time_end;
  if (t_max - t_min < 24 * 3600)
    {
      /* A single day: show a month around it. */
      t_min -= 15 * 24 * 3600;
      t_max += 15 * 24 * 3600;
    }

  chart->t_min = t_min;
  chart->t_max = t_max;
}

/* Month ticks: every month if their labels fit, else every 2, 3, 6 or
 * 12 months, or as many years as it takes. */
static guint
choose_month_step (cairo_t         *cr,
                   const LineChart *chart,
                   guint            n_months)
{
  g_autoptr(PangoLayout) probe = chart_layout_new (cr, NULL, chart->style, SMALL_SCALE,
                                                   PANGO_WEIGHT_NORMAL, "Sep 2026");
  ChartBox box;
  const guint steps[] = { 1, 2, 3, 6, 12, 24, 60 };
  guint month_step = 60;
  double max_ticks;

  chart_layout_box (probe, &box);
  for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
    {
      double per_tick = chart->plot_w / MAX (1.0, (double) n_months / steps[k]);

      if (per_tick > box.width * 1.3)
        {
          month_step = steps[k];
          break;
        }
    }

  /* Centuries (a plan that ends in the year 9000) still get ticks
   * that do not overlap: whole years, as many as fit. */
  max_ticks = MAX (2.0, floor (chart->plot_w / MAX (1.0, box.width * 1.3)));
  if ((double) n_months / month_step > max_ticks)
    month_step = 12 * (guint) ceil ((double) n_months / 12.0 / max_ticks);

  return month_step;
}

/* The time axis: a tick and a label per month step. */
static void
draw_time_ticks (cairo_t         *cr,
                 const LineChart *chart)
{
  const UpskillChartStyle *style = chart->style;
  double font_size = chart->font_size;
  double plot_x = chart->plot_x, plot_y = chart->plot_y, plot_h = chart->plot_h;
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (chart->t_min);
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (chart->t_max);
  g_autoptr(GPtrArray) ticks = NULL;
  guint month_step = 60;
  guint n_months = 0;

  if (first != NULL && last != NULL)
    {
      n_months = (g_date_time_get_year (last) - g_date_time_get_year (first)) * 12 +
                 g_date_time_get_month (last) - g_date_time_get_month (first) + 1;
      month_step = choose_month_step (cr, chart, n_months);
    }

  ticks = month_ticks (first, chart->t_min, chart->t_max, month_step, n_months);

  for (guint k = 0; k < ticks->len; k++)
    {
      GDateTime *tick = g_ptr_array_index (ticks, k);
      double x = line_chart_x (chart, g_date_time_to_unix (tick));
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      ChartBox box;
      double lx;

      /* The year on the first tick and on every January. */
      if (k == 0 || g_date_time_get_month (tick) == 1)
        text = g_date_time_format (tick, "%b %Y");
      else
        text = g_date_time_format (tick, "%b");

      chart_set_color (cr, &style->grid, 1.0);
      cairo_move_to (cr, x, plot_y + plot_h);
      cairo_line_to (cr, x, plot_y + plot_h + font_size * 0.4);
      cairo_stroke (cr);

      layout = chart_layout_new (cr, NULL, style, SMALL_SCALE, PANGO_WEIGHT_NORMAL, text);
      chart_layout_box (layout, &box);
      lx = CLAMP (x - box.width / 2, plot_x - chart->axis_label_width, chart->width - box.width);
      chart_set_color (cr, &style->foreground, 0.8);
      chart_show_layout_at (cr, layout, lx, plot_y + plot_h + font_size * 0.6);
    }
}

/* One series: its line broken at negative values and held level from
 * the last point to @hold_x, then a marker per point. */
static void
draw_series (cairo_t         *cr,
             const LineChart *chart,
             guint            s,
             double           hold_x)
{
  const double *values = chart->data->series_values[s];
  UpskillChartColor color = series_color (chart->style, chart->data->series_colors, s);
  double line_width = chart->line_width;
  gboolean drawing = FALSE;
  double end_x = chart->plot_x, end_y = 0;

  if (values == NULL)
    return;

  chart_set_color (cr, &color, 1.0);
  cairo_set_line_width (cr, line_width * 1.8);
  set_series_dash (cr, s, line_width);
  for (guint i = 0; i < chart->data->n_points; i++)
    {
      double x = line_chart_x (chart, chart->data->times[i]);
      double yv = line_chart_y (chart, values[i]);

      if (values[i] < 0)
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, yv);
      else
        cairo_move_to (cr, x, yv);
      drawing = TRUE;
      end_x = x;
      end_y = yv;
    }
  if (drawing && end_x < hold_x)
    cairo_line_to (cr, hold_x, end_y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < chart->data->n_points; i++)
    {
      double x = line_chart_x (chart, chart->data->times[i]);
      double yv = line_chart_y (chart, values[i]);

      if (values[i] < 0)
        continue;
      add_series_marker (cr, s, x, yv, line_width * 2);
    }
  cairo_fill (cr);
}

/* The series, held level from their last point to today (where a
 * forecast starts, else the chart's day, else the axis's end), clipped
 * to the plot. */
static void
draw_all_series (cairo_t         *cr,
                 const LineChart *chart)
{
  double line_width = chart->line_width;
  gint64 hold_t = line_chart_has_forecast (chart) ? chart->data->forecast_times[0]
                  : chart->style->time_end > 0 ? chart->style->time_end : chart->t_max;
  double hold_x = line_chart_x (chart, CLAMP (hold_t, chart->t_min, chart->t_max));

  cairo_save (cr);
  cairo_rectangle (cr, chart->plot_x - line_width * 3, chart->plot_y - line_width * 3,
                   chart->plot_w + line_width * 6, chart->plot_h + line_width * 6);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < chart->data->n_series && chart->data->series_values != NULL; s++)
    draw_series (cr, chart, s, hold_x);
  cairo_restore (cr);
}

/* The names at the lines' ends, each with its line's marker. */
static void
draw_end_labels (cairo_t         *cr,
                 const LineChart *chart,
                 GArray          *end_labels)
{
  double font_size = chart->font_size;
  double line_width = chart->line_width;

  for (guint k = 0; k < end_labels->len; k++)
    {
      EndLabel *label = &g_array_index (end_labels, EndLabel, k);
      UpskillChartColor color = series_color (chart->style, chart->data->series_colors,
                                              label->series < chart->data->n_series ? label->series : 0);
      double x = chart->plot_x + chart->plot_w + font_size * 0.6;
      ChartBox box;

      double mid_y;

      chart_layout_box (label->layout, &box);
      mid_y = label->y + MIN (box.height, font_size * 1.2) / 2;
      chart_set_color (cr, &color, 1.0);
      if (label->series < chart->data->n_series)
        {
          add_series_marker (cr, label->series, x + font_size * 0.3, mid_y, line_width * 2);
          cairo_fill (cr);
        }
      else
        {
          /* The forecast's name carries two dashes of its line. */
          cairo_set_line_width (cr, line_width * 1.2);
          cairo_move_to (cr, x, mid_y);
          cairo_line_to (cr, x + font_size * 0.3, mid_y);
          cairo_move_to (cr, x + font_size * 0.45, mid_y);
          cairo_line_to (cr, x + font_size * 0.75, mid_y);
          cairo_stroke (cr);
        }
      chart_set_color (cr, &chart->style->foreground, 1.0);
      chart_show_layout_at (cr, label->layout, x + font_size * 0.9, label->y);
    }
}

/* The forecast: dashed, in the first series' color, from today to the
 * plan's end. */
static void
draw_forecast (cairo_t         *cr,
               const LineChart *chart)
{
  UpskillChartColor color = series_color (chart->style, chart->data->series_colors, 0);

  if (!line_chart_has_forecast (chart))
    return;

  chart_set_color (cr, &color, 1.0);
  cairo_set_line_width (cr, chart->line_width * 1.2);
  set_forecast_dash (cr, chart->line_width);
  for (guint i = 0; i < chart->data->n_forecast; i++)
    {
      double x = line_chart_x (chart, chart->data->forecast_times[i]);
      double yv = line_chart_y (chart, chart->data->forecast_values[i]);

      if (i == 0)
        cairo_move_to (cr, x, yv);
      else
        cairo_line_to (cr, x, yv);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
upskill_chart_draw_lines (cairo_t                 *cr,
                          const UpskillChartStyle *style,
                          double                   width,
                          double                   height,
                          const UpskillChartLines *lines)
{
  LineChart chart = {
    .style = style,
    .width = width,
    .height = height,
    .data = lines,
    .n_legend = lines != NULL ? lines->n_series : 0,
  };
  g_autoptr(GArray) end_labels = g_array_new (FALSE, TRUE, sizeof (EndLabel));

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (lines != NULL);

  if (width <= 0 || height <= 0)
    return;

  chart.font_size = chart_font_size (style);
  chart.line_width = chart_line_width (style);
  g_array_set_clear_func (end_labels, end_label_clear);

  /* The forecast is named like a series, after them. */
  if (lines->n_forecast > 1 && lines->forecast_values != NULL && lines->forecast_label != NULL &&
      lines->series_labels != NULL)
    chart.n_legend++;

  cairo_save (cr);

  if (lay_out_plot (cr, &chart, end_labels))
    {
      draw_grid (cr, &chart);
      find_time_range (&chart);
      draw_time_ticks (cr, &chart);
      draw_all_series (cr, &chart);
      draw_end_labels (cr, &chart, end_labels);
      draw_forecast (cr, &chart);
    }

  cairo_restore (cr);
}
