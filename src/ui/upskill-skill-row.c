/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-accessible.h"
#include "upskill-error.h"
#include "upskill-evidence-dialog.h"
#include "upskill-format.h"
#include "upskill-icon-button.h"
#include "upskill-level.h"
#include "upskill-readiness.h"
#include "upskill-skill-row.h"
#include "upskill-wrap.h"
#include "upskill-toast.h"

/* The history's source for a level the person set here. Stored in the
 * profile file as it is, like the samples do, so it is not translated. */
#define SELF_ASSESSMENT_SOURCE "Self-assessment"

struct _UpskillSkillRow
{
  AdwExpanderRow   parent_instance;

  UpskillCatalog  *catalog;
  UpskillSkill    *skill;     /* owned by the catalog */
  UpskillProfile  *profile;
  guint            level;     /* the level shown, as last read from the profile */
  gboolean         syncing;   /* showing the profile, not a user's choice */
  GPtrArray       *evidence_rows; /* AdwActionRow*, in the profile's order */

  /* Template widgets: the header */
  GtkImage        *warning_icon;
  GtkLabel        *gap_label;

  /* What the row shows expanded (upskill-skill-row-details.ui): NULL
   * until it is first expanded. */
  GtkListBoxRow   *level_row;
  GtkLabel        *skill_description_label;
  AdwSqueezer     *level_squeezer;
  GtkBox          *level_names_box;
  GtkBox          *level_numbers_box;
  GtkLabel        *level_description_label;
  AdwActionRow    *basis_row;
  GtkImage        *basis_icon;
  GtkButton       *confirm_button;
  AdwActionRow    *target_row;
  GtkDropDown     *target_dropdown;
  GtkButton       *reset_target_button;
  AdwActionRow    *evidence_header_row;
  GtkListBoxRow   *warning_row;
  GtkLabel        *warning_label;
};

G_DEFINE_FINAL_TYPE (UpskillSkillRow, upskill_skill_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The target the role asks for, ignoring the profile's override. */
static guint
get_role_target (UpskillSkillRow *self,
                 UpskillRole    **out_role)
{
  const char *role_id = upskill_profile_get_target_role (self->profile);
  UpskillRole *role = role_id != NULL ? upskill_catalog_find_role (self->catalog, role_id) : NULL;

  if (out_role != NULL)
    *out_role = role;

  return role != NULL ? role->targets[self->skill->index] : 0;
}

static void
set_level (UpskillSkillRow *self,
           guint            level)
{
  g_assert (level <= UPSKILL_LEVEL_MAX);

  if (self->profile == NULL || self->syncing)
    return;

  /* The profile emits "changed" and the page updates every row, this one
   * included; the toggle buttons follow the "level" property. */
  upskill_profile_set_level (self->profile, self->skill->id, level,
                             SELF_ASSESSMENT_SOURCE, 0);
}

static void
on_target_selected (UpskillSkillRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);

  if (self->syncing || self->profile == NULL || selected > UPSKILL_LEVEL_MAX)
    return;

  /* Picking the role's own target is the same as not overriding it. */
  upskill_profile_set_target_override (self->profile, self->skill->id,
                                       selected == get_role_target (self, NULL)
                                         ? UPSKILL_NO_TARGET_OVERRIDE
                                         : (int) selected);
}

static void
reset_target_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (widget);

  if (self->profile != NULL)
    upskill_profile_set_target_override (self->profile, self->skill->id,
                                         UPSKILL_NO_TARGET_OVERRIDE);
}

/* A coach confirms the level shown, having seen the evidence; a level
 * changed afterwards is no longer confirmed. */
static void
confirm_rating_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (widget);
  AdwToast *toast;

  if (self->profile == NULL ||
      upskill_profile_get_kind (self->profile) != UPSKILL_PROFILE_CLIENT ||
      upskill_profile_get_level (self->profile, self->skill->id) == 0 ||
      upskill_profile_get_confirmed (self->profile, self->skill->id) != 0)
    return;

  upskill_profile_set_confirmed (self->profile, self->skill->id,
                                 g_get_real_time () / G_USEC_PER_SEC);

  toast = upskill_toast_new (_("Rating confirmed"));
  upskill_toast_add_undo (toast);
  upskill_toast_show (widget, toast);
}

