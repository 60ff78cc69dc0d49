/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-format.h"
#include "upskill-accessible.h"
#include "upskill-date.h"
#include "upskill-level.h"
#include "upskill-step-row.h"
#include "upskill-wrap.h"

struct _UpskillStepRow
{
  GtkWidget          parent_instance;

  char              *step_id;
  UpskillStepItem   *item;
  char              *accessible_label;
  UpskillStepStatus  status;
  GSimpleAction     *status_action;  /* "step.status", once its menu opened */

  GtkStack          *marker_stack;
  GtkLabel          *number_label;
  GtkImage          *marker_icon;
  GtkLabel          *title_label;
  GtkLabel          *details_label;
  GtkLabel          *raises_label;
  GtkWidget         *prerequisites_box;
  GtkImage          *prerequisites_icon;
  GtkLabel          *prerequisites_label;
  GtkLabel          *dates_label;
  GtkWidget         *dates_box;
  GtkWidget         *dates_icon;
  GtkMenuButton     *status_button;
  GtkMenuButton     *menu_button;
};

G_DEFINE_FINAL_TYPE (UpskillStepRow, upskill_step_row, GTK_TYPE_WIDGET)

static char *
format_dates (const GDate *start,
              const GDate *finish)
{
  return upskill_format_date_range (start, finish);
}

/* A status picked in the status menu: the plan changes it, and the row
 * shows it once rebound. */
static void
on_status_change_state (GSimpleAction  *action,
                        GVariant       *value,
                        UpskillStepRow *self)
{
  int status = g_variant_get_int32 (value);

  if (status == (int) self->status
      || status < UPSKILL_STEP_PLANNED || status > UPSKILL_STEP_SKIPPED)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "plan.set-step-status", "(si)",
                              self->step_id, status);
}

/* Alt+Up and Alt+Down: the binding's argument names the plan's action. */
static gboolean
move_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  UpskillStepRow *self = UPSKILL_STEP_ROW (widget);

  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), "s", self->step_id);
}

static void
upskill_step_row_finalize (GObject *object)
{
  UpskillStepRow *self = (UpskillStepRow *)object;

  g_free (self->step_id);
  g_free (self->accessible_label);

  G_OBJECT_CLASS (upskill_step_row_parent_class)->finalize (object);
}

static void
upskill_step_row_dispose (GObject *object)
{
  UpskillStepRow *self = (UpskillStepRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), UPSKILL_TYPE_STEP_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  g_clear_object (&self->status_action);

  G_OBJECT_CLASS (upskill_step_row_parent_class)->dispose (object);
}

static void
upskill_step_row_class_init (UpskillStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_step_row_dispose;
  object_class->finalize = upskill_step_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-step-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, marker_stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, marker_icon);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, raises_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, prerequisites_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, prerequisites_icon);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, prerequisites_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, dates_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, dates_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, dates_icon);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, status_button);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepRow, menu_button);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_binding, "s", "plan.move-step-up");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_binding, "s", "plan.move-step-down");
}

static GMenuModel *
build_menu (UpskillStepRow        *self,
            const UpskillStepView *view)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  g_autoptr(GMenuItem) skip = NULL;

  if (view->position > 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Move _Up"), NULL);

      g_menu_item_set_action_and_target (item, "plan.move-step-up", "s", self->step_id);
      g_menu_append_item (section, item);
    }
  if (view->position + 1 < view->n_steps)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Move _Down"), NULL);

      g_menu_item_set_action_and_target (item, "plan.move-step-down", "s", self->step_id);
      g_menu_append_item (section, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  if (view->status == UPSKILL_STEP_SKIPPED)
    {
      skip = g_menu_item_new (_("_Plan Again"), NULL);
      g_menu_item_set_action_and_target (skip, "plan.set-step-status", "(si)",
                                         self->step_id, (int) UPSKILL_STEP_PLANNED);
    }
  else if (view->status != UPSKILL_STEP_DONE)
    {
      skip = g_menu_item_new (_("_Skip"), NULL);
      g_menu_item_set_action_and_target (skip, "plan.set-step-status", "(si)",
                                         self->step_id, (int) UPSKILL_STEP_SKIPPED);
    }
  if (skip != NULL)
    g_menu_append_item (section, skip);

  /* Pace: the hours spent shorten what is left of the step. */
  if (view->status == UPSKILL_STEP_PLANNED
      || view->status == UPSKILL_STEP_IN_PROGRESS)
    {
      g_autoptr(GMenuItem) one = g_menu_item_new (_("Log an _Hour Spent"), NULL);
      g_autoptr(GMenuItem) any = g_menu_item_new (_("_Enter Hours Spent…"), NULL);

      g_menu_item_set_action_and_target (one, "plan.log-step-hours", "(su)", self->step_id, 1);
      g_menu_item_set_action_and_target_value (any, "plan.edit-step-hours",
                                               g_variant_new_string (self->step_id));
      g_menu_append_item (section, one);
      g_menu_append_item (section, any);
    }

  if (view->has_link)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Open Web Page"), NULL);

      g_menu_item_set_action_and_target (item, "plan.open-step-link", "s", self->step_id);
      g_menu_append_item (section, item);
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove from Plan"), NULL);

    g_menu_item_set_action_and_target (item, "plan.remove-step", "s", self->step_id);
    g_menu_append_item (section, item);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

/* Built as it opens, for the step as it is then: most rows' menus are
 * never opened, and a popover menu is some twenty widgets. */
static void
create_actions_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  UpskillStepRow *self = UPSKILL_STEP_ROW (user_data);
  g_autoptr(GMenuModel) menu = NULL;

  g_assert (self->item != NULL);
  menu = build_menu (self, upskill_step_item_get_view (self->item));
  gtk_menu_button_set_menu_model (button, menu);
}

