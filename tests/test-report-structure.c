/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-report-doc.h"
#include "upskill-report.h"
#include "upskill-test-utils.h"
#include "upskill-trends.h"

/* The PDF as a file: it validates, its links lead somewhere, its pages
 * break where a reader expects, its words read back as words. */

/* 2026-11-26 12:00 UTC */
#define REPORT_DATE G_GINT64_CONSTANT (1795694400)

static const char * const samples[] = { "dana-okafor", "maria-gonzalez", "li-wei" };

static const char * const section_headings[] = { UPSKILL_TEST_REPORT_SECTIONS };

typedef UpskillTestReport Fixture;

static gboolean
have_tools (void)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed (build-aux/install-deps installs it)");
      return FALSE;
    }
  return upskill_test_have_poppler ();
}

static char *
write_report (Fixture      *fixture,
              const char   *sample,
              UpskillPaper  paper,
              gboolean      include_notes,
              const char   *file_name)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample (sample);
  g_autofree char *path = g_build_filename (fixture->dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UpskillReportOptions options;

  upskill_report_options_init (&options);
  options.date = REPORT_DATE;
  options.coach_name = "Sam Reyes";
  options.paper = paper;
  options.include_notes = include_notes;

  g_assert_true (upskill_report_write (profile, fixture->catalog, fixture->trends, &options,
                                       file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* ---------------------------------------------------------------- */
/* qpdf --check                                                      */
/* ---------------------------------------------------------------- */

static void
assert_qpdf_clean (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!upskill_test_spawn (argv, &out, &err) ||
      strstr (out, "WARNING") != NULL || strstr (err, "WARNING") != NULL ||
      strstr (out, "No syntax or stream encoding errors found") == NULL)
    g_error ("qpdf --check %s:\n%s%s", path, out, err);
}

static void
test_qpdf_check (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *locales[] = { "C.UTF-8", "de_DE.UTF-8" };
  g_autofree char *previous = g_strdup (setlocale (LC_ALL, NULL));
  guint checked = 0;

  if (!have_tools ())
    return;

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    {
      if (setlocale (LC_ALL, locales[l]) == NULL)
        {
          g_test_message ("%s is not installed; checked in the other locales", locales[l]);
          continue;
        }

      for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
        for (guint paper = 0; paper < 2; paper++)
          for (guint notes = 0; notes < 2; notes++)
            {
              g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s.pdf", samples[s], locales[l],
                                                       paper ? "letter" : "a4",
                                                       notes ? "notes" : "no-notes");
              g_autofree char *path = NULL;

              path = write_report (fixture, samples[s],
                                   paper ? UPSKILL_PAPER_LETTER : UPSKILL_PAPER_A4, notes, name);
              assert_qpdf_clean (path);
              checked++;
            }
    }
  setlocale (LC_ALL, previous);

  g_test_message ("%u reports pass qpdf --check", checked);
  g_assert_cmpuint (checked, >=, 12);
}

/* ---------------------------------------------------------------- */
/* Links                                                             */
/* ---------------------------------------------------------------- */

static JsonNode *
qpdf_json (const char *path)
{
  const char *argv[] = { "qpdf", "--json=2", "--json-key=qpdf", "--json-key=pages", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  if (!upskill_test_spawn (argv, &out, &err))
    g_error ("qpdf --json failed: %s", err);

  return json_from_string (out, &error);
}

/* The dictionary of the object "N 0 R". */
static JsonObject *
deref (JsonObject *objects,
       const char *reference)
{
  g_autofree char *key = g_strdup_printf ("obj:%s", reference);
  JsonObject *object = json_object_get_object_member (objects, key);

  g_assert_nonnull (object);
  return json_object_get_object_member (object, "value");
}

/* The page number (1-based) of the page object @reference. */
static guint
page_number (JsonArray  *pages,
             const char *reference)
{
  for (guint i = 0; i < json_array_get_length (pages); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (pages, i), "object"),
                     reference))
      return i + 1;
  g_error ("%s is not a page", reference);
  return 0;
}

