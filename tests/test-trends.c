/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-error.h"
#include "upskill-trends.h"

static char *article;

static void
load_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("UPSKILL_SOURCE_DIR"), "data", "article.txt", NULL);

  if (!g_file_get_contents (path, &article, NULL, &error))
    g_error ("%s", error->message);
}

static UpskillTrends *
bundled (void)
{
  return upskill_trends_new_bundled (upskill_catalog_get_default ());
}

/* Every figure is printed exactly as the article prints it, with its
 * qualifier, and its number is the article's lower bound. */
static void
test_figures_match_article (void)
{
  g_autoptr(UpskillTrends) trends = bundled ();
  guint n_figures = 0;

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);
      UpskillFigure *figure = claim->figure;
      g_autoptr(GString) digits = NULL;

      if (claim->kind != UPSKILL_CLAIM_FIGURE)
        {
          g_assert_null (figure);
          continue;
        }

      n_figures++;
      g_assert_nonnull (figure);
      if (strstr (article, figure->display) == NULL)
        g_error ("figure %s: “%s” is not in the article", claim->id, figure->display);

      g_assert_cmpint (figure->approximate, ==, figure->display[0] == '~');
      g_assert_cmpint (figure->at_least, ==, g_str_has_suffix (figure->display, "+"));

      digits = g_string_new (NULL);
      for (const char *p = figure->display; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      g_assert_cmpint (g_ascii_strtoll (digits->str, NULL, 10), ==, figure->value);

      if (*figure->qualifier != '\0')
        {
          g_autofree char *with_qualifier = g_strdup_printf ("%s (%s)", figure->display, figure->qualifier);

          if (strstr (article, with_qualifier) == NULL)
            g_error ("figure %s: “%s” is not in the article", claim->id, with_qualifier);
        }

      if (*figure->reason != '\0' && strstr (article, figure->reason) == NULL)
        g_error ("figure %s: the reason “%s” is not in the article", claim->id, figure->reason);
    }

  g_assert_cmpuint (n_figures, >=, 5);
}

/* The rows of the article's layoffs table, each with its qualifier. */
static void
test_layoffs_table (void)
{
  g_autoptr(UpskillTrends) trends = bundled ();
  struct {
    const char *subject;
    const char *display;
    const char *qualifier;
    const char *reason_start;
  } rows[] = {
    { "Google (Alphabet)", "~12,000+", "", "Re-engineering cost base" },
    { "Meta (Facebook)", "~21,000+", "in multiple rounds", "“Year of Efficiency,”" },
    { "Microsoft", "~10,000+", "", "Aligning cost structure" },
    { "Amazon", "~27,000+", "including previous rounds", "Cost-cutting" },
  };
  gboolean headline = FALSE;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
        {
          UpskillClaim *claim = upskill_trends_get_claim (trends, i);

          if (claim->figure && g_str_equal (claim->figure->display, rows[r].display))
            {
              g_assert_cmpstr (claim->figure->subject, ==, rows[r].subject);
              g_assert_cmpstr (claim->figure->qualifier, ==, rows[r].qualifier);
              g_assert_true (g_str_has_prefix (claim->figure->reason, rows[r].reason_start));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);

      if (claim->figure && g_str_equal (claim->figure->display, "14,000"))
        {
          g_assert_false (claim->figure->approximate);
          g_assert_cmpint (claim->figure->value, ==, 14000);
          headline = TRUE;
        }
    }
  g_assert_true (headline);
}

static void
test_quotes_are_verbatim (void)
{
  g_autoptr(UpskillTrends) trends = bundled ();

  g_assert_cmpuint (upskill_trends_get_n_claims (trends), >=, 25);

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);

      if (strstr (article, claim->quote) == NULL)
        g_error ("claim %s: its quote is not verbatim in the article: “%s”", claim->id, claim->quote);
    }
}

static void
test_sections_are_headings (void)
{
  g_autoptr(UpskillTrends) trends = bundled ();

  g_assert_cmpstr (upskill_trends_get_source_title (trends), ==,
                   "Amazon’s Shocking Pivot: Why 14,000 Layoffs Are Fueling an AI Revolution");

  for (guint i = 0; i < upskill_trends_get_n_sections (trends); i++)
    {
      UpskillSection *section = upskill_trends_get_section (trends, i);

      if (g_str_equal (section->id, "intro"))
        continue;
      if (strstr (article, section->title) == NULL)
        g_error ("section %s: “%s” is not a heading of the article", section->id, section->title);
    }
}

