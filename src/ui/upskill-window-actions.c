/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-file-chooser.h"
#include "upskill-profile-dialog.h"
#include "upskill-profile-merge.h"
#include "upskill-report.h"
#include "upskill-report-options-dialog.h"
#include "upskill-toast.h"
#include "upskill-window-private.h"

/* The window's actions ("win."): profiles, files, pages, undo. */

/* The actions that need a profile on the pages follow the session's;
 * archive and restore also follow whether it is archived. */

static gboolean
profile_to_enabled (GBinding     *binding,
                    const GValue *from_value,
                    GValue       *to_value,
                    gpointer      user_data)
{
  g_value_set_boolean (to_value, g_value_get_object (from_value) != NULL);

  return TRUE;
}

static void
update_archive_actions (UpskillWindow *self)
{
  UpskillProfile *profile = upskill_window_get_profile (self);

  g_simple_action_set_enabled (self->archive_action, profile != NULL && !upskill_profile_get_archived (profile));
  g_simple_action_set_enabled (self->restore_action, profile != NULL && upskill_profile_get_archived (profile));
}

void
upskill_window_bind_actions (UpskillWindow *self)
{
  static const char * const profile_actions[] = {
    "edit-profile", "duplicate-profile", "delete-profile",
    "export-profile", "export-profile-to", "export-report", "export-report-to",
    "print", "print-to",
  };
  GActionMap *map = G_ACTION_MAP (self);

  g_return_if_fail (UPSKILL_IS_WINDOW (self));
  g_return_if_fail (self->session != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (profile_actions); i++)
    g_object_bind_property_full (self->session, "profile",
                                 g_action_map_lookup_action (map, profile_actions[i]), "enabled",
                                 G_BINDING_SYNC_CREATE, profile_to_enabled, NULL, NULL, NULL);
  g_object_bind_property (self->session, "can-undo",
                          g_action_map_lookup_action (map, "undo"), "enabled",
                          G_BINDING_SYNC_CREATE);

  self->archive_action = G_SIMPLE_ACTION (g_action_map_lookup_action (map, "archive-profile"));
  self->restore_action = G_SIMPLE_ACTION (g_action_map_lookup_action (map, "restore-profile"));
  g_signal_connect_object (self->session, "notify::profile",
                           G_CALLBACK (update_archive_actions), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_swapped (self->profile_signals, "notify::archived",
                                  G_CALLBACK (update_archive_actions), self);
  update_archive_actions (self);
}

/* New, edit, duplicate */

static void
apply_dialog_values (UpskillProfileDialog *dialog,
                     UpskillProfile       *profile)
{
  upskill_profile_set_name (profile, upskill_profile_dialog_get_name (dialog));
  upskill_profile_set_kind (profile, upskill_profile_dialog_get_kind (dialog));
  upskill_profile_set_current_role (profile, upskill_profile_dialog_get_current_role (dialog));
  upskill_profile_set_target_role (profile, upskill_profile_dialog_get_target_role (dialog));
  upskill_profile_set_weekly_hours (profile, upskill_profile_dialog_get_weekly_hours (dialog));
  upskill_profile_set_goal (profile, upskill_profile_dialog_get_goal (dialog));
  upskill_profile_set_goal_date (profile, upskill_profile_dialog_get_goal_date (dialog));
  {
    g_auto(GStrv) tags = upskill_profile_dialog_dup_tags (dialog);

    /* The dialog keeps to the limits, so this does not fail. */
    upskill_profile_set_tags (profile, (const char * const *) tags, NULL);
  }
}

static void
on_new_profile_apply (UpskillProfileDialog *dialog,
                      UpskillWindow        *self)
{
  const char *name = upskill_profile_dialog_get_name (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = upskill_store_new_id (self->store, name, &error);
  g_autoptr(UpskillProfile) profile = NULL;

  if (id == NULL)
    {
      upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  profile = upskill_profile_new (id, name);
  apply_dialog_values (dialog, profile);
  upskill_window_add_profile (self, profile, TRUE);
}

static void
on_edit_profile_apply (UpskillProfileDialog *dialog,
                       UpskillWindow        *self)
{
  UpskillProfile *profile = upskill_profile_dialog_get_profile (dialog);

  /* One edit of several fields is one step to undo. */
  upskill_profile_session_begin_change_group (self->session);
  apply_dialog_values (dialog, profile);
  upskill_profile_session_end_change_group (self->session);
}

static UpskillProfileDialog *
open_profile_dialog (UpskillWindow  *self,
                     UpskillProfile *profile)
{
  UpskillProfileDialog *dialog = upskill_profile_dialog_new (GTK_WINDOW (self), self->catalog, profile);
  g_auto(GStrv) known_tags = upskill_profile_list_dup_tags (self->profiles);

  upskill_profile_dialog_set_known_tags (dialog, (const char * const *) known_tags);

  g_signal_connect_object (dialog, "apply",
                           profile != NULL ? G_CALLBACK (on_edit_profile_apply) : G_CALLBACK (on_new_profile_apply),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
new_profile_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_profile_dialog (UPSKILL_WINDOW (user_data), NULL);
}

static void
create_own_profile_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  UpskillProfileDialog *dialog = open_profile_dialog (self, NULL);
  const char *real_name = g_get_real_name ();

  upskill_profile_dialog_set_kind (dialog, UPSKILL_PROFILE_SELF);

  /* GLib says "Unknown", or repeats the login, when it has no name. */
  if (real_name != NULL &&
      g_strcmp0 (real_name, "Unknown") != 0 &&
      g_strcmp0 (real_name, g_get_user_name ()) != 0)
    upskill_profile_dialog_set_name (dialog, real_name);
}

static void
edit_profile_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  if (upskill_window_get_profile (self) != NULL)
    open_profile_dialog (self, upskill_window_get_profile (self));
}

static void
duplicate_profile_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  g_autoptr(UpskillProfile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (upskill_window_get_profile (self) == NULL)
    return;

  /* Translators: the name of a duplicated profile */
  name = g_strdup_printf (_("%s (Copy)"), upskill_profile_get_name (upskill_window_get_profile (self)));
  id = upskill_store_new_id (self->store, name, &error);
  if (id == NULL)
    {
      upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  copy = upskill_profile_copy (upskill_window_get_profile (self));
  upskill_profile_set_id (copy, id);
  upskill_profile_set_name (copy, name);

  upskill_window_add_profile (self, copy, TRUE);

  upskill_window_add_toast (self, upskill_toast_new_printf (_("Duplicated as “%s”"),
                                                           upskill_profile_get_name (copy)));
}

/* Delete, with undo until the toast goes */

static void
on_delete_toast_dismissed (AdwToast      *toast,
                           UpskillWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "upskill-profile-id");

  UpskillProfileItem *item = g_object_get_data (G_OBJECT (toast), "upskill-profile-item");

  if (g_hash_table_lookup (self->delete_toasts, id) != toast)
    return;

  g_hash_table_insert (self->deleting_names, g_strdup (id),
                       g_strdup (upskill_profile_item_get_name (item)));
  upskill_profile_session_confirm_delete (self->session, id);
  g_hash_table_remove (self->delete_toasts, id);
}

/* The session's ::deleted. */
void
upskill_window_on_profile_deleted (UpskillWindow *self,
                                   const char    *id,
                                   gboolean       trashed)
{
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  g_hash_table_steal_extended (self->deleting_names, id, (gpointer *) &key, (gpointer *) &name);

  if (trashed || self->closing)
    return;

  /* Not the Trash, as the undo toast let the user believe: say so. */
  upskill_window_add_toast (self, upskill_toast_new_printf (_("“%s” was deleted: this folder has no Trash"),
                                                           name != NULL ? name : id));
}

void
upskill_window_delete_profile (UpskillWindow *self,
                               const char    *id)
{
  g_autoptr(UpskillProfileItem) item = NULL;
  AdwToast *toast;
  guint visible_position;
  guint n_visible;

  g_return_if_fail (UPSKILL_IS_WINDOW (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (upskill_window_get_profile (self) == NULL || id != upskill_profile_get_id (upskill_window_get_profile (self)));

  if (upskill_window_find_item (self, id, NULL) == NULL)
    return;

  visible_position = gtk_single_selection_get_selected (self->selection);

  /* Lets go of the profile, its last changes saved first so that an
   * undo brings them back; the file stays until the toast is gone. */
  upskill_profile_session_delete_later (self->session, id);
  if (g_strcmp0 (self->selected_id, id) == 0)
    g_clear_pointer (&self->selected_id, g_free);

  item = upskill_profile_list_remove (self->profiles, id);

  toast = upskill_toast_new_printf (_("“%s” deleted"), upskill_profile_item_get_name (item));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "upskill-profile-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (toast), "upskill-profile-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_delete_toast_dismissed), self, 0);

  g_hash_table_insert (self->delete_toasts, g_strdup (id), g_object_ref (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Show the neighbour, as a list does after a deletion. */
  n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  if (upskill_window_get_profile (self) == NULL && n_visible > 0)
    {
      if (visible_position == GTK_INVALID_LIST_POSITION || visible_position >= n_visible)
        visible_position = n_visible - 1;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      upskill_window_set_selected (self, visible_position);
    }
}

gboolean
upskill_window_undo_delete (UpskillWindow *self,
                            const char    *id)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *key = NULL;
  UpskillProfileItem *item;

  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!upskill_profile_session_undo_delete (self->session, id) ||
      !g_hash_table_steal_extended (self->delete_toasts, id, (gpointer *) &key, (gpointer *) &toast))
    return FALSE;

  item = g_object_get_data (G_OBJECT (toast), "upskill-profile-item");
  upskill_profile_list_add (self->profiles, item);
  upskill_window_select (self, upskill_profile_item_get_id (item));

  /* No longer pending: dismissing deletes nothing. */
  adw_toast_dismiss (toast);

  return TRUE;
}

void
upskill_window_clear_deletes (UpskillWindow *self)
{
  /* Without a close request nobody confirmed: the files stay. */
  if (self->session != NULL)
    upskill_profile_session_cancel_deletes (self->session);
  if (self->delete_toasts != NULL)
    g_hash_table_remove_all (self->delete_toasts);
}

AdwToast *
upskill_window_get_delete_toast (UpskillWindow *self,
                                 const char    *id)
{
  g_return_val_if_fail (UPSKILL_IS_WINDOW (self), NULL);

  return g_hash_table_lookup (self->delete_toasts, id);
}

static void
delete_profile_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  g_autofree char *id = NULL;

  /* A copy: deleting lets go of the profile. */
  if (upskill_window_get_profile (self) == NULL)
    return;
  id = g_strdup (upskill_profile_get_id (upskill_window_get_profile (self)));
  upskill_window_delete_profile (self, id);
}

/* Archive and restore: the open profile stays on the pages; its row
 * leaves the list unless archived profiles are shown. */

static void
set_archived (UpskillWindow  *self,
              UpskillProfile *profile,
              gboolean        archived)
{
  upskill_profile_set_archived (profile, archived);
  /* Now, not once saved. */
  upskill_profile_list_update (self->profiles, profile);
}

static void
archive_profile_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  UpskillProfile *profile = upskill_window_get_profile (self);
  AdwToast *toast;

  if (profile == NULL || upskill_profile_get_archived (profile))
    return;

  set_archived (self, profile, TRUE);

  toast = upskill_toast_new_printf (_("“%s” archived"), upskill_profile_get_name (profile));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.unarchive-profile");
  adw_toast_set_action_target_value (toast, g_variant_new_string (upskill_profile_get_id (profile)));
  upskill_window_add_toast (self, toast);
}