/* Gives the keyboard focus to the @n-th menu item below @widget, in
 * order; FALSE if there are fewer. */
static gboolean
focus_nth_menu_item (GtkWidget *widget,
                     guint     *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child));

      if ((role == GTK_ACCESSIBLE_ROLE_MENU_ITEM
           || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX
           || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO)
          && (*n)-- == 0)
        return gtk_widget_grab_focus (child);
      if (focus_nth_menu_item (child, n))
        return TRUE;
    }

  return FALSE;
}

/* The menu opens on the status the step has, as a drop-down does: its
 * items are the statuses in order. */
static void
on_status_popover_map (GtkWidget      *popover,
                       UpskillStepRow *self)
{
  guint n = self->status;

  focus_nth_menu_item (popover, &n);
}

/* The four statuses as radio items of "step.status", a row's own action,
 * made when its menu first opens. */
static void
create_status_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  UpskillStepRow *self = UPSKILL_STEP_ROW (user_data);
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GMenu) menu = NULL;

  if (self->status_action != NULL)
    return;

  self->status_action = g_simple_action_new_stateful ("status", G_VARIANT_TYPE_INT32,
                                                      g_variant_new_int32 (self->status));
  g_signal_connect_object (self->status_action, "change-state",
                           G_CALLBACK (on_status_change_state), self, 0);
  group = g_simple_action_group_new ();
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->status_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "step", G_ACTION_GROUP (group));

  menu = g_menu_new ();
  for (UpskillStepStatus status = UPSKILL_STEP_PLANNED; status <= UPSKILL_STEP_SKIPPED; status++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (upskill_step_status_get_label (status), NULL);

      g_menu_item_set_action_and_target (item, "step.status", "i", (int) status);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  g_signal_connect_object (gtk_menu_button_get_popover (button), "map",
                           G_CALLBACK (on_status_popover_map), self, G_CONNECT_AFTER);
}

static void
upskill_step_row_init (UpskillStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_wrap_set_min_chars (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->status_button, create_status_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_actions_popup, self, NULL);
  upskill_accessible_set_label (GTK_WIDGET (self->status_button), _("Status"));
}

/* Only a class that changes is touched: removing and adding it back
 * restyles the row, and a plan refresh updates 500 rows. */
static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set && !gtk_widget_has_css_class (widget, css_class))
    gtk_widget_add_css_class (widget, css_class);
  else if (!set && gtk_widget_has_css_class (widget, css_class))
    gtk_widget_remove_css_class (widget, css_class);
}

static void
set_marker (UpskillStepRow    *self,
            UpskillStepStatus  status,
            guint              position)
{
  static const char * const status_classes[] = {
    "step-planned", "step-in-progress", "step-done", "step-skipped",
  };
  g_autofree char *number = g_strdup_printf ("%u", position + 1);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    set_css_class (GTK_WIDGET (self), status_classes[i], i == status);

  gtk_label_set_text (self->number_label, number);

  switch (status)
    {
    case UPSKILL_STEP_DONE:
      gtk_image_set_from_icon_name (self->marker_icon, "object-select-symbolic");
      gtk_stack_set_visible_child_name (self->marker_stack, "icon");
      break;

    case UPSKILL_STEP_SKIPPED:
      gtk_image_set_from_icon_name (self->marker_icon, "media-skip-forward-symbolic");
      gtk_stack_set_visible_child_name (self->marker_stack, "icon");
      break;

    case UPSKILL_STEP_PLANNED:
    case UPSKILL_STEP_IN_PROGRESS:
    default:
      gtk_stack_set_visible_child_name (self->marker_stack, "number");
      break;
    }
}

GtkWidget *
upskill_step_row_new (void)
{
  return g_object_new (UPSKILL_TYPE_STEP_ROW, NULL);
}

