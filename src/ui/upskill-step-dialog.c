/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-level.h"
#include "upskill-step-dialog.h"
#include "upskill-text-limit.h"

struct _UpskillStepDialog
{
  AdwMessageDialog  parent_instance;

  UpskillCatalog   *catalog;
  UpskillProfile   *profile;

  AdwEntryRow      *title_row;
  GtkSpinButton    *hours_spin;
  AdwComboRow      *skill_row;
  AdwComboRow      *from_row;
  AdwComboRow      *to_row;
};

G_DEFINE_FINAL_TYPE (UpskillStepDialog, upskill_step_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_title (UpskillStepDialog *self)
{
  char *title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  return g_strstrip (title);
}

/* Shorter than a line may be in a profile: a title stays readable in
 * the plan and the report. */
#define STEP_TITLE_MAX_CHARS 500

static void
on_changed (UpskillStepDialog *self)
{
  g_autofree char *title = dup_title (self);
  guint from = adw_combo_row_get_selected (self->from_row);
  guint to = adw_combo_row_get_selected (self->to_row);
  gboolean valid;

  valid = title[0] != '\0'
          && g_utf8_strlen (title, -1) <= STEP_TITLE_MAX_CHARS
          && from != GTK_INVALID_LIST_POSITION
          && to != GTK_INVALID_LIST_POSITION
          && to > from
          && adw_combo_row_get_selected (self->skill_row) != GTK_INVALID_LIST_POSITION;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", valid);
}

static UpskillSkill *
get_selected_skill (UpskillStepDialog *self)
{
  guint position = adw_combo_row_get_selected (self->skill_row);

  if (self->catalog == NULL
      || position == GTK_INVALID_LIST_POSITION
      || position >= upskill_catalog_get_n_skills (self->catalog))
    return NULL;

  return upskill_catalog_get_skill (self->catalog, position);
}

/* The levels start where the person is now. */
static void
on_skill_selected (UpskillStepDialog *self)
{
  UpskillSkill *skill = get_selected_skill (self);
  guint level;

  if (skill == NULL || self->profile == NULL)
    return;

  level = MIN (upskill_profile_get_level (self->profile, skill->id), UPSKILL_LEVEL_MAX - 1);
  adw_combo_row_set_selected (self->from_row, level);
  adw_combo_row_set_selected (self->to_row, level + 1);
  on_changed (self);
}

static void
upskill_step_dialog_dispose (GObject *object)
{
  UpskillStepDialog *self = (UpskillStepDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_STEP_DIALOG);
  g_clear_object (&self->catalog);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (upskill_step_dialog_parent_class)->dispose (object);
}

static void
upskill_step_dialog_class_init (UpskillStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_step_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillStepDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepDialog, skill_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillStepDialog, to_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_skill_selected);
}

static void
upskill_step_dialog_init (UpskillStepDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_text_limit_set_entry_row (self->title_row, STEP_TITLE_MAX_CHARS);

  for (guint level = 0; level <= UPSKILL_LEVEL_MAX; level++)
    gtk_string_list_append (levels, upskill_level_get_name (level));

  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (levels));
  on_changed (self);
}

UpskillStepDialog *
upskill_step_dialog_new (GtkWindow      *parent,
                         UpskillCatalog *catalog,
                         UpskillProfile *profile,
                         const char     *skill_id)
{
  g_autoptr(GtkStringList) skills = gtk_string_list_new (NULL);
  UpskillStepDialog *self;
  UpskillSkill *skill = NULL;
  guint n_skills;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);

  self = g_object_new (UPSKILL_TYPE_STEP_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->profile = g_object_ref (profile);

  n_skills = upskill_catalog_get_n_skills (catalog);
  for (guint i = 0; i < n_skills; i++)
    gtk_string_list_append (skills, upskill_catalog_get_skill (catalog, i)->name);

  if (skill_id != NULL)
    skill = upskill_catalog_find_skill (catalog, skill_id);

  adw_combo_row_set_model (self->skill_row, G_LIST_MODEL (skills));
  adw_combo_row_set_selected (self->skill_row, skill != NULL ? skill->index : 0);
  on_skill_selected (self);

  return self;
}

void
upskill_step_dialog_set_values (UpskillStepDialog *self,
                                const char        *title,
                                guint              hours,
                                const char        *skill_id,
                                guint              from_level,
                                guint              to_level)
{
  UpskillSkill *skill;

  g_return_if_fail (UPSKILL_IS_STEP_DIALOG (self));
  g_return_if_fail (from_level <= UPSKILL_LEVEL_MAX && to_level <= UPSKILL_LEVEL_MAX);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  gtk_spin_button_set_value (self->hours_spin, hours);

  skill = skill_id != NULL ? upskill_catalog_find_skill (self->catalog, skill_id) : NULL;
  if (skill != NULL)
    adw_combo_row_set_selected (self->skill_row, skill->index);

  adw_combo_row_set_selected (self->from_row, from_level);
  adw_combo_row_set_selected (self->to_row, to_level);
  on_changed (self);
}

UpskillPlanStep *
upskill_step_dialog_create_step (UpskillStepDialog *self)
{
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  UpskillSkill *skill;
  guint from, to;

  g_return_val_if_fail (UPSKILL_IS_STEP_DIALOG (self), NULL);

  title = dup_title (self);
  skill = get_selected_skill (self);
  from = adw_combo_row_get_selected (self->from_row);
  to = adw_combo_row_get_selected (self->to_row);
  g_return_val_if_fail (title[0] != '\0' && skill != NULL && to > from && to <= UPSKILL_LEVEL_MAX, NULL);

  id = upskill_profile_new_step_id (self->profile);

  return upskill_plan_step_new_custom (id, title,
                                       (guint) gtk_spin_button_get_value_as_int (self->hours_spin),
                                       skill->id, from, to);
}
