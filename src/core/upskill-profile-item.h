/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "upskill-catalog.h"
#include "upskill-profile.h"
#include "upskill-store.h"

G_BEGIN_DECLS

/* One entry of the profile list: what a row shows, kept up to date by the
 * window after every save, without holding the whole profile. */

#define UPSKILL_TYPE_PROFILE_ITEM (upskill_profile_item_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProfileItem, upskill_profile_item, UPSKILL, PROFILE_ITEM, GObject)

UpskillProfileItem *upskill_profile_item_new                 (const UpskillProfileSummary *summary,
                                                              UpskillCatalog              *catalog);
void                upskill_profile_item_update_from_profile (UpskillProfileItem          *self,
                                                              UpskillProfile              *profile,
                                                              UpskillCatalog              *catalog);
/* The file turned out unreadable after it was listed. */
void                upskill_profile_item_set_error           (UpskillProfileItem          *self,
                                                              const char                  *error);
/* A sync tool's conflict copy of the profile's file, waiting to be merged
 * (its file name), or NULL once it is resolved. */
void                upskill_profile_item_set_conflict_copy   (UpskillProfileItem          *self,
                                                              const char                  *file_name);
const char         *upskill_profile_item_get_conflict_copy   (UpskillProfileItem          *self);

const char         *upskill_profile_item_get_id               (UpskillProfileItem *self);
const char         *upskill_profile_item_get_file_name        (UpskillProfileItem *self);
/* The profile's name, or the file name when the file could not be read. */
const char         *upskill_profile_item_get_name             (UpskillProfileItem *self);
gboolean            upskill_profile_item_get_archived         (UpskillProfileItem *self);
UpskillProfileKind  upskill_profile_item_get_kind             (UpskillProfileItem *self);
const char         *upskill_profile_item_get_current_role     (UpskillProfileItem *self);
/* The target role's name in the catalog, or NULL. */
const char         *upskill_profile_item_get_target_role_name (UpskillProfileItem *self);
/* Never NULL. */
const char * const *upskill_profile_item_get_tags            (UpskillProfileItem *self);
/* 0..100, negative when unknown. */
double              upskill_profile_item_get_readiness        (UpskillProfileItem *self);
gint64              upskill_profile_item_get_modified         (UpskillProfileItem *self);
/* Why the file could not be read, or NULL. */
const char         *upskill_profile_item_get_error            (UpskillProfileItem *self);

/* Whether every word of @search appears in the name, a role or a tag. */
gboolean            upskill_profile_item_matches              (UpskillProfileItem *self,
                                                              const char         *search);
/* Newest change first, then by name. */
int                 upskill_profile_item_compare              (UpskillProfileItem *a,
                                                              UpskillProfileItem *b);

/* The orders of the profile list (the "profile-sort" setting). */
typedef enum
{
  UPSKILL_PROFILE_SORT_CHANGED,
  UPSKILL_PROFILE_SORT_NAME,
  UPSKILL_PROFILE_SORT_SESSION,
} UpskillProfileSort;

/* The date of the last session (UpskillNote.date), 0 if none. */
gint64              upskill_profile_item_get_last_session     (UpskillProfileItem *self);
/* By @order, then by name. */
int                 upskill_profile_item_compare_by           (UpskillProfileItem *a,
                                                              UpskillProfileItem *b,
                                                              UpskillProfileSort  order);

G_END_DECLS
