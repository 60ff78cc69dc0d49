/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "upskill-profile.h"
#include "upskill-store.h"

G_BEGIN_DECLS

/* The profile being edited and what protects it, outside any window:
 *  - its undo stack, where changes made in a group are one step;
 *  - autosave, a burst of changes saved once;
 *  - the disk queue: saves and deletions one at a time and in order, so
 *    that an older save never lands after a newer one, nor a deletion
 *    before the last save of that profile;
 *  - deletions waiting for their undo (a toast), which touch the disk
 *    only once confirmed, and then move the file to the desktop's Trash
 *    (::deleted says whether it went there). */

#define UPSKILL_TYPE_PROFILE_SESSION (upskill_profile_session_get_type ())

G_DECLARE_FINAL_TYPE (UpskillProfileSession, upskill_profile_session, UPSKILL, PROFILE_SESSION, GObject)

UpskillProfileSession *upskill_profile_session_new                (UpskillStore           *store);
UpskillStore          *upskill_profile_session_get_store          (UpskillProfileSession  *self);

UpskillProfile        *upskill_profile_session_get_profile        (UpskillProfileSession  *self);
/* Saves what is waiting for the previous profile, and starts a new undo
 * stack. */
void                   upskill_profile_session_set_profile        (UpskillProfileSession  *self,
                                                                   UpskillProfile         *profile);

/* Changes made between begin and end are one step to undo. */
void                   upskill_profile_session_begin_change_group (UpskillProfileSession  *self);
void                   upskill_profile_session_end_change_group   (UpskillProfileSession  *self);
gboolean               upskill_profile_session_get_can_undo       (UpskillProfileSession  *self);
/* Puts the profile back as it was before its last change (or group). */
gboolean               upskill_profile_session_undo               (UpskillProfileSession  *self);

/* Saves the profile now if its autosave is waiting. */
void                   upskill_profile_session_flush              (UpskillProfileSession  *self);
/* Saves @profile (any profile, e.g. a new one) after what is queued. */
void                   upskill_profile_session_queue_save         (UpskillProfileSession  *self,
                                                                   UpskillProfile         *profile);
/* TRUE while an autosave, a save or a deletion is waiting or running. */
gboolean               upskill_profile_session_get_busy           (UpskillProfileSession  *self);
/* The newest version of @id that is waiting to be saved, being saved or
 * failed to save, or NULL: its file is older, so a change to it starts
 * from this one. */
UpskillProfile        *upskill_profile_session_find_unsaved       (UpskillProfileSession  *self,
                                                                   const char             *id);

/* Deletion in two steps: the profile is let go of at once, its file is
 * deleted once confirmed (the undo toast went), or stays if undone. */
void                   upskill_profile_session_delete_later       (UpskillProfileSession  *self,
                                                                   const char             *id);
gboolean               upskill_profile_session_is_delete_pending  (UpskillProfileSession  *self,
                                                                   const char             *id);
/* TRUE if @id was waiting: its file goes to the Trash after what is
 * queued, unless it changed on disk since the profile was read. */
gboolean               upskill_profile_session_confirm_delete     (UpskillProfileSession  *self,
                                                                   const char             *id);
/* TRUE if @id was waiting: its file stays. */
gboolean               upskill_profile_session_undo_delete        (UpskillProfileSession  *self,
                                                                   const char             *id);
/* Every waiting deletion stays undone (nobody confirmed them). */
void                   upskill_profile_session_cancel_deletes     (UpskillProfileSession  *self);

/* The message of the last failed save of a profile not saved since, or
 * NULL. */
const char            *upskill_profile_session_get_unsaved_error  (UpskillProfileSession  *self);
/* The shown profile's changes not yet saved are given up. */
void                   upskill_profile_session_drop_changes       (UpskillProfileSession  *self);
/* Closing goes on without the change whose save failed. */
void                   upskill_profile_session_discard_unsaved    (UpskillProfileSession  *self);

/* Saves what waits, tries a failed save once more, confirms the waiting
 * deletions and completes once all of it is on disk; fails, with the
 * save's error, when a change could not be saved. */
void                   upskill_profile_session_close_async        (UpskillProfileSession  *self,
                                                                   GAsyncReadyCallback     callback,
                                                                   gpointer                user_data);
gboolean               upskill_profile_session_close_finish       (UpskillProfileSession  *self,
                                                                   GAsyncResult           *result,
                                                                   GError                **error);

G_END_DECLS
