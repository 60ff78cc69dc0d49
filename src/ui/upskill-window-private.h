/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upskill-after-frame.h"
#include "upskill-clients-view.h"
#include "upskill-conflict-bar.h"
#include "upskill-profile-item.h"
#include "upskill-profile-list.h"
#include "upskill-profile-session.h"
#include "upskill-window.h"

G_BEGIN_DECLS

/* Shared by upskill-window.c (template, pages, titles, toasts),
 * upskill-window-profiles.c (the sidebar's list, search and loading),
 * upskill-window-state.c (state remembered, closing),
 * upskill-window-feed.c (the application's trend data and feed),
 * upskill-window-sync.c (conflicts with other devices) and
 * upskill-window-actions.c (menus, dialogs, files); the profile, its
 * undo and saves live in the session, the list in UpskillProfileList.
 * The tests use the accessors at the end. */

struct _UpskillWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkSpinner           *sidebar_spinner;
  GtkListView          *list_view;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *content_stack;
  GtkSpinner           *content_spinner;
  AdwViewStack         *view_stack;
  AdwStatusPage        *unreadable_page;
  GtkLabel             *unreadable_file_label;
  GtkWidget            *trends_page;
  GtkWidget            *skills_page;
  GtkWidget            *plan_page;
  GtkWidget            *progress_page;
  GtkWidget            *clients_view;
  GtkWidget            *conflict_bar;

  UpskillCatalog       *catalog;
  UpskillStore         *store;
  GSettings            *settings;

  /* The profile list: every item, filtered by the search, newest change
   * first. */
  UpskillProfileList   *profiles;
  /* The first of the profiles, as many as the list view has rows for:
   * more after each frame (see upskill_window_setup_profile_list). */
  GtkSliceListModel    *rows;
  UpskillAfterFrame     more_rows;
  UpskillAfterFrame     scroll_to_selected;
  GtkSingleSelection   *selection;
  gboolean              listed;        /* the first listing has arrived */

  GCancellable         *cancellable;      /* listing; cancelled on close */
  GCancellable         *load_cancellable; /* the profile being loaded */
  char                 *selected_id;      /* selected, maybe still loading */
  char                 *wanted_id;        /* to select once listed */

  /* The profile on the pages, its undo stack, autosave and disk queue. */
  UpskillProfileSession *session;
  GSignalGroup         *profile_signals;
  GBindingGroup        *application_bindings; /* trends, feed-error */
  GSignalGroup         *application_signals;  /* the feed's results */
  GSimpleAction        *archive_action;       /* the action map's */
  GSimpleAction        *restore_action;
  gboolean              closing;
  gboolean              closed;

  /* The undo toasts of deleted profiles, by id; each holds the list item
   * to put back ("upskill-profile-item"). */
  GHashTable           *delete_toasts;
  /* The names of profiles whose deletion was confirmed, by id, until
   * the file is gone (the toast says if it was not to the Trash). */
  GHashTable           *deleting_names;
};

/* upskill-window.c */
void                upskill_window_show_content         (UpskillWindow  *self);
void                upskill_window_flush_save           (UpskillWindow  *self);
void                upskill_window_set_profile          (UpskillWindow  *self,
                                                         UpskillProfile *profile);
void                upskill_window_show_error_toast     (UpskillWindow  *self,
                                                         const char     *format,
                                                         ...) G_GNUC_PRINTF (2, 3);

void                upskill_window_update_stacks        (UpskillWindow  *self);

/* upskill-window-profiles.c */
UpskillProfileItem *upskill_window_find_item            (UpskillWindow  *self,
                                                         const char     *id,
                                                         guint          *out_position);
void                upskill_window_add_profile          (UpskillWindow  *self,
                                                         UpskillProfile *profile,
                                                         gboolean        save);
void                upskill_window_select               (UpskillWindow  *self,
                                                         const char     *id);
void                upskill_window_reselect             (UpskillWindow  *self);
/* The row of the profile on the pages selected again, if it is listed. */
void                upskill_window_keep_selection       (UpskillWindow  *self);
void                upskill_window_set_selected         (UpskillWindow  *self,
                                                         guint           position);
void                upskill_window_reload               (UpskillWindow  *self,
                                                         const char     *select_id);
void                upskill_window_class_bind_profile_callbacks (GtkWidgetClass *widget_class);
void                upskill_window_init_profile_list    (UpskillWindow  *self);
void                upskill_window_setup_profile_list   (UpskillWindow  *self);

/* upskill-window-state.c */
void                upskill_window_restore_state        (UpskillWindow  *self);
/* On close-request: TRUE if the window stays, hidden, until what waits
 * is on disk. */
gboolean            upskill_window_begin_closing        (UpskillWindow  *self);

/* upskill-window-feed.c */
/* Binds the pages to the application's trends, and says what its checks
 * of the trend feed found. */
void                upskill_window_follow_application   (UpskillWindow  *self);

/* upskill-window-sync.c */
void                upskill_window_setup_sync           (UpskillWindow  *self);
/* TRUE if @error is a save refused because the file changed or vanished
 * elsewhere, now shown in the banner with the user's choices. */
gboolean            upskill_window_handle_save_conflict (UpskillWindow  *self,
                                                         UpskillProfile *profile,
                                                         const GError   *error);
void                upskill_window_show_conflict        (UpskillWindow       *self,
                                                         UpskillConflictKind  kind);
void                upskill_window_hide_conflict        (UpskillWindow  *self);
/* Another profile is shown: the banner goes, and the new one's conflict
 * copies, if any, bring it back. */
void                upskill_window_sync_profile_shown   (UpskillWindow  *self);

/* upskill-window-actions.c */
void                upskill_window_add_actions          (UpskillWindow  *self);
/* Binds the actions' "enabled" to the session's state. */
void                upskill_window_bind_actions         (UpskillWindow  *self);
/* Adds win.profile-sort, which sorts the list as the "profile-sort"
 * setting says, and remembers a change in it. */
void                upskill_window_follow_profile_sort  (UpskillWindow  *self);
void                upskill_window_delete_profile       (UpskillWindow  *self,
                                                         const char     *id);
void                upskill_window_on_profile_deleted   (UpskillWindow  *self,
                                                         const char     *id,
                                                         gboolean        trashed);
gboolean            upskill_window_undo_delete          (UpskillWindow  *self,
                                                         const char     *id);
void                upskill_window_clear_deletes        (UpskillWindow  *self);

/* For the tests */
GListModel         *upskill_window_get_visible_profiles (UpskillWindow  *self);
AdwToast           *upskill_window_get_delete_toast     (UpskillWindow  *self,
                                                         const char     *id);
/* TRUE while a save or deletion is waiting or running. */
gboolean            upskill_window_is_busy              (UpskillWindow  *self);
gboolean            upskill_window_is_loading           (UpskillWindow  *self);

G_END_DECLS