static gboolean
is_catalog_url (UpskillCatalog *catalog,
                const char     *url)
{
  for (guint i = 0; i < upskill_catalog_get_n_modules (catalog); i++)
    {
      UpskillModule *module = upskill_catalog_get_module (catalog, i);

      if (module->url != NULL && g_str_equal (module->url, url))
        return TRUE;
    }
  return FALSE;
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) page_texts = NULL;
  JsonObject *objects;
  JsonArray *pages;
  JsonObject *catalog = NULL;
  JsonArray *names;
  GList *members;
  guint n_contents = 0;
  guint n_modules = 0;
  guint n_evidence = 0;
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("dana-okafor");
  g_autoptr(GHashTable) evidence_links = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) skill_ids = upskill_profile_dup_rated_skills (profile);

  if (!have_tools ())
    return;

  for (guint i = 0; skill_ids[i] != NULL; i++)
    {
      GPtrArray *evidence = upskill_profile_get_evidence (profile, skill_ids[i]);

      for (guint k = 0; evidence != NULL && k < evidence->len; k++)
        {
          UpskillEvidence *item = g_ptr_array_index (evidence, k);

          if (item->link != NULL)
            g_hash_table_add (evidence_links, item->link);
        }
    }
  g_assert_cmpuint (g_hash_table_size (evidence_links), >, 0);

  path = write_report (fixture, "dana-okafor", UPSKILL_PAPER_A4, TRUE, "links.pdf");
  text = upskill_test_pdf_text (path);
  page_texts = g_strsplit (text, "\f", -1);
  root = qpdf_json (path);
  objects = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "qpdf"), 1);
  pages = json_object_get_array_member (json_node_get_object (root), "pages");

  members = json_object_get_members (objects);
  for (GList *l = members; l != NULL; l = l->next)
    {
      /* Streams hold "stream", other objects "value". */
      JsonNode *value = json_object_get_member (json_object_get_object_member (objects, l->data), "value");

      if (value != NULL && JSON_NODE_HOLDS_OBJECT (value) &&
          json_object_has_member (json_node_get_object (value), "/Type") &&
          g_strcmp0 (json_object_get_string_member (json_node_get_object (value), "/Type"), "/Catalog") == 0)
        catalog = json_node_get_object (value);
    }
  g_list_free (members);
  g_assert_nonnull (catalog);

  /* cairo writes the named destinations as one flat name tree. */
  names = json_object_get_array_member (deref (objects, json_object_get_string_member (
                                                 deref (objects, json_object_get_string_member (catalog, "/Names")),
                                                 "/Dests")),
                                        "/Names");

  for (guint p = 0; p < json_array_get_length (pages); p++)
    {
      JsonObject *page = deref (objects, json_object_get_string_member (json_array_get_object_element (pages, p), "object"));
      JsonArray *annots;

      if (!json_object_has_member (page, "/Annots"))
        continue;
      annots = json_object_get_array_member (page, "/Annots");
      for (guint a = 0; a < json_array_get_length (annots); a++)
        {
          JsonObject *annot = deref (objects, json_array_get_string_element (annots, a));

          g_assert_cmpstr (json_object_get_string_member (annot, "/Subtype"), ==, "/Link");

          if (json_object_has_member (annot, "/Dest"))
            {
              /* A Contents entry on the cover: a name that leads to the
               * page where its section starts. */
              const char *dest = json_object_get_string_member (annot, "/Dest");
              JsonArray *target = NULL;
              guint section;
              guint target_page;

              g_assert_cmpuint (p, ==, 0);
              g_assert_true (g_str_has_prefix (dest, "u:section-"));
              for (guint n = 0; n + 1 < json_array_get_length (names); n += 2)
                if (g_str_equal (json_array_get_string_element (names, n), dest))
                  target = json_array_get_array_element (names, n + 1);
              if (target == NULL)
                g_error ("the link to %s leads nowhere", dest);

              section = (guint) g_ascii_strtoull (dest + strlen ("u:section-"), NULL, 10);
              g_assert_cmpuint (section, >=, 1);
              g_assert_cmpuint (section, <=, G_N_ELEMENTS (section_headings));
              target_page = page_number (pages, json_array_get_string_element (target, 0));
              g_assert_cmpuint (target_page, >, 1);
              g_assert_cmpuint (target_page, <=, g_strv_length (page_texts));
              if (strstr (page_texts[target_page - 1], section_headings[section - 1]) == NULL)
                g_error ("“%s” links to page %u, where it is not", section_headings[section - 1], target_page);
              n_contents++;
            }
          else
            {
              /* A resource: a module's page on the web, or the
               * evidence for a level. */
              JsonObject *action = json_object_get_object_member (annot, "/A");
              const char *uri;

              g_assert_nonnull (action);
              g_assert_cmpstr (json_object_get_string_member (action, "/S"), ==, "/URI");
              uri = json_object_get_string_member (action, "/URI");
              g_assert_true (g_str_has_prefix (uri, "u:https://") || g_str_has_prefix (uri, "u:http://"));
              if (g_hash_table_contains (evidence_links, uri + 2))
                n_evidence++;
              else if (is_catalog_url (fixture->catalog, uri + 2))
                n_modules++;
              else
                g_error ("%s links to %s, which is neither a module nor evidence", path, uri);
            }
        }
    }

  /* Every section in Contents, the learning path's resources, every
   * piece of evidence with a link. */
  g_assert_cmpuint (n_contents, ==, G_N_ELEMENTS (section_headings));
  g_assert_cmpuint (n_modules, >, 0);
  g_assert_cmpuint (n_evidence, ==, g_hash_table_size (evidence_links));
}

