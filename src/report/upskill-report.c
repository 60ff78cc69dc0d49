/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1 /* newlocale, _NL_PAPER_WIDTH */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "upskill-chart.h"
#include "upskill-date.h"
#include "upskill-error.h"
#include "upskill-file.h"
#include "upskill-format.h"
#include "upskill-level.h"
#include "upskill-planner.h"
#include "upskill-readiness.h"
#include "upskill-report-doc.h"
#include "upskill-progress.h"
#include "upskill-report.h"
#include "upskill-store.h"
#include "upskill-url.h"

#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

#define MAX_KEY_CLAIMS 12
#define MAX_CHANGES    40

#define NGETTEXT(singular, plural, n) g_dngettext (GETTEXT_PACKAGE, singular, plural, n)

typedef struct
{
  UpskillProfile   *profile;       /* a copy, owned */
  UpskillProfile   *plan_profile;  /* profile, or a copy with a generated plan */
  gboolean          plan_generated;
  UpskillCatalog   *catalog;
  UpskillTrends    *trends;        /* may be NULL */
  UpskillPaper      paper;
  gboolean          include_notes;
  gboolean          include_evidence;
  gboolean          include_market_context;
  char             *coach_name;    /* NULL for none */
  char             *coach_contact; /* NULL for none */
  GDateTime        *date;

  UpskillRole      *role;
  double            readiness;
  GPtrArray        *gaps;          /* UpskillGap* */
  GPtrArray        *schedule;      /* UpskillScheduledStep* */
  GDate             finish;
  UpskillForecast  *forecast;
  UpskillBaseline   baseline;

  UpskillReportDoc *doc;
} Report;

static void
report_free (Report *report)
{
  g_clear_pointer (&report->forecast, upskill_forecast_free);
  g_clear_pointer (&report->schedule, g_ptr_array_unref);
  g_clear_pointer (&report->gaps, g_ptr_array_unref);
  g_clear_object (&report->plan_profile);
  g_clear_object (&report->profile);
  g_clear_object (&report->catalog);
  g_clear_object (&report->trends);
  g_clear_pointer (&report->coach_name, g_free);
  g_clear_pointer (&report->coach_contact, g_free);
  g_clear_pointer (&report->date, g_date_time_unref);
  g_clear_pointer (&report->doc, upskill_report_doc_free);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

void
upskill_report_options_init (UpskillReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper = UPSKILL_PAPER_AUTO;
  options->include_notes = TRUE;
  options->include_evidence = TRUE;
  options->include_market_context = TRUE;
  options->coach_name = NULL;
  options->coach_contact = NULL;
  options->date = 0;
}

/* ---------------------------------------------------------------- */
/* Paper                                                             */
/* ---------------------------------------------------------------- */

static gboolean
territory_uses_letter (const char *locale)
{
  const char *underscore;

  if (locale == NULL || *locale == '\0')
    return FALSE;

  underscore = strchr (locale, '_');
  if (underscore == NULL)
    return FALSE;

  return g_str_has_prefix (underscore + 1, "US") || g_str_has_prefix (underscore + 1, "CA");
}

/* Letter in the US and Canada, A4 elsewhere: from the locale's paper
 * width when the locale is installed, else from its territory. The
 * environment is read directly, since the program may not have called
 * setlocale (LC_PAPER) itself. */
static UpskillPaper
paper_from_locale (void)
{
  const char *names[] = { "LC_ALL", "LC_PAPER", "LANG" };
  const char *name = NULL;
  locale_t locale;

  for (guint i = 0; i < G_N_ELEMENTS (names) && name == NULL; i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        name = value;
    }

#ifdef _NL_PAPER_WIDTH
  locale = newlocale (LC_PAPER_MASK, "", (locale_t) 0);
  if (locale != (locale_t) 0)
    {
      union { char *string; unsigned int word; } width;

      width.string = nl_langinfo_l (_NL_PAPER_WIDTH, locale);
      freelocale (locale);
      if (width.word == 216)
        return UPSKILL_PAPER_LETTER;
      if (width.word == 210)
        {
          /* The C locale reports A4 too; trust it only when a real
           * locale was asked for. */
          if (name != NULL && !g_str_equal (name, "C") && !g_str_has_prefix (name, "C.") &&
              !g_str_equal (name, "POSIX"))
            return UPSKILL_PAPER_A4;
        }
    }
#else
  (void) locale;
#endif

  return territory_uses_letter (name) ? UPSKILL_PAPER_LETTER : UPSKILL_PAPER_A4;
}

static UpskillPaper
resolve_paper (UpskillPaper paper)
{
  if (paper == UPSKILL_PAPER_A4 || paper == UPSKILL_PAPER_LETTER)
    return paper;
  return paper_from_locale ();
}

/* ---------------------------------------------------------------- */
/* Words                                                             */
/* ---------------------------------------------------------------- */

/* Names written in any script, set into our sentences: isolated, so an
 * Arabic name does not reorder the English words around it. */
static char *
isolate (const char *text)
{
  return g_strconcat ("\u2068", text ? text : "", "\u2069", NULL);
}

static char *
format_unix_date (gint64 unix_time)
{
  return upskill_format_day_unix (unix_time);
}

static char *
format_date_range (const GDate *start,
                   const GDate *finish)
{
  return upskill_format_date_range (start, finish);
}

static char *
format_percent (double value)
{
  return upskill_format_percent (value);
}

static char *
format_level (guint level)
{
  return upskill_format_level (level);
}

static double
demand_of (Report      *report,
           UpskillArea *area)
{
  if (report->trends == NULL || area == NULL)
    return 0;
  return upskill_trends_get_demand_signal (report->trends, area);
}

static const char *
role_name (Report *report)
{
  return report->role ? report->role->name : _("No target role");
}

static UpskillChartStyle
print_chart_style (void)
{
  UpskillChartStyle style = {
    .foreground = { upskill_report_ink.r, upskill_report_ink.g, upskill_report_ink.b, 1 },
    .grid = { upskill_report_rule.r, upskill_report_rule.g, upskill_report_rule.b, 1 },
    .current = { upskill_report_accent.r, upskill_report_accent.g, upskill_report_accent.b, 1 },
    .target = { upskill_report_target.r, upskill_report_target.g, upskill_report_target.b, 1 },
    .accent = { upskill_report_accent.r, upskill_report_accent.g, upskill_report_accent.b, 1 },
    .font_family = UPSKILL_REPORT_FONT_FAMILY,
    .font_size = 9,
  };

  return style;
}

/* ---------------------------------------------------------------- */
/* Cover                                                             */
/* ---------------------------------------------------------------- */

static void
draw_cover_figure (UpskillReportDoc *doc,
                   cairo_t          *cr,
                   double            x,
                   double            y,
                   double            width,
                   const char       *value,
                   const char       *caption)
{
  g_autoptr(PangoLayout) number = upskill_report_doc_layout (doc, UPSKILL_TEXT_FIGURE, value, width - 12);
  g_autoptr(PangoLayout) label = upskill_report_doc_layout (doc, UPSKILL_TEXT_SMALL, caption, width - 12);

  upskill_report_show_layout (cr, number, x, y, &upskill_report_ink);
  upskill_report_show_layout (cr, label, x, y + upskill_report_layout_height (number) + 2,
                              &upskill_report_muted);
}

/* An accent rule, the kicker, the person, their roles, their goal, the
 * date and the coach; returns where the next part starts. */
static double
draw_cover_person (Report           *report,
                   UpskillReportDoc *doc,
                   cairo_t          *cr,
                   double            margin,
                   double            width,
                   double            top)
{
  g_autoptr(PangoLayout) kicker = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) roles = NULL;
  g_autoptr(PangoLayout) meta = NULL;
  g_autoptr(PangoLayout) goal_label = NULL;
  g_autoptr(PangoLayout) goal = NULL;
  g_autofree char *roles_markup = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta_text = NULL;
  g_autofree char *goal_text = upskill_format_goal (upskill_profile_get_goal (report->profile),
                                                    upskill_profile_get_goal_date (report->profile));
  const char *current_role = upskill_profile_get_current_role (report->profile);

  cairo_set_source_rgb (cr, upskill_report_accent.r, upskill_report_accent.g, upskill_report_accent.b);
  cairo_rectangle (cr, margin, top - 22, 36, 3);
  cairo_fill (cr);

  kicker = upskill_report_doc_layout (doc, UPSKILL_TEXT_KICKER, _("PROGRESS REPORT"), width);
  upskill_report_show_layout (cr, kicker, margin, top, &upskill_report_accent);
  top += upskill_report_layout_height (kicker) + 10;

  name = upskill_report_doc_layout (doc, UPSKILL_TEXT_TITLE, upskill_profile_get_name (report->profile), width);
  pango_layout_set_height (name, -3);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  upskill_report_show_layout (cr, name, margin, top, &upskill_report_ink);
  top += upskill_report_layout_height (name) + 12;

  if (current_role == NULL || *current_role == '\0')
    current_role = _("Current role not given");
  /* The target on a line of its own, so the arrow never dangles. */
  roles_markup = g_markup_printf_escaped ("%s\n<span foreground='#cc611c'>→</span> <b>%s</b>",
                                          current_role, role_name (report));
  roles = upskill_report_doc_layout_markup (doc, UPSKILL_TEXT_SUBTITLE, roles_markup, width);
  pango_layout_set_height (roles, -4);
  pango_layout_set_ellipsize (roles, PANGO_ELLIPSIZE_END);
  upskill_report_show_layout (cr, roles, margin, top, &upskill_report_ink);
  top += upskill_report_layout_height (roles) + 16;

  /* The person's goal in their own words, as plain text; no label
   * without one. */
  if (goal_text != NULL)
    {
      goal_label = upskill_report_doc_layout (doc, UPSKILL_TEXT_LABEL, _("Goal"), width);
      upskill_report_show_layout (cr, goal_label, margin, top, &upskill_report_muted);
      top += upskill_report_layout_height (goal_label) + 4;

      goal = upskill_report_doc_layout (doc, UPSKILL_TEXT_BODY, goal_text, width);
      pango_layout_set_height (goal, -4);
      pango_layout_set_ellipsize (goal, PANGO_ELLIPSIZE_END);
      upskill_report_show_layout (cr, goal, margin, top, &upskill_report_ink);
      top += upskill_report_layout_height (goal) + 16;
    }

  date = upskill_date_time_format_day (report->date);
  if (report->coach_name != NULL)
    /* Translators: on the cover: the date, then the coach's name. */
    {
      g_autofree char *coach = isolate (report->coach_name);

      meta_text = g_strdup_printf (_("%s  ·  Coach: %s"), date, coach);
    }
  else
    meta_text = g_strdup (date);
  meta = upskill_report_doc_layout (doc, UPSKILL_TEXT_BODY, meta_text, width);
  upskill_report_show_layout (cr, meta, margin, top, &upskill_report_muted);
  return top + upskill_report_layout_height (meta);
}

/* Key figures, between two rules: readiness now, where the plan leads,
 * the gaps; returns where the second rule is. */
