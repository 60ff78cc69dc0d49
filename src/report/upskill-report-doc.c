/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "upskill-report-doc.h"

/* A restrained print palette: near-black ink, one blue accent, an orange
 * for targets, greys for secondary text and rules. */
const UpskillReportRgb upskill_report_ink = { 0.13, 0.15, 0.18 };
const UpskillReportRgb upskill_report_muted = { 0.38, 0.41, 0.46 };
const UpskillReportRgb upskill_report_rule = { 0.80, 0.82, 0.85 };
const UpskillReportRgb upskill_report_accent = { 0.11, 0.36, 0.62 };
const UpskillReportRgb upskill_report_target = { 0.80, 0.38, 0.11 };
const UpskillReportRgb upskill_report_tint = { 0.94, 0.955, 0.97 };

typedef struct
{
  double       size;
  PangoWeight  weight;
  double       space_before;
} TextStyleSpec;

/* The type scale. No letter-spacing anywhere: cairo places spaced glyphs
 * one by one, and text extraction (pdftotext, screen readers, search)
 * then reads "PROGRESS" as "P ROG RESS". */
static const TextStyleSpec text_styles[] = {
  /* Few sizes and two weights: each combination costs a font lookup. */
  [UPSKILL_TEXT_BODY]       = { 10.0, PANGO_WEIGHT_NORMAL,  6 },
  [UPSKILL_TEXT_BODY_BOLD]  = { 10.0, PANGO_WEIGHT_BOLD,    6 },
  [UPSKILL_TEXT_SMALL]      = {  8.0, PANGO_WEIGHT_NORMAL,  4 },
  [UPSKILL_TEXT_LABEL]      = {  8.0, PANGO_WEIGHT_BOLD,    4 },
  [UPSKILL_TEXT_TABLE]      = {  9.0, PANGO_WEIGHT_NORMAL,  0 },
  [UPSKILL_TEXT_TABLE_BOLD] = {  9.0, PANGO_WEIGHT_BOLD,    0 },
  [UPSKILL_TEXT_H1]         = { 17.0, PANGO_WEIGHT_BOLD,   26 },
  [UPSKILL_TEXT_H2]         = { 12.0, PANGO_WEIGHT_BOLD,   16 },
  [UPSKILL_TEXT_H3]         = { 10.0, PANGO_WEIGHT_BOLD,   10 },
  [UPSKILL_TEXT_KICKER]     = {  9.0, PANGO_WEIGHT_BOLD,    0 },
  [UPSKILL_TEXT_TITLE]      = { 30.0, PANGO_WEIGHT_BOLD,    0 },
  [UPSKILL_TEXT_SUBTITLE]   = { 12.0, PANGO_WEIGHT_NORMAL,  0 },
  [UPSKILL_TEXT_FIGURE]     = { 24.0, PANGO_WEIGHT_BOLD,    0 },
  [UPSKILL_TEXT_HEADER]     = {  8.0, PANGO_WEIGHT_NORMAL,  0 },
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_SPACE,
  BLOCK_DRAWING,
  BLOCK_ROW,
  BLOCK_PAGE_BREAK,
  BLOCK_FULL_PAGE,
} BlockKind;

typedef struct _Block Block;

struct _UpskillReportTable
{
  UpskillReportDoc   *doc;
  guint               n_columns;
  double             *x;       /* column starts, relative to the margin */
  double             *widths;
  gboolean           *flexible; /* shares what the fixed columns leave */
  UpskillReportAlign *aligns;
  Block              *header;
  gboolean            first_row;
  guint               n_rows;  /* not counting the header */
};

struct _Block
{
  BlockKind               kind;
  double                  height;
  double                  space_before;
  gboolean                keep_with_next;

  /* BLOCK_TEXT */
  PangoLayout            *layout;
  PangoLayout            *label;   /* hanging label, may be NULL */
  double                  indent;
  UpskillReportRgb        color;
  UpskillReportRgb        label_color;
  gboolean                splittable;
  guint                   n_lines;
  double                 *line_top;
  double                 *line_bottom;
  int                     outline_level;
  char                   *outline_title;
  char                   *link;    /* cairo link attributes, or NULL */
  PangoLayout            *continued_label; /* a note's label on its next page */

  /* BLOCK_DRAWING, BLOCK_FULL_PAGE */
  UpskillReportDrawFunc   draw;
  gpointer                user_data;
  GDestroyNotify          destroy;

  /* BLOCK_ROW */
  UpskillReportTable     *table;
  gboolean                is_header;
  PangoLayout           **cells;
  double                 *meters;
  char                  **cell_links;
  guint                   row_index;
};

typedef struct
{
  Block   *block;
  guint    page;
  double   y;
  guint    from_line;
  guint    to_line;
} Placement;

typedef struct
{
  char   *title;
  guint   page;
  double  y;
} Section;

struct _UpskillReportDoc
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;

  double           page_width;
  double           page_height;
  double           margin_left;
  double           margin_right;
  double           body_top;
  double           body_bottom;

  char            *header_left;
  char            *header_right;

  GPtrArray       *blocks;      /* Block* */
  GPtrArray       *tables;      /* UpskillReportTable* */
  GArray          *placements;  /* Placement */
  GArray          *sections;    /* Section */
  guint            n_pages;
};

#define CELL_PAD_X 5.0
#define CELL_PAD_Y 4.0
#define METER_TEXT_WIDTH 30.0
#define MAX_CELL_LINES 8

