/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "upskill-planner.h"
#include "upskill-practice.h"
#include "upskill-progress.h"
#include "upskill-readiness.h"

void
upskill_practice_fill_summary (UpskillProfileSummary *summary,
                               UpskillProfile        *profile,
                               UpskillCatalog        *catalog,
                               gint64                 now,
                               GTimeZone             *local)
{
  g_autoptr(GTimeZone) looked_up = NULL;
  const UpskillNote *last;
  const UpskillNote *reference;
  GPtrArray *plan;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GStrvBuilder) gap_ids = g_strv_builder_new ();

  g_return_if_fail (summary != NULL);
  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (UPSKILL_IS_CATALOG (catalog));

  last = upskill_progress_get_last_session (profile, now);
  summary->last_session = last != NULL ? last->date : 0;

  summary->next_session = upskill_progress_get_next_session (profile, now);

  summary->has_change = FALSE;
  summary->change = 0.0;
  if (local == NULL)
    local = looked_up = g_time_zone_new_local ();
  reference = upskill_progress_get_reference_session_in_zone (profile, now, local);
  if (reference != NULL && summary->readiness >= 0)
    {
      double then;

      /* Readiness when the reference session ended: the state after the
       * last change before it, or the first assessment if it came before
       * that. */
      if (upskill_compute_readiness_before (profile, catalog,
                                            upskill_note_get_end (reference), &then))
        {
          summary->has_change = TRUE;
          summary->change = summary->readiness - then;
        }
    }

  summary->n_steps = 0;
  summary->n_steps_left = 0;
  summary->plan_due = 0;
  plan = upskill_profile_get_plan (profile);
  summary->n_steps = plan->len;
  for (guint i = 0; i < plan->len; i++)
    {
      const UpskillPlanStep *step = g_ptr_array_index (plan, i);

      /* As upskill_planner_count_behind() counts them. */
      if (step->status != UPSKILL_STEP_PLANNED && step->status != UPSKILL_STEP_IN_PROGRESS)
        continue;
      summary->n_steps_left++;
      if (step->due != 0 && (summary->plan_due == 0 || step->due < summary->plan_due))
        summary->plan_due = step->due;
    }

  g_clear_pointer (&summary->areas, g_free);
  summary->n_areas = upskill_catalog_get_n_areas (catalog);
  summary->areas = g_new0 (double, summary->n_areas);
  upskill_compute_readiness_by_area (profile, catalog, summary->areas);

  gaps = upskill_compute_gaps (profile, catalog, NULL);
  for (guint i = 0; i < gaps->len; i++)
    {
      const UpskillGap *gap = g_ptr_array_index (gaps, i);

      g_strv_builder_add (gap_ids, gap->skill->id);
    }
  g_clear_pointer (&summary->gaps, g_strfreev);
  summary->gaps = g_strv_builder_end (gap_ids);
}

GListStore *
upskill_practice_new_clients (GPtrArray      *summaries,
                              UpskillCatalog *catalog,
                              gint64          now)
{
  GListStore *clients;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (summaries != NULL, NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  clients = g_list_store_new (UPSKILL_TYPE_CLIENT);
  items = g_ptr_array_new_full (summaries->len, g_object_unref);
  for (guint i = 0; i < summaries->len; i++)
    {
      const UpskillProfileSummary *summary = g_ptr_array_index (summaries, i);

      /* Archived clients too: the overview hides them unless asked. */
      if (summary->name != NULL)
        g_ptr_array_add (items, upskill_client_new (summary, catalog, now));
    }

  /* One splice, one items-changed. */
  g_list_store_splice (clients, 0, 0, items->pdata, items->len);

  return clients;
}

static int
compare_common_gaps (gconstpointer a,
                     gconstpointer b)
{
  const UpskillCommonGap *gap_a = *(const UpskillCommonGap **) a;
  const UpskillCommonGap *gap_b = *(const UpskillCommonGap **) b;

  if (gap_a->n_clients != gap_b->n_clients)
    return gap_a->n_clients > gap_b->n_clients ? -1 : 1;

  return (int) gap_a->skill->index - (int) gap_b->skill->index;
}

GPtrArray *
upskill_practice_count_gaps (GListModel     *clients,
                             UpskillCatalog *catalog,
                             guint           max)
{
  guint n_skills;
  guint n_clients;
  g_autofree guint *counts = NULL;
  GPtrArray *common;

  g_return_val_if_fail (G_IS_LIST_MODEL (clients), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  n_skills = upskill_catalog_get_n_skills (catalog);
  counts = g_new0 (guint, n_skills);
  n_clients = g_list_model_get_n_items (clients);
  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(UpskillClient) client = g_list_model_get_item (clients, i);
      const UpskillProfileSummary *summary = upskill_client_get_summary (client);

      for (guint j = 0; summary->gaps != NULL && summary->gaps[j] != NULL; j++)
        {
          UpskillSkill *skill = upskill_catalog_find_skill (catalog, summary->gaps[j]);

          if (skill != NULL)
            counts[skill->index]++;
        }
    }

  common = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_skills; i++)
    {
      UpskillCommonGap *gap;

      if (counts[i] == 0)
        continue;

      gap = g_new0 (UpskillCommonGap, 1);
      gap->skill = upskill_catalog_get_skill (catalog, i);
      gap->n_clients = counts[i];
      g_ptr_array_add (common, gap);
    }

  g_ptr_array_sort (common, compare_common_gaps);
  if (common->len > max)
    g_ptr_array_set_size (common, max);

  return common;
}
