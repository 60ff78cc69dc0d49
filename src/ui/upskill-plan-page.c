/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "upskill-format.h"
#include "upskill-date.h"
#include "upskill-file.h"
#include "upskill-file-chooser.h"
#include "upskill-ics.h"
#include "upskill-level.h"
#include "upskill-module-chooser.h"
#include "upskill-plan-page.h"
#include "upskill-planner.h"
#include "upskill-progress.h"
#include "upskill-readiness.h"
#include "upskill-step-dialog.h"
#include "upskill-step-item.h"
#include "upskill-step-row.h"
#include "upskill-store.h"
#include "upskill-toast.h"
#include "upskill-wrap.h"

/* The gaps shown before the rest fold into an expander row. */
#define GAPS_SHOWN 5

struct _UpskillPlanPage
{
  UpskillPage      parent_instance;

  guint            refresh_source;
  gboolean         updating;
  int              actions_state;   /* -1, or has_profile + 2 * has_plan last set */
  char            *focus_step_id;   /* the row to focus once it is shown */
  GListStore      *steps;           /* UpskillStepItem, in plan order */
  /* The list's items: the header alone, then the steps too once the
   * page is "later-shown". The header fills the first screen; each step
   * row the list view has is laid out, in view or not. */
  GtkSliceListModel *items;
  GHashTable      *bound_rows;      /* step id -> UpskillStepRow on screen */
  GtkListItem     *header_item;     /* the list item showing header_box */
  guint            focus_source;
  char            *gaps_key;        /* what the gap rows show */
  GPtrArray       *gap_rows;        /* AdwActionRow, one per gap shown, in order */
  GCancellable    *cancellable;

  GtkStack        *stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel        *headline_label;
  GtkLabel        *sentence_label;
  GtkLabel        *ready_caption;
  GtkLabel        *ready_label;
  GtkLabel        *hours_label;
  GtkLabel        *steps_label;
  GtkSpinButton   *weekly_hours_spin;
  GtkWidget       *coverage_box;
  GtkLabel        *coverage_label;
  GtkRevealer     *order_revealer;
  GtkLabel        *order_label;
  AdwPreferencesGroup *gaps_group;
  GtkListBox      *gaps_list;
  GtkStack        *path_stack;
  GtkGridView     *steps_view;
  GtkWidget       *header_box;
  GtkLabel        *empty_plan_label;
};

G_DEFINE_FINAL_TYPE (UpskillPlanPage, upskill_plan_page, UPSKILL_TYPE_PAGE)

static void
get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  upskill_date_set_from_date_time (today, now);
}

static char *
format_hours (double hours)
{
  /* "8" rather than "8.0", but "2.5" stays. */
  if (fabs (hours - round (hours)) < 0.05)
    return g_strdup_printf ("%.0f", hours);

  return g_strdup_printf ("%.1f", hours);
}

static UpskillRole *
get_target_role (UpskillPlanPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *role_id = upskill_profile_get_target_role (profile);

  if (role_id == NULL || role_id[0] == '\0')
    return NULL;

  return upskill_catalog_find_role (catalog, role_id);
}

static const char *
demand_label (double       signal,
              const char **out_css_class)
{
  static const char * const css_classes[] = {
    "demand-low", "demand-low", "demand-medium", "demand-high",
  };
  UpskillDemand demand = upskill_demand_from_signal (signal);

  *out_css_class = css_classes[demand];
  return upskill_demand_get_label (demand);
}

/* Whether the plan leaves a gap open (its steps reach @planned), and why. */
static gboolean
is_gap_open (UpskillPlanPage  *self,
             const UpskillGap *gap,
             guint             planned,
             UpskillOpenGap   *out_why)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));

  if (planned >= gap->target)
    return FALSE;

  *out_why = upskill_planner_why_open (profile, catalog, gap->skill, planned, gap->target);
  return TRUE;
}

/* What one gap row shows, to touch a row only when it changed. */
static char *
describe_gap (UpskillPlanPage  *self,
              const UpskillGap *gap)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  guint planned = upskill_planner_planned_level (profile, catalog, gap->skill);
  g_autofree char *basis = gap->current > 0 ? upskill_format_rating_basis (profile, gap->skill->id) : NULL;
  double demand = trends != NULL
    ? upskill_trends_get_demand_signal (trends, gap->skill->area)
    : -1;
  UpskillOpenGap why = 0;
  int open = is_gap_open (self, gap, planned, &why) ? (int) why : -1;

  return g_strdup_printf ("%s:%u:%u:%d:%.2f:%u:%d:%s", gap->skill->id, gap->current, gap->target,
                          gap->core, demand, planned, open, basis != NULL ? basis : "");
}

static GtkWidget *
create_open_gap_suffix (const UpskillGap *gap,
                        UpskillOpenGap    why)
{
  GtkWidget *label;

  if (why == UPSKILL_OPEN_GAP_NOT_PLANNED)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Steps"));
      g_autofree char *tooltip = NULL;

      /* TRANSLATORS: %s is a skill */
      tooltip = g_strdup_printf (_("The plan does not close this gap: add modules for %s"),
                                 gap->skill->name);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.cover-gap");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", gap->skill->id);
      return button;
    }

  if (why == UPSKILL_OPEN_GAP_SKIPPED)
    {
      label = gtk_label_new (_("Skipped"));
      gtk_widget_set_tooltip_text (label, _("Only a module that was skipped closes this gap: "
                                            "take that step up again or add a step of your own"));
    }
  else
    {
      label = gtk_label_new (_("No module"));
      gtk_widget_set_tooltip_text (label, _("No module in the catalog closes this gap: add a step of your own"));
    }
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

/* Sets what @row shows for @gap. Its suffixes are made anew only when
 * the gap changed: each new widget is laid out anew, and wrapped text in
 * a row is costly to measure. */
