/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-format.h"
#include "upskill-accessible.h"
#include "upskill-profile-row.h"

struct _UpskillProfileRow
{
  GtkWidget           parent_instance;

  AdwAvatar          *avatar;
  GtkImage           *error_icon;
  GtkImage           *conflict_icon;
  GtkLabel           *name_label;
  GtkLabel           *kind_badge;
  GtkLabel           *subtitle_label;
  GtkLabel           *readiness_label;

  UpskillProfileItem *item;
  gulong              notify_handler;
};

G_DEFINE_FINAL_TYPE (UpskillProfileRow, upskill_profile_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a screen reader says for the row: "María González, client, AI
 * Security Engineer, 35% ready". The row is the child of the list's own
 * row, which is the one focused and read. */
static void
update_accessible_label (UpskillProfileRow *self,
                         const char        *label)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (parent != NULL && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (parent)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    upskill_accessible_set_label (parent, label);
  upskill_accessible_set_label (GTK_WIDGET (self), label);
}

static void
update (UpskillProfileRow *self)
{
  UpskillProfileItem *item = self->item;
  g_autofree char *accessible = NULL;
  const char *error;
  const char *name;
  const char *kind;
  const char *role;
  double readiness;

  if (item == NULL)
    return;

  error = upskill_profile_item_get_error (item);
  name = upskill_profile_item_get_name (item);

  gtk_label_set_text (self->name_label, name);
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), error == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_icon), error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_badge), error == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->readiness_label), error == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->conflict_icon),
                          error == NULL && upskill_profile_item_get_conflict_copy (item) != NULL);

  if (error != NULL)
    {
      /* The reason, in words; the full text in the tooltip and on the
       * page shown when the row is selected. */
      gtk_label_set_text (self->subtitle_label, error);
      gtk_label_set_ellipsize (self->subtitle_label, PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), error);
      gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "error");
      update_accessible_label (self, error);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->subtitle_label), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);

  adw_avatar_set_text (self->avatar, name);
  /* Archived rows show only with "Show Archived": that is what sets
   * them apart. */
  if (upskill_profile_item_get_archived (item))
    gtk_label_set_text (self->kind_badge, C_("profile kind badge", "Archived"));
  else
    gtk_label_set_text (self->kind_badge,
                        upskill_profile_item_get_kind (item) == UPSKILL_PROFILE_CLIENT
                        ? C_("profile kind badge", "Client")
                        : C_("profile kind badge", "Me"));

  if (upskill_profile_item_get_target_role_name (item) != NULL)
    gtk_label_set_text (self->subtitle_label, upskill_profile_item_get_target_role_name (item));
  else
    gtk_label_set_text (self->subtitle_label, _("No target role"));

  readiness = upskill_profile_item_get_readiness (item);
  if (upskill_profile_item_get_archived (item))
    kind = upskill_profile_item_get_kind (item) == UPSKILL_PROFILE_CLIENT
           ? C_("profile kind, read by a screen reader", "archived client")
           : C_("profile kind, read by a screen reader", "archived own profile");
  else
    kind = upskill_profile_item_get_kind (item) == UPSKILL_PROFILE_CLIENT
           ? C_("profile kind, read by a screen reader", "client")
           : C_("profile kind, read by a screen reader", "own profile");
  role = upskill_profile_item_get_target_role_name (item) != NULL
         ? upskill_profile_item_get_target_role_name (item) : _("No target role");
  if (readiness >= 0)
    {
      g_autofree char *percent = upskill_format_percent (readiness);

      /* Translators: a profile in the list, read by a screen reader:
       * "María González, client, AI Security Engineer, 35% ready" */
      accessible = g_strdup_printf (_("%s, %s, %s, %s ready"), name, kind, role, percent);
    }
  else
    /* Translators: a profile in the list, read by a screen reader:
     * "María González, client, No target role" */
    accessible = g_strdup_printf (_("%s, %s, %s"), name, kind, role);
  if (upskill_profile_item_get_conflict_copy (item) != NULL)
    {
      g_autofree char *with_conflict = accessible;

      /* Translators: read after a profile in the list whose file a sync
       * tool kept in two versions: "María González, client, …, changed
       * on two devices" */
      accessible = g_strdup_printf (_("%s, changed on two devices"), with_conflict);
    }
  update_accessible_label (self, accessible);

  if (readiness >= 0)
    {
      g_autofree char *text = NULL;
      g_autofree char *tooltip = NULL;

      /* Translators: overall readiness for the target role, in percent */
      text = upskill_format_percent (readiness);
      /* Translators: a tooltip, "Ready for the target role: 45%" */
      tooltip = g_strdup_printf (_("Ready for the target role: %s"), text);
      gtk_label_set_text (self->readiness_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->readiness_label), tooltip);
    }
  else
    {
      /* Translators: shown when readiness is unknown (no target role) */
      gtk_label_set_text (self->readiness_label, C_("readiness", "–"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->readiness_label), NULL);
    }
}

static void
on_item_notify (UpskillProfileRow *self)
{
  update (self);
}

void
upskill_profile_row_set_item (UpskillProfileRow  *self,
                              UpskillProfileItem *item)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_ROW (self));
  g_return_if_fail (item == NULL || UPSKILL_IS_PROFILE_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);

  g_set_object (&self->item, item);

  if (item != NULL)
    {
      self->notify_handler = g_signal_connect_swapped (item, "notify",
                                                       G_CALLBACK (on_item_notify), self);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

UpskillProfileItem *
upskill_profile_row_get_item (UpskillProfileRow *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ROW (self), NULL);

  return self->item;
}

GtkWidget *
upskill_profile_row_new (void)
{
  return g_object_new (UPSKILL_TYPE_PROFILE_ROW, NULL);
}

static void
upskill_profile_row_dispose (GObject *object)
{
  UpskillProfileRow *self = (UpskillProfileRow *)object;

  GtkWidget *child;

  upskill_profile_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_PROFILE_ROW);

  /* A plain GtkWidget: its children without an id are still there. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upskill_profile_row_parent_class)->dispose (object);
}

static void
upskill_profile_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpskillProfileRow *self = UPSKILL_PROFILE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpskillProfileRow *self = UPSKILL_PROFILE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      upskill_profile_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_row_class_init (UpskillProfileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_profile_row_dispose;
  object_class->get_property = upskill_profile_row_get_property;
  object_class->set_property = upskill_profile_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         UPSKILL_TYPE_PROFILE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-profile-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileRow, error_icon);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileRow, conflict_icon);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileRow, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillProfileRow, readiness_label);
}

static void
upskill_profile_row_init (UpskillProfileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
