/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-profile-list.h"
#include "upskill-profile-session.h"
#include "upskill-store.h"
#include "upskill-test-utils.h"

/* The sidebar's profile list without a window: what it shows, in which
 * order, and that every change it announces is the change it made (a
 * list view that follows "items-changed" shows the same rows). */

typedef struct
{
  UpskillTestStore    data;
  UpskillProfileList *list;
  GPtrArray          *mirror;   /* what a view following the list holds */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);

  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
}

/* A profile file last changed @days_ago days before 2026-01-31. */
static void
save_profile (Fixture    *fixture,
              const char *id,
              const char *name,
              const char *current_role,
              guint       days_ago)
{
  g_autofree char *folder = g_build_filename (fixture->data.dir, "profiles", NULL);
  g_autofree char *file_name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  json = g_strdup_printf ("{\n"
                          "  \"format\": \"upskill-profile\", \"version\": 1,\n"
                          "  \"id\": \"%s\", \"name\": \"%s\", \"kind\": \"client\",\n"
                          "  \"current_role\": \"%s\", \"weekly_hours\": 4,\n"
                          "  \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-%02uT00:00:00Z\",\n"
                          "  \"skills\": {}, \"history\": [], \"plan\": [], \"notes\": []\n"
                          "}\n",
                          id, name, current_role, 31 - days_ago);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  upskill_test_store_set_up (&fixture->data, "upskill-profile-list-XXXXXX");
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
make_list (Fixture               *fixture,
           UpskillProfileSession *session)
{
  fixture->list = upskill_profile_list_new (fixture->data.store, NULL, session);
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->mirror);
  if (fixture->list != NULL)
    g_assert_finalize_object (fixture->list);
  upskill_test_store_tear_down (&fixture->data);
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (upskill_profile_list_reload_finish (UPSKILL_PROFILE_LIST (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
reload (Fixture *fixture)
{
  gboolean done = FALSE;

  upskill_profile_list_reload_async (fixture->list, NULL, on_reloaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (upskill_profile_list_get_loaded (fixture->list));
}

/* The ids shown, in order, joined by spaces; checks the mirror too. */
static char *
shown (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->list);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (fixture->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UpskillProfileItem) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (fixture->mirror, i));
      g_assert_cmpuint (upskill_profile_list_get_position (fixture->list, upskill_profile_item_get_id (item)), ==, i);
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, upskill_profile_item_get_id (item));
    }
  g_assert_null (g_list_model_get_item (model, n));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_shown(fixture, expected) \
  G_STMT_START { \
    g_autofree char *_shown = shown (fixture); \
    g_assert_cmpstr (_shown, ==, expected); \
  } G_STMT_END

static void
test_sort_and_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UpskillProfile) li = NULL;
  g_autoptr(GError) error = NULL;

  save_profile (fixture, "dana", "Dana Okafor", "Data Analyst", 3);
  save_profile (fixture, "li", "Li Wei", "Backend Developer", 2);
  save_profile (fixture, "maria", "María González", "Data Engineer", 1);
  make_list (fixture, NULL);

  g_assert_false (upskill_profile_list_get_loaded (fixture->list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->list)) == UPSKILL_TYPE_PROFILE_ITEM);

  reload (fixture);
  assert_shown (fixture, "maria li dana");
  g_assert_cmpuint (upskill_profile_list_get_n_profiles (fixture->list), ==, 3);

  /* Every word, in the name or the role, without case or accents
   * mattering as the items define it. */
  upskill_profile_list_set_search (fixture->list, "  data ");
  g_assert_cmpstr (upskill_profile_list_get_search (fixture->list), ==, "data");
  assert_shown (fixture, "maria dana");
  g_assert_cmpuint (upskill_profile_list_get_position (fixture->list, "li"), ==, G_MAXUINT);
  g_assert_nonnull (upskill_profile_list_find (fixture->list, "li"));
  g_assert_cmpuint (upskill_profile_list_get_n_profiles (fixture->list), ==, 3);

  upskill_profile_list_set_search (fixture->list, "data engineer");
  assert_shown (fixture, "maria");
  upskill_profile_list_set_search (fixture->list, "nobody");
  assert_shown (fixture, "");
  upskill_profile_list_set_search (fixture->list, "   ");
  g_assert_null (upskill_profile_list_get_search (fixture->list));
  assert_shown (fixture, "maria li dana");

  /* A saved profile is the newest: it moves to the top, and follows
   * the search by its new words. */
  li = upskill_store_load (fixture->data.store, "li", NULL, &error);
  g_assert_no_error (error);
  upskill_profile_set_current_role (li, "Data Scientist");
  g_assert_true (upskill_profile_list_update (fixture->list, li));
  assert_shown (fixture, "li maria dana");

  upskill_profile_list_set_search (fixture->list, "data");
  assert_shown (fixture, "li maria dana");
  upskill_profile_set_current_role (li, "Backend Developer");
  upskill_profile_list_update (fixture->list, li);
  assert_shown (fixture, "maria dana");
  upskill_profile_set_current_role (li, "Data Platform");
  upskill_profile_list_update (fixture->list, li);
  assert_shown (fixture, "li maria dana");
  upskill_profile_list_set_search (fixture->list, NULL);
  assert_shown (fixture, "li maria dana");
}

