/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "upskill-catalog.h"
#include "upskill-date.h"
#include "upskill-error.h"
#include "upskill-format.h"
#include "upskill-level.h"
#include "upskill-planner.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-report.h"
#include "upskill-test-utils.h"
#include "upskill-trends.h"

/* A fixed date, so the report is the same whenever the test runs:
 * 2026-11-26 12:00 UTC. */
#define REPORT_DATE G_GINT64_CONSTANT (1795694400)

static const char * const section_headings[] = { UPSKILL_TEST_REPORT_SECTIONS };

typedef UpskillTestReport Fixture;

/* The value of "Key:" in pdfinfo's output. */
static char *
info_field (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", key);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static guint
info_pages (const char *info)
{
  g_autofree char *pages = info_field (info, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* Without spaces and hyphens: text wrapped across lines (or hyphenated
 * by Pango) still matches. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x00AD)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
text_has (const char *text,
          const char *needle)
{
  g_autofree char *haystack = normalize (text);
  g_autofree char *wanted = normalize (needle);

  return strstr (haystack, wanted) != NULL;
}

#define assert_text_has(text, needle) \
  G_STMT_START { \
    if (!text_has ((text), (needle))) \
      g_error ("“%s” is not in the report", (needle)); \
  } G_STMT_END

/* strstr for binary data (a PDF holds NUL bytes). */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static char *
write_report (Fixture                    *fixture,
              UpskillProfile             *profile,
              const UpskillReportOptions *options,
              const char                 *file_name)
{
  g_autofree char *path = g_build_filename (fixture->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = upskill_report_write (profile, fixture->catalog, fixture->trends, options, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

static void
default_options (UpskillReportOptions *options)
{
  upskill_report_options_init (options);
  options->date = REPORT_DATE;
  options->coach_name = "Sam Reyes";
  options->paper = UPSKILL_PAPER_A4;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     n_written;
} AsyncState;

/* ---------------------------------------------------------------- */

static void
check_sample (Fixture    *fixture,
              const char *sample)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample (sample);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autofree char *file_name = g_strdup_printf ("%s.pdf", sample);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creation_date = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *source = NULL;
  UpskillReportOptions options;
  const char *name = upskill_profile_get_name (profile);

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  path = write_report (fixture, profile, &options, file_name);
  info = upskill_test_pdf_info (path);
  text = upskill_test_pdf_text (path);

  /* A cover and at least five pages of content. */
  g_assert_cmpuint (info_pages (info), >=, 6);

  title = info_field (info, "Title");
  author = info_field (info, "Author");
  creator = info_field (info, "Creator");
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, name));
  g_assert_cmpstr (author, ==, "Sam Reyes");
  g_assert_cmpstr (creator, ==, "Upskill " PACKAGE_VERSION);
  creation_date = info_field (info, "CreationDate");
  g_assert_nonnull (creation_date);
  g_assert_cmpuint (strlen (creation_date), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (section_headings); i++)
    assert_text_has (text, section_headings[i]);
  assert_text_has (text, name);
  assert_text_has (text, "Sam Reyes");
  assert_text_has (text, "26 November 2026");

  /* Every gap is a row of the table. */
  gaps = upskill_compute_gaps (profile, fixture->catalog, fixture->trends);
  g_assert_cmpuint (gaps->len, >, 0);
  for (guint i = 0; i < gaps->len; i++)
    assert_text_has (text, ((UpskillGap *) g_ptr_array_index (gaps, i))->skill->name);

  /* Claims come with their source: the article's title and section. */
  source = g_strdup_printf ("Source: “%s”, section “", upskill_trends_get_source_title (fixture->trends));
  assert_text_has (text, source);
  assert_text_has (text, "For Developers and Tech Professionals");
  /* Opinions and predictions are labelled. */
  g_assert_true (text_has (text, "Opinion") || text_has (text, "Prediction"));

  /* An outline entry per section (cairo writes ASCII titles as is). */
  {
    g_autofree char *raw = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &raw, &length, NULL));
    for (guint i = 0; i < G_N_ELEMENTS (section_headings); i++)
      {
        g_autofree char *entry = g_strdup_printf ("/Title (%s)", section_headings[i]);

        g_assert_true (contains_bytes (raw, length, entry));
      }
  }

  /* Page numbers and the running header. */
  assert_text_has (text, "Page 2 of");
  g_assert_cmpuint (upskill_test_count (text, "· Progress report"), >=, info_pages (info) - 1);
}

static void
test_samples (Fixture       *fixture,
              gconstpointer  data)
{
  check_sample (fixture, "dana-okafor");
  check_sample (fixture, "maria-gonzalez");
  check_sample (fixture, "li-wei");
}

static void
test_cjk_name (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("li-wei");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  path = write_report (fixture, profile, &options, "cjk.pdf");
  text = upskill_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "李伟"));
}

