/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-catalog.h"
#include "upskill-store.h"

G_BEGIN_DECLS

/* One row of a coach's overview of all clients: a profile's index
 * summary, seen on one day. Immutable; a changed profile is a new
 * UpskillClient. */

typedef enum
{
  UPSKILL_PLAN_NONE,
  UPSKILL_PLAN_ON_TRACK,
  UPSKILL_PLAN_BEHIND,
} UpskillPlanStatus;

typedef enum
{
  UPSKILL_ATTENTION_NONE       = 0,
  UPSKILL_ATTENTION_NO_SESSION   = 1 << 0,  /* none in UPSKILL_CLIENT_SESSION_DAYS */
  UPSKILL_ATTENTION_BEHIND       = 1 << 1,  /* behind their plan */
  UPSKILL_ATTENTION_SESSION_SOON = 1 << 2,  /* one booked in UPSKILL_CLIENT_SOON_DAYS */
} UpskillAttention;

/* A client (or a self profile that has sessions) needs attention after
 * this many days without a session … */
#define UPSKILL_CLIENT_SESSION_DAYS 30
/* … and when the next one is at most this many days away. */
#define UPSKILL_CLIENT_SOON_DAYS    7

#define UPSKILL_TYPE_CLIENT (upskill_client_get_type ())

G_DECLARE_FINAL_TYPE (UpskillClient, upskill_client, UPSKILL, CLIENT, GObject)

/* @now is unix time: the figures that depend on the day (plan status,
 * attention) are taken as of then. */
UpskillClient               *upskill_client_new               (const UpskillProfileSummary *summary,
                                                               UpskillCatalog              *catalog,
                                                               gint64                       now);

const UpskillProfileSummary *upskill_client_get_summary       (UpskillClient *self);
const char                  *upskill_client_get_id            (UpskillClient *self);
const char                  *upskill_client_get_name          (UpskillClient *self);
/* The target role's name in the reader's language, "" without one. */
const char                  *upskill_client_get_role_name     (UpskillClient *self);
const char                  *upskill_client_get_role_id       (UpskillClient *self);
/* Archived clients are listed only when asked for. */
gboolean                     upskill_client_get_archived      (UpskillClient *self);
/* The profile's tags, never NULL; "pilot, Team A", "" without any. */
const char * const          *upskill_client_get_tags          (UpskillClient *self);
const char                  *upskill_client_get_tags_text     (UpskillClient *self);
/* @tag_key: from upskill_profile_dup_tag_key(). */
gboolean                     upskill_client_has_tag           (UpskillClient *self,
                                                               const char    *tag_key);
double                       upskill_client_get_readiness     (UpskillClient *self);
UpskillPlanStatus            upskill_client_get_plan_status   (UpskillClient *self);
UpskillAttention             upskill_client_get_attention     (UpskillClient *self);
/* Readiness of the area with UpskillArea.index @area, negative when
 * nothing in it is targeted. */
double                       upskill_client_get_area_readiness (UpskillClient *self,
                                                                guint          area);

/* The words of each column, from the formatting module: "45%",
 * "+10 points", "14 October 2026", "–" when there is nothing to show. */
char                        *upskill_client_format_readiness  (UpskillClient *self);
char                        *upskill_client_format_change     (UpskillClient *self);
char                        *upskill_client_format_last_session (UpskillClient *self);
char                        *upskill_client_format_next_session (UpskillClient *self);
const char                  *upskill_client_get_plan_label    (UpskillClient *self);
/* "No session in 30 days · Behind the plan", or NULL. */
char                        *upskill_client_describe_attention (UpskillClient *self);

/* GCompareDataFunc for each column, ascending; unknown values last,
 * ties broken by name. */
int upskill_client_compare_name         (gconstpointer a, gconstpointer b, gpointer user_data);
int upskill_client_compare_role         (gconstpointer a, gconstpointer b, gpointer user_data);
/* By the tags as shown; untagged clients last. */
int upskill_client_compare_tags         (gconstpointer a, gconstpointer b, gpointer user_data);
int upskill_client_compare_readiness    (gconstpointer a, gconstpointer b, gpointer user_data);
int upskill_client_compare_change       (gconstpointer a, gconstpointer b, gpointer user_data);
int upskill_client_compare_last_session (gconstpointer a, gconstpointer b, gpointer user_data);
int upskill_client_compare_next_session (gconstpointer a, gconstpointer b, gpointer user_data);
int upskill_client_compare_plan         (gconstpointer a, gconstpointer b, gpointer user_data);
/* By the readiness of the area whose UpskillArea.index is
 * GPOINTER_TO_UINT (@user_data). */
int upskill_client_compare_area         (gconstpointer a, gconstpointer b, gpointer user_data);
/* Those who need attention first. */
int upskill_client_compare_attention    (gconstpointer a, gconstpointer b, gpointer user_data);

G_END_DECLS
