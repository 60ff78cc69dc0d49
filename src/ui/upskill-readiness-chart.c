/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upskill-chart-style.h"
#include "upskill-progress.h"
#include "upskill-readiness.h"
#include "upskill-readiness-chart.h"

#define MIN_WIDTH      260
#define MIN_HEIGHT     240
#define NATURAL_HEIGHT 300

struct _UpskillReadinessChart
{
  GtkWidget       parent_instance;

  UpskillCatalog *catalog;
  GPtrArray      *series;         /* UpskillReadinessPoint* */
  gboolean       *area_visible;   /* indexed by UpskillArea.index */
  char           *summary;
  guint           n_areas;
  guint           n_forecast;
  gint64         *forecast_times;
  double         *forecast_values;
  char           *forecast_sentence;
};

G_DEFINE_FINAL_TYPE (UpskillReadinessChart, upskill_readiness_chart, GTK_TYPE_WIDGET)

/* Hues of the GNOME palette, one per area in catalog order, in a shade
 * for light and one for dark backgrounds. */
static const struct {
  const char *light;
  const char *dark;
  const char *fallback;
} area_colors[] = {
  { "blue_4",   "blue_2",   "#1c71d8" },
  { "green_5",  "green_2",  "#26a269" },
  { "orange_5", "orange_2", "#c64600" },
  { "purple_3", "purple_2", "#813d9c" },
  { "red_3",    "red_1",    "#e01b24" },
  { "brown_3",  "brown_1",  "#986a44" },
  { "yellow_5", "yellow_3", "#e5a50a" },
};

static GdkRGBA
lookup_area_color (GtkWidget *widget,
                   guint      area_index)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint slot = area_index % G_N_ELEMENTS (area_colors);
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context,
                                       dark ? area_colors[slot].dark : area_colors[slot].light,
                                       &color))
    gdk_rgba_parse (&color, area_colors[slot].fallback);

  return color;
}

static void
fill_chart_style (UpskillReadinessChart *self,
                  UpskillChartStyle     *style)
{
  upskill_chart_style_init_for_widget (style, GTK_WIDGET (self));
  /* The overall line is in the text color, as its label says. */
  style->current = style->foreground;
  style->font_size *= 0.9;
}

guint
upskill_readiness_chart_get_n_lines (UpskillReadinessChart *self)
{
  guint n_lines = 1;

  g_return_val_if_fail (UPSKILL_IS_READINESS_CHART (self), 0);

  for (guint i = 0; i < self->n_areas; i++)
    if (self->area_visible[i])
      n_lines++;

  return n_lines;
}

static void
upskill_readiness_chart_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  UpskillReadinessChart *self = UPSKILL_READINESS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  UpskillChartStyle style = { 0 };
  g_autofree gint64 *times = NULL;
  g_autofree const double **values = NULL;
  g_autofree const char **labels = NULL;
  g_autofree UpskillChartColor *colors = NULL;
  g_autoptr(GPtrArray) buffers = NULL;
  guint first, n_points, n_lines, line = 0;
  cairo_t *cr;

  if (self->series == NULL || self->catalog == NULL || width <= 0 || height <= 0)
    return;

  fill_chart_style (self, &style);

  /* From the first rating on, like the summary sentence. */
  first = upskill_progress_get_baseline_index (self->series);
  n_points = self->series->len - first;
  n_lines = upskill_readiness_chart_get_n_lines (self);
  times = g_new0 (gint64, MAX (n_points, 1));
  values = g_new0 (const double *, n_lines);
  labels = g_new0 (const char *, n_lines);
  colors = g_new0 (UpskillChartColor, n_lines);
  buffers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_points; i++)
    times[i] = ((UpskillReadinessPoint *) g_ptr_array_index (self->series, first + i))->time;

  /* Overall first, in the text color; then the areas asked for. */
  for (int s = -1; s < (int) self->n_areas; s++)
    {
      double *buffer;

      if (s >= 0 && !self->area_visible[s])
        continue;

      buffer = g_new0 (double, MAX (n_points, 1));
      for (guint i = 0; i < n_points; i++)
        {
          UpskillReadinessPoint *point = g_ptr_array_index (self->series, first + i);

          /* Negative (nothing targeted) is drawn as a gap. */
          buffer[i] = s < 0 ? point->overall : point->areas[s];
        }
      g_ptr_array_add (buffers, buffer);
      values[line] = buffer;

      if (s < 0)
        {
          labels[line] = _("Overall");
          colors[line] = style.foreground;
        }
      else
        {
          GdkRGBA rgba = lookup_area_color (widget, s);

          labels[line] = upskill_catalog_get_area (self->catalog, s)->name;
          colors[line] = upskill_chart_color_from_rgba (&rgba, 1.0);
        }
      line++;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  upskill_chart_draw_lines (cr, &style, width, height, &(UpskillChartLines) {
                              n_points, times,
                              n_lines, values, labels, colors,
                              self->n_forecast, self->forecast_times, self->forecast_values,
                              _("Forecast with the plan"),
                            });
  cairo_destroy (cr);
}

