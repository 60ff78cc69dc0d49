/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "upskill-chart.h"

/* Pure colors, so a pixel's color says what drew it. */
static const UpskillChartStyle test_style = {
  .foreground = { 0, 0, 0, 1 },
  .grid = { 0.6, 0.6, 0.6, 1 },
  .current = { 1, 0, 0, 1 },
  .target = { 0, 0, 1, 1 },
  .accent = { 0, 0.8, 0, 1 },
  .font_family = NULL,
  .font_size = 12,
};

static const char * const area_labels[] = {
  "Python", "ML frameworks", "MLOps", "Data engineering",
  "Cloud AI platforms", "AI security", "AI-assisted development",
};

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
} Canvas;

static void
canvas_init (Canvas *canvas,
             int     width,
             int     height)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  canvas->cr = cairo_create (canvas->surface);
  cairo_set_source_rgb (canvas->cr, 1, 1, 1);
  cairo_paint (canvas->cr);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

static void
canvas_pixel (Canvas *canvas,
              int     x,
              int     y,
              double *r,
              double *g,
              double *b)
{
  guint32 pixel;
  unsigned char *data;
  int stride;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (canvas->surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (canvas->surface));
  memcpy (&pixel, data + y * stride + x * 4, 4);
  *r = ((pixel >> 16) & 0xff) / 255.0;
  *g = ((pixel >> 8) & 0xff) / 255.0;
  *b = (pixel & 0xff) / 255.0;
}

/* The current fill: red at low alpha over white. */
static gboolean
is_current_tint (Canvas *canvas,
                 int     x,
                 int     y)
{
  double r, g, b;

  canvas_pixel (canvas, x, y, &r, &g, &b);
  return r > 0.95 && g < 0.85 && g > 0.5 && fabs (g - b) < 0.05;
}

static gboolean
is_white (Canvas *canvas,
          int     x,
          int     y)
{
  double r, g, b;

  canvas_pixel (canvas, x, y, &r, &g, &b);
  return r > 0.99 && g > 0.99 && b > 0.99;
}

static gboolean
is_green (Canvas *canvas,
          int     x,
          int     y)
{
  double r, g, b;

  canvas_pixel (canvas, x, y, &r, &g, &b);
  return r < 0.1 && g > 0.7 && b < 0.1;
}

static gboolean
is_red (Canvas *canvas,
        int     x,
        int     y)
{
  double r, g, b;

  canvas_pixel (canvas, x, y, &r, &g, &b);
  return r > 0.9 && g < 0.2 && b < 0.2;
}

/* Draws into a one-page PDF and returns its text, as pdftotext reads it. */
typedef void (*DrawFunc) (cairo_t *cr);

static char *
pdf_text_of (DrawFunc draw)
{
  g_autofree char *dir = g_dir_make_tmp ("upskill-chart-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  int status = -1;

  g_assert_nonnull (dir);
  surface = cairo_pdf_surface_create (pdf, 600, 600);
  cr = cairo_create (surface);
  draw (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &text, &errors, &status, &error))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      g_unlink (pdf);
      g_rmdir (dir);
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (pdf);
  g_rmdir (dir);
  return g_steal_pointer (&text);
}

/* Collapses whitespace, so wrapped labels compare as one line. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- */

static void
test_radar_fill (void)
{
  /* Python at 5, the others at 1: a spike upward. */
  const double current[] = { 5, 1, 1, 1, 1, 1, 1 };
  const double target[] = { 4, 4, 4, 4, 4, 4, 4 };
  Canvas canvas;
  int cx = 200, cy = 200;

  canvas_init (&canvas, 400, 400);
  upskill_chart_draw_radar (canvas.cr, &test_style, 400, 400, &(UpskillChartRadar) { 7, area_labels, current, target, 5 });

  /* Inside the spike, just off the vertical spoke: the current color. */
  g_assert_true (is_current_tint (&canvas, cx + 4, cy - 60));
  g_assert_true (is_current_tint (&canvas, cx - 4, cy - 60));
  /* Near the center, where every area is at least 1. */
  g_assert_true (is_current_tint (&canvas, cx + 7, cy + 7));
  /* Off to the side of the spike, at the same height: not filled. */
  g_assert_false (is_current_tint (&canvas, cx + 45, cy - 60));
  g_assert_false (is_current_tint (&canvas, cx - 45, cy - 60));

  /* The outline of the spike's tip is opaque red somewhere above y = cy - 100. */
  {
    gboolean found = FALSE;

    for (int y = 0; y < cy - 100 && !found; y++)
      for (int x = cx - 3; x <= cx + 3 && !found; x++)
        found = is_red (&canvas, x, y);
    g_assert_true (found);
  }

  canvas_clear (&canvas);
}

