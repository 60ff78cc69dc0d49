/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-icon-button.h"

GtkWidget *
upskill_icon_button_new (const char *icon_name,
                         const char *tooltip,
                         const char *action_name,
                         GVariant   *target)
{
  GtkWidget *button;

  g_return_val_if_fail (icon_name != NULL, NULL);
  g_return_val_if_fail (action_name != NULL, NULL);

  button = gtk_button_new_from_icon_name (icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}
