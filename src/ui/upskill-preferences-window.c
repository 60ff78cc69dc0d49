/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-preferences-window.h"
#include "upskill-toast.h"

struct _UpskillPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *coach_name_row;
  AdwEntryRow          *coach_contact_row;
  AdwComboRow          *paper_size_row;
  AdwComboRow          *trend_weight_row;
  AdwEntryRow          *feed_url_row;
  GtkSwitch            *check_switch;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (UpskillPreferencesWindow, upskill_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the combo rows' items: row "selected" <-> setting nick.
 * Each list ends with NULL and is the mappings' user data. */
static const char * const paper_nicks[] = { "auto", "a4", "letter", NULL };
static const char * const trend_weight_nicks[] = { "none", "some", "strong", NULL };

static gboolean
nick_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nick, nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

static gboolean
feed_url_is_acceptable (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url[0] == '\0')
    return TRUE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
         g_uri_get_host (uri) != NULL &&
         g_uri_get_host (uri)[0] != '\0';
}

static void
on_feed_url_changed (UpskillPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->feed_url_row), "error");
}

static void
on_feed_url_apply (UpskillPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->feed_url_row))));

  if (!feed_url_is_acceptable (url))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->feed_url_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        upskill_toast_new (_("The feed address must start with https://")));
      return;
    }

  g_settings_set_string (self->settings, "feed-url", url);
}

static void
upskill_preferences_window_dispose (GObject *object)
{
  UpskillPreferencesWindow *self = (UpskillPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upskill_preferences_window_parent_class)->dispose (object);
}

static void
upskill_preferences_window_class_init (UpskillPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillPreferencesWindow, coach_name_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillPreferencesWindow, coach_contact_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillPreferencesWindow, paper_size_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillPreferencesWindow, trend_weight_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillPreferencesWindow, feed_url_row);
  gtk_widget_class_bind_template_child (widget_class, UpskillPreferencesWindow, check_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_feed_url_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_feed_url_changed);
}

static void
upskill_preferences_window_init (UpskillPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UpskillPreferencesWindow *
upskill_preferences_window_new (GtkWindow *parent,
                                GSettings *settings)
{
  UpskillPreferencesWindow *self;
  g_autofree char *feed_url = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UPSKILL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "coach-name", self->coach_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "coach-contact", self->coach_contact_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "paper-size",
                                self->paper_size_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_selected, selected_to_nick,
                                (gpointer) paper_nicks, NULL);
  g_settings_bind_with_mapping (settings, "trend-weight",
                                self->trend_weight_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_selected, selected_to_nick,
                                (gpointer) trend_weight_nicks, NULL);
  g_settings_bind (settings, "check-feed-automatically", self->check_switch, "active", G_SETTINGS_BIND_DEFAULT);

  /* The address is applied with the row's button, once complete, so the
   * feed is never fetched from a half-typed address. */
  feed_url = g_settings_get_string (settings, "feed-url");
  gtk_editable_set_text (GTK_EDITABLE (self->feed_url_row), feed_url);

  return self;
}
