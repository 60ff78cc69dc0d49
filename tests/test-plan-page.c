/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "upskill-catalog.h"
#include "upskill-level.h"
#include "upskill-module-chooser.h"
#include "upskill-plan-page.h"
#include "upskill-planner.h"
#include "upskill-profile.h"
#include "upskill-readiness.h"
#include "upskill-progress.h"
#include "upskill-step-dialog.h"
#include "upskill-step-item.h"
#include "upskill-step-row.h"
#include "upskill-test-ui.h"
#include "upskill-trends.h"

/* The Plan page, driven through its actions and widgets as a user would. */

typedef struct
{
  GtkWindow       *window;
  UpskillPlanPage *page;
  UpskillProfile  *profile;
  UpskillCatalog  *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *sample = user_data;
  g_autoptr(UpskillTrends) trends = NULL;

  fixture->catalog = upskill_catalog_get_default ();
  trends = upskill_trends_new_bundled (fixture->catalog);
  fixture->profile = sample != NULL ? upskill_test_load_sample (sample) : NULL;

  fixture->page = g_object_new (UPSKILL_TYPE_PLAN_PAGE,
                                "catalog", fixture->catalog,
                                "trends", trends,
                                "profile", fixture->profile,
                                NULL);
  fixture->window = upskill_test_show_page (GTK_WIDGET (fixture->page), 900, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  upskill_test_close_window (fixture->window);
  g_clear_object (&fixture->profile);
}

static gpointer
get_child (Fixture    *fixture,
           const char *name)
{
  return upskill_test_template_child (GTK_WIDGET (fixture->page), UPSKILL_TYPE_PLAN_PAGE, name);
}

/* The step items the list shows, in its order. */
static GPtrArray *
get_step_items (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (get_child (fixture, "steps_view")));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (UPSKILL_IS_STEP_ITEM (item))
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return items;
}

static void
collect_step_rows (GtkWidget *widget,
                   GPtrArray *rows)
{
  if (UPSKILL_IS_STEP_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_step_rows (child, rows);
}

/* The step rows built: those in sight, and a few around them. */
static GPtrArray *
get_step_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_step_rows (get_child (fixture, "steps_view"), rows);
  return rows;
}

/* The row of @step_id, scrolled into sight. */
static GtkWidget *
get_step_row (Fixture    *fixture,
              const char *step_id)
{
  g_autoptr(GPtrArray) items = get_step_items (fixture);
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (upskill_step_item_get_step_id (g_ptr_array_index (items, i)), step_id))
      gtk_widget_activate_action (get_child (fixture, "steps_view"), "list.scroll-to-item", "u", i + 1);
  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);

  rows = get_step_rows (fixture);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (rows, i))
        && g_str_equal (upskill_step_row_get_step_id (g_ptr_array_index (rows, i)), step_id))
      return g_ptr_array_index (rows, i);

  return NULL;
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  upskill_test_activate (GTK_WIDGET (fixture->page), action, parameter);
}

/* The steps shown are the profile's, in its order. */
static void
assert_rows_match_plan (Fixture *fixture)
{
  g_autoptr(GPtrArray) items = get_step_items (fixture);
  GPtrArray *plan = upskill_profile_get_plan (fixture->profile);

  g_assert_cmpuint (items->len, ==, plan->len);
  for (guint i = 0; i < plan->len; i++)
    {
      const UpskillStepView *view = upskill_step_item_get_view (g_ptr_array_index (items, i));

      g_assert_cmpstr (view->step_id, ==, ((UpskillPlanStep *) g_ptr_array_index (plan, i))->id);
      g_assert_cmpuint (view->position, ==, i);
    }
}

static void
test_steps_in_plan_order (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GPtrArray *plan;
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  guint checked = 0;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "stack")), ==, "plan");
  assert_rows_match_plan (fixture);

  /* A fresh plan: every prerequisite still needed comes before its dependant. */
  upskill_profile_set_plan (fixture->profile,
                            g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free));
  upskill_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "path_stack")), ==, "empty");
  activate (fixture, "plan.regenerate", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "path_stack")), ==, "steps");
  assert_rows_match_plan (fixture);

  plan = upskill_profile_get_plan (fixture->profile);
  g_assert_cmpuint (plan->len, >, 3);
  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (step->module_id != NULL)
        g_hash_table_insert (positions, step->module_id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *module = upskill_catalog_find_module (fixture->catalog, step->module_id);

      for (guint j = 0; module != NULL && module->prerequisites != NULL && j < module->prerequisites->len; j++)
        {
          UpskillModule *prerequisite = g_ptr_array_index (module->prerequisites, j);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, prerequisite->id));

          if (position != 0)
            {
              g_assert_cmpuint (position - 1, <, i);
              checked++;
            }
        }
    }
  /* The sample plan has prerequisites to check at all. */
  g_assert_cmpuint (checked, >, 0);

  /* No warning about the order. */
  g_assert_false (gtk_revealer_get_reveal_child (get_child (fixture, "order_revealer")));
}

static guint
hand_sum_of_hours (Fixture *fixture)
{
  GPtrArray *plan = upskill_profile_get_plan (fixture->profile);
  guint sum = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *module;

      if (step->status == UPSKILL_STEP_DONE || step->status == UPSKILL_STEP_SKIPPED)
        continue;

      if (step->module_id == NULL)
        {
          sum += step->hours;
          continue;
        }

      module = upskill_catalog_find_module (fixture->catalog, step->module_id);
      if (module != NULL)
        sum += module->hours;
    }

  return sum;
}

static void
test_hours_sum (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *expected = g_strdup_printf ("%u", hand_sum_of_hours (fixture));

  g_assert_cmpuint (hand_sum_of_hours (fixture), >, 0);
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "hours_label")), ==, expected);
}

/* Today + the days of every remaining step (hours × 7 / weekly hours,
 * rounded up, at least one) - 1, as the page words it. */