static double
draw_cover_figures (Report           *report,
                    UpskillReportDoc *doc,
                    cairo_t          *cr,
                    double            margin,
                    double            width,
                    double            top)
{
  g_autofree char *readiness = NULL;
  g_autofree char *n_gaps = NULL;
  g_autofree char *finish = NULL;
  g_autofree char *finish_caption = NULL;
  g_autoptr(PangoLayout) forecast = NULL;
  double column;

  cairo_set_source_rgb (cr, upskill_report_rule.r, upskill_report_rule.g, upskill_report_rule.b);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, margin, top);
  cairo_line_to (cr, margin + width, top);
  cairo_stroke (cr);

  readiness = format_percent (report->readiness);
  n_gaps = g_strdup_printf ("%u", report->gaps->len);
  /* Not the plan's end date alone, which reads as "ready by then": the
   * readiness the plan leads to, and on which day. */
  finish = format_percent (report->role != NULL ? report->forecast->at_end : -1);
  if (g_date_valid (&report->forecast->end))
    {
      g_autofree char *end = upskill_format_day (&report->forecast->end);

      /* Translators: under the forecast figure on the cover: "when the plan ends on 22 January 2027" */
      finish_caption = g_strdup_printf (_("when the plan ends on %s"), end);
    }
  else
    finish_caption = g_strdup (_("with the plan (no dates: no weekly hours, or nothing left)"));

  column = width / 3;
  draw_cover_figure (doc, cr, margin, top + 16, column, readiness, _("overall readiness now"));
  draw_cover_figure (doc, cr, margin + column, top + 16, column, finish, finish_caption);
  draw_cover_figure (doc, cr, margin + 2 * column, top + 16, column, n_gaps,
                     NGETTEXT ("skill below its target", "skills below their targets", report->gaps->len));
  top += 16 + 62;

  if (report->role != NULL)
    {
      g_autofree char *sentence = upskill_format_forecast (report->forecast);

      forecast = upskill_report_doc_layout (doc, UPSKILL_TEXT_BODY, sentence, width);
      upskill_report_show_layout (cr, forecast, margin, top, &upskill_report_ink);
      top += upskill_report_layout_height (forecast) + 10;
    }

  cairo_set_source_rgb (cr, upskill_report_rule.r, upskill_report_rule.g, upskill_report_rule.b);
  cairo_move_to (cr, margin, top);
  cairo_line_to (cr, margin + width, top);
  cairo_stroke (cr);
  return top;
}

/* The contents, each line a link to its section, and the colophon at
 * the foot of the page. */
static void
draw_cover_contents (Report           *report,
                     UpskillReportDoc *doc,
                     cairo_t          *cr,
                     double            margin,
                     double            width,
                     double            top,
                     double            page_height)
{
  g_autoptr(PangoLayout) contents_title = NULL;
  g_autoptr(PangoLayout) colophon = NULL;
  g_autofree char *colophon_text = NULL;
  double row_gap = 8;

  top += 26;
  contents_title = upskill_report_doc_layout (doc, UPSKILL_TEXT_LABEL, _("Contents"), width);
  upskill_report_show_layout (cr, contents_title, margin, top, &upskill_report_muted);
  top += upskill_report_layout_height (contents_title) + 6;

  /* The colophon, measured first: the contents share what is left above
   * it, so a longer report tightens the rows rather than run into it. */
  if (report->trends != NULL && report->include_market_context)
    /* Translators: the cover's last line; %s is the app's version, then the article's title. */
    colophon_text = g_strdup_printf (_("Prepared with Upskill %s. Market context from “%s”."),
                                     PACKAGE_VERSION, upskill_trends_get_source_title (report->trends));
  else
    colophon_text = g_strdup_printf (_("Prepared with Upskill %s."), PACKAGE_VERSION);
  colophon = upskill_report_doc_layout (doc, UPSKILL_TEXT_SMALL, colophon_text, width);
  {
    guint n_sections = upskill_report_doc_get_n_sections (doc);
    g_autoptr(PangoLayout) probe = upskill_report_doc_layout (doc, UPSKILL_TEXT_BODY, "Ag", width);
    double room = page_height - 48 - upskill_report_layout_height (colophon) - 12 - top;

    if (n_sections > 0)
      row_gap = CLAMP (room / n_sections - upskill_report_layout_height (probe), 2, 8);
  }

  for (guint i = 0; i < upskill_report_doc_get_n_sections (doc); i++)
    {
      guint page;
      const char *title = upskill_report_doc_get_section (doc, i, &page, NULL);
      g_autofree char *page_text = g_strdup_printf ("%u", page);
      g_autoptr(PangoLayout) entry = upskill_report_doc_layout (doc, UPSKILL_TEXT_BODY, title, width - 40);
      g_autoptr(PangoLayout) number = upskill_report_doc_layout (doc, UPSKILL_TEXT_BODY, page_text, -1);
      double line = upskill_report_layout_height (entry);
      g_autofree char *link = upskill_report_section_link (i);

      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
      upskill_report_show_layout (cr, entry, margin, top + row_gap / 2, &upskill_report_ink);
      upskill_report_show_layout (cr, number, margin + width - upskill_report_layout_width (number),
                                  top + row_gap / 2, &upskill_report_muted);
      cairo_tag_end (cr, CAIRO_TAG_LINK);

      top += line + row_gap;
      cairo_set_source_rgb (cr, upskill_report_rule.r, upskill_report_rule.g, upskill_report_rule.b);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, margin, top);
      cairo_line_to (cr, margin + width, top);
      cairo_stroke (cr);
    }

  upskill_report_show_layout (cr, colophon, margin,
                              page_height - 48 - upskill_report_layout_height (colophon),
                              &upskill_report_muted);
}

static void
draw_cover (UpskillReportDoc *doc,
            cairo_t          *cr,
            double            x,
            double            y,
            double            page_width,
            double            page_height,
            gpointer          user_data)
{
  Report *report = user_data;
  double margin = 62;
  double width = page_width - 2 * margin;
  double top;

  top = draw_cover_person (report, doc, cr, margin, width, page_height * 0.17);
  top = draw_cover_figures (report, doc, cr, margin, width, MAX (top + 40, page_height * 0.45));
  draw_cover_contents (report, doc, cr, margin, width, top, page_height);
}

/* ---------------------------------------------------------------- */
/* Summary                                                           */
/* ---------------------------------------------------------------- */

static UpskillReportDoc *
doc_of (Report *report)
{
  return report->doc;
}

static char *
gap_sentence (Report     *report,
              UpskillGap *gap)
{
  UpskillArea *area = gap->skill->area;
  g_autofree char *current = format_level (gap->current);
  g_autofree char *target = format_level (gap->target);
  g_autofree char *levels = g_strdup_printf (NGETTEXT ("%u level", "%u levels", gap->gap), gap->gap);

  /* Translators: one of the three biggest gaps: skill, area, current level,
   * target level, "2 levels", demand ("strong"). */
  return g_markup_printf_escaped (_("<b>%s</b> (%s) is at %s against a target of %s: %s to close, "
                                    "in an area where the article sees %s demand."),
                                  gap->skill->name, area ? area->name : "",
                                  current, target, levels,
                                  upskill_demand_get_adjective (upskill_demand_from_signal (demand_of (report, area))));
}

/* The gaps the plan leaves open, highest priority first, and why. */
static void
add_uncovered (Report *report)
{
  GPtrArray *uncovered = report->forecast->uncovered;
  guint shown = MIN (uncovered->len, 5);

  if (uncovered->len == 0)
    return;

  upskill_report_doc_add_text (doc_of (report), UPSKILL_TEXT_SMALL,
                               _("The highest-priority gaps the plan leaves open:"));
  for (guint i = 0; i < shown; i++)
    {
      UpskillGap *gap = g_ptr_array_index (uncovered, i);
      g_autofree char *current = format_level (gap->current);
      g_autofree char *target = format_level (gap->target);
      g_autofree char *item = NULL;

      /* Translators: a gap the plan leaves open: skill, level at the plan's
       * end, target, then why. */
      item = g_markup_printf_escaped (_("<b>%s</b>: %s at the plan’s end, against %s. %s"),
                                      gap->skill->name, current, target,
                                      upskill_planner_describe_uncovered (report->profile, report->catalog, gap));
      upskill_report_doc_add_item (doc_of (report), "•", 14, item, &upskill_report_accent);
    }
  if (uncovered->len > shown)
    {
      g_autofree char *more = g_strdup_printf (NGETTEXT ("…and %u more.", "…and %u more.",
                                                         uncovered->len - shown),
                                               uncovered->len - shown);

      upskill_report_doc_add_text (doc_of (report), UPSKILL_TEXT_SMALL, more);
    }
}

static void
add_summary (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  g_autofree char *name = isolate (upskill_profile_get_name (report->profile));
  g_autofree char *intro = NULL;
  guint total_levels = 0;

  upskill_report_doc_add_heading (doc, 1, _("Summary"));

  for (guint i = 0; i < report->gaps->len; i++)
    total_levels += ((UpskillGap *) g_ptr_array_index (report->gaps, i))->gap;

  if (report->role == NULL)
    intro = g_markup_printf_escaped (_("No target role is set for %s, so there is nothing to measure "
                                       "readiness against yet. Choose a target role in Upskill to see "
                                       "gaps and a learning path."), name);
  else if (report->readiness < 0)
    intro = g_markup_printf_escaped (_("The %s role sets no targets that apply to %s."),
                                     report->role->name, name);
  else
    {
      g_autofree char *percent = format_percent (report->readiness);
      g_autofree char *skills = g_strdup_printf (NGETTEXT ("%u skill is", "%u skills are", report->gaps->len),
                                                 report->gaps->len);
      g_autofree char *levels = g_strdup_printf (NGETTEXT ("%u level", "%u levels", total_levels),
                                                 total_levels);

      if (report->gaps->len == 0)
        /* Translators: name, percentage, role. */
        intro = g_markup_printf_escaped (_("%s meets <b>%s</b> of the target for the %s role: "
                                           "every skill is at or above its target."),
                                         name, percent, report->role->name);
      else
        /* Translators: name, percentage, role, "12 skills are", "23 levels". */
        intro = g_markup_printf_escaped (_("%s meets <b>%s</b> of the target for the %s role. "
                                           "%s below target, %s to go in all."),
                                         name, percent, report->role->name, skills, levels);
    }
  upskill_report_doc_add_markup (doc, UPSKILL_TEXT_BODY, intro);

  if (report->role != NULL && report->readiness >= 0)
    {
      g_autofree char *baseline = upskill_format_baseline (&report->baseline);
      g_autofree char *forecast = upskill_format_forecast (report->forecast);

      upskill_report_doc_add_heading (doc, 2, _("Readiness now and at the plan’s end"));
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, baseline);
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, forecast);
      {
        g_autofree char *areas = upskill_format_area_dates (report->forecast, report->catalog);

        if (areas != NULL)
          upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, areas);
      }
      add_uncovered (report);
    }

  /* Readiness by area. */
  if (report->role != NULL)
    {
      const double widths[] = { 0, 70, 70, 170 };
      const UpskillReportAlign aligns[] = { UPSKILL_ALIGN_START, UPSKILL_ALIGN_END,
                                            UPSKILL_ALIGN_END, UPSKILL_ALIGN_START };
      const char *headers[] = { _("Area"), _("Current"), _("Target"), _("Readiness") };
      UpskillReportTable *table;

      upskill_report_doc_add_heading (doc, 2, _("Readiness by area"));
      table = upskill_report_doc_add_table (doc, 4, widths, aligns);
      upskill_report_table_set_header (table, headers);

      for (guint i = 0; i < upskill_catalog_get_n_areas (report->catalog); i++)
        {
          UpskillArea *area = upskill_catalog_get_area (report->catalog, i);
          UpskillAreaReadiness summary;
          double readiness;
          g_autofree char *area_cell = g_markup_escape_text (area->name, -1);
          g_autofree char *current_cell = NULL;
          g_autofree char *target_cell = NULL;
          g_autofree char *readiness_cell = NULL;
          const char *cells[4];
          double meters[4] = { -1, -1, -1, -1 };

          upskill_compute_area_summary (report->profile, report->catalog, area, &summary);
          readiness = summary.readiness;
          upskill_format_area_levels (&summary, &current_cell, &target_cell);
          readiness_cell = format_percent (readiness);
          if (readiness >= 0)
            meters[3] = readiness / 100;

          cells[0] = area_cell;
          cells[1] = current_cell;
          cells[2] = target_cell;
          cells[3] = readiness_cell;
          upskill_report_table_add_row (table, cells, meters);
        }
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_SMALL,
                                   _("Current and target are average levels, from 0 (Not yet) to "
                                     "5 (Expert), over the skills the role targets in the area; a level "
                                     "above its target counts as the target. Readiness is current "
                                     "divided by target."));
    }

  upskill_report_doc_add_heading (doc, 2, _("The three biggest gaps"));
  if (report->gaps->len == 0)
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                 report->role ? _("There are no gaps: every skill meets its target.")
                                              : _("Without a target role there are no gaps to rank."));
  for (guint i = 0; i < MIN (3, report->gaps->len); i++)
    {
      UpskillGap *gap = g_ptr_array_index (report->gaps, i);
      g_autofree char *said = gap_sentence (report, gap);
      g_autofree char *number = g_strdup_printf ("<b>%u</b>", i + 1);
      g_autofree char *coverage = NULL;
      g_autofree char *sentence = NULL;
      const UpskillGap *open_gap = NULL;

      /* The plan closes it, or the reader learns why not. */
      for (guint k = 0; k < report->forecast->uncovered->len && open_gap == NULL; k++)
        if (((UpskillGap *) g_ptr_array_index (report->forecast->uncovered, k))->skill == gap->skill)
          open_gap = g_ptr_array_index (report->forecast->uncovered, k);
      coverage = g_markup_escape_text (open_gap != NULL
                                       ? upskill_planner_describe_uncovered (report->profile, report->catalog, open_gap)
                                       : _("The learning path closes it."), -1);
      sentence = g_strdup_printf ("%s %s", said, coverage);

      upskill_report_doc_add_item (doc, number, 18, sentence, &upskill_report_accent);
    }
}

