/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upskill-accessible.h"
#include "upskill-date.h"
#include "upskill-profile-dialog.h"
#include "upskill-text-limit.h"

struct _UpskillProfileDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *apply_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *current_role_row;
  AdwComboRow    *target_role_row;
  AdwEntryRow    *goal_row;
  AdwEntryRow    *goal_date_row;
  GtkSpinButton  *hours_spin;
  AdwEntryRow    *tag_row;
  GtkButton      *add_tag_button;
  GtkFlowBox     *tags_box;
  GtkLabel       *suggestions_label;
  GtkFlowBox     *suggestions_box;

  UpskillCatalog *catalog;
  UpskillProfile *profile;       /* NULL for a new profile */
  GPtrArray      *role_ids;      /* parallel to target_role_row's model; NULL = none */
  char           *name;          /* stripped */
  char           *current_role;  /* stripped */
  char           *goal;          /* stripped */
  GPtrArray      *tags;          /* char*, the profile's, in order */
  GStrv           known_tags;    /* every tag in use, for suggestions */
};

G_DEFINE_FINAL_TYPE (UpskillProfileDialog, upskill_profile_dialog, ADW_TYPE_WINDOW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_stripped (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static gboolean
name_is_valid (UpskillProfileDialog *self)
{
  g_autofree char *name = dup_stripped (GTK_EDITABLE (self->name_row));
  glong length = g_utf8_strlen (name, -1);

  return length > 0 && length <= UPSKILL_PROFILE_NAME_MAX_CHARS;
}

/* The goal's day, typed in the locale's numeric form ("30.06.2027" in
 * German) or as year-month-day: midnight UTC, as profiles keep it, or 0
 * when empty. FALSE for anything else, or a day outside the years a
 * profile may hold. */
static gboolean
parse_goal_date (UpskillProfileDialog *self,
                 gint64               *out_date)
{
  g_autofree char *text = dup_stripped (GTK_EDITABLE (self->goal_date_row));
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  *out_date = 0;
  if (text[0] == '\0')
    return TRUE;

  if (!upskill_date_parse_numeric (text, &date) ||
      g_date_get_year (&date) < UPSKILL_DATE_MIN_YEAR ||
      g_date_get_year (&date) > UPSKILL_DATE_MAX_YEAR)
    return FALSE;

  day = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date), 0, 0, 0);
  *out_date = g_date_time_to_unix (day);
  return TRUE;
}

static void
on_fields_changed (UpskillProfileDialog *self)
{
  gint64 date;
  gboolean date_valid;

  if (self->goal_date_row == NULL)  /* while the template is built */
    return;

  date_valid = parse_goal_date (self, &date);

  if (date_valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->goal_date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->goal_date_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.apply",
                                 name_is_valid (self) && date_valid);
}

/* One's own goal is "yours"; a client's is "theirs". */
static void
on_kind_selected (UpskillProfileDialog *self)
{
  const char *title = upskill_profile_dialog_get_kind (self) == UPSKILL_PROFILE_SELF
                      ? _("Your goal in your own words")
                      : _("Goal in their own words");

  if (self->goal_row == NULL)  /* while the template is built */
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->goal_row), title);
  upskill_accessible_set_label (GTK_WIDGET (self->goal_row), title);
}

static void
on_target_role_selected (UpskillProfileDialog *self)
{
  const char *role_id = upskill_profile_dialog_get_target_role (self);
  UpskillRole *role = NULL;

  if (role_id != NULL && self->catalog != NULL)
    role = upskill_catalog_find_role (self->catalog, role_id);

  /* The role's description helps choose (the subtitle shows the name). */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_role_row),
                               role != NULL ? role->description : NULL);
}

/* Tags: a chip for each, an entry to type a new one, and the tags
 * used before as buttons, narrowed to what is typed. */

#define MAX_SUGGESTIONS 12

static void
remove_all (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static gboolean
has_tag (UpskillProfileDialog *self,
         const char           *tag)
{
  g_autofree char *key = upskill_profile_dup_tag_key (tag);

  for (guint i = 0; i < self->tags->len; i++)
    {
      g_autofree char *other = upskill_profile_dup_tag_key (g_ptr_array_index (self->tags, i));

      if (g_strcmp0 (key, other) == 0)
        return TRUE;
    }

  return FALSE;
}

static void rebuild_tags (UpskillProfileDialog *self);

static void
on_remove_tag_clicked (GtkButton            *button,
                       UpskillProfileDialog *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "upskill-tag");

  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
      {
        g_ptr_array_remove_index (self->tags, i);
        break;
      }

  rebuild_tags (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_row));
}

static void
on_suggestion_clicked (GtkButton            *button,
                       UpskillProfileDialog *self)
{
  upskill_profile_dialog_add_tag (self, g_object_get_data (G_OBJECT (button), "upskill-tag"));
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_row));
}

