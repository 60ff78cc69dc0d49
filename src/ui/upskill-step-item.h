/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "upskill-planner.h"

G_BEGIN_DECLS

/* What a step's row shows, copied out of the profile and the catalog so
 * that the list model outlives their changes. */
typedef struct
{
  char              *step_id;
  UpskillStepStatus  status;
  guint              hours_spent;
  char              *title;
  guint              hours;
  gboolean           has_module;      /* in the catalog */
  UpskillModuleKind  module_kind;
  char              *provider;
  gboolean           has_link;
  gboolean           custom;          /* the person's own step */
  char              *skill_name;      /* NULL: no level shown */
  guint              from_level;
  guint              to_level;
  GDate              start;
  GDate              finish;
  guint              position;
  guint              n_steps;
  char              *prerequisites;   /* "After: …", or NULL */
  gboolean           prerequisite_later;
} UpskillStepView;

#define UPSKILL_TYPE_STEP_ITEM (upskill_step_item_get_type ())

G_DECLARE_FINAL_TYPE (UpskillStepItem, upskill_step_item, UPSKILL, STEP_ITEM, GObject)

/* One step of the learning path as its row shows it. @prerequisites:
 * "After: …" or NULL; @prerequisite_later: a prerequisite comes later in
 * the plan. */
UpskillStepItem       *upskill_step_item_new         (const UpskillScheduledStep *scheduled,
                                                      guint                       position,
                                                      guint                       n_steps,
                                                      const char                 *prerequisites,
                                                      gboolean                    prerequisite_later);
/* Whether the two rows would show exactly the same. */
gboolean               upskill_step_item_equal       (UpskillStepItem            *self,
                                                      UpskillStepItem            *other);
const char            *upskill_step_item_get_step_id (UpskillStepItem            *self);
const UpskillStepView *upskill_step_item_get_view    (UpskillStepItem            *self);

G_END_DECLS