/* ---------------------------------------------------------------- */

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->label);
  g_free (block->line_top);
  g_free (block->line_bottom);
  g_free (block->outline_title);
  g_free (block->link);
  g_clear_object (&block->continued_label);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  if (block->cells != NULL)
    {
      for (guint i = 0; i < block->table->n_columns; i++)
        g_clear_object (&block->cells[i]);
      g_free (block->cells);
    }
  if (block->cell_links != NULL)
    {
      for (guint i = 0; i < block->table->n_columns; i++)
        g_free (block->cell_links[i]);
      g_free (block->cell_links);
    }
  g_free (block->meters);
  g_free (block);
}

static void
table_free (UpskillReportTable *table)
{
  g_free (table->flexible);
  g_free (table->x);
  g_free (table->widths);
  g_free (table->aligns);
  g_free (table);
}

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_free (section->title);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  if (closure != NULL)
    g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
upskill_report_pdf_surface_new (GByteArray *pdf,
                                double      width,
                                double      height)
{
  return cairo_pdf_surface_create_for_stream (append_to_array, pdf, width, height);
}

UpskillReportDoc *
upskill_report_doc_new (cairo_surface_t *pdf_surface,
                        double           page_width,
                        double           page_height)
{
  UpskillReportDoc *doc = g_new0 (UpskillReportDoc, 1);

  doc->surface = cairo_surface_reference (pdf_surface);
  doc->cr = cairo_create (pdf_surface);
  /* Measured with the surface's own font options, so what is measured is
   * what is drawn. */
  doc->context = pango_cairo_create_context (doc->cr);
  /* Translators: "default:RTL" for languages written right to left, as in GTK. */
  pango_context_set_base_dir (doc->context,
                              g_str_equal (_("default:LTR"), "default:RTL") ? PANGO_DIRECTION_RTL
                                                                            : PANGO_DIRECTION_LTR);

  doc->page_width = page_width;
  doc->page_height = page_height;
  /* About 22 mm at the sides; the body starts below the running header. */
  doc->margin_left = 62;
  doc->margin_right = 62;
  doc->body_top = 80;
  doc->body_bottom = page_height - 66;

  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  doc->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  doc->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (doc->sections, section_clear);

  return doc;
}

void
upskill_report_doc_free (UpskillReportDoc *doc)
{
  if (doc == NULL)
    return;

  g_ptr_array_unref (doc->blocks);
  g_ptr_array_unref (doc->tables);
  g_array_unref (doc->placements);
  g_array_unref (doc->sections);
  g_free (doc->header_left);
  g_free (doc->header_right);
  g_object_unref (doc->context);
  cairo_destroy (doc->cr);
  cairo_surface_destroy (doc->surface);
  g_free (doc);
}

double
upskill_report_doc_get_body_width (UpskillReportDoc *doc)
{
  return doc->page_width - doc->margin_left - doc->margin_right;
}

PangoContext *
upskill_report_doc_get_context (UpskillReportDoc *doc)
{
  return doc->context;
}

void
upskill_report_doc_set_header (UpskillReportDoc *doc,
                               const char       *left,
                               const char       *right)
{
  g_free (doc->header_left);
  g_free (doc->header_right);
  doc->header_left = g_strdup (left);
  doc->header_right = g_strdup (right);
}

/* ---------------------------------------------------------------- */
/* Text                                                              */
/* ---------------------------------------------------------------- */

