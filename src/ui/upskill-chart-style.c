/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-chart-style.h"

/* What the chart functions use when the widget's font says nothing. */
#define DEFAULT_FONT_SIZE 13.0

UpskillChartColor
upskill_chart_color_from_rgba (const GdkRGBA *rgba,
                               double         alpha_scale)
{
  return (UpskillChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha_scale };
}

UpskillChartColor
upskill_chart_color_lookup (GtkWidget         *widget,
                            const char        *name,
                            UpskillChartColor  fallback)
{
  GdkRGBA color;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), fallback);
  g_return_val_if_fail (name != NULL, fallback);

  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    return upskill_chart_color_from_rgba (&color, 1.0);

  return fallback;
}

/* The size of the widget's font in pixels, as Pango lays text out on the
 * widget's surface. */
static double
get_font_size (PangoContext               *pango_context,
               const PangoFontDescription *font)
{
  double size;

  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return DEFAULT_FONT_SIZE;

  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    {
      double resolution = pango_cairo_context_get_resolution (pango_context);

      size = size * (resolution > 0 ? resolution : 96.0) / 72.0;
    }

  return size;
}

void
upskill_chart_style_init_for_widget (UpskillChartStyle *style,
                                     GtkWidget         *widget)
{
  PangoContext *pango_context;
  const PangoFontDescription *font;
  GdkRGBA foreground;

  g_return_if_fail (style != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  pango_context = gtk_widget_get_pango_context (widget);
  font = pango_context_get_font_description (pango_context);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);

  style->foreground = upskill_chart_color_from_rgba (&foreground, 1.0);
  style->grid = upskill_chart_color_from_rgba (&foreground, 0.18);
  style->accent = upskill_chart_color_lookup (widget, "accent_color", style->foreground);
  style->current = style->accent;
  style->target = style->accent;
  style->font_family = font != NULL ? pango_font_description_get_family (font) : NULL;
  style->font_size = get_font_size (pango_context, font);
}