static void
restore_profile_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  UpskillProfile *profile = upskill_window_get_profile (self);

  if (profile == NULL || !upskill_profile_get_archived (profile))
    return;

  set_archived (self, profile, FALSE);
  upskill_window_select (self, upskill_profile_get_id (profile));
}

static void
on_archived_profile_loaded (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(UpskillWindow) self = user_data;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = upskill_store_load_finish (UPSKILL_STORE (source), result, &error);
  if (profile == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  /* Saved over the version just read, in turn with the other saves. */
  set_archived (self, profile, FALSE);
  upskill_profile_session_queue_save (self->session, profile);
}

/* The archive toast's Undo, for the profile it archived: open or not
 * (another may be open by now). */
static void
unarchive_profile_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  UpskillProfile *profile = upskill_window_get_profile (self);
  const char *id = g_variant_get_string (parameter, NULL);
  UpskillProfileItem *item;
  UpskillProfile *unsaved;

  if (profile != NULL && g_strcmp0 (upskill_profile_get_id (profile), id) == 0)
    {
      restore_profile_action (NULL, NULL, self);
      return;
    }

  item = upskill_window_find_item (self, id, NULL);
  if (item == NULL || !upskill_profile_item_get_archived (item))
    return;

  /* Its archiving may not be on disk yet: restore that version, not
   * the file's. */
  unsaved = upskill_profile_session_find_unsaved (self->session, id);
  if (unsaved != NULL)
    {
      set_archived (self, unsaved, FALSE);
      upskill_profile_session_queue_save (self->session, unsaved);
      return;
    }

  upskill_store_load_async (self->store, id, self->cancellable,
                            on_archived_profile_loaded, g_object_ref (self));
}