/* Only a coach confirms, so not in one's own profile. */
static gboolean
can_confirm (UpskillSkillRow *self,
             guint            level)
{
  return level > 0 &&
         upskill_profile_get_kind (self->profile) == UPSKILL_PROFILE_CLIENT &&
         upskill_profile_get_rating_basis (self->profile, self->skill->id) != UPSKILL_RATING_CONFIRMED;
}

static void
update_basis (UpskillSkillRow *self,
              guint            level)
{
  UpskillRatingBasis basis = upskill_profile_get_rating_basis (self->profile, self->skill->id);
  g_autofree char *text = upskill_format_rating_basis (self->profile, self->skill->id);
  const char *icon_name;
  const char *explanation;

  switch (basis)
    {
    case UPSKILL_RATING_CONFIRMED:
      icon_name = "emblem-ok-symbolic";
      explanation = _("A coach confirmed this level after seeing the evidence. Changing the level clears it.");
      break;

    case UPSKILL_RATING_EVIDENCED:
      icon_name = "emblem-documents-symbolic";
      explanation = upskill_profile_get_kind (self->profile) == UPSKILL_PROFILE_CLIENT
                    ? _("Backed by the evidence below, not confirmed by a coach yet")
                    : _("Backed by the evidence below");
      break;

    case UPSKILL_RATING_SELF_RATED:
    default:
      icon_name = "avatar-default-symbolic";
      explanation = _("The person’s own assessment, with no evidence yet");
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->basis_row), text);
  adw_action_row_set_subtitle (self->basis_row, explanation);
  gtk_image_set_from_icon_name (self->basis_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->basis_row), level > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), can_confirm (self, level));
}

/* Evidence */

static void
on_evidence_dialog_response (UpskillSkillRow       *self,
                             const char            *response,
                             UpskillEvidenceDialog *dialog)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "evidence-position"));
  g_autofree char *note = NULL;
  g_autofree char *link = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;

  if (g_strcmp0 (response, "save") != 0 || self->profile == NULL)
    return;

  note = upskill_evidence_dialog_dup_note (dialog);
  link = upskill_evidence_dialog_dup_link (dialog);
  if (*note == '\0' || (link != NULL && !upskill_evidence_link_is_valid (link)))
    return;

  evidence = upskill_profile_get_evidence (self->profile, self->skill->id);

  if (!upskill_profile_text_fits (note, TRUE) || !upskill_profile_text_fits (link, FALSE))
    error = g_error_new (UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
                         _("Not saved: evidence may have a note of up to %u characters and a link of up to %u"),
                         UPSKILL_PROFILE_TEXT_MAX_CHARS, UPSKILL_PROFILE_LINE_MAX_CHARS);
  else if (position == 0)
    upskill_profile_check_room_for_evidence (self->profile, self->skill->id, &error);

  if (error != NULL)
    {
      upskill_toast_show (GTK_WIDGET (self), upskill_toast_new (error->message));
      return;
    }

  /* position is index + 1 for an edit, 0 for a new piece of evidence. */
  if (position == 0)
    upskill_profile_add_evidence (self->profile, self->skill->id, note, link);
  else if (position - 1 < evidence->len)
    upskill_profile_update_evidence (self->profile, self->skill->id, position - 1, note, link);
}

static void
present_evidence_dialog (UpskillSkillRow *self,
                         guint            position)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  UpskillEvidenceDialog *dialog;
  UpskillEvidence *evidence = NULL;

  if (position > 0)
    evidence = g_ptr_array_index (upskill_profile_get_evidence (self->profile, self->skill->id),
                                  position - 1);

  dialog = upskill_evidence_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->skill->name,
                                        evidence != NULL ? evidence->note : NULL,
                                        evidence != NULL ? evidence->link : NULL);
  g_object_set_data (G_OBJECT (dialog), "evidence-position", GUINT_TO_POINTER (position));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_evidence_dialog_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
evidence_index_is_valid (UpskillSkillRow *self,
                         guint            index)
{
  return self->profile != NULL &&
         index < upskill_profile_get_evidence (self->profile, self->skill->id)->len;
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (widget);

  if (self->profile != NULL)
    present_evidence_dialog (self, 0);
}

static void
edit_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (evidence_index_is_valid (self, index))
    present_evidence_dialog (self, index + 1);
}

static void
remove_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (widget);
  guint index = g_variant_get_uint32 (parameter);

  AdwToast *toast;

  if (!evidence_index_is_valid (self, index))
    return;

  /* No confirmation: the window's undo (Ctrl+Z, or the toast) brings it back. */
  upskill_profile_remove_evidence (self->profile, self->skill->id, index);

  toast = upskill_toast_new (_("Evidence removed"));
  upskill_toast_add_undo (toast);
  upskill_toast_show (widget, toast);
}