static void
apply_style (PangoLayout            *layout,
             UpskillReportTextStyle  style,
             double                  width)
{
  const TextStyleSpec *spec = &text_styles[style];
  PangoFontDescription *font = pango_font_description_from_string (UPSKILL_REPORT_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, spec->size * PANGO_SCALE);
  pango_font_description_set_weight (font, spec->weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* The document reads in the direction of its language; text in another
   * script (an Arabic name in an English sentence) keeps its own order
   * inside, but does not flip the paragraph. Free text (notes) opts in to
   * its own direction. */
  pango_layout_set_auto_dir (layout, FALSE);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      /* Long words (names, URLs) break rather than overflow. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
}

/* Pango's line breaking slows down sharply on a long run with no break
 * opportunity (20,000 letters without a space took 16 s, 1 MiB never
 * ended): such runs get an invisible break (U+200B) every so often, so
 * the cost stays linear. Ordinary words, names and links are far shorter
 * and come out unchanged. */
#define MAX_UNBROKEN_CHARS 200

static char *
dup_breakable (const char *text)
{
  GString *result = NULL;
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      run = g_unichar_isspace (c) || c == 0x200B ? 0 : run + 1;
      if (run > MAX_UNBROKEN_CHARS)
        {
          if (result == NULL)
            result = g_string_new_len (text, p - text);
          g_string_append_unichar (result, 0x200B);
          run = 1;
        }
      if (result != NULL)
        g_string_append_unichar (result, c);
    }

  return result != NULL ? g_string_free (result, FALSE) : NULL;
}

static PangoLayout *
styled_layout_new (UpskillReportDoc       *doc,
                   UpskillReportTextStyle  style,
                   double                  width)
{
  PangoLayout *layout = pango_layout_new (doc->context);

  apply_style (layout, style, width);
  return layout;
}

PangoLayout *
upskill_report_doc_layout (UpskillReportDoc       *doc,
                           UpskillReportTextStyle  style,
                           const char             *text,
                           double                  width)
{
  g_autofree char *breakable = text != NULL && width > 0 ? dup_breakable (text) : NULL;
  PangoLayout *layout = styled_layout_new (doc, style, width);

  pango_layout_set_text (layout, breakable != NULL ? breakable : text ? text : "", -1);
  return layout;
}

PangoLayout *
upskill_report_doc_layout_markup (UpskillReportDoc       *doc,
                                  UpskillReportTextStyle  style,
                                  const char             *markup,
                                  double                  width)
{
  PangoLayout *layout = styled_layout_new (doc, style, width);

  pango_layout_set_markup (layout, markup ? markup : "", -1);
  return layout;
}

double
upskill_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
upskill_report_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

void
upskill_report_show_layout (cairo_t                *cr,
                            PangoLayout            *layout,
                            double                  x,
                            double                  y,
                            const UpskillReportRgb *color)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (pango_layout_get_width (layout) > 0)
    logical.x = 0; /* keep the box, so alignment inside it shows */
  if (color != NULL)
    cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/* ---------------------------------------------------------------- */
/* Blocks                                                            */
/* ---------------------------------------------------------------- */

static Block *
add_block (UpskillReportDoc *doc,
           BlockKind         kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->color = upskill_report_ink;
  block->label_color = upskill_report_muted;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

/* The block added last, which the calls below change; NULL when none is. */
static Block *
last_block (UpskillReportDoc *doc)
{
  return doc->blocks->len > 0 ? g_ptr_array_index (doc->blocks, doc->blocks->len - 1) : NULL;
}

static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  guint i = 0;

  block->n_lines = pango_layout_get_line_count (block->layout);
  block->line_top = g_new0 (double, block->n_lines);
  block->line_bottom = g_new0 (double, block->n_lines);
  do
    {
      int y0, y1;

      g_assert (i < block->n_lines);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      block->line_top[i] = (double) y0 / PANGO_SCALE;
      block->line_bottom[i] = (double) y1 / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  block->height = upskill_report_layout_height (block->layout);
  if (block->label != NULL)
    block->height = MAX (block->height, upskill_report_layout_height (block->label));
  if (block->n_lines > 0)
    block->line_bottom[block->n_lines - 1] = MAX (block->line_bottom[block->n_lines - 1], block->height);
}

static Block *
add_text_block (UpskillReportDoc       *doc,
                UpskillReportTextStyle  style,
                PangoLayout            *layout)
{
  Block *block = add_block (doc, BLOCK_TEXT);

  block->layout = layout;
  block->space_before = text_styles[style].space_before;
  block->splittable = TRUE;
  if (style == UPSKILL_TEXT_SMALL || style == UPSKILL_TEXT_LABEL)
    block->color = upskill_report_muted;
  measure_lines (block);
  return block;
}

void
upskill_report_doc_add_full_page (UpskillReportDoc      *doc,
                                  const char            *outline_title,
                                  UpskillReportDrawFunc  draw,
                                  gpointer               user_data)
{
  Block *block = add_block (doc, BLOCK_FULL_PAGE);

  block->draw = draw;
  block->user_data = user_data;
  block->outline_title = g_strdup (outline_title);
  block->outline_level = outline_title ? 1 : 0;
}

void
upskill_report_doc_add_heading (UpskillReportDoc *doc,
                                int               level,
                                const char       *text)
{
  UpskillReportTextStyle style = level <= 1 ? UPSKILL_TEXT_H1 : level == 2 ? UPSKILL_TEXT_H2 : UPSKILL_TEXT_H3;
  PangoLayout *layout = upskill_report_doc_layout (doc, style, text,
                                                   upskill_report_doc_get_body_width (doc));
  Block *block;

  block = add_text_block (doc, style, layout);
  block->splittable = FALSE;
  block->keep_with_next = TRUE;
  block->outline_level = level <= 2 ? level : 0;
  block->outline_title = g_strdup (text);
  if (level <= 1)
    {
      /* Room under a section title. */
      block->height += 6;
      block->line_bottom[block->n_lines - 1] += 6;
    }
  else
    {
      block->height += 2;
      block->line_bottom[block->n_lines - 1] += 2;
    }
}

void
upskill_report_doc_add_text (UpskillReportDoc       *doc,
                             UpskillReportTextStyle  style,
                             const char             *text)
{
  add_text_block (doc, style,
                  upskill_report_doc_layout (doc, style, text, upskill_report_doc_get_body_width (doc)));
}

void
upskill_report_doc_add_markup (UpskillReportDoc       *doc,
                               UpskillReportTextStyle  style,
                               const char             *markup)
{
  add_text_block (doc, style,
                  upskill_report_doc_layout_markup (doc, style, markup,
                                                    upskill_report_doc_get_body_width (doc)));
}

void
upskill_report_doc_add_item (UpskillReportDoc       *doc,
                             const char             *label_markup,
                             double                  label_width,
                             const char             *markup,
                             const UpskillReportRgb *color)
{
  double width = upskill_report_doc_get_body_width (doc);
  PangoLayout *layout = upskill_report_doc_layout_markup (doc, UPSKILL_TEXT_BODY, markup,
                                                          width - label_width);
  Block *block = g_new0 (Block, 1);

  /* Measured with the label in place. */
  block->kind = BLOCK_TEXT;
  block->color = upskill_report_ink;
  block->label_color = color ? *color : upskill_report_muted;
  block->layout = layout;
  block->label = upskill_report_doc_layout_markup (doc, UPSKILL_TEXT_BODY, label_markup, label_width - 4);
  block->indent = label_width;
  block->space_before = 5;
  block->splittable = TRUE;
  measure_lines (block);
  g_ptr_array_add (doc->blocks, block);
}

void
upskill_report_doc_add_note (UpskillReportDoc *doc,
                             const char       *label_markup,
                             double            label_width,
                             const char       *text)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);
  Block *block;

  upskill_report_doc_add_item (doc, label_markup, label_width, markup, &upskill_report_ink);
  block = last_block (doc);

  /* Where a long note goes on over a page break, its next page says so
   * under the date, so the reader knows it is not a new note. */
  {
    /* Translators: under a session note's date on the page the note goes on to. */
    g_autofree char *word = g_markup_escape_text (_("continued"), -1);
    g_autofree char *continued = g_strdup_printf ("%s\n" UPSKILL_REPORT_SMALL_SPAN "%s</span>",
                                                  label_markup, word);

    block->continued_label = upskill_report_doc_layout_markup (doc, UPSKILL_TEXT_BODY, continued,
                                                               label_width - 4);
  }

  /* A note in Arabic or Hebrew reads right to left, aligned right. */
  pango_layout_set_auto_dir (block->layout, TRUE);
  g_clear_pointer (&block->line_top, g_free);
  g_clear_pointer (&block->line_bottom, g_free);
  measure_lines (block);
}

