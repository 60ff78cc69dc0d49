/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "upskill-catalog.h"

G_BEGIN_DECLS

/* The article's claims as data. Read-only once loaded; the structs belong
 * to the UpskillTrends that loaded them. */

typedef enum
{
  UPSKILL_CLAIM_FIGURE,
  UPSKILL_CLAIM_FACT,
  UPSKILL_CLAIM_STRATEGY,
  UPSKILL_CLAIM_ADVICE,
  UPSKILL_CLAIM_OPINION,
  UPSKILL_CLAIM_PREDICTION,
} UpskillClaimKind;

#define UPSKILL_N_CLAIM_KINDS (UPSKILL_CLAIM_PREDICTION + 1)

typedef enum
{
  UPSKILL_AUDIENCE_DEVELOPER = 1 << 0,
  UPSKILL_AUDIENCE_FOUNDER   = 1 << 1,
  UPSKILL_AUDIENCE_EVERYONE  = 1 << 2,
} UpskillAudience;

typedef struct
{
  char *id;
  char *title;              /* in the reader's language */
} UpskillSection;

typedef struct
{
  char     *subject;     /* "Google (Alphabet)" */
  char     *display;     /* "~12,000+", exactly as the article prints it */
  gint64    value;       /* the lower bound: 12000 */
  gboolean  approximate; /* "~" */
  gboolean  at_least;    /* "+" */
  char     *qualifier;   /* "including previous rounds", may be "" */
  char     *unit;        /* "employees laid off" */
  char     *period;
  char     *reason;      /* the stated reason, may be "" */
  /* qualifier, unit, period and reason are in the reader's language, see
   * upskill_catalog_translate(); display is not: show it with
   * upskill_format_figure_value(). */
} UpskillFigure;

typedef struct
{
  char             *id;
  UpskillClaimKind  kind;
  UpskillSection   *section;
  UpskillAudience   audience;
  char             *text;     /* the summary, in the reader's language */
  char             *quote;    /* the article's words, as written */
  GPtrArray        *areas;    /* UpskillArea*, not owned */
  guint             strength; /* 1..3 */
  UpskillFigure    *figure;   /* only for UPSKILL_CLAIM_FIGURE */
} UpskillClaim;

#define UPSKILL_TRENDS_FORMAT  "upskill-trends"
#define UPSKILL_TRENDS_VERSION 1

/* What one article's data may hold: far above a real article (the bundled
 * one has 53 claims in 9 sections, each claim naming at most 7 areas), low
 * enough that a feed packed with tiny claims cannot swamp the window. */
#define UPSKILL_TRENDS_MAX_CLAIMS      1000
#define UPSKILL_TRENDS_MAX_SECTIONS    100
#define UPSKILL_TRENDS_MAX_CLAIM_AREAS 32

#define UPSKILL_TYPE_TRENDS (upskill_trends_get_type ())

G_DECLARE_FINAL_TYPE (UpskillTrends, upskill_trends, UPSKILL, TRENDS, GObject)

UpskillTrends  *upskill_trends_new_from_bytes      (GBytes          *bytes,
                                                    const char      *display_name,
                                                    UpskillCatalog  *catalog,
                                                    GError         **error);
/* The article bundled in the program's resources. */
UpskillTrends  *upskill_trends_new_bundled         (UpskillCatalog  *catalog);

UpskillCatalog *upskill_trends_get_catalog         (UpskillTrends   *self);
const char     *upskill_trends_get_source_title    (UpskillTrends   *self);
guint           upskill_trends_get_n_sections      (UpskillTrends   *self);
UpskillSection *upskill_trends_get_section         (UpskillTrends   *self,
                                                    guint            index);
guint           upskill_trends_get_n_claims        (UpskillTrends   *self);
UpskillClaim   *upskill_trends_get_claim           (UpskillTrends   *self,
                                                    guint            index);
UpskillClaim   *upskill_trends_find_claim          (UpskillTrends   *self,
                                                    const char      *id);

/* Where the data came from: NULL for the bundled article, else the feed
 * URL and when it was fetched. */
const char     *upskill_trends_get_origin_url      (UpskillTrends   *self);
gint64          upskill_trends_get_fetched         (UpskillTrends   *self);
void            upskill_trends_set_origin          (UpskillTrends   *self,
                                                    const char      *url,
                                                    gint64           fetched);

/* The demand signal of an area: the strength-weighted count of the claims
 * that support it, scaled so that the strongest area is 1.0. */
double          upskill_trends_get_demand_signal   (UpskillTrends   *self,
                                                    UpskillArea     *area);
/* The claims supporting an area, strongest first (UpskillClaim*, not owned). */
GPtrArray      *upskill_trends_get_area_claims     (UpskillTrends   *self,
                                                    UpskillArea     *area);

/* How far the article's demand signal adjusts the ranking of gaps (the
 * "Weight of market trends" preference). The role comes first: its core
 * area's gaps lead whatever the demand, which only multiplies a gap's
 * priority by 1 + factor x demand (demand 0..1) within the core area and
 * within the rest (see upskill_compute_gaps()). */
typedef enum
{
  UPSKILL_TREND_WEIGHT_NONE,
  UPSKILL_TREND_WEIGHT_SOME,
  UPSKILL_TREND_WEIGHT_STRONG,
} UpskillTrendWeight;

#define UPSKILL_TREND_WEIGHT_DEFAULT UPSKILL_TREND_WEIGHT_SOME
#define UPSKILL_TYPE_TREND_WEIGHT (upskill_trend_weight_get_type ())

GType               upskill_trend_weight_get_type      (void);
double              upskill_trend_weight_get_factor    (UpskillTrendWeight weight);
/* The weight the rankings made from these trends use ("weight" property;
 * the application binds it to the preference). */
UpskillTrendWeight  upskill_trends_get_weight          (UpskillTrends     *self);
void                upskill_trends_set_weight          (UpskillTrends     *self,
                                                        UpskillTrendWeight weight);

/* The demand signal in words, one scale for the whole program. */
typedef enum
{
  UPSKILL_DEMAND_NONE,
  UPSKILL_DEMAND_SOME,
  UPSKILL_DEMAND_MODERATE,
  UPSKILL_DEMAND_STRONG,
} UpskillDemand;

UpskillDemand   upskill_demand_from_signal         (double           signal);
/* "Strong demand" */
const char     *upskill_demand_get_label           (UpskillDemand    demand);
/* "strong", for sentences: "an area where the article sees strong demand" */
const char     *upskill_demand_get_adjective       (UpskillDemand    demand);

/* A whole number as the reader's locale writes it: 14000 reads "14,000" in
 * English and "14.000" in German. (The program's one place for this until
 * the formatting module takes it in.) */
/* A figure as the article prints it, in the reader's locale: "~12,000+"
 * reads "~12.000+" in German. */

const char     *upskill_claim_kind_to_string       (UpskillClaimKind kind);
const char     *upskill_claim_kind_get_label       (UpskillClaimKind kind);

G_END_DECLS
