/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "upskill-progress.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_TIMELINE_ITEM (upskill_timeline_item_get_type ())

G_DECLARE_FINAL_TYPE (UpskillTimelineItem, upskill_timeline_item, UPSKILL, TIMELINE_ITEM, GObject)

/* One row of the progress timeline: a level change or a session note,
 * copied out of the profile so that the list model outlives its changes. */
UpskillTimelineItem *upskill_timeline_item_new         (const UpskillTimelineEvent *event);
/* Whether @self shows exactly what a row for @event would show. */
gboolean             upskill_timeline_item_matches     (UpskillTimelineItem        *self,
                                                        const UpskillTimelineEvent *event);

UpskillTimelineKind  upskill_timeline_item_get_kind    (UpskillTimelineItem *self);
gint64               upskill_timeline_item_get_time    (UpskillTimelineItem *self);
/* Changes */
const char          *upskill_timeline_item_get_skill_id (UpskillTimelineItem *self);
guint                upskill_timeline_item_get_from    (UpskillTimelineItem *self);
guint                upskill_timeline_item_get_to      (UpskillTimelineItem *self);
const char          *upskill_timeline_item_get_source  (UpskillTimelineItem *self);
/* Notes */
const char          *upskill_timeline_item_get_note_id (UpskillTimelineItem *self);
const char          *upskill_timeline_item_get_text    (UpskillTimelineItem *self);

G_END_DECLS