static char *
hand_ready_by (Fixture *fixture,
               double   weekly_hours)
{
  GPtrArray *plan = upskill_profile_get_plan (fixture->profile);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (now),
                                                     g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now),
                                                     12, 0, 0);
  g_autoptr(GDateTime) finish = NULL;
  int days = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *module = upskill_catalog_find_module (fixture->catalog, step->module_id);
      guint hours = module != NULL ? module->hours : step->hours;

      if (step->status == UPSKILL_STEP_DONE || step->status == UPSKILL_STEP_SKIPPED)
        continue;

      days += MAX (1, (int) ceil (hours * 7.0 / weekly_hours));
    }

  finish = g_date_time_add_days (noon, days - 1);
  return g_date_time_format (finish, "%-d %B %Y");
}

static void
test_weekly_hours (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkSpinButton *spin = get_child (fixture, "weekly_hours_spin");
  GtkLabel *ready = get_child (fixture, "ready_label");
  g_autofree char *at_8 = hand_ready_by (fixture, 8);
  g_autofree char *at_4 = hand_ready_by (fixture, 4);
  g_autofree char *at_12_5 = hand_ready_by (fixture, 12.5);

  g_assert_cmpfloat (upskill_profile_get_weekly_hours (fixture->profile), ==, 8);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 8);
  g_assert_cmpstr (gtk_label_get_text (ready), ==, at_8);

  gtk_spin_button_set_value (spin, 4);
  upskill_test_flush ();
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (fixture->profile), ==, 4);
  g_assert_cmpstr (gtk_label_get_text (ready), ==, at_4);
  g_assert_cmpstr (at_4, !=, at_8);

  gtk_spin_button_set_value (spin, 12.5);
  upskill_test_flush ();
  g_assert_cmpfloat (upskill_profile_get_weekly_hours (fixture->profile), ==, 12.5);
  g_assert_cmpstr (gtk_label_get_text (ready), ==, at_12_5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "12.5");

  /* A change from elsewhere (undo, another page) shows too. */
  upskill_profile_set_weekly_hours (fixture->profile, 8);
  upskill_test_flush ();
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 8);
  g_assert_cmpstr (gtk_label_get_text (ready), ==, at_8);
}

static const char *
first_step_with_status (UpskillProfile    *profile,
                        UpskillStepStatus  status,
                        gboolean           module)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (step->status == status && (step->module_id != NULL) == module)
        return step->id;
    }

  return NULL;
}

static void
test_statuses_survive_regenerate (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *in_progress_id = NULL;
  g_autofree char *skipped_id = NULL;
  g_autofree char *custom_id = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *plan = upskill_profile_get_plan (fixture->profile);

  in_progress_id = g_strdup (first_step_with_status (fixture->profile, UPSKILL_STEP_PLANNED, TRUE));
  g_assert_nonnull (in_progress_id);
  activate (fixture, "plan.set-step-status",
            g_variant_new ("(si)", in_progress_id, UPSKILL_STEP_IN_PROGRESS));

  skipped_id = g_strdup (first_step_with_status (fixture->profile, UPSKILL_STEP_PLANNED, TRUE));
  g_assert_nonnull (skipped_id);
  activate (fixture, "plan.set-step-status",
            g_variant_new ("(si)", skipped_id, UPSKILL_STEP_SKIPPED));

  custom_id = g_strdup (first_step_with_status (fixture->profile, UPSKILL_STEP_PLANNED, FALSE));
  g_assert_nonnull (custom_id);

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (step->status != UPSKILL_STEP_PLANNED || step->module_id == NULL)
        g_hash_table_insert (statuses, g_strdup (step->id), GINT_TO_POINTER (step->status + 1));
    }
  g_assert_cmpuint (g_hash_table_size (statuses), >=, 4);

  activate (fixture, "plan.regenerate", NULL);

  /* Every started step and every custom step is still there, as it was. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, statuses);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        UpskillPlanStep *step = upskill_profile_find_step (fixture->profile, key);

        g_assert_nonnull (step);
        g_assert_cmpint (step->status, ==, GPOINTER_TO_INT (value) - 1);
      }
  }
  g_assert_cmpint (upskill_profile_find_step (fixture->profile, in_progress_id)->status, ==,
                   UPSKILL_STEP_IN_PROGRESS);
  g_assert_cmpint (upskill_profile_find_step (fixture->profile, skipped_id)->status, ==,
                   UPSKILL_STEP_SKIPPED);
  g_assert_null (upskill_profile_find_step (fixture->profile, custom_id)->module_id);
  assert_rows_match_plan (fixture);
}

static void
test_done_raises_level (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GPtrArray *plan = upskill_profile_get_plan (fixture->profile);
  GPtrArray *history = upskill_profile_get_history (fixture->profile);
  UpskillModule *module = NULL;
  UpskillHistoryEntry *entry;
  GtkWindow *dialog;
  g_autofree char *step_id = NULL;
  g_autofree char *source = NULL;
  guint n_history = history->len;

  for (guint i = 0; i < plan->len && module == NULL; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *candidate = upskill_catalog_find_module (fixture->catalog, step->module_id);

      if (step->status == UPSKILL_STEP_PLANNED && candidate != NULL
          && upskill_profile_get_level (fixture->profile, candidate->skill->id) < candidate->to_level)
        {
          module = candidate;
          step_id = g_strdup (step->id);
        }
    }
  g_assert_nonnull (module);

  /* Declining keeps the level; the step is done either way. */
  activate (fixture, "plan.set-step-status", g_variant_new ("(si)", step_id, UPSKILL_STEP_DONE));
  dialog = upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_assert_cmpint (upskill_profile_find_step (fixture->profile, step_id)->status, ==, UPSKILL_STEP_DONE);
  g_assert_cmpuint (history->len, ==, n_history);

  /* Planned again, done again: this time the raise is accepted. */
  activate (fixture, "plan.set-step-status", g_variant_new ("(si)", step_id, UPSKILL_STEP_PLANNED));
  g_assert_null (upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  activate (fixture, "plan.set-step-status", g_variant_new ("(si)", step_id, UPSKILL_STEP_DONE));
  dialog = upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "raise");

  g_assert_cmpuint (upskill_profile_get_level (fixture->profile, module->skill->id), ==, module->to_level);
  g_assert_cmpuint (history->len, ==, n_history + 1);
  entry = g_ptr_array_index (history, history->len - 1);
  source = g_strconcat ("Completed: ", module->title, NULL);
  g_assert_cmpstr (entry->skill_id, ==, module->skill->id);
  g_assert_cmpuint (entry->to, ==, module->to_level);
  g_assert_cmpstr (entry->source, ==, source);
}

