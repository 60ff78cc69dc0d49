/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-application.h"
#include "upskill-cli.h"
#include "upskill-window.h"

struct _UpskillApplication
{
  AdwApplication  parent_instance;

  UpskillCatalog *catalog;
  UpskillTrends  *trends;
  UpskillStore   *store;
  GSettings      *settings;
  GFile          *demo_dir;   /* removed on shutdown */
};

G_DEFINE_FINAL_TYPE (UpskillApplication, upskill_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_TRENDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "list-profiles", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the profiles: id, name, target role, overall readiness"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a profile file and print its id"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open on the sample profiles in a temporary folder"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version"), NULL },
  { NULL }
};

UpskillApplication *
upskill_application_new (void)
{
  return g_object_new (UPSKILL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/com/example/Upskill",
                       NULL);
}

static UpskillStore *
ensure_store (UpskillApplication *self)
{
  if (self->store == NULL)
    {
      g_autoptr(GFile) dir = upskill_store_dup_default_dir ();

      self->store = upskill_store_new (dir, self->catalog);
    }

  return self->store;
}

static int
upskill_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  UpskillApplication *self = UPSKILL_APPLICATION (application);
  const char *import_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("upskill %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      self->demo_dir = upskill_cli_make_demo_dir (&error);
      if (self->demo_dir == NULL)
        {
          g_printerr (_("Could not prepare the sample profiles: %s\n"), error->message);
          return 1;
        }

      path = g_file_get_path (self->demo_dir);
      g_setenv ("UPSKILL_DATA_DIR", path, TRUE);
      g_print (_("Sample profiles are in %s (removed when Upskill quits)\n"), path);
    }

  if (g_variant_dict_contains (options, "list-profiles"))
    return upskill_cli_list_profiles (ensure_store (self));

  if (g_variant_dict_lookup (options, "import", "^&ay", &import_path))
    return upskill_cli_import (ensure_store (self), import_path);

  return G_APPLICATION_CLASS (upskill_application_parent_class)->handle_local_options (application, options);
}

static void
upskill_application_activate (GApplication *application)
{
  UpskillApplication *self = UPSKILL_APPLICATION (application);
  GtkWindow *window;

  ensure_store (self);

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    window = GTK_WINDOW (upskill_window_new (self));

  gtk_window_present (window);
}

static void
upskill_application_shutdown (GApplication *application)
{
  UpskillApplication *self = UPSKILL_APPLICATION (application);

  G_APPLICATION_CLASS (upskill_application_parent_class)->shutdown (application);

  if (self->demo_dir != NULL)
    upskill_cli_remove_tree (self->demo_dir);
}

static void
upskill_application_finalize (GObject *object)
{
  UpskillApplication *self = (UpskillApplication *)object;

  g_clear_object (&self->trends);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->demo_dir);

  G_OBJECT_CLASS (upskill_application_parent_class)->finalize (object);
}

static void
upskill_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpskillApplication *self = UPSKILL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_TRENDS:
      g_value_set_object (value, self->trends);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_application_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpskillApplication *self = UPSKILL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_TRENDS:
      upskill_application_set_trends (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_application_class_init (UpskillApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = upskill_application_finalize;
  object_class->get_property = upskill_application_get_property;
  object_class->set_property = upskill_application_set_property;

  app_class->handle_local_options = upskill_application_handle_local_options;
  app_class->activate = upskill_application_activate;
  app_class->shutdown = upskill_application_shutdown;

  properties[PROP_TRENDS] =
    g_param_spec_object ("trends", NULL, NULL,
                         UPSKILL_TYPE_TRENDS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upskill_application_init (UpskillApplication *self)
{
  self->catalog = upskill_catalog_get_default ();
  self->trends = upskill_trends_new_bundled (self->catalog);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan your skills for the AI shift."));
}

UpskillCatalog *
upskill_application_get_catalog (UpskillApplication *self)
{
  g_return_val_if_fail (UPSKILL_IS_APPLICATION (self), NULL);

  return self->catalog;
}

UpskillStore *
upskill_application_get_store (UpskillApplication *self)
{
  g_return_val_if_fail (UPSKILL_IS_APPLICATION (self), NULL);

  return ensure_store (self);
}

GSettings *
upskill_application_get_settings (UpskillApplication *self)
{
  g_return_val_if_fail (UPSKILL_IS_APPLICATION (self), NULL);

  /* Created on first use: the command line works without the schema
   * installed, the window needs it. */
  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}

UpskillTrends *
upskill_application_get_trends (UpskillApplication *self)
{
  g_return_val_if_fail (UPSKILL_IS_APPLICATION (self), NULL);

  return self->trends;
}

void
upskill_application_set_trends (UpskillApplication *self,
                                UpskillTrends      *trends)
{
  g_return_if_fail (UPSKILL_IS_APPLICATION (self));
  g_return_if_fail (UPSKILL_IS_TRENDS (trends));

  if (g_set_object (&self->trends, trends))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRENDS]);
}
