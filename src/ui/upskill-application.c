/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdlib.h>

#include "upskill-accessible.h"
#include "upskill-application.h"
#include "upskill-cli.h"
#include "upskill-feed.h"
#include "upskill-preferences-window.h"
#include "upskill-profile-session.h"
#include "upskill-window.h"

struct _UpskillApplication
{
  AdwApplication  parent_instance;

  UpskillCatalog *catalog;
  UpskillTrends  *trends;
  UpskillStore   *store;
  GSettings      *settings;
  gboolean        follows_settings;
  GFile          *demo_dir;   /* removed on shutdown */

  /* The trend feed */
  UpskillFeed    *feed;
  GCancellable   *feed_cancellable; /* cancelled when the last window closes */
  char           *feed_error;       /* why the last check failed, or NULL */
  gboolean        feed_checking;
  gboolean        feed_interactive; /* the running check was asked for */
};

G_DEFINE_FINAL_TYPE (UpskillApplication, upskill_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_TRENDS,
  PROP_FEED_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FEED_UPDATED,
  FEED_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

UpskillApplication *
upskill_application_new (void)
{
  return g_object_new (UPSKILL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
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

/* The --demo folder; an atexit() handler has no user data. */
static GFile *demo_dir_to_remove;

static void
remove_demo_dir (void)
{
  if (demo_dir_to_remove == NULL)
    return;
  upskill_store_remove_index (demo_dir_to_remove);
  upskill_cli_remove_tree (demo_dir_to_remove);
  g_clear_object (&demo_dir_to_remove);
}

static gboolean
quit_on_signal (gpointer user_data)
{
  GApplication *application = user_data;

  /* Before the main loop runs windows, or while it does: either way
   * the folder goes. */
  remove_demo_dir ();
  g_application_quit (application);
  return G_SOURCE_CONTINUE;
}

static int
upskill_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  UpskillApplication *self = UPSKILL_APPLICATION (application);
  const char *import_path = NULL;
  const char *export_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      upskill_cli_print ("upskill %s", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "format") && !g_variant_dict_contains (options, "list-profiles"))
    {
      upskill_cli_printerr (_("--format goes with --list-profiles"));
      return 2;
    }
  if (g_variant_dict_contains (options, "date") && !g_variant_dict_contains (options, "export-report"))
    {
      upskill_cli_printerr (_("--date goes with --export-report"));
      return 2;
    }
  if (g_variant_dict_contains (options, "if-exists") && !g_variant_dict_contains (options, "import"))
    {
      upskill_cli_printerr (_("--if-exists goes with --import"));
      return 2;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      self->demo_dir = upskill_cli_make_demo_dir (&error);
      if (self->demo_dir == NULL)
        {
          upskill_cli_printerr ("%s", error->message);
          return 1;
        }

      path = g_file_get_path (self->demo_dir);
      g_setenv ("UPSKILL_DATA_DIR", path, TRUE);
      /* Removed on every way out: shutdown, a command-line run that never
       * starts the application, and exit() when GTK finds no display. */
      demo_dir_to_remove = g_object_ref (self->demo_dir);
      atexit (remove_demo_dir);
      g_unix_signal_add (SIGINT, quit_on_signal, self);
      g_unix_signal_add (SIGTERM, quit_on_signal, self);
      g_unix_signal_add (SIGHUP, quit_on_signal, self);
      upskill_cli_printerr (_("Sample profiles are in %s (removed when Upskill quits)"), path);
    }

  if (g_variant_dict_contains (options, "list-profiles"))
    {
      const char *format = NULL;

      g_variant_dict_lookup (options, "format", "&s", &format);
      return upskill_cli_list_profiles (ensure_store (self), format);
    }

  if (g_variant_dict_lookup (options, "import", "^&ay", &import_path))
    {
      const char *if_exists = NULL;

      g_variant_dict_lookup (options, "if-exists", "&s", &if_exists);
      return upskill_cli_import (ensure_store (self), import_path, if_exists);
    }

  if (g_variant_dict_lookup (options, "export-report", "^&ay", &export_path))
    return upskill_cli_export_report (ensure_store (self), self->trends, export_path, options);

  /* One process owns the data folder: a second launch presents the
   * first one's window. The samples of --demo, or a folder of one's own
   * (UPSKILL_DATA_DIR), are another folder: a window of their own. */
  if (g_getenv ("UPSKILL_DATA_DIR") != NULL)
    g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (upskill_application_parent_class)->handle_local_options (application, options);
}

/* Application actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing, not quitting: each window saves what is pending first and
   * the application ends with the last one. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  UpskillApplication *self = UPSKILL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  UpskillPreferencesWindow *preferences;

  preferences = upskill_preferences_window_new (parent, upskill_application_get_settings (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  UpskillApplication *self = UPSKILL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Upskill developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Upskill"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Upskill developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://example.com/upskill",
                        "comments", _("Map your skills against what the AI shift demands, see the gaps to your target role, "
                                      "and plan and record how you close them.\n\n"
                                      "The trend data comes from the article “Amazon’s Shocking Pivot: Why 14,000 Layoffs "
                                      "Are Fueling an AI Revolution”; its claims are shown with their kind and source."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

/* The ranking of gaps follows the "Weight of market trends" preference,
 * whichever trends are shown. */
static void
follow_trend_weight (UpskillApplication *self)
{
  if (!self->follows_settings || self->trends == NULL)
    return;

  g_settings_bind (upskill_application_get_settings (self), "trend-weight",
                   self->trends, "weight", G_SETTINGS_BIND_GET);
}

static void
upskill_application_startup (GApplication *application)
{
  GtkApplication *gtk_application = GTK_APPLICATION (application);
  /* The window's own shortcuts are its class's; GTK adds Ctrl+? for
   * the shortcuts window, which it loads from the resources. */
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    /* Every window of the application: preferences, shortcuts, about. */
    { "window.close", { "<Control>w", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
  };

  G_APPLICATION_CLASS (upskill_application_parent_class)->startup (application);
  upskill_accessible_install ();

  UPSKILL_APPLICATION (application)->follows_settings = TRUE;
  follow_trend_weight (UPSKILL_APPLICATION (application));

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_application, accels[i].action, accels[i].accels);
}

/* Trend feed */

#define FEED_CHECK_INTERVAL (24 * 60 * 60)
/* Long enough for any message of ours; a hostile feed can't flood the UI. */
#define FEED_MESSAGE_MAX_CHARS 600

static void start_feed_check (UpskillApplication *self,
                              gboolean            interactive);

static char *
shorten_message (const char *message)
{
  if (g_utf8_strlen (message, -1) <= FEED_MESSAGE_MAX_CHARS)
    return g_strdup (message);

  return g_strconcat (g_utf8_substring (message, 0, FEED_MESSAGE_MAX_CHARS), "…", NULL);
}

static void
set_feed_error (UpskillApplication *self,
                const char         *message)
{
  g_autofree char *shortened = message ? shorten_message (message) : NULL;

  if (g_strcmp0 (self->feed_error, shortened) == 0)
    return;

  g_free (self->feed_error);
  self->feed_error = g_steal_pointer (&shortened);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED_ERROR]);
}

