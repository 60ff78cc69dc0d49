/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-store.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

/* The progress report as PDF, drawn with cairo and Pango; no display
 * needed. */

typedef enum
{
  UPSKILL_PAPER_AUTO,    /* from the locale: Letter in the US and Canada, else A4 */
  UPSKILL_PAPER_A4,
  UPSKILL_PAPER_LETTER,
} UpskillPaper;

typedef struct
{
  UpskillPaper  paper;
  gboolean      include_notes;          /* the shared session notes */
  gboolean      include_evidence;       /* what each rating rests on */
  gboolean      include_market_context; /* the article's claims */
  const char   *coach_name;   /* NULL or "" for none */
  const char   *coach_contact;/* e-mail, phone or web address for the
                               * sign-off; NULL or "" for none */
  gint64        date;         /* the report's date, unix time; 0 = now */
} UpskillReportOptions;

void      upskill_report_options_init   (UpskillReportOptions  *options);

/* Writes the report to @destination, replacing it atomically. */
gboolean  upskill_report_write          (UpskillProfile              *profile,
                                         UpskillCatalog              *catalog,
                                         UpskillTrends               *trends,
                                         const UpskillReportOptions  *options,
                                         GFile                       *destination,
                                         GCancellable                *cancellable,
                                         GError                     **error);
/* Copies @profile on the calling thread and draws on a worker thread. */
void      upskill_report_write_async    (UpskillProfile              *profile,
                                         UpskillCatalog              *catalog,
                                         UpskillTrends               *trends,
                                         const UpskillReportOptions  *options,
                                         GFile                       *destination,
                                         GCancellable                *cancellable,
                                         GAsyncReadyCallback          callback,
                                         gpointer                     user_data);
gboolean  upskill_report_write_finish   (GAsyncResult                *result,
                                         GError                     **error);

/* The report's PDF in memory (for standard output). */
GBytes   *upskill_report_render         (UpskillProfile              *profile,
                                         UpskillCatalog              *catalog,
                                         UpskillTrends               *trends,
                                         const UpskillReportOptions  *options,
                                         GCancellable                *cancellable,
                                         GError                     **error);

/* The report laid out for printing: the PDF's pages, drawn by the same
 * code onto any cairo context (a GtkPrintContext), in points from the
 * top-left corner of a page of upskill_report_pages_get_size (). */
typedef struct _UpskillReportPages UpskillReportPages;

UpskillReportPages *upskill_report_pages_new         (UpskillProfile             *profile,
                                                      UpskillCatalog             *catalog,
                                                      UpskillTrends              *trends,
                                                      const UpskillReportOptions *options);
guint               upskill_report_pages_get_n_pages (UpskillReportPages         *pages);
void                upskill_report_pages_get_size    (UpskillReportPages         *pages,
                                                      double                     *width,
                                                      double                     *height);
/* @index: 0-based. */
void                upskill_report_pages_draw        (UpskillReportPages         *pages,
                                                      cairo_t                    *cr,
                                                      guint                       index);
void                upskill_report_pages_free        (UpskillReportPages         *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpskillReportPages, upskill_report_pages_free)

/* "Dana Okafor - Upskill report - 2026-11-26.pdf", safe as a file name. */
char     *upskill_report_suggest_name   (UpskillProfile              *profile,
                                         gint64                       date);

/* Names for the reports of several profiles in one folder: each the
 * suggested name, made unique where a file system that ignores case or
 * normalisation would see one name twice ("Dana" and "dana"): the second
 * gets the profile's id, any later one a number. */
typedef struct _UpskillReportNames UpskillReportNames;

UpskillReportNames *upskill_report_names_new  (void);
char               *upskill_report_names_next (UpskillReportNames *names,
                                               UpskillProfile     *profile,
                                               gint64              date);
void                upskill_report_names_free (UpskillReportNames *names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpskillReportNames, upskill_report_names_free)

/* Writes the reports of the profiles @ids of @store into @folder, one
 * file each named by UpskillReportNames, on a worker thread. @open_profile
 * (may be NULL) is written instead of its file when its id is among @ids:
 * the one on screen, with changes not saved yet; it is copied here. A
 * profile that cannot be read or written does not stop the others, and
 * no report written is removed. Finishes with FALSE and the first error
 * when any failed; @out_n_written (may be NULL) is the number written
 * either way. */
void      upskill_report_write_batch_async  (UpskillStore               *store,
                                             const char * const         *ids,
                                             UpskillProfile             *open_profile,
                                             UpskillCatalog             *catalog,
                                             UpskillTrends              *trends,
                                             const UpskillReportOptions *options,
                                             GFile                      *folder,
                                             GCancellable               *cancellable,
                                             GAsyncReadyCallback         callback,
                                             gpointer                    user_data);
gboolean  upskill_report_write_batch_finish (GAsyncResult               *result,
                                             guint                      *out_n_written,
                                             GError                    **error);

G_END_DECLS