void
upskill_report_doc_keep_together (UpskillReportDoc *doc)
{
  Block *last = last_block (doc);

  g_return_if_fail (last != NULL);

  last->splittable = FALSE;
}

/* Only web and mail addresses become links: a profile's evidence link is
 * typed by a person and may hold anything (javascript:, file:). */
static gboolean
is_linkable_uri (const char *uri)
{
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_peek_scheme (uri);
  return scheme != NULL &&
         (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") || g_str_equal (scheme, "mailto"));
}

/* cairo's attribute syntax: a string in single quotes, with \' and \\. */
static char *
uri_link_attributes (const char *uri)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  return g_string_free (attributes, FALSE);
}

void
upskill_report_doc_set_link (UpskillReportDoc *doc,
                             const char       *uri)
{
  Block *last = last_block (doc);

  g_return_if_fail (last != NULL);

  g_clear_pointer (&last->link, g_free);
  if (is_linkable_uri (uri))
    last->link = uri_link_attributes (uri);
}

void
upskill_report_doc_add_space (UpskillReportDoc *doc,
                              double            height)
{
  Block *block = add_block (doc, BLOCK_SPACE);

  block->height = height;
}

void
upskill_report_doc_keep_with_next (UpskillReportDoc *doc)
{
  Block *last = last_block (doc);

  g_return_if_fail (last != NULL);

  last->keep_with_next = TRUE;
}

void
upskill_report_doc_add_drawing (UpskillReportDoc      *doc,
                                double                 height,
                                UpskillReportDrawFunc  draw,
                                gpointer               user_data,
                                GDestroyNotify         destroy)
{
  Block *block = add_block (doc, BLOCK_DRAWING);

  block->height = height;
  block->space_before = 10;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
}

void
upskill_report_doc_add_page_break (UpskillReportDoc *doc)
{
  add_block (doc, BLOCK_PAGE_BREAK);
}

/* ---------------------------------------------------------------- */
/* Tables                                                            */
/* ---------------------------------------------------------------- */

static void
place_columns (UpskillReportTable *table)
{
  double x = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      table->x[c] = x;
      x += table->widths[c];
    }
}

/* The widest word of @cell, in points: what its column must hold for
 * no word to be broken in two ("Übersprungen" in a status column). */
static double
widest_word (PangoLayout *cell)
{
  g_autoptr(PangoLayout) line = pango_layout_copy (cell);
  const char *text;
  const char *word = NULL;
  double widest = 0;

  pango_layout_set_width (line, -1);
  pango_layout_set_height (line, -1);
  pango_layout_set_ellipsize (line, PANGO_ELLIPSIZE_NONE);
  text = pango_layout_get_text (line);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean space = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (!space && word == NULL)
        word = p;
      else if (space && word != NULL)
        {
          PangoRectangle start, end;

          pango_layout_index_to_pos (line, word - text, &start);
          pango_layout_index_to_pos (line, p - text, &end);
          widest = MAX (widest, (double) ABS (end.x - start.x) / PANGO_SCALE);
          word = NULL;
        }

      if (*p == '\0')
        break;
    }

  return widest;
}

#define MIN_FLEXIBLE_WIDTH 80.0

/* Widens the fixed columns whose header or cells hold a word wider than
 * the column (a translation is often longer than the English the widths
 * were chosen for), taking the room from the columns that share the
 * rest, down to MIN_FLEXIBLE_WIDTH; then lays the rows out again. */
static void
fit_table (UpskillReportDoc   *doc,
           UpskillReportTable *table)
{
  g_autofree double *need = g_new0 (double, table->n_columns);
  double wanted = 0, spare = 0, share;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);

      if (block->kind != BLOCK_ROW || block->table != table)
        continue;
      for (guint c = 0; c < table->n_columns; c++)
        if (block->meters[c] < 0)
          need[c] = MAX (need[c], widest_word (block->cells[c]) + 2 * CELL_PAD_X);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->flexible[c])
        spare += MAX (0, table->widths[c] - MAX (need[c], MIN_FLEXIBLE_WIDTH));
      else
        wanted += MAX (0, ceil (need[c]) - table->widths[c]);
    }
  if (wanted <= 0 || spare <= 0)
    return;

  /* What each side gives or takes, as a part of what it wants or has. */
  share = MIN (wanted, spare);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->flexible[c])
        table->widths[c] -= MAX (0, table->widths[c] - MAX (need[c], MIN_FLEXIBLE_WIDTH)) * share / spare;
      else
        table->widths[c] += MAX (0, ceil (need[c]) - table->widths[c]) * share / wanted;
    }
  place_columns (table);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      double height = 0;

      if (block->kind != BLOCK_ROW || block->table != table)
        continue;
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (block->meters[c] < 0)
            pango_layout_set_width (block->cells[c],
                                    (int) ((table->widths[c] - 2 * CELL_PAD_X) * PANGO_SCALE));
          height = MAX (height, upskill_report_layout_height (block->cells[c]));
        }
      block->height = height + 2 * CELL_PAD_Y;
    }
}