static void
test_move_warns_about_prerequisites (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  GPtrArray *plan;
  GtkRevealer *revealer = get_child (fixture, "order_revealer");
  const char *dependant_id = NULL;
  int dependant = -1, prerequisite = -1;

  /* A fresh plan for someone starting out has chains of prerequisites. */
  upskill_profile_set_plan (fixture->profile,
                            g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free));
  activate (fixture, "plan.regenerate", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* A step and the last of its prerequisites before it. */
  plan = upskill_profile_get_plan (fixture->profile);
  for (guint i = 0; i < plan->len && dependant < 0; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);
      UpskillModule *module = upskill_catalog_find_module (fixture->catalog, step->module_id);

      for (guint j = 0; module != NULL && module->prerequisites != NULL && j < module->prerequisites->len; j++)
        {
          UpskillModule *needed = g_ptr_array_index (module->prerequisites, j);

          for (guint k = 0; k < i; k++)
            if (g_strcmp0 (((UpskillPlanStep *) g_ptr_array_index (plan, k))->module_id, needed->id) == 0)
              {
                dependant = i;
                prerequisite = MAX (prerequisite, (int) k);
                dependant_id = step->id;
              }
        }
    }
  g_assert_cmpint (dependant, >, 0);
  g_assert_cmpint (prerequisite, >=, 0);

  /* Up, step by step, until it sits just above its prerequisite. */
  for (int position = dependant; position > prerequisite; position--)
    {
      g_assert_false (gtk_revealer_get_reveal_child (revealer));
      activate (fixture, "plan.move-step-up", g_variant_new_string (dependant_id));
    }
  g_assert_cmpstr (((UpskillPlanStep *) g_ptr_array_index (plan, prerequisite))->id, ==, dependant_id);
  assert_rows_match_plan (fixture);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (get_child (fixture, "order_label")), "prerequisite"));
  {
    g_autofree char *path = g_build_filename (g_getenv ("UPSKILL_SCREENSHOT_DIR") != NULL
                                              ? g_getenv ("UPSKILL_SCREENSHOT_DIR") : g_get_tmp_dir (),
                                              "upskill-plan-order-warning.png", NULL);

    upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 3);
    upskill_test_save_png (GTK_WIDGET (fixture->window), path);
  }

  activate (fixture, "plan.move-step-down", g_variant_new_string (dependant_id));
  g_assert_cmpstr (((UpskillPlanStep *) g_ptr_array_index (plan, prerequisite + 1))->id, ==, dependant_id);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

/* Opens @button's menu as a click would (it is built as it opens) and
 * waits until it is shown. */
static GtkPopover *
open_menu (GtkMenuButton *button)
{
  GtkPopover *popover;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  UPSKILL_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  upskill_test_wait_for_frames (GTK_WIDGET (popover), 1);

  return popover;
}

/* Whether the "More Actions" menu of @row, opened, offers @action on
 * @step_id. */
static gboolean
menu_offers (GtkWidget  *row,
             const char *action,
             const char *step_id)
{
  GtkMenuButton *button = upskill_test_template_child (row, UPSKILL_TYPE_STEP_ROW, "menu_button");
  GMenuModel *menu;
  gboolean offered = FALSE;

  /* Nothing is built before it opens. */
  g_assert_null (gtk_menu_button_get_popover (button));
  open_menu (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);

  for (int i = 0; !offered && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; !offered && section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *name = NULL;
          g_autoptr(GVariant) target = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &name);
          target = g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_TARGET,
                                                          G_VARIANT_TYPE_STRING);
          offered = g_strcmp0 (name, action) == 0 && target != NULL
                    && g_str_equal (g_variant_get_string (target, NULL), step_id);
        }
    }
  gtk_menu_button_popdown (button);
  upskill_test_flush ();

  return offered;
}

/* The items of the popover menu under @widget (GTK's own model buttons),
 * in their order. */