static void
test_scripts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  UpskillReportOptions options;
  UpskillNote *note;

  if (!upskill_test_have_poppler ())
    return;

  /* Arabic (right to left) in the name, other scripts and emoji in a note. */
  upskill_profile_set_name (profile, "ليلى حداد");
  note = upskill_profile_add_note (profile, REPORT_DATE - 86400,
                                   "Встреча прошла хорошо. Καλή πρόοδος. 进展顺利 🎉👍 تقدم جيد");
  /* A client's new note is private until the coach shares it. */
  upskill_profile_set_note_private (profile, note->id, FALSE);
  default_options (&options);
  path = write_report (fixture, profile, &options, "scripts.pdf");
  text = upskill_test_pdf_text (path);
  info = upskill_test_pdf_info (path);

  g_assert_nonnull (strstr (text, "ليلى"));
  g_assert_nonnull (strstr (text, "حداد"));
  g_assert_nonnull (strstr (text, "Встреча прошла хорошо"));
  g_assert_nonnull (strstr (text, "Καλή πρόοδος"));
  g_assert_nonnull (strstr (text, "进展顺利"));
  title = info_field (info, "Title");
  g_assert_nonnull (strstr (title, "ليلى حداد"));
}

static void
test_no_notes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  GPtrArray *notes = upskill_profile_get_notes (profile);
  UpskillNote *note;
  g_autofree char *with_path = NULL;
  g_autofree char *without_path = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *first_words = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  g_assert_cmpuint (notes->len, >, 0);
  note = g_ptr_array_index (notes, 0);
  first_words = g_utf8_substring (note->text, 0, 24);

  default_options (&options);
  with_path = write_report (fixture, profile, &options, "with.pdf");
  options.include_notes = FALSE;
  without_path = write_report (fixture, profile, &options, "without.pdf");
  with = upskill_test_pdf_text (with_path);
  without = upskill_test_pdf_text (without_path);

  assert_text_has (with, "Session notes");
  assert_text_has (with, first_words);
  g_assert_false (text_has (without, "Session notes"));
  g_assert_false (text_has (without, first_words));
  assert_text_has (without, "Market context");
}

/* A coach's private notes and actions never reach the client's handout;
 * the shared actions still open, with their due dates, and the next
 * session do. */
static void
test_private_notes_absent (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  gint64 today = REPORT_DATE / 86400 * 86400;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shared_id = NULL;
  g_autofree char *due = NULL;
  g_autofree char *next = NULL;
  UpskillNote *note;
  UpskillAction *action;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  note = upskill_profile_add_note (profile, today - 2 * 86400, "Zanzibar worries about her manager");
  g_assert_true (note->private);   /* a client's note: private unless shared */
  upskill_profile_add_action (profile, note->id, "Quokka call with the recruiter", 0);

  note = upskill_profile_add_note (profile, today - 86400, "Walrus session went well");
  shared_id = g_strdup (note->id);
  upskill_profile_set_note_private (profile, shared_id, FALSE);
  upskill_profile_set_note_next_session (profile, shared_id, today + 9 * 86400);
  upskill_profile_add_action (profile, shared_id, "Pelican pipeline project", today + 14 * 86400);
  action = upskill_profile_add_action (profile, shared_id, "Narwhal salary figures", 0);
  upskill_profile_set_action_private (profile, shared_id, action->id, TRUE);
  action = upskill_profile_add_action (profile, shared_id, "Heron reading list", 0);
  upskill_profile_set_action_status (profile, shared_id, action->id, UPSKILL_ACTION_DONE);

  default_options (&options);
  path = write_report (fixture, profile, &options, "private.pdf");
  text = upskill_test_pdf_text (path);

  g_assert_false (text_has (text, "Zanzibar"));
  g_assert_false (text_has (text, "Quokka"));
  g_assert_false (text_has (text, "Narwhal"));
  assert_text_has (text, "Walrus session went well");
  assert_text_has (text, "Agreed actions");
  assert_text_has (text, "Pelican pipeline project");
  due = upskill_format_day_unix (today + 14 * 86400);
  assert_text_has (text, due);
  next = upskill_format_day_unix (today + 9 * 86400);
  assert_text_has (text, next);
  assert_text_has (text, "Next session");
  /* Done, it is listed under its note, not among the open ones. */
  assert_text_has (text, "Heron reading list (Done)");

  /* Page 2, the handout's "Next 90 days": the shared open action and
   * the next session, never the private ones. */
  {
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

    assert_text_has (pages[1], "Next 90 days");
    assert_text_has (pages[1], "Pelican pipeline project");
    assert_text_has (pages[1], due);
    assert_text_has (pages[1], next);
    g_assert_false (text_has (pages[1], "Heron"));
  }
}

/* The text of the report from the section titled @from up to the one
 * titled @to (NULL: the end), past the cover (whose contents name every
 * section). */
