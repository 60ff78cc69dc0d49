/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-claim-row.h"
#include "upskill-layoffs-chart.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-test-ui.h"
#include "upskill-trends-page.h"
#include "upskill-trends.h"

/* A claim whose every text is markup, and a figure with a qualifier. */
#define INJECTED_TEXT  "<b>bold</b> & <span size=\"9999999\">huge</span>"
#define INJECTED_QUOTE "Q <i>x</i> &amp; <span size=\"9999999\">y</span>"
#define INJECTED_TITLE "Title <u>t</u> & co"
#define INJECTED_SECTION "Section <b>s</b> &lt;"
#define INJECTED_SUBJECT "Acme <big>Corp</big> &"

static const char injected_json[] =
  "{"
  "  \"format\": \"upskill-trends\", \"version\": 1,"
  "  \"source\": { \"title\": \"Title <u>t</u> & co\", \"kind\": \"article\" },"
  "  \"sections\": [ { \"id\": \"one\", \"title\": \"Section <b>s</b> &lt;\" } ],"
  "  \"claims\": ["
  "    { \"id\": \"headline\", \"kind\": \"figure\", \"section\": \"one\", \"audience\": [\"everyone\"],"
  "      \"text\": \"The article reports 5 things.\", \"quote\": \"5 things\", \"areas\": [], \"strength\": 1,"
  "      \"figure\": { \"subject\": \"Acme <big>Corp</big> &\", \"display\": \"~5+\", \"value\": 5,"
  "                  \"approximate\": true, \"at_least\": true, \"qualifier\": \"<b>q</b>\","
  "                  \"unit\": \"things\", \"period\": \"\", \"reason\": \"<i>why</i>\" } },"
  "    { \"id\": \"markup\", \"kind\": \"opinion\", \"section\": \"one\", \"audience\": [\"founder\"],"
  "      \"text\": \"<b>bold</b> & <span size=\\\"9999999\\\">huge</span>\","
  "      \"quote\": \"Q <i>x</i> &amp; <span size=\\\"9999999\\\">y</span>\","
  "      \"areas\": [\"python\"], \"strength\": 2 }"
  "  ]"
  "}";

typedef UpskillTestPage Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  upskill_test_page_set_up (fixture, UPSKILL_TYPE_TRENDS_PAGE, FALSE, 1100, 800);
}

/* ---------------------------------------------------------------- */
/* Walking the widget tree as a user sees it                          */
/* ---------------------------------------------------------------- */

/* The claims of every shown row, in order. Hidden groups don't count. */
static void
collect_claim_rows (GtkWidget *widget,
                    GPtrArray *claims)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (UPSKILL_IS_CLAIM_ROW (widget))
    {
      g_ptr_array_add (claims, upskill_claim_object_get_claim (upskill_claim_row_get_claim (UPSKILL_CLAIM_ROW (widget))));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_claim_rows (child, claims);
}