static void
collect_menu_items (GtkWidget *widget,
                    GPtrArray *items)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("GtkModelButton")))
    {
      g_ptr_array_add (items, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_items (child, items);
}

static AdwMessageDialog *
open_hours_dialog (Fixture    *fixture,
                   const char *step_id,
                   GtkSpinButton **out_spin)
{
  GtkWindow *dialog;

  activate (fixture, "plan.edit-step-hours", g_variant_new_string (step_id));
  dialog = upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  *out_spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_true (GTK_IS_SPIN_BUTTON (*out_spin));

  return ADW_MESSAGE_DIALOG (dialog);
}

/* Hours spent are typed as a number, the total so far: up, and down to
 * correct a slip; Cancel changes nothing; Enter sets. */
static void
test_enter_hours_spent (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GPtrArray *plan = upskill_profile_get_plan (fixture->profile);
  GtkLabel *hours_label = get_child (fixture, "hours_label");
  UpskillPlanStep *step = NULL;
  GtkWidget *row = NULL;
  GtkSpinButton *spin;
  AdwMessageDialog *dialog;
  guint64 to_go;
  guint spent_before;

  for (guint i = 0; i < plan->len && step == NULL; i++)
    {
      UpskillPlanStep *candidate = g_ptr_array_index (plan, i);
      UpskillModule *module = candidate->module_id != NULL
        ? upskill_catalog_find_module (fixture->catalog, candidate->module_id)
        : NULL;

      if (candidate->status == UPSKILL_STEP_PLANNED && module != NULL && module->hours > 8)
        step = candidate;
    }
  g_assert_nonnull (step);
  spent_before = step->hours_spent;
  g_assert_cmpuint (spent_before, ==, 0);

  /* The step's menu offers it. */
  row = get_step_row (fixture, step->id);
  g_assert_nonnull (row);
  g_assert_true (menu_offers (row, "plan.edit-step-hours", step->id));

  to_go = g_ascii_strtoull (gtk_label_get_text (hours_label), NULL, 10);

  /* Seven hours, typed and not confirmed with Enter. */
  dialog = open_hours_dialog (fixture, step->id, &spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (spin), "7");
  upskill_test_respond (dialog, "set");
  step = upskill_profile_find_step (fixture->profile, step->id);
  g_assert_cmpuint (step->hours_spent, ==, 7);
  g_assert_cmpint (step->status, ==, UPSKILL_STEP_IN_PROGRESS);
  upskill_test_flush ();
  g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_text (hours_label), NULL, 10), ==, to_go - 7);

  /* Down to 3: the dialog starts from the 7 recorded. */
  dialog = open_hours_dialog (fixture, step->id, &spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 7);
  gtk_spin_button_set_value (spin, 3);
  upskill_test_respond (dialog, "set");
  g_assert_cmpuint (upskill_profile_find_step (fixture->profile, step->id)->hours_spent, ==, 3);

  /* Cancel keeps the 3. */
  dialog = open_hours_dialog (fixture, step->id, &spin);
  gtk_spin_button_set_value (spin, 40);
  upskill_test_respond (dialog, "cancel");
  g_assert_cmpuint (upskill_profile_find_step (fixture->profile, step->id)->hours_spent, ==, 3);

  /* Enter in the number sets it and closes the dialog. */
  dialog = open_hours_dialog (fixture, step->id, &spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), "12");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");
  upskill_test_flush ();
  g_assert_cmpuint (upskill_profile_find_step (fixture->profile, step->id)->hours_spent, ==, 12);
  g_assert_null (upskill_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

/* The status is a menu of four radio items, built as it opens: picking
 * one changes the step in the profile, and the button shows it. */
static void
test_status_menu (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *step_id = g_strdup (first_step_with_status (fixture->profile, UPSKILL_STEP_PLANNED, TRUE));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkWidget *row;
  GtkWidget *in_progress = NULL;

  g_assert_nonnull (step_id);
  row = get_step_row (fixture, step_id);
  g_assert_nonnull (row);
  button = upskill_test_template_child (row, UPSKILL_TYPE_STEP_ROW, "status_button");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Planned");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Status");
  g_assert_null (gtk_menu_button_get_popover (button));

  popover = open_menu (button);
  upskill_test_keep_png (GTK_WIDGET (popover), "upskill-plan-status-menu.png");
  collect_menu_items (GTK_WIDGET (popover), items);
  g_assert_cmpuint (items->len, ==, 4);
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (items, i);
      g_autofree char *text = NULL;
      int role;
      gboolean active;
      GParamSpec *role_spec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), "role");
      g_autoptr(GEnumClass) roles = g_type_class_ref (role_spec->value_type);

      g_object_get (item, "text", &text, "role", &role, "active", &active, NULL);
      g_assert_cmpstr (text, ==, upskill_step_status_get_label (i));
      /* Radio items (GTK's role is private), the step's own status
       * picked, each reached by the keyboard. */
      g_assert_cmpstr (g_enum_get_value (roles, role)->value_nick, ==, "radio");
      g_assert_true (active == (i == UPSKILL_STEP_PLANNED));
      g_assert_true (gtk_widget_get_focusable (item));
      if (i == UPSKILL_STEP_IN_PROGRESS)
        in_progress = item;
    }
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (items, UPSKILL_STEP_PLANNED)));

  /* What Enter or a click on an item does. The list may rebuild the
   * row, and its menu with it. */
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
  gtk_widget_activate (in_progress);
  upskill_test_flush ();
  g_assert_cmpint (upskill_profile_find_step (fixture->profile, step_id)->status, ==, UPSKILL_STEP_IN_PROGRESS);
  g_assert_true (popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_clear_weak_pointer (&popover);

  row = get_step_row (fixture, step_id);
  g_assert_nonnull (row);
  button = upskill_test_template_child (row, UPSKILL_TYPE_STEP_ROW, "status_button");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "In progress");
  upskill_test_keep_png (row, "upskill-plan-status-in-progress.png");

  /* Opened again, the menu shows the new status picked. */
  popover = open_menu (button);
  g_ptr_array_set_size (items, 0);
  collect_menu_items (GTK_WIDGET (popover), items);
  g_assert_cmpuint (items->len, ==, 4);
  for (guint i = 0; i < items->len; i++)
    {
      gboolean active;

      g_object_get (g_ptr_array_index (items, i), "active", &active, NULL);
      g_assert_true (active == (i == UPSKILL_STEP_IN_PROGRESS));
    }
  /* It opens on the status the step has, for the keyboard. */
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (items, UPSKILL_STEP_IN_PROGRESS)));

  /* The status it has: nothing changes, and the menu closes. */
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
  gtk_widget_activate (g_ptr_array_index (items, UPSKILL_STEP_IN_PROGRESS));
  upskill_test_flush ();
  g_assert_cmpint (upskill_profile_find_step (fixture->profile, step_id)->status, ==, UPSKILL_STEP_IN_PROGRESS);
  g_assert_nonnull (popover);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_clear_weak_pointer (&popover);

  /* Skipped from the menu; then the "More Actions" menu, built as it
   * opens, offers to plan it again rather than to skip it. */
  popover = open_menu (button);
  g_ptr_array_set_size (items, 0);
  collect_menu_items (GTK_WIDGET (popover), items);
  gtk_widget_activate (g_ptr_array_index (items, UPSKILL_STEP_SKIPPED));
  upskill_test_flush ();
  g_assert_cmpint (upskill_profile_find_step (fixture->profile, step_id)->status, ==, UPSKILL_STEP_SKIPPED);
  row = get_step_row (fixture, step_id);
  g_assert_nonnull (row);
  button = upskill_test_template_child (row, UPSKILL_TYPE_STEP_ROW, "status_button");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Skipped");

  button = upskill_test_template_child (row, UPSKILL_TYPE_STEP_ROW, "menu_button");
  popover = open_menu (button);
  g_ptr_array_set_size (items, 0);
  collect_menu_items (GTK_WIDGET (popover), items);
  {
    gboolean plan_again = FALSE, skip = FALSE;

    for (guint i = 0; i < items->len; i++)
      {
        g_autofree char *text = NULL;

        g_object_get (g_ptr_array_index (items, i), "text", &text, NULL);
        plan_again |= g_strcmp0 (text, "Plan Again") == 0;
        skip |= g_strcmp0 (text, "Skip") == 0;
      }
    g_assert_true (plan_again);
    g_assert_false (skip);
  }
  gtk_menu_button_popdown (button);
}

