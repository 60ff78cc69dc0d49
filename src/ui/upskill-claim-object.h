/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "upskill-trends.h"

G_BEGIN_DECLS

/* One claim of the trend data as an item of a GListModel. Holds a
 * reference on the UpskillTrends that owns the claim, so the claim stays
 * valid as long as the item does, even after a feed update replaced the
 * trends. */

#define UPSKILL_TYPE_CLAIM_OBJECT (upskill_claim_object_get_type ())

G_DECLARE_FINAL_TYPE (UpskillClaimObject, upskill_claim_object, UPSKILL, CLAIM_OBJECT, GObject)

UpskillClaimObject *upskill_claim_object_new        (UpskillTrends      *trends,
                                                     UpskillClaim       *claim);
UpskillTrends      *upskill_claim_object_get_trends (UpskillClaimObject *self);
UpskillClaim       *upskill_claim_object_get_claim  (UpskillClaimObject *self);

G_END_DECLS