static GtkWidget *
find_claim_row (GtkWidget  *widget,
                const char *claim_id)
{
  if (UPSKILL_IS_CLAIM_ROW (widget) &&
      g_str_equal (upskill_claim_object_get_claim (upskill_claim_row_get_claim (UPSKILL_CLAIM_ROW (widget)))->id, claim_id))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_claim_row (child, claim_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GPtrArray *
shown_claims (Fixture *fixture)
{
  GPtrArray *claims = g_ptr_array_new ();

  collect_claim_rows (GTK_WIDGET (fixture->page), claims);
  return claims;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

static gboolean
some_label_contains (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

static void
collect_area_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "area-id") != NULL)
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_area_buttons (child, buttons);
}

static GtkWidget *
find_area_button (Fixture    *fixture,
                  const char *area_id)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_area_buttons (GTK_WIDGET (fixture->page), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_str_equal (g_object_get_data (buttons->pdata[i], "area-id"), area_id))
      return buttons->pdata[i];

  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_with_css_class (GtkWidget  *widget,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_label_is_plain (GtkLabel *label)
{
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_null (gtk_label_get_attributes (label));
}

/* ---------------------------------------------------------------- */
/* Tests                                                             */
/* ---------------------------------------------------------------- */

static void
test_lists_every_claim (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) claims = shown_claims (fixture);
  guint n = upskill_trends_get_n_claims (fixture->sample.trends);

  g_assert_cmpuint (n, ==, 53);
  g_assert_cmpuint (claims->len, ==, n);

  /* Each claim exactly once, and each with its kind, article and section. */
  for (guint i = 0; i < n; i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (fixture->sample.trends, i);
      g_autofree char *source = g_strdup_printf ("From “%s” · %s",
                                                 upskill_trends_get_source_title (fixture->sample.trends),
                                                 claim->section->title);

      g_assert_true (g_ptr_array_find (claims, claim, NULL));
      g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), claim->text));
      g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), source));
    }

  for (guint i = 0; i < claims->len; i++)
    for (guint j = i + 1; j < claims->len; j++)
      g_assert_true (claims->pdata[i] != claims->pdata[j]);

  /* The source line names the bundled article. */
  {
    g_autofree char *source = g_strdup_printf ("Source: bundled article “%s”",
                                               upskill_trends_get_source_title (fixture->sample.trends));

    g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), source));
  }

  /* The headline is the article's claim, framed as such. */
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), "Amazon: 14,000 corporate jobs cut"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), "The article reports that Amazon is cutting 14,000 corporate jobs."));
}

static guint
count_kind (UpskillTrends    *trends,
            UpskillClaimKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    if (upskill_trends_get_claim (trends, i)->kind == kind)
      count++;

  return count;
}

static guint
count_audience (UpskillTrends   *trends,
                UpskillAudience  audience)
{
  guint count = 0;

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    if (upskill_trends_get_claim (trends, i)->audience & audience)
      count++;

  return count;
}

static void
test_kind_filter (Fixture       *fixture,
                  gconstpointer  user_data)
{
  /* A row has the keyboard focus when the filter hides it: the page must
   * neither lose track of it nor keep it alive. */
  {
    GtkWidget *headline = find_claim_row (GTK_WIDGET (fixture->page), "amazon-14000-corporate-jobs");

    g_assert_true (gtk_widget_grab_focus (headline));
    g_assert_true (gtk_window_get_focus (fixture->window) == headline);
  }
  for (guint kind = 0; kind < UPSKILL_N_CLAIM_KINDS; kind++)
    {
      const char *id = upskill_claim_kind_to_string (kind);
      g_autoptr(GPtrArray) claims = NULL;
      g_autofree char *property = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "trends.kind", "s", id));
      upskill_test_iterate ();

      g_object_get (fixture->page, "kind-filter", &property, NULL);
      g_assert_cmpstr (property, ==, id);

      claims = shown_claims (fixture);
      g_assert_cmpuint (claims->len, ==, count_kind (fixture->sample.trends, kind));
      g_assert_cmpuint (claims->len, >, 0);
      for (guint i = 0; i < claims->len; i++)
        g_assert_cmpint (((UpskillClaim *) claims->pdata[i])->kind, ==, kind);

      /* The results follow the filters, not the skill areas. */
      g_assert_null (find_area_button (fixture, "python"));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "trends.show-all", NULL));
  {
    g_autoptr(GPtrArray) claims = shown_claims (fixture);

    g_assert_cmpuint (claims->len, ==, upskill_trends_get_n_claims (fixture->sample.trends));
    g_assert_nonnull (find_area_button (fixture, "python"));
  }
}

