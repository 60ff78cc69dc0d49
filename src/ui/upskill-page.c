/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-page.h"
#include "upskill-window.h"

typedef struct
{
  UpskillCatalog *catalog;
  UpskillTrends  *trends;
  UpskillProfile *profile;
  gulong          profile_changed_id;
  gboolean        update_pending;     /* changed while not shown */
  GtkWindow      *dialog;             /* the open dialog, weak */
} UpskillPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (UpskillPage, upskill_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_TRENDS,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
close_dialog (UpskillPage *self)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  if (priv->dialog != NULL)
    {
      GtkWindow *dialog = priv->dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &priv->dialog);
      priv->dialog = NULL;
      gtk_window_destroy (dialog);
    }
}

static void
on_profile_changed (UpskillPage *self)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);
  UpskillPageClass *klass = UPSKILL_PAGE_GET_CLASS (self);

  /* A page not shown catches up when it is: a level click then costs
   * one page's refresh, not four. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->update_pending = TRUE;
      return;
    }

  if (klass->profile_updated != NULL)
    klass->profile_updated (self);
}

static void
upskill_page_map (GtkWidget *widget)
{
  UpskillPage *self = UPSKILL_PAGE (widget);
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);
  UpskillPageClass *klass = UPSKILL_PAGE_GET_CLASS (self);

  GTK_WIDGET_CLASS (upskill_page_parent_class)->map (widget);

  if (priv->update_pending)
    {
      priv->update_pending = FALSE;
      if (klass->profile_updated != NULL)
        klass->profile_updated (self);
    }
}

UpskillCatalog *
upskill_page_get_catalog (UpskillPage *self)
{
  UpskillPagePrivate *priv;

  g_return_val_if_fail (UPSKILL_IS_PAGE (self), NULL);

  priv = upskill_page_get_instance_private (self);

  return priv->catalog;
}

void
upskill_page_set_catalog (UpskillPage    *self,
                          UpskillCatalog *catalog)
{
  UpskillPagePrivate *priv;
  UpskillPageClass *klass;

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (catalog == NULL || UPSKILL_IS_CATALOG (catalog));

  priv = upskill_page_get_instance_private (self);

  if (!g_set_object (&priv->catalog, catalog))
    return;

  klass = UPSKILL_PAGE_GET_CLASS (self);
  if (klass->catalog_changed != NULL)
    klass->catalog_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

UpskillTrends *
upskill_page_get_trends (UpskillPage *self)
{
  UpskillPagePrivate *priv;

  g_return_val_if_fail (UPSKILL_IS_PAGE (self), NULL);

  priv = upskill_page_get_instance_private (self);

  return priv->trends;
}

void
upskill_page_set_trends (UpskillPage   *self,
                         UpskillTrends *trends)
{
  UpskillPagePrivate *priv;
  UpskillPageClass *klass;

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends));

  priv = upskill_page_get_instance_private (self);

  if (!g_set_object (&priv->trends, trends))
    return;

  klass = UPSKILL_PAGE_GET_CLASS (self);
  if (klass->trends_changed != NULL)
    klass->trends_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRENDS]);
}

UpskillProfile *
upskill_page_get_profile (UpskillPage *self)
{
  UpskillPagePrivate *priv;

  g_return_val_if_fail (UPSKILL_IS_PAGE (self), NULL);

  priv = upskill_page_get_instance_private (self);

  return priv->profile;
}

void
upskill_page_set_profile (UpskillPage    *self,
                          UpskillProfile *profile)
{
  UpskillPagePrivate *priv;
  UpskillPageClass *klass;

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (profile == NULL || UPSKILL_IS_PROFILE (profile));

  priv = upskill_page_get_instance_private (self);

  if (priv->profile == profile)
    return;

  close_dialog (self);
  g_clear_signal_handler (&priv->profile_changed_id, priv->profile);
  priv->update_pending = FALSE;
  g_set_object (&priv->profile, profile);
  if (profile != NULL)
    priv->profile_changed_id = g_signal_connect_object (profile, "changed",
                                                        G_CALLBACK (on_profile_changed), self,
                                                        G_CONNECT_SWAPPED);

  klass = UPSKILL_PAGE_GET_CLASS (self);
  if (klass->profile_changed != NULL)
    klass->profile_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

GtkWindow *
upskill_page_get_window (UpskillPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (UPSKILL_IS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
upskill_page_present_dialog (UpskillPage *self,
                             GtkWindow   *dialog)
{
  UpskillPagePrivate *priv;

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  priv = upskill_page_get_instance_private (self);

  if (priv->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (priv->dialog), (gpointer *) &priv->dialog);
  priv->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &priv->dialog);
  gtk_window_present (dialog);
}

void
upskill_page_add_toast (UpskillPage *self,
                        AdwToast    *toast)
{
  GtkRoot *root;
  GtkWidget *overlay;

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (UPSKILL_IS_WINDOW (root))
    {
      upskill_window_add_toast (UPSKILL_WINDOW (root), toast);
      return;
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
upskill_page_dispose (GObject *object)
{
  UpskillPage *self = (UpskillPage *)object;
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  close_dialog (self);
  g_clear_signal_handler (&priv->profile_changed_id, priv->profile);
  g_clear_object (&priv->catalog);
  g_clear_object (&priv->trends);
  g_clear_object (&priv->profile);

  G_OBJECT_CLASS (upskill_page_parent_class)->dispose (object);
}

static void
upskill_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UpskillPage *self = UPSKILL_PAGE (object);
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, priv->catalog);
      break;

    case PROP_TRENDS:
      g_value_set_object (value, priv->trends);
      break;

    case PROP_PROFILE:
      g_value_set_object (value, priv->profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UpskillPage *self = UPSKILL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      upskill_page_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_TRENDS:
      upskill_page_set_trends (self, g_value_get_object (value));
      break;

    case PROP_PROFILE:
      upskill_page_set_profile (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_page_class_init (UpskillPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_page_dispose;
  object_class->get_property = upskill_page_get_property;
  object_class->set_property = upskill_page_set_property;
  widget_class->map = upskill_page_map;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UPSKILL_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRENDS] =
    g_param_spec_object ("trends", NULL, NULL,
                         UPSKILL_TYPE_TRENDS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         UPSKILL_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upskill_page_init (UpskillPage *self)
{
}