static GtkWidget *
new_tag_chip (UpskillProfileDialog *self,
              const char           *tag)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* TRANSLATORS: the button on a tag that takes it off the profile */
  g_autofree char *spoken = g_strdup_printf (_("Remove the tag %s"), tag);

  gtk_widget_add_css_class (chip, "upskill-tag-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (chip), label);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, spoken);
  upskill_accessible_set_label (remove, spoken);
  g_object_set_data_full (G_OBJECT (remove), "upskill-tag", g_strdup (tag), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_tag_clicked), self);
  gtk_box_append (GTK_BOX (chip), remove);

  return chip;
}

static GtkWidget *
new_suggestion (UpskillProfileDialog *self,
                const char           *tag)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (tag);
  /* TRANSLATORS: a button that puts a tag used before on this profile */
  g_autofree char *spoken = g_strdup_printf (_("Add the tag %s"), tag);

  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "upskill-tag-suggestion");
  gtk_widget_set_tooltip_text (button, spoken);
  upskill_accessible_set_label (button, spoken);
  g_object_set_data_full (G_OBJECT (button), "upskill-tag", g_strdup (tag), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_suggestion_clicked), self);

  return button;
}

static void
rebuild_suggestions (UpskillProfileDialog *self)
{
  g_autofree char *typed = NULL;
  g_autofree char *typed_key = NULL;
  guint n_shown = 0;

  remove_all (self->suggestions_box);

  typed = upskill_profile_normalize_tag (gtk_editable_get_text (GTK_EDITABLE (self->tag_row)));
  typed_key = typed != NULL ? upskill_profile_dup_tag_key (typed) : NULL;

  for (guint i = 0; self->known_tags != NULL && self->known_tags[i] != NULL; i++)
    {
      const char *tag = self->known_tags[i];
      g_autofree char *key = upskill_profile_dup_tag_key (tag);

      if (n_shown == MAX_SUGGESTIONS)
        break;
      if (has_tag (self, tag) || (typed_key != NULL && strstr (key, typed_key) == NULL))
        continue;

      gtk_flow_box_append (self->suggestions_box, new_suggestion (self, tag));
      n_shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_box), n_shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_label), n_shown > 0);
}

static void
update_tag_entry (UpskillProfileDialog *self)
{
  g_autofree char *typed = upskill_profile_normalize_tag (gtk_editable_get_text (GTK_EDITABLE (self->tag_row)));
  gboolean full = self->tags->len >= UPSKILL_PROFILE_MAX_TAGS;

  /* At the limit, a new tag is refused as it is typed, not on save. */
  if (full && typed != NULL && !has_tag (self, typed))
    gtk_widget_add_css_class (GTK_WIDGET (self->tag_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->tag_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_tag_button), typed != NULL && !full);
}

static void
rebuild_tags (UpskillProfileDialog *self)
{
  remove_all (self->tags_box);
  for (guint i = 0; i < self->tags->len; i++)
    gtk_flow_box_append (self->tags_box, new_tag_chip (self, g_ptr_array_index (self->tags, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), self->tags->len > 0);

  rebuild_suggestions (self);
  update_tag_entry (self);
}

static void
on_tag_changed (UpskillProfileDialog *self)
{
  if (self->suggestions_box == NULL)  /* while the template is built */
    return;

  rebuild_suggestions (self);
  update_tag_entry (self);
}

static void
on_tag_activated (UpskillProfileDialog *self)
{
  g_autofree char *typed = upskill_profile_normalize_tag (gtk_editable_get_text (GTK_EDITABLE (self->tag_row)));

  if (typed == NULL)
    return;

  if (upskill_profile_dialog_add_tag (self, typed))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_row), "");
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UpskillProfileDialog *self = UPSKILL_PROFILE_DIALOG (widget);
  gint64 date;

  if (!name_is_valid (self) || !parse_goal_date (self, &date))
    return;

  /* Keeps the spin button's typed text. */
  gtk_spin_button_update (self->hours_spin);

  g_signal_emit (self, signals[APPLY], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
populate_roles (UpskillProfileDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->role_ids, 0);

  gtk_string_list_append (names, C_("target role", "None"));
  g_ptr_array_add (self->role_ids, NULL);

  for (guint i = 0; i < upskill_catalog_get_n_roles (self->catalog); i++)
    {
      UpskillRole *role = upskill_catalog_get_role (self->catalog, i);

      gtk_string_list_append (names, role->name);
      g_ptr_array_add (self->role_ids, g_strdup (role->id));
    }

  adw_combo_row_set_model (self->target_role_row, G_LIST_MODEL (names));
}