static void
test_radar_labels_inside (void)
{
  const char * const long_labels[] = {
    "Python", "Machine-learning frameworks and their evaluation",
    "MLOps", "Data engineering for analytics and AI pipelines",
    "Cloud AI platforms (Bedrock, Vertex AI, Azure AI Studio)",
    "AI security", "AI-assisted development with code review",
  };
  const double current[] = { 3, 2, 1, 4, 2, 1, 3 };
  Canvas canvas;
  int top_dark = 0;

  /* Draw at (100, 100) with a 400x300 box: nothing may land outside it. */
  canvas_init (&canvas, 600, 500);
  cairo_translate (canvas.cr, 100, 100);
  upskill_chart_draw_radar (canvas.cr, &test_style, 400, 300, &(UpskillChartRadar) { 7, long_labels, current, NULL, 5 });

  for (int y = 0; y < 500; y++)
    for (int x = 0; x < 600; x++)
      {
        if (x >= 100 && x < 500 && y >= 100 && y < 400)
          {
            double r, g, b;

            canvas_pixel (&canvas, x, y, &r, &g, &b);
            /* Label text (black): the labels are drawn. */
            if (r < 0.3 && g < 0.3 && b < 0.3)
              top_dark++;
            continue;
          }
        if (!is_white (&canvas, x, y))
          g_error ("radar drew outside its box at %d,%d", x, y);
      }
  g_assert_cmpint (top_dark, >, 500);

  canvas_clear (&canvas);
}

static void
draw_radar_for_pdf (cairo_t *cr)
{
  const double current[] = { 3, 2, 1, 4, 2, 1, 3 };

  upskill_chart_draw_radar (cr, &test_style, 500, 400, &(UpskillChartRadar) { 7, area_labels, current, current, 5 });
}

static void
test_radar_labels_are_text (void)
{
  g_autofree char *text = pdf_text_of (draw_radar_for_pdf);
  g_autofree char *flat = NULL;

  if (text == NULL)
    return;
  flat = squeeze (text);
  for (guint i = 0; i < G_N_ELEMENTS (area_labels); i++)
    {
      /* Wrapped labels may split across lines; every word must be there. */
      g_auto(GStrv) words = g_strsplit (area_labels[i], " ", -1);

      for (guint w = 0; words[w]; w++)
        if (strstr (flat, words[w]) == NULL)
          g_error ("label word “%s” missing from: %s", words[w], flat);
    }
}

/* ---------------------------------------------------------------- */

static const char * const bar_labels[] = { "Amazon", "Google (Alphabet)", "Meta" };
static const double bar_values[] = { 14000, 7000, 3500 };
static const char * const bar_value_labels[] = { "14,000", "~12,000+ (incl. earlier)", "3,500" };

