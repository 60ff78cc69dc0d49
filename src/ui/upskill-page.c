/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-after-frame.h"
#include "upskill-page.h"

typedef struct
{
  UpskillCatalog *catalog;
  UpskillTrends  *trends;
  UpskillProfile *profile;
  GSignalGroup   *profile_signals;    /* the profile's "changed" */
  GSignalGroup   *trends_signals;     /* the trends' weight */
  GtkWindow      *dialog;             /* the open dialog, weak */
  guint           pending;            /* PendingUpdate flags */
  UpskillAfterFrame catch_up;         /* on the root, while hidden */
  UpskillAfterFrame measure_ahead;    /* on the root, once caught up */
  UpskillAfterFrame show_later;       /* after the first frame shown */
  gboolean        later_shown;
} UpskillPagePrivate;

/* What a page hidden in a stack has not shown yet. It catches up when the
 * window has painted its next frame and has nothing else to do, or when
 * it is shown, whichever comes first: the visible page comes first, and
 * the first switch to another page finds it built. */
typedef enum
{
  PENDING_CATALOG = 1 << 0,
  PENDING_TRENDS  = 1 << 1,
  PENDING_PROFILE = 1 << 2,
  PENDING_UPDATE  = 1 << 3,
} PendingUpdate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (UpskillPage, upskill_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_TRENDS,
  PROP_PROFILE,
  PROP_LATER_SHOWN,
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
run_pending (UpskillPage *self)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);
  UpskillPageClass *klass = UPSKILL_PAGE_GET_CLASS (self);
  guint pending = priv->pending;

  priv->pending = 0;

  if ((pending & PENDING_CATALOG) && klass->catalog_changed != NULL)
    klass->catalog_changed (self);
  if ((pending & PENDING_TRENDS) && klass->trends_changed != NULL)
    klass->trends_changed (self);
  /* Showing the profile anew covers its modifications too. */
  if ((pending & PENDING_PROFILE) && klass->profile_changed != NULL)
    klass->profile_changed (self);
  else if ((pending & PENDING_UPDATE) && klass->profile_updated != NULL)
    klass->profile_updated (self);
}

/* A page never shown yet is measured at the width of its stack, which it
 * will have when shown: GTK keeps what each widget measured, so the first
 * switch to it does not lay out its text anew, the largest part of it.
 * In an idle of its own after the next frame: it takes as long as the
 * catch-up itself (Plan: 50–70 ms). */
static gboolean
measure_ahead (gpointer data)
{
  UpskillPage *self = data;
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (self));
  int width = stack != NULL ? gtk_widget_get_width (stack) : 0;

  if (priv->later_shown || width <= 0 || gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
catch_up (gpointer data)
{
  UpskillPage *self = data;
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  run_pending (self);

  if (!priv->later_shown)
    upskill_after_frame_schedule (&priv->measure_ahead, GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))),
                                  G_PRIORITY_LOW, measure_ahead, self);

  return G_SOURCE_REMOVE;
}

/* After the window's next frame, when it has nothing else to do. */
static void
schedule_catch_up (UpskillPage *self)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (priv->pending != 0 && root != NULL)
    upskill_after_frame_schedule (&priv->catch_up, GTK_WIDGET (root), G_PRIORITY_LOW, catch_up, self);
}

/* A page that is not the visible child of its stack catches up later; a
 * page on its own (as in the tests) updates at once. */
static void
queue_update (UpskillPage   *self,
              PendingUpdate  update)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  priv->pending |= update;

  if (gtk_widget_get_child_visible (GTK_WIDGET (self)))
    run_pending (self);
  else
    schedule_catch_up (self);
}

void
upskill_page_ensure_updated (UpskillPage *self)
{
  g_return_if_fail (UPSKILL_IS_PAGE (self));

  run_pending (self);
}

