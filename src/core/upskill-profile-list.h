/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "upskill-catalog.h"
#include "upskill-profile-item.h"
#include "upskill-profile-session.h"
#include "upskill-store.h"

G_BEGIN_DECLS

/* The profile list of the sidebar: a GListModel of UpskillProfileItem,
 * the profiles that match the search (archived ones only if asked
 * for), newest change first. It holds
 * every profile of the store, hidden or not; with a session it leaves
 * out the deletions waiting for their undo, and keeps a new profile whose
 * first save is still on its way. */

#define UPSKILL_TYPE_PROFILE_LIST (upskill_profile_list_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProfileList, upskill_profile_list, UPSKILL, PROFILE_LIST, GObject)

UpskillProfileList *upskill_profile_list_new            (UpskillStore          *store,
                                                         UpskillCatalog        *catalog,
                                                         UpskillProfileSession *session);

/* Lists the store on a worker thread and replaces every item. */
void                upskill_profile_list_reload_async   (UpskillProfileList    *self,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
gboolean            upskill_profile_list_reload_finish  (UpskillProfileList    *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);
/* Whether a listing has arrived (or failed). */
gboolean            upskill_profile_list_get_loaded     (UpskillProfileList    *self);

/* Words to look for in names and roles; NULL or blank shows all. */
void                upskill_profile_list_set_search     (UpskillProfileList    *self,
                                                         const char            *search);
/* Stripped, NULL when not searching. */
const char         *upskill_profile_list_get_search     (UpskillProfileList    *self);
/* Whether archived profiles are shown too (they are not by default). */
void                upskill_profile_list_set_show_archived (UpskillProfileList *self,
                                                            gboolean            show_archived);
gboolean            upskill_profile_list_get_show_archived (UpskillProfileList *self);
void                upskill_profile_list_set_sort       (UpskillProfileList    *self,
                                                         UpskillProfileSort     sort);
UpskillProfileSort  upskill_profile_list_get_sort       (UpskillProfileList    *self);

/* Every profile, shown or not. */
guint               upskill_profile_list_get_n_profiles (UpskillProfileList    *self);
/* Every tag of every profile, archived ones too, once ignoring case, in
 * alphabetical order: what the profile dialog suggests. */
GStrv               upskill_profile_list_dup_tags       (UpskillProfileList    *self);
/* The item of @id, shown or not, or NULL. */
UpskillProfileItem *upskill_profile_list_find           (UpskillProfileList    *self,
                                                         const char            *id);
/* Where @id is shown, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint               upskill_profile_list_get_position   (UpskillProfileList    *self,
                                                         const char            *id);

void                upskill_profile_list_add            (UpskillProfileList    *self,
                                                         UpskillProfileItem    *item);
/* A new item for @profile (new, duplicated, imported), added. */
UpskillProfileItem *upskill_profile_list_add_profile    (UpskillProfileList    *self,
                                                         UpskillProfile        *profile);
/* Takes @id's item out, and returns it (to put back on undo). */
UpskillProfileItem *upskill_profile_list_remove         (UpskillProfileList    *self,
                                                         const char            *id);
/* The item of @profile follows it (name, roles, readiness, when
 * changed), and moves to where that sorts it; FALSE if not listed. */
gboolean            upskill_profile_list_update         (UpskillProfileList    *self,
                                                         UpskillProfile        *profile);

G_END_DECLS