static void
show_archived_action (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  g_simple_action_set_state (action, value);
  upskill_profile_list_set_show_archived (self->profiles, g_variant_get_boolean (value));
  upskill_window_reselect (self);
}

static void
undo_delete_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  upskill_window_undo_delete (UPSKILL_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  upskill_profile_session_undo (self->session);
}

/* Files */

typedef void (*FileCallback) (UpskillWindow *self,
                              GFile         *file);

typedef struct
{
  UpskillWindow *self;
  FileCallback   callback;
} FileRequest;

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree FileRequest *request = user_data;
  g_autoptr(UpskillWindow) self = request->self;
  g_autoptr(GFile) file = upskill_choose_file_finish (result, NULL);

  /* No file: the user cancelled, or the window closed. */
  if (file != NULL)
    request->callback (self, file);
}

static void
choose_file (UpskillWindow        *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept_label,
             const char           *current_name,
             const char           *filter_name,
             const char           *mime_type,
             const char           *suffix,
             FileCallback          callback)
{
  g_autoptr(GtkFileFilter) filter = upskill_file_filter_new (filter_name, mime_type, suffix);
  FileRequest *request = g_new0 (FileRequest, 1);

  request->self = g_object_ref (self);
  request->callback = callback;
  upskill_choose_file_async (GTK_WINDOW (self), action, title, accept_label, current_name,
                             filter, self->cancellable, on_file_chosen, request);
}

