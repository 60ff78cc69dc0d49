/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_MODULE_CHOOSER (upskill_module_chooser_get_type ())

G_DECLARE_FINAL_TYPE (UpskillModuleChooser, upskill_module_chooser, UPSKILL, MODULE_CHOOSER, AdwWindow)

/* A searchable list of the catalog's learning modules. Emits
 * "module-chosen" (const char *module_id) and closes when the user picks
 * one. Modules in @in_plan (ids, may be NULL) are marked as such and
 * cannot be chosen. */
UpskillModuleChooser *upskill_module_chooser_new              (GtkWindow            *parent,
                                                               UpskillCatalog       *catalog,
                                                               const char * const   *in_plan);
void                  upskill_module_chooser_set_search_text  (UpskillModuleChooser *self,
                                                               const char           *text);
/* The modules shown for the current search (GtkStringObject of module ids). */
GListModel           *upskill_module_chooser_get_results      (UpskillModuleChooser *self);

G_END_DECLS