static void
upskill_readiness_chart_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = MIN_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

/* Colors come from the style: redraw when it changes (light, dark, high contrast). */
static void
upskill_readiness_chart_css_changed (GtkWidget         *widget,
                                     GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (upskill_readiness_chart_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

static void
upskill_readiness_chart_finalize (GObject *object)
{
  UpskillReadinessChart *self = (UpskillReadinessChart *)object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->area_visible, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->forecast_times, g_free);
  g_clear_pointer (&self->forecast_values, g_free);
  g_clear_pointer (&self->forecast_sentence, g_free);

  G_OBJECT_CLASS (upskill_readiness_chart_parent_class)->finalize (object);
}

static void
upskill_readiness_chart_class_init (UpskillReadinessChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = upskill_readiness_chart_finalize;

  widget_class->snapshot = upskill_readiness_chart_snapshot;
  widget_class->measure = upskill_readiness_chart_measure;
  widget_class->css_changed = upskill_readiness_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "readinesschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
upskill_readiness_chart_init (UpskillReadinessChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Line chart of readiness over time"),
                                  -1);
}

GtkWidget *
upskill_readiness_chart_new (void)
{
  return g_object_new (UPSKILL_TYPE_READINESS_CHART, NULL);
}

void
upskill_readiness_chart_set_series (UpskillReadinessChart *self,
                                    UpskillCatalog        *catalog,
                                    GPtrArray             *series,
                                    const char            *summary)
{
  guint n_areas;

  g_return_if_fail (UPSKILL_IS_READINESS_CHART (self));
  g_return_if_fail (catalog == NULL || UPSKILL_IS_CATALOG (catalog));

  n_areas = catalog != NULL ? upskill_catalog_get_n_areas (catalog) : 0;
  if (n_areas != self->n_areas)
    {
      g_free (self->area_visible);
      self->area_visible = g_new0 (gboolean, MAX (n_areas, 1));
      self->n_areas = n_areas;
    }

  g_set_object (&self->catalog, catalog);
  if (series != NULL)
    g_ptr_array_ref (series);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  self->series = series;

  /* The page shows the summary beside the chart; screen readers get it
   * as the chart's description. */
  g_free (self->summary);
  self->summary = g_strdup (summary != NULL ? summary : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
upskill_readiness_chart_set_area_visible (UpskillReadinessChart *self,
                                          guint                  area_index,
                                          gboolean               visible)
{
  g_return_if_fail (UPSKILL_IS_READINESS_CHART (self));
  g_return_if_fail (area_index < self->n_areas);

  visible = !!visible;
  if (self->area_visible[area_index] != visible)
    {
      self->area_visible[area_index] = visible;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

gboolean
upskill_readiness_chart_get_area_visible (UpskillReadinessChart *self,
                                          guint                  area_index)
{
  g_return_val_if_fail (UPSKILL_IS_READINESS_CHART (self), FALSE);
  g_return_val_if_fail (area_index < self->n_areas, FALSE);

  return self->area_visible[area_index];
}

void
upskill_readiness_chart_get_area_color (UpskillReadinessChart *self,
                                        guint                  area_index,
                                        GdkRGBA               *out_color)
{
  g_return_if_fail (UPSKILL_IS_READINESS_CHART (self));
  g_return_if_fail (out_color != NULL);

  *out_color = lookup_area_color (GTK_WIDGET (self), area_index);
}

void
upskill_readiness_chart_set_forecast (UpskillReadinessChart *self,
                                      guint                  n,
                                      const gint64          *times,
                                      const double          *values,
                                      const char            *sentence)
{
  g_autofree char *description = NULL;

  g_return_if_fail (UPSKILL_IS_READINESS_CHART (self));
  g_return_if_fail (n == 0 || (times != NULL && values != NULL));

  g_clear_pointer (&self->forecast_times, g_free);
  g_clear_pointer (&self->forecast_values, g_free);
  g_clear_pointer (&self->forecast_sentence, g_free);
  self->n_forecast = n;
  if (n > 0)
    {
      self->forecast_times = g_memdup2 (times, sizeof (gint64) * n);
      self->forecast_values = g_memdup2 (values, sizeof (double) * n);
      self->forecast_sentence = g_strdup (sentence);
    }

  description = self->forecast_sentence != NULL
    ? g_strdup_printf ("%s %s", self->summary != NULL ? self->summary : "", self->forecast_sentence)
    : g_strdup (self->summary != NULL ? self->summary : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
upskill_readiness_chart_get_summary (UpskillReadinessChart *self)
{
  g_return_val_if_fail (UPSKILL_IS_READINESS_CHART (self), NULL);

  return self->summary != NULL ? self->summary : "";
}