static void
test_audience_filter (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const struct { const char *id; UpskillAudience audience; } cases[] = {
    { "founder", UPSKILL_AUDIENCE_FOUNDER },
    { "developer", UPSKILL_AUDIENCE_DEVELOPER },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) claims = NULL;

      g_object_set (fixture->page, "audience-filter", cases[c].id, NULL);
      claims = shown_claims (fixture);
      g_assert_cmpuint (claims->len, ==, count_audience (fixture->sample.trends, cases[c].audience));
      g_assert_cmpuint (claims->len, >, 0);
      for (guint i = 0; i < claims->len; i++)
        g_assert_true (((UpskillClaim *) claims->pdata[i])->audience & cases[c].audience);
    }

  /* Both filters at once: founders' advice only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "trends.audience", "s", "founder"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "trends.kind", "s", "advice"));
  {
    g_autoptr(GPtrArray) claims = shown_claims (fixture);
    guint expected = 0;

    for (guint i = 0; i < upskill_trends_get_n_claims (fixture->sample.trends); i++)
      {
        UpskillClaim *claim = upskill_trends_get_claim (fixture->sample.trends, i);

        if (claim->kind == UPSKILL_CLAIM_ADVICE && (claim->audience & UPSKILL_AUDIENCE_FOUNDER))
          expected++;
      }
    g_assert_cmpuint (claims->len, ==, expected);
    /* The talent pool and vertical AI are among them. */
    g_assert_true (g_ptr_array_find (claims, upskill_trends_find_claim (fixture->sample.trends, "richer-talent-pool"), NULL));
    g_assert_true (g_ptr_array_find (claims, upskill_trends_find_claim (fixture->sample.trends, "vertical-ai-niches"), NULL));
  }

  /* Nothing matches: the page says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "trends.kind", "s", "figure"));
  {
    g_autoptr(GPtrArray) claims = shown_claims (fixture);

    g_assert_cmpuint (claims->len, ==, 0);
    g_assert_true (some_label_contains (GTK_WIDGET (fixture->page), "No claim of the article matches"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "trends.show-all", NULL));
  {
    g_autoptr(GPtrArray) claims = shown_claims (fixture);

    g_assert_cmpuint (claims->len, ==, upskill_trends_get_n_claims (fixture->sample.trends));
  }
}

static GtkWidget *
find_expander (GtkWidget *widget)
{
  if (GTK_IS_EXPANDER (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_area_activated (UpskillTrendsPage  *page,
                   const char         *area_id,
                   char              **out_area_id)
{
  g_free (*out_area_id);
  *out_area_id = g_strdup (area_id);
}

static void
test_area_activated (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *activated = NULL;

  g_signal_connect (fixture->page, "area-activated", G_CALLBACK (on_area_activated), &activated);

  for (guint i = 0; i < upskill_catalog_get_n_areas (fixture->sample.catalog); i++)
    {
      UpskillArea *area = upskill_catalog_get_area (fixture->sample.catalog, i);
      GtkWidget *button = find_area_button (fixture, area->id);

      g_assert_nonnull (button);
      g_clear_pointer (&activated, g_free);
      /* As Enter or Space would: a button clicks after its short press animation. */
      g_assert_true (gtk_widget_activate (button));
      for (guint tries = 0; activated == NULL && tries < 200; tries++)
        upskill_test_wait_ms (5);
      g_assert_cmpstr (activated, ==, area->id);

      /* Every claim behind the area is quoted. */
      {
        g_autoptr(GPtrArray) claims = upskill_trends_get_area_claims (fixture->sample.trends, area);
        GtkWidget *card = gtk_widget_get_parent (button);
        GtkWidget *expander = find_expander (card);

        /* The weaker claims are folded: unfold them, as a reader would. */
        if (expander != NULL)
          {
            g_assert_cmpuint (claims->len, >, 2);
            gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
          }
        else
          g_assert_cmpuint (claims->len, <=, 2);

        for (guint j = 0; j < claims->len; j++)
          {
            UpskillClaim *claim = g_ptr_array_index (claims, j);
            g_autofree char *quote = g_strdup_printf ("“%s”", claim->quote);
            g_autoptr(GPtrArray) labels = g_ptr_array_new ();
            gboolean found = FALSE;

            for (GtkWidget *w = gtk_widget_get_first_child (card); w; w = gtk_widget_get_next_sibling (w))
              collect_labels (w, labels);
            for (guint k = 0; k < labels->len; k++)
              found = found || g_str_equal (gtk_label_get_text (labels->pdata[k]), quote);
            g_assert_true (found);
          }
      }
    }
}