static void
open_evidence_link_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  UpskillEvidence *evidence;

  if (!evidence_index_is_valid (self, index))
    return;

  evidence = g_ptr_array_index (upskill_profile_get_evidence (self->profile, self->skill->id), index);
  if (upskill_evidence_link_is_valid (evidence->link))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, evidence->link, GDK_CURRENT_TIME);
}

static AdwActionRow *
new_evidence_row (guint index)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *open_button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_set_subtitle_lines (row, 1);
  adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("emblem-documents-symbolic"));

  open_button = upskill_icon_button_new ("adw-external-link-symbolic", _("Open Link"),
                                         "skill.open-evidence-link", g_variant_new_uint32 (index));
  adw_action_row_add_suffix (row, open_button);
  adw_action_row_add_suffix (row, upskill_icon_button_new ("document-edit-symbolic", _("Edit Evidence"),
                                                           "skill.edit-evidence", g_variant_new_uint32 (index)));
  adw_action_row_add_suffix (row, upskill_icon_button_new ("user-trash-symbolic", _("Remove Evidence"),
                                                           "skill.remove-evidence", g_variant_new_uint32 (index)));
  g_object_set_data (G_OBJECT (row), "open-button", open_button);

  return row;
}

static void
update_evidence_row (AdwActionRow    *row,
                     UpskillEvidence *evidence)
{
  GtkWidget *open_button = g_object_get_data (G_OBJECT (row), "open-button");
  gboolean has_link = evidence->link != NULL && *evidence->link != '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), evidence->note);
  adw_action_row_set_subtitle (row, has_link ? evidence->link : "");
  /* A link from a file that is not http(s) is shown, never opened. */
  gtk_widget_set_visible (open_button, upskill_evidence_link_is_valid (evidence->link));
}

static void
update_evidence (UpskillSkillRow *self,
                 GPtrArray       *evidence)
{
  g_autofree char *summary = NULL;

  /* Update the rows in place, so that a focused button keeps the focus. */
  while (self->evidence_rows->len > evidence->len)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->evidence_rows, self->evidence_rows->len - 1);

      adw_expander_row_remove (ADW_EXPANDER_ROW (self), row);
    }
  while (self->evidence_rows->len < evidence->len)
    {
      AdwActionRow *row = new_evidence_row (self->evidence_rows->len);

      g_ptr_array_add (self->evidence_rows, row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));
    }

  for (guint i = 0; i < evidence->len; i++)
    update_evidence_row (g_ptr_array_index (self->evidence_rows, i),
                         g_ptr_array_index (evidence, i));

  if (evidence->len == 0)
    summary = g_strdup (_("None yet: a project, a certificate or a link that shows your level"));
  else
    summary = g_strdup_printf (ngettext ("%u piece of evidence", "%u pieces of evidence", evidence->len),
                               evidence->len);
  adw_action_row_set_subtitle (self->evidence_header_row, summary);
}

static void
update_gap (UpskillSkillRow *self,
            guint            level,
            guint            target)
{
  g_autofree char *text = NULL;
  const char *state;

  if (target == 0)
    {
      text = g_strdup (_("No target"));
      state = "gap-none";
    }
  else if (level >= target)
    {
      text = g_strdup (_("Target met"));
      state = "gap-met";
    }
  else
    {
      guint gap = target - level;

      /* Translators: how many levels separate the current level from the target */
      text = g_strdup_printf (ngettext ("Gap: %u level", "Gap: %u levels", gap), gap);
      state = "gap-open";
    }

  gtk_label_set_text (self->gap_label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->gap_label),
                              (const char *[]) { "gap-pill", state, NULL });
}

