/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-after-frame.h"
#include "upskill-format.h"
#include "upskill-level.h"
#include "upskill-radar-chart.h"
#include "upskill-readiness.h"
#include "upskill-skill-row.h"
#include "upskill-skills-page.h"
#include "upskill-wrap.h"

/* One area's widgets, in the catalog's order. The group and its rows
 * are built after the page's first frame for all areas but the first
 * (see build_groups_later): NULL until then. */
typedef struct
{
  UpskillArea         *area;          /* owned by the catalog */
  AdwPreferencesGroup *group;
  GtkLabel            *ready_label;   /* the group's header suffix */
  char                *ready_text;    /* its text, kept for a group built later */
  GtkLabel            *current_label; /* in the header's table */
  GtkLabel            *target_label;
  GtkLabel            *table_ready_label;
  GPtrArray           *rows;          /* UpskillSkillRow* */
} AreaWidgets;

struct _UpskillSkillsPage
{
  UpskillPage        parent_instance;

  GArray            *areas;           /* AreaWidgets */
  gboolean           areas_built;     /* for the catalog, once a profile is shown */
  guint              n_groups_built;  /* the first areas' groups, in order */
  UpskillAfterFrame  build_later;   /* the groups after the first */
  char              *pending_area_id; /* for show_area, once laid out */
  guint              show_area_tick_id;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  AdwClamp          *clamp;
  GtkLabel          *readiness_label;
  GtkLabel          *role_label;
  GtkLabel          *baseline_label;
  GtkLabel          *goal_label;
  GtkLevelBar       *readiness_bar;
  GtkGrid           *area_grid;
  UpskillRadarChart *radar_chart;
  GtkBox            *groups_box;
};

G_DEFINE_FINAL_TYPE (UpskillSkillsPage, upskill_skills_page, UPSKILL_TYPE_PAGE)

static void
area_widgets_clear (AreaWidgets *widgets)
{
  g_clear_pointer (&widgets->rows, g_ptr_array_unref);
  g_clear_pointer (&widgets->ready_text, g_free);
}

/* "76%", or an em dash when nothing is targeted. */
static char *
format_percent (double percent)
{
  return upskill_format_percent (percent);
}

/* The area's summary and, with trend data, its demand signal in words.
 * Returns markup: AdwPreferencesGroup's description is markup. */
static char *
build_group_description (UpskillSkillsPage *self,
                         UpskillArea       *area)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) claims = NULL;
  g_autofree char *demand = NULL;
  const char *summary = area->summary != NULL ? area->summary : "";

  /* The signal is indexed by area: only trend data read against this catalog applies. */
  if (trends == NULL
      || upskill_trends_get_catalog (trends) != upskill_page_get_catalog (UPSKILL_PAGE (self)))
    return g_markup_escape_text (summary, -1);

  claims = upskill_trends_get_area_claims (trends, area);
  /* Translators: "Strong demand · 5 claims in the trend data" */
  demand = g_strdup_printf (ngettext ("%s · %u claim in the trend data",
                                      "%s · %u claims in the trend data", claims->len),
                            upskill_demand_get_label (upskill_demand_from_signal (upskill_trends_get_demand_signal (trends, area))),
                            claims->len);

  return g_markup_printf_escaped ("%s\n<b>%s</b>", summary, demand);
}

static void
update_group_descriptions (UpskillSkillsPage *self)
{
  for (guint i = 0; self->areas != NULL && i < self->areas->len; i++)
    {
      AreaWidgets *widgets = &g_array_index (self->areas, AreaWidgets, i);
      g_autofree char *description = NULL;

      if (widgets->group == NULL)
        continue;
      description = build_group_description (self, widgets->area);
      adw_preferences_group_set_description (widgets->group, description);
    }
}

/* The widest text an area's header suffix shows, in characters. */
static int
ready_label_width (void)
{
  g_autofree char *percent = upskill_format_percent (100);
  g_autofree char *ready = g_strdup_printf (_("%s ready"), percent);

  return (int) MAX (g_utf8_strlen (ready, -1), g_utf8_strlen (_("Not targeted"), -1));
}