static void
update_gap_row (UpskillPlanPage  *self,
                GtkWidget        *row,
                const UpskillGap *gap)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  guint planned = upskill_planner_planned_level (profile, catalog, gap->skill);
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  g_autofree char *key = describe_gap (self, gap);
  g_autofree char *subtitle = NULL;
  GtkWidget *suffix;
  UpskillOpenGap why;

  if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "upskill-gap-key"), key) == 0)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gap->skill->name);

  if (gap->core)
    /* TRANSLATORS: a gap in the area the target role weighs most:
     * "Competent → Proficient · Data engineering, core of the role" */
    subtitle = g_strdup_printf (_("%1$s → %2$s · %3$s, core of the role"),
                                upskill_level_get_name (gap->current),
                                upskill_level_get_name (gap->target),
                                gap->skill->area->name);
  else
    /* TRANSLATORS: a gap: "Competent → Proficient · Data engineering" */
    subtitle = g_strdup_printf (_("%1$s → %2$s · %3$s"),
                                upskill_level_get_name (gap->current),
                                upskill_level_get_name (gap->target),
                                gap->skill->area->name);
  /* A rated level says what it rests on, as on the Skills page. */
  if (gap->current > 0)
    {
      g_autofree char *gap_text = g_steal_pointer (&subtitle);
      g_autofree char *basis = upskill_format_rating_basis (profile, gap->skill->id);

      /* TRANSLATORS: a gap, then what its current level rests on:
       * "Competent → Proficient · Data engineering · Self-rated" */
      subtitle = g_strdup_printf (_("%1$s · %2$s"), gap_text, basis);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* The suffixes follow in order: the demand, then the open gap's. */
  if ((suffix = g_object_get_data (G_OBJECT (row), "upskill-demand")) != NULL)
    adw_action_row_remove (ADW_ACTION_ROW (row), suffix);
  if ((suffix = g_object_get_data (G_OBJECT (row), "upskill-open-gap")) != NULL)
    adw_action_row_remove (ADW_ACTION_ROW (row), suffix);
  g_object_set_data (G_OBJECT (row), "upskill-demand", NULL);
  g_object_set_data (G_OBJECT (row), "upskill-open-gap", NULL);

  if (trends != NULL)
    {
      const char *css_class;
      const char *text = demand_label (upskill_trends_get_demand_signal (trends,
                                                                         gap->skill->area),
                                       &css_class);
      GtkWidget *demand = gtk_label_new (text);

      gtk_widget_set_valign (demand, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (demand, "upskill-tag");
      gtk_widget_add_css_class (demand, "caption");
      gtk_widget_add_css_class (demand, css_class);
      gtk_widget_set_tooltip_text (demand, _("How strongly the article backs this area"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), demand);
      g_object_set_data (G_OBJECT (row), "upskill-demand", demand);
    }

  /* A gap the plan leaves open, with one click to close it. */
  if (is_gap_open (self, gap, planned, &why))
    {
      suffix = create_open_gap_suffix (gap, why);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      g_object_set_data (G_OBJECT (row), "upskill-open-gap", suffix);
    }

  g_object_set_data_full (G_OBJECT (row), "upskill-gap-key", g_steal_pointer (&key), g_free);
}

static GtkWidget *
create_gap_row (UpskillPlanPage  *self,
                const UpskillGap *gap)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  upskill_wrap_set_min_chars (row);
  update_gap_row (self, row, gap);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* What the gap rows show, to rebuild them only when it changed. */
static char *
describe_gaps_shown (UpskillPlanPage *self,
                     GPtrArray       *gaps)
{
  UpskillRole *role = get_target_role (self);
  GString *key = g_string_new (role != NULL ? role->id : "");

  for (guint i = 0; i < gaps->len; i++)
    {
      g_autofree char *gap_key = describe_gap (self, g_ptr_array_index (gaps, i));

      g_string_append_printf (key, "|%s", gap_key);
    }

  return g_string_free (key, FALSE);
}

/* GTK 4.8's revealer measures its child while it is folded, and each
 * gap row's wrapped subtitle costs a lot to measure: the rows behind
 * "N more gaps" are laid out only once it is first expanded. */
static void
on_more_gaps_expanded (AdwExpanderRow  *more,
                       GParamSpec      *pspec,
                       UpskillPlanPage *self)
{
  if (!adw_expander_row_get_expanded (more))
    return;

  for (guint i = GAPS_SHOWN; i < self->gap_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->gap_rows, i), TRUE);
}

static void
refresh_gaps (UpskillPlanPage *self,
              GPtrArray       *gaps)
{
  UpskillRole *role = get_target_role (self);
  g_autofree char *key = describe_gaps_shown (self, gaps);
  GtkWidget *more = NULL;

  if (g_strcmp0 (key, self->gaps_key) == 0)
    return;
  g_free (self->gaps_key);
  self->gaps_key = g_steal_pointer (&key);

  if (role != NULL)
    {
      /* TRANSLATORS: %s is a role, "Data Engineer" */
      g_autofree char *title = g_strdup_printf (_("Gaps to %s"), role->name);

      adw_preferences_group_set_title (self->gaps_group, title);
    }
  else
    adw_preferences_group_set_title (self->gaps_group, _("Gaps to the Target"));

  /* As many gaps as before (a level changed, the plan changed): the rows
   * stay, and only those whose gap changed show it anew. */
  if (gaps->len > 0 && gaps->len == self->gap_rows->len)
    {
      for (guint i = 0; i < gaps->len; i++)
        update_gap_row (self, g_ptr_array_index (self->gap_rows, i), g_ptr_array_index (gaps, i));
      return;
    }

  clear_list (self->gaps_list);
  g_ptr_array_set_size (self->gap_rows, 0);

  if (gaps->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     role != NULL ? _("No gaps: every skill meets the target")
                                                  : _("No target role yet"));
      if (role == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Choose a target role on the Skills page to see the gaps to close."));
      gtk_list_box_append (self->gaps_list, row);
      return;
    }

  for (guint i = 0; i < gaps->len; i++)
    {
      GtkWidget *row = create_gap_row (self, g_ptr_array_index (gaps, i));

      g_ptr_array_add (self->gap_rows, g_object_ref (row));

      /* A few at the top; the rest behind one row, unless that row would
       * hide a single gap. */
      if (i < GAPS_SHOWN || gaps->len == GAPS_SHOWN + 1)
        {
          gtk_list_box_append (self->gaps_list, row);
          continue;
        }

      if (more == NULL)
        {
          g_autofree char *title = NULL;
          guint n_more = gaps->len - GAPS_SHOWN;

          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u more gap",
                                                "%u more gaps", n_more),
                                   n_more);
          more = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
          upskill_wrap_set_min_chars (more);
          g_signal_connect_object (more, "notify::expanded", G_CALLBACK (on_more_gaps_expanded), self, 0);
          gtk_list_box_append (self->gaps_list, more);
        }
      gtk_widget_set_visible (row, FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (more), row);
    }
}

/* The direct prerequisites of a step, and whether one that the person
 * still needs comes later in the plan. */