UpskillReportTable *
upskill_report_doc_add_table (UpskillReportDoc         *doc,
                              guint                     n_columns,
                              const double             *widths,
                              const UpskillReportAlign *aligns)
{
  UpskillReportTable *table = g_new0 (UpskillReportTable, 1);
  double body = upskill_report_doc_get_body_width (doc);
  double fixed = 0;
  guint n_flexible = 0;

  table->doc = doc;
  table->n_columns = n_columns;
  table->x = g_new0 (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  table->flexible = g_new0 (gboolean, n_columns);
  table->aligns = g_new0 (UpskillReportAlign, n_columns);
  table->first_row = TRUE;

  for (guint c = 0; c < n_columns; c++)
    {
      table->flexible[c] = widths[c] <= 0;
      if (table->flexible[c])
        n_flexible++;
      else
        fixed += widths[c];
      table->aligns[c] = aligns ? aligns[c] : UPSKILL_ALIGN_START;
    }

  for (guint c = 0; c < n_columns; c++)
    table->widths[c] = table->flexible[c] ? MAX (40, (body - fixed) / MAX (1, n_flexible)) : widths[c];
  place_columns (table);

  g_ptr_array_add (doc->tables, table);
  return table;
}

static Block *
table_row_new (UpskillReportTable     *table,
               gboolean                is_header,
               const char * const     *cells,
               const double           *meters)
{
  UpskillReportDoc *doc = table->doc;
  Block *block = add_block (doc, BLOCK_ROW);
  double height = 0;

  block->table = table;
  block->is_header = is_header;
  block->cells = g_new0 (PangoLayout *, table->n_columns);
  block->meters = g_new0 (double, table->n_columns);

  for (guint c = 0; c < table->n_columns; c++)
    {
      double meter = meters ? meters[c] : -1;
      double width = table->widths[c] - 2 * CELL_PAD_X;
      PangoLayout *layout;

      block->meters[c] = meter;
      if (meter >= 0)
        width = METER_TEXT_WIDTH;

      if (is_header)
        layout = upskill_report_doc_layout (doc, UPSKILL_TEXT_LABEL, cells[c], width);
      else
        layout = upskill_report_doc_layout_markup (doc, UPSKILL_TEXT_TABLE, cells[c], width);

      if (table->aligns[c] == UPSKILL_ALIGN_END || meter >= 0)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);

      /* A row never outgrows a page: very long cells end in an ellipsis. */
      pango_layout_set_height (layout, -MAX_CELL_LINES);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

      block->cells[c] = layout;
      height = MAX (height, upskill_report_layout_height (layout));
    }

  block->height = height + 2 * CELL_PAD_Y;
  return block;
}

void
upskill_report_table_set_header (UpskillReportTable *table,
                                 const char * const *headers)
{
  g_return_if_fail (table->header == NULL);
  g_return_if_fail (table->first_row);

  table->header = table_row_new (table, TRUE, headers, NULL);
  table->header->space_before = 8;
  table->header->keep_with_next = TRUE;
  table->first_row = FALSE;
}

void
upskill_report_table_add_row (UpskillReportTable *table,
                              const char * const *cells,
                              const double       *meters)
{
  Block *block = table_row_new (table, FALSE, cells, meters);

  if (table->first_row)
    block->space_before = 8;
  table->first_row = FALSE;
  block->row_index = table->n_rows++;
}

void
upskill_report_table_set_link (UpskillReportTable *table,
                               guint               column,
                               const char         *uri)
{
  Block *last = last_block (table->doc);

  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (last != NULL);
  g_return_if_fail (last->kind == BLOCK_ROW && last->table == table && !last->is_header);

  if (!is_linkable_uri (uri))
    return;
  if (last->cell_links == NULL)
    last->cell_links = g_new0 (char *, table->n_columns);
  g_free (last->cell_links[column]);
  last->cell_links[column] = uri_link_attributes (uri);
}

/* ---------------------------------------------------------------- */
/* Pagination                                                        */
/* ---------------------------------------------------------------- */

typedef struct
{
  UpskillReportDoc   *doc;
  guint               page;
  double              y;
  gboolean            page_has_content;
  UpskillReportTable *table_on_page;
} Cursor;

static void
place (Cursor *cursor,
       Block  *block,
       guint   from_line,
       guint   to_line)
{
  Placement placement = { block, cursor->page, cursor->y, from_line, to_line };

  g_array_append_val (cursor->doc->placements, placement);
  cursor->page_has_content = TRUE;

  if (block->kind == BLOCK_TEXT && block->outline_level == 1 && from_line == 0)
    {
      Section section = { g_strdup (block->outline_title), cursor->page, cursor->y };

      g_array_append_val (cursor->doc->sections, section);
    }
}

static void
new_page (Cursor *cursor)
{
  cursor->page++;
  cursor->y = cursor->doc->body_top;
  cursor->page_has_content = FALSE;
  cursor->table_on_page = NULL;
}

static gboolean
at_top (Cursor *cursor)
{
  return !cursor->page_has_content || cursor->y <= cursor->doc->body_top + 0.01;
}