static char *
section_text (const char *text,
              const char *from,
              const char *to)
{
  const char *body = strchr (text, '\f');
  const char *start;
  const char *end;

  g_assert_nonnull (body);
  start = strstr (body, from);
  if (start == NULL)
    g_error ("no section “%s” in the report", from);
  end = to != NULL ? strstr (start + strlen (from), to) : NULL;
  if (to != NULL && end == NULL)
    g_error ("no section “%s” after “%s” in the report", to, from);
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

/* Page 2 lists exactly the plan's steps that start in the next 90 days,
 * as the Plan page schedules them, with their dates and links; the done
 * steps as a count; the shared open actions and the next session. */
static void
test_next_90_days (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (REPORT_DATE);
  g_autoptr(GPtrArray) schedule = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *done = NULL;
  g_autofree char *next = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 today = REPORT_DATE / 86400 * 86400;
  GDate start, horizon;
  guint n_in = 0, n_out = 0, n_done = 0;
  UpskillNote *note;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  upskill_date_set_from_date_time (&start, date);
  horizon = start;
  g_date_add_days (&horizon, 90);

  note = upskill_profile_add_note (profile, today - 86400, "Shared session");
  upskill_profile_set_note_private (profile, note->id, FALSE);
  upskill_profile_set_note_next_session (profile, note->id, today + 9 * 86400);
  upskill_profile_add_action (profile, note->id, "Pelican pipeline project", today + 14 * 86400);

  default_options (&options);
  path = write_report (fixture, profile, &options, "next-90-days.pdf");
  text = upskill_test_pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  g_assert_true (text_has (pages[1], "Next 90 days"));

  schedule = upskill_planner_schedule (profile, fixture->catalog, &start);
  for (guint i = 0; i < schedule->len; i++)
    {
      UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      if (scheduled->step->status == UPSKILL_STEP_DONE)
        {
          n_done++;
          g_assert_false (text_has (pages[1], scheduled->title));
          continue;
        }
      if (!scheduled->scheduled)
        continue;
      if (g_date_compare (&scheduled->start, &horizon) <= 0)
        {
          g_autofree char *range = upskill_format_date_range (&scheduled->start, &scheduled->finish);

          n_in++;
          assert_text_has (pages[1], scheduled->title);
          assert_text_has (pages[1], range);
          if (scheduled->module != NULL)
            assert_text_has (pages[1], scheduled->module->url);
        }
      else
        {
          n_out++;
          g_assert_false (text_has (pages[1], scheduled->title));
        }
    }
  /* The sample has steps on both sides of the window, and done ones. */
  g_assert_cmpuint (n_in, >, 0);
  g_assert_cmpuint (n_out, >, 0);
  g_assert_cmpuint (n_done, >, 0);

  done = upskill_format_steps_done (n_done);
  assert_text_has (pages[1], done);
  assert_text_has (pages[1], "Pelican pipeline project");
  next = upskill_format_day_unix (today + 9 * 86400);
  assert_text_has (pages[1], next);

  /* The learning path leads with what is left: the done steps as a line. */
  {
    g_autofree char *path_text = section_text (text, "Learning path", "Progress over time");

    assert_text_has (path_text, done);
  }
}

/* @basis ("Self-rated", "Confirmed on …") comes with @line, on it or the
 * line after (a long line wraps), before the next skill's. */
static void
assert_basis_follows (const char *section,
                      const char *line,
                      const char *basis)
{
  const char *at = strstr (section, line);
  const char *found;

  g_assert_nonnull (at);
  found = strstr (at + strlen (line), basis);
  if (found == NULL || found - at > (gssize) strlen (line) + 160)
    g_error ("“%s” does not say “%s”", line, basis);
}

/* Strengths are the skills at or above their target, each with what its
 * rating rests on and its evidence; every rated skill says it too. */
static void
test_strengths_and_evidence (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *strengths = NULL;
  g_autofree char *ratings = NULL;
  guint n_strengths = 0;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  path = write_report (fixture, profile, &options, "strengths.pdf");
  text = upskill_test_pdf_text (path);
  strengths = section_text (text, "Strengths", "Skills profile");
  ratings = section_text (text, "Ratings and evidence", "Gaps");

  for (guint i = 0; i < upskill_catalog_get_n_skills (fixture->catalog); i++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (fixture->catalog, i);
      guint level = upskill_profile_get_level (profile, skill->id);
      guint target = upskill_profile_get_target (profile, fixture->catalog, skill, NULL);
      GPtrArray *evidence = upskill_profile_get_evidence (profile, skill->id);
      g_autofree char *basis = upskill_format_rating_basis (profile, skill->id);
      g_autofree char *line = NULL;
      g_autofree char *current = upskill_format_level (level);

      if (level == 0)
        continue;
      line = g_strdup_printf ("%s: %s", skill->name, current);
      if (target > 0 && level >= target)
        {
          n_strengths++;
          assert_text_has (strengths, line);
          g_assert_false (text_has (ratings, line));
          assert_basis_follows (strengths, line, basis);
        }
      else
        {
          assert_text_has (ratings, line);
          g_assert_false (text_has (strengths, line));
          assert_basis_follows (ratings, line, basis);
        }
      for (guint k = 0; evidence != NULL && k < evidence->len; k++)
        {
          UpskillEvidence *item = g_ptr_array_index (evidence, k);

          assert_text_has (text, item->note);
          if (item->link != NULL)
            assert_text_has (text, item->link);
        }
    }
  g_assert_cmpuint (n_strengths, >, 0);
  /* María's sample has all three kinds. */
  assert_text_has (text, "Self-rated");
  assert_text_has (text, "Evidenced");
  assert_text_has (text, "Confirmed on");
}

/* The first piece of evidence with a link in @profile. */
static UpskillEvidence *
find_linked_evidence (Fixture        *fixture,
                      UpskillProfile *profile)
{
  for (guint i = 0; i < upskill_catalog_get_n_skills (fixture->catalog); i++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (fixture->catalog, i);
      GPtrArray *evidence = upskill_profile_get_evidence (profile, skill->id);

      for (guint k = 0; evidence != NULL && k < evidence->len; k++)
        {
          UpskillEvidence *item = g_ptr_array_index (evidence, k);

          if (item->link != NULL && *item->link != '\0')
            return item;
        }
    }

  g_error ("The sample has no evidence with a link");
  return NULL;
}

/* Without the evidence: the strengths are still named, with what their
 * rating rests on, but no note or link of evidence is, and the list of
 * every other rating (which only the evidence adds to) goes. */
static void
test_no_evidence (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  UpskillEvidence *evidence = find_linked_evidence (fixture, profile);
  g_autofree char *with_path = NULL;
  g_autofree char *without_path = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *strengths = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  with_path = write_report (fixture, profile, &options, "with.pdf");
  options.include_evidence = FALSE;
  without_path = write_report (fixture, profile, &options, "without.pdf");
  with = upskill_test_pdf_text (with_path);
  without = upskill_test_pdf_text (without_path);

  assert_text_has (with, evidence->link);
  assert_text_has (with, evidence->note);
  assert_text_has (with, "Ratings and evidence");
  g_assert_false (text_has (without, evidence->link));
  g_assert_false (text_has (without, evidence->note));
  g_assert_false (text_has (without, "Ratings and evidence"));
  g_assert_false (text_has (without, "and what shows it"));

  strengths = section_text (without, "Strengths", "Skills profile");
  assert_text_has (strengths, "The skills already at or above their target.");
  assert_text_has (strengths, "Confirmed on");
  for (guint i = 0; i < G_N_ELEMENTS (section_headings); i++)
    assert_text_has (without, section_headings[i]);
}

/* Without the market context: no section, no line for it in the
 * contents or the outline, and the cover does not cite the article. */
static void
test_no_market_context (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *with_path = NULL;
  g_autofree char *without_path = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *source = NULL;
  gsize length = 0;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  source = g_strdup_printf ("Source: “%s”", upskill_trends_get_source_title (fixture->trends));
  default_options (&options);
  with_path = write_report (fixture, profile, &options, "with.pdf");
  options.include_market_context = FALSE;
  without_path = write_report (fixture, profile, &options, "without.pdf");
  with = upskill_test_pdf_text (with_path);
  without = upskill_test_pdf_text (without_path);

  /* Once in the contents, once as the heading. */
  g_assert_cmpuint (upskill_test_count (with, "Market context"), >=, 2);
  assert_text_has (with, "Key claims");
  assert_text_has (with, source);
  g_assert_cmpuint (upskill_test_count (without, "Market context"), ==, 0);
  g_assert_false (text_has (without, "Key claims"));
  g_assert_false (text_has (without, "Demand signal per area"));
  g_assert_false (text_has (without, source));
  assert_text_has (without, "Level definitions");
  assert_text_has (without, "Sign-off");

  g_assert_true (g_file_get_contents (without_path, &raw, &length, NULL));
  g_assert_false (contains_bytes (raw, length, "/Title (Market context)"));
  g_assert_true (contains_bytes (raw, length, "/Title (Level definitions)"));
}

/* Names in one folder: "Dana" and "dana" are one file where case does
 * not count, so the second gets its id; every name stays a report's. */
static void
test_batch_names (void)
{
  g_autoptr(UpskillReportNames) names = upskill_report_names_new ();
  g_autoptr(UpskillProfile) first = upskill_profile_new ("dana-okafor", "Dana Okafor");
  g_autoptr(UpskillProfile) second = upskill_profile_new ("dana-okafor-2", "DANA OKAFOR");
  g_autoptr(UpskillProfile) third = upskill_profile_new ("dana-okafor-2", "dana okafor");
  g_autoptr(UpskillProfile) other = upskill_profile_new ("li-wei", "Li Wei");
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 11, 26, 12, 0, 0);
  gint64 date = g_date_time_to_unix (noon);
  g_autofree char *a = upskill_report_names_next (names, first, date);
  g_autofree char *b = upskill_report_names_next (names, second, date);
  g_autofree char *c = upskill_report_names_next (names, third, date);
  g_autofree char *d = upskill_report_names_next (names, other, date);

  g_assert_cmpstr (a, ==, "Dana Okafor - Upskill report - 2026-11-26.pdf");
  g_assert_cmpstr (b, ==, "DANA OKAFOR - Upskill report - 2026-11-26 (dana-okafor-2).pdf");
  g_assert_cmpstr (c, ==, "dana okafor - Upskill report - 2026-11-26 (dana-okafor-2) (2).pdf");
  g_assert_cmpstr (d, ==, "Li Wei - Upskill report - 2026-11-26.pdf");
}