static void
upskill_profile_dialog_dispose (GObject *object)
{
  UpskillProfileDialog *self = (UpskillProfileDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_PROFILE_DIALOG);

  G_OBJECT_CLASS (upskill_profile_dialog_parent_class)->dispose (object);
}

static void
upskill_profile_dialog_finalize (GObject *object)
{
  UpskillProfileDialog *self = (UpskillProfileDialog *)object;

  g_clear_object (&self->catalog);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->role_ids, g_ptr_array_unref);
  g_free (self->name);
  g_free (self->current_role);
  g_free (self->goal);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_strfreev (self->known_tags);

  G_OBJECT_CLASS (upskill_profile_dialog_parent_class)->finalize (object);
}

static void
upskill_profile_dialog_class_init (UpskillProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_profile_dialog_dispose;
  object_class->finalize = upskill_profile_dialog_finalize;

  /**
   * UpskillProfileDialog::apply:
   *
   * The user confirmed; read the values with the getters. The dialog
   * closes itself right after.
   */
  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-profile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, current_role_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, target_role_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, goal_date_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, tags_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, suggestions_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileDialog, suggestions_box);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_target_role_selected);

  gtk_widget_class_install_action (widget_class, "profile.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upskill_profile_dialog_init (UpskillProfileDialog *self)
{
  self->role_ids = g_ptr_array_new_with_free_func (g_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_text_limit_set_entry_row (self->name_row, UPSKILL_PROFILE_NAME_MAX_CHARS);
  upskill_text_limit_set_entry_row (self->current_role_row, UPSKILL_PROFILE_LINE_MAX_CHARS);
  upskill_text_limit_set_entry_row (self->goal_row, UPSKILL_PROFILE_LINE_MAX_CHARS);
  upskill_text_limit_set_entry_row (self->tag_row, UPSKILL_PROFILE_TAG_MAX_CHARS);

  {
    g_autofree char *hint = upskill_date_numeric_hint ();
    /* Translators: %s is how to write a day, e.g. "DD.MM.YYYY" */
    g_autofree char *title = g_strdup_printf (_("Target date (%s, optional)"), hint);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->goal_date_row), title);
    upskill_accessible_set_label (GTK_WIDGET (self->goal_date_row), _("Target date for the goal (optional)"));
  }

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->apply_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.apply", FALSE);
}

UpskillProfileDialog *
upskill_profile_dialog_new (GtkWindow      *parent,
                            UpskillCatalog *catalog,
                            UpskillProfile *profile)
{
  UpskillProfileDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (profile == NULL || UPSKILL_IS_PROFILE (profile), NULL);

  self = g_object_new (UPSKILL_TYPE_PROFILE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->profile = profile != NULL ? g_object_ref (profile) : NULL;

  populate_roles (self);

  if (profile != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Profile"));
      adw_window_title_set_title (self->window_title, _("Edit Profile"));
      gtk_button_set_label (self->apply_button, _("_Save"));

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), upskill_profile_get_name (profile));
      upskill_profile_dialog_set_kind (self, upskill_profile_get_kind (profile));
      upskill_profile_dialog_set_current_role (self, upskill_profile_get_current_role (profile));
      upskill_profile_dialog_set_target_role (self, upskill_profile_get_target_role (profile));
      upskill_profile_dialog_set_weekly_hours (self, upskill_profile_get_weekly_hours (profile));
      upskill_profile_dialog_set_goal (self, upskill_profile_get_goal (profile));
      upskill_profile_dialog_set_goal_date (self, upskill_profile_get_goal_date (profile));
      upskill_profile_dialog_set_tags (self, upskill_profile_get_tags (profile));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Profile"));
      adw_window_title_set_title (self->window_title, _("New Profile"));
      gtk_button_set_label (self->apply_button, _("_Create"));
      upskill_profile_dialog_set_kind (self, UPSKILL_PROFILE_CLIENT);
    }

  on_fields_changed (self);
  rebuild_tags (self);
  on_kind_selected (self);
  on_target_role_selected (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

UpskillProfile *
upskill_profile_dialog_get_profile (UpskillProfileDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), NULL);

  return self->profile;
}

const char *
upskill_profile_dialog_get_name (UpskillProfileDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), NULL);

  g_free (self->name);
  self->name = dup_stripped (GTK_EDITABLE (self->name_row));

  return self->name;
}

void
upskill_profile_dialog_set_name (UpskillProfileDialog *self,
                                 const char           *name)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

UpskillProfileKind
upskill_profile_dialog_get_kind (UpskillProfileDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), UPSKILL_PROFILE_SELF);

  return adw_combo_row_get_selected (self->kind_row) == 1 ? UPSKILL_PROFILE_CLIENT : UPSKILL_PROFILE_SELF;
}

void
upskill_profile_dialog_set_kind (UpskillProfileDialog *self,
                                 UpskillProfileKind    kind)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind == UPSKILL_PROFILE_CLIENT ? 1 : 0);
}