/* ---------------------------------------------------------------- */
/* Words                                                             */
/* ---------------------------------------------------------------- */

static void
test_words_extract (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!upskill_test_have_poppler ())
    return;

  path = write_report (fixture, "maria-gonzalez", UPSKILL_PAPER_A4, TRUE, "words.pdf");
  text = upskill_test_pdf_text (path);

  /* Letter-spaced capitals came out as "P ROG RESS R EPORT". */
  g_assert_nonnull (strstr (text, "PROGRESS REPORT"));
  g_assert_null (strstr (text, "P ROG"));
  /* The claims' kind labels, likewise. */
  g_assert_true (strstr (text, "Opinion") != NULL || strstr (text, "Prediction") != NULL);
}

/* ---------------------------------------------------------------- */
/* Page breaks, on a document made for the purpose                   */
/* ---------------------------------------------------------------- */

static void
draw_nothing (UpskillReportDoc *doc,
              cairo_t          *cr,
              double            x,
              double            y,
              double            width,
              double            height,
              gpointer          user_data)
{
}

typedef void (*FillFunc) (UpskillReportDoc *doc);

/* Pages of text: a filler @filler points high, then what @fill adds. */
static GStrv
lay_out (Fixture  *fixture,
         double    filler,
         FillFunc  fill)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "layout.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = upskill_report_pdf_surface_new (pdf, 595, 842);
  UpskillReportDoc *doc = upskill_report_doc_new (surface, 595, 842);

  upskill_report_doc_add_drawing (doc, filler, draw_nothing, NULL, NULL);
  fill (doc);
  upskill_report_doc_paginate (doc);
  upskill_report_doc_render (doc, NULL);
  upskill_report_doc_free (doc);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_file_set_contents (path, (const char *) pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  text = upskill_test_pdf_text (path);
  return g_strsplit (text, "\f", -1);
}