static void
on_batch_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = upskill_report_write_batch_finish (result, &state->n_written, &state->error);
  state->done = TRUE;
}

/* A batch writes one report per profile, the one on screen as it is
 * now; a profile that cannot be read is the error, and does not stop
 * the others. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *data_dir = g_build_filename (fixture->dir, "data", NULL);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autoptr(GFile) data_file = g_file_new_for_path (data_dir);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_dir);
  g_autoptr(UpskillStore) store = upskill_store_new (data_file, fixture->catalog);
  g_autoptr(UpskillProfile) open_profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *li_path = NULL;
  g_autofree char *maria_path = NULL;
  const char *ids[] = { "li-wei", "no-such-client", "maria-gonzalez", NULL };
  UpskillReportOptions options;
  AsyncState state = { FALSE, FALSE, NULL, 0 };

  g_assert_true (upskill_store_add_samples (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  open_profile = upskill_store_load (store, "maria-gonzalez", NULL, &error);
  g_assert_no_error (error);
  upskill_profile_set_name (open_profile, "María Unsaved");

  default_options (&options);
  options.include_market_context = FALSE;
  upskill_report_write_batch_async (store, ids, open_profile, fixture->catalog, fixture->trends,
                                    &options, out_file, NULL, on_batch_written, &state);
  /* Copied when the call is made. */
  upskill_profile_set_name (open_profile, "María Later");
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (state.ok);
  g_assert_error (state.error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND);
  g_clear_error (&state.error);
  g_assert_cmpuint (state.n_written, ==, 2);

  {
    g_autoptr(UpskillProfile) li = upskill_store_load (store, "li-wei", NULL, NULL);
    g_autofree char *li_name = upskill_report_suggest_name (li, REPORT_DATE);
    g_autoptr(UpskillProfile) unsaved = upskill_profile_new ("maria-gonzalez", "María Unsaved");
    g_autofree char *maria_name = upskill_report_suggest_name (unsaved, REPORT_DATE);

    li_path = g_build_filename (out_dir, li_name, NULL);
    maria_path = g_build_filename (out_dir, maria_name, NULL);
  }
  g_assert_true (g_file_test (li_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (maria_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (upskill_test_count_temporary_files (out_dir), ==, 0);

  if (upskill_test_have_poppler ())
    {
      g_autofree char *text = upskill_test_pdf_text (maria_path);

      /* The options reach every report of the batch. */
      g_assert_false (text_has (text, "Market context"));
    }
}

/* The appendix defines every level in the words the app uses. */
static void
test_level_definitions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *appendix = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  path = write_report (fixture, profile, &options, "levels.pdf");
  text = upskill_test_pdf_text (path);
  appendix = section_text (text, "Level definitions", "Sign-off");
  for (guint level = 0; level <= UPSKILL_LEVEL_MAX; level++)
    {
      g_autofree char *definition = upskill_format_level_definition (level);

      assert_text_has (appendix, definition);
    }
}

/* The sign-off names the coach and how to reach them, and says the
 * handout is confidential. */
static void
test_sign_off (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *with_path = NULL;
  g_autofree char *without_path = NULL;
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with_sign_off = NULL;
  g_autofree char *without_sign_off = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  options.coach_contact = "sam@example.org";
  with_path = write_report (fixture, profile, &options, "sign-off.pdf");
  with = upskill_test_pdf_text (with_path);
  with_sign_off = section_text (with, "Sign-off", NULL);
  assert_text_has (with_sign_off, "Sam Reyes");
  assert_text_has (with_sign_off, "Contact: sam@example.org");
  assert_text_has (with_sign_off, "Confidential");
  assert_text_has (with_sign_off, upskill_profile_get_name (profile));

  options.coach_name = NULL;
  options.coach_contact = "";
  without_path = write_report (fixture, profile, &options, "no-coach.pdf");
  without = upskill_test_pdf_text (without_path);
  without_sign_off = section_text (without, "Sign-off", NULL);
  g_assert_false (text_has (without_sign_off, "Sam Reyes"));
  g_assert_false (text_has (without_sign_off, "Contact:"));
  assert_text_has (without_sign_off, "Confidential");
}

/* A session's focus is printed above its note, "Focus: …"; a private
 * note's focus is the coach's alone like the rest of it. */
static void
test_session_focus (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  gint64 today = REPORT_DATE / 86400 * 86400;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  UpskillNote *note;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  upskill_profile_set_kind (profile, UPSKILL_PROFILE_CLIENT);
  note = upskill_profile_add_note (profile, today - 2 * 86400, "Talked it through");
  upskill_profile_set_note_focus (profile, note->id, "Ocelot negotiation");
  g_assert_true (note->private);

  note = upskill_profile_add_note (profile, today - 86400, "Went through her threat model");
  upskill_profile_set_note_private (profile, note->id, FALSE);
  upskill_profile_set_note_focus (profile, note->id, "Flamingo prompt injection drills");

  default_options (&options);
  path = write_report (fixture, profile, &options, "focus.pdf");
  text = upskill_test_pdf_text (path);

  assert_text_has (text, "Focus: Flamingo prompt injection drills");
  assert_text_has (text, "Went through her threat model");
  g_assert_false (text_has (text, "Ocelot"));
}

/* The report in German, as the translation built in this tree makes it. */
static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("li-wei");
  g_autofree char *previous = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  UpskillReportOptions options;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/install-deps builds it)");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  /* cairo 1.16 reads the positions of links and outline entries with the
   * locale: "12.5" under a decimal comma failed the whole report with
   * "invalid tag name, attributes, or nesting". */
  default_options (&options);
  path = write_report (fixture, profile, &options, "bericht.pdf");
  setlocale (LC_ALL, previous);

  g_assert_true (g_file_get_contents (path, &raw, &length, NULL));
  g_assert_true (contains_bytes (raw, length, "/Title (Lernpfad)"));
  g_assert_true (contains_bytes (raw, length, "/Subtype /Link"));

  if (!upskill_test_have_poppler ())
    return;
  text = upskill_test_pdf_text (path);
  /* Columns made for the English words widen to the German ones: not
   * "Stund-en" or "Übersprung-en" broken over two lines. */
  g_assert_nonnull (strstr (text, "Stunden"));
  g_assert_nonnull (strstr (text, "Lücke\n"));
  g_assert_nonnull (strstr (text, "Übersprungen"));
  /* What raised a level is said in German, as on the Progress page. */
  g_assert_true (text_has (text, "(Abgeschlossen: Data Engineering Zoomcamp)"));
}

