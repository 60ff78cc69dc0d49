/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A small typesetting engine for the report: a flow of blocks (headings,
 * paragraphs, table rows, drawings) paginated onto pages of one size,
 * with a running header, page numbers, an outline, headings kept with what
 * follows, paragraphs split between lines (never leaving a single line
 * behind or ahead) and long tables repeating their header row. */

typedef struct _UpskillReportDoc   UpskillReportDoc;
typedef struct _UpskillReportTable UpskillReportTable;

typedef struct
{
  double r, g, b;
} UpskillReportRgb;

typedef enum
{
  UPSKILL_TEXT_BODY,
  UPSKILL_TEXT_BODY_BOLD,
  UPSKILL_TEXT_SMALL,        /* captions, sources, footnotes */
  UPSKILL_TEXT_LABEL,        /* small bold: table headers, tags */
  UPSKILL_TEXT_TABLE,
  UPSKILL_TEXT_TABLE_BOLD,
  UPSKILL_TEXT_H1,
  UPSKILL_TEXT_H2,
  UPSKILL_TEXT_H3,
  UPSKILL_TEXT_KICKER,       /* the cover's small label above the name */
  UPSKILL_TEXT_TITLE,        /* the cover's name */
  UPSKILL_TEXT_SUBTITLE,
  UPSKILL_TEXT_FIGURE,       /* big numbers on the cover */
  UPSKILL_TEXT_HEADER,       /* running header and footer */
} UpskillReportTextStyle;

/* The print palette: ink, muted text, rules, accent, a light tint. */
extern const UpskillReportRgb upskill_report_ink;
extern const UpskillReportRgb upskill_report_muted;
extern const UpskillReportRgb upskill_report_rule;
extern const UpskillReportRgb upskill_report_accent;
extern const UpskillReportRgb upskill_report_target;
extern const UpskillReportRgb upskill_report_tint;

#define UPSKILL_REPORT_FONT_FAMILY "Noto Sans"

/* Markup for secondary text inside a cell or paragraph: 8 pt, muted.
 * Markup sizes are in points at the context's 96 dpi (as for the charts'
 * layouts, so both share fonts): 6 × 96 / 72 = 8 units, the PDF's points. */
#define UPSKILL_REPORT_SMALL_SIZE "6144"
#define UPSKILL_REPORT_SMALL_SPAN "<span size='" UPSKILL_REPORT_SMALL_SIZE "' foreground='#61697a'>"

typedef void (*UpskillReportDrawFunc) (UpskillReportDoc *doc,
                                       cairo_t          *cr,
                                       double            x,
                                       double            y,
                                       double            width,
                                       double            height,
                                       gpointer          user_data);

/* A PDF surface of @width × @height points that appends the file it
 * writes to @pdf, or drops it when @pdf is NULL (to lay out pages with the
 * PDF's font metrics without writing one). */
cairo_surface_t  *upskill_report_pdf_surface_new    (GByteArray             *pdf,
                                                     double                  width,
                                                     double                  height);

UpskillReportDoc *upskill_report_doc_new            (cairo_surface_t        *pdf_surface,
                                                     double                  page_width,
                                                     double                  page_height);
void              upskill_report_doc_free           (UpskillReportDoc       *doc);

double            upskill_report_doc_get_body_width (UpskillReportDoc       *doc);
PangoContext     *upskill_report_doc_get_context    (UpskillReportDoc       *doc);

void              upskill_report_doc_set_header     (UpskillReportDoc       *doc,
                                                     const char             *left,
                                                     const char             *right);

/* A layout in @style, wrapped at @width (<= 0: no wrapping). @text is
 * plain text; use _markup for g_markup_printf_escaped output. */
PangoLayout      *upskill_report_doc_layout         (UpskillReportDoc       *doc,
                                                     UpskillReportTextStyle  style,
                                                     const char             *text,
                                                     double                  width);
PangoLayout      *upskill_report_doc_layout_markup  (UpskillReportDoc       *doc,
                                                     UpskillReportTextStyle  style,
                                                     const char             *markup,
                                                     double                  width);
double            upskill_report_layout_height      (PangoLayout            *layout);
double            upskill_report_layout_width       (PangoLayout            *layout);
/* Draws @layout with its logical box's top-left at (x, y). */
void              upskill_report_show_layout        (cairo_t                *cr,
                                                     PangoLayout            *layout,
                                                     double                  x,
                                                     double                  y,
                                                     const UpskillReportRgb *color);

/* The target of a link or outline entry to the point (@x, @y) of
 * @page, as cairo's tag attributes spell it. */