static GFile *
file_from_parameter (GVariant *parameter)
{
  const char *path = g_variant_get_string (parameter, NULL);

  if (g_str_has_prefix (path, "file:"))
    return g_file_new_for_uri (path);

  return g_file_new_for_path (path);
}

/* Import */

typedef struct
{
  UpskillWindow     *self;
  GFile             *file;
  UpskillProfile    *imported;
  UpskillImportMode  mode;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_clear_object (&request->imported);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRequest, import_request_free)

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  UpskillWindow *self = request->self;
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  profile = upskill_store_import_finish (UPSKILL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (profile == NULL)
    {
      upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  /* Replaced or merged: the listed profile is now this one. */
  if (upskill_window_find_item (self, upskill_profile_get_id (profile), NULL) != NULL)
    {
      upskill_profile_list_update (self->profiles, profile);
      upskill_window_set_profile (self, profile);
      upskill_window_select (self, upskill_profile_get_id (profile));
      upskill_window_show_content (self);
    }
  else
    {
      upskill_window_add_profile (self, profile, FALSE);
    }

  if (request->mode == UPSKILL_IMPORT_MERGE)
    toast = upskill_toast_new_printf (_("Merged the file into “%s”"), upskill_profile_get_name (profile));
  else if (request->mode == UPSKILL_IMPORT_REPLACE)
    toast = upskill_toast_new_printf (_("Replaced “%s” with the file’s version"), upskill_profile_get_name (profile));
  else
    toast = upskill_toast_new_printf (_("Imported “%s”"), upskill_profile_get_name (profile));
  upskill_window_add_toast (self, toast);
}

static void
store_import (UpskillWindow     *self,
              GFile             *file,
              UpskillImportMode  mode)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  request->mode = mode;
  upskill_store_import_async (self->store, file, mode, self->cancellable, on_imported, request);
}

/* The profile shown takes the file's version, or merges it, as one step
 * the window's undo takes back. The autosave then writes it over the
 * version of the file read (a change from elsewhere since is a conflict,
 * not overwritten). */
static void
import_into_shown (UpskillWindow     *self,
                   UpskillProfile    *imported,
                   UpskillImportMode  mode)
{
  UpskillProfile *shown = upskill_window_get_profile (self);
  g_autoptr(UpskillProfile) merged = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (mode == UPSKILL_IMPORT_MERGE)
    {
      merged = upskill_profile_merge (shown, imported, &error);
      if (merged == NULL)
        {
          upskill_window_show_error_toast (self, "%s", error->message);
          return;
        }
      upskill_profile_restore (shown, merged);
      toast = upskill_toast_new_printf (_("Merged the file into “%s”"), upskill_profile_get_name (shown));
    }
  else
    {
      upskill_profile_restore (shown, imported);
      toast = upskill_toast_new_printf (_("Replaced “%s” with the file’s version"), upskill_profile_get_name (shown));
    }

  upskill_toast_add_undo (toast);
  upskill_window_add_toast (self, toast);
}

static void
on_import_choice (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  UpskillWindow *self = request->self;
  UpskillProfile *shown = upskill_window_get_profile (self);
  UpskillImportMode mode;

  if (g_str_equal (response, "merge"))
    mode = UPSKILL_IMPORT_MERGE;
  else if (g_str_equal (response, "replace"))
    mode = UPSKILL_IMPORT_REPLACE;
  else if (g_str_equal (response, "keep-both"))
    mode = UPSKILL_IMPORT_KEEP_BOTH;
  else
    return;

  if (self->closed)
    return;

  if (mode != UPSKILL_IMPORT_KEEP_BOTH && shown != NULL &&
      g_str_equal (upskill_profile_get_id (shown), upskill_profile_get_id (request->imported)))
    import_into_shown (self, request->imported, mode);
  else
    store_import (self, request->file, mode);
}

/* The file holds a profile that is already here (exported or synced
 * from here before): never a silent second copy. */