static void
test_no_skills_rated (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UpskillProfile) blank = upskill_profile_new ("blank", "Ana Blank");
  g_autoptr(UpskillProfile) targeted = upskill_profile_new ("targeted", "Ben Target");
  g_autofree char *blank_path = NULL;
  g_autofree char *targeted_path = NULL;
  g_autofree char *text = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  options.coach_name = NULL;

  /* No role, no levels, no plan, no notes. */
  blank_path = write_report (fixture, blank, &options, "blank.pdf");
  text = upskill_test_pdf_text (blank_path);
  assert_text_has (text, "Ana Blank");
  for (guint i = 0; i < G_N_ELEMENTS (section_headings); i++)
    assert_text_has (text, section_headings[i]);
  g_clear_pointer (&text, g_free);

  /* A role but nothing rated: the plan is suggested, on a copy. */
  upskill_profile_set_target_role (targeted, "mlops-engineer");
  targeted_path = write_report (fixture, targeted, &options, "targeted.pdf");
  text = upskill_test_pdf_text (targeted_path);
  assert_text_has (text, "Ben Target");
  assert_text_has (text, "MLOps Engineer");
  assert_text_has (text, "this path is suggested");
  g_assert_cmpuint (upskill_profile_get_plan (targeted)->len, ==, 0);
}