static void
update_check_action (UpskillApplication *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "check-trends");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !self->feed_checking);
}

static char *
dup_feed_url (UpskillApplication *self)
{
  g_autofree char *url = g_settings_get_string (upskill_application_get_settings (self), "feed-url");

  return g_strstrip (g_steal_pointer (&url));
}

static void
on_feed_fetched (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(UpskillApplication) self = user_data;
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GError) error = NULL;
  gboolean not_modified = FALSE;
  gboolean interactive = self->feed_interactive;

  trends = upskill_feed_fetch_finish (UPSKILL_FEED (source_object), result, &not_modified, &error);

  self->feed_checking = FALSE;
  self->feed_interactive = FALSE;
  update_check_action (self);

  /* Closed, quitting, or replaced by a check of a new address. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_settings_set_int64 (upskill_application_get_settings (self), "last-feed-check",
                        g_get_real_time () / G_USEC_PER_SEC);

  if (trends == NULL)
    {
      g_autofree char *message = shorten_message (error->message);

      set_feed_error (self, message);
      g_signal_emit (self, signals[FEED_FAILED], 0, message);
      return;
    }

  set_feed_error (self, NULL);
  upskill_application_set_trends (self, trends);

  /* Unchanged is news only to whoever asked. */
  if (!not_modified || interactive)
    g_signal_emit (self, signals[FEED_UPDATED], 0, !not_modified);
}

static void
start_feed_check (UpskillApplication *self,
                  gboolean            interactive)
{
  g_autofree char *url = dup_feed_url (self);

  if (self->feed_checking)
    return;

  if (url[0] == '\0')
    {
      if (interactive)
        g_signal_emit (self, signals[FEED_FAILED], 0, _("No trend feed is set. Add its address in Preferences."));
      return;
    }

  self->feed_checking = TRUE;
  self->feed_interactive = interactive;
  update_check_action (self);

  upskill_feed_fetch_async (self->feed, url, self->feed_cancellable,
                            on_feed_fetched, g_object_ref (self));
}

static void
cancel_feed_check (UpskillApplication *self)
{
  g_cancellable_cancel (self->feed_cancellable);
  g_clear_object (&self->feed_cancellable);
  self->feed_cancellable = g_cancellable_new ();
}

static void
check_trends_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  start_feed_check (UPSKILL_APPLICATION (user_data), TRUE);
}

static void
maybe_check_feed_automatically (UpskillApplication *self)
{
  GSettings *settings = upskill_application_get_settings (self);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 last = g_settings_get_int64 (settings, "last-feed-check");

  /* At most once a day; a clock set back does not block checks. */
  if (g_settings_get_boolean (settings, "check-feed-automatically") &&
      (now - last >= FEED_CHECK_INTERVAL || last > now))
    start_feed_check (self, FALSE);
}