static void
ask_import_choice (ImportRequest      *request,
                   UpskillProfileItem *item)
{
  AdwMessageDialog *dialog;
  const char *name = upskill_profile_item_get_name (item);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (request->self), NULL, NULL));
  /* Translators: the heading of the dialog when an imported profile is
   * already in Upskill; %s is its name */
  adw_message_dialog_format_heading (dialog, _("“%s” Is Already Here"),
                                     name != NULL ? name : upskill_profile_get_name (request->imported));
  adw_message_dialog_set_body (dialog,
                               _("The file holds a version of a profile Upskill already has. "
                                 "Merge keeps the history, notes, evidence and plan steps of both; "
                                 "Replace puts the file’s version in its place; "
                                 "Keep Both adds the file as a second profile."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "keep-both", _("_Keep Both"),
                                    "replace", _("_Replace"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_choice), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  UpskillWindow *self = request->self;
  UpskillProfileItem *item;

  request->imported = upskill_store_read_import_finish (UPSKILL_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (request->imported == NULL)
    {
      upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  item = upskill_window_find_item (self, upskill_profile_get_id (request->imported), NULL);
  if (item == NULL)
    {
      /* Taken meanwhile (another process): the import says so. */
      store_import (self, request->file, UPSKILL_IMPORT_REFUSE);
      return;
    }

  ask_import_choice (g_steal_pointer (&request), item);
}

static void
import_file (UpskillWindow *self,
             GFile         *file)
{
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  upskill_store_read_import_async (self->store, file, self->cancellable, on_import_read, request);
}

static void
import_profile_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  choose_file (UPSKILL_WINDOW (user_data), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("Import Profile"), _("_Import"), NULL,
               _("Upskill profiles"), "application/json", "json",
               import_file);
}

static void
import_profile_from_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_autoptr(GFile) file = file_from_parameter (parameter);

  import_file (UPSKILL_WINDOW (user_data), file);
}

/* Export profile */

typedef struct
{
  UpskillWindow *self;
  GFile         *destination;
} ExportRequest;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree ExportRequest *request = user_data;
  g_autoptr(UpskillWindow) self = request->self;
  g_autoptr(GFile) destination = request->destination;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = upskill_file_dup_display_name (destination);

  if (!upskill_store_export_finish (UPSKILL_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  upskill_window_add_toast (self, upskill_toast_new_printf (_("Profile exported to “%s”"), basename));
}

static void
export_profile_to (UpskillWindow *self,
                   GFile         *destination)
{
  ExportRequest *request;

  if (upskill_window_get_profile (self) == NULL)
    return;

  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->destination = g_object_ref (destination);
  upskill_store_export_async (self->store, upskill_window_get_profile (self), destination,
                              self->cancellable, on_exported, request);
}

static void
export_profile_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  g_autofree char *name = NULL;

  if (upskill_window_get_profile (self) == NULL)
    return;

  name = g_strconcat (upskill_profile_get_id (upskill_window_get_profile (self)), ".json", NULL);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE,
               _("Export Profile"), _("_Export"), name,
               _("Upskill profiles"), "application/json", "json",
               export_profile_to);
}

static void
export_profile_to_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_autoptr(GFile) file = file_from_parameter (parameter);

  export_profile_to (UPSKILL_WINDOW (user_data), file);
}

/* Export report */

typedef struct
{
  UpskillWindow *self;
  GFile         *destination;
  char          *coach_name;
  char          *coach_contact;
} ReportData;

static void
report_data_free (ReportData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->destination);
  g_free (data->coach_name);
  g_free (data->coach_contact);
  g_free (data);
}

static void
on_report_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReportData *data = user_data;
  UpskillWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = upskill_file_dup_display_name (data->destination);

  if (!upskill_report_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upskill_window_show_error_toast (self, "%s", error->message);
    }
  else if (!self->closed)
    {
      g_autofree char *uri = g_file_get_uri (data->destination);
      AdwToast *toast = upskill_toast_new_printf (_("Report saved as “%s”"), basename);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      upskill_window_add_toast (self, toast);
    }

  report_data_free (data);
}

static void
export_report_to (UpskillWindow *self,
                  GFile         *destination)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  UpskillReportOptions options;
  ReportData *data;

  if (upskill_window_get_profile (self) == NULL || application == NULL)
    return;

  data = g_new0 (ReportData, 1);
  data->self = g_object_ref (self);
  data->destination = g_object_ref (destination);
  data->coach_name = g_settings_get_string (self->settings, "coach-name");
  data->coach_contact = g_settings_get_string (self->settings, "coach-contact");

  /* What the Export Report dialog chose last. */
  upskill_report_options_init (&options);
  upskill_report_options_from_settings (self->settings, &options);
  options.coach_name = data->coach_name;
  options.coach_contact = data->coach_contact;

  upskill_report_write_async (upskill_window_get_profile (self), self->catalog,
                              upskill_application_get_trends (UPSKILL_APPLICATION (application)),
                              &options, destination, self->cancellable,
                              on_report_written, data);
}