static void
test_long_plan (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  UpskillSkill *skill = upskill_catalog_get_skill (fixture->catalog, 0);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;
  guint pages_with_steps = 0;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i + 1);
      g_autofree char *title = g_strdup_printf ("Practice block %u", i + 1);

      g_ptr_array_add (steps, upskill_plan_step_new_custom (id, title, 3, skill->id, 1, 2));
    }
  upskill_profile_set_plan (profile, g_steal_pointer (&steps));

  default_options (&options);
  path = write_report (fixture, profile, &options, "long.pdf");
  text = upskill_test_pdf_text (path);
  info = upskill_test_pdf_info (path);

  g_assert_cmpuint (info_pages (info), >=, 10);
  assert_text_has (text, "Practice block 1 ");
  assert_text_has (text, "Practice block 200");

  /* Every page the table runs over starts with its header row. */
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p]; p++)
    {
      /* Page 2 lists the next steps, not the table. */
      if (strstr (pages[p], "Practice block") == NULL || strstr (pages[p], "Next 90 days") != NULL)
        continue;
      pages_with_steps++;
      g_assert_nonnull (strstr (pages[p], "Projected"));
      g_assert_nonnull (strstr (pages[p], "Status"));
    }
  g_assert_cmpuint (pages_with_steps, >=, 4);
  g_assert_cmpuint (upskill_test_count (text, "Projected"), >=, pages_with_steps);
}

/* The goal in the person's own words is on the cover, with its day, as
 * typed (not as markup); without a goal there is no empty "Goal". */