static void
test_add_module_and_custom_step (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  GPtrArray *plan = upskill_profile_get_plan (fixture->profile);
  UpskillModuleChooser *chooser;
  UpskillStepDialog *dialog;
  UpskillPlanStep *last;
  GListModel *results;
  g_autoptr(GtkStringObject) first = NULL;
  GtkWidget *list_view;
  guint n_steps = plan->len;
  guint n_all;

  activate (fixture, "plan.add-module", NULL);
  chooser = (UpskillModuleChooser *) upskill_test_find_window (UPSKILL_TYPE_MODULE_CHOOSER);
  g_assert_nonnull (chooser);

  results = upskill_module_chooser_get_results (chooser);
  n_all = g_list_model_get_n_items (results);
  g_assert_cmpuint (n_all, ==, upskill_catalog_get_n_modules (fixture->catalog));

  /* Words match anywhere, in any case: title, provider, skill. */
  upskill_module_chooser_set_search_text (chooser, "OWASP llm");
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), <, n_all);
  upskill_module_chooser_set_search_text (chooser, "no such module anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (chooser),
                                                         UPSKILL_TYPE_MODULE_CHOOSER, "list_view"));

  /* Both Kafka modules are in Li's plan already: neither can be added twice. */
  upskill_module_chooser_set_search_text (chooser, "kafka");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  upskill_test_flush ();
  g_assert_true (upskill_test_find_window (UPSKILL_TYPE_MODULE_CHOOSER) == GTK_WINDOW (chooser));
  g_assert_cmpuint (upskill_profile_get_plan (fixture->profile)->len, ==, n_steps);

  upskill_module_chooser_set_search_text (chooser, "owasp");
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);

  first = g_list_model_get_item (results, 0);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  upskill_test_flush ();

  g_assert_null (upskill_test_find_window (UPSKILL_TYPE_MODULE_CHOOSER));
  /* Adding replaces the profile's plan array. */
  plan = upskill_profile_get_plan (fixture->profile);
  g_assert_cmpuint (plan->len, ==, n_steps + 1);
  last = g_ptr_array_index (plan, plan->len - 1);
  g_assert_cmpstr (last->module_id, ==, gtk_string_object_get_string (first));
  assert_rows_match_plan (fixture);

  activate (fixture, "plan.add-custom-step", NULL);
  dialog = (UpskillStepDialog *) upskill_test_find_window (UPSKILL_TYPE_STEP_DIALOG);
  g_assert_nonnull (dialog);
  upskill_step_dialog_set_values (dialog, "Ship <b>the</b> pipeline & test it", 24, "data-pipelines", 3, 4);
  upskill_test_respond (ADW_MESSAGE_DIALOG (dialog), "add");

  plan = upskill_profile_get_plan (fixture->profile);
  g_assert_cmpuint (plan->len, ==, n_steps + 2);
  last = g_ptr_array_index (plan, plan->len - 1);
  g_assert_null (last->module_id);
  g_assert_cmpstr (last->title, ==, "Ship <b>the</b> pipeline & test it");
  g_assert_cmpuint (last->hours, ==, 24);
  g_assert_cmpstr (last->skill_id, ==, "data-pipelines");
  g_assert_cmpuint (last->from_level, ==, 3);
  g_assert_cmpuint (last->to_level, ==, 4);
  assert_rows_match_plan (fixture);

  activate (fixture, "plan.remove-step", g_variant_new_string (last->id));
  plan = upskill_profile_get_plan (fixture->profile);
  g_assert_cmpuint (plan->len, ==, n_steps + 1);
  assert_rows_match_plan (fixture);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (upskill_plan_page_export_calendar_finish (UPSKILL_PLAN_PAGE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_export_calendar (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *dir = upskill_test_make_tmp_dir ("upskill-plan-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *n_left = NULL;
  gboolean done = FALSE;
  guint n_events = 0;

  upskill_plan_page_export_calendar_async (fixture->page, file, NULL, on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  for (const char *p = contents; (p = strstr (p, "BEGIN:VEVENT\r\n")) != NULL; p++)
    n_events++;
  n_left = g_strdup_printf ("%u", n_events);
  g_assert_cmpstr (gtk_label_get_text (get_child (fixture, "steps_label")), ==, n_left);

  g_unlink (path);
  g_rmdir (dir);
}

static guint
export_calendar_under_umask (Fixture    *fixture,
                             const char *path,
                             mode_t      mask)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;
  mode_t old_umask = umask (mask);
  struct stat st;

  upskill_plan_page_export_calendar_async (fixture->page, file, NULL, on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  umask (old_umask);

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* A calendar is a document: the umask decides, and a replaced file keeps
 * the mode its owner gave it. */
static void
test_export_calendar_modes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *dir = upskill_test_make_tmp_dir ("upskill-plan-XXXXXX");
  g_autofree char *shared = g_build_filename (dir, "shared.ics", NULL);
  g_autofree char *private = g_build_filename (dir, "private.ics", NULL);
  g_autofree char *replaced = g_build_filename (dir, "replaced.ics", NULL);

  g_assert_true (g_file_set_contents (replaced, "old", -1, NULL));
  g_assert_cmpint (chmod (replaced, 0600), ==, 0);

  g_assert_cmpuint (export_calendar_under_umask (fixture, shared, 022), ==, 0644);
  g_assert_cmpuint (export_calendar_under_umask (fixture, private, 077), ==, 0600);
  g_assert_cmpuint (export_calendar_under_umask (fixture, replaced, 022), ==, 0600);

  upskill_test_remove_tree (dir, NULL);
}

/* The "Export to Calendar" button: the file chooser suggests a name,
 * writes where the user says, and writes nothing when cancelled. */
static void
test_export_calendar_chooser (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *dir = upskill_test_make_tmp_dir ("upskill-plan-XXXXXX");
  g_autofree char *chosen = g_build_filename (dir, "my plan.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooser *chooser;

  if (!upskill_test_can_open_file_chooser ())
    {
      g_test_skip ("GTK's file chooser dialog leaks: not under AddressSanitizer");
      g_rmdir (dir);
      return;
    }

  activate (fixture, "plan.export-calendar", NULL);
  chooser = GTK_FILE_CHOOSER (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export Learning Plan");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (chooser)));
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (suggested, ".ics"));

  /* Cancel: the chooser goes, and nothing is written. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  upskill_test_flush ();
  g_assert_null (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_false (g_file_test (chosen, G_FILE_TEST_EXISTS));

  /* Accept: the calendar is written under the name the user typed. */
  activate (fixture, "plan.export-calendar", NULL);
  upskill_test_save_with_chooser (chosen);
  /* Written on a worker thread, then renamed into place. */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       !g_file_test (chosen, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (upskill_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG));

  g_assert_true (g_file_get_contents (chosen, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (upskill_test_remove_tree (dir, NULL));
}

static void
test_empty_states (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(UpskillProfile) newcomer = upskill_profile_new ("newcomer", "New <Comer>");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "stack")), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (get_child (fixture, "regenerate_button")));

  g_object_set (fixture->page, "profile", newcomer, NULL);
  upskill_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "stack")), ==, "plan");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "path_stack")), ==, "empty");
  /* No role, no gaps: nothing for "Create Plan" to do. */
  g_assert_false (gtk_widget_get_visible (get_child (fixture, "create_button")));

  upskill_profile_set_target_role (newcomer, "mlops-engineer");
  upskill_test_flush ();
  g_assert_true (gtk_widget_get_visible (get_child (fixture, "create_button")));
  activate (fixture, "plan.regenerate", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "path_stack")), ==, "steps");
  g_assert_cmpuint (upskill_profile_get_plan (newcomer)->len, >, 0);

  g_object_set (fixture->page, "profile", NULL, NULL);
  upskill_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (fixture, "stack")), ==, "empty");
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  if (dir == NULL)
    dir = g_get_tmp_dir ();

  /* Something in progress, something out of order. */
  activate (fixture, "plan.set-step-status",
            g_variant_new ("(si)", first_step_with_status (fixture->profile, UPSKILL_STEP_PLANNED, TRUE),
                           UPSKILL_STEP_IN_PROGRESS));

  upskill_test_save_page_shots (fixture->window, get_child (fixture, "scrolled_window"), dir, "plan", 2400);

  /* The module chooser, searching, and the custom step dialog. */
  {
    g_autofree char *chooser_path = g_build_filename (dir, "upskill-plan-module-chooser.png", NULL);
    g_autofree char *dialog_path = g_build_filename (dir, "upskill-plan-step-dialog.png", NULL);
    UpskillModuleChooser *chooser;
    GtkWindow *dialog;

    activate (fixture, "plan.add-module", NULL);
    chooser = (UpskillModuleChooser *) upskill_test_find_window (UPSKILL_TYPE_MODULE_CHOOSER);
    upskill_module_chooser_set_search_text (chooser, "kafka");
    upskill_test_wait_for_frames (GTK_WIDGET (chooser), 3);
    upskill_test_save_png (GTK_WIDGET (chooser), chooser_path);
    g_test_message ("Saved %s", chooser_path);
    gtk_window_destroy (GTK_WINDOW (chooser));

    activate (fixture, "plan.add-custom-step", NULL);
    dialog = upskill_test_find_window (UPSKILL_TYPE_STEP_DIALOG);
    upskill_step_dialog_set_values (UPSKILL_STEP_DIALOG (dialog),
                                    "Move the weekly report to Airflow", 30, "data-pipelines", 3, 4);
    upskill_test_wait_for_frames (GTK_WIDGET (dialog), 3);
    upskill_test_save_png (GTK_WIDGET (dialog), dialog_path);
    g_test_message ("Saved %s", dialog_path);
    gtk_window_destroy (dialog);
  }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

