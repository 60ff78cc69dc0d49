/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-level.h"
#include "upskill-step-item.h"

struct _UpskillStepItem
{
  GObject          parent_instance;

  UpskillStepView  view;
};

G_DEFINE_FINAL_TYPE (UpskillStepItem, upskill_step_item, G_TYPE_OBJECT)

static void
upskill_step_item_finalize (GObject *object)
{
  UpskillStepItem *self = (UpskillStepItem *)object;

  g_free (self->view.step_id);
  g_free (self->view.title);
  g_free (self->view.provider);
  g_free (self->view.skill_name);
  g_free (self->view.prerequisites);

  G_OBJECT_CLASS (upskill_step_item_parent_class)->finalize (object);
}

static void
upskill_step_item_class_init (UpskillStepItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upskill_step_item_finalize;
}

static void
upskill_step_item_init (UpskillStepItem *self)
{
  g_date_clear (&self->view.start, 1);
  g_date_clear (&self->view.finish, 1);
}

UpskillStepItem *
upskill_step_item_new (const UpskillScheduledStep *scheduled,
                       guint                       position,
                       guint                       n_steps,
                       const char                 *prerequisites,
                       gboolean                    prerequisite_later)
{
  UpskillStepItem *self;
  UpskillStepView *view;

  g_return_val_if_fail (scheduled != NULL && scheduled->step != NULL, NULL);

  self = g_object_new (UPSKILL_TYPE_STEP_ITEM, NULL);
  view = &self->view;
  view->step_id = g_strdup (scheduled->step->id);
  view->status = MIN (scheduled->step->status, UPSKILL_STEP_SKIPPED);
  view->hours_spent = scheduled->step->hours_spent;
  view->title = g_strdup (scheduled->title);
  view->hours = scheduled->hours;
  view->has_module = scheduled->module != NULL;
  if (scheduled->module != NULL)
    {
      view->module_kind = scheduled->module->kind;
      view->provider = g_strdup (scheduled->module->provider);
      view->has_link = scheduled->module->url != NULL;
    }
  view->custom = scheduled->module == NULL && scheduled->step->module_id == NULL;
  if (scheduled->skill != NULL
      && scheduled->from_level <= UPSKILL_LEVEL_MAX
      && scheduled->to_level <= UPSKILL_LEVEL_MAX)
    {
      view->skill_name = g_strdup (scheduled->skill->name);
      view->from_level = scheduled->from_level;
      view->to_level = scheduled->to_level;
    }
  if (g_date_valid (&scheduled->start) && g_date_valid (&scheduled->finish))
    {
      view->start = scheduled->start;
      view->finish = scheduled->finish;
    }
  view->position = position;
  view->n_steps = n_steps;
  view->prerequisites = g_strdup (prerequisites);
  view->prerequisite_later = prerequisite_later;

  return self;
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);

  return g_date_compare (a, b) == 0;
}

gboolean
upskill_step_item_equal (UpskillStepItem *self,
                         UpskillStepItem *other)
{
  const UpskillStepView *a, *b;

  g_return_val_if_fail (UPSKILL_IS_STEP_ITEM (self), FALSE);
  g_return_val_if_fail (UPSKILL_IS_STEP_ITEM (other), FALSE);

  a = &self->view;
  b = &other->view;

  return g_strcmp0 (a->step_id, b->step_id) == 0 &&
         a->status == b->status &&
         a->hours_spent == b->hours_spent &&
         g_strcmp0 (a->title, b->title) == 0 &&
         a->hours == b->hours &&
         a->has_module == b->has_module &&
         (!a->has_module || a->module_kind == b->module_kind) &&
         g_strcmp0 (a->provider, b->provider) == 0 &&
         a->has_link == b->has_link &&
         a->custom == b->custom &&
         g_strcmp0 (a->skill_name, b->skill_name) == 0 &&
         a->from_level == b->from_level &&
         a->to_level == b->to_level &&
         dates_equal (&a->start, &b->start) &&
         dates_equal (&a->finish, &b->finish) &&
         a->position == b->position &&
         a->n_steps == b->n_steps &&
         g_strcmp0 (a->prerequisites, b->prerequisites) == 0 &&
         a->prerequisite_later == b->prerequisite_later;
}

const char *
upskill_step_item_get_step_id (UpskillStepItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_STEP_ITEM (self), NULL);

  return self->view.step_id;
}

const UpskillStepView *
upskill_step_item_get_view (UpskillStepItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_STEP_ITEM (self), NULL);

  return &self->view;
}