static void
test_goal_on_cover (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *without_path = NULL;
  g_autofree char *with_path = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_auto(GStrv) without_pages = NULL;
  g_auto(GStrv) with_pages = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  upskill_profile_set_goal (profile, NULL);
  upskill_profile_set_goal_date (profile, 0);
  without_path = write_report (fixture, profile, &options, "no-goal.pdf");
  without = upskill_test_pdf_text (without_path);
  without_pages = g_strsplit (without, "\f", -1);
  g_assert_null (strstr (without_pages[0], "Goal"));

  upskill_profile_set_goal (profile, "Ship <b>models</b> & lead the ML guild");
  upskill_profile_set_goal_date (profile, 1814400000); /* 1 July 2027 */
  with_path = write_report (fixture, profile, &options, "goal.pdf");
  with = upskill_test_pdf_text (with_path);
  with_pages = g_strsplit (with, "\f", -1);
  g_assert_nonnull (strstr (with_pages[0], "Goal"));
  assert_text_has (with_pages[0], "“Ship <b>models</b> & lead the ML guild” by 1 July 2027");
}

/* The gap table says what each rated level rests on, in the Skills
 * page's words: María's sample holds all three. */
static void
test_rating_basis_in_gaps (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("maria-gonzalez");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  path = write_report (fixture, profile, &options, "maria.pdf");
  text = upskill_test_pdf_text (path);
  assert_text_has (text, "Confirmed on 28 September 2026");
  assert_text_has (text, "Evidenced");
  assert_text_has (text, "Self-rated");
}

static void
test_paper_size (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *a4_path = NULL;
  g_autofree char *letter_path = NULL;
  g_autofree char *auto_path = NULL;
  g_autofree char *a4_info = NULL;
  g_autofree char *letter_info = NULL;
  g_autofree char *auto_info = NULL;
  g_autofree char *a4_size = NULL;
  g_autofree char *letter_size = NULL;
  g_autofree char *auto_size = NULL;
  g_autofree char *saved_lc_all = g_strdup (g_getenv ("LC_ALL"));
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  default_options (&options);
  options.paper = UPSKILL_PAPER_A4;
  a4_path = write_report (fixture, profile, &options, "a4.pdf");
  options.paper = UPSKILL_PAPER_LETTER;
  letter_path = write_report (fixture, profile, &options, "letter.pdf");

  /* Auto: a US locale asks for Letter, whether or not it is installed. */
  g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
  options.paper = UPSKILL_PAPER_AUTO;
  auto_path = write_report (fixture, profile, &options, "auto.pdf");
  if (saved_lc_all != NULL)
    g_setenv ("LC_ALL", saved_lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");

  a4_info = upskill_test_pdf_info (a4_path);
  letter_info = upskill_test_pdf_info (letter_path);
  auto_info = upskill_test_pdf_info (auto_path);
  a4_size = info_field (a4_info, "Page size");
  letter_size = info_field (letter_info, "Page size");
  auto_size = info_field (auto_info, "Page size");

  g_assert_true (g_str_has_prefix (a4_size, "595.276 x 841.89"));
  g_assert_true (g_str_has_prefix (letter_size, "612 x 792"));
  g_assert_cmpstr (auto_size, ==, letter_size);
}

static void
test_replaces_atomically (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  UpskillReportOptions options;
  struct stat before, after;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "not a pdf", -1, NULL));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  default_options (&options);
  g_free (write_report (fixture, profile, &options, "report.pdf"));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  /* A new file renamed over the old one, with the old one's mode. */
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, before.st_mode & 07777);

  /* No temporary file left behind. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

/* The market context names the feed it came from, never with the user
 * name and password its address may carry. */
static void
test_feed_address_without_password (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UpskillTrends) fetched = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  UpskillReportOptions options;
  gsize length;

  if (!upskill_test_have_poppler ())
    return;

  bytes = g_resources_lookup_data ("/com/example/Upskill/data/trends.json", 0, &error);
  g_assert_no_error (error);
  fetched = upskill_trends_new_from_bytes (bytes, "feed", fixture->catalog, &error);
  g_assert_no_error (error);
  upskill_trends_set_origin (fetched, "https://coach:S3cretPassw0rd@feeds.example.com/trends.json", REPORT_DATE);
  g_set_object (&fixture->trends, fetched);

  default_options (&options);
  path = write_report (fixture, profile, &options, "feed.pdf");
  text = upskill_test_pdf_text (path);
  assert_text_has (text, "feeds.example.com/trends.json");
  g_assert_null (strstr (text, "S3cretPassw0rd"));
  g_assert_null (strstr (text, "coach:"));
  g_assert_true (g_file_get_contents (path, &raw, &length, NULL));
  g_assert_false (contains_bytes (raw, length, "S3cretPassw0rd"));
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *blocker = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (blocker, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  UpskillReportOptions options;

  /* Under a regular file: no permission trick, so it fails even as root. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  default_options (&options);

  g_assert_false (upskill_report_write (profile, fixture->catalog, fixture->trends, &options,
                                        file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_false (upskill_report_write (profile, fixture->catalog, fixture->trends, &options,
                                        missing_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = upskill_report_write_finish (result, &state->error);
  state->done = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autofree char *path = g_build_filename (fixture->dir, "async.pdf", NULL);
  g_autofree char *cancelled_path = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *text = NULL;
  UpskillReportOptions options;
  AsyncState state = { FALSE, FALSE, NULL, 0 };

  default_options (&options);
  upskill_report_write_async (profile, fixture->catalog, fixture->trends, &options, file, NULL,
                              on_written, &state);
  /* The profile is copied when the call is made: later edits do not
   * leak into the report being drawn. */
  upskill_profile_set_name (profile, "Changed Meanwhile");
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);

  if (upskill_test_have_poppler ())
    {
      text = upskill_test_pdf_text (path);
      assert_text_has (text, "Dana Okafor");
      g_assert_false (text_has (text, "Changed Meanwhile"));
    }

  /* Cancelled: an error, and no file. */
  state.done = FALSE;
  g_cancellable_cancel (cancellable);
  upskill_report_write_async (profile, fixture->catalog, fixture->trends, &options, cancelled_file,
                              cancellable, on_written, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
}