/* The options first, remembered for the next time; then the file. */
static void
on_report_options_chosen (UpskillReportOptionsDialog *dialog,
                          const char                 *response,
                          UpskillWindow              *self)
{
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export") || upskill_window_get_profile (self) == NULL)
    return;

  upskill_report_options_dialog_save (dialog);
  name = upskill_report_suggest_name (upskill_window_get_profile (self), 0);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE,
               _("Export Report"), _("_Export"), name,
               _("PDF documents"), "application/pdf", "pdf",
               export_report_to);
}

static void
export_report_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  UpskillReportOptionsDialog *dialog;

  if (upskill_window_get_profile (self) == NULL)
    return;

  dialog = upskill_report_options_dialog_new (GTK_WINDOW (self), self->settings, 1);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_report_options_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_report_to_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_autoptr(GFile) file = file_from_parameter (parameter);

  export_report_to (UPSKILL_WINDOW (user_data), file);
}

/* Export reports: one per client chosen in the Clients overview */

typedef struct
{
  UpskillWindow *self;
  GStrv          ids;
  GFile         *folder;
  char          *coach_name;
  char          *coach_contact;
} ReportsRequest;

static void
reports_request_free (ReportsRequest *request)
{
  g_clear_object (&request->self);
  g_strfreev (request->ids);
  g_clear_object (&request->folder);
  g_free (request->coach_name);
  g_free (request->coach_contact);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportsRequest, reports_request_free)

static ReportsRequest *
reports_request_new (UpskillWindow      *self,
                     const char * const *ids)
{
  ReportsRequest *request = g_new0 (ReportsRequest, 1);

  request->self = g_object_ref (self);
  request->ids = g_strdupv ((char **) ids);
  return request;
}

static void
on_reports_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ReportsRequest) request = user_data;
  UpskillWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_name = upskill_file_dup_display_name (request->folder);
  guint n_total = g_strv_length (request->ids);
  guint n_written = 0;

  if (!upskill_report_write_batch_finish (result, &n_written, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->closed)
        /* Translators: "2 of 3 reports exported to “Reports”. Could not read “li-wei.json”: …" */
        upskill_window_show_error_toast (self, ngettext ("%u of %u report exported to “%s”. %s",
                                                         "%u of %u reports exported to “%s”. %s", n_total),
                                         n_written, n_total, folder_name, error->message);
    }
  else if (!self->closed)
    {
      g_autofree char *uri = g_file_get_uri (request->folder);
      AdwToast *toast = upskill_toast_new_printf (ngettext ("%u report exported to “%s”",
                                                            "%u reports exported to “%s”", n_written),
                                                  n_written, folder_name);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      upskill_window_add_toast (self, toast);
    }
}

/* Off the main loop: each profile read from its file (the one on screen
 * as it is now), drawn and written on a worker thread. */
static void
export_reports_to (ReportsRequest *request,
                   GFile          *folder)
{
  UpskillWindow *self = request->self;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  UpskillReportOptions options;

  if (self->store == NULL || application == NULL || request->ids[0] == NULL)
    {
      reports_request_free (request);
      return;
    }

  request->folder = g_object_ref (folder);
  request->coach_name = g_settings_get_string (self->settings, "coach-name");
  request->coach_contact = g_settings_get_string (self->settings, "coach-contact");

  upskill_report_options_init (&options);
  upskill_report_options_from_settings (self->settings, &options);
  options.coach_name = request->coach_name;
  options.coach_contact = request->coach_contact;

  upskill_report_write_batch_async (self->store, (const char * const *) request->ids,
                                    upskill_window_get_profile (self), self->catalog,
                                    upskill_application_get_trends (UPSKILL_APPLICATION (application)),
                                    &options, folder, self->cancellable,
                                    on_reports_written, request);
}

static void
on_reports_folder_chosen (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  ReportsRequest *request = user_data;
  g_autoptr(GFile) folder = upskill_choose_file_finish (result, NULL);

  /* No folder: the user cancelled, or the window closed. */
  if (folder == NULL)
    reports_request_free (request);
  else
    export_reports_to (request, folder);
}

static void
on_reports_options_chosen (UpskillReportOptionsDialog *dialog,
                           const char                 *response,
                           ReportsRequest             *request)
{
  UpskillWindow *self = request->self;

  if (!g_str_equal (response, "export") || self->closed)
    return;

  upskill_report_options_dialog_save (dialog);
  upskill_choose_file_async (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                             _("Export Reports"), _("_Export"), NULL, NULL, self->cancellable,
                             on_reports_folder_chosen,
                             reports_request_new (self, (const char * const *) request->ids));
}