char             *upskill_report_link_target        (guint                   page,
                                                     double                  x,
                                                     double                  y);

/* The link attributes of a Contents entry to the @index-th level-1
 * heading (0-based), for cairo_tag_begin (cr, CAIRO_TAG_LINK, …). */
char             *upskill_report_section_link       (guint                   index);

/* The whole page (the cover): no header, no page number. */
void              upskill_report_doc_add_full_page  (UpskillReportDoc       *doc,
                                                     const char             *outline_title,
                                                     UpskillReportDrawFunc   draw,
                                                     gpointer                user_data);
/* @level 1 or 2; adds an outline entry and keeps with what follows. */
void              upskill_report_doc_add_heading    (UpskillReportDoc       *doc,
                                                     int                     level,
                                                     const char             *text);
void              upskill_report_doc_add_text       (UpskillReportDoc       *doc,
                                                     UpskillReportTextStyle  style,
                                                     const char             *text);
void              upskill_report_doc_add_markup     (UpskillReportDoc       *doc,
                                                     UpskillReportTextStyle  style,
                                                     const char             *markup);
/* A paragraph with a hanging label (a number, a bullet, a tag). */
void              upskill_report_doc_add_item       (UpskillReportDoc       *doc,
                                                     const char             *label_markup,
                                                     double                  label_width,
                                                     const char             *markup,
                                                     const UpskillReportRgb *color);
/* Free text written by a person (a session note): plain text that takes
 * its own direction from its first letters. */
void              upskill_report_doc_add_note       (UpskillReportDoc       *doc,
                                                     const char             *label_markup,
                                                     double                  label_width,
                                                     const char             *text);
void              upskill_report_doc_add_space      (UpskillReportDoc       *doc,
                                                     double                  height);
/* Keeps the block just added with the next one. */
void              upskill_report_doc_keep_with_next (UpskillReportDoc       *doc);
/* Keeps the block just added on one page (a claim with its source line). */
void              upskill_report_doc_keep_together  (UpskillReportDoc       *doc);
/* Makes the block just added a link to @uri (http, https or mailto;
 * other schemes are left unlinked). */
void              upskill_report_doc_set_link       (UpskillReportDoc       *doc,
                                                     const char             *uri);
void              upskill_report_doc_add_drawing    (UpskillReportDoc       *doc,
                                                     double                  height,
                                                     UpskillReportDrawFunc   draw,
                                                     gpointer                user_data,
                                                     GDestroyNotify          destroy);
void              upskill_report_doc_add_page_break (UpskillReportDoc       *doc);

/* Tables: widths in points; 0 for columns that share what is left. */
typedef enum
{
  UPSKILL_ALIGN_START,
  UPSKILL_ALIGN_END,
} UpskillReportAlign;

UpskillReportTable *upskill_report_doc_add_table    (UpskillReportDoc          *doc,
                                                     guint                      n_columns,
                                                     const double              *widths,
                                                     const UpskillReportAlign  *aligns);
/* @headers: n_columns plain strings. */
void              upskill_report_table_set_header   (UpskillReportTable     *table,
                                                     const char * const     *headers);
/* @cells: n_columns markup strings (escape data with g_markup_printf_escaped);
 * @meters: NULL or n_columns values in 0..1 (negative: none) drawn as a
 * small bar after the cell's text. */
void              upskill_report_table_add_row      (UpskillReportTable     *table,
                                                     const char * const     *cells,
                                                     const double           *meters);
/* Makes the cell @column of the row just added a link to @uri (http,
 * https or mailto). */
void              upskill_report_table_set_link     (UpskillReportTable     *table,
                                                     guint                   column,
                                                     const char             *uri);

/* Lays the blocks out on pages; returns the number of pages. */
guint             upskill_report_doc_paginate       (UpskillReportDoc       *doc);
/* The page of the @index-th level-1 heading (0-based), after paginate. */
guint             upskill_report_doc_get_n_sections (UpskillReportDoc       *doc);
const char       *upskill_report_doc_get_section    (UpskillReportDoc       *doc,
                                                     guint                   index,
                                                     guint                  *out_page,
                                                     double                 *out_y);
/* Draws every page on the surface and adds the outline. */
void              upskill_report_doc_render         (UpskillReportDoc       *doc,
                                                     GCancellable           *cancellable);
/* Draws @page (1-based, after paginate) on @cr, in points from the page's
 * top-left corner: for printing, with the same code as the PDF. */
void              upskill_report_doc_render_page    (UpskillReportDoc       *doc,
                                                     cairo_t                *cr,
                                                     guint                   page);

G_END_DECLS
