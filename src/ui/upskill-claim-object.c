/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-claim-object.h"

struct _UpskillClaimObject
{
  GObject        parent_instance;

  UpskillTrends *trends;
  UpskillClaim  *claim;
};

G_DEFINE_FINAL_TYPE (UpskillClaimObject, upskill_claim_object, G_TYPE_OBJECT)

static void
upskill_claim_object_finalize (GObject *object)
{
  UpskillClaimObject *self = (UpskillClaimObject *)object;

  g_clear_object (&self->trends);

  G_OBJECT_CLASS (upskill_claim_object_parent_class)->finalize (object);
}

static void
upskill_claim_object_class_init (UpskillClaimObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upskill_claim_object_finalize;
}

static void
upskill_claim_object_init (UpskillClaimObject *self)
{
}

UpskillClaimObject *
upskill_claim_object_new (UpskillTrends *trends,
                          UpskillClaim  *claim)
{
  UpskillClaimObject *self;

  g_return_val_if_fail (UPSKILL_IS_TRENDS (trends), NULL);
  g_return_val_if_fail (claim != NULL, NULL);

  self = g_object_new (UPSKILL_TYPE_CLAIM_OBJECT, NULL);
  self->trends = g_object_ref (trends);
  self->claim = claim;

  return self;
}

UpskillTrends *
upskill_claim_object_get_trends (UpskillClaimObject *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLAIM_OBJECT (self), NULL);

  return self->trends;
}

UpskillClaim *
upskill_claim_object_get_claim (UpskillClaimObject *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLAIM_OBJECT (self), NULL);

  return self->claim;
}