static char *
describe_prerequisites (UpskillPlanPage *self,
                        GPtrArray       *schedule,
                        guint            position,
                        gboolean        *out_later)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, position);
  UpskillModule *module = scheduled->module;
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *list = NULL;
  const char *later_title = NULL;

  *out_later = FALSE;
  if (module == NULL || module->prerequisites == NULL || module->prerequisites->len == 0)
    return NULL;

  titles = g_ptr_array_new ();
  for (guint i = 0; i < module->prerequisites->len; i++)
    {
      UpskillModule *prerequisite = g_ptr_array_index (module->prerequisites, i);

      g_ptr_array_add (titles, prerequisite->title);

      if (later_title != NULL
          || upskill_profile_get_level (profile, prerequisite->skill->id) >= prerequisite->to_level)
        continue;

      for (guint j = position + 1; j < schedule->len; j++)
        {
          const UpskillScheduledStep *other = g_ptr_array_index (schedule, j);

          if (other->module == prerequisite && other->scheduled)
            {
              later_title = prerequisite->title;
              break;
            }
        }
    }

  if (later_title != NULL)
    {
      *out_later = TRUE;
      /* TRANSLATORS: %s is the title of a course, book… */
      return g_strdup_printf (_("Comes before its prerequisite “%s”"), later_title);
    }

  g_ptr_array_add (titles, NULL);
  /* TRANSLATORS: separates titles in a list of prerequisites */
  list = g_strjoinv (_("; "), (char **) titles->pdata);

  /* TRANSLATORS: the prerequisites of a step: "After: The Python Tutorial" */
  return g_strdup_printf (_("After: %s"), list);
}

/* The rows are a recycling list: only those in sight exist, whatever the
 * length of the plan. The model changes only where a step shows something
 * else, so that a change elsewhere (a level, the weekly hours) rebinds a
 * few rows, not all. */
static void
show_steps (UpskillPlanPage *self)
{
  gtk_slice_list_model_set_size (self->items, G_MAXUINT);
}

static void
splice_steps (UpskillPlanPage *self,
              guint            position,
              guint            n_removed,
              GPtrArray       *items,
              guint            from,
              guint            n_added)
{
  g_list_store_splice (self->steps, position, n_removed,
                       n_added > 0 ? items->pdata + from : NULL, n_added);
}

static gboolean focus_row_idle (gpointer user_data);

static void
refresh_steps (UpskillPlanPage *self,
               GPtrArray       *schedule)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->steps);
  guint n_old = g_list_model_get_n_items (model);
  guint n_prefix = 0;
  guint n_suffix = 0;
  guint i;

  for (i = 0; i < schedule->len; i++)
    {
      const UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);
      g_autofree char *prerequisites = NULL;
      gboolean later = FALSE;

      /* A plan may repeat a step id in a damaged file; show each once. */
      if (!g_hash_table_add (seen, scheduled->step->id))
        continue;

      prerequisites = describe_prerequisites (self, schedule, i, &later);
      g_ptr_array_add (items, upskill_step_item_new (scheduled, i, schedule->len, prerequisites, later));
    }

  /* The same steps at both ends are kept, those that show something else
   * replaced in runs; what lies between is replaced at once. */
  while (n_prefix < n_old && n_prefix < items->len)
    {
      g_autoptr(UpskillStepItem) old = g_list_model_get_item (model, n_prefix);

      if (g_strcmp0 (upskill_step_item_get_step_id (old),
                     upskill_step_item_get_step_id (g_ptr_array_index (items, n_prefix))) != 0)
        break;
      n_prefix++;
    }
  while (n_suffix < n_old - n_prefix && n_suffix < items->len - n_prefix)
    {
      g_autoptr(UpskillStepItem) old = g_list_model_get_item (model, n_old - 1 - n_suffix);

      if (g_strcmp0 (upskill_step_item_get_step_id (old),
                     upskill_step_item_get_step_id (g_ptr_array_index (items, items->len - 1 - n_suffix))) != 0)
        break;
      n_suffix++;
    }

  /* The middle first: then the model has the new positions. */
  if (n_old - n_prefix - n_suffix > 0 || items->len - n_prefix - n_suffix > 0)
    splice_steps (self, n_prefix, n_old - n_prefix - n_suffix,
                  items, n_prefix, items->len - n_prefix - n_suffix);

  for (guint end = 0; end < 2; end++)
    {
      guint first = end == 0 ? 0 : items->len - n_suffix;
      guint last = end == 0 ? n_prefix : items->len;

      for (i = first; i < last; )
        {
          guint n_changed = 0;

          while (i + n_changed < last)
            {
              g_autoptr(UpskillStepItem) old = g_list_model_get_item (model, i + n_changed);

              if (upskill_step_item_equal (old, g_ptr_array_index (items, i + n_changed)))
                break;
              n_changed++;
            }
          if (n_changed > 0)
            splice_steps (self, i, n_changed, items, i, n_changed);
          i += MAX (n_changed, 1);
        }
    }

  /* The row to focus is shown (scrolled to, if need be) and focused
   * once it is bound, when the list is laid out. */
  if (self->focus_step_id != NULL)
    {
      for (i = 0; i < items->len; i++)
        if (g_str_equal (upskill_step_item_get_step_id (g_ptr_array_index (items, i)), self->focus_step_id))
          break;
      if (i == items->len)
        g_clear_pointer (&self->focus_step_id, g_free);
      else if (g_hash_table_contains (self->bound_rows, self->focus_step_id))
        {
          if (self->focus_source == 0)
            self->focus_source = g_idle_add (focus_row_idle, self);
        }
      else
        {
          show_steps (self);
          gtk_widget_activate_action (GTK_WIDGET (self->steps_view), "list.scroll-to-item", "u", i + 1);
        }
    }
}

/* What to say about the gaps that the plan's steps do not close (no module
 * for them yet, or their steps skipped), or NULL if it closes them all. */