void
upskill_step_row_set_item (UpskillStepRow  *self,
                           UpskillStepItem *item)
{
  const UpskillStepView *view;
  g_autofree char *hours = NULL;
  g_autofree char *details = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *accessible = NULL;
  const char *status_label;
  UpskillStepStatus status;
  gboolean finished;

  g_return_if_fail (UPSKILL_IS_STEP_ROW (self));
  g_return_if_fail (UPSKILL_IS_STEP_ITEM (item));

  /* The menus are built from it as they open. */
  g_set_object (&self->item, item);
  view = upskill_step_item_get_view (item);
  if (g_strcmp0 (view->step_id, self->step_id) != 0)
    {
      g_free (self->step_id);
      self->step_id = g_strdup (view->step_id);
    }

  status = view->status;
  finished = status == UPSKILL_STEP_DONE || status == UPSKILL_STEP_SKIPPED;
  self->status = status;

  set_marker (self, status, view->position);
  set_css_class (GTK_WIDGET (self), "first", view->position == 0);
  set_css_class (GTK_WIDGET (self), "last", view->position + 1 >= view->n_steps);
  gtk_label_set_text (self->title_label, view->title);

  if (view->hours_spent > 0)
    /* TRANSLATORS: a step's hours and the hours spent on it: "12 hours, 5 spent" */
    hours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u hour, %2$u spent", "%1$u hours, %2$u spent",
                                          view->hours),
                             view->hours, view->hours_spent);
  else
    hours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", view->hours),
                             view->hours);
  if (view->has_module)
    /* TRANSLATORS: "Course · Coursera · 12 hours" */
    details = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                               upskill_module_kind_get_label (view->module_kind),
                               view->provider, hours);
  else if (!view->custom)
    /* TRANSLATORS: a step whose module is no longer in the catalog */
    details = g_strdup (_("No longer in the catalog"));
  else
    /* TRANSLATORS: "Your own step · 30 hours" */
    details = g_strdup_printf (_("Your own step · %s"), hours);
  gtk_label_set_text (self->details_label, details);
  /* Finished steps stay short, so the next ones are easy to find. */
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), !finished);

  if (view->skill_name != NULL)
    {
      /* TRANSLATORS: "SQL: Novice → Competent" */
      g_autofree char *raises = g_strdup_printf (_("%1$s: %2$s → %3$s"),
                                                 view->skill_name,
                                                 upskill_level_get_name (view->from_level),
                                                 upskill_level_get_name (view->to_level));

      gtk_label_set_text (self->raises_label, raises);
      gtk_widget_set_visible (GTK_WIDGET (self->raises_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->raises_label), FALSE);

  gtk_widget_set_visible (self->prerequisites_box, view->prerequisites != NULL && !finished);
  gtk_label_set_text (self->prerequisites_label, view->prerequisites != NULL ? view->prerequisites : "");
  gtk_widget_set_visible (GTK_WIDGET (self->prerequisites_icon), view->prerequisite_later);
  set_css_class (GTK_WIDGET (self->prerequisites_label), "dim-label", !view->prerequisite_later);
  set_css_class (GTK_WIDGET (self->prerequisites_label), "warning", view->prerequisite_later);

  gtk_widget_set_visible (self->dates_box, !finished);
  if (!finished)
    {
      if (g_date_valid (&view->start) && g_date_valid (&view->finish))
        dates = format_dates (&view->start, &view->finish);
      else
        dates = g_strdup (_("Not scheduled"));
      gtk_label_set_text (self->dates_label, dates);
    }

  /* A new label is a new box in the button (GTK 4.8): only when it changes. */
  status_label = upskill_step_status_get_label (status);
  if (g_strcmp0 (gtk_menu_button_get_label (self->status_button), status_label) != 0)
    {
      gtk_menu_button_set_label (self->status_button, status_label);
      /* Read after its name, "Status". */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status_label,
                                      -1);
    }
  if (self->status_action != NULL)
    g_simple_action_set_state (self->status_action, g_variant_new_int32 (status));

  /* TRANSLATORS: accessible name of a step: "Step 3: The Python Tutorial" */
  accessible = g_strdup_printf (_("Step %1$u: %2$s"), view->position + 1, view->title);
  /* Only when it changes: each update reaches the screen reader. */
  if (g_strcmp0 (accessible, self->accessible_label) != 0)
    {
      upskill_accessible_set_label (GTK_WIDGET (self), accessible);
      g_free (self->accessible_label);
      self->accessible_label = g_steal_pointer (&accessible);
    }
}

const char *
upskill_step_row_get_step_id (UpskillStepRow *self)
{
  g_return_val_if_fail (UPSKILL_IS_STEP_ROW (self), NULL);

  return self->step_id;
}