static void
test_since_last_session (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(UpskillProfile) profile = upskill_profile_new ("since", "Sid Session");
  UpskillSkill *before = upskill_catalog_get_skill (fixture->catalog, 0);
  UpskillSkill *after = upskill_catalog_get_skill (fixture->catalog, 1);
  gint64 session = REPORT_DATE - 30 * 86400;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  UpskillReportOptions options;

  if (!upskill_test_have_poppler ())
    return;

  session -= session % 86400;
  upskill_profile_set_target_role (profile, "ml-engineer");
  upskill_profile_set_level (profile, before->id, 2, "Earlier workshop", session - 5 * 86400);
  upskill_profile_add_note (profile, session, "Agreed on the next steps.");
  upskill_profile_set_level (profile, after->id, 3, "Later course", session + 3 * 86400);

  default_options (&options);
  path = write_report (fixture, profile, &options, "since.pdf");
  text = upskill_test_pdf_text (path);

  assert_text_has (text, "Since the session on");
  assert_text_has (text, "Sid Session raised");
  assert_text_has (text, "Later course");
  g_assert_false (text_has (text, "Earlier workshop"));
  assert_text_has (text, "Agreed on the next steps.");
}

static void
test_suggest_name (void)
{
  g_autoptr(UpskillProfile) dana = upskill_profile_new ("dana", "Dana Okafor");
  g_autoptr(UpskillProfile) odd = upskill_profile_new ("odd", "../A/B: C?");
  g_autoptr(UpskillProfile) cjk = upskill_profile_new ("li", "李伟");
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 11, 26, 12, 0, 0);
  gint64 date = g_date_time_to_unix (noon);
  g_autofree char *dana_name = upskill_report_suggest_name (dana, date);
  g_autofree char *odd_name = upskill_report_suggest_name (odd, date);
  g_autofree char *cjk_name = upskill_report_suggest_name (cjk, date);

  g_assert_cmpstr (dana_name, ==, "Dana Okafor - Upskill report - 2026-11-26.pdf");
  g_assert_null (strchr (odd_name, '/'));
  g_assert_false (g_str_has_prefix (odd_name, "."));
  g_assert_true (g_str_has_suffix (odd_name, " - Upskill report - 2026-11-26.pdf"));
  g_assert_cmpstr (cjk_name, ==, "李伟 - Upskill report - 2026-11-26.pdf");
}

int
main (int   argc,
      char *argv[])
{
  upskill_test_init_translated (&argc, &argv);

  UPSKILL_TEST_ADD_REPORT ("/upskill/report/samples", test_samples);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/cjk-name", test_cjk_name);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/scripts", test_scripts);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/no-notes", test_no_notes);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/no-evidence", test_no_evidence);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/no-market-context", test_no_market_context);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/batch", test_batch);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/private-notes-absent", test_private_notes_absent);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/session-focus", test_session_focus);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/german", test_german);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/no-skills-rated", test_no_skills_rated);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/long-plan", test_long_plan);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/goal-on-cover", test_goal_on_cover);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/paper-size", test_paper_size);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/replaces-atomically", test_replaces_atomically);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/unwritable", test_unwritable);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/feed-address-without-password", test_feed_address_without_password);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/async", test_async);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/since-last-session", test_since_last_session);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/next-90-days", test_next_90_days);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/strengths-and-evidence", test_strengths_and_evidence);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/level-definitions", test_level_definitions);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/sign-off", test_sign_off);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report/rating-basis-in-gaps", test_rating_basis_in_gaps);
  g_test_add_func ("/upskill/report/suggest-name", test_suggest_name);
  g_test_add_func ("/upskill/report/batch-names", test_batch_names);

#undef ADD

  return g_test_run ();
}