static void
fill_table (UpskillReportDoc *doc)
{
  const double widths[] = { 0, 80 };
  const char *headers[] = { "Step", "Hours" };
  UpskillReportTable *table = upskill_report_doc_add_table (doc, 2, widths, NULL);

  upskill_report_table_set_header (table, headers);
  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *step = g_strdup_printf ("rowmark%u\nsecond line of the step", i);
      const char *cells[] = { step, "12" };

      upskill_report_table_add_row (table, cells, NULL);
    }
}

static void
test_table_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  if (!upskill_test_have_poppler ())
    return;

  /* Wherever the page breaks inside the table, no page holds one row. */
  for (double filler = 420; filler < 690; filler += 9)
    {
      g_auto(GStrv) pages = lay_out (fixture, filler, fill_table);
      guint total = 0;

      for (guint p = 0; pages[p] != NULL; p++)
        {
          guint rows = upskill_test_count (pages[p], "rowmark");

          if (rows == 1)
            g_error ("after %.0f points, page %u holds one row alone", filler, p + 1);
          total += rows;
        }
      g_assert_cmpuint (total, ==, 7);
    }
}

static void
fill_claim (UpskillReportDoc *doc)
{
  upskill_report_doc_add_item (doc, "<b>Opinion</b>", 78,
                               "claimstart Companies are pouring money into AI infrastructure, and the "
                               "people who can build, secure and run it are the ones they hire next, "
                               "says the article in its closing words.\n"
                               UPSKILL_REPORT_SMALL_SPAN "Source: “An article”, section “Advice”. "
                               "Areas: MLOps. sourceend</span>",
                               NULL);
  upskill_report_doc_keep_together (doc);
}

static void
test_claim_with_source (Fixture       *fixture,
                        gconstpointer  data)
{
  if (!upskill_test_have_poppler ())
    return;

  for (double filler = 600; filler < 690; filler += 6)
    {
      g_auto(GStrv) pages = lay_out (fixture, filler, fill_claim);
      gboolean found = FALSE;

      for (guint p = 0; pages[p] != NULL; p++)
        {
          gboolean start = strstr (pages[p], "claimstart") != NULL;
          gboolean end = strstr (pages[p], "sourceend") != NULL;

          if (start != end)
            g_error ("after %.0f points, the claim and its source are on different pages", filler);
          found |= start;
        }
      g_assert_true (found);
    }
}

static void
fill_note (UpskillReportDoc *doc)
{
  g_autoptr(GString) note = g_string_new ("notestart");

  for (guint i = 0; i < 60; i++)
    g_string_append (note, " We went through the plan step by step and agreed what comes next.");
  g_string_append (note, " noteend");
  upskill_report_doc_add_note (doc, "<b>3 Nov 2026</b>", 86, note->str);
}

static void
test_note_continued (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GStrv) pages = NULL;

  if (!upskill_test_have_poppler ())
    return;

  pages = lay_out (fixture, 400, fill_note);
  g_assert_nonnull (strstr (pages[0], "notestart"));
  g_assert_null (strstr (pages[0], "continued"));
  g_assert_null (strstr (pages[0], "noteend"));
  g_assert_nonnull (strstr (pages[1], "noteend"));
  /* The next page says the note goes on, under its date. */
  g_assert_nonnull (strstr (pages[1], "3 Nov 2026"));
  g_assert_nonnull (strstr (pages[1], "continued"));
}

int
main (int   argc,
      char *argv[])
{
  upskill_test_init_translated (&argc, &argv);

  UPSKILL_TEST_ADD_REPORT ("/upskill/report-structure/qpdf-check", test_qpdf_check);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report-structure/links", test_links);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report-structure/words-extract", test_words_extract);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report-structure/table-rows", test_table_rows);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report-structure/claim-with-source", test_claim_with_source);
  UPSKILL_TEST_ADD_REPORT ("/upskill/report-structure/note-continued", test_note_continued);

#undef ADD

  return g_test_run ();
}