static char *
describe_uncovered (UpskillPlanPage *self,
                    GPtrArray       *gaps,
                    GPtrArray       *schedule)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) open_gaps = g_ptr_array_new ();
  g_autofree guint *reached = NULL;
  guint n_skills = upskill_catalog_get_n_skills (catalog);

  reached = g_new0 (guint, MAX (n_skills, 1));
  for (guint i = 0; i < schedule->len; i++)
    {
      const UpskillScheduledStep *scheduled = g_ptr_array_index (schedule, i);

      if (scheduled->skill == NULL || scheduled->step->status == UPSKILL_STEP_SKIPPED)
        continue;
      reached[scheduled->skill->index] = MAX (reached[scheduled->skill->index], scheduled->to_level);
    }

  for (guint i = 0; i < gaps->len; i++)
    {
      const UpskillGap *gap = g_ptr_array_index (gaps, i);

      if (reached[gap->skill->index] < gap->target)
        g_ptr_array_add (open_gaps, gap->skill->name);
    }

  if (open_gaps->len == 0)
    return NULL;

  if (open_gaps->len == 1)
    /* TRANSLATORS: %s is a skill */
    return g_strdup_printf (_("The plan does not close the gap in %s yet. "
                              "Regenerate the plan, or add a step of your own for it."),
                            (const char *) g_ptr_array_index (open_gaps, 0));

  /* The most pressing two by name: a long list helps no one. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The plan does not close %1$u of the %2$u gaps yet, "
                                       "among them %3$s and %4$s. Regenerate the plan, or add "
                                       "steps of your own for them.",
                                       "The plan does not close %1$u of the %2$u gaps yet, "
                                       "among them %3$s and %4$s. Regenerate the plan, or add "
                                       "steps of your own for them.",
                                       open_gaps->len),
                          open_gaps->len, gaps->len,
                          (const char *) g_ptr_array_index (open_gaps, 0),
                          (const char *) g_ptr_array_index (open_gaps, 1));
}

static guint
count_scheduled (GPtrArray *schedule)
{
  guint n = 0;

  for (guint i = 0; i < schedule->len; i++)
    if (((UpskillScheduledStep *) g_ptr_array_index (schedule, i))->scheduled)
      n++;

  return n;
}

static void
refresh_summary (UpskillPlanPage       *self,
                 GPtrArray             *gaps,
                 GPtrArray             *schedule,
                 const UpskillForecast *forecast)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  UpskillRole *role = get_target_role (self);
  const char *name = upskill_profile_get_name (profile);
  double weekly_hours = upskill_profile_get_weekly_hours (profile);
  guint remaining_hours = upskill_planner_remaining_hours (schedule);
  guint n_left = count_scheduled (schedule);
  g_autofree char *hours_text = g_strdup_printf ("%u", remaining_hours);
  g_autofree char *steps_text = g_strdup_printf ("%u", n_left);
  g_autofree char *weekly_text = format_hours (weekly_hours);
  g_autofree char *uncovered = describe_uncovered (self, gaps, schedule);
  g_autofree char *headline = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *ready_text = NULL;
  GDate finish;
  GDate today;
  guint n_behind;

  get_today (&today);
  n_behind = upskill_planner_count_behind (profile, &today);
  upskill_planner_get_finish (schedule, &finish);

  gtk_label_set_text (self->hours_label, hours_text);
  gtk_label_set_text (self->steps_label, steps_text);

  if (g_date_valid (&finish))
    {
      ready_text = upskill_date_format_day (&finish);
      gtk_label_set_text (self->ready_caption, uncovered != NULL ? _("Plan ends") : _("Ready by"));
    }
  else
    {
      ready_text = g_strdup (_("—"));
      gtk_label_set_text (self->ready_caption, _("Ready by"));
    }
  gtk_label_set_text (self->ready_label, ready_text);

  if (role == NULL)
    {
      headline = g_strdup (_("No target role yet"));
      sentence = g_strdup (_("Choose a target role on the Skills page: the plan closes the gaps to it."));
    }
  else if (schedule->len == 0 && gaps->len == 0)
    {
      /* TRANSLATORS: %s is a role */
      headline = g_strdup_printf (_("Ready for %s"), role->name);
      sentence = g_strdup (_("Every skill meets the target. Raise a target on the Skills page to plan further."));
    }
  else if (schedule->len == 0)
    {
      headline = g_strdup (_("No plan yet"));
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u skill is below the target. Create a plan to close the gap.",
                                               "%u skills are below the target. Create a plan to close the gaps.",
                                               gaps->len),
                                  gaps->len);
    }
  else if (n_left == 0)
    {
      headline = g_strdup (_("Every step is done or skipped"));
      sentence = gaps->len > 0
        ? g_strdup (_("Some gaps remain: regenerate the plan to choose the next modules."))
        : g_strdup_printf (_("Ready for %s."), role->name);
    }
  else
    {
      g_autofree char *hours_sentence = NULL;

      if (uncovered == NULL)
        /* TRANSLATORS: "Ready for Data Engineer by 12 March 2027" */
        headline = g_strdup_printf (_("Ready for %1$s by %2$s"), role->name, ready_text);
      else
        /* TRANSLATORS: "The plan ends on 12 March 2027" */
        headline = g_strdup_printf (_("The plan ends on %s"), ready_text);

      hours_sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u hour of learning is left",
                                                     "%u hours of learning are left",
                                                     remaining_hours),
                                        remaining_hours);
      /* TRANSLATORS: "At 8 hours a week, 136 hours of learning are left for
       * Li Wei, starting today." */
      sentence = g_strdup_printf (_("At %1$s hours a week, %2$s for %3$s, starting today."),
                                  weekly_text, hours_sentence, name);
      if (n_behind > 0)
        {
          g_autofree char *on_time = g_steal_pointer (&sentence);

          sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%1$s The plan is behind: %2$u step was due before today. "
                                                   "Regenerate the plan to move it forward from today.",
                                                   "%1$s The plan is behind: %2$u steps were due before today. "
                                                   "Regenerate the plan to move them forward from today.",
                                                   n_behind),
                                      on_time, n_behind);
        }
    }

  gtk_label_set_text (self->headline_label, headline);
  gtk_label_set_text (self->sentence_label, sentence);

  /* What following the plan leads to, not just when it ends. */
  if (role != NULL && schedule->len > 0 && gaps->len > 0)
    {
      g_autofree char *ahead = upskill_format_forecast (forecast);
      g_autofree char *areas = upskill_format_area_dates (forecast, upskill_page_get_catalog (UPSKILL_PAGE (self)));
      g_autofree char *text = g_strjoin (" ", ahead, areas != NULL ? areas : "",
                                         uncovered != NULL ? uncovered : "", NULL);

      g_strstrip (text);

      gtk_label_set_text (self->coverage_label, text);
      gtk_widget_set_visible (self->coverage_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->coverage_box, FALSE);

  self->updating = TRUE;
  if (fabs (gtk_spin_button_get_value (self->weekly_hours_spin) - weekly_hours) > 0.001)
    gtk_spin_button_set_value (self->weekly_hours_spin, weekly_hours);
  self->updating = FALSE;
}