static void
test_add_remove_find (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UpskillProfile) new_profile = upskill_profile_new ("zoe", "Zoe");
  g_autoptr(UpskillProfileItem) removed = NULL;
  UpskillProfileItem *item;

  save_profile (fixture, "dana", "Dana Okafor", "Data Analyst", 3);
  save_profile (fixture, "li", "Li Wei", "Backend Developer", 2);
  make_list (fixture, NULL);
  reload (fixture);
  assert_shown (fixture, "li dana");

  item = upskill_profile_list_add_profile (fixture->list, new_profile);
  g_assert_cmpstr (upskill_profile_item_get_id (item), ==, "zoe");
  g_assert_true (upskill_profile_list_find (fixture->list, "zoe") == item);
  assert_shown (fixture, "zoe li dana");

  /* Taken out for a deletion's undo, and put back where it sorts. */
  removed = upskill_profile_list_remove (fixture->list, "li");
  g_assert_nonnull (removed);
  g_assert_null (upskill_profile_list_find (fixture->list, "li"));
  g_assert_null (upskill_profile_list_remove (fixture->list, "li"));
  assert_shown (fixture, "zoe dana");
  upskill_profile_list_add (fixture->list, removed);
  assert_shown (fixture, "zoe li dana");

  /* Hidden by the search: added and removed all the same. */
  upskill_profile_list_set_search (fixture->list, "dana");
  g_clear_object (&removed);
  removed = upskill_profile_list_remove (fixture->list, "li");
  g_assert_nonnull (removed);
  assert_shown (fixture, "dana");
  upskill_profile_list_add (fixture->list, removed);
  assert_shown (fixture, "dana");
  g_assert_cmpuint (upskill_profile_list_get_n_profiles (fixture->list), ==, 3);

  g_assert_null (upskill_profile_list_find (fixture->list, "nobody"));
  g_assert_null (upskill_profile_list_find (fixture->list, NULL));
  g_assert_cmpuint (upskill_profile_list_get_position (fixture->list, NULL), ==, G_MAXUINT);
}

/* A reload leaves out deletions waiting for their undo, and keeps the
 * session's new profile whose first save has not landed yet. */