/* ---------------------------------------------------------------- */
/* Radar                                                             */
/* ---------------------------------------------------------------- */

typedef struct
{
  guint    n_areas;
  char   **labels;
  double  *current;
  double  *target;
} RadarData;

static void
radar_data_free (gpointer data)
{
  RadarData *radar = data;

  g_strfreev (radar->labels);
  g_free (radar->current);
  g_free (radar->target);
  g_free (radar);
}

static double
legend_item_width (UpskillReportDoc *doc,
                   const char       *text)
{
  g_autoptr(PangoLayout) layout = upskill_report_doc_layout (doc, UPSKILL_TEXT_SMALL, text, -1);

  return 26 + upskill_report_layout_width (layout);
}

static void
draw_legend_item (UpskillReportDoc *doc,
                  cairo_t          *cr,
                  double            x,
                  double            y,
                  gboolean          dashed,
                  const char       *text)
{
  g_autoptr(PangoLayout) layout = upskill_report_doc_layout (doc, UPSKILL_TEXT_SMALL, text, -1);
  double mid = y + upskill_report_layout_height (layout) / 2;

  if (dashed)
    {
      double dashes[] = { 4, 2.5 };

      cairo_set_source_rgb (cr, upskill_report_target.r, upskill_report_target.g, upskill_report_target.b);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, x, mid);
      cairo_line_to (cr, x + 20, mid);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      cairo_rectangle (cr, x, mid - 4, 20, 8);
      cairo_set_source_rgba (cr, upskill_report_accent.r, upskill_report_accent.g, upskill_report_accent.b, 0.28);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, upskill_report_accent.r, upskill_report_accent.g, upskill_report_accent.b);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }

  upskill_report_show_layout (cr, layout, x + 26, y, &upskill_report_muted);
}

static void
draw_radar (UpskillReportDoc *doc,
            cairo_t          *cr,
            double            x,
            double            y,
            double            width,
            double            height,
            gpointer          user_data)
{
  RadarData *radar = user_data;
  UpskillChartStyle style = print_chart_style ();
  double chart_height = height - 24;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  upskill_chart_draw_radar (cr, &style, width, chart_height,
                            &(UpskillChartRadar) { radar->n_areas, (const char * const *) radar->labels,
                                                   radar->current, radar->target, 5 });
  cairo_restore (cr);

  {
    double current_width = legend_item_width (doc, _("Current level"));
    double target_width = legend_item_width (doc, _("Target level"));
    double left = x + (width - current_width - 24 - target_width) / 2;

    draw_legend_item (doc, cr, left, y + height - 12, FALSE, _("Current level"));
    draw_legend_item (doc, cr, left + current_width + 24, y + height - 12, TRUE, _("Target level"));
  }
}

/* Stands for the rating's basis until it is set in as markup. */
#define NO_BREAK_MARK "\uE000"

/* A rated skill: its level against its target and what the rating rests
 * on, then its evidence, each link clickable. */
static void
add_rated_skill (Report       *report,
                 UpskillSkill *skill,
                 guint         level,
                 guint         target)
{
  UpskillReportDoc *doc = report->doc;
  GPtrArray *evidence = upskill_profile_get_evidence (report->profile, skill->id);
  g_autofree char *current = format_level (level);
  g_autofree char *basis = upskill_format_rating_basis (report->profile, skill->id);
  g_autofree char *line = NULL;

  if (target > 0)
    {
      g_autofree char *wanted = format_level (target);

      /* Translators: a rated skill: name, level, target level, "self-rated" or "evidenced". */
      line = g_markup_printf_escaped (_("<b>%s</b>: %s, target %s · %s"), skill->name, current, wanted, NO_BREAK_MARK);
    }
  else
    /* Translators: a rated skill the role does not target: name, level, "self-rated" or "evidenced". */
    line = g_markup_printf_escaped (_("<b>%s</b>: %s · %s"), skill->name, current, NO_BREAK_MARK);
  /* The basis never breaks at its hyphen ("self-|rated"). */
  {
    g_autofree char *basis_markup = g_markup_printf_escaped ("<span allow_breaks='false'>%s</span>", basis);
    g_autoptr(GString) with_basis = g_string_new (line);

    g_string_replace (with_basis, NO_BREAK_MARK, basis_markup, 1);
    g_free (line);
    line = g_string_free (g_steal_pointer (&with_basis), FALSE);
  }
  upskill_report_doc_add_item (doc, "•", 14, line, &upskill_report_accent);
  if (!report->include_evidence)
    return;
  if (evidence != NULL && evidence->len > 0)
    upskill_report_doc_keep_with_next (doc);

  for (guint k = 0; evidence != NULL && k < evidence->len; k++)
    {
      UpskillEvidence *item = g_ptr_array_index (evidence, k);
      g_autofree char *text = NULL;

      if (item->link != NULL && *item->link != '\0')
        text = g_markup_printf_escaped ("<i>%s</i>\n" UPSKILL_REPORT_SMALL_SPAN "%s</span>",
                                        item->note ? item->note : "", item->link);
      else
        text = g_markup_printf_escaped ("<i>%s</i>", item->note ? item->note : "");
      upskill_report_doc_add_item (doc, "", 14, text, NULL);
      upskill_report_doc_set_link (doc, item->link);
    }
}

/* Whether @skill is at or above a target the role (or an override) sets. */
static gboolean
is_strength (Report       *report,
             UpskillSkill *skill,
             guint        *out_level,
             guint        *out_target)
{
  *out_level = upskill_profile_get_level (report->profile, skill->id);
  *out_target = upskill_profile_get_target (report->profile, report->catalog, skill, NULL);
  return *out_target > 0 && *out_level >= *out_target;
}

/* The skills already at or above their target, with their evidence. */
static void
add_strengths (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  guint n = 0;

  upskill_report_doc_add_heading (doc, 1, _("Strengths"));
  for (guint i = 0; i < upskill_catalog_get_n_skills (report->catalog); i++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (report->catalog, i);
      guint level, target;

      if (!is_strength (report, skill, &level, &target))
        continue;
      if (n++ == 0)
        {
          upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                       report->include_evidence
                                       ? _("The skills already at or above their target, and what shows it.")
                                       : _("The skills already at or above their target."));
          upskill_report_doc_keep_with_next (doc);
        }
      add_rated_skill (report, skill, level, target);
    }

  if (n == 0)
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                 report->role != NULL
                                 ? _("No skill has reached its target yet.")
                                 : _("No target role is set, so there are no targets to meet yet."));
}

/* Every other rated skill with what its rating rests on. */
static void
add_ratings (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  gboolean any = FALSE;

  for (guint i = 0; i < upskill_catalog_get_n_skills (report->catalog); i++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (report->catalog, i);
      guint level, target;

      if (is_strength (report, skill, &level, &target) || level == 0)
        continue;
      if (!any)
        {
          upskill_report_doc_add_heading (doc, 2, _("Ratings and evidence"));
          upskill_report_doc_add_text (doc, UPSKILL_TEXT_SMALL,
                                       _("Each rated skill below its target or not targeted by the role; "
                                         "the strengths are listed above."));
          upskill_report_doc_keep_with_next (doc);
        }
      any = TRUE;
      add_rated_skill (report, skill, level, target);
    }
}

static void
add_radar (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  RadarData *radar = g_new0 (RadarData, 1);
  guint n = upskill_catalog_get_n_areas (report->catalog);
  g_autoptr(GString) alternative = g_string_new (NULL);

  radar->n_areas = n;
  radar->labels = g_new0 (char *, n + 1);
  radar->current = g_new0 (double, n);
  radar->target = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    {
      UpskillArea *area = upskill_catalog_get_area (report->catalog, i);

      radar->labels[i] = g_strdup (area->name);
      upskill_compute_area_levels (report->profile, report->catalog, area,
                                   &radar->current[i], &radar->target[i]);
    }

  upskill_report_doc_add_heading (doc, 1, _("Skills profile"));
  upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                               _("The average level in each area, current against target, on the scale "
                                 "from 0 (Not yet) to 5 (Expert), over the skills the role targets; a "
                                 "level above its target counts as the target."));
  upskill_report_doc_keep_with_next (doc);
  upskill_report_doc_add_drawing (doc, 300, draw_radar, radar, radar_data_free);
  /* Without the evidence the list would only repeat the gap table. */
  if (report->include_evidence)
    add_ratings (report);
}

/* ---------------------------------------------------------------- */
/* Gaps                                                              */
/* ---------------------------------------------------------------- */

/* The gaps of the role's core area lead the table although a gap further
 * down may show a higher priority: the reader is told why. */