static void
update_target (UpskillSkillRow *self,
               guint            target,
               gboolean         overridden)
{
  UpskillRole *role = NULL;
  guint role_target = get_role_target (self, &role);
  g_autofree char *subtitle = NULL;

  if (overridden && role != NULL)
    /* Translators: the first %s is a role ("ML Engineer"), the second a level ("Competent") */
    subtitle = g_strdup_printf (_("Your own target · %s asks for %s"),
                                role->name, upskill_level_get_name (role_target));
  else if (overridden)
    subtitle = g_strdup (_("Your own target"));
  else if (role != NULL)
    /* Translators: %s is a role, e.g. "ML Engineer" */
    subtitle = g_strdup_printf (_("Set by the target role, %s"), role->name);
  else
    subtitle = g_strdup (_("No target role chosen"));

  adw_action_row_set_subtitle (self->target_row, subtitle);
  gtk_drop_down_set_selected (self->target_dropdown, target);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_target_button), overridden);

  if (overridden)
    gtk_widget_add_css_class (GTK_WIDGET (self->target_dropdown), "target-override");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_dropdown), "target-override");
}

/* What the expanded row shows; only once it has been built. */
static void
update_details (UpskillSkillRow *self,
                guint            level,
                guint            target,
                gboolean         overridden,
                gboolean         needs_evidence)
{
  g_autofree char *description = NULL;

  /* Translators: a level's name and its description, e.g. "Competent: You deliver…" */
  description = g_strdup_printf (_("%s: %s"), upskill_level_get_name (level),
                                 upskill_level_get_description (level));
  gtk_label_set_text (self->level_description_label, description);

  update_basis (self, level);
  update_target (self, target, overridden);
  update_evidence (self, upskill_profile_get_evidence (self->profile, self->skill->id));

  gtk_widget_set_visible (GTK_WIDGET (self->warning_row), needs_evidence);
  if (needs_evidence)
    {
      g_autofree char *warning = NULL;

      /* Translators: %s is a level's name, e.g. "Competent" */
      warning = g_strdup_printf (_("No evidence yet. At %s or above, a project, a certificate or a link helps back up your rating."),
                                 upskill_level_get_name (UPSKILL_LEVEL_NEEDS_EVIDENCE));
      gtk_label_set_text (self->warning_label, warning);
    }
}

void
upskill_skill_row_update (UpskillSkillRow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *basis = NULL;
  gboolean overridden = FALSE;
  gboolean needs_evidence;
  guint level, target;

  g_return_if_fail (UPSKILL_IS_SKILL_ROW (self));

  if (self->profile == NULL)
    return;

  self->syncing = TRUE;

  level = MIN (upskill_profile_get_level (self->profile, self->skill->id), UPSKILL_LEVEL_MAX);
  target = upskill_profile_get_target (self->profile, self->catalog, self->skill, &overridden);
  needs_evidence = level >= UPSKILL_LEVEL_NEEDS_EVIDENCE &&
                   upskill_profile_get_evidence (self->profile, self->skill->id)->len == 0;

  if (level != self->level)
    {
      self->level = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }

  if (target > 0)
    /* Translators: the current level, then the target level, e.g. "Novice · target Competent" */
    subtitle = g_strdup_printf (overridden ? _("%s · your target %s") : _("%s · target %s"),
                                upskill_level_get_name (level), upskill_level_get_name (target));
  else
    subtitle = g_strdup (upskill_level_get_name (level));
  /* What a rated level rests on, in words: "Competent · target
   * Proficient · Confirmed on 3 December 2026". */
  if (level > 0)
    {
      g_autofree char *level_text = g_steal_pointer (&subtitle);

      basis = upskill_format_rating_basis (self->profile, self->skill->id);
      /* Translators: the level (and target), then what the rating rests
       * on, e.g. "Competent · target Proficient · Evidenced" */
      subtitle = g_strdup_printf (_("%s · %s"), level_text, basis);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  update_gap (self, level, target);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skill.confirm-rating", can_confirm (self, level));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skill.reset-target", overridden);

  /* The icon keeps its place when hidden, so that the header does not
   * re-wrap under the pointer as the level changes. */
  gtk_widget_set_opacity (GTK_WIDGET (self->warning_icon), needs_evidence ? 1.0 : 0.0);
  gtk_widget_set_can_target (GTK_WIDGET (self->warning_icon), needs_evidence);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->warning_icon),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !needs_evidence,
                               -1);

  if (self->level_row != NULL)
    update_details (self, level, target, overridden, needs_evidence);

  self->syncing = FALSE;
}

/* GObject */

static void
upskill_skill_row_dispose (GObject *object)
{
  UpskillSkillRow *self = (UpskillSkillRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_SKILL_ROW);
  g_clear_pointer (&self->evidence_rows, g_ptr_array_unref);
  g_clear_object (&self->profile);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (upskill_skill_row_parent_class)->dispose (object);
}