static void
on_profile_changed (UpskillPage *self)
{
  queue_update (self, PENDING_UPDATE);
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

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (catalog == NULL || UPSKILL_IS_CATALOG (catalog));

  priv = upskill_page_get_instance_private (self);

  if (!g_set_object (&priv->catalog, catalog))
    return;

  queue_update (self, PENDING_CATALOG);
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

static void
on_weight_changed (UpskillPage *self)
{
  queue_update (self, PENDING_TRENDS);
}

void
upskill_page_set_trends (UpskillPage   *self,
                         UpskillTrends *trends)
{
  UpskillPagePrivate *priv;

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (trends == NULL || UPSKILL_IS_TRENDS (trends));

  priv = upskill_page_get_instance_private (self);

  if (priv->trends == trends)
    return;

  g_set_object (&priv->trends, trends);
  g_signal_group_set_target (priv->trends_signals, trends);

  queue_update (self, PENDING_TRENDS);
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

  g_return_if_fail (UPSKILL_IS_PAGE (self));
  g_return_if_fail (profile == NULL || UPSKILL_IS_PROFILE (profile));

  priv = upskill_page_get_instance_private (self);

  if (priv->profile == profile)
    return;

  close_dialog (self);
  g_set_object (&priv->profile, profile);
  g_signal_group_set_target (priv->profile_signals, profile);

  queue_update (self, PENDING_PROFILE);
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

static void
upskill_page_dispose (GObject *object)
{
  UpskillPage *self = (UpskillPage *)object;
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  close_dialog (self);
  upskill_after_frame_cancel (&priv->catch_up);
  upskill_after_frame_cancel (&priv->measure_ahead);
  upskill_after_frame_cancel (&priv->show_later);
  g_signal_group_set_target (priv->profile_signals, NULL);
  g_signal_group_set_target (priv->trends_signals, NULL);
  g_clear_object (&priv->catalog);
  g_clear_object (&priv->trends);
  g_clear_object (&priv->profile);

  G_OBJECT_CLASS (upskill_page_parent_class)->dispose (object);
}

static void
upskill_page_finalize (GObject *object)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (UPSKILL_PAGE (object));

  g_clear_object (&priv->profile_signals);
  g_clear_object (&priv->trends_signals);

  G_OBJECT_CLASS (upskill_page_parent_class)->finalize (object);
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

    case PROP_LATER_SHOWN:
      g_value_set_boolean (value, priv->later_shown);
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

gboolean
upskill_page_get_later_shown (UpskillPage *self)
{
  UpskillPagePrivate *priv;

  g_return_val_if_fail (UPSKILL_IS_PAGE (self), FALSE);

  priv = upskill_page_get_instance_private (self);

  return priv->later_shown;
}

static gboolean
show_later (gpointer data)
{
  UpskillPage *self = data;
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  priv->later_shown = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATER_SHOWN]);

  return G_SOURCE_REMOVE;
}

static void
upskill_page_map (GtkWidget *widget)
{
  UpskillPage *self = UPSKILL_PAGE (widget);
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  /* Before the children are mapped: what they show is what they lay out. */
  run_pending (self);

  GTK_WIDGET_CLASS (upskill_page_parent_class)->map (widget);

  if (!priv->later_shown)
    upskill_after_frame_schedule (&priv->show_later, widget, G_PRIORITY_DEFAULT_IDLE, show_later, self);
}

static void
upskill_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (upskill_page_parent_class)->root (widget);

  schedule_catch_up (UPSKILL_PAGE (widget));
}

static void
upskill_page_unroot (GtkWidget *widget)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (UPSKILL_PAGE (widget));

  upskill_after_frame_cancel (&priv->catch_up);
  upskill_after_frame_cancel (&priv->measure_ahead);

  GTK_WIDGET_CLASS (upskill_page_parent_class)->unroot (widget);
}

static void
upskill_page_class_init (UpskillPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = upskill_page_map;
  widget_class->root = upskill_page_root;
  widget_class->unroot = upskill_page_unroot;

  object_class->dispose = upskill_page_dispose;
  object_class->finalize = upskill_page_finalize;
  object_class->get_property = upskill_page_get_property;
  object_class->set_property = upskill_page_set_property;

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
  /* Whether what a page keeps below its first screen is shown: from one
   * frame after the page is first shown, so that the first switch to it
   * lays out only what is in view. The page shows those widgets with it:
   * its template binds their "visible" to it, or it follows "notify". */
  properties[PROP_LATER_SHOWN] =
    g_param_spec_boolean ("later-shown", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upskill_page_init (UpskillPage *self)
{
  UpskillPagePrivate *priv = upskill_page_get_instance_private (self);

  priv->profile_signals = g_signal_group_new (UPSKILL_TYPE_PROFILE);
  g_signal_group_connect_swapped (priv->profile_signals, "changed", G_CALLBACK (on_profile_changed), self);

  /* A new weight of market trends ranks the gaps anew. */
  priv->trends_signals = g_signal_group_new (UPSKILL_TYPE_TRENDS);
  g_signal_group_connect_swapped (priv->trends_signals, "notify::weight", G_CALLBACK (on_weight_changed), self);
}
