/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "upskill-chart-style.h"
#include "upskill-claim-object.h"
#include "upskill-claim-row.h"
#include "upskill-format.h"
#include "upskill-layoffs-chart.h"

#define MIN_WIDTH     240
#define NATURAL_WIDTH 560
/* Below this width a qualifier moves from the bar's end under the
 * company's name, where it can wrap. */
#define NARROW_WIDTH  560

struct _UpskillLayoffsChart
{
  GtkWidget   parent_instance;

  GListModel *model;
  char       *summary;
};

G_DEFINE_FINAL_TYPE (UpskillLayoffsChart, upskill_layoffs_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The bars of the chart, as upskill_chart_draw_bars wants them. */
typedef struct
{
  guint       n_items;
  GPtrArray  *labels;        /* char* */
  GPtrArray  *value_labels;  /* char* */
  GArray     *values;        /* double */
} Bars;

static void
bars_clear (Bars *bars)
{
  g_clear_pointer (&bars->labels, g_ptr_array_unref);
  g_clear_pointer (&bars->value_labels, g_ptr_array_unref);
  g_clear_pointer (&bars->values, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bars, bars_clear)

static void
bars_init (Bars       *bars,
           GListModel *model,
           gboolean    narrow)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  bars->n_items = 0;
  bars->labels = g_ptr_array_new_with_free_func (g_free);
  bars->value_labels = g_ptr_array_new_with_free_func (g_free);
  bars->values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpskillClaimObject) item = g_list_model_get_item (model, i);
      UpskillFigure *figure = upskill_claim_object_get_claim (item)->figure;
      double value;

      if (figure == NULL)
        continue;

      value = (double) figure->value;
      g_array_append_val (bars->values, value);

      if (narrow && figure->qualifier[0] != '\0')
        {
          /* Translators: a company and the qualifier of its figure, on
           * two lines, e.g. "Meta (Facebook)\n(in multiple rounds)" */
          g_ptr_array_add (bars->labels, g_strdup_printf (_("%s\n(%s)"), figure->subject, figure->qualifier));
          g_ptr_array_add (bars->value_labels, upskill_format_figure_value (figure));
        }
      else
        {
          g_ptr_array_add (bars->labels, g_strdup (figure->subject));
          g_ptr_array_add (bars->value_labels, upskill_figure_dup_display (figure));
        }
      bars->n_items++;
    }
}

static void
fill_chart_style (UpskillLayoffsChart *self,
                  UpskillChartStyle   *style)
{
  upskill_chart_style_init_for_widget (style, GTK_WIDGET (self));
  style->grid.a = style->foreground.a * 0.15;
  /* The bars are filled areas: the accent's background variant is the one
   * meant for fills, in light, dark and high contrast alike. */
  style->accent = upskill_chart_color_lookup (GTK_WIDGET (self), "accent_bg_color", style->foreground);
  style->current = style->accent;
  style->target = style->foreground;
  style->target.a *= 0.5;
}

static double
draw_bars (UpskillLayoffsChart *self,
           cairo_t             *cr,
           double               width)
{
  g_auto(Bars) bars = { 0 };
  UpskillChartStyle style = { 0 };

  bars_init (&bars, self->model, width < NARROW_WIDTH);
  if (bars.n_items == 0)
    return 0;

  fill_chart_style (self, &style);

  return upskill_chart_draw_bars (cr, gtk_widget_get_pango_context (GTK_WIDGET (self)), &style, width,
                                  &(UpskillChartBars) {
                                    bars.n_items,
                                    (const char * const *) bars.labels->pdata,
                                    (const double *) (gpointer) bars.values->data,
                                    (const char * const *) bars.value_labels->pdata,
                                  });
}

static void
upskill_layoffs_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  UpskillLayoffsChart *self = UPSKILL_LAYOFFS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_bars (self, cr, width);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
upskill_layoffs_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
upskill_layoffs_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  UpskillLayoffsChart *self = UPSKILL_LAYOFFS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      double width = for_size > 0 ? for_size : NATURAL_WIDTH;
      /* Measuring and drawing lay text out on different surfaces: keep
       * a pixel or two to spare so hinting never clips the last row. */
      int height = (int) ceil (draw_bars (self, NULL, width));

      *minimum = *natural = height > 0 ? height + 2 : 0;
    }
}