static void
update_actions (UpskillPlanPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  gboolean has_profile = profile != NULL && catalog != NULL;
  gboolean has_plan = has_profile && upskill_profile_get_plan (profile)->len > 0;
  static const char * const profile_actions[] = {
    "plan.regenerate", "plan.add-module", "plan.add-custom-step",
    "plan.set-step-status", "plan.move-step-up", "plan.move-step-down",
    "plan.remove-step", "plan.open-step-link",
  };
  int state = has_profile + 2 * has_plan;

  /* Each change notifies every button of every step row, even when the
   * value stays: with hundreds of steps, that was most of a level click. */
  if (state == self->actions_state)
    return;
  self->actions_state = state;

  for (guint i = 0; i < G_N_ELEMENTS (profile_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), profile_actions[i], has_profile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export-calendar", has_plan);
}

static void
refresh (UpskillPlanPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) schedule = NULL;
  g_autofree char *order_message = NULL;
  g_autoptr(UpskillForecast) forecast = NULL;
  GDate today;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  update_actions (self);

  if (profile == NULL || catalog == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_list_store_remove_all (self->steps);
      clear_list (self->gaps_list);
      g_ptr_array_set_size (self->gap_rows, 0);
      g_clear_pointer (&self->gaps_key, g_free);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "plan");

  get_today (&today);
  gaps = upskill_compute_gaps (profile, catalog, trends);
  schedule = upskill_planner_schedule (profile, catalog, &today);

  forecast = upskill_planner_forecast (profile, catalog, trends, schedule, &today);
  refresh_summary (self, gaps, schedule, forecast);
  refresh_gaps (self, gaps);
  refresh_steps (self, schedule);

  /* The steps follow the group's heading in the list; the page ends
   * with the last of them, or with the empty plan's card. */
  gtk_widget_set_margin_bottom (self->header_box, schedule->len > 0 ? 0 : 24);
  if (schedule->len > 0)
    gtk_stack_set_visible_child_name (self->path_stack, "steps");
  else
    {
      gtk_label_set_text (self->empty_plan_label,
                          gaps->len > 0
                          ? _("There is no learning path yet. Upskill can choose modules that close the gaps, in an order that respects their prerequisites.")
                          : _("There is nothing to learn for the target right now. You can still add modules or your own steps."));
      gtk_widget_set_visible (gtk_widget_get_next_sibling (GTK_WIDGET (self->empty_plan_label)),
                              gaps->len > 0);
      gtk_stack_set_visible_child_name (self->path_stack, "empty");
    }

  if (!upskill_planner_check_order (profile, schedule, &order_message))
    gtk_label_set_text (self->order_label, order_message);
  gtk_revealer_set_reveal_child (self->order_revealer, order_message != NULL);
}

static gboolean
refresh_idle (gpointer user_data)
{
  UpskillPlanPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Coalesced, and never while a row's own signal is still running. */
static void
queue_refresh (UpskillPlanPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

static void
on_weekly_hours_changed (UpskillPlanPage *self)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  double hours = gtk_spin_button_get_value (self->weekly_hours_spin);

  if (self->updating || profile == NULL)
    return;

  hours = CLAMP (hours, 0.5, UPSKILL_PROFILE_MAX_WEEKLY_HOURS);
  if (fabs (upskill_profile_get_weekly_hours (profile) - hours) > 0.001)
    upskill_profile_set_weekly_hours (profile, hours);
}

static gboolean
on_weekly_hours_output (UpskillPlanPage *self)
{
  g_autofree char *text = format_hours (gtk_spin_button_get_value (self->weekly_hours_spin));

  gtk_editable_set_text (GTK_EDITABLE (self->weekly_hours_spin), text);

  return TRUE;
}

/* Plan edits */

static GPtrArray *
copy_plan (UpskillProfile *profile)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);
  GPtrArray *copy = g_ptr_array_new_full (plan->len + 1, (GDestroyNotify) upskill_plan_step_free);

  for (guint i = 0; i < plan->len; i++)
    g_ptr_array_add (copy, upskill_plan_step_copy (g_ptr_array_index (plan, i)));

  return copy;
}

static void
append_step (UpskillPlanPage *self,
             UpskillPlanStep *step)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autoptr(GError) error = NULL;
  GPtrArray *plan;

  /* Past the limits, the file would not open again. */
  if (!upskill_profile_check_room_for_step (profile, &error) ||
      !upskill_profile_text_fits (step->title, FALSE))
    {
      g_autofree char *message = NULL;

      if (error == NULL)
        message = g_strdup_printf (_("Not added: a step's title may hold up to %u characters"),
                                   UPSKILL_PROFILE_LINE_MAX_CHARS);
      upskill_toast_show (GTK_WIDGET (self), upskill_toast_new (error != NULL ? error->message : message));
      upskill_plan_step_free (step);
      return;
    }

  plan = copy_plan (profile);
  g_free (self->focus_step_id);
  self->focus_step_id = g_strdup (step->id);

  g_ptr_array_add (plan, step);
  upskill_profile_set_plan (profile, plan);
}

static int
find_step_position (UpskillProfile *profile,
                    const char     *step_id)
{
  GPtrArray *plan = upskill_profile_get_plan (profile);

  for (guint i = 0; i < plan->len; i++)
    if (g_strcmp0 (((UpskillPlanStep *) g_ptr_array_index (plan, i))->id, step_id) == 0)
      return i;

  return -1;
}

static void
move_step (UpskillPlanPage *self,
           const char      *step_id,
           int              delta)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  int position = find_step_position (profile, step_id);
  int n_steps = upskill_profile_get_plan (profile)->len;

  if (position < 0 || position + delta < 0 || position + delta >= n_steps)
    return;

  g_free (self->focus_step_id);
  self->focus_step_id = g_strdup (step_id);
  upskill_profile_move_step (profile, step_id, position + delta);
}

static void
move_step_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_step (UPSKILL_PLAN_PAGE (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
move_step_down_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_step (UPSKILL_PLAN_PAGE (widget), g_variant_get_string (parameter, NULL), +1);
}

static void
remove_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *step_id = g_variant_get_string (parameter, NULL);
  AdwToast *toast;

  if (upskill_profile_find_step (profile, step_id) == NULL)
    return;

  /* No confirmation: the window's undo (Ctrl+Z, or the toast) puts
   * the step back where it was. */
  upskill_profile_remove_step (profile, step_id);

  toast = upskill_toast_new (_("Step removed"));
  upskill_toast_add_undo (toast);
  upskill_toast_show (GTK_WIDGET (self), toast);
}

static void
open_step_link_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  UpskillPlanStep *step = upskill_profile_find_step (profile,
                                                     g_variant_get_string (parameter, NULL));
  UpskillModule *module;

  if (step == NULL || step->module_id == NULL)
    return;

  module = upskill_catalog_find_module (catalog, step->module_id);
  if (module != NULL && module->url != NULL
      && (g_str_has_prefix (module->url, "https://") || g_str_has_prefix (module->url, "http://")))
    gtk_show_uri (upskill_page_get_window (UPSKILL_PAGE (self)), module->url, GDK_CURRENT_TIME);
}