static double
fragment_height (Block *block,
                 guint  from_line,
                 guint  to_line)
{
  g_assert (from_line < to_line && to_line <= block->n_lines);
  return block->line_bottom[to_line - 1] - block->line_top[from_line];
}

/* The least of block @i that must share the page with a heading before it:
 * two lines of a paragraph, a table's header with its first row, all of a
 * drawing; through chains of kept blocks. */
static double
min_part (UpskillReportDoc *doc,
          guint             i,
          UpskillReportTable *table_on_page)
{
  Block *block;
  double height;

  while (i < doc->blocks->len &&
         ((Block *) g_ptr_array_index (doc->blocks, i))->kind == BLOCK_SPACE)
    i++;
  if (i >= doc->blocks->len)
    return 0;

  block = g_ptr_array_index (doc->blocks, i);
  switch (block->kind)
    {
    case BLOCK_TEXT:
      if (block->splittable && block->n_lines > 3)
        height = fragment_height (block, 0, 2);
      else
        height = block->height;
      break;

    case BLOCK_ROW:
      height = block->height;
      if (!block->is_header)
        {
          /* A table never leaves one row alone on a page: its first row
           * goes with the next (all three of a three-row table), its
           * second-to-last with the last. */
          guint n_rows = block->table->n_rows;
          guint together = 1;

          if (block->row_index == 0)
            together = n_rows == 3 ? 3 : 2;
          else if (block->row_index + 2 == n_rows)
            together = 2;
          for (guint k = 1; k < together && i + k < doc->blocks->len; k++)
            {
              Block *next = g_ptr_array_index (doc->blocks, i + k);

              if (next->kind != BLOCK_ROW || next->table != block->table)
                break;
              height += next->height;
            }
        }
      if (!block->is_header && block->table->header != NULL && table_on_page != block->table)
        height += block->table->header->height;
      break;

    case BLOCK_DRAWING:
      height = block->height;
      break;

    default:
      return 0;
    }

  if (block->keep_with_next && i + 1 < doc->blocks->len)
    {
      Block *next = g_ptr_array_index (doc->blocks, i + 1);

      if (block->kind != BLOCK_TEXT || !block->splittable || block->n_lines <= 3)
        {
          UpskillReportTable *table = block->kind == BLOCK_ROW ? block->table : table_on_page;

          height = block->height + next->space_before + min_part (doc, i + 1, table);
          if (block->kind == BLOCK_ROW && !block->is_header && block->table->header != NULL &&
              table_on_page != block->table)
            height += block->table->header->height;
        }
    }

  return height;
}

static void
place_text (Cursor *cursor,
            Block  *block)
{
  UpskillReportDoc *doc = cursor->doc;
  guint from = 0;

  if (!block->splittable || cursor->y + block->height <= doc->body_bottom)
    {
      place (cursor, block, 0, block->n_lines);
      cursor->y += block->height;
      return;
    }

  while (from < block->n_lines)
    {
      double available = doc->body_bottom - cursor->y;
      guint to = from;

      while (to < block->n_lines && fragment_height (block, from, to + 1) <= available)
        to++;

      if (to == block->n_lines)
        {
          place (cursor, block, from, to);
          cursor->y += fragment_height (block, from, to);
          return;
        }

      /* No single line left behind at the bottom or carried to the top. */
      if (block->n_lines - to < 2 && to - from > 2)
        to = block->n_lines - 2;
      if (to - from < 2 && !at_top (cursor))
        {
          new_page (cursor);
          continue;
        }
      if (to == from)
        to = from + 1;

      place (cursor, block, from, to);
      new_page (cursor);
      from = to;
    }
}

guint
upskill_report_doc_paginate (UpskillReportDoc *doc)
{
  Cursor cursor = { doc, 1, doc->body_top, FALSE, NULL };

  g_array_set_size (doc->placements, 0);
  g_array_set_size (doc->sections, 0);

  for (guint i = 0; i < doc->tables->len; i++)
    fit_table (doc, g_ptr_array_index (doc->tables, i));

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      double space, need;

      switch (block->kind)
        {
        case BLOCK_FULL_PAGE:
          if (cursor.page_has_content)
            new_page (&cursor);
          cursor.y = 0;
          place (&cursor, block, 0, 0);
          cursor.y = doc->body_bottom;
          continue;

        case BLOCK_PAGE_BREAK:
          if (cursor.page_has_content)
            new_page (&cursor);
          continue;

        case BLOCK_SPACE:
          if (!at_top (&cursor))
            cursor.y += block->height;
          continue;

        case BLOCK_TEXT:
        case BLOCK_DRAWING:
        case BLOCK_ROW:
        default:
          break;
        }

      if (cursor.y >= doc->body_bottom)
        new_page (&cursor);

      space = at_top (&cursor) ? 0 : block->space_before;
      if (block->keep_with_next || block->kind != BLOCK_TEXT || !block->splittable)
        need = min_part (doc, i, cursor.table_on_page);
      else
        need = MIN (block->height, min_part (doc, i, cursor.table_on_page));

      if (cursor.y + space + need > doc->body_bottom && !at_top (&cursor))
        {
          new_page (&cursor);
          space = 0;
        }
      cursor.y += space;

      if (block->kind == BLOCK_ROW)
        {
          if (block->is_header)
            cursor.table_on_page = block->table;
          else if (block->table->header != NULL && cursor.table_on_page != block->table)
            {
              /* A table continued from the previous page repeats its header. */
              place (&cursor, block->table->header, 0, 0);
              cursor.y += block->table->header->height;
              cursor.table_on_page = block->table;
            }
          place (&cursor, block, 0, 0);
          cursor.y += block->height;
        }
      else if (block->kind == BLOCK_TEXT)
        place_text (&cursor, block);
      else
        {
          place (&cursor, block, 0, 0);
          cursor.y += block->height;
        }
    }

  doc->n_pages = cursor.page;
  return doc->n_pages;
}