const char *
upskill_profile_dialog_get_current_role (UpskillProfileDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), NULL);

  g_free (self->current_role);
  self->current_role = dup_stripped (GTK_EDITABLE (self->current_role_row));

  return self->current_role;
}

void
upskill_profile_dialog_set_current_role (UpskillProfileDialog *self,
                                         const char           *current_role)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->current_role_row), current_role ? current_role : "");
}

const char *
upskill_profile_dialog_get_target_role (UpskillProfileDialog *self)
{
  guint selected;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->target_role_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->role_ids->len)
    return NULL;

  return g_ptr_array_index (self->role_ids, selected);
}

void
upskill_profile_dialog_set_target_role (UpskillProfileDialog *self,
                                        const char           *role_id)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  for (guint i = 0; i < self->role_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->role_ids, i), role_id) == 0)
        {
          adw_combo_row_set_selected (self->target_role_row, i);
          return;
        }
    }

  /* A role this catalog does not know is kept, not silently dropped. */
  if (role_id != NULL && role_id[0] != '\0')
    {
      GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->target_role_row));

      gtk_string_list_append (names, role_id);
      g_ptr_array_add (self->role_ids, g_strdup (role_id));
      adw_combo_row_set_selected (self->target_role_row, self->role_ids->len - 1);
      return;
    }

  adw_combo_row_set_selected (self->target_role_row, 0);
}

double
upskill_profile_dialog_get_weekly_hours (UpskillProfileDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), 0.0);

  return gtk_spin_button_get_value (self->hours_spin);
}

void
upskill_profile_dialog_set_weekly_hours (UpskillProfileDialog *self,
                                         double                hours)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  gtk_spin_button_set_value (self->hours_spin, hours);
}

const char *
upskill_profile_dialog_get_goal (UpskillProfileDialog *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), NULL);

  g_free (self->goal);
  self->goal = dup_stripped (GTK_EDITABLE (self->goal_row));

  return self->goal;
}

void
upskill_profile_dialog_set_goal (UpskillProfileDialog *self,
                                 const char           *goal)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->goal_row), goal ? goal : "");
}

gint64
upskill_profile_dialog_get_goal_date (UpskillProfileDialog *self)
{
  gint64 date;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), 0);

  return parse_goal_date (self, &date) ? date : 0;
}

void
upskill_profile_dialog_set_goal_date (UpskillProfileDialog *self,
                                      gint64                date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  if (date != 0)
    day = g_date_time_new_from_unix_utc (date);
  if (day != NULL)
    {
      GDate gdate;

      g_date_clear (&gdate, 1);
      g_date_set_dmy (&gdate, g_date_time_get_day_of_month (day),
                      g_date_time_get_month (day), g_date_time_get_year (day));
      text = upskill_date_format_numeric (&gdate);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->goal_date_row), text != NULL ? text : "");
}

gboolean
upskill_profile_dialog_add_tag (UpskillProfileDialog *self,
                                const char           *tag)
{
  g_autofree char *tidy = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  tidy = upskill_profile_normalize_tag (tag);
  if (tidy == NULL)
    return FALSE;
  if (has_tag (self, tidy))
    return TRUE;
  if (self->tags->len >= UPSKILL_PROFILE_MAX_TAGS ||
      g_utf8_strlen (tidy, -1) > UPSKILL_PROFILE_TAG_MAX_CHARS)
    return FALSE;

  g_ptr_array_add (self->tags, g_steal_pointer (&tidy));
  rebuild_tags (self);
  return TRUE;
}

void
upskill_profile_dialog_set_tags (UpskillProfileDialog *self,
                                 const char * const   *tags)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  g_ptr_array_set_size (self->tags, 0);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_ptr_array_add (self->tags, g_strdup (tags[i]));
  rebuild_tags (self);
}

GStrv
upskill_profile_dialog_dup_tags (UpskillProfileDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *typed = NULL;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_DIALOG (self), NULL);

  for (guint i = 0; i < self->tags->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->tags, i));

  /* A tag typed but not yet added counts: it is what the coach sees. */
  typed = upskill_profile_normalize_tag (gtk_editable_get_text (GTK_EDITABLE (self->tag_row)));
  if (typed != NULL && !has_tag (self, typed) && self->tags->len < UPSKILL_PROFILE_MAX_TAGS)
    g_strv_builder_add (builder, typed);

  return g_strv_builder_end (builder);
}

void
upskill_profile_dialog_set_known_tags (UpskillProfileDialog *self,
                                       const char * const   *tags)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_DIALOG (self));

  g_strfreev (self->known_tags);
  self->known_tags = g_strdupv ((GStrv) tags);
  rebuild_suggestions (self);
}