typedef struct
{
  UpskillProfile *profile;
  char           *skill_id;
  guint           level;
  char           *source;
} RaiseOffer;

static void
raise_offer_free (RaiseOffer *offer)
{
  g_object_unref (offer->profile);
  g_free (offer->skill_id);
  g_free (offer->source);
  g_free (offer);
}

static void
on_raise_response (AdwMessageDialog *dialog,
                   const char       *response,
                   RaiseOffer       *offer)
{
  if (g_strcmp0 (response, "raise") == 0
      && upskill_profile_get_level (offer->profile, offer->skill_id) < offer->level)
    upskill_profile_set_level (offer->profile, offer->skill_id, offer->level, offer->source, 0);
}

/* A step is done: offer to raise the skill to the level it promises. */
static void
offer_raise (UpskillPlanPage *self,
             UpskillPlanStep *step)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  UpskillModule *module = NULL;
  UpskillSkill *skill = NULL;
  const char *title;
  guint to_level;
  guint current;
  RaiseOffer *offer;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (step->module_id != NULL)
    {
      module = upskill_catalog_find_module (catalog, step->module_id);
      if (module == NULL)
        return;
      skill = module->skill;
      title = module->title;
      to_level = module->to_level;
    }
  else
    {
      skill = step->skill_id != NULL ? upskill_catalog_find_skill (catalog, step->skill_id) : NULL;
      title = step->title;
      to_level = step->to_level;
    }

  if (skill == NULL || title == NULL || to_level > UPSKILL_LEVEL_MAX)
    return;

  current = upskill_profile_get_level (profile, skill->id);
  if (current >= to_level)
    return;

  offer = g_new0 (RaiseOffer, 1);
  offer->profile = g_object_ref (profile);
  offer->skill_id = g_strdup (skill->id);
  offer->level = to_level;
  offer->source = upskill_progress_completed_source (title);

  /* TRANSLATORS: "Raise SQL to Proficient?" */
  heading = g_strdup_printf (_("Raise %1$s to %2$s?"), skill->name, upskill_level_get_name (to_level));
  /* TRANSLATORS: "“Use The Index, Luke!” is done. It takes SQL to
   * Proficient; Li Wei is at Competent now." */
  body = g_strdup_printf (_("“%1$s” is done. It takes %2$s to %3$s; %4$s is at %5$s now. "
                            "The change is recorded in the history."),
                          title, skill->name, upskill_level_get_name (to_level),
                          upskill_profile_get_name (profile),
                          upskill_level_get_name (current));

  dialog = adw_message_dialog_new (upskill_page_get_window (UPSKILL_PAGE (self)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Level"),
                                    "raise", _("_Raise Level"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "raise",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "raise");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_raise_response),
                         offer, (GClosureNotify) (void (*) (void)) raise_offer_free, 0);
  upskill_page_present_dialog (UPSKILL_PAGE (self), GTK_WINDOW (dialog));
}

static void
set_step_status_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *step_id;
  UpskillPlanStep *step;
  int status;
  gboolean was_done;

  g_variant_get (parameter, "(&si)", &step_id, &status);
  step = upskill_profile_find_step (profile, step_id);
  if (step == NULL || status < UPSKILL_STEP_PLANNED || status > UPSKILL_STEP_SKIPPED)
    return;

  was_done = step->status == UPSKILL_STEP_DONE;
  g_free (self->focus_step_id);
  self->focus_step_id = g_strdup (step_id);
  upskill_profile_set_step_status (profile, step_id, status);

  /* The profile may have replaced the step while notifying. */
  step = upskill_profile_find_step (profile, step_id);
  if (step != NULL && status == UPSKILL_STEP_DONE && !was_done)
    offer_raise (self, step);
}

static void
regenerate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));

  upskill_planner_regenerate (profile, catalog, trends);
}

static void
log_step_hours_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *step_id = NULL;
  UpskillPlanStep *step;
  guint hours = 0;

  g_variant_get (parameter, "(&su)", &step_id, &hours);
  if (profile == NULL || (step = upskill_profile_find_step (profile, step_id)) == NULL)
    return;

  upskill_profile_set_step_hours_spent (profile, step_id,
                                        MIN (step->hours_spent + (guint64) hours,
                                             UPSKILL_PROFILE_MAX_STEP_HOURS));
  /* Logging time means the step is under way. */
  if (step->status == UPSKILL_STEP_PLANNED)
    upskill_profile_set_step_status (profile, step_id, UPSKILL_STEP_IN_PROGRESS);
}

typedef struct
{
  UpskillProfile *profile;
  char           *step_id;
  GtkSpinButton  *spin;     /* the dialog's, lives as long as it */
} HoursEdit;

static void
hours_edit_free (HoursEdit *edit)
{
  g_clear_object (&edit->profile);
  g_free (edit->step_id);
  g_free (edit);
}

static void
on_hours_response (AdwMessageDialog *dialog,
                   const char       *response,
                   HoursEdit        *edit)
{
  UpskillPlanStep *step;
  guint hours;

  if (g_strcmp0 (response, "set") != 0)
    return;

  step = upskill_profile_find_step (edit->profile, edit->step_id);
  if (step == NULL)
    return;

  /* Takes a number typed but not yet confirmed with Enter. */
  gtk_spin_button_update (edit->spin);
  hours = (guint) CLAMP (gtk_spin_button_get_value_as_int (edit->spin), 0,
                         UPSKILL_PROFILE_MAX_STEP_HOURS);
  upskill_profile_set_step_hours_spent (edit->profile, edit->step_id, hours);
  if (hours > 0 && step->status == UPSKILL_STEP_PLANNED)
    upskill_profile_set_step_status (edit->profile, edit->step_id, UPSKILL_STEP_IN_PROGRESS);
}

static void
on_hours_activate (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "set");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* The hours spent on a step as a number the person types: the total so
 * far, so a slip can be corrected downwards too. */