static void
reports_request_notify (gpointer  data,
                        GClosure *closure)
{
  reports_request_free (data);
}

/* win.export-reports (as): the ids of the clients. */
static void
export_reports_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  g_autofree const char **ids = g_variant_get_strv (parameter, NULL);
  UpskillReportOptionsDialog *dialog;

  if (self->store == NULL || ids[0] == NULL)
    return;

  dialog = upskill_report_options_dialog_new (GTK_WINDOW (self), self->settings, g_strv_length ((char **) ids));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reports_options_chosen),
                         reports_request_new (self, ids), reports_request_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.export-reports-to ((sas)): into the folder, with the options last
 * chosen, without asking; for tests and scripts driving the window. */
static void
export_reports_to_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_autoptr(GVariant) path = g_variant_get_child_value (parameter, 0);
  g_autoptr(GVariant) ids_variant = g_variant_get_child_value (parameter, 1);
  g_autoptr(GFile) folder = file_from_parameter (path);
  g_autofree const char **ids = g_variant_get_strv (ids_variant, NULL);

  export_reports_to (reports_request_new (UPSKILL_WINDOW (user_data), ids), folder);
}

/* Print */

/* The report's own pages, drawn by the report's code: what prints is
 * what the PDF holds, page for page. */
typedef struct
{
  UpskillWindow      *self;
  UpskillReportPages *pages;
  char               *coach_name;
  char               *coach_contact;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_object_unref (job->self);
  upskill_report_pages_free (job->pages);
  g_free (job->coach_name);
  g_free (job->coach_contact);
  g_free (job);
}

static void
print_job_notify (gpointer  data,
                  GClosure *closure)
{
  print_job_free (data);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = user_data;

  gtk_print_operation_set_n_pages (operation, (int) upskill_report_pages_get_n_pages (job->pages));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  /* The report's page, fitted to the sheet the user chose (A4 drawn on
   * Letter shrinks a little rather than losing its edge). */
  upskill_report_pages_get_size (job->pages, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  upskill_report_pages_draw (job->pages, cr, (guint) page_nr);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (!job->self->closed)
        upskill_window_show_error_toast (job->self, _("Could not print the report: %s"),
                                         error ? error->message : _("the printing system gave no reason"));
    }
}

static void
print_report (UpskillWindow *self,
              GFile         *export_file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  UpskillReportOptions options;
  PrintJob *job;
  double width, height;
  GtkPrintOperationResult result;

  if (upskill_window_get_profile (self) == NULL || application == NULL)
    return;

  job = g_new0 (PrintJob, 1);
  job->self = g_object_ref (self);
  job->coach_name = g_settings_get_string (self->settings, "coach-name");
  job->coach_contact = g_settings_get_string (self->settings, "coach-contact");

  upskill_report_options_init (&options);
  options.paper = (UpskillPaper) g_settings_get_enum (self->settings, "paper-size");
  options.coach_name = job->coach_name;
  options.coach_contact = job->coach_contact;
  job->pages = upskill_report_pages_new (upskill_window_get_profile (self), self->catalog,
                                         upskill_application_get_trends (UPSKILL_APPLICATION (application)),
                                         &options);

  /* The report's paper as the dialog's first choice. */
  upskill_report_pages_get_size (job->pages, &width, &height);
  paper = gtk_paper_size_new (width > 600 ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The report has its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  {
    g_autofree char *title = g_strdup_printf (_("Upskill progress report: %s"),
                                              upskill_profile_get_name (upskill_window_get_profile (self)));

    gtk_print_operation_set_job_name (operation, title);
  }
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_print_done), job,
                         print_job_notify, 0);

  if (export_file != NULL)
    {
      g_autofree char *path = g_file_get_path (export_file);

      gtk_print_operation_set_export_filename (operation, path);
    }

  /* GTK's dialog brings the printers, the page setup and the preview. */
  result = gtk_print_operation_run (operation,
                                    export_file ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    upskill_window_show_error_toast (self, _("Could not print the report: %s"), error->message);
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  print_report (UPSKILL_WINDOW (user_data), NULL);
}

/* Prints to a PDF file without a dialog, as the dialog's "Print to File"
 * does: for tests and scripts driving the window. */
static void
print_to_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  g_autoptr(GFile) file = file_from_parameter (parameter);

  print_report (UPSKILL_WINDOW (user_data), file);
}

/* Opening files and folders */

static void
on_uri_launched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UpskillWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    upskill_window_show_error_toast (self, _("Could not open it: %s"), error->message);
}

static void
open_uri (UpskillWindow *self,
          const char    *uri)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_uri_launched, g_object_ref (self));
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  open_uri (UPSKILL_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
open_profiles_folder_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);
  g_autofree char *uri = g_file_get_uri (upskill_store_get_profiles_dir (self->store));

  open_uri (self, uri);
}