static GtkLabel *
attach_table_label (GtkGrid    *grid,
                    const char *text,
                    int         column,
                    int         row,
                    gboolean    numeric)
{
  /* A table for a screen reader too: the first row heads the columns,
   * the first column the rows. */
  GtkAccessibleRole role = row == 0 ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                           : column == 0 ? GTK_ACCESSIBLE_ROLE_ROW_HEADER
                           : GTK_ACCESSIBLE_ROLE_GRID_CELL;
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", role,
                                   NULL);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, row + 1,
                                  GTK_ACCESSIBLE_RELATION_COL_INDEX, column + 1,
                                  -1);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_grid_attach (grid, label, column, row, 1, 1);

  return GTK_LABEL (label);
}

static void
cancel_building (UpskillSkillsPage *self)
{
  upskill_after_frame_cancel (&self->build_later);
}

static void
clear_areas (UpskillSkillsPage *self)
{
  GtkWidget *child;

  cancel_building (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->area_grid))) != NULL)
    gtk_grid_remove (self->area_grid, child);

  g_array_set_size (self->areas, 0);
  self->n_groups_built = 0;
}

/* The next area's group: its title, description, readiness and a row per
 * skill, showing the profile on screen. */
static void
build_next_group (UpskillSkillsPage *self)
{
  AreaWidgets *widgets = &g_array_index (self->areas, AreaWidgets, self->n_groups_built);
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autofree char *title = g_markup_escape_text (widgets->area->name, -1);
  g_autofree char *description = build_group_description (self, widgets->area);
  GtkWidget *ready_label;

  self->n_groups_built++;
  widgets->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  widgets->rows = g_ptr_array_new ();
  /* Group titles and descriptions are markup: escape the data. */
  adw_preferences_group_set_title (widgets->group, title);
  adw_preferences_group_set_description (widgets->group, description);

  ready_label = gtk_label_new (NULL);
  /* As wide as its widest text, so that rating a skill never
   * re-wraps the group's title and moves the rows under the pointer. */
  gtk_label_set_width_chars (GTK_LABEL (ready_label), ready_label_width ());
  gtk_label_set_xalign (GTK_LABEL (ready_label), 1.0);
  gtk_widget_set_valign (ready_label, GTK_ALIGN_END);
  gtk_widget_add_css_class (ready_label, "dim-label");
  gtk_widget_add_css_class (ready_label, "numeric");
  adw_preferences_group_set_header_suffix (widgets->group, ready_label);
  widgets->ready_label = GTK_LABEL (ready_label);
  gtk_label_set_text (widgets->ready_label, widgets->ready_text);

  for (guint s = 0; s < widgets->area->skills->len; s++)
    {
      UpskillSkillRow *row = upskill_skill_row_new (catalog,
                                                    g_ptr_array_index (widgets->area->skills, s));

      upskill_skill_row_set_profile (row, profile);
      g_ptr_array_add (widgets->rows, row);
      adw_preferences_group_add (widgets->group, GTK_WIDGET (row));
    }

  gtk_box_append (self->groups_box, GTK_WIDGET (widgets->group));
  /* Its title and description. */
  upskill_wrap_set_min_chars (GTK_WIDGET (widgets->group));
}

static void
build_remaining_groups (UpskillSkillsPage *self)
{
  cancel_building (self);
  while (self->n_groups_built < self->areas->len)
    build_next_group (self);
}