static void
test_kinds_and_areas_covered (void)
{
  g_autoptr(UpskillTrends) trends = bundled ();
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  guint per_kind[UPSKILL_N_CLAIM_KINDS] = { 0 };

  for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
    per_kind[upskill_trends_get_claim (trends, i)->kind]++;

  for (guint k = 0; k < UPSKILL_N_CLAIM_KINDS; k++)
    g_assert_cmpuint (per_kind[k], >, 0);

  for (guint a = 0; a < upskill_catalog_get_n_areas (catalog); a++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, a);
      g_autoptr(GPtrArray) claims = upskill_trends_get_area_claims (trends, area);
      double signal = upskill_trends_get_demand_signal (trends, area);

      g_assert_cmpuint (claims->len, >=, 2);
      g_assert_cmpfloat (signal, >, 0.0);
      g_assert_cmpfloat (signal, <=, 1.0);
      for (guint i = 1; i < claims->len; i++)
        g_assert_cmpuint (((UpskillClaim *)claims->pdata[i - 1])->strength, >=,
                          ((UpskillClaim *)claims->pdata[i])->strength);
    }
}

#define TRENDS_HEAD \
  "{\"format\": \"upskill-trends\", \"version\": 1, \"source\": {\"title\": \"A\", \"kind\": \"article\"}," \
  " \"sections\": [{\"id\": \"s\", \"title\": \"S\"}], \"claims\": ["
#define CLAIM(id, kind, areas, strength) \
  "{\"id\": \"" id "\", \"kind\": \"" kind "\", \"section\": \"s\", \"audience\": [\"developer\"]," \
  " \"text\": \"t\", \"quote\": \"q\", \"areas\": " areas ", \"strength\": " strength "}"

/* Demand signal by hand: python gets 3 (advice) + 2 x 0.5 (opinion) = 4,
 * mlops gets 2 (advice) = 2, so python 1.0 and mlops 0.5. */
static void
test_demand_signal_hand_computed (void)
{
  const char *text = TRENDS_HEAD
    CLAIM ("a", "advice", "[\"python\", \"mlops\"]", "2") ","
    CLAIM ("b", "advice", "[\"python\"]", "1") ","
    CLAIM ("c", "opinion", "[\"python\"]", "2")
    "]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  g_autoptr(UpskillTrends) trends = upskill_trends_new_from_bytes (bytes, "t.json", catalog, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (upskill_trends_get_demand_signal (trends, upskill_catalog_find_area (catalog, "python")), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (upskill_trends_get_demand_signal (trends, upskill_catalog_find_area (catalog, "mlops")), 0.5, 1e-9);
  g_assert_cmpfloat (upskill_trends_get_demand_signal (trends, upskill_catalog_find_area (catalog, "ai-security")), ==, 0.0);
  g_assert_finalize_object (g_steal_pointer (&trends));
}

static void
test_invalid_trends (void)
{
  struct {
    const char *text;
    const char *needle;
  } cases[] = {
    { TRENDS_HEAD CLAIM ("a", "rumour", "[]", "1") "]}", "rumour" },
    { TRENDS_HEAD CLAIM ("a", "advice", "[\"knitting\"]", "1") "]}", "knitting" },
    { TRENDS_HEAD CLAIM ("a", "advice", "[]", "9") "]}", "strength" },
    { TRENDS_HEAD CLAIM ("a", "advice", "[]", "1") "," CLAIM ("a", "advice", "[]", "1") "]}", "used twice" },
    { TRENDS_HEAD CLAIM ("f", "figure", "[]", "1") "]}", "figure" },
    { TRENDS_HEAD "]}", "no claims" },
    { "{\"format\": \"upskill-trends\", \"version\": 99}", "newer version" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(UpskillTrends) trends = NULL;

      trends = upskill_trends_new_from_bytes (bytes, "feed.json", upskill_catalog_get_default (), &error);
      g_assert_null (trends);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].needle) == NULL || strstr (error->message, "feed.json") == NULL)
        g_error ("case %u: “%s” or the file name not in “%s”", i, cases[i].needle, error->message);
    }
}

/* Trend data with @n_sections sections and @n_claims claims, each naming
 * @n_areas areas. */
