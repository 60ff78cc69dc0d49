/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-claim-object.h"

G_BEGIN_DECLS

/* How much of a claim a row shows. */
typedef enum
{
  UPSKILL_CLAIM_ROW_DEFAULT,  /* kind badge, text, quote, source */
  UPSKILL_CLAIM_ROW_HEADLINE, /* the article's headline figure, large */
  UPSKILL_CLAIM_ROW_FIGURE,   /* a figure of a table: subject, figure, reason */
} UpskillClaimRowStyle;

#define UPSKILL_TYPE_CLAIM_ROW (upskill_claim_row_get_type ())

G_DECLARE_FINAL_TYPE (UpskillClaimRow, upskill_claim_row, UPSKILL, CLAIM_ROW, GtkListBoxRow)

GtkWidget          *upskill_claim_row_new              (UpskillClaimObject   *claim,
                                                        UpskillClaimRowStyle  style);
UpskillClaimObject *upskill_claim_row_get_claim        (UpskillClaimRow      *self);

/* "~21,000+ (in multiple rounds)": the figure exactly as the article
 * prints it, with its qualifier. */
char               *upskill_figure_dup_display         (const UpskillFigure  *figure);
/* A small label naming a claim's kind, styled by kind. */
GtkWidget          *upskill_claim_kind_badge_new       (UpskillClaimKind      kind);
/* "For developers", "For founders"…; NULL for everyone. */
const char         *upskill_claim_audience_get_label   (UpskillAudience       audience);

G_END_DECLS