static void
add_gaps_intro (Report *report)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *intro = NULL;

  for (guint i = 0; i < report->gaps->len; i++)
    {
      UpskillGap *gap = g_ptr_array_index (report->gaps, i);

      if (gap->core && !g_ptr_array_find (names, gap->skill->area->name, NULL))
        g_ptr_array_add (names, gap->skill->area->name);
    }

  if (names->len == 0)
    {
      upskill_report_doc_add_text (report->doc, UPSKILL_TEXT_BODY,
                                   _("Every skill below its target, ranked by priority: the gap in levels "
                                     "times the importance of the skill’s area in the target role, raised "
                                     "by the article’s demand for the area as far as the “Weight of market "
                                     "trends” preference allows."));
      return;
    }

  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (char **) names->pdata);
  /* Translators: %1$s is the core area of the role (or a list of them),
   * %2$s the target role */
  intro = g_strdup_printf (_("Every skill below its target, the role first: the gaps in %1$s, the area "
                             "the %2$s role weighs most, come before all others. Within each group, "
                             "gaps are ranked by priority: the gap in levels times the importance of "
                             "the skill’s area in the target role, raised by the article’s demand for "
                             "the area as far as the “Weight of market trends” preference allows."),
                           joined, report->role->name);
  upskill_report_doc_add_text (report->doc, UPSKILL_TEXT_BODY, intro);
}

static void
add_gaps (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  const double widths[] = { 28, 0, 104, 104, 34, 48 };
  const UpskillReportAlign aligns[] = { UPSKILL_ALIGN_END, UPSKILL_ALIGN_START, UPSKILL_ALIGN_START,
                                        UPSKILL_ALIGN_START, UPSKILL_ALIGN_END, UPSKILL_ALIGN_END };
  const char *headers[] = { "#", _("Skill"), _("Current"), _("Target"), _("Gap"), _("Priority") };
  UpskillReportTable *table;
  gboolean any_override = FALSE;

  upskill_report_doc_add_heading (doc, 1, _("Gaps"));
  if (report->gaps->len == 0)
    {
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                   report->role ? _("Every skill meets its target.")
                                                : _("No target role is set, so there are no gaps."));
      return;
    }

  add_gaps_intro (report);

  table = upskill_report_doc_add_table (doc, 6, widths, aligns);
  upskill_report_table_set_header (table, headers);
  for (guint i = 0; i < report->gaps->len; i++)
    {
      UpskillGap *gap = g_ptr_array_index (report->gaps, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *skill = NULL;
      g_autofree char *area = NULL;
      g_autofree char *current = NULL;
      g_autofree char *target = NULL;
      g_autofree char *size = g_strdup_printf ("%u", gap->gap);
      g_autofree char *priority = g_strdup_printf ("%.2f", gap->priority);
      g_autofree char *current_level = format_level (gap->current);
      g_autofree char *target_level = format_level (gap->target);
      const char *cells[6];

      /* Translators: under a skill in the gap table: its area, one the
       * target role weighs most */
      area = gap->core ? g_strdup_printf (_("%s · core of the role"), gap->skill->area->name)
                                     : g_strdup (gap->skill->area ? gap->skill->area->name : "");
      skill = g_markup_printf_escaped ("%s\n" UPSKILL_REPORT_SMALL_SPAN "%s</span>",
                                       gap->skill->name, area);
      /* A rated level says what it rests on, as the Skills page does. */
      if (gap->current > 0)
        {
          g_autofree char *basis = upskill_format_rating_basis (report->profile, gap->skill->id);

          current = g_markup_printf_escaped ("%s\n" UPSKILL_REPORT_SMALL_SPAN "%s</span>",
                                             current_level, basis);
        }
      else
        current = g_markup_escape_text (current_level, -1);
      target = g_markup_printf_escaped ("%s%s", target_level, gap->overridden ? " *" : "");
      any_override |= gap->overridden;

      cells[0] = rank;
      cells[1] = skill;
      cells[2] = current;
      cells[3] = target;
      cells[4] = size;
      cells[5] = priority;
      upskill_report_table_add_row (table, cells, NULL);
    }

  if (any_override)
    {
      /* The footnote stays with the table's last row. */
      upskill_report_doc_keep_with_next (doc);
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_SMALL,
                                   _("* A target set for this person, in place of the role’s."));
    }
}

/* ---------------------------------------------------------------- */
/* Learning path                                                     */
/* ---------------------------------------------------------------- */

/* "19 steps: 4 done, …", whether the plan is behind, and whether it is
 * only suggested. */
static void
add_plan_summary (Report      *report,
                  const guint  counts[4])
{
  UpskillReportDoc *doc = report->doc;
  guint remaining = upskill_planner_remaining_hours (report->schedule);
  g_autofree char *summary = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *weekly = NULL;
  GDate today;
  guint behind;

  steps = g_strdup_printf (NGETTEXT ("%u step", "%u steps", report->schedule->len), report->schedule->len);
  hours = g_strdup_printf (NGETTEXT ("%u hour", "%u hours", remaining), remaining);
  weekly = g_strdup_printf (_("%g hours a week"), upskill_profile_get_weekly_hours (report->plan_profile));
  if (g_date_valid (&report->finish))
    {
      g_autofree char *finish = upskill_date_format_day (&report->finish);

      /* Translators: "19 steps: 4 done, 1 in progress, 14 planned, 0 skipped. 210 hours to go at
       * 8 hours a week, projected to end on 3 March 2027." */
      summary = g_markup_printf_escaped (_("%s: %u done, %u in progress, %u planned, %u skipped. "
                                           "%s to go at %s, projected to end on <b>%s</b>."),
                                         steps, counts[UPSKILL_STEP_DONE], counts[UPSKILL_STEP_IN_PROGRESS],
                                         counts[UPSKILL_STEP_PLANNED], counts[UPSKILL_STEP_SKIPPED],
                                         hours, weekly, finish);
    }
  else
    summary = g_markup_printf_escaped (_("%s: %u done, %u in progress, %u planned, %u skipped. "
                                         "Nothing is left to schedule."),
                                       steps, counts[UPSKILL_STEP_DONE], counts[UPSKILL_STEP_IN_PROGRESS],
                                       counts[UPSKILL_STEP_PLANNED], counts[UPSKILL_STEP_SKIPPED]);
  upskill_report_doc_add_markup (doc, UPSKILL_TEXT_BODY, summary);

  upskill_date_set_from_date_time (&today, report->date);
  behind = upskill_planner_count_behind (report->plan_profile, &today);
  if (behind > 0)
    {
      g_autofree char *slipped = g_strdup_printf (NGETTEXT ("The plan is behind: %u step was due before "
                                                            "today; the dates below start from today.",
                                                            "The plan is behind: %u steps were due before "
                                                            "today; the dates below start from today.",
                                                            behind),
                                                  behind);

      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, slipped);
    }

  if (report->plan_generated)
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_SMALL,
                                 _("There is no plan in the profile yet: this path is suggested from "
                                   "the ranked gaps, with prerequisites first."));
}

/* Done steps as one line, not the table's first rows: what is left
 * leads. */
static void
add_done_steps (Report *report,
                guint   n_done)
{
  g_autofree char *done = upskill_format_steps_done (n_done);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *line = NULL;

  for (guint i = 0; i < report->schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (report->schedule, i);

      if (scheduled->step->status == UPSKILL_STEP_DONE && scheduled->title != NULL)
        g_ptr_array_add (titles, (gpointer) scheduled->title);
    }
  g_ptr_array_add (titles, NULL);
  joined = g_strjoinv ("; ", (char **) titles->pdata);
  /* Translators: "12 steps done: title; title; title." */
  line = g_markup_printf_escaped (_("<b>%s</b>: %s."), done, joined);
  upskill_report_doc_add_markup (report->doc, UPSKILL_TEXT_SMALL, line);
}

/* A row of the steps table: number, step and provider, skill and levels,
 * hours, status, projected dates. */
static void
add_step_row (UpskillReportTable   *table,
              UpskillScheduledStep *scheduled,
              guint                 row)
{
  g_autofree char *number = g_strdup_printf ("%u", row);
  g_autofree char *step = NULL;
  g_autofree char *skill = NULL;
  g_autofree char *hours_cell = scheduled->step->hours_spent > 0
    /* Translators: hours spent of a step's hours, in the report's table: "5 / 12" */
    ? g_strdup_printf (_("%u / %u"), scheduled->step->hours_spent, scheduled->hours)
    : g_strdup_printf ("%u", scheduled->hours);
  g_autofree char *status = NULL;
  g_autofree char *when = NULL;
  const char *cells[6];

  if (scheduled->module != NULL)
    step = g_markup_printf_escaped ("%s\n" UPSKILL_REPORT_SMALL_SPAN "%s · %s</span>",
                                    scheduled->title ? scheduled->title : "",
                                    scheduled->module->provider,
                                    upskill_module_kind_get_label (scheduled->module->kind));
  else
    step = g_markup_printf_escaped ("%s\n" UPSKILL_REPORT_SMALL_SPAN "%s</span>",
                                    scheduled->title ? scheduled->title : "", _("Own step"));

  if (scheduled->skill != NULL)
    skill = g_markup_printf_escaped ("%s\n" UPSKILL_REPORT_SMALL_SPAN "%u → %u</span>",
                                     scheduled->skill->name,
                                     MIN (scheduled->from_level, UPSKILL_LEVEL_MAX),
                                     MIN (scheduled->to_level, UPSKILL_LEVEL_MAX));
  else
    skill = g_strdup ("–");

  if (scheduled->step->status == UPSKILL_STEP_IN_PROGRESS)
    status = g_markup_printf_escaped ("<b>%s</b>", upskill_step_status_get_label (scheduled->step->status));
  else if (scheduled->step->status == UPSKILL_STEP_PLANNED)
    status = g_markup_escape_text (upskill_step_status_get_label (scheduled->step->status), -1);
  else
    status = g_markup_printf_escaped ("<span foreground='#61697a'>%s</span>",
                                      upskill_step_status_get_label (scheduled->step->status));

  if (scheduled->scheduled && g_date_valid (&scheduled->start) && g_date_valid (&scheduled->finish))
    {
      g_autofree char *range = format_date_range (&scheduled->start, &scheduled->finish);

      when = g_markup_escape_text (range, -1);
    }
  else
    when = g_strdup ("–");

  cells[0] = number;
  cells[1] = step;
  cells[2] = skill;
  cells[3] = hours_cell;
  cells[4] = status;
  cells[5] = when;
  upskill_report_table_add_row (table, cells, NULL);
  if (scheduled->module != NULL)
    upskill_report_table_set_link (table, 1, scheduled->module->url);
}

static void
add_learning_path (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  const double widths[] = { 30, 0, 98, 38, 68, 104 };
  const UpskillReportAlign aligns[] = { UPSKILL_ALIGN_END, UPSKILL_ALIGN_START, UPSKILL_ALIGN_START,
                                        UPSKILL_ALIGN_END, UPSKILL_ALIGN_START, UPSKILL_ALIGN_START };
  const char *headers[] = { "#", _("Step"), _("Skill"), _("Hours"), _("Status"), _("Projected") };
  guint counts[4] = { 0 };
  UpskillReportTable *table;

  upskill_report_doc_add_heading (doc, 1, _("Learning path"));

  if (report->schedule->len == 0)
    {
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                   report->role == NULL
                                   ? _("No target role is set, so there is no learning path yet.")
                                   : _("The learning path is empty: there is no gap that a module "
                                       "in the catalog closes."));
      return;
    }

  for (guint i = 0; i < report->schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (report->schedule, i);

      counts[MIN (scheduled->step->status, 3)]++;
    }

  add_plan_summary (report, counts);
  if (counts[UPSKILL_STEP_DONE] > 0)
    add_done_steps (report, counts[UPSKILL_STEP_DONE]);
  if (counts[UPSKILL_STEP_DONE] == report->schedule->len)
    return;

  table = upskill_report_doc_add_table (doc, 6, widths, aligns);
  upskill_report_table_set_header (table, headers);
  for (guint i = 0, row = 0; i < report->schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (report->schedule, i);

      if (scheduled->step->status != UPSKILL_STEP_DONE)
        add_step_row (table, scheduled, ++row);
    }
}