/* Samples */

static void
on_samples_added (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UpskillWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!upskill_store_add_samples_finish (UPSKILL_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upskill_window_show_error_toast (self, "%s", error->message);
      return;
    }

  upskill_window_reload (self, NULL);
  /* They are in the real data folder now, beside what comes later: said
   * once, so that nobody mistakes them for their own. */
  upskill_window_add_toast (self, upskill_toast_new (_("The sample profiles are now among your profiles: delete them whenever you like")));
}

static void
add_samples_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  upskill_store_add_samples_async (self->store, self->cancellable, on_samples_added, g_object_ref (self));
}

/* Navigation */

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  /* Nothing to search on the first-run page. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  upskill_window_show_page (UPSKILL_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static void
show_content_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  if (self->selected_id != NULL)
    upskill_window_show_content (self);
}

static void
show_sidebar_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* The Clients overview: a page of its own, listed afresh each time it
 * opens; activating a client opens their profile. */
static void
show_clients_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  g_object_set (self->clients_view, "store", self->store, "catalog", self->catalog, NULL);
  upskill_clients_view_reload (UPSKILL_CLIENTS_VIEW (self->clients_view));
  gtk_stack_set_visible_child_name (self->main_stack, "clients");
  gtk_widget_grab_focus (self->clients_view);
}

static void
close_clients_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
client_activated_cb (UpskillWindow *self,
                     const char    *id)
{
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  upskill_window_select (self, id);
  upskill_window_show_content (self);
}

/* The order of the profile list */

static void
profile_sort_changed_cb (UpskillWindow *self)
{
  UpskillProfileSort order = g_settings_get_enum (self->settings, "profile-sort");
  g_autofree char *nick = g_settings_get_string (self->settings, "profile-sort");
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "profile-sort");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (nick));
  upskill_profile_list_set_sort (self->profiles, order);
}

static void
profile_sort_action (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  UpskillWindow *self = UPSKILL_WINDOW (user_data);

  /* An order the setting does not know is refused there. */
  g_settings_set_string (self->settings, "profile-sort", g_variant_get_string (value, NULL));
}

/* Not g_settings_create_action(): in the tests, its action still
 * reported a change of the setting to the action group of a window
 * already closed, and crashed. */
void
upskill_window_follow_profile_sort (UpskillWindow *self)
{
  g_autofree char *nick = NULL;
  g_autoptr(GSimpleAction) action = NULL;

  g_return_if_fail (UPSKILL_IS_WINDOW (self));
  g_return_if_fail (self->settings != NULL);

  nick = g_settings_get_string (self->settings, "profile-sort");
  action = g_simple_action_new_stateful ("profile-sort", G_VARIANT_TYPE_STRING, g_variant_new_string (nick));
  g_signal_connect_object (action, "change-state", G_CALLBACK (profile_sort_action), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  g_signal_connect_object (self->settings, "changed::profile-sort",
                           G_CALLBACK (profile_sort_changed_cb), self, G_CONNECT_SWAPPED);
  profile_sort_changed_cb (self);
}

static const GActionEntry action_entries[] = {
  { "new-profile", new_profile_action },
  { "create-own-profile", create_own_profile_action },
  { "edit-profile", edit_profile_action },
  { "duplicate-profile", duplicate_profile_action },
  { "delete-profile", delete_profile_action },
  { "undo-delete", undo_delete_action, "s" },
  { "archive-profile", archive_profile_action },
  { "restore-profile", restore_profile_action },
  { "unarchive-profile", unarchive_profile_action, "s" },
  { "show-archived", NULL, NULL, "false", show_archived_action },
  { "undo", undo_action },
  { "import-profile", import_profile_action },
  { "import-profile-from", import_profile_from_action, "s" },
  { "export-profile", export_profile_action },
  { "export-profile-to", export_profile_to_action, "s" },
  { "export-report", export_report_action },
  { "export-report-to", export_report_to_action, "s" },
  { "export-reports", export_reports_action, "as" },
  { "export-reports-to", export_reports_to_action, "(sas)" },
  { "print", print_action },
  { "print-to", print_to_action, "s" },
  { "open-uri", open_uri_action, "s" },
  { "open-profiles-folder", open_profiles_folder_action },
  { "add-samples", add_samples_action },
  { "search", search_action },
  { "show-page", show_page_action, "s" },
  { "show-content", show_content_action },
  { "show-sidebar", show_sidebar_action },
  { "show-clients", show_clients_action },
  { "close-clients", close_clients_action },
};

void
upskill_window_add_actions (UpskillWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  g_signal_connect_object (self->clients_view, "client-activated",
                           G_CALLBACK (client_activated_cb), self, G_CONNECT_SWAPPED);
}