static GBytes *
make_trends (guint n_sections,
             guint n_claims,
             guint n_areas)
{
  static const char * const area_ids[] = { "python", "mlops", "ai-security" };
  GString *text = g_string_new ("{\"format\": \"upskill-trends\", \"version\": 1, "
                                "\"source\": {\"title\": \"A\"}, \"sections\": [");
  g_autoptr(GString) areas = g_string_new ("[");

  for (guint i = 0; i < n_sections; i++)
    g_string_append_printf (text, "%s{\"id\": \"s%u\", \"title\": \"S\"}", i ? "," : "", i);
  for (guint i = 0; i < n_areas; i++)
    g_string_append_printf (areas, "%s\"%s\"", i ? "," : "", area_ids[i % G_N_ELEMENTS (area_ids)]);
  g_string_append (areas, "]");

  g_string_append (text, "], \"claims\": [");
  for (guint i = 0; i < n_claims; i++)
    g_string_append_printf (text, "%s{\"id\": \"c%u\", \"kind\": \"advice\", \"section\": \"s0\", "
                            "\"audience\": [\"developer\"], \"text\": \"t\", \"quote\": \"q\", "
                            "\"areas\": %s, \"strength\": 1}", i ? "," : "", i, areas->str);
  g_string_append (text, "]}");

  return g_string_free_to_bytes (text);
}

/* Up to the limits a feed is taken; one item more is refused, in words
 * that say which list and by how much. */
static void
test_limits (void)
{
  struct {
    guint       n_sections;
    guint       n_claims;
    guint       n_areas;
    const char *message;
  } cases[] = {
    { UPSKILL_TRENDS_MAX_SECTIONS, UPSKILL_TRENDS_MAX_CLAIMS, UPSKILL_TRENDS_MAX_CLAIM_AREAS, NULL },
    { UPSKILL_TRENDS_MAX_SECTIONS + 1, 1, 1,
      "Could not read “feed.json”: “sections” holds 101 items, more than the 100 trend data may hold" },
    { 1, UPSKILL_TRENDS_MAX_CLAIMS + 1, 1,
      "Could not read “feed.json”: “claims” holds 1001 items, more than the 1000 trend data may hold" },
    { 1, 1, UPSKILL_TRENDS_MAX_CLAIM_AREAS + 1,
      "Could not read “feed.json”: claim “c0”: “areas” holds 33 items, more than the 32 trend data may hold" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = make_trends (cases[i].n_sections, cases[i].n_claims, cases[i].n_areas);
      g_autoptr(GError) error = NULL;
      g_autoptr(UpskillTrends) trends = NULL;

      trends = upskill_trends_new_from_bytes (bytes, "feed.json", upskill_catalog_get_default (), &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (upskill_trends_get_n_claims (trends), ==, UPSKILL_TRENDS_MAX_CLAIMS);
          g_assert_cmpuint (upskill_trends_get_n_sections (trends), ==, UPSKILL_TRENDS_MAX_SECTIONS);
          /* Each area counts once, however often it is named. */
          g_assert_cmpuint (upskill_trends_get_claim (trends, 0)->areas->len, ==, 3);
        }
      else
        {
          g_assert_null (trends);
          g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }
}

static void
test_markup_kept_literally (void)
{
  const char *text = TRENDS_HEAD
    "{\"id\": \"m\", \"kind\": \"opinion\", \"section\": \"s\", \"audience\": [\"founder\"],"
    " \"text\": \"<b>bold</b> & <span size=\\\"9999999\\\">big</span>\", \"quote\": \"q\", \"areas\": [], \"strength\": 1}"
    "]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(UpskillTrends) trends = upskill_trends_new_from_bytes (bytes, "t.json", upskill_catalog_get_default (), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (upskill_trends_get_claim (trends, 0)->text, ==,
                   "<b>bold</b> & <span size=\"9999999\">big</span>");
  g_assert_cmpint (upskill_trends_get_claim (trends, 0)->audience, ==, UPSKILL_AUDIENCE_FOUNDER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  load_article ();

  g_test_add_func ("/upskill/trends/figures-match-article", test_figures_match_article);
  g_test_add_func ("/upskill/trends/layoffs-table", test_layoffs_table);
  g_test_add_func ("/upskill/trends/quotes-verbatim", test_quotes_are_verbatim);
  g_test_add_func ("/upskill/trends/sections-are-headings", test_sections_are_headings);
  g_test_add_func ("/upskill/trends/kinds-and-areas", test_kinds_and_areas_covered);
  g_test_add_func ("/upskill/trends/demand-signal-hand-computed", test_demand_signal_hand_computed);
  g_test_add_func ("/upskill/trends/invalid", test_invalid_trends);
  g_test_add_func ("/upskill/trends/limits", test_limits);
  g_test_add_func ("/upskill/trends/markup-kept-literally", test_markup_kept_literally);

  return g_test_run ();
}