static gboolean
build_group_idle (gpointer user_data)
{
  UpskillSkillsPage *self = UPSKILL_SKILLS_PAGE (user_data);

  build_next_group (self);

  return self->n_groups_built < self->areas->len ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Thirty-odd expander rows take longer to build than the rest of the
 * window: the first area's group comes with the page, the others one per
 * main loop turn after its first frame, below what is in view. */
static void
build_groups_later (UpskillSkillsPage *self)
{
  if (self->areas->len > 0)
    build_next_group (self);
  if (self->n_groups_built < self->areas->len)
    upskill_after_frame_schedule (&self->build_later, GTK_WIDGET (self), G_PRIORITY_DEFAULT_IDLE,
                                  build_group_idle, self);
}

/* The header's table for every area, and the groups (see
 * build_groups_later): once per catalog. Profile changes only update them. */
static void
build_areas (UpskillSkillsPage *self)
{
  const char *headings[] = { N_("Area"), N_("Current"), N_("Target"), N_("Ready") };
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));

  clear_areas (self);
  self->areas_built = TRUE;

  if (catalog == NULL)
    return;

  for (guint column = 0; column < G_N_ELEMENTS (headings); column++)
    {
      GtkLabel *heading = attach_table_label (self->area_grid, _(headings[column]),
                                              column, 0, column > 0);

      gtk_widget_add_css_class (GTK_WIDGET (heading), "caption-heading");
      gtk_widget_add_css_class (GTK_WIDGET (heading), "dim-label");
    }

  for (guint i = 0; i < upskill_catalog_get_n_areas (catalog); i++)
    {
      AreaWidgets widgets = { 0 };

      widgets.area = upskill_catalog_get_area (catalog, i);
      attach_table_label (self->area_grid, widgets.area->name, 0, i + 1, FALSE);
      widgets.current_label = attach_table_label (self->area_grid, NULL, 1, i + 1, TRUE);
      widgets.target_label = attach_table_label (self->area_grid, NULL, 2, i + 1, TRUE);
      widgets.table_ready_label = attach_table_label (self->area_grid, NULL, 3, i + 1, TRUE);

      g_array_append_val (self->areas, widgets);
    }
}

static void
update_header (UpskillSkillsPage *self)
{
  guint n_areas = self->areas->len;
  g_autofree const char **labels = g_new0 (const char *, n_areas + 1);
  g_autofree double *current = g_new0 (double, MAX (n_areas, 1));
  g_autofree double *target = g_new0 (double, MAX (n_areas, 1));
  g_autofree char *readiness_text = NULL;
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *role_id = upskill_profile_get_target_role (profile);
  UpskillRole *role = role_id != NULL ? upskill_catalog_find_role (catalog, role_id) : NULL;
  double readiness = upskill_compute_readiness (profile, catalog);
  g_autofree char *goal_text = upskill_format_goal (upskill_profile_get_goal (profile),
                                                    upskill_profile_get_goal_date (profile));

  readiness_text = format_percent (readiness);
  gtk_label_set_text (self->readiness_label, readiness_text);
  gtk_level_bar_set_value (self->readiness_bar, CLAMP (readiness / 100.0, 0.0, 1.0));

  if (role != NULL)
    {
      /* Translators: %s is a role, e.g. "ready for ML Engineer" */
      g_autofree char *text = g_strdup_printf (_("ready for %s"), role->name);

      gtk_label_set_text (self->role_label, text);
    }
  else
    gtk_label_set_text (self->role_label, _("No target role yet: choose one in the profile’s details"));

  if (role != NULL && readiness >= 0)
    {
      UpskillBaseline baseline;
      g_autofree char *text = NULL;

      upskill_compute_baseline (profile, catalog, &baseline);
      text = upskill_format_baseline (&baseline);
      gtk_label_set_text (self->baseline_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->baseline_label), role != NULL && readiness >= 0);

  /* The person's own words: plain text, never markup. */
  gtk_label_set_text (self->goal_label, goal_text != NULL ? goal_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->goal_label), goal_text != NULL);

  for (guint i = 0; i < n_areas; i++)
    {
      AreaWidgets *widgets = &g_array_index (self->areas, AreaWidgets, i);
      UpskillAreaReadiness summary;
      double area_readiness;
      g_autofree char *ready = NULL;
      g_autofree char *current_text = NULL;
      g_autofree char *target_text = NULL;

      upskill_compute_area_summary (profile, catalog, widgets->area, &summary);
      area_readiness = summary.readiness;
      ready = format_percent (area_readiness);
      current[i] = summary.current;
      target[i] = summary.target;
      labels[i] = widgets->area->name;

      upskill_format_area_levels (&summary, &current_text, &target_text);
      gtk_label_set_text (widgets->current_label, current_text);
      gtk_label_set_text (widgets->target_label, target_text);
      gtk_label_set_text (widgets->table_ready_label, ready);

      g_free (widgets->ready_text);
      if (area_readiness >= 0)
        /* Translators: an area's readiness, e.g. "76% ready" */
        widgets->ready_text = g_strdup_printf (_("%s ready"), ready);
      else
        widgets->ready_text = g_strdup (_("Not targeted"));
      if (widgets->ready_label != NULL)
        gtk_label_set_text (widgets->ready_label, widgets->ready_text);
    }

  upskill_radar_chart_set_data (self->radar_chart, n_areas, labels, current, target,
                                UPSKILL_LEVEL_MAX);
}