static void
test_bars_proportional (void)
{
  Canvas canvas;
  int lengths[3] = { 0 };
  guint n_bars = 0;
  gboolean in_bar = FALSE;
  double height;

  canvas_init (&canvas, 600, 200);
  height = upskill_chart_draw_bars (canvas.cr, NULL, &test_style, 600,
                                    &(UpskillChartBars) { 3, bar_labels, bar_values, bar_value_labels });
  g_assert_cmpfloat (height, >, 0);
  g_assert_cmpfloat (height, <, 200);

  /* Each bar is a run of rows with green; its length is the green count
   * on its middle row. */
  for (int y = 0; y < 200; y++)
    {
      int count = 0;

      for (int x = 0; x < 600; x++)
        count += is_green (&canvas, x, y);

      if (count > 0 && !in_bar)
        {
          g_assert_cmpuint (n_bars, <, 3);
          n_bars++;
          in_bar = TRUE;
        }
      else if (count == 0)
        in_bar = FALSE;

      if (count > 0)
        lengths[n_bars - 1] = MAX (lengths[n_bars - 1], count);
    }

  g_assert_cmpuint (n_bars, ==, 3);
  g_assert_cmpint (lengths[0], >, 100);
  g_assert_cmpint (ABS (lengths[0] - 2 * lengths[1]), <=, 2);
  g_assert_cmpint (ABS (lengths[0] - 4 * lengths[2]), <=, 3);

  /* Nothing is drawn below the height it reported. */
  for (int y = (int) ceil (height) + 1; y < 200; y++)
    for (int x = 0; x < 600; x++)
      g_assert_true (is_white (&canvas, x, y));

  canvas_clear (&canvas);
}

static void
test_bars_measure (void)
{
  const char *labels[12];
  double values[12];
  const char *value_labels[12];
  double previous = 0;

  for (guint i = 0; i < 12; i++)
    {
      labels[i] = i % 3 == 0 ? "A label long enough that it has to wrap onto a second line" : "Short";
      values[i] = i + 1;
      value_labels[i] = "~1,000+";
    }

  for (guint n = 1; n <= 12; n++)
    {
      double height = upskill_chart_draw_bars (NULL, NULL, &test_style, 300,
                                               &(UpskillChartBars) { n, labels, values, value_labels });
      g_assert_cmpfloat (height, >, previous);
      previous = height;
    }

  /* A wrapped label makes its row taller than a one-line row. */
  {
    const char *one_short[] = { "Short" };
    const char *one_long[] = { labels[0] };
    double h_short = upskill_chart_draw_bars (NULL, NULL, &test_style, 300, &(UpskillChartBars) { 1, one_short, values, value_labels });
    double h_long = upskill_chart_draw_bars (NULL, NULL, &test_style, 300, &(UpskillChartBars) { 1, one_long, values, value_labels });

    g_assert_cmpfloat (h_long, >, h_short * 1.5);
  }
}

static void
draw_bars_for_pdf (cairo_t *cr)
{
  upskill_chart_draw_bars (cr, NULL, &test_style, 500, &(UpskillChartBars) { 3, bar_labels, bar_values, bar_value_labels });
}

static void
test_bars_value_labels_verbatim (void)
{
  g_autofree char *text = pdf_text_of (draw_bars_for_pdf);

  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "~12,000+ (incl. earlier)"));
  g_assert_nonnull (strstr (text, "14,000"));
  g_assert_nonnull (strstr (text, "Google (Alphabet)"));
}

/* ---------------------------------------------------------------- */

static gint64
unix_time (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (time);
}

static void
draw_rising_line (cairo_t *cr,
                  double   width,
                  double   height)
{
  gint64 times[4];
  const double rising[] = { 10, 30, 60, 90 };
  const double * const series[] = { rising };
  const char * const names[] = { "Overall readiness" };

  times[0] = unix_time (2025, 11, 10);
  times[1] = unix_time (2026, 1, 5);
  times[2] = unix_time (2026, 2, 20);
  times[3] = unix_time (2026, 4, 1);
  upskill_chart_draw_lines (cr, &test_style, width, height, &(UpskillChartLines) { 4, times, 1, series, names, NULL });
}

static void
test_lines_rise (void)
{
  Canvas canvas;
  int left_y = -1, right_y = -1;

  canvas_init (&canvas, 500, 300);
  draw_rising_line (canvas.cr, 500, 300);

  /* The topmost red pixel of the first fifth of the plot is lower on the
   * page than that of the last fifth: the line rises. The line's name
   * stands at its end, right of the plot (x > 400), with a red marker. */
  for (int y = 40; y < 300 && left_y < 0; y++)
    for (int x = 50; x < 140; x++)
      if (is_red (&canvas, x, y))
        {
          left_y = y;
          break;
        }
  for (int y = 40; y < 300 && right_y < 0; y++)
    for (int x = 320; x < 390; x++)
      if (is_red (&canvas, x, y))
        {
          right_y = y;
          break;
        }

  g_assert_cmpint (left_y, >, 0);
  g_assert_cmpint (right_y, >, 0);
  g_assert_cmpint (left_y - right_y, >, 100);

  canvas_clear (&canvas);
}