/* ---------------------------------------------------------------- */
/* Progress over time                                                */
/* ---------------------------------------------------------------- */

typedef struct
{
  guint               n_points;
  gint64             *times;
  guint               n_series;
  double            **values;
  char              **labels;
  UpskillChartColor  *colors;
  gint64              time_end;  /* the report's date */
  guint               n_forecast;
  gint64             *forecast_times;
  double             *forecast_values;
} LinesData;

static void
lines_data_free (gpointer data)
{
  LinesData *lines = data;

  for (guint s = 0; s < lines->n_series; s++)
    g_free (lines->values[s]);
  g_free (lines->values);
  g_strfreev (lines->labels);
  g_free (lines->colors);
  g_free (lines->times);
  g_free (lines->forecast_times);
  g_free (lines->forecast_values);
  g_free (lines);
}

static void
draw_lines (UpskillReportDoc *doc,
            cairo_t          *cr,
            double            x,
            double            y,
            double            width,
            double            height,
            gpointer          user_data)
{
  LinesData *lines = user_data;
  UpskillChartStyle style = print_chart_style ();

  style.time_end = lines->time_end;
  cairo_translate (cr, x, y);
  upskill_chart_draw_lines (cr, &style, width, height, &(UpskillChartLines) {
                              .n_points = lines->n_points,
                              .times = lines->times,
                              .n_series = lines->n_series,
                              .series_values = (const double * const *) lines->values,
                              .series_labels = (const char * const *) lines->labels,
                              .series_colors = lines->colors,
                              .n_forecast = lines->n_forecast,
                              .forecast_times = lines->forecast_times,
                              .forecast_values = lines->forecast_values,
                              .forecast_label = _("Forecast with the plan (dashed)"),
                            });
}

static void
add_progress (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  g_autoptr(GPtrArray) series = upskill_compute_readiness_series (report->profile, report->catalog);
  const UpskillChartColor palette[] = {
    { upskill_report_accent.r, upskill_report_accent.g, upskill_report_accent.b, 1 },
    { upskill_report_target.r, upskill_report_target.g, upskill_report_target.b, 1 },
    { 0.33, 0.58, 0.45, 1 },
  };
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (guint));
  LinesData *lines;
  UpskillForecast *forecast = report->forecast;

  upskill_report_doc_add_heading (doc, 1, _("Progress over time"));

  if (report->role == NULL || series == NULL || series->len == 0)
    {
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                   _("Readiness over time needs a target role and a history of levels."));
      return;
    }

  {
    g_autofree char *baseline = upskill_format_baseline (&report->baseline);
    g_autofree char *ahead = upskill_format_forecast (report->forecast);
    g_autofree char *sentence = g_strdup_printf ("%s %s", baseline, ahead);

    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, sentence);
  }

  /* Overall, plus the areas of the two biggest gaps. */
  for (guint i = 0; i < report->gaps->len && areas->len < 2; i++)
    {
      UpskillGap *gap = g_ptr_array_index (report->gaps, i);
      gboolean seen = FALSE;

      if (gap->skill->area == NULL)
        continue;
      for (guint k = 0; k < areas->len; k++)
        seen |= g_array_index (areas, guint, k) == gap->skill->area->index;
      if (!seen)
        g_array_append_val (areas, gap->skill->area->index);
    }

  lines = g_new0 (LinesData, 1);
  lines->n_points = series->len;
  lines->times = g_new0 (gint64, series->len);
  lines->n_series = 1 + areas->len;
  lines->values = g_new0 (double *, lines->n_series);
  lines->labels = g_new0 (char *, lines->n_series + 1);
  lines->colors = g_new0 (UpskillChartColor, lines->n_series);
  lines->time_end = g_date_time_to_unix (report->date);
  if (forecast->n_points > 1)
    {
      lines->n_forecast = forecast->n_points;
      lines->forecast_times = g_memdup2 (forecast->times, sizeof (gint64) * forecast->n_points);
      lines->forecast_values = g_memdup2 (forecast->values, sizeof (double) * forecast->n_points);
    }

  for (guint s = 0; s < lines->n_series; s++)
    {
      lines->values[s] = g_new0 (double, series->len);
      lines->colors[s] = palette[s % G_N_ELEMENTS (palette)];
      if (s == 0)
        lines->labels[s] = g_strdup (_("Overall readiness"));
      else
        {
          UpskillArea *area = upskill_catalog_get_area (report->catalog,
                                                        g_array_index (areas, guint, s - 1));

          lines->labels[s] = g_strdup (area->name);
        }
    }

  for (guint i = 0; i < series->len; i++)
    {
      UpskillReadinessPoint *point = g_ptr_array_index (series, i);

      lines->times[i] = point->time;
      lines->values[0][i] = point->overall;
      for (guint s = 1; s < lines->n_series; s++)
        lines->values[s][i] = point->areas ? point->areas[g_array_index (areas, guint, s - 1)] : -1;
    }

  upskill_report_doc_keep_with_next (doc);
  upskill_report_doc_add_drawing (doc, 220, draw_lines, lines, lines_data_free);
}

/* ---------------------------------------------------------------- */
/* Since the last session                                            */
/* ---------------------------------------------------------------- */

static char *
change_sentence (Report                    *report,
                 const UpskillHistoryEntry *entry)
{
  UpskillSkill *skill = upskill_catalog_find_skill (report->catalog, entry->skill_id);
  g_autofree char *from = format_level (entry->from);
  g_autofree char *to = format_level (entry->to);
  g_autofree char *date = format_unix_date (entry->time);
  g_autofree char *sentence = NULL;

  if (skill == NULL)
    return NULL;

  if (entry->to > entry->from)
    /* Translators: "On 5 November 2026, SQL rose from Competent (3) to Proficient (4)." */
    sentence = g_markup_printf_escaped (_("On %s, <b>%s</b> rose from %s to %s"), date, skill->name, from, to);
  else if (entry->to < entry->from)
    sentence = g_markup_printf_escaped (_("On %s, <b>%s</b> went down from %s to %s"), date, skill->name, from, to);
  else
    sentence = g_markup_printf_escaped (_("On %s, <b>%s</b> was confirmed at %s"), date, skill->name, to);

  if (entry->source != NULL && *entry->source != '\0')
    {
      /* The words the Progress page shows ("Completed: …" translated). */
      g_autofree char *shown = upskill_progress_format_source (entry->source);
      g_autofree char *source = g_markup_escape_text (shown, -1);

      /* Translators: a change and its cause: "…to Proficient (4) (Completed: X)." */
      return g_strdup_printf (_("%s (%s)."), sentence, source);
    }

  return g_strdup_printf (_("%s."), sentence);
}

static void
add_since_last_session (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  GPtrArray *history = upskill_profile_get_history (report->profile);
  gint64 now = g_date_time_to_unix (report->date);
  const UpskillNote *session;
  g_autofree char *sentence = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  guint first = 0;

  upskill_report_doc_add_heading (doc, 1, _("Since the last session"));

  /* The sentence a coach reads aloud is the one the Progress page shows;
   * the list below it gives each change with its date and cause. */
  session = upskill_progress_get_reference_session (report->profile, now);
  sentence = upskill_progress_describe_since_last_session (report->profile, report->catalog, now);

  for (guint i = 0; i < history->len; i++)
    {
      UpskillHistoryEntry *entry = g_ptr_array_index (history, i);

      if (session == NULL || entry->time >= upskill_note_get_end (session))
        g_ptr_array_add (changes, entry);
    }

  if (sentence != NULL)
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, sentence);
  else
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                 changes->len ? _("There is no session note yet, so these are the "
                                                  "latest recorded changes.")
                                              : _("There is no session note and no recorded change yet."));

  if (changes->len > MAX_CHANGES)
    first = changes->len - MAX_CHANGES;
  for (guint i = first; i < changes->len; i++)
    {
      g_autofree char *item = change_sentence (report, g_ptr_array_index (changes, i));

      if (item != NULL)
        upskill_report_doc_add_item (doc, "•", 14, item, &upskill_report_accent);
    }
}

/* ---------------------------------------------------------------- */
/* Agreed actions                                                    */
/* ---------------------------------------------------------------- */

#define MAX_OPEN_ACTIONS 50

/* "Finish the SQL course · due 12 Jan 2027". */
static char *
action_line (const UpskillAction *action)
{
  g_autofree char *due = NULL;

  if (action->due == 0)
    return g_strdup (action->text);

  due = upskill_format_day_unix (action->due);
  /* Translators: an agreed action and its due date. */
  return g_strdup_printf (_("%s · due %s"), action->text, due);
}

/* The open actions the client agreed to, newest session first and, in a
 * session, in the order agreed. Private notes and actions are the
 * coach's: never here. */
static void
add_open_actions (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  GPtrArray *notes = upskill_profile_get_notes (report->profile);
  guint n_open = 0;

  for (guint i = notes->len; i > 0; i--)
    {
      const UpskillNote *note = g_ptr_array_index (notes, i - 1);

      for (guint j = 0; j < note->actions->len; j++)
        {
          const UpskillAction *action = g_ptr_array_index (note->actions, j);
          g_autofree char *line = NULL;
          g_autofree char *markup = NULL;

          if (action->status != UPSKILL_ACTION_OPEN || !upskill_action_is_shared (note, action))
            continue;

          /* A handout, not an archive: the newest, then a count. */
          if (++n_open > MAX_OPEN_ACTIONS)
            continue;

          line = action_line (action);
          markup = g_markup_escape_text (line, -1);
          upskill_report_doc_add_item (doc, "☐", 14, markup, &upskill_report_accent);
        }
    }

  if (n_open == 0)
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, _("No open agreed actions."));
  else if (n_open > MAX_OPEN_ACTIONS)
    {
      guint n_more = n_open - MAX_OPEN_ACTIONS;
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more open action from earlier sessions.",
                                                         "And %u more open actions from earlier sessions.",
                                                         n_more),
                                               n_more);

      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, more);
    }
}

#define NEXT_DAYS 90
/* Page 2 stays one page: the next steps, then a count. */
#define MAX_NEXT_STEPS 8

/* The plan's steps that start in the next NEXT_DAYS days, with their
 * projected dates and a link to each resource; the done ones as a count. */