guint
upskill_report_doc_get_n_sections (UpskillReportDoc *doc)
{
  return doc->sections->len;
}

const char *
upskill_report_doc_get_section (UpskillReportDoc *doc,
                                guint             index,
                                guint            *out_page,
                                double           *out_y)
{
  Section *section;

  g_return_val_if_fail (index < doc->sections->len, NULL);

  section = &g_array_index (doc->sections, Section, index);
  if (out_page)
    *out_page = section->page;
  if (out_y)
    *out_y = section->y;
  return section->title;
}

/* ---------------------------------------------------------------- */
/* Rendering                                                         */
/* ---------------------------------------------------------------- */

/* The name of the @index-th section's destination. Named, because
 * cairo 1.16 resolves an explicit "page=N" link only to a page already
 * drawn: the cover's Contents, drawn first, would link nowhere. */
static const char *
section_dest_name (guint index)
{
  static char name[32];

  g_snprintf (name, sizeof name, "section-%u", index + 1);
  return name;
}

static void
set_rgb (cairo_t                *cr,
         const UpskillReportRgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
draw_header_footer (UpskillReportDoc *doc,
                    cairo_t          *cr,
                    guint             page)
{
  double width = upskill_report_doc_get_body_width (doc);
  double header_y = 38;
  g_autoptr(PangoLayout) right = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page_text = NULL;
  double right_width = 0;

  if (doc->header_right != NULL)
    {
      right = upskill_report_doc_layout (doc, UPSKILL_TEXT_HEADER, doc->header_right, -1);
      right_width = upskill_report_layout_width (right);
      upskill_report_show_layout (cr, right, doc->margin_left + width - right_width, header_y,
                                  &upskill_report_muted);
    }
  if (doc->header_left != NULL)
    {
      left = upskill_report_doc_layout (doc, UPSKILL_TEXT_HEADER, doc->header_left,
                                        width - right_width - 18);
      /* One line, cut short if need be; placed from the left whatever
       * the script's direction, like the rest of the header. */
      pango_layout_set_auto_dir (left, FALSE);
      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      upskill_report_show_layout (cr, left, doc->margin_left, header_y, &upskill_report_muted);
    }

  set_rgb (cr, &upskill_report_rule);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, doc->margin_left, header_y + 16);
  cairo_line_to (cr, doc->margin_left + width, header_y + 16);
  cairo_stroke (cr);

  /* Translators: the footer of report pages, e.g. "Page 2 of 9". */
  page_text = g_strdup_printf (_("Page %u of %u"), page, doc->n_pages);
  number = upskill_report_doc_layout (doc, UPSKILL_TEXT_HEADER, page_text, -1);
  upskill_report_show_layout (cr, number,
                              doc->margin_left + width - upskill_report_layout_width (number),
                              doc->page_height - 42, &upskill_report_muted);
}

static void
draw_row (UpskillReportDoc *doc,
          cairo_t          *cr,
          Block            *block,
          double            y)
{
  UpskillReportTable *table = block->table;
  double x0 = doc->margin_left;
  double width = table->x[table->n_columns - 1] + table->widths[table->n_columns - 1];

  if (block->is_header)
    {
      set_rgb (cr, &upskill_report_tint);
      cairo_rectangle (cr, x0, y, width, block->height);
      cairo_fill (cr);
      set_rgb (cr, &upskill_report_muted);
      cairo_set_line_width (cr, 0.75);
    }
  else
    {
      set_rgb (cr, &upskill_report_rule);
      cairo_set_line_width (cr, 0.4);
    }
  cairo_move_to (cr, x0, y + block->height);
  cairo_line_to (cr, x0 + width, y + block->height);
  cairo_stroke (cr);

  for (guint c = 0; c < table->n_columns; c++)
    {
      double cx = x0 + table->x[c] + CELL_PAD_X;
      const char *link = block->cell_links ? block->cell_links[c] : NULL;

      if (link != NULL)
        cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
      upskill_report_show_layout (cr, block->cells[c], cx, y + CELL_PAD_Y,
                                  block->is_header ? &upskill_report_muted : &upskill_report_ink);
      if (link != NULL)
        cairo_tag_end (cr, CAIRO_TAG_LINK);

      if (block->meters[c] >= 0)
        {
          double bar_x = cx + METER_TEXT_WIDTH + 6;
          double bar_w = table->widths[c] - 2 * CELL_PAD_X - METER_TEXT_WIDTH - 6;
          double line = upskill_report_layout_height (block->cells[c]);
          double bar_y = y + CELL_PAD_Y + line / 2 - 2.5;

          if (bar_w > 8)
            {
              set_rgb (cr, &upskill_report_tint);
              cairo_rectangle (cr, bar_x, bar_y, bar_w, 5);
              cairo_fill (cr);
              set_rgb (cr, &upskill_report_accent);
              cairo_rectangle (cr, bar_x, bar_y, bar_w * CLAMP (block->meters[c], 0, 1), 5);
              cairo_fill (cr);
            }
        }
    }
}