static void
edit_step_hours_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *step_id = g_variant_get_string (parameter, NULL);
  g_autofree char *body = NULL;
  UpskillModule *module = NULL;
  UpskillPlanStep *step;
  const char *title;
  GtkWidget *dialog;
  GtkWidget *spin;
  HoursEdit *edit;
  guint hours;

  if (profile == NULL || (step = upskill_profile_find_step (profile, step_id)) == NULL)
    return;

  if (step->module_id != NULL)
    module = upskill_catalog_find_module (catalog, step->module_id);
  title = module != NULL ? module->title
        : step->title != NULL ? step->title
        : step->module_id != NULL ? step->module_id : "";
  hours = module != NULL ? module->hours : step->hours;

  /* TRANSLATORS: "“OWASP Top 10 for LLM Applications” takes about 6 hours.
   * The plan's dates count only the hours left." */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%1$s” takes about %2$u hour. The plan’s dates count only the hours left.",
                                       "“%1$s” takes about %2$u hours. The plan’s dates count only the hours left.",
                                       hours),
                          title, hours);
  dialog = adw_message_dialog_new (upskill_page_get_window (UPSKILL_PAGE (self)),
                                   _("Hours Spent"), body);

  spin = gtk_spin_button_new_with_range (0, UPSKILL_PROFILE_MAX_STEP_HOURS, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), step->hours_spent);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hours spent so far"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "set", _("_Set Hours"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  edit = g_new0 (HoursEdit, 1);
  edit->profile = g_object_ref (profile);
  edit->step_id = g_strdup (step_id);
  edit->spin = GTK_SPIN_BUTTON (spin);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_hours_response),
                         edit, (GClosureNotify) (void (*) (void)) hours_edit_free, 0);
  /* GTK 4.8's spin button has no "activate" of its own: its text has. */
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                            G_CALLBACK (on_hours_activate), dialog);
  upskill_page_present_dialog (UPSKILL_PAGE (self), GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
}

static void
cover_gap_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *skill_id = g_variant_get_string (parameter, NULL);
  g_autofree char *message = NULL;
  guint added;

  if (profile == NULL || catalog == NULL)
    return;

  added = upskill_planner_cover_gap (profile, catalog, skill_id);
  if (added == 0)
    return;

  /* TRANSLATORS: a toast after one click on "Add Steps" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u step to the plan",
                                          "Added %u steps to the plan", added),
                             added);
  upskill_toast_show (GTK_WIDGET (self), upskill_toast_new (message));
}

static void
on_module_chosen (UpskillModuleChooser *chooser,
                  const char           *module_id,
                  UpskillPlanPage      *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autofree char *id = NULL;

  if (profile == NULL || upskill_catalog_find_module (catalog, module_id) == NULL)
    return;

  for (guint i = 0; i < upskill_profile_get_plan (profile)->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (upskill_profile_get_plan (profile), i);

      if (g_strcmp0 (step->module_id, module_id) == 0)
        {
          upskill_toast_show (GTK_WIDGET (self), upskill_toast_new (_("This module is already in the plan")));
          return;
        }
    }

  id = upskill_profile_new_step_id (profile);
  append_step (self, upskill_plan_step_new_module (id, module_id));
}

static void
add_module_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  GPtrArray *plan = upskill_profile_get_plan (profile);
  g_autoptr(GPtrArray) in_plan = g_ptr_array_new ();
  UpskillModuleChooser *chooser;

  for (guint i = 0; i < plan->len; i++)
    {
      UpskillPlanStep *step = g_ptr_array_index (plan, i);

      if (step->module_id != NULL)
        g_ptr_array_add (in_plan, step->module_id);
    }
  g_ptr_array_add (in_plan, NULL);

  chooser = upskill_module_chooser_new (upskill_page_get_window (UPSKILL_PAGE (self)), catalog,
                                        (const char * const *) in_plan->pdata);
  g_signal_connect_object (chooser, "module-chosen", G_CALLBACK (on_module_chosen), self, 0);
  upskill_page_present_dialog (UPSKILL_PAGE (self), GTK_WINDOW (chooser));
}

static void
on_step_dialog_response (UpskillStepDialog *dialog,
                         const char        *response,
                         UpskillPlanPage   *self)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  UpskillPlanStep *step;

  if (g_strcmp0 (response, "add") != 0 || profile == NULL)
    return;

  step = upskill_step_dialog_create_step (dialog);
  if (step != NULL)
    append_step (self, step);
}

static void
add_custom_step_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) gaps = upskill_compute_gaps (profile, catalog, trends);
  const char *skill_id = NULL;
  UpskillStepDialog *dialog;

  /* Start on the most pressing gap. */
  if (gaps->len > 0)
    skill_id = ((UpskillGap *) g_ptr_array_index (gaps, 0))->skill->id;

  dialog = upskill_step_dialog_new (upskill_page_get_window (UPSKILL_PAGE (self)),
                                    catalog, profile, skill_id);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_step_dialog_response), self, 0);
  upskill_page_present_dialog (UPSKILL_PAGE (self), GTK_WINDOW (dialog));
}

/* Export to calendar */

