/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-after-frame.h"

static gboolean
on_idle (gpointer user_data)
{
  UpskillAfterFrame *self = user_data;
  guint idle_id = self->idle_id;

  /* @func may schedule itself again, for after the next frame. */
  self->idle_id = 0;
  if (self->func (self->data) == G_SOURCE_CONTINUE && !upskill_after_frame_is_pending (self))
    {
      self->idle_id = idle_id;
      return G_SOURCE_CONTINUE;
    }

  return G_SOURCE_REMOVE;
}

/* The update phase comes before layout and paint: an idle added now runs
 * after the frame's paint, which has a higher priority. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  UpskillAfterFrame *self = user_data;

  self->tick_id = 0;
  self->idle_id = g_idle_add_full (self->priority, on_idle, self, NULL);

  return G_SOURCE_REMOVE;
}

void
upskill_after_frame_schedule (UpskillAfterFrame *self,
                              GtkWidget         *widget,
                              int                priority,
                              GSourceFunc        func,
                              gpointer           data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  if (upskill_after_frame_is_pending (self))
    return;

  self->widget = widget;
  self->func = func;
  self->data = data;
  self->priority = priority;
  self->tick_id = gtk_widget_add_tick_callback (widget, on_tick, self, NULL);
}

void
upskill_after_frame_cancel (UpskillAfterFrame *self)
{
  g_return_if_fail (self != NULL);

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->widget = NULL;
}

gboolean
upskill_after_frame_is_pending (UpskillAfterFrame *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->tick_id != 0 || self->idle_id != 0;
}