static void
assert_area_status (Fixture *fixture)
{
  for (guint i = 0; i < upskill_catalog_get_n_areas (fixture->sample.catalog); i++)
    {
      UpskillArea *area = upskill_catalog_get_area (fixture->sample.catalog, i);
      GtkWidget *button = find_area_button (fixture, area->id);
      GtkWidget *status = find_named (button, "area-status");
      const char *text;

      g_assert_true (GTK_IS_LABEL (status));
      text = gtk_label_get_text (GTK_LABEL (status));

      if (fixture->sample.profile == NULL)
        g_assert_nonnull (strstr (text, "No profile selected"));
      else
        {
          double readiness = upskill_compute_area_readiness (fixture->sample.profile, fixture->sample.catalog, area);
          g_autofree char *expected = g_strdup_printf ("you are at %.0f%%", readiness);

          g_assert_cmpfloat (readiness, >=, 0);
          g_assert_true (g_str_has_suffix (text, expected));
          g_assert_true (g_str_has_suffix (text, "demand · ") || strstr (text, " demand · ") != NULL);
        }
    }
}

static void
test_area_readiness (Fixture       *fixture,
                     gconstpointer  user_data)
{
  UpskillProfile *profile = fixture->sample.profile;
  UpskillArea *python = upskill_catalog_find_area (fixture->sample.catalog, "python");
  UpskillSkill *skill = NULL;
  double before;

  /* A Python skill below its target, so raising it raises readiness. */
  for (guint i = 0; i < python->skills->len && skill == NULL; i++)
    {
      UpskillSkill *candidate = g_ptr_array_index (python->skills, i);

      if (upskill_profile_get_level (profile, candidate->id) <
          upskill_profile_get_target (profile, fixture->sample.catalog, candidate, NULL))
        skill = candidate;
    }
  g_assert_nonnull (skill);

  /* No profile selected. */
  fixture->sample.profile = NULL;
  assert_area_status (fixture);

  fixture->sample.profile = profile;
  g_object_set (fixture->page, "profile", profile, NULL);
  assert_area_status (fixture);

  /* The page follows the profile's changes. */
  before = upskill_compute_area_readiness (profile, fixture->sample.catalog, python);
  upskill_profile_set_level (profile, skill->id, 5, NULL, 0);
  g_assert_cmpfloat (upskill_compute_area_readiness (profile, fixture->sample.catalog, python), >, before);
  assert_area_status (fixture);

  g_object_set (fixture->page, "profile", NULL, NULL);
  fixture->sample.profile = NULL;
  assert_area_status (fixture);
  fixture->sample.profile = profile;
}

static void
test_figures_keep_qualifiers (Fixture       *fixture,
                              gconstpointer  user_data)
{
  static const char * const ids[] = { "layoffs-google", "layoffs-meta", "layoffs-microsoft", "layoffs-amazon" };
  static const char * const expected[] = {
    "~12,000+", "~21,000+ (in multiple rounds)", "~10,000+", "~27,000+ (including previous rounds)",
  };
  UpskillLayoffsChart *chart = NULL;
  const char *summary;
  int narrow = 0, wide = 0, unused;

  /* Find the chart by its type. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, fixture->page);
    while (stack->len > 0 && chart == NULL)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (UPSKILL_IS_LAYOFFS_CHART (widget))
          chart = UPSKILL_LAYOFFS_CHART (widget);
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
  }
  g_assert_nonnull (chart);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chart)));
  g_assert_cmpuint (g_list_model_get_n_items (upskill_layoffs_chart_get_model (chart)), ==, 4);

  summary = upskill_layoffs_chart_get_summary (chart);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      UpskillClaim *claim = upskill_trends_find_claim (fixture->sample.trends, ids[i]);
      g_autofree char *display = upskill_figure_dup_display (claim->figure);
      g_autofree char *row_text = g_strdup_printf ("%s: %s", claim->figure->subject, expected[i]);
      g_autofree char *reason = g_strdup_printf ("Stated reason: %s", claim->figure->reason);

      g_assert_cmpstr (display, ==, expected[i]);
      /* The text alternative, and the visible list under the chart. */
      g_assert_nonnull (strstr (summary, expected[i]));
      g_assert_nonnull (strstr (summary, claim->figure->reason));
      g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), row_text));
      g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), reason));
    }

  /* No exact numbers made up from the lower bounds. */
  g_assert_null (strstr (summary, "12000"));
  g_assert_false (some_label_contains (GTK_WIDGET (fixture->page), "27000"));

  /* The chart grows taller as it narrows, rather than overlapping. */
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 900, &wide, &unused, &unused, &unused);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, 300, &narrow, &unused, &unused, &unused);
  g_assert_cmpint (wide, >, 0);
  g_assert_cmpint (narrow, >=, wide);
}