static void
add_next_steps (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  GDate horizon;
  guint n_done = 0;
  guint n_shown = 0;
  guint n_later = 0;

  upskill_date_set_from_date_time (&horizon, report->date);
  g_date_add_days (&horizon, NEXT_DAYS);

  for (guint i = 0; i < report->schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (report->schedule, i);
      g_autofree char *range = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *markup = NULL;
      const char *url = scheduled->module != NULL ? scheduled->module->url : NULL;

      if (scheduled->step->status == UPSKILL_STEP_DONE)
        n_done++;
      if (!scheduled->scheduled || !g_date_valid (&scheduled->start) || !g_date_valid (&scheduled->finish))
        continue;
      if (g_date_compare (&scheduled->start, &horizon) > 0)
        {
          n_later++;
          continue;
        }

      if (n_shown == MAX_NEXT_STEPS)
        {
          n_later++;
          continue;
        }
      n_shown++;
      range = format_date_range (&scheduled->start, &scheduled->finish);
      if (scheduled->module != NULL)
        /* Translators: under a step in "Next 90 days": its dates, provider and kind. */
        detail = g_strdup_printf (_("%s · %s · %s"), range, scheduled->module->provider,
                                  upskill_module_kind_get_label (scheduled->module->kind));
      else
        detail = g_strdup_printf (_("%s · %s"), range, _("Own step"));

      if (url != NULL && *url != '\0')
        markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n" UPSKILL_REPORT_SMALL_SPAN "%s</span>",
                                          scheduled->title ? scheduled->title : "", detail, url);
      else
        markup = g_markup_printf_escaped ("<b>%s</b>\n%s", scheduled->title ? scheduled->title : "", detail);
      upskill_report_doc_add_item (doc, "☐", 14, markup, &upskill_report_accent);
      upskill_report_doc_keep_together (doc);
      if (url != NULL && *url != '\0')
        upskill_report_doc_set_link (doc, url);
    }

  if (n_shown == 0)
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                                 report->schedule->len == 0
                                 ? _("There is no learning path yet.")
                                 : _("No learning step is scheduled in the next 90 days."));

  if (n_later > 0 || n_done > 0)
    {
      g_autoptr(GString) summary = g_string_new (NULL);

      if (n_done > 0)
        {
          g_autofree char *done = upskill_format_steps_done (n_done);

          /* Translators: "12 steps done." in "Next 90 days". */
          g_string_append_printf (summary, _("%s so far."), done);
        }
      if (n_later > 0)
        {
          if (summary->len > 0)
            g_string_append_c (summary, ' ');
          g_string_append_printf (summary,
                                  NGETTEXT ("%u more step follows: see the learning path.",
                                            "%u more steps follow: see the learning path.", n_later),
                                  n_later);
        }
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_SMALL, summary->str);
    }
}

/* Page 2, the page a client keeps at hand: what to learn next and when,
 * what was agreed, and when they meet next. */
static void
add_next_days (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  gint64 now = g_date_time_to_unix (report->date);
  gint64 next_session = upskill_progress_get_next_session (report->profile, now);
  /* Someone tracking their own skills, with no session, reads only the
   * steps. */
  gboolean has_sessions = upskill_profile_get_notes (report->profile)->len > 0;

  upskill_report_doc_add_heading (doc, 1, _("Next 90 days"));

  if (next_session != 0)
    {
      UpskillNote next = { .date = next_session };
      g_autofree char *when = upskill_format_session (&next);
      g_autofree char *line = g_markup_printf_escaped (_("Next session: <b>%s</b>"), when);

      upskill_report_doc_add_markup (doc, UPSKILL_TEXT_BODY, line);
    }
  else if (has_sessions)
    upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, _("No next session is agreed yet."));

  upskill_report_doc_add_heading (doc, 2, _("Learning steps"));
  add_next_steps (report);

  if (has_sessions)
    {
      upskill_report_doc_add_heading (doc, 2, _("Agreed actions"));
      add_open_actions (report);
    }

  upskill_report_doc_add_page_break (doc);
}

/* ---------------------------------------------------------------- */
/* Session notes                                                     */
/* ---------------------------------------------------------------- */

static void
add_notes (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  GPtrArray *notes = upskill_profile_get_notes (report->profile);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  upskill_report_doc_add_heading (doc, 1, _("Session notes"));

  /* Newest first: the latest session matters most. Private notes are
   * the coach's alone. */
  for (guint i = notes->len; i > 0; i--)
    {
      UpskillNote *note = g_ptr_array_index (notes, i - 1);

      if (upskill_note_is_shared (note))
        g_ptr_array_add (sorted, note);
    }

  if (sorted->len == 0)
    {
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, _("No session notes yet."));
      return;
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      UpskillNote *note = g_ptr_array_index (sorted, i);
      /* The words the Progress page uses for a session. */
      g_autofree char *date = upskill_format_session (note);
      g_autofree char *label = g_markup_printf_escaped ("<b>%s</b>", date);
      g_autofree char *text = NULL;

      /* TRANSLATORS: what a session was about, above its note in the report */
      if (note->focus != NULL)
        text = g_strdup_printf (_("Focus: %s\n%s"), note->focus, note->text);
      upskill_report_doc_add_note (doc, label, 86, text != NULL ? text : note->text);
      for (guint j = 0; j < note->actions->len; j++)
        {
          const UpskillAction *action = g_ptr_array_index (note->actions, j);
          g_autofree char *line = NULL;
          g_autofree char *item = NULL;
          g_autofree char *markup = NULL;

          if (!upskill_action_is_shared (note, action))
            continue;

          line = action_line (action);
          /* Translators: an agreed action under its session note, and its status. */
          item = g_strdup_printf (_("Agreed: %s (%s)"), line,
                                  upskill_action_status_get_label (action->status));
          markup = g_markup_escape_text (item, -1);
          upskill_report_doc_add_item (doc, "", 86, markup, NULL);
        }
      upskill_report_doc_add_space (doc, 4);
    }
}

/* ---------------------------------------------------------------- */
/* Market context                                                    */
/* ---------------------------------------------------------------- */

typedef struct
{
  guint    n_items;
  char   **labels;
  double  *values;
  char   **value_labels;
} BarsData;

static void
bars_data_free (gpointer data)
{
  BarsData *bars = data;

  g_strfreev (bars->labels);
  g_strfreev (bars->value_labels);
  g_free (bars->values);
  g_free (bars);
}

/* The bars as the chart code takes them. */
static UpskillChartBars
bars_data_get_chart (const BarsData *bars)
{
  return (UpskillChartBars) {
    bars->n_items, (const char * const *) bars->labels, bars->values, (const char * const *) bars->value_labels
  };
}

static void
draw_bars (UpskillReportDoc *doc,
           cairo_t          *cr,
           double            x,
           double            y,
           double            width,
           double            height,
           gpointer          user_data)
{
  BarsData *bars = user_data;
  UpskillChartStyle style = print_chart_style ();
  UpskillChartBars chart = bars_data_get_chart (bars);

  cairo_translate (cr, x, y);
  upskill_chart_draw_bars (cr, NULL, &style, width, &chart);
}

static void
add_bars (Report   *report,
          BarsData *bars)
{
  UpskillChartStyle style = print_chart_style ();
  UpskillChartBars chart = bars_data_get_chart (bars);
  double height;

  height = upskill_chart_draw_bars (NULL, upskill_report_doc_get_context (report->doc), &style,
                                    upskill_report_doc_get_body_width (report->doc), &chart);
  upskill_report_doc_add_drawing (report->doc, height + 2, draw_bars, bars, bars_data_free);
}

static gboolean
claim_is_view (UpskillClaim *claim)
{
  return claim->kind == UPSKILL_CLAIM_OPINION || claim->kind == UPSKILL_CLAIM_PREDICTION;
}

typedef struct
{
  UpskillClaim *claim;
  double        relevance;
  guint         order;
} RankedClaim;

static int
compare_ranked_claims (gconstpointer a,
                       gconstpointer b)
{
  const RankedClaim *x = a;
  const RankedClaim *y = b;

  if (x->relevance != y->relevance)
    return x->relevance > y->relevance ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Demand per area, as bars. */
static void
add_demand_bars (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  guint n_areas = upskill_catalog_get_n_areas (report->catalog);
  BarsData *demand = g_new0 (BarsData, 1);

  demand->n_items = n_areas;
  demand->labels = g_new0 (char *, n_areas + 1);
  demand->value_labels = g_new0 (char *, n_areas + 1);
  demand->values = g_new0 (double, n_areas);
  for (guint i = 0; i < n_areas; i++)
    {
      UpskillArea *area = upskill_catalog_get_area (report->catalog, i);
      double signal = upskill_trends_get_demand_signal (report->trends, area);
      g_autofree char *word = g_strdup (upskill_demand_get_adjective (upskill_demand_from_signal (signal)));

      demand->labels[i] = g_strdup (area->name);
      demand->values[i] = signal;
      /* Translators: a demand signal: "Strong · 0.85". */
      word[0] = g_ascii_toupper (word[0]);
      demand->value_labels[i] = g_strdup_printf (_("%s · %.2f"), word, signal);
    }
  upskill_report_doc_add_heading (doc, 2, _("Demand signal per area"));
  upskill_report_doc_add_text (doc, UPSKILL_TEXT_SMALL,
                               _("The strength-weighted count of the article’s claims that support each "
                                 "area, relative to the strongest area (1.00)."));
  upskill_report_doc_keep_with_next (doc);
  add_bars (report, demand);
}

/* Layoff figures, printed exactly as the article gives them. */
static void
add_layoff_bars (Report *report)
{
  UpskillTrends *trends = report->trends;
  BarsData *layoffs = g_new0 (BarsData, 1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) value_labels = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);
      double value;

      if (claim->kind != UPSKILL_CLAIM_FIGURE || claim->figure == NULL || claim->figure->value <= 0)
        continue;

      value = claim->figure->value;
      if (claim->figure->period != NULL && *claim->figure->period != '\0')
        g_ptr_array_add (labels, g_strdup_printf ("%s (%s)", claim->figure->subject, claim->figure->period));
      else
        g_ptr_array_add (labels, g_strdup (claim->figure->subject));
      g_ptr_array_add (value_labels, upskill_format_figure (claim->figure));
      g_array_append_val (values, value);
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (value_labels, NULL);
  layoffs->n_items = values->len;
  layoffs->labels = (char **) g_ptr_array_steal (labels, NULL);
  layoffs->value_labels = (char **) g_ptr_array_steal (value_labels, NULL);
  layoffs->values = (double *) (void *) g_array_steal (values, NULL);

  if (layoffs->n_items > 0)
    {
      upskill_report_doc_add_heading (report->doc, 2, _("Layoffs the article reports"));
      add_bars (report, layoffs);
    }
  else
    bars_data_free (layoffs);
}

/* The claims about the areas where this person's gaps are, strongest
 * first, at most MAX_KEY_CLAIMS (RankedClaim). */
static GArray *
rank_claims (Report *report)
{
  UpskillTrends *trends = report->trends;
  GArray *ranked = g_array_new (FALSE, FALSE, sizeof (RankedClaim));
  g_autofree double *gap_weight = g_new0 (double, upskill_catalog_get_n_areas (report->catalog));

  for (guint i = 0; i < report->gaps->len; i++)
    {
      UpskillGap *gap = g_ptr_array_index (report->gaps, i);

      if (gap->skill->area != NULL)
        gap_weight[gap->skill->area->index] += gap->gap;
    }
  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);
      RankedClaim item = { claim, 0, i };

      if (claim->areas == NULL || claim->areas->len == 0 || claim->kind == UPSKILL_CLAIM_FIGURE)
        continue;
      for (guint k = 0; k < claim->areas->len; k++)
        {
          UpskillArea *area = g_ptr_array_index (claim->areas, k);

          item.relevance = MAX (item.relevance, 1 + gap_weight[area->index]);
        }
      item.relevance *= claim->strength;
      g_array_append_val (ranked, item);
    }
  g_array_sort (ranked, compare_ranked_claims);
  g_array_set_size (ranked, MIN (ranked->len, MAX_KEY_CLAIMS));
  return ranked;
}