static void
upskill_skill_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_skill_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UpskillSkillRow *self = UPSKILL_SKILL_ROW (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      set_level (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
collect_skill_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (UPSKILL_IS_SKILL_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child))
      collect_skill_rows (child, rows);
}

/* Alt+Up, Alt+Down: the previous or next skill shown, across areas; the
 * focus goes to its header, as a Tab would. */
static gboolean
move_focus_binding (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  int step = g_variant_get_int32 (args);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  guint index;

  if (root == NULL)
    return FALSE;

  collect_skill_rows (GTK_WIDGET (root), rows);
  if (!g_ptr_array_find (rows, widget, &index))
    return FALSE;
  if ((step < 0 && index == 0) || (step > 0 && index + 1 >= rows->len))
    return TRUE; /* the first or last: stay */

  gtk_widget_child_focus (g_ptr_array_index (rows, index + step), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
upskill_skill_row_class_init (UpskillSkillRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_skill_row_dispose;
  object_class->get_property = upskill_skill_row_get_property;
  object_class->set_property = upskill_skill_row_set_property;

  /**
   * UpskillSkillRow:level:
   *
   * The current level shown; setting it sets the profile's level (as a
   * self-assessment). The "skill.level" action of the toggle buttons.
   */
  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL,
                       0, UPSKILL_LEVEL_MAX, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-skill-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, UpskillSkillRow, gap_label);

  gtk_widget_class_install_property_action (widget_class, "skill.level", "level");
  gtk_widget_class_install_action (widget_class, "skill.reset-target", NULL, reset_target_action);
  gtk_widget_class_install_action (widget_class, "skill.confirm-rating", NULL, confirm_rating_action);
  gtk_widget_class_install_action (widget_class, "skill.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "skill.edit-evidence", "u", edit_evidence_action);
  gtk_widget_class_install_action (widget_class, "skill.remove-evidence", "u", remove_evidence_action);
  gtk_widget_class_install_action (widget_class, "skill.open-evidence-link", "u", open_evidence_link_action);

  /* Rating from the keyboard: with the row focused, 0–5 set the level. */
  for (guint level = 0; level <= UPSKILL_LEVEL_MAX; level++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + level, 0, "skill.level", "u", level);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + level, 0, "skill.level", "u", level);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_focus_binding, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_focus_binding, "i", 1);
}

static void name_level_buttons (UpskillSkillRow *self,
                                GtkWidget       *box);