static void
test_markup_is_literal (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(UpskillTrends) injected = upskill_test_trends_new_from_json (injected_json, fixture->sample.catalog);
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autofree char *subject_row = g_strdup_printf ("%s: ~5+ (<b>q</b>) things", INJECTED_SUBJECT);
  g_autofree char *source = g_strdup_printf ("From “%s” · %s", INJECTED_TITLE, INJECTED_SECTION);
  g_autofree char *source_line = g_strdup_printf ("Source: bundled article “%s”", INJECTED_TITLE);
  g_autoptr(GPtrArray) claims = NULL;

  g_object_set (fixture->page, "trends", injected, NULL);
  upskill_test_wait_ms (20);

  claims = shown_claims (fixture);
  g_assert_cmpuint (claims->len, ==, 2);

  assert_label_is_plain (find_label (page, INJECTED_TEXT));
  assert_label_is_plain (find_label (page, "“" INJECTED_QUOTE "”"));
  assert_label_is_plain (find_label (page, subject_row));
  assert_label_is_plain (find_label (page, "Stated reason: <i>why</i>"));
  assert_label_is_plain (find_label (page, source));
  assert_label_is_plain (find_label (page, source_line));

  /* No label anywhere interprets markup. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    collect_labels (page, labels);
    for (guint i = 0; i < labels->len; i++)
      if (strstr (gtk_label_get_text (labels->pdata[i]), "<") != NULL)
        assert_label_is_plain (labels->pdata[i]);
  }

  /* And back to the bundled article: the page rebuilds. */
  g_object_set (fixture->page, "trends", fixture->sample.trends, NULL);
  g_clear_pointer (&claims, g_ptr_array_unref);
  claims = shown_claims (fixture);
  g_assert_cmpuint (claims->len, ==, upskill_trends_get_n_claims (fixture->sample.trends));
  g_assert_null (find_label (page, INJECTED_TEXT));
}

static void
test_feed_origin (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(UpskillTrends) fetched = upskill_test_trends_new_from_json (injected_json, fixture->sample.catalog);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* The address as typed, password included: shown without it. */
  upskill_trends_set_origin (fetched, "https://coach:S3cretPassw0rd@example.org/trends.json",
                             g_date_time_to_unix (now));
  g_object_set (fixture->page, "trends", fetched, NULL);

  g_assert_true (some_label_contains (GTK_WIDGET (fixture->page), "Source: https://example.org/trends.json, fetched "));
  g_assert_false (some_label_contains (GTK_WIDGET (fixture->page), "S3cretPassw0rd"));
  g_assert_false (some_label_contains (GTK_WIDGET (fixture->page), "coach"));

  g_object_set (fixture->page, "trends", NULL, NULL);
  {
    g_autoptr(GPtrArray) claims = shown_claims (fixture);

    g_assert_cmpuint (claims->len, ==, 0);
  }

  g_object_set (fixture->page, "trends", fixture->sample.trends, NULL);
  {
    g_autoptr(GPtrArray) claims = shown_claims (fixture);

    g_assert_cmpuint (claims->len, ==, upskill_trends_get_n_claims (fixture->sample.trends));
  }
}

/* The last feed error, as the window hands it down from the
 * application: shown as plain text, hidden when there is none. */
static void
test_feed_error (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (catalog);
  const char *message = "Could not update the trends: <b>timeout</b> & retry";
  g_autofree char *shown_error = NULL;
  GtkWidget *page;
  GtkLabel *label;

  page = g_object_ref_sink (g_object_new (UPSKILL_TYPE_TRENDS_PAGE,
                                          "trends", trends,
                                          "feed-error", message,
                                          NULL));
  label = find_label (page, message);
  assert_label_is_plain (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_object_get (page, "feed-error", &shown_error, NULL);
  g_assert_cmpstr (shown_error, ==, message);

  g_object_set (page, "feed-error", NULL, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_object_set (page, "feed-error", "Again", NULL);
  g_assert_true (find_label (page, "Again") == label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));

  /* The button checks through the application's action. */
  g_assert_nonnull (find_label (page, "Check for Updates"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_widget_get_parent (GTK_WIDGET (find_label (page, "Check for Updates"))))),
                   ==, "app.check-trends");

  g_assert_finalize_object (page);
}

