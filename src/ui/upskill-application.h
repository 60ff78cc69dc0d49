/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-store.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_APPLICATION (upskill_application_get_type ())

G_DECLARE_FINAL_TYPE (UpskillApplication, upskill_application, UPSKILL, APPLICATION, AdwApplication)

UpskillApplication *upskill_application_new          (void);
UpskillCatalog     *upskill_application_get_catalog  (UpskillApplication *self);
UpskillStore       *upskill_application_get_store    (UpskillApplication *self);
GSettings          *upskill_application_get_settings (UpskillApplication *self);
/* The trend data shown now: the bundled article or a fetched feed. */
UpskillTrends      *upskill_application_get_trends   (UpskillApplication *self);
void                upskill_application_set_trends   (UpskillApplication *self,
                                                      UpskillTrends      *trends);

G_END_DECLS
