/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upskill-level.h"

static const struct {
  const char *name;
  const char *description;
} levels[UPSKILL_N_LEVELS] = {
  { N_("Not yet"),
    N_("You have not worked with this yet.") },
  { N_("Novice"),
    N_("You follow tutorials and recipes step by step and need them to get anywhere.") },
  { N_("Advanced beginner"),
    N_("You can do simple tasks on your own but still lean on examples for anything new.") },
  { N_("Competent"),
    N_("You deliver real work with it independently and can plan how to approach a problem.") },
  { N_("Proficient"),
    N_("You see the whole picture, choose between approaches with confidence and help others.") },
  { N_("Expert"),
    N_("You work from deep intuition, shape how others use it and handle the unusual cases.") },
};

const char *
upskill_level_get_name (guint level)
{
  g_return_val_if_fail (level <= UPSKILL_LEVEL_MAX, NULL);

  return _(levels[level].name);
}

const char *
upskill_level_get_description (guint level)
{
  g_return_val_if_fail (level <= UPSKILL_LEVEL_MAX, NULL);

  return _(levels[level].description);
}