static void
add_level_buttons (UpskillSkillRow *self)
{
  for (guint level = 0; level <= UPSKILL_LEVEL_MAX; level++)
    {
      g_autofree char *number = g_strdup_printf ("%u", level);
      /* Translators: a level's number and name, e.g. "3 · Competent" */
      g_autofree char *numbered = g_strdup_printf (_("%u · %s"), level, upskill_level_get_name (level));
      GtkWidget *named = gtk_toggle_button_new_with_label (upskill_level_get_name (level));
      GtkWidget *numeric = gtk_toggle_button_new_with_label (number);

      /* Wide: the names; narrow: the numbers, with the name as tooltip. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (named), "skill.level");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (named), "u", level);
      gtk_widget_set_tooltip_text (named, upskill_level_get_description (level));
      gtk_box_append (self->level_names_box, named);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (numeric), "skill.level");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (numeric), "u", level);
      gtk_widget_set_tooltip_text (numeric, numbered);
      gtk_box_append (self->level_numbers_box, numeric);
    }

  name_level_buttons (self, GTK_WIDGET (self->level_names_box));
  name_level_buttons (self, GTK_WIDGET (self->level_numbers_box));
}

/* The gap pill is as wide as its widest text, so that rating a skill does
 * not move the header's text under the pointer. */
static void
fix_gap_width (UpskillSkillRow *self)
{
  const char *fixed[] = { _("No target"), _("Target met") };
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    width = MAX (width, (int) g_utf8_strlen (fixed[i], -1));
  for (guint gap = 1; gap <= UPSKILL_LEVEL_MAX; gap++)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Gap: %u level", "Gap: %u levels", gap), gap);

      width = MAX (width, (int) g_utf8_strlen (text, -1));
    }

  gtk_label_set_width_chars (self->gap_label, width);
}

static void
fill_target_dropdown (UpskillSkillRow *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  for (guint level = 0; level <= UPSKILL_LEVEL_MAX; level++)
    {
      g_autofree char *numbered = g_strdup_printf (_("%u · %s"), level, upskill_level_get_name (level));

      gtk_string_list_append (levels, numbered);
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (levels));
  self->syncing = FALSE;
}

/* What a collapsed row hides is built when the row is first expanded:
 * a page of collapsed rows then costs only their headers. */
static void
build_details (UpskillSkillRow *self)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GError) error = NULL;
  const char *rows[] = { "level_row", "basis_row", "target_row", "evidence_header_row", "warning_row" };

  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_target_selected);
  gtk_builder_set_scope (builder, scope);
  /* The handlers' object, as in a template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, "/com/example/Upskill/ui/upskill-skill-row-details.ui", &error))
    g_error ("The skill row's details are not in the resources: %s", error->message);

#define DETAIL(name) self->name = (gpointer) gtk_builder_get_object (builder, #name)
  DETAIL (level_row);
  DETAIL (skill_description_label);
  DETAIL (level_squeezer);
  DETAIL (level_names_box);
  DETAIL (level_numbers_box);
  DETAIL (level_description_label);
  DETAIL (basis_row);
  DETAIL (basis_icon);
  DETAIL (confirm_button);
  DETAIL (target_row);
  DETAIL (target_dropdown);
  DETAIL (reset_target_button);
  DETAIL (evidence_header_row);
  DETAIL (warning_row);
  DETAIL (warning_label);
#undef DETAIL

  /* Before the evidence rows, which come after these. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_builder_get_object (builder, rows[i]));

      upskill_wrap_set_min_chars (row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }

  gtk_label_set_text (self->skill_description_label,
                      self->skill->description != NULL ? self->skill->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->skill_description_label),
                          self->skill->description != NULL && *self->skill->description != '\0');
  add_level_buttons (self);
  fill_target_dropdown (self);
}

static void
on_expanded_changed (UpskillSkillRow *self)
{
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  g_signal_handlers_disconnect_by_func (self, on_expanded_changed, NULL);

  build_details (self);
  upskill_skill_row_update (self);
}

static void
upskill_skill_row_init (UpskillSkillRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Its title and subtitle (the details come later). */
  upskill_wrap_set_min_chars (GTK_WIDGET (self));

  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_changed), NULL);

  self->evidence_rows = g_ptr_array_new ();
  fix_gap_width (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skill.reset-target", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "skill.confirm-rating", FALSE);
}

/* What a screen reader says for a level button, the same for the names
 * and the numbers: "Python, Core language: Competent, 3 of 5" (a skill's
 * name alone can be ambiguous). */
static void
name_level_buttons (UpskillSkillRow *self,
                    GtkWidget       *box)
{
  guint level = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (box);
       button != NULL;
       button = gtk_widget_get_next_sibling (button), level++)
    {
      /* Translators: a level button read by a screen reader: area, skill,
       * level name, level number and the highest level, e.g. "Python,
       * Core language: Competent, 3 of 5" */
      g_autofree char *label = g_strdup_printf (_("%1$s, %2$s: %3$s, %4$u of %5$u"),
                                                self->skill->area->name, self->skill->name,
                                                upskill_level_get_name (level), level, UPSKILL_LEVEL_MAX);

      upskill_accessible_set_label (button, label);
    }
}

UpskillSkillRow *
upskill_skill_row_new (UpskillCatalog *catalog,
                       UpskillSkill   *skill)
{
  UpskillSkillRow *self;

  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (skill != NULL, NULL);

  self = g_object_new (UPSKILL_TYPE_SKILL_ROW, NULL);
  self->catalog = g_object_ref (catalog);
  self->skill = skill;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), skill->name);

  return self;
}

UpskillSkill *
upskill_skill_row_get_skill (UpskillSkillRow *self)
{
  g_return_val_if_fail (UPSKILL_IS_SKILL_ROW (self), NULL);

  return self->skill;
}

UpskillProfile *
upskill_skill_row_get_profile (UpskillSkillRow *self)
{
  g_return_val_if_fail (UPSKILL_IS_SKILL_ROW (self), NULL);

  return self->profile;
}

void
upskill_skill_row_set_profile (UpskillSkillRow *self,
                               UpskillProfile  *profile)
{
  g_return_if_fail (UPSKILL_IS_SKILL_ROW (self));
  g_return_if_fail (profile == NULL || UPSKILL_IS_PROFILE (profile));

  if (!g_set_object (&self->profile, profile))
    return;

  upskill_skill_row_update (self);
}