static void
draw_lines_for_pdf (cairo_t *cr)
{
  draw_rising_line (cr, 500, 300);
}

static void
test_lines_axes (void)
{
  g_autofree char *text = pdf_text_of (draw_lines_for_pdf);

  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Overall readiness"));
  g_assert_nonnull (strstr (text, "100%"));
  g_assert_nonnull (strstr (text, "0%"));
  /* Month ticks (every second month, beside the line's name), with the
   * year at the start and on January. */
  g_assert_nonnull (strstr (text, "Jan 2026"));
  g_assert_nonnull (strstr (text, "Mar"));
}

/* Two series in one colour, as a grayscale printout makes them: still
 * told apart, by the dash of their lines. */
static guint
count_red_runs (Canvas *canvas,
                int     y,
                int     x0,
                int     x1)
{
  guint runs = 0;
  gboolean in_run = FALSE;

  for (int x = x0; x < x1; x++)
    {
      gboolean red = is_red (canvas, x, y) || is_red (canvas, x, y - 1) || is_red (canvas, x, y + 1);

      if (red && !in_run)
        runs++;
      in_run = red;
    }
  return runs;
}

static void
test_lines_grayscale (void)
{
  Canvas canvas;
  gint64 times[2];
  const double high[] = { 80, 80 };
  const double low[] = { 30, 30 };
  const double * const series[] = { high, low };
  const UpskillChartColor same[] = { { 1, 0, 0, 1 }, { 1, 0, 0, 1 } };
  int rows[2] = { -1, -1 };
  guint n_rows = 0;

  times[0] = unix_time (2026, 1, 1);
  times[1] = unix_time (2026, 6, 1);
  canvas_init (&canvas, 500, 300);
  upskill_chart_draw_lines (canvas.cr, &test_style, 500, 300, &(UpskillChartLines) { 2, times, 2, series, NULL, same });

  /* The two lines' rows, seen down the middle of the plot. */
  for (int y = 0; y < 300 && n_rows < 2; y++)
    if (is_red (&canvas, 250, y) || is_red (&canvas, 253, y) || is_red (&canvas, 256, y))
      {
        rows[n_rows++] = y + 1;
        y += 10;
      }
  g_assert_cmpuint (n_rows, ==, 2);

  /* The first line is solid, the second broken into dashes. */
  g_assert_cmpuint (count_red_runs (&canvas, rows[0], 120, 400), ==, 1);
  g_assert_cmpuint (count_red_runs (&canvas, rows[1], 120, 400), >=, 8);

  canvas_clear (&canvas);
}

static void
draw_lines_to_date (cairo_t *cr)
{
  UpskillChartStyle style = test_style;
  gint64 times[2];
  const double values[] = { 20, 40 };
  const double * const series[] = { values };
  const char * const names[] = { "Overall readiness" };

  times[0] = unix_time (2026, 1, 10);
  times[1] = unix_time (2026, 3, 10);
  style.time_end = unix_time (2026, 9, 20);
  upskill_chart_draw_lines (cr, &style, 500, 300, &(UpskillChartLines) { 2, times, 1, series, names, NULL });
}

static void
test_lines_run_to_date (void)
{
  g_autofree char *text = pdf_text_of (draw_lines_to_date);

  if (text == NULL)
    return;
  /* The last change was in March; the axis still runs to September. */
  g_assert_nonnull (strstr (text, "Sep"));
  g_assert_nonnull (strstr (text, "Overall readiness"));
}

/* Times at the ends of GDateTime's range, where adding a month gives
 * NULL: the axis ends there, with whole years as ticks, and drawing
 * ends (it once looped for ever on criticals). */
