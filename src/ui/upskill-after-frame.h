/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Work that waits until a widget's next frame is painted: a page shows
 * what is in view first and does the rest after. Held in the owner's
 * instance struct, zero-initialised; the owner cancels it before it goes
 * (dispose, unroot). */
typedef struct
{
  GtkWidget   *widget;    /* whose frame; not a reference */
  GSourceFunc  func;
  gpointer     data;
  int          priority;
  guint        tick_id;
  guint        idle_id;
} UpskillAfterFrame;

/* In the update phase of @widget's next frame, adds an idle of @priority
 * that calls @func (@data) until it returns G_SOURCE_REMOVE: the idle
 * runs once that frame is painted. Nothing if already scheduled; @func
 * may schedule itself again, for after the frame that follows. */
void     upskill_after_frame_schedule   (UpskillAfterFrame *self,
                                         GtkWidget         *widget,
                                         int                priority,
                                         GSourceFunc        func,
                                         gpointer           data);
void     upskill_after_frame_cancel     (UpskillAfterFrame *self);
gboolean upskill_after_frame_is_pending (UpskillAfterFrame *self);

G_END_DECLS