static void
test_reload_with_session (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(UpskillProfileSession) session = upskill_profile_session_new (fixture->data.store);
  g_autoptr(UpskillProfile) new_profile = upskill_profile_new ("zoe", "Zoe");

  save_profile (fixture, "dana", "Dana Okafor", "Data Analyst", 3);
  save_profile (fixture, "li", "Li Wei", "Backend Developer", 2);
  make_list (fixture, session);
  reload (fixture);
  assert_shown (fixture, "li dana");

  upskill_profile_session_delete_later (session, "li");
  upskill_profile_session_set_profile (session, new_profile);
  reload (fixture);
  assert_shown (fixture, "zoe dana");
  g_assert_cmpuint (upskill_profile_list_get_n_profiles (fixture->list), ==, 2);

  /* Undone: the next listing has it again. */
  upskill_profile_session_undo_delete (session, "li");
  reload (fixture);
  assert_shown (fixture, "zoe li dana");

  upskill_profile_session_set_profile (session, NULL);
  g_assert_finalize_object (g_steal_pointer (&fixture->list));
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* Archived profiles are out of the list unless asked for, as read from
 * their files, from the store's index, and once archived here. */
static void
test_archived_hidden (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *li_path = g_build_filename (fixture->data.dir, "profiles", "li.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) archived_json = NULL;
  g_autoptr(UpskillProfile) dana = NULL;
  g_autoptr(UpskillStore) second_store = NULL;
  g_autoptr(UpskillProfileList) second_list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  save_profile (fixture, "dana", "Dana Okafor", "Data Analyst", 3);
  save_profile (fixture, "li", "Li Wei", "Backend Developer", 2);
  save_profile (fixture, "zoe", "Zoe Adams", "Designer", 1);
  /* Written by hand, as a file from another device would be. */
  g_assert_true (g_file_get_contents (li_path, &json, NULL, NULL));
  archived_json = g_string_new (json);
  g_assert_cmpuint (g_string_replace (archived_json, "\"kind\": \"client\",",
                                      "\"kind\": \"client\", \"archived\": true,", 1), ==, 1);
  g_assert_true (g_file_set_contents (li_path, archived_json->str, -1, NULL));

  make_list (fixture, NULL);
  reload (fixture);
  assert_shown (fixture, "zoe dana");
  g_assert_cmpuint (upskill_profile_list_get_n_profiles (fixture->list), ==, 3);
  g_assert_nonnull (upskill_profile_list_find (fixture->list, "li"));
  g_assert_cmpuint (upskill_profile_list_get_position (fixture->list, "li"), ==, G_MAXUINT);

  upskill_profile_list_set_show_archived (fixture->list, TRUE);
  assert_shown (fixture, "zoe li dana");
  upskill_profile_list_set_show_archived (fixture->list, FALSE);
  assert_shown (fixture, "zoe dana");

  /* Archived here: hidden at once, saved, still hidden once listed
   * again from the index. */
  dana = upskill_store_load (fixture->data.store, "dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (upskill_profile_get_archived (dana));
  upskill_profile_set_archived (dana, TRUE);
  g_assert_true (upskill_profile_list_update (fixture->list, dana));
  assert_shown (fixture, "zoe");
  g_assert_true (upskill_store_save (fixture->data.store, dana, NULL, &error));
  g_assert_no_error (error);
  reload (fixture);
  assert_shown (fixture, "zoe");

  second_store = upskill_store_new (fixture->data.data_dir, NULL);
  second_list = upskill_profile_list_new (second_store, NULL, NULL);
  upskill_profile_list_reload_async (second_list, NULL, on_reloaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second_list)), ==, 1);
  g_assert_cmpuint (upskill_profile_list_get_n_profiles (second_list), ==, 3);

  /* Restored: changed last, so first. */
  upskill_profile_set_archived (dana, FALSE);
  g_assert_true (upskill_profile_list_update (fixture->list, dana));
  assert_shown (fixture, "dana zoe");

  g_assert_finalize_object (g_steal_pointer (&second_list));
  upskill_test_wait_for_release (second_store);
  g_assert_finalize_object (g_steal_pointer (&second_store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/upskill/profile-list/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sort-and-search", test_sort_and_search);
  ADD ("add-remove-find", test_add_remove_find);
  ADD ("reload-with-session", test_reload_with_session);
  ADD ("archived-hidden", test_archived_hidden);

  return g_test_run ();
}