static void
draw_far_dates (cairo_t *cr)
{
  gint64 times[3];
  const double values[] = { 10, 50, 90 };
  const double * const series[] = { values };
  const char * const names[] = { "Overall readiness" };

  times[0] = unix_time (2026, 4, 6);
  times[1] = unix_time (5000, 6, 1);
  times[2] = unix_time (9999, 12, 31);
  upskill_chart_draw_lines (cr, &test_style, 500, 300, &(UpskillChartLines) { 3, times, 1, series, names, NULL });
}

static void
test_lines_far_dates (void)
{
  Canvas canvas;
  g_autofree char *text = NULL;
  gint64 times[2];
  const double values[] = { 10, 90 };
  const double * const series[] = { values };

  canvas_init (&canvas, 500, 300);
  draw_far_dates (canvas.cr);
  /* The first and the last day GDateTime holds. */
  times[0] = unix_time (1, 1, 1);
  times[1] = unix_time (9999, 12, 31);
  upskill_chart_draw_lines (canvas.cr, &test_style, 500, 300, &(UpskillChartLines) { 2, times, 1, series, NULL, NULL });
  canvas_clear (&canvas);

  text = pdf_text_of (draw_far_dates);
  if (text == NULL)
    return;
  /* Whole years from the first January on, several of them. */
  g_assert_nonnull (strstr (text, "Jan 2027"));
  {
    guint n_ticks = 0;

    for (const char *p = strstr (text, "Jan "); p != NULL; p = strstr (p + 1, "Jan "))
      n_ticks++;
    g_assert_cmpuint (n_ticks, >=, 3);
  }
}

static void
test_degenerate_input (void)
{
  Canvas canvas;
  gint64 one_time = unix_time (2026, 3, 3);
  const double one_value[] = { 40 };
  const double * const series[] = { one_value };

  canvas_init (&canvas, 50, 50);
  /* Too few axes, zero sizes, no points, one point: no crash, no drawing
   * outside, and the one point is shown. */
  upskill_chart_draw_radar (canvas.cr, &test_style, 50, 50, &(UpskillChartRadar) { 2, area_labels, NULL, NULL, 5 });
  upskill_chart_draw_radar (canvas.cr, &test_style, 0, 0, &(UpskillChartRadar) { 7, area_labels, NULL, NULL, 5 });
  g_assert_cmpfloat (upskill_chart_draw_bars (canvas.cr, NULL, &test_style, 50, &(UpskillChartBars) { 0 }), ==, 0);
  upskill_chart_draw_lines (canvas.cr, &test_style, 50, 50, &(UpskillChartLines) { 0 });
  canvas_clear (&canvas);

  canvas_init (&canvas, 300, 200);
  upskill_chart_draw_lines (canvas.cr, &test_style, 300, 200, &(UpskillChartLines) { 1, &one_time, 1, series, NULL, NULL });
  {
    int red = 0;

    for (int y = 0; y < 200; y++)
      for (int x = 0; x < 300; x++)
        red += is_red (&canvas, x, y);
    g_assert_cmpint (red, >, 3);
  }
  canvas_clear (&canvas);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/chart/radar/fill", test_radar_fill);
  g_test_add_func ("/upskill/chart/radar/labels-inside", test_radar_labels_inside);
  g_test_add_func ("/upskill/chart/radar/labels-are-text", test_radar_labels_are_text);
  g_test_add_func ("/upskill/chart/bars/proportional", test_bars_proportional);
  g_test_add_func ("/upskill/chart/bars/measure", test_bars_measure);
  g_test_add_func ("/upskill/chart/bars/value-labels-verbatim", test_bars_value_labels_verbatim);
  g_test_add_func ("/upskill/chart/lines/rise", test_lines_rise);
  g_test_add_func ("/upskill/chart/lines/axes", test_lines_axes);
  g_test_add_func ("/upskill/chart/lines/grayscale", test_lines_grayscale);
  g_test_add_func ("/upskill/chart/lines/run-to-date", test_lines_run_to_date);
  g_test_add_func ("/upskill/chart/degenerate", test_degenerate_input);
  g_test_add_func ("/upskill/chart/lines/far-dates", test_lines_far_dates);

  return g_test_run ();
}
