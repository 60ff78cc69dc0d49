/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-format.h"
#include "upskill-chart-style.h"
#include "upskill-radar-chart.h"

#define MIN_WIDTH      240
#define MIN_HEIGHT     220
#define NATURAL_WIDTH  300
#define NATURAL_HEIGHT 280

struct _UpskillRadarChart
{
  GtkWidget  parent_instance;

  GStrv      labels;
  double    *current;
  double    *target;
  guint      n_axes;
  double     max;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (UpskillRadarChart, upskill_radar_chart, GTK_TYPE_WIDGET)

static void
fill_chart_style (UpskillRadarChart *self,
                  UpskillChartStyle *style)
{
  upskill_chart_style_init_for_widget (style, GTK_WIDGET (self));
  /* Orange against the (usually blue) accent; both exist in every variant
   * of the Adwaita style, including high contrast. */
  style->target = upskill_chart_color_lookup (GTK_WIDGET (self), "warning_color", style->foreground);
  style->font_size *= 0.9;
}

static void
upskill_radar_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  UpskillRadarChart *self = UPSKILL_RADAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  UpskillChartStyle style = { 0 };
  cairo_t *cr;

  if (self->n_axes < 3 || width <= 0 || height <= 0)
    return;

  fill_chart_style (self, &style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  upskill_chart_draw_radar (cr, &style, width, height,
                            &(UpskillChartRadar) { self->n_axes, (const char * const *) self->labels,
                                                   self->current, self->target, self->max });
  cairo_destroy (cr);
}

static void
upskill_radar_chart_measure (GtkWidget      *widget,
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
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

/* Colors come from the style: redraw when it changes (light, dark, high contrast). */
static void
upskill_radar_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (upskill_radar_chart_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

static void
upskill_radar_chart_finalize (GObject *object)
{
  UpskillRadarChart *self = (UpskillRadarChart *)object;

  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (upskill_radar_chart_parent_class)->finalize (object);
}

static void
upskill_radar_chart_class_init (UpskillRadarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = upskill_radar_chart_finalize;

  widget_class->snapshot = upskill_radar_chart_snapshot;
  widget_class->measure = upskill_radar_chart_measure;
  widget_class->css_changed = upskill_radar_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "radarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
upskill_radar_chart_init (UpskillRadarChart *self)
{
  self->max = 5;
  self->summary = g_strdup ("");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Radar chart of the skill areas, current level against target"),
                                  -1);
}

GtkWidget *
upskill_radar_chart_new (void)
{
  return g_object_new (UPSKILL_TYPE_RADAR_CHART, NULL);
}

static char *
build_summary (UpskillRadarChart *self)
{
  GString *summary = g_string_new (NULL);

  for (guint i = 0; i < self->n_axes; i++)
    {
      if (i > 0)
        g_string_append_c (summary, '\n');
      /* The figures of the area table beside it. */
      g_autofree char *current = upskill_format_mean_level (self->current[i], self->target[i]);
      g_autofree char *target = upskill_format_mean_level (self->target[i], G_MAXDOUBLE);

      /* Translators: one line of the radar chart's text alternative,
       * e.g. "Python: current 2.5, target 3.0 (of 5)" */
      g_string_append_printf (summary, _("%s: current %s, target %s (of %.0f)"),
                              self->labels[i], current, target, self->max);
    }

  return g_string_free (summary, FALSE);
}

void
upskill_radar_chart_set_data (UpskillRadarChart  *self,
                              guint               n_axes,
                              const char * const *labels,
                              const double       *current,
                              const double       *target,
                              double              max)
{
  g_return_if_fail (UPSKILL_IS_RADAR_CHART (self));
  g_return_if_fail (n_axes == 0 || (labels != NULL && current != NULL && target != NULL));
  g_return_if_fail (max > 0);

  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->target, g_free);

  self->n_axes = n_axes;
  self->max = max;
  self->labels = g_new0 (char *, n_axes + 1);
  for (guint i = 0; i < n_axes; i++)
    self->labels[i] = g_strdup (labels[i]);
  self->current = g_memdup2 (current, sizeof (double) * MAX (n_axes, 1));
  self->target = g_memdup2 (target, sizeof (double) * MAX (n_axes, 1));

  g_free (self->summary);
  self->summary = build_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
upskill_radar_chart_get_summary (UpskillRadarChart *self)
{
  g_return_val_if_fail (UPSKILL_IS_RADAR_CHART (self), NULL);

  return self->summary;
}