/* ---------------------------------------------------------------- */
/* Rendering                                                         */
/* ---------------------------------------------------------------- */

/* The whole page, scrolled content included, at @width. */
static void
render_page (Fixture    *fixture,
             int         width,
             gboolean    dark,
             const char *name)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf buf;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (fixture->window, width, 800);
  upskill_test_wait_ms (300);

  if (dir == NULL)
    {
      tmp_dir = upskill_test_make_tmp_dir ("test-trends-page-XXXXXX");
      dir = tmp_dir;
    }

  path = g_build_filename (dir, name, NULL);
  upskill_test_save_png (GTK_WIDGET (fixture->window), path);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, >, 1000);

  /* For a person looking at it: the whole scrolled page too. */
  if (tmp_dir == NULL)
    {
      g_autofree char *full_name = g_strconcat ("full-", name, NULL);
      g_autofree char *full_path = g_build_filename (dir, full_name, NULL);

      upskill_test_save_png (find_with_css_class (GTK_WIDGET (fixture->page), "trends-page"), full_path);
    }

  if (tmp_dir != NULL)
    {
      g_assert_cmpint (g_remove (path), ==, 0);
      g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
    }
}

typedef struct
{
  GPtrArray *claims;       /* shown when the first frame was painted */
  gboolean   risks_shown;
} FirstFrame;

static void
look_at_first_frame (GtkWidget *page,
                     gpointer   data)
{
  FirstFrame *first = data;

  first->claims = g_ptr_array_new ();
  collect_claim_rows (page, first->claims);
  first->risks_shown = gtk_widget_is_visible (upskill_test_template_child (page, UPSKILL_TYPE_TRENDS_PAGE,
                                                                           "risks_group"));
}

/* The groups below the first screen come after the page's first frame,
 * and no empty box is left where filters hide them all. */