static void
draw_text (UpskillReportDoc *doc,
           cairo_t          *cr,
           Placement        *placement,
           guint             section)
{
  Block *block = placement->block;
  g_autofree char *dest = NULL;
  double top = block->line_top[placement->from_line];
  double height = fragment_height (block, placement->from_line, placement->to_line);
  gboolean whole = placement->from_line == 0 && placement->to_line == block->n_lines;

  /* A section's title is the named destination its Contents entry
   * links to. */
  if (block->outline_level == 1 && placement->from_line == 0)
    {
      dest = g_strdup_printf ("name='%s'", section_dest_name (section));
      cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
    }
  if (block->link != NULL)
    cairo_tag_begin (cr, CAIRO_TAG_LINK, block->link);

  cairo_save (cr);
  if (!whole)
    {
      /* Only this fragment's lines: clip to their band across the page. */
      cairo_rectangle (cr, 0, placement->y, doc->page_width, height);
      cairo_clip (cr);
    }
  upskill_report_show_layout (cr, block->layout, doc->margin_left + block->indent,
                              placement->y - top, &block->color);
  cairo_restore (cr);

  if (block->link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  if (dest != NULL)
    cairo_tag_end (cr, CAIRO_TAG_DEST);

  if (block->label != NULL && placement->from_line == 0)
    upskill_report_show_layout (cr, block->label, doc->margin_left, placement->y, &block->label_color);
  else if (block->continued_label != NULL)
    upskill_report_show_layout (cr, block->continued_label, doc->margin_left, placement->y,
                                &block->label_color);
}

char *
upskill_report_link_target (guint  page,
                            double x,
                            double y)
{
  /* Whole points: cairo 1.16 reads a fraction in these attributes with
   * the C library's locale, and under one with a decimal comma (German)
   * "12.5" failed the whole report; "12" reads the same everywhere. A
   * little above @y, so the target line is not at the window's edge. */
  return g_strdup_printf ("page=%u pos=[%d %d]", page,
                          (int) round (MAX (0, x)), (int) round (MAX (0, y - 12)));
}

static int
add_outline (UpskillReportDoc *doc,
             int               parent,
             const char       *title,
             guint             page,
             double            y)
{
  g_autofree char *link = upskill_report_link_target (page, doc->margin_left, y);

  return cairo_pdf_surface_add_outline (doc->surface, parent, title, link, 0);
}

char *
upskill_report_section_link (guint index)
{
  return g_strdup_printf ("dest='%s'", section_dest_name (index));
}

void
upskill_report_doc_render_page (UpskillReportDoc *doc,
                                cairo_t          *cr,
                                guint             page)
{
  guint section = 0;
  gboolean header_drawn = FALSE;

  g_return_if_fail (page >= 1 && page <= doc->n_pages);

  for (guint i = 0; i < doc->placements->len; i++)
    {
      Placement *placement = &g_array_index (doc->placements, Placement, i);
      Block *block = placement->block;
      gboolean starts_section = block->kind == BLOCK_TEXT && block->outline_level == 1 &&
                                placement->from_line == 0;

      if (placement->page != page)
        {
          if (placement->page < page && starts_section)
            section++;
          continue;
        }

      if (!header_drawn && block->kind != BLOCK_FULL_PAGE)
        draw_header_footer (doc, cr, page);
      header_drawn = TRUE;

      switch (block->kind)
        {
        case BLOCK_TEXT:
          draw_text (doc, cr, placement, section);
          break;

        case BLOCK_ROW:
          draw_row (doc, cr, block, placement->y);
          break;

        case BLOCK_DRAWING:
          cairo_save (cr);
          block->draw (doc, cr, doc->margin_left, placement->y,
                       upskill_report_doc_get_body_width (doc), block->height, block->user_data);
          cairo_restore (cr);
          break;

        case BLOCK_FULL_PAGE:
          cairo_save (cr);
          block->draw (doc, cr, 0, 0, doc->page_width, doc->page_height, block->user_data);
          cairo_restore (cr);
          break;

        case BLOCK_SPACE:
        case BLOCK_PAGE_BREAK:
        default:
          break;
        }

      if (starts_section)
        section++;
    }

  if (!header_drawn)
    draw_header_footer (doc, cr, page);
}

static void
add_outlines (UpskillReportDoc *doc)
{
  int section_outline = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < doc->placements->len; i++)
    {
      Placement *placement = &g_array_index (doc->placements, Placement, i);
      Block *block = placement->block;
      int id;

      if (block->outline_level <= 0 || placement->from_line != 0)
        continue;

      id = add_outline (doc,
                        block->outline_level == 1 ? CAIRO_PDF_OUTLINE_ROOT : section_outline,
                        block->outline_title, placement->page, placement->y);
      if (block->outline_level == 1)
        section_outline = id;
    }
}

void
upskill_report_doc_render (UpskillReportDoc *doc,
                           GCancellable     *cancellable)
{
  cairo_t *cr = doc->cr;

  /* cairo 1.16 gives each link annotation a structure element, but
   * writes the structure tree only when the document has a structure tag
   * of its own: without one, the tree's objects are numbered and never
   * written, and the cross-reference table points at the wrong bytes
   * ("file is damaged ... expected 3 0 obj" in qpdf --check, on every
   * report with a link). One "Document" element around all pages makes
   * cairo write the tree, and the file is whole. Seen with cairo 1.16.0
   * (Debian 12); no upstream report was found to link to. */
  cairo_tag_begin (cr, "Document", NULL);

  for (guint page = 1; page <= doc->n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;

      upskill_report_doc_render_page (doc, cr, page);
      cairo_show_page (cr);
    }

  cairo_tag_end (cr, "Document");
  add_outlines (doc);
}
