/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-plan-page.h"

struct _UpskillPlanPage
{
  AdwBin          parent_instance;

  UpskillCatalog *catalog;
  UpskillTrends  *trends;
  UpskillProfile *profile;
};

G_DEFINE_FINAL_TYPE (UpskillPlanPage, upskill_plan_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_TRENDS,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
upskill_plan_page_dispose (GObject *object)
{
  UpskillPlanPage *self = (UpskillPlanPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_PLAN_PAGE);
  g_clear_object (&self->catalog);
  g_clear_object (&self->trends);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (upskill_plan_page_parent_class)->dispose (object);
}

static void
upskill_plan_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_TRENDS:
      g_value_set_object (value, self->trends);
      break;

    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_plan_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  UpskillPlanPage *self = UPSKILL_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      if (g_set_object (&self->catalog, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_TRENDS:
      if (g_set_object (&self->trends, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_PROFILE:
      if (g_set_object (&self->profile, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_plan_page_class_init (UpskillPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_plan_page_dispose;
  object_class->get_property = upskill_plan_page_get_property;
  object_class->set_property = upskill_plan_page_set_property;

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

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-plan-page.ui");
}

static void
upskill_plan_page_init (UpskillPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