static void
update_rows (UpskillSkillsPage *self,
             UpskillProfile    *profile)
{
  for (guint i = 0; i < self->n_groups_built; i++)
    {
      AreaWidgets *widgets = &g_array_index (self->areas, AreaWidgets, i);

      for (guint r = 0; r < widgets->rows->len; r++)
        {
          UpskillSkillRow *row = g_ptr_array_index (widgets->rows, r);

          if (profile == NULL || upskill_skill_row_get_profile (row) != profile)
            upskill_skill_row_set_profile (row, profile);
          else
            upskill_skill_row_update (row);
        }
    }
}

/* Shows the profile: rows are updated in place, never rebuilt, so the
 * focus stays where the user is (e.g. on a level button). */
static void
update_profile_view (UpskillSkillsPage *self)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));

  if (profile == NULL || upskill_page_get_catalog (UPSKILL_PAGE (self)) == NULL)
    {
      /* Let go of a profile no longer shown. */
      update_rows (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Built for the first profile shown: a window still loading one lays
   * out none of it. */
  if (!self->areas_built)
    {
      build_areas (self);
      update_header (self);
      /* Rows show the profile from the start. */
      build_groups_later (self);
    }
  else
    {
      update_header (self);
      update_rows (self, profile);
    }

  gtk_stack_set_visible_child_name (self->stack, "skills");
}

/* show_area */

static AreaWidgets *
find_area_widgets (UpskillSkillsPage *self,
                   const char        *area_id)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      AreaWidgets *widgets = &g_array_index (self->areas, AreaWidgets, i);

      if (g_strcmp0 (widgets->area->id, area_id) == 0)
        return widgets;
    }

  return NULL;
}

static gboolean
show_area_tick (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  UpskillSkillsPage *self = UPSKILL_SKILLS_PAGE (widget);
  GtkAdjustment *adjustment;
  AreaWidgets *widgets;
  double x, y;

  widgets = find_area_widgets (self, self->pending_area_id);
  if (widgets == NULL)
    {
      self->show_area_tick_id = 0;
      g_clear_pointer (&self->pending_area_id, g_free);
      return G_SOURCE_REMOVE;
    }

  /* Wait until the page is shown and the group laid out: once it has
   * been, groups built after it never move it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->scrolled_window)) ||
      gtk_widget_get_height (GTK_WIDGET (self->scrolled_window)) == 0 ||
      widgets->group == NULL || gtk_widget_get_width (GTK_WIDGET (widgets->group)) == 0)
    return G_SOURCE_CONTINUE;

  self->show_area_tick_id = 0;
  g_clear_pointer (&self->pending_area_id, g_free);

  /* The expander row is not focusable itself: its header is. */
  if (widgets->rows->len > 0)
    {
      GtkWidget *first_row = g_ptr_array_index (widgets->rows, 0);

      if (!gtk_widget_grab_focus (first_row))
        gtk_widget_child_focus (first_row, GTK_DIR_TAB_FORWARD);
    }

  /* The group's title at the top, not just its first row in view. The
   * clamp is the scrolled content, so its coordinates ignore the scrolling. */
  if (gtk_widget_translate_coordinates (GTK_WIDGET (widgets->group), GTK_WIDGET (self->clamp),
                                        0, 0, &x, &y))
    {
      adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
      gtk_adjustment_set_value (adjustment, MAX (0, y - 12));
    }

  return G_SOURCE_REMOVE;
}

void
upskill_skills_page_show_area (UpskillSkillsPage *self,
                               const char        *area_id)
{
  g_return_if_fail (UPSKILL_IS_SKILLS_PAGE (self));
  g_return_if_fail (area_id != NULL);

  upskill_page_ensure_updated (UPSKILL_PAGE (self));
  build_remaining_groups (self);
  if (find_area_widgets (self, area_id) == NULL)
    return;

  g_free (self->pending_area_id);
  self->pending_area_id = g_strdup (area_id);

  if (self->show_area_tick_id == 0)
    self->show_area_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_area_tick,
                                                            NULL, NULL);
}

