/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-timeline-item.h"

struct _UpskillTimelineItem
{
  GObject              parent_instance;

  UpskillTimelineKind  kind;
  gint64               time;
  char                *skill_id;
  guint                from;
  guint                to;
  char                *source;
  char                *note_id;
  char                *text;
  char                *details;  /* a note's privacy, actions and next session */
};

G_DEFINE_FINAL_TYPE (UpskillTimelineItem, upskill_timeline_item, G_TYPE_OBJECT)

static void
upskill_timeline_item_finalize (GObject *object)
{
  UpskillTimelineItem *self = (UpskillTimelineItem *)object;

  g_free (self->skill_id);
  g_free (self->source);
  g_free (self->note_id);
  g_free (self->text);
  g_free (self->details);

  G_OBJECT_CLASS (upskill_timeline_item_parent_class)->finalize (object);
}

static void
upskill_timeline_item_class_init (UpskillTimelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upskill_timeline_item_finalize;
}

static void
upskill_timeline_item_init (UpskillTimelineItem *self)
{
}

/* What a note's row shows besides its text: a row is made again when
 * any of it changes. */
static char *
dup_note_details (const UpskillNote *note)
{
  GString *details = g_string_new (NULL);

  g_string_append_printf (details, "%d %" G_GINT64_FORMAT " %s", note->private, note->next_session,
                          note->focus != NULL ? note->focus : "");
  for (guint i = 0; note->actions != NULL && i < note->actions->len; i++)
    {
      const UpskillAction *action = g_ptr_array_index (note->actions, i);

      g_string_append_printf (details, "\n%s %d %d %" G_GINT64_FORMAT " %s",
                              action->id, action->status, action->private, action->due, action->text);
    }

  return g_string_free (details, FALSE);
}

UpskillTimelineItem *
upskill_timeline_item_new (const UpskillTimelineEvent *event)
{
  UpskillTimelineItem *self;

  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (UPSKILL_TYPE_TIMELINE_ITEM, NULL);
  self->kind = event->kind;
  self->time = event->time;

  if (event->kind == UPSKILL_TIMELINE_CHANGE)
    {
      self->skill_id = g_strdup (event->change->skill_id);
      self->from = event->change->from;
      self->to = event->change->to;
      self->source = g_strdup (event->change->source);
    }
  else
    {
      self->note_id = g_strdup (event->note->id);
      self->text = g_strdup (event->note->text);
      self->details = dup_note_details (event->note);
    }

  return self;
}

gboolean
upskill_timeline_item_matches (UpskillTimelineItem        *self,
                               const UpskillTimelineEvent *event)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (self->kind != event->kind || self->time != event->time)
    return FALSE;

  if (event->kind == UPSKILL_TIMELINE_CHANGE)
    return self->from == event->change->from
           && self->to == event->change->to
           && g_strcmp0 (self->skill_id, event->change->skill_id) == 0
           && g_strcmp0 (self->source, event->change->source) == 0;

  {
    g_autofree char *details = dup_note_details (event->note);

    return g_strcmp0 (self->note_id, event->note->id) == 0
           && g_strcmp0 (self->text, event->note->text) == 0
           && g_strcmp0 (self->details, details) == 0;
  }
}

UpskillTimelineKind
upskill_timeline_item_get_kind (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), 0);

  return self->kind;
}

gint64
upskill_timeline_item_get_time (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), 0);

  return self->time;
}

const char *
upskill_timeline_item_get_skill_id (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), NULL);

  return self->skill_id;
}

guint
upskill_timeline_item_get_from (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), 0);

  return self->from;
}

guint
upskill_timeline_item_get_to (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), 0);

  return self->to;
}

const char *
upskill_timeline_item_get_source (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), NULL);

  return self->source;
}

const char *
upskill_timeline_item_get_note_id (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), NULL);

  return self->note_id;
}

const char *
upskill_timeline_item_get_text (UpskillTimelineItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_TIMELINE_ITEM (self), NULL);

  return self->text;
}