typedef struct
{
  guint n_signals;
  guint position;
  guint n_removed;
  guint n_added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         n_removed,
                  guint         n_added,
                  ItemsChanged *changed)
{
  changed->n_signals++;
  changed->position = position;
  changed->n_removed = n_removed;
  changed->n_added = n_added;
}

/* At the limit of 500 steps, only the rows in sight are built, and a
 * change reaches the rows of the steps it changes, not all of them. */
static void
test_long_plan (Fixture       *fixture,
                gconstpointer  user_data)
{
  GPtrArray *plan = g_ptr_array_new_with_free_func ((GDestroyNotify) upskill_plan_step_free);
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (get_child (fixture, "steps_view")));
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  const char *unplanned_skill = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  ItemsChanged changed = { 0, };
  guint n_skills = upskill_catalog_get_n_skills (fixture->catalog);
  g_autofree char *last_id = NULL;
  GtkWidget *row;
  gulong handler;

  for (guint i = 0; i < UPSKILL_PROFILE_MAX_STEPS; i++)
    {
      g_autofree char *id = g_strdup_printf ("step-%u", i + 1);
      g_autofree char *title = g_strdup_printf ("Custom step %u", i + 1);
      /* Every skill but the last. */
      const char *skill = upskill_catalog_get_skill (fixture->catalog, i % (n_skills - 1))->id;

      g_ptr_array_add (plan, upskill_plan_step_new_custom (id, title, 10, skill, 1, 2));
    }
  unplanned_skill = upskill_catalog_get_skill (fixture->catalog, n_skills - 1)->id;
  upskill_profile_set_plan (fixture->profile, plan);
  upskill_test_flush ();
  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  assert_rows_match_plan (fixture);

  rows = get_step_rows (fixture);
  g_test_message ("%u rows built for %u steps", rows->len, UPSKILL_PROFILE_MAX_STEPS);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, 60);
  g_clear_pointer (&rows, g_ptr_array_unref);
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "upskill-plan-500-steps.png", NULL);

      upskill_test_save_png (GTK_WIDGET (fixture->window), path);
    }

  handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);

  /* A level no step raises: no row changes. */
  upskill_profile_set_level (fixture->profile, unplanned_skill,
                             (upskill_profile_get_level (fixture->profile, unplanned_skill) + 1) % 6,
                             NULL, 0);
  upskill_test_flush ();
  g_assert_cmpuint (changed.n_signals, ==, 0);

  /* The last step done: its row alone (nothing after it moves). */
  last_id = g_strdup_printf ("step-%u", UPSKILL_PROFILE_MAX_STEPS);
  activate (fixture, "plan.set-step-status", g_variant_new ("(si)", last_id, UPSKILL_STEP_DONE));
  upskill_test_flush ();
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (changed.position, ==, UPSKILL_PROFILE_MAX_STEPS); /* after the page's top */
  g_assert_cmpuint (changed.n_removed, ==, 1);
  g_assert_cmpuint (changed.n_added, ==, 1);
  g_signal_handler_disconnect (model, handler);

  /* The last row is reached, and shows the step; still few rows. */
  row = get_step_row (fixture, last_id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "step-done"));
  rows = get_step_rows (fixture);
  g_assert_cmpuint (rows->len, <, 60);
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "upskill-plan-500-steps-end.png", NULL);

      upskill_test_save_png (GTK_WIDGET (fixture->window), path);
    }
  assert_rows_match_plan (fixture);
}

