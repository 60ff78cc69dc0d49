/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One six-step scale for every skill, after the Dreyfus model. */
typedef enum
{
  UPSKILL_LEVEL_NOT_YET = 0,
  UPSKILL_LEVEL_NOVICE,
  UPSKILL_LEVEL_ADVANCED_BEGINNER,
  UPSKILL_LEVEL_COMPETENT,
  UPSKILL_LEVEL_PROFICIENT,
  UPSKILL_LEVEL_EXPERT,
} UpskillLevel;

#define UPSKILL_LEVEL_MAX UPSKILL_LEVEL_EXPERT
#define UPSKILL_N_LEVELS  (UPSKILL_LEVEL_MAX + 1)

/* From this level on a rating asks for evidence (the app warns, never blocks). */
#define UPSKILL_LEVEL_NEEDS_EVIDENCE UPSKILL_LEVEL_COMPETENT

const char *upskill_level_get_name        (guint level);
const char *upskill_level_get_description (guint level);

G_END_DECLS