/* UpskillPage */

static void
upskill_skills_page_catalog_changed (UpskillPage *page)
{
  UpskillSkillsPage *self = UPSKILL_SKILLS_PAGE (page);

  clear_areas (self);
  self->areas_built = FALSE;
  update_profile_view (self);
}

static void
upskill_skills_page_trends_changed (UpskillPage *page)
{
  update_group_descriptions (UPSKILL_SKILLS_PAGE (page));
}

/* Another profile or the same one modified: the rows update in place
 * either way. */
static void
upskill_skills_page_profile_changed (UpskillPage *page)
{
  update_profile_view (UPSKILL_SKILLS_PAGE (page));
}

/* Public */

GtkWidget *
upskill_skills_page_new (void)
{
  return g_object_new (UPSKILL_TYPE_SKILLS_PAGE, NULL);
}

UpskillCatalog *
upskill_skills_page_get_catalog (UpskillSkillsPage *self)
{
  g_return_val_if_fail (UPSKILL_IS_SKILLS_PAGE (self), NULL);

  return upskill_page_get_catalog (UPSKILL_PAGE (self));
}

void
upskill_skills_page_set_catalog (UpskillSkillsPage *self,
                                 UpskillCatalog    *catalog)
{
  g_return_if_fail (UPSKILL_IS_SKILLS_PAGE (self));

  upskill_page_set_catalog (UPSKILL_PAGE (self), catalog);
}

UpskillTrends *
upskill_skills_page_get_trends (UpskillSkillsPage *self)
{
  g_return_val_if_fail (UPSKILL_IS_SKILLS_PAGE (self), NULL);

  return upskill_page_get_trends (UPSKILL_PAGE (self));
}

void
upskill_skills_page_set_trends (UpskillSkillsPage *self,
                                UpskillTrends     *trends)
{
  g_return_if_fail (UPSKILL_IS_SKILLS_PAGE (self));

  upskill_page_set_trends (UPSKILL_PAGE (self), trends);
}

UpskillProfile *
upskill_skills_page_get_profile (UpskillSkillsPage *self)
{
  g_return_val_if_fail (UPSKILL_IS_SKILLS_PAGE (self), NULL);

  return upskill_page_get_profile (UPSKILL_PAGE (self));
}

void
upskill_skills_page_set_profile (UpskillSkillsPage *self,
                                 UpskillProfile    *profile)
{
  g_return_if_fail (UPSKILL_IS_SKILLS_PAGE (self));

  upskill_page_set_profile (UPSKILL_PAGE (self), profile);
}

/* GObject */

static void
upskill_skills_page_dispose (GObject *object)
{
  UpskillSkillsPage *self = (UpskillSkillsPage *)object;

  if (self->show_area_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->show_area_tick_id);
      self->show_area_tick_id = 0;
    }
  cancel_building (self);

  /* The stack is both AdwBin's child and a template child: let AdwBin
   * drop it first, or it would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_SKILLS_PAGE);

  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->pending_area_id, g_free);

  G_OBJECT_CLASS (upskill_skills_page_parent_class)->dispose (object);
}

static void
upskill_skills_page_class_init (UpskillSkillsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpskillPageClass *page_class = UPSKILL_PAGE_CLASS (klass);

  object_class->dispose = upskill_skills_page_dispose;

  page_class->catalog_changed = upskill_skills_page_catalog_changed;
  page_class->trends_changed = upskill_skills_page_trends_changed;
  page_class->profile_changed = upskill_skills_page_profile_changed;
  page_class->profile_updated = upskill_skills_page_profile_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-skills-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, baseline_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, goal_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, readiness_bar);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, area_grid);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, radar_chart);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillsPage, groups_box);

  g_type_ensure (UPSKILL_TYPE_RADAR_CHART);
}

static void
upskill_skills_page_init (UpskillSkillsPage *self)
{
  self->areas = g_array_new (FALSE, TRUE, sizeof (AreaWidgets));
  g_array_set_clear_func (self->areas, (GDestroyNotify) area_widgets_clear);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