/* A claim, its kind, and where it comes from. */
static void
add_key_claim (Report       *report,
               UpskillClaim *claim)
{
  g_autoptr(GString) areas = g_string_new (NULL);
  g_autofree char *tag = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source_line = NULL;

  for (guint k = 0; k < claim->areas->len; k++)
    {
      UpskillArea *area = g_ptr_array_index (claim->areas, k);

      if (k > 0)
        g_string_append (areas, ", ");
      g_string_append (areas, area->name);
    }

  tag = g_markup_printf_escaped ("<span size='" UPSKILL_REPORT_SMALL_SIZE "' weight='bold'>%s</span>",
                                 upskill_claim_kind_get_label (claim->kind));
  /* Translators: the source of a claim: article title, section
   * title, the areas the claim supports. */
  source_line = g_strdup_printf (_("Source: “%s”, section “%s”. Areas: %s."),
                                 upskill_trends_get_source_title (report->trends),
                                 claim->section ? claim->section->title : "",
                                 areas->str);
  text = g_markup_printf_escaped ("%s\n" UPSKILL_REPORT_SMALL_SPAN "%s</span>",
                                  claim->text, source_line);
  upskill_report_doc_add_item (report->doc, tag, 78, text,
                               claim_is_view (claim) ? &upskill_report_target
                                                     : &upskill_report_accent);
  /* A claim never parts from its source line. */
  upskill_report_doc_keep_together (report->doc);
}

static void
add_market_context (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  UpskillTrends *trends = report->trends;
  const char *source = NULL;
  g_autofree char *intro = NULL;
  g_autoptr(GArray) ranked = NULL;

  upskill_report_doc_add_heading (doc, 1, _("Market context"));
  if (trends == NULL)
    {
      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, _("No trend data is available."));
      return;
    }

  source = upskill_trends_get_source_title (trends);
  if (upskill_trends_get_origin_url (trends) != NULL)
    {
      g_autofree char *fetched = format_unix_date (upskill_trends_get_fetched (trends));
      g_autofree char *shown = upskill_url_dup_display (upskill_trends_get_origin_url (trends));

      intro = g_markup_printf_escaped (_("From the article “%s”, as served by %s on %s."),
                                       source, shown, fetched);
    }
  else
    intro = g_markup_printf_escaped (_("From the article “%s”. Its claims are shown as data, each with "
                                       "the section it comes from; opinions and predictions are "
                                       "marked as such."), source);
  upskill_report_doc_add_markup (doc, UPSKILL_TEXT_BODY, intro);

  add_demand_bars (report);
  add_layoff_bars (report);

  ranked = rank_claims (report);
  if (ranked->len > 0)
    {
      upskill_report_doc_add_heading (doc, 2, _("Key claims"));
      for (guint i = 0; i < ranked->len; i++)
        add_key_claim (report, g_array_index (ranked, RankedClaim, i).claim);
    }
}

/* ---------------------------------------------------------------- */
/* Appendix and sign-off                                             */
/* ---------------------------------------------------------------- */

static void
add_level_definitions (Report *report)
{
  UpskillReportDoc *doc = report->doc;

  upskill_report_doc_add_heading (doc, 1, _("Level definitions"));
  upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY,
                               _("One scale for every skill, after the Dreyfus model. From Competent (3) "
                                 "on, a rating asks for evidence."));
  for (guint level = 0; level <= UPSKILL_LEVEL_MAX; level++)
    {
      g_autofree char *definition = upskill_format_level_definition (level);
      g_autofree char *markup = g_markup_escape_text (definition, -1);

      upskill_report_doc_add_item (doc, "•", 14, markup, &upskill_report_accent);
      /* Six short lines: one list on one page. */
      if (level < UPSKILL_LEVEL_MAX)
        upskill_report_doc_keep_with_next (doc);
    }
}

static void
add_sign_off (Report *report)
{
  UpskillReportDoc *doc = report->doc;
  g_autofree char *name = isolate (upskill_profile_get_name (report->profile));
  g_autofree char *date = upskill_date_time_format_day (report->date);
  g_autofree char *confidential = NULL;

  upskill_report_doc_add_heading (doc, 1, _("Sign-off"));
  if (report->coach_name != NULL)
    {
      g_autofree char *coach = isolate (report->coach_name);
      /* Translators: the sign-off: the coach's name, then the report's date. */
      g_autofree char *line = g_markup_printf_escaped (_("Prepared by <b>%s</b>, your coach, on %s."),
                                                       coach, date);

      upskill_report_doc_add_markup (doc, UPSKILL_TEXT_BODY, line);
      upskill_report_doc_keep_with_next (doc);
    }
  else
    {
      /* Translators: the sign-off without a coach: the report's date. */
      g_autofree char *line = g_strdup_printf (_("Prepared on %s."), date);

      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, line);
      upskill_report_doc_keep_with_next (doc);
    }
  if (report->coach_contact != NULL)
    {
      g_autofree char *contact = isolate (report->coach_contact);
      /* Translators: the sign-off: how to reach the coach (an e-mail, a phone number). */
      g_autofree char *line = g_strdup_printf (_("Contact: %s"), contact);

      upskill_report_doc_add_text (doc, UPSKILL_TEXT_BODY, line);
      upskill_report_doc_keep_with_next (doc);
    }

  /* Translators: the report's last line; %s is the person's name. */
  confidential = g_strdup_printf (_("Confidential: prepared for %s alone. The coach’s private notes are "
                                    "not part of it. Please do not pass it on without their consent."),
                                  name);
  upskill_report_doc_add_text (doc, UPSKILL_TEXT_SMALL, confidential);
}

/* ---------------------------------------------------------------- */
/* The document                                                      */
/* ---------------------------------------------------------------- */

static void
set_metadata (Report          *report,
              cairo_surface_t *surface)
{
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (report->date);
  g_autofree char *created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  const char *name = upskill_profile_get_name (report->profile);

  /* Translators: the PDF's title. */
  title = g_strdup_printf (_("Upskill progress report: %s"), name);
  /* Translators: the PDF's subject. */
  subject = g_strdup_printf (_("Progress toward the %s role"), role_name (report));
  creator = g_strdup_printf ("Upskill %s", PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  report->coach_name ? report->coach_name : name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

static Report *
report_new (UpskillProfile             *profile,
            UpskillCatalog             *catalog,
            UpskillTrends              *trends,
            const UpskillReportOptions *options)
{
  Report *report = g_new0 (Report, 1);
  UpskillReportOptions defaults;

  if (options == NULL)
    {
      upskill_report_options_init (&defaults);
      options = &defaults;
    }

  report->profile = upskill_profile_copy (profile);
  report->catalog = g_object_ref (catalog);
  report->trends = trends ? g_object_ref (trends) : NULL;
  report->paper = options->paper;
  report->include_notes = options->include_notes;
  report->include_evidence = options->include_evidence;
  report->include_market_context = options->include_market_context;
  report->coach_name = options->coach_name && *options->coach_name ? g_strdup (options->coach_name) : NULL;
  report->coach_contact = options->coach_contact && *options->coach_contact
                          ? g_strdup (options->coach_contact) : NULL;
  report->date = options->date > 0 ? g_date_time_new_from_unix_local (options->date) : NULL;
  /* No date, or one GDateTime cannot hold: today. */
  if (report->date == NULL)
    report->date = g_date_time_new_now_local ();
  return report;
}

static void
report_compute (Report *report)
{
  GDate today;

  report->role = upskill_catalog_find_role (report->catalog,
                                            upskill_profile_get_target_role (report->profile));
  report->readiness = upskill_compute_readiness (report->profile, report->catalog);
  report->gaps = upskill_compute_gaps (report->profile, report->catalog, report->trends);

  /* The plan as the person has it; when it is empty, the one the planner
   * would suggest, made on a copy so the profile itself is not touched. */
  if (upskill_profile_get_plan (report->profile)->len == 0 && report->role != NULL)
    {
      report->plan_profile = upskill_profile_copy (report->profile);
      upskill_planner_regenerate (report->plan_profile, report->catalog, report->trends);
      report->plan_generated = upskill_profile_get_plan (report->plan_profile)->len > 0;
    }
  else
    report->plan_profile = g_object_ref (report->profile);

  upskill_date_set_from_date_time (&today, report->date);
  report->schedule = upskill_planner_schedule (report->plan_profile, report->catalog, &today);
  g_date_clear (&report->finish, 1);
  upskill_planner_get_finish (report->schedule, &report->finish);
  report->forecast = upskill_planner_forecast (report->plan_profile, report->catalog, report->trends,
                                               report->schedule, &today);
  upskill_compute_baseline (report->profile, report->catalog, &report->baseline);
}

static void
report_get_size (Report *report,
                 double *width,
                 double *height)
{
  UpskillPaper paper = resolve_paper (report->paper);

  *width = paper == UPSKILL_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
  *height = paper == UPSKILL_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
}

/* The blocks of every section, measured with @surface's fonts. */
static void
report_build (Report          *report,
              cairo_surface_t *surface,
              double           width,
              double           height)
{
  g_autofree char *header_left = NULL;
  g_autofree char *header_right = NULL;
  g_autofree char *date = NULL;

  report->doc = upskill_report_doc_new (surface, width, height);
  date = upskill_date_time_format_day (report->date);
  /* Translators: the running header: the person's name. */
  {
    g_autofree char *name = isolate (upskill_profile_get_name (report->profile));

    header_left = g_strdup_printf (_("%s · Progress report"), name);
  }
  header_right = g_strdup (date);
  upskill_report_doc_set_header (report->doc, header_left, header_right);

  upskill_report_doc_add_full_page (report->doc, _("Cover"), draw_cover, report);
  add_next_days (report);
  add_summary (report);
  add_strengths (report);
  add_radar (report);
  add_gaps (report);
  add_learning_path (report);
  add_progress (report);
  add_since_last_session (report);
  if (report->include_notes)
    add_notes (report);
  if (report->include_market_context)
    add_market_context (report);
  add_level_definitions (report);
  add_sign_off (report);
}

static GBytes *
report_render (Report        *report,
               GCancellable  *cancellable,
               GError       **error)
{
  double width, height;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;

  report_compute (report);
  report_get_size (report, &width, &height);

  surface = upskill_report_pdf_surface_new (pdf, width, height);
  set_metadata (report, surface);
  report_build (report, surface, width, height);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_pointer (&report->doc, upskill_report_doc_free);
      cairo_surface_destroy (surface);
      return NULL;
    }

  upskill_report_doc_paginate (report->doc);
  upskill_report_doc_render (report->doc, cancellable);
  g_clear_pointer (&report->doc, upskill_report_doc_free);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/* A clear message before trying: which folder, and what is wrong with it. */
static gboolean
check_destination (GFile   *destination,
                   GError **error)
{
  g_autofree char *path = g_file_get_path (destination);
  g_autofree char *folder = NULL;
  g_autofree char *shown_path = NULL;
  g_autofree char *shown_folder = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (destination);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not write the report to “%s”: only files on this computer can be written"),
                   uri);
      return FALSE;
    }

  folder = g_path_get_dirname (path);
  /* Paths are bytes; messages are UTF-8. */
  shown_path = g_filename_display_name (path);
  shown_folder = g_filename_display_name (folder);
  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not write the report to “%s”: the folder “%s” does not exist"),
                   shown_path, shown_folder);
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not write the report to “%s”: “%s” is not a folder"),
                   shown_path, shown_folder);
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not write the report to “%s”: the folder “%s” is not writable"),
                   shown_path, shown_folder);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not write the report to “%s”: it is a folder"), shown_path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