/* María's plan, as it looks (with UPSKILL_SCREENSHOT_DIR). */
static void
test_render_sample (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *dir = g_getenv ("UPSKILL_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  assert_rows_match_plan (fixture);
  if (dir == NULL)
    return;

  path = g_build_filename (dir, "upskill-plan-maria.png", NULL);
  upskill_test_save_png (GTK_WIDGET (fixture->window), path);
  gtk_widget_activate_action (get_child (fixture, "steps_view"), "list.scroll-to-item", "u", 3);
  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 3);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "upskill-plan-maria-steps.png", NULL);
  upskill_test_save_png (GTK_WIDGET (fixture->window), path);
}

static void
count_first_frame_rows (GtkWidget *page,
                        gpointer   data)
{
  *(guint *) data = upskill_test_count_of_type (page, UPSKILL_TYPE_STEP_ROW);
}

/* The summary and the gaps fill the first screen: the first frame lays
 * out no step row; the next has the steps, every one of them. */
static void
test_steps_after_first_frame (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(UpskillTrends) trends = upskill_trends_new_bundled (fixture->catalog);
  GtkWidget *page = g_object_new (UPSKILL_TYPE_PLAN_PAGE,
                                  "catalog", fixture->catalog,
                                  "trends", trends,
                                  "profile", fixture->profile,
                                  NULL);
  guint in_first_frame = G_MAXUINT;
  GtkWindow *window = upskill_test_show_page_watched (page, 900, 900, count_first_frame_rows, &in_first_frame);
  GtkGridView *view = upskill_test_template_child (page, UPSKILL_TYPE_PLAN_PAGE, "steps_view");
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (view));
  guint n_steps = upskill_profile_get_plan (fixture->profile)->len;

  g_assert_cmpuint (n_steps, >, 10);
  g_assert_cmpuint (in_first_frame, ==, 0);
  /* The header, then each step. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_steps + 1);
  upskill_test_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_cmpuint (upskill_test_count_of_type (page, UPSKILL_TYPE_STEP_ROW), ==, n_steps);

  upskill_test_close_window (window);
}

static void
test_finalize (void)
{
  g_autoptr(UpskillProfile) profile = upskill_test_load_sample ("li-wei");
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  UpskillPlanPage *page;
  UpskillModuleChooser *chooser;
  GObject *header_box;

  page = g_object_ref_sink (g_object_new (UPSKILL_TYPE_PLAN_PAGE,
                                          "catalog", catalog,
                                          "profile", profile,
                                          NULL));
  /* What the list shows above the steps goes with the page, in the
   * list or not. */
  header_box = gtk_widget_get_template_child (GTK_WIDGET (page), UPSKILL_TYPE_PLAN_PAGE, "header_box");
  g_assert_nonnull (header_box);
  g_object_add_weak_pointer (header_box, (gpointer *) &header_box);

  /* A refresh queued, then the page goes away. */
  upskill_profile_set_weekly_hours (profile, 6);
  g_assert_finalize_object (page);
  g_assert_null (header_box);
  upskill_profile_set_weekly_hours (profile, 7);
  upskill_test_flush ();

  chooser = upskill_module_chooser_new (NULL, catalog, NULL);
  g_object_ref (chooser);
  gtk_window_destroy (GTK_WINDOW (chooser));
  g_assert_finalize_object (chooser);
}

/* A gap's current level says what it rests on, in the Skills page's
 * words: María's sample holds all three kinds. */
static void
test_gap_rating_basis (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkListBox *gaps_list = get_child (fixture, "gaps_list");
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (gaps_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *subtitle;

      if (!ADW_IS_ACTION_ROW (row))
        continue;
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      if (g_str_has_suffix (subtitle, " · Self-rated"))
        seen[0] = TRUE;
      else if (g_str_has_suffix (subtitle, " · Evidenced"))
        seen[1] = TRUE;
      else if (g_str_has_suffix (subtitle, " · Confirmed on 28 September 2026"))
        seen[2] = TRUE;
      else
        /* Not rated yet: "Not yet → Novice · MLOps". */
        g_assert_true (g_str_has_prefix (subtitle, "Not yet → "));
    }

  g_assert_true (seen[0] && seen[1] && seen[2]);
}

/* The gap rows under @widget, in the order shown, those folded behind
 * the "more gaps" row included. */
static void
collect_gap_rows (GtkWidget *widget,
                  GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* Not the expander's own header, an action row too. */
      if (ADW_IS_ACTION_ROW (child) && !gtk_widget_has_css_class (child, "header"))
        g_ptr_array_add (rows, child);
      else
        collect_gap_rows (child, rows);
    }
}

