/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-catalog.h"
#include "upskill-client.h"
#include "upskill-profile.h"
#include "upskill-store.h"

G_BEGIN_DECLS

/* A coach's practice: every client at a glance, from the store's index,
 * so that a thousand clients need no full profile load. */

/* Fills the overview's fields of @summary (last and next session, change
 * since the last session, plan, areas, gaps) from @profile as of @now,
 * whose days are those of the time zone @local (NULL: looked up). The
 * store calls this whenever it indexes a file. */
void       upskill_practice_fill_summary (UpskillProfileSummary *summary,
                                          UpskillProfile        *profile,
                                          UpskillCatalog        *catalog,
                                          gint64                 now,
                                          GTimeZone             *local);

/* An UpskillClient for every readable profile of @summaries
 * (UpskillProfileSummary*), archived ones too, in their order. */
GListStore *upskill_practice_new_clients (GPtrArray             *summaries,
                                          UpskillCatalog        *catalog,
                                          gint64                 now);

typedef struct
{
  UpskillSkill *skill;
  guint         n_clients;  /* clients below their target in it */
} UpskillCommonGap;

/* The skills the most clients of @clients (UpskillClient) are below their
 * target in, most first, ties in catalog order; at most @max of them
 * (UpskillCommonGap*, owned by the array). */
GPtrArray  *upskill_practice_count_gaps  (GListModel            *clients,
                                          UpskillCatalog        *catalog,
                                          guint                  max);

G_END_DECLS