report_write (Report        *report,
              GFile         *destination,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_destination (destination, error))
    return FALSE;

  bytes = report_render (report, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  if (!upskill_file_write_atomically (destination, bytes, UPSKILL_FILE_MODE_DOCUMENT,
                                      cancellable, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
upskill_report_write (UpskillProfile              *profile,
                      UpskillCatalog              *catalog,
                      UpskillTrends               *trends,
                      const UpskillReportOptions  *options,
                      GFile                       *destination,
                      GCancellable                *cancellable,
                      GError                     **error)
{
  g_autoptr(Report) report = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = report_new (profile, catalog, trends, options);
  return report_write (report, destination, cancellable, error);
}

GBytes *
upskill_report_render (UpskillProfile              *profile,
                       UpskillCatalog              *catalog,
                       UpskillTrends               *trends,
                       const UpskillReportOptions  *options,
                       GCancellable                *cancellable,
                       GError                     **error)
{
  g_autoptr(Report) report = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = report_new (profile, catalog, trends, options);
  return report_render (report, cancellable, error);
}

/* Pages for printing */

struct _UpskillReportPages
{
  Report          *report;
  cairo_surface_t *surface;  /* measures only; what it writes is dropped */
  double           width;
  double           height;
  guint            n_pages;
};

UpskillReportPages *
upskill_report_pages_new (UpskillProfile             *profile,
                          UpskillCatalog             *catalog,
                          UpskillTrends              *trends,
                          const UpskillReportOptions *options)
{
  UpskillReportPages *pages;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends), NULL);

  pages = g_new0 (UpskillReportPages, 1);
  pages->report = report_new (profile, catalog, trends, options);
  report_compute (pages->report);
  report_get_size (pages->report, &pages->width, &pages->height);
  /* Laid out with the PDF's font metrics (no hinting), so the printed
   * pages break exactly where the exported ones do. */
  pages->surface = upskill_report_pdf_surface_new (NULL, pages->width, pages->height);
  report_build (pages->report, pages->surface, pages->width, pages->height);
  pages->n_pages = upskill_report_doc_paginate (pages->report->doc);
  return pages;
}

guint
upskill_report_pages_get_n_pages (UpskillReportPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);

  return pages->n_pages;
}

void
upskill_report_pages_get_size (UpskillReportPages *pages,
                               double             *width,
                               double             *height)
{
  g_return_if_fail (pages != NULL);

  if (width != NULL)
    *width = pages->width;
  if (height != NULL)
    *height = pages->height;
}

void
upskill_report_pages_draw (UpskillReportPages *pages,
                           cairo_t            *cr,
                           guint               index)
{
  g_return_if_fail (pages != NULL);
  g_return_if_fail (index < pages->n_pages);

  cairo_save (cr);
  /* A structure element per page: printing to a PDF file goes through
   * cairo 1.16's PDF surface, which needs one for its links (see
   * upskill_report_doc_render). */
  cairo_tag_begin (cr, "Sect", NULL);
  upskill_report_doc_render_page (pages->report->doc, cr, index + 1);
  cairo_tag_end (cr, "Sect");
  cairo_restore (cr);
}

void
upskill_report_pages_free (UpskillReportPages *pages)
{
  if (pages == NULL)
    return;

  report_free (pages->report);
  cairo_surface_finish (pages->surface);
  cairo_surface_destroy (pages->surface);
  g_free (pages);
}

typedef struct
{
  Report *report;
  GFile  *destination;
} WriteTask;

static void
write_task_free (gpointer data)
{
  WriteTask *task = data;

  report_free (task->report);
  g_object_unref (task->destination);
  g_free (task);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteTask *write = task_data;
  GError *error = NULL;

  if (report_write (write->report, write->destination, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
upskill_report_write_async (UpskillProfile              *profile,
                            UpskillCatalog              *catalog,
                            UpskillTrends               *trends,
                            const UpskillReportOptions  *options,
                            GFile                       *destination,
                            GCancellable                *cancellable,
                            GAsyncReadyCallback          callback,
                            gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteTask *write;

  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_report_write_async);
  g_task_set_name (task, "upskill-report-write");

  /* The copy is made here, on the caller's thread: the window may go on
   * editing the profile while the report is drawn. */
  write = g_new0 (WriteTask, 1);
  write->report = report_new (profile, catalog, trends, options);
  write->destination = g_object_ref (destination);
  g_task_set_task_data (task, write, write_task_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
upskill_report_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_report_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
upskill_report_suggest_name (UpskillProfile *profile,
                             gint64          date)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  time = date > 0 ? g_date_time_new_from_unix_local (date) : NULL;
  if (time == NULL)
    time = g_date_time_new_now_local ();
  day = g_date_time_format (time, "%Y-%m-%d");

  /* Keep the name readable in any script; drop only what file systems
   * (or other systems the file may be copied to) refuse. */
  p = upskill_profile_get_name (profile);
  for (; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (name, c < 0x80 && c >= 0x20 && c != 0x7f ? '-' : ' ');
      else
        g_string_append_unichar (name, c);

      /* File names are limited to 255 bytes. */
      if (name->len > 150)
        break;
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  /* Not hidden, and not read as an option by the next command. */
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == '-' || g_ascii_isspace (name->str[0])))
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_assign (name, _("Profile"));

  /* Translators: the suggested file name of a report: name, date. */
  return g_strdup_printf (_("%s - Upskill report - %s.pdf"), name->str, day);
}

/* Names for a batch */

struct _UpskillReportNames
{
  GHashTable *used;  /* name_key () of each name given */
};

UpskillReportNames *
upskill_report_names_new (void)
{
  UpskillReportNames *names = g_new0 (UpskillReportNames, 1);

  names->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return names;
}

void
upskill_report_names_free (UpskillReportNames *names)
{
  if (names == NULL)
    return;

  g_hash_table_unref (names->used);
  g_free (names);
}

/* The key two report names collide under on a file system that ignores
 * case (or normalisation): "Dana" and "dana" are one file there. */
static char *
name_key (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normalized ? normalized : name, -1);
}

char *
upskill_report_names_next (UpskillReportNames *names,
                           UpskillProfile     *profile,
                           gint64              date)
{
  char *name;

  g_return_val_if_fail (names != NULL, NULL);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  /* The suggested name never starts with "-" or "."; two clients with
   * the same name (in any case) both keep their report. */
  name = upskill_report_suggest_name (profile, date);
  for (guint n = 1; ; n++)
    {
      g_autofree char *key = name_key (name);
      g_autofree char *base = NULL;

      if (!g_hash_table_contains (names->used, key))
        {
          g_hash_table_add (names->used, g_steal_pointer (&key));
          break;
        }
      base = g_strndup (name, strlen (name) - strlen (".pdf"));
      g_free (name);
      if (n == 1)
        name = g_strdup_printf ("%s (%s).pdf", base, upskill_profile_get_id (profile));
      else
        name = g_strdup_printf ("%s (%u).pdf", base, n);
    }

  return name;
}

/* A batch, on a worker thread */

typedef struct
{
  UpskillStore         *store;
  GStrv                 ids;
  UpskillProfile       *open_profile;  /* a copy, or NULL */
  UpskillCatalog       *catalog;
  UpskillTrends        *trends;        /* may be NULL */
  UpskillReportOptions  options;       /* its strings are the two below */
  char                 *coach_name;
  char                 *coach_contact;
  GFile                *folder;
  guint                 n_written;
} BatchTask;

static void
batch_task_free (gpointer data)
{
  BatchTask *batch = data;

  g_object_unref (batch->store);
  g_strfreev (batch->ids);
  g_clear_object (&batch->open_profile);
  g_object_unref (batch->catalog);
  g_clear_object (&batch->trends);
  g_free (batch->coach_name);
  g_free (batch->coach_contact);
  g_object_unref (batch->folder);
  g_free (batch);
}

static void
batch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BatchTask *batch = task_data;
  g_autoptr(UpskillReportNames) names = upskill_report_names_new ();
  g_autoptr(GError) first_error = NULL;

  for (guint i = 0; batch->ids[i] != NULL; i++)
    {
      g_autoptr(UpskillProfile) profile = NULL;
      g_autoptr(Report) report = NULL;
      g_autoptr(GFile) destination = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (batch->open_profile != NULL &&
          g_strcmp0 (upskill_profile_get_id (batch->open_profile), batch->ids[i]) == 0)
        profile = g_object_ref (batch->open_profile);
      else
        profile = upskill_store_load (batch->store, batch->ids[i], cancellable, &error);

      if (profile != NULL)
        {
          name = upskill_report_names_next (names, profile, batch->options.date);
          destination = g_file_get_child (batch->folder, name);
          report = report_new (profile, batch->catalog, batch->trends, &batch->options);
          if (report_write (report, destination, cancellable, &error))
            batch->n_written++;
        }

      if (error != NULL && first_error == NULL)
        first_error = g_steal_pointer (&error);
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  if (first_error != NULL)
    g_task_return_error (task, g_steal_pointer (&first_error));
  else
    g_task_return_boolean (task, TRUE);
}

void
upskill_report_write_batch_async (UpskillStore               *store,
                                  const char * const         *ids,
                                  UpskillProfile             *open_profile,
                                  UpskillCatalog             *catalog,
                                  UpskillTrends              *trends,
                                  const UpskillReportOptions *options,
                                  GFile                      *folder,
                                  GCancellable               *cancellable,
                                  GAsyncReadyCallback         callback,
                                  gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  BatchTask *batch;

  g_return_if_fail (UPSKILL_IS_STORE (store));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (open_profile == NULL || UPSKILL_IS_PROFILE (open_profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));
  g_return_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends));
  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_report_write_batch_async);
  g_task_set_name (task, "upskill-report-write-batch");

  batch = g_new0 (BatchTask, 1);
  batch->store = g_object_ref (store);
  batch->ids = g_strdupv ((char **) ids);
  /* Copied here, on the caller's thread: the window goes on editing it. */
  batch->open_profile = open_profile ? upskill_profile_copy (open_profile) : NULL;
  batch->catalog = g_object_ref (catalog);
  batch->trends = trends ? g_object_ref (trends) : NULL;
  if (options != NULL)
    batch->options = *options;
  else
    upskill_report_options_init (&batch->options);
  batch->coach_name = g_strdup (batch->options.coach_name);
  batch->coach_contact = g_strdup (batch->options.coach_contact);
  batch->options.coach_name = batch->coach_name;
  batch->options.coach_contact = batch->coach_contact;
  batch->folder = g_object_ref (folder);
  g_task_set_task_data (task, batch, batch_task_free);
  g_task_run_in_thread (task, batch_thread);
}

gboolean
upskill_report_write_batch_finish (GAsyncResult  *result,
                                   guint         *out_n_written,
                                   GError       **error)
{
  BatchTask *batch;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_report_write_batch_async, FALSE);

  batch = g_task_get_task_data (G_TASK (result));
  if (out_n_written != NULL)
    *out_n_written = batch->n_written;
  return g_task_propagate_boolean (G_TASK (result), error);
}