static char *
describe_gap_rows (GPtrArray *rows)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      GtkWidget *child;

      g_string_append_printf (text, "%s | %s |", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (row));
      /* The suffixes: the demand, the open gap's button or label. */
      for (child = gtk_widget_get_first_child (GTK_WIDGET (row)); child != NULL; )
        {
          if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "caption"))
            g_string_append_printf (text, " %s", gtk_label_get_text (GTK_LABEL (child)));
          else if (GTK_IS_BUTTON (child) && gtk_actionable_get_action_name (GTK_ACTIONABLE (child)) != NULL)
            g_string_append_printf (text, " [%s %s]", gtk_button_get_label (GTK_BUTTON (child)),
                                    g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)), NULL));
          /* Depth first through the row's own widgets. */
          if (!GTK_IS_BUTTON (child) && gtk_widget_get_first_child (child) != NULL)
            child = gtk_widget_get_first_child (child);
          else
            {
              while (child != GTK_WIDGET (row) && gtk_widget_get_next_sibling (child) == NULL)
                child = gtk_widget_get_parent (child);
              child = child == GTK_WIDGET (row) ? NULL : gtk_widget_get_next_sibling (child);
            }
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* A level change keeps the gap rows whose gap did not change (each row
 * made anew is laid out anew: with 30 gaps, most of a level click), and
 * the rows show what a page built afresh shows. */
static void
test_level_change_keeps_gap_rows (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (fixture->page));
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  g_autoptr(GPtrArray) fresh_rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) gaps = upskill_compute_gaps (fixture->profile, fixture->catalog, trends);
  g_autoptr(UpskillPlanPage) fresh = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  const UpskillGap *changed = NULL;
  guint n_kept = 0;

  collect_gap_rows (get_child (fixture, "gaps_list"), before);
  g_assert_cmpuint (before->len, ==, gaps->len);
  g_assert_cmpuint (gaps->len, >, 6);

  /* A gap that stays a gap, one level smaller. */
  for (guint i = 0; i < gaps->len && changed == NULL; i++)
    {
      const UpskillGap *gap = g_ptr_array_index (gaps, i);

      if (gap->target >= gap->current + 2)
        changed = gap;
    }
  g_assert_nonnull (changed);
  upskill_profile_set_level (fixture->profile, changed->skill->id, changed->current + 1, NULL, 0);
  upskill_test_flush ();

  collect_gap_rows (get_child (fixture, "gaps_list"), after);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    if (g_ptr_array_index (after, i) == g_ptr_array_index (before, i))
      n_kept++;
  g_assert_cmpuint (n_kept, ==, after->len);

  fresh = g_object_ref_sink (g_object_new (UPSKILL_TYPE_PLAN_PAGE,
                                           "catalog", fixture->catalog,
                                           "trends", trends,
                                           "profile", fixture->profile,
                                           NULL));
  collect_gap_rows (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fresh), UPSKILL_TYPE_PLAN_PAGE, "gaps_list")),
                    fresh_rows);
  shown = describe_gap_rows (after);
  expected = describe_gap_rows (fresh_rows);
  g_assert_cmpstr (shown, ==, expected);
  /* The change shows. */
  g_assert_nonnull (strstr (shown, upskill_level_get_name (changed->current + 1)));
}

/* Each wrapping label under @widget, with the ancestors it is in. */
static gboolean
is_wrapping_label_without_width (GtkWidget     *widget,
                                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
         gtk_label_get_width_chars (GTK_LABEL (widget)) < 0;
}

/* Every wrapping label on the page, the summary, gap and step rows
 * included, is measured from a line of some characters, not laid out
 * one letter a line; the gaps folded behind "N more gaps" show once it
 * is expanded. */
static void
test_wrapping_and_folded_gaps (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *more = NULL;
  GtkWidget *label;
  guint n_hidden = 0;

  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  label = upskill_test_find_widget (GTK_WIDGET (fixture->page), is_wrapping_label_without_width, NULL);
  if (label != NULL)
    g_error ("A wrapping label without width-chars: “%s”", gtk_label_get_text (GTK_LABEL (label)));

  collect_gap_rows (get_child (fixture, "gaps_list"), rows);
  g_assert_cmpuint (rows->len, >, 6);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (!gtk_widget_get_visible (row))
        {
          n_hidden++;
          more = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);
        }
    }
  g_assert_cmpuint (n_hidden, ==, rows->len - 5);
  g_assert_nonnull (more);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (more), TRUE);
  upskill_test_wait_for_frames (GTK_WIDGET (fixture->window), 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (gtk_widget_is_visible (g_ptr_array_index (rows, i)));
}

int
main (int   argc,
      char *argv[])
{
  upskill_test_init_styled (&argc, &argv);

#define ADD(path, sample, func) \
  g_test_add ("/upskill/plan-page/" path, Fixture, sample, fixture_set_up, func, fixture_tear_down)

  ADD ("steps-in-plan-order", "dana-okafor", test_steps_in_plan_order);
  ADD ("hours-sum", "li-wei", test_hours_sum);
  ADD ("weekly-hours-move-ready-date", "li-wei", test_weekly_hours);
  ADD ("statuses-survive-regenerate", "li-wei", test_statuses_survive_regenerate);
  ADD ("done-raises-level", "maria-gonzalez", test_done_raises_level);
  ADD ("gap-rating-basis", "maria-gonzalez", test_gap_rating_basis);
  ADD ("level-change-keeps-gap-rows", "maria-gonzalez", test_level_change_keeps_gap_rows);
  ADD ("wrapping-and-folded-gaps", "maria-gonzalez", test_wrapping_and_folded_gaps);
  ADD ("move-warns-about-prerequisites", "dana-okafor", test_move_warns_about_prerequisites);
  ADD ("add-module-and-custom-step", "li-wei", test_add_module_and_custom_step);
  ADD ("enter-hours-spent", "li-wei", test_enter_hours_spent);
  ADD ("status-menu", "li-wei", test_status_menu);
  ADD ("export-calendar", "li-wei", test_export_calendar);
  ADD ("export-calendar-modes", "li-wei", test_export_calendar_modes);
  ADD ("export-calendar-chooser", "li-wei", test_export_calendar_chooser);
  ADD ("empty-states", NULL, test_empty_states);
  ADD ("render", "li-wei", test_render);
  ADD ("render-sample", "maria-gonzalez", test_render_sample);
  ADD ("long-plan", "li-wei", test_long_plan);
  ADD ("steps-after-first-frame", "dana-okafor", test_steps_after_first_frame);
  g_test_add_func ("/upskill/plan-page/finalize", test_finalize);

#undef ADD

  return g_test_run ();
}