/* Colors and fonts come from the style: redraw and remeasure when it
 * changes (light, dark, high contrast, text size). */
static void
upskill_layoffs_chart_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (upskill_layoffs_chart_parent_class)->css_changed (widget, change);

  gtk_widget_queue_resize (widget);
}

static char *
build_summary (UpskillLayoffsChart *self)
{
  GString *summary = g_string_new (NULL);
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpskillClaimObject) item = g_list_model_get_item (self->model, i);
      UpskillFigure *figure = upskill_claim_object_get_claim (item)->figure;
      g_autofree char *display = NULL;

      if (figure == NULL)
        continue;

      display = upskill_figure_dup_display (figure);
      if (summary->len > 0)
        g_string_append (summary, "\n");
      if (figure->reason[0] != '\0')
        /* Translators: one bar of the layoffs chart in words:
         * company, figure, unit, reason */
        g_string_append_printf (summary, _("%s: %s %s — %s"),
                                figure->subject, display, figure->unit, figure->reason);
      else
        /* Translators: one bar of the layoffs chart in words:
         * company, figure, unit */
        g_string_append_printf (summary, _("%s: %s %s"),
                                figure->subject, display, figure->unit);
    }

  return g_string_free (summary, FALSE);
}

static void
update_summary (UpskillLayoffsChart *self)
{
  g_autofree char *description = NULL;

  g_free (self->summary);
  self->summary = build_summary (self);

  description = g_strdup_printf ("%s\n%s",
                                 _("Bar chart of the layoffs the article lists; bars show each figure’s lower bound."),
                                 self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary[0] != '\0' ? self->summary : NULL);
}

static void
on_items_changed (UpskillLayoffsChart *self,
                  guint                position,
                  guint                removed,
                  guint                added,
                  GListModel          *model)
{
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
upskill_layoffs_chart_dispose (GObject *object)
{
  UpskillLayoffsChart *self = (UpskillLayoffsChart *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (upskill_layoffs_chart_parent_class)->dispose (object);
}

static void
upskill_layoffs_chart_finalize (GObject *object)
{
  UpskillLayoffsChart *self = (UpskillLayoffsChart *)object;

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (upskill_layoffs_chart_parent_class)->finalize (object);
}

static void
upskill_layoffs_chart_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UpskillLayoffsChart *self = UPSKILL_LAYOFFS_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_layoffs_chart_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UpskillLayoffsChart *self = UPSKILL_LAYOFFS_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      upskill_layoffs_chart_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_layoffs_chart_class_init (UpskillLayoffsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_layoffs_chart_dispose;
  object_class->finalize = upskill_layoffs_chart_finalize;
  object_class->get_property = upskill_layoffs_chart_get_property;
  object_class->set_property = upskill_layoffs_chart_set_property;

  widget_class->snapshot = upskill_layoffs_chart_snapshot;
  widget_class->measure = upskill_layoffs_chart_measure;
  widget_class->get_request_mode = upskill_layoffs_chart_get_request_mode;
  widget_class->css_changed = upskill_layoffs_chart_css_changed;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "layoffschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
upskill_layoffs_chart_init (UpskillLayoffsChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Layoffs chart"),
                                  -1);
  update_summary (self);
}

GtkWidget *
upskill_layoffs_chart_new (void)
{
  return g_object_new (UPSKILL_TYPE_LAYOFFS_CHART, NULL);
}

void
upskill_layoffs_chart_set_model (UpskillLayoffsChart *self,
                                 GListModel          *model)
{
  g_return_if_fail (UPSKILL_IS_LAYOFFS_CHART (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);

  g_set_object (&self->model, model);

  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed",
                             G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
upskill_layoffs_chart_get_model (UpskillLayoffsChart *self)
{
  g_return_val_if_fail (UPSKILL_IS_LAYOFFS_CHART (self), NULL);

  return self->model;
}

const char *
upskill_layoffs_chart_get_summary (UpskillLayoffsChart *self)
{
  g_return_val_if_fail (UPSKILL_IS_LAYOFFS_CHART (self), NULL);

  return self->summary;
}