static void
write_calendar_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GBytes *bytes = task_data;
  GError *error = NULL;

  if (upskill_file_write_atomically (file, bytes, UPSKILL_FILE_MODE_DOCUMENT, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
upskill_plan_page_export_calendar_async (UpskillPlanPage     *self,
                                         GFile               *file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) schedule = NULL;
  UpskillCatalog *catalog;
  UpskillProfile *profile;
  GDate today;

  g_return_if_fail (UPSKILL_IS_PLAN_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_plan_page_export_calendar_async);

  catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  if (profile == NULL || catalog == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("There is no plan to export"));
      return;
    }

  /* The profile is read here, on the main thread; only the writing runs
   * on a worker. */
  get_today (&today);
  schedule = upskill_planner_schedule (profile, catalog, &today);
  g_task_set_task_data (task,
                        upskill_ics_build (profile, catalog, schedule,
                                           g_get_real_time () / G_USEC_PER_SEC),
                        (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, write_calendar_thread);
}

gboolean
upskill_plan_page_export_calendar_finish (UpskillPlanPage  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_calendar_written (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = upskill_file_dup_display_name (file);

  if (!upskill_plan_page_export_calendar_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The message names the file and says why. */
      upskill_toast_show (GTK_WIDGET (self), upskill_toast_new (error->message));
      return;
    }

  /* TRANSLATORS: %s is a file name */
  upskill_toast_show (GTK_WIDGET (self), upskill_toast_new_printf (_("Plan exported to “%s”"), name));
}

static void
on_export_file_chosen (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(UpskillPlanPage) self = user_data;
  GFile *file = upskill_choose_file_finish (result, NULL);

  /* on_calendar_written() takes the file. */
  if (file != NULL)
    upskill_plan_page_export_calendar_async (self, file, self->cancellable,
                                             on_calendar_written, file);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (widget);
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autoptr(GtkFileFilter) filter = upskill_file_filter_new (_("Calendar files"), "text/calendar", "ics");
  g_autofree char *name = upskill_ics_suggest_name (profile);

  upskill_choose_file_async (upskill_page_get_window (UPSKILL_PAGE (self)),
                             GTK_FILE_CHOOSER_ACTION_SAVE,
                             _("Export Learning Plan"), _("_Export"), name, filter,
                             self->cancellable, on_export_file_chosen, g_object_ref (self));
}

/* UpskillPage */

static void
upskill_plan_page_data_changed (UpskillPage *page)
{
  refresh (UPSKILL_PLAN_PAGE (page));
}

static void
upskill_plan_page_profile_changed (UpskillPage *page)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (page);

  g_clear_pointer (&self->focus_step_id, g_free);
  /* Start at the top for another person. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  refresh (self);
}

static void
upskill_plan_page_profile_updated (UpskillPage *page)
{
  queue_refresh (UPSKILL_PLAN_PAGE (page));
}

/* GObject */

static void
upskill_plan_page_dispose (GObject *object)
{
  UpskillPlanPage *self = (UpskillPlanPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);

  /* The stack is both AdwBin's child and a bound template child: unset it
   * first, or gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->steps_view != NULL)
    gtk_grid_view_set_model (self->steps_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_PLAN_PAGE);
  g_clear_object (&self->items);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->focus_step_id, g_free);
  g_clear_pointer (&self->gaps_key, g_free);
  g_clear_pointer (&self->gap_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (upskill_plan_page_parent_class)->dispose (object);
}

static void
upskill_plan_page_class_init (UpskillPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpskillPageClass *page_class = UPSKILL_PAGE_CLASS (klass);

  object_class->dispose = upskill_plan_page_dispose;

  page_class->catalog_changed = upskill_plan_page_data_changed;
  page_class->trends_changed = upskill_plan_page_data_changed;
  page_class->profile_changed = upskill_plan_page_profile_changed;
  page_class->profile_updated = upskill_plan_page_profile_updated;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, ready_caption);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, ready_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, hours_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, steps_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, weekly_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, coverage_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, order_revealer);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, order_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, gaps_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, path_stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, steps_view);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillPlanPage, empty_plan_label);
  /* Not used here, but reachable by tests through gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "regenerate_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "create_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_weekly_hours_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_weekly_hours_output);

  gtk_widget_class_install_action (widget_class, "plan.regenerate", NULL, regenerate_action);
  gtk_widget_class_install_action (widget_class, "plan.cover-gap", "s", cover_gap_action);
  gtk_widget_class_install_action (widget_class, "plan.log-step-hours", "(su)", log_step_hours_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-step-hours", "s", edit_step_hours_action);
  gtk_widget_class_install_action (widget_class, "plan.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "plan.add-module", NULL, add_module_action);
  gtk_widget_class_install_action (widget_class, "plan.add-custom-step", NULL, add_custom_step_action);
  gtk_widget_class_install_action (widget_class, "plan.set-step-status", "(si)", set_step_status_action);
  gtk_widget_class_install_action (widget_class, "plan.move-step-up", "s", move_step_up_action);
  gtk_widget_class_install_action (widget_class, "plan.move-step-down", "s", move_step_down_action);
  gtk_widget_class_install_action (widget_class, "plan.remove-step", "s", remove_step_action);
  gtk_widget_class_install_action (widget_class, "plan.open-step-link", "s", open_step_link_action);
}

static void
setup_list_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 UpskillPlanPage          *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static gboolean
focus_row_idle (gpointer user_data)
{
  UpskillPlanPage *self = user_data;
  GtkWidget *row = NULL;

  self->focus_source = 0;
  if (self->focus_step_id != NULL)
    row = g_hash_table_lookup (self->bound_rows, self->focus_step_id);
  if (row != NULL && !gtk_widget_has_focus (row) && gtk_widget_get_focus_child (row) == NULL)
    gtk_widget_grab_focus (row);
  g_clear_pointer (&self->focus_step_id, g_free);

  return G_SOURCE_REMOVE;
}

static void
bind_list_item (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                UpskillPlanPage          *self)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (!UPSKILL_IS_STEP_ITEM (item))
    {
      /* Everything above the steps. */
      if (self->header_item != NULL && self->header_item != list_item)
        gtk_list_item_set_child (self->header_item, NULL);
      self->header_item = list_item;
      gtk_list_item_set_child (list_item, self->header_box);
      return;
    }

  if (!UPSKILL_IS_STEP_ROW (row))
    {
      row = upskill_step_row_new ();
      gtk_list_item_set_child (list_item, row);
    }
  upskill_step_row_set_item (UPSKILL_STEP_ROW (row), item);
  g_hash_table_replace (self->bound_rows, g_strdup (upskill_step_item_get_step_id (item)), row);

  /* Focused after the list's layout, which binds the row. */
  if (self->focus_step_id != NULL && g_str_equal (self->focus_step_id, upskill_step_item_get_step_id (item))
      && self->focus_source == 0)
    self->focus_source = g_idle_add (focus_row_idle, self);
}

static void
unbind_list_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  UpskillPlanPage          *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (list_item == self->header_item)
    {
      gtk_list_item_set_child (list_item, NULL);
      self->header_item = NULL;
    }
  else if (UPSKILL_IS_STEP_ROW (row))
    {
      const char *step_id = upskill_step_row_get_step_id (UPSKILL_STEP_ROW (row));

      if (g_hash_table_lookup (self->bound_rows, step_id) == row)
        g_hash_table_remove (self->bound_rows, step_id);
    }
}

static void
teardown_list_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    UpskillPlanPage          *self)
{
  if (list_item == self->header_item)
    self->header_item = NULL;
}

static void
upskill_plan_page_init (UpskillPlanPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GListStore) header = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GObject) header_marker = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  /* header_box, out of the page's tree while scrolled out of sight, is
   * kept by the template as a bound child. */
  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_wrap_set_min_chars (GTK_WIDGET (self));
  upskill_wrap_set_min_chars (self->header_box);

  self->steps = g_list_store_new (UPSKILL_TYPE_STEP_ITEM);
  self->bound_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->gap_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_list_store_append (header, header_marker);
  g_list_store_append (sections, header);
  g_list_store_append (sections, self->steps);
  self->items = gtk_slice_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections)))),
                                         0, 1);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  g_signal_connect (self, "notify::later-shown", G_CALLBACK (show_steps), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_list_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_list_item), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_list_item), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_list_item), self);
  gtk_grid_view_set_factory (self->steps_view, factory);
  gtk_grid_view_set_model (self->steps_view, GTK_SELECTION_MODEL (selection));

  self->cancellable = g_cancellable_new ();
  self->actions_state = -1;
  refresh (self);
}