static void
test_later_groups (Fixture       *fixture,
                   gconstpointer  user_data)
{
  UpskillTestSample *sample = &fixture->sample;
  GtkWidget *page = g_object_new (UPSKILL_TYPE_TRENDS_PAGE,
                                  "catalog", sample->catalog,
                                  "trends", sample->trends,
                                  NULL);
  GtkWidget *later = upskill_test_template_child (page, UPSKILL_TYPE_TRENDS_PAGE, "later_box");
  FirstFrame first = { NULL, FALSE };
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GtkWindow *window = upskill_test_show_page_watched (page, 1100, 800, look_at_first_frame, &first);

  /* The first frame: the headline and the layoffs, not the risks. */
  g_assert_nonnull (first.claims);
  g_assert_false (first.risks_shown);
  g_assert_cmpuint (first.claims->len, >, 0);
  g_assert_cmpuint (first.claims->len, <, upskill_trends_get_n_claims (sample->trends));
  g_assert_true (first.claims->pdata[0] == upskill_trends_get_claim (sample->trends, 0));

  /* Then every claim, the first ones where they were. */
  g_assert_true (gtk_widget_is_visible (upskill_test_template_child (page, UPSKILL_TYPE_TRENDS_PAGE,
                                                                     "risks_group")));
  collect_claim_rows (page, all);
  g_assert_cmpuint (all->len, ==, upskill_trends_get_n_claims (sample->trends));
  for (guint i = 0; i < first.claims->len; i++)
    g_assert_true (all->pdata[i] == first.claims->pdata[i]);
  g_ptr_array_unref (first.claims);

  /* Figures only: all of them are above, the box below goes. */
  g_assert_true (gtk_widget_activate_action (page, "trends.kind", "s",
                                             upskill_claim_kind_to_string (UPSKILL_CLAIM_FIGURE)));
  upskill_test_iterate ();
  g_assert_false (gtk_widget_get_visible (later));
  g_assert_true (gtk_widget_activate_action (page, "trends.show-all", NULL));
  upskill_test_iterate ();
  g_assert_true (gtk_widget_get_visible (later));

  upskill_test_close_window (window);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  int minimum, natural;

  g_object_set (fixture->page, "profile", fixture->sample.profile, NULL);

  /* Fits a phone-sized window (360 pixels, as libadwaita targets). */
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  render_page (fixture, 1100, FALSE, "trends-wide-light.png");
  render_page (fixture, 1100, TRUE, "trends-wide-dark.png");
  render_page (fixture, 400, FALSE, "trends-narrow-light.png");
  render_page (fixture, 400, TRUE, "trends-narrow-dark.png");

  /* Filtered, and filtered down to nothing. */
  g_object_set (fixture->page, "kind-filter", "advice", "audience-filter", "founder", NULL);
  render_page (fixture, 1100, FALSE, "trends-filtered.png");
  g_object_set (fixture->page, "kind-filter", "figure", NULL);
  render_page (fixture, 400, FALSE, "trends-no-match.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  upskill_test_wait_ms (50);
}

static void
test_finalizes (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  UpskillTrends *trends = upskill_trends_new_bundled (catalog);
  UpskillProfile *profile = upskill_test_load_sample ("dana-okafor");
  GtkWidget *page = g_object_new (UPSKILL_TYPE_TRENDS_PAGE,
                                  "catalog", catalog,
                                  "trends", trends,
                                  "profile", profile,
                                  NULL);

  g_object_ref_sink (page);
  g_assert_finalize_object (page);
  g_assert_finalize_object (trends);
  /* The page let go of the profile's "changed" signal. */
  upskill_profile_set_name (profile, "Someone else");
  g_assert_finalize_object (profile);
}

static void
test_widgets_finalize (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  UpskillTrends *trends = upskill_trends_new_bundled (catalog);
  UpskillClaimObject *claim = upskill_claim_object_new (trends, upskill_trends_find_claim (trends, "layoffs-meta"));
  GListStore *store = g_list_store_new (UPSKILL_TYPE_CLAIM_OBJECT);
  GtkWidget *row = g_object_ref_sink (upskill_claim_row_new (claim, UPSKILL_CLAIM_ROW_FIGURE));
  GtkWidget *chart = g_object_ref_sink (upskill_layoffs_chart_new ());

  g_list_store_append (store, claim);
  upskill_layoffs_chart_set_model (UPSKILL_LAYOFFS_CHART (chart), G_LIST_MODEL (store));
  g_assert_nonnull (strstr (upskill_layoffs_chart_get_summary (UPSKILL_LAYOFFS_CHART (chart)),
                            "Meta (Facebook): ~21,000+ (in multiple rounds) employees laid off"));
  g_assert_true (upskill_claim_row_get_claim (UPSKILL_CLAIM_ROW (row)) == claim);

  g_assert_finalize_object (chart);
  g_assert_finalize_object (store);
  g_assert_finalize_object (row);
  g_assert_finalize_object (claim);
  g_assert_finalize_object (trends);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  upskill_test_load_style ();

#define ADD(path, func) \
  g_test_add ("/upskill/trends-page/" path, Fixture, NULL, fixture_set_up, func, upskill_test_page_tear_down)

  ADD ("lists-every-claim", test_lists_every_claim);
  ADD ("kind-filter", test_kind_filter);
  ADD ("audience-filter", test_audience_filter);
  ADD ("area-activated", test_area_activated);
  ADD ("area-readiness", test_area_readiness);
  ADD ("figures-keep-qualifiers", test_figures_keep_qualifiers);
  ADD ("markup-is-literal", test_markup_is_literal);
  ADD ("feed-origin", test_feed_origin);
  ADD ("later-groups", test_later_groups);
  ADD ("render", test_render);
  g_test_add_func ("/upskill/trends-page/finalizes", test_finalizes);
  g_test_add_func ("/upskill/trends-page/feed-error", test_feed_error);
  g_test_add_func ("/upskill/trends-page/widgets-finalize", test_widgets_finalize);

#undef ADD

  return g_test_run ();
}
