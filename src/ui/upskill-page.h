/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-trends.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_PAGE (upskill_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (UpskillPage, upskill_page, UPSKILL, PAGE, AdwBin)

/* What every page of the window shares: the properties the window sets,
 * "catalog" (UpskillCatalog), "trends" (UpskillTrends) and "profile"
 * (UpskillProfile, or NULL when no profile is selected), the profile's
 * "changed" signal, and the dialogs and toasts a page shows.
 *
 * Each virtual function runs after the page took the new value and before
 * the property is notified; any of them may be NULL. A page that is not
 * the visible child of its stack runs them later: once its window has
 * painted the next frame and is idle, or when it is shown, whichever
 * comes first. So the visible page is painted first, and the first switch
 * to another page finds it built. upskill_page_ensure_updated() runs them
 * now. */
struct _UpskillPageClass
{
  AdwBinClass parent_class;

  void (*catalog_changed) (UpskillPage *self);
  void (*trends_changed)  (UpskillPage *self);
  /* Another profile, or none, is shown. */
  void (*profile_changed) (UpskillPage *self);
  /* The profile shown was modified (its "changed" signal). */
  void (*profile_updated) (UpskillPage *self);
};

UpskillCatalog *upskill_page_get_catalog    (UpskillPage    *self);
void            upskill_page_set_catalog    (UpskillPage    *self,
                                             UpskillCatalog *catalog);
UpskillTrends  *upskill_page_get_trends     (UpskillPage    *self);
void            upskill_page_set_trends     (UpskillPage    *self,
                                             UpskillTrends  *trends);
UpskillProfile *upskill_page_get_profile    (UpskillPage    *self);
void            upskill_page_set_profile    (UpskillPage    *self,
                                             UpskillProfile *profile);

/* The "later-shown" property. */
gboolean        upskill_page_get_later_shown (UpskillPage    *self);
/* Brings a page that waited while hidden up to date, e.g. before
 * scrolling to one of its rows. */
void            upskill_page_ensure_updated (UpskillPage    *self);
/* The window the page is in, or NULL: the parent for its dialogs. */
GtkWindow      *upskill_page_get_window     (UpskillPage    *self);
/* Presents @dialog, which acts on the profile shown now: the page closes
 * it, without a response, when another profile is shown. */
void            upskill_page_present_dialog (UpskillPage    *self,
                                             GtkWindow      *dialog);

G_END_DECLS