static void
on_feed_cache_loaded (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(UpskillApplication) self = user_data;
  g_autoptr(UpskillTrends) trends = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  trends = upskill_feed_load_cached_finish (UPSKILL_FEED (source_object), result, &error);
  if (trends == NULL)
    {
      if (!g_error_matches (error, UPSKILL_FEED_ERROR, UPSKILL_FEED_ERROR_NO_CACHE))
        g_debug ("Not using the cached trend data: %s", error->message);
    }
  else
    {
      url = dup_feed_url (self);

      /* Only the configured feed's copy, and never over a fresher check. */
      if (g_strcmp0 (upskill_trends_get_origin_url (trends), url) == 0 &&
          upskill_trends_get_origin_url (self->trends) == NULL)
        upskill_application_set_trends (self, trends);
    }

  maybe_check_feed_automatically (self);
}

static void
on_feed_url_changed (UpskillApplication *self)
{
  g_autofree char *url = dup_feed_url (self);

  cancel_feed_check (self);
  set_feed_error (self, NULL);

  /* The data shown must come from the configured feed or the article. */
  if (upskill_trends_get_origin_url (self->trends) != NULL &&
      g_strcmp0 (upskill_trends_get_origin_url (self->trends), url) != 0)
    {
      g_autoptr(UpskillTrends) bundled = upskill_trends_new_bundled (self->catalog);

      upskill_application_set_trends (self, bundled);
    }

  /* The address is applied as a whole in Preferences: try it now. */
  if (url[0] != '\0')
    start_feed_check (self, TRUE);
}

static void
on_window_removed (UpskillApplication *self)
{
  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    cancel_feed_check (self);
}

/* Once, when the first window opens: the cached copy is read off the main
 * thread, then the daily check runs if it is due. */
static void
setup_feed (UpskillApplication *self)
{
  static const GActionEntry feed_actions[] = {
    { "check-trends", check_trends_activated },
  };
  g_autofree char *url = NULL;

  if (self->feed != NULL)
    return;

  self->feed = upskill_feed_new (self->catalog, NULL);
  self->feed_cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), feed_actions,
                                   G_N_ELEMENTS (feed_actions), self);

  g_signal_connect_object (upskill_application_get_settings (self), "changed::feed-url",
                           G_CALLBACK (on_feed_url_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_after (self, "window-removed", G_CALLBACK (on_window_removed), NULL);

  url = dup_feed_url (self);
  if (url[0] != '\0')
    upskill_feed_load_cached_async (self->feed, self->feed_cancellable,
                                    on_feed_cache_loaded, g_object_ref (self));
}

static void
upskill_application_activate (GApplication *application)
{
  UpskillApplication *self = UPSKILL_APPLICATION (application);
  GtkWindow *window;

  ensure_store (self);
  setup_feed (self);

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    {
      g_autoptr(UpskillProfileSession) session = upskill_profile_session_new (self->store);

      window = g_object_new (UPSKILL_TYPE_WINDOW,
                             "application", self,
                             "store", self->store,
                             "settings", upskill_application_get_settings (self),
                             "session", session,
                             NULL);
    }

  gtk_window_present (window);
}

static void
upskill_application_shutdown (GApplication *application)
{
  UpskillApplication *self = UPSKILL_APPLICATION (application);

  if (self->feed_cancellable != NULL)
    g_cancellable_cancel (self->feed_cancellable);

  G_APPLICATION_CLASS (upskill_application_parent_class)->shutdown (application);

  if (self->demo_dir != NULL)
    remove_demo_dir ();
}

static void
upskill_application_finalize (GObject *object)
{
  UpskillApplication *self = (UpskillApplication *)object;

  g_clear_object (&self->trends);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->demo_dir);
  g_clear_object (&self->feed);
  g_clear_object (&self->feed_cancellable);
  g_clear_pointer (&self->feed_error, g_free);

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

    case PROP_FEED_ERROR:
      g_value_set_string (value, self->feed_error);
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
  app_class->startup = upskill_application_startup;
  app_class->activate = upskill_application_activate;
  app_class->shutdown = upskill_application_shutdown;

  properties[PROP_TRENDS] =
    g_param_spec_object ("trends", NULL, NULL,
                         UPSKILL_TYPE_TRENDS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Why the last check of the trend feed failed, in words; NULL when fine. */
  properties[PROP_FEED_ERROR] =
    g_param_spec_string ("feed-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A check of the trend feed brought data: @changed, or the same as
   * before (only said for a check the user asked for). Windows say so. */
  signals[FEED_UPDATED] =
    g_signal_new ("feed-updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /* A check of the trend feed failed, or could not start: @message says
   * why in words (it may quote the feed's text: plain text, not markup). */
  signals[FEED_FAILED] =
    g_signal_new ("feed-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
upskill_application_init (UpskillApplication *self)
{
  self->catalog = upskill_catalog_get_default ();
  self->trends = upskill_trends_new_bundled (self->catalog);

  g_application_add_main_option_entries (G_APPLICATION (self), upskill_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan your skills for the AI shift."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                upskill_cli_get_exit_status_help ());
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
    {
      follow_trend_weight (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRENDS]);
    }
}
