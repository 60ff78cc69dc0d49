/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "upskill-accessible.h"

/* A widget whose name the application set: not repaired. */
#define NAMED_KEY "upskill-accessible-named"
/* A widget already seen by the repairs (maps happen again). */
#define REPAIRED_KEY "upskill-accessible-repaired"
/* A row labelled by the labels inside it. */
#define LABELLED_KEY "upskill-accessible-labelled"

void
upskill_accessible_set_label (GtkWidget  *widget,
                              const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  /* The name is @label alone, not followed by a label child's text. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  -1);
}

static gboolean
is_named (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL;
}

static void collect_labels (GtkWidget  *widget,
                            GList     **labels);

/* Names the widget by the labels inside it, as they change; FALSE when
 * it holds none. */
static gboolean
label_from_content (GtkWidget *widget)
{
  GList *labels = NULL;
  GValue value = G_VALUE_INIT;

  /* A menu button's content is inside its own button. */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_first_child (widget) != NULL)
    collect_labels (gtk_widget_get_first_child (widget), &labels);
  else
    collect_labels (widget, &labels);
  if (labels == NULL)
    return FALSE;
  labels = g_list_reverse (labels);

  /* GTK 4.8 takes the list itself, and frees it with the relation. */
  g_value_init (&value, G_TYPE_POINTER);
  g_value_set_pointer (&value, labels);
  gtk_accessible_update_relation_value (GTK_ACCESSIBLE (widget), 1,
                                        (GtkAccessibleRelation[]) { GTK_ACCESSIBLE_RELATION_LABELLED_BY },
                                        &value);
  g_value_unset (&value);

  return TRUE;
}

/* The icons GTK's and libadwaita's own windows put on buttons without a
 * tooltip (the shortcuts window's search, the about window's back). */
static const char *
name_for_icon (const char *icon_name)
{
  static const struct {
    const char *icon_name;
    const char *name;
  } names[] = {
    { "edit-find-symbolic", N_("Search") },
    { "system-search-symbolic", N_("Search") },
    { "go-previous-symbolic", N_("Back") },
    { "go-next-symbolic", N_("Forward") },
    { "window-close-symbolic", N_("Close") },
    { "open-menu-symbolic", N_("Menu") },
    { "view-more-symbolic", N_("More") },
  };

  for (guint i = 0; icon_name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (icon_name, names[i].icon_name))
      return _(names[i].name);

  return NULL;
}

static void
label_from_tooltip (GtkWidget *widget,
                    GtkWidget *tooltip_owner)
{
  const char *tooltip = gtk_widget_get_tooltip_text (tooltip_owner);
  const char *icon_name = NULL;

  if (tooltip != NULL && *tooltip != '\0')
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
      return;
    }

  /* A button with content of its own (not a tab, which names itself). */
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_BUTTON &&
      label_from_content (widget))
    return;

  if (GTK_IS_BUTTON (widget))
    icon_name = gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    icon_name = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
  if (name_for_icon (icon_name) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name_for_icon (icon_name),
                                    -1);
  else if (GTK_IS_MENU_BUTTON (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Menu"),
                                    -1);
}

/* GTK 4.8 names a button with a mnemonic by its raw label ("_Save") and
 * then by its label child ("Save"): the child alone is enough. */
static void
repair_button (GtkButton *button)
{
  GtkWidget *widget = GTK_WIDGET (button);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  const char *label = gtk_button_get_label (button);

  if (is_named (widget))
    return;

  if (label != NULL && *label != '\0')
    {
      if (gtk_button_get_use_underline (button))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  /* The toggle inside a menu button reads the menu button's name; the
   * one inside a drop-down its tooltip. */
  if (parent != NULL && GTK_IS_MENU_BUTTON (parent))
    return;
  if (parent != NULL && GTK_IS_DROP_DOWN (parent))
    label_from_tooltip (widget, parent);
  else
    label_from_tooltip (widget, widget);
}

static void
on_button_label_changed (GtkButton  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  repair_button (button);
}

static void
collect_labels (GtkWidget  *widget,
                GList     **labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      /* A label still empty is filled when the row is bound. */
      if (GTK_IS_LABEL (child))
        {
          *labels = g_list_prepend (*labels, child);
          continue;
        }
      /* Controls inside a row have names of their own. */
      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_DROP_DOWN (child) ||
          GTK_IS_EDITABLE (child) || GTK_IS_LIST_BOX (child) || GTK_IS_POPOVER (child))
        continue;
      collect_labels (child, labels);
    }
}

/* GTK 4.8 does not name a row from its content: a row reads the labels
 * inside it, and follows them as they change. */
static void
repair_list_item (GtkWidget *row)
{
  if (is_named (row) || ADW_IS_PREFERENCES_ROW (row) ||
      g_object_get_data (G_OBJECT (row), LABELLED_KEY) != NULL)
    return;

  if (label_from_content (row))
    g_object_set_data (G_OBJECT (row), LABELLED_KEY, GINT_TO_POINTER (TRUE));
}

/* The header of an expander row, the part focused and read. */
static GtkWidget *
find_action_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child))
        return child;
      found = find_action_row (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* libadwaita 1.2 does not say whether an expander row is open. */
static void
on_expander_row_expanded (AdwExpanderRow *row,
                          GParamSpec     *pspec,
                          gpointer        user_data)
{
  gboolean expanded = adw_expander_row_get_expanded (row);
  GtkWidget *header = find_action_row (GTK_WIDGET (row));

  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
  if (header != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_EXPANDED, expanded, -1);
}

/* libadwaita 1.2 names an expander row's header, not the row itself. */
static void
on_expander_row_title_changed (AdwExpanderRow *row,
                               GParamSpec     *pspec,
                               gpointer        user_data)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  if (!is_named (GTK_WIDGET (row)) && title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* A menu button with a label reads it (GTK 4.8 gives it to the button
 * inside only), with its tooltip as the description; one without reads
 * its tooltip, its content, or what its icon means. */
static void
on_menu_button_label_changed (GtkMenuButton *button,
                              GParamSpec    *pspec,
                              gpointer       user_data)
{
  GtkWidget *widget = GTK_WIDGET (button);
  const char *label = gtk_menu_button_get_label (button);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (is_named (widget))
    return;

  if (label != NULL && *label != '\0')
    {
      g_autoptr(GString) bare = g_string_new (label);

      if (gtk_menu_button_get_use_underline (button))
        g_string_replace (bare, "_", "", 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, bare->str, -1);
      if (tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
      return;
    }

  label_from_tooltip (widget, widget);
}

static void
repair_widget (GtkWidget *widget)
{
  gboolean first = g_object_get_data (G_OBJECT (widget), REPAIRED_KEY) == NULL;

  if (first)
    g_object_set_data (G_OBJECT (widget), REPAIRED_KEY, GINT_TO_POINTER (TRUE));

  if (GTK_IS_BUTTON (widget))
    {
      repair_button (GTK_BUTTON (widget));
      if (first)
        g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label_changed), NULL);
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      if (first)
        g_signal_connect (widget, "notify::label", G_CALLBACK (on_menu_button_label_changed), NULL);
      on_menu_button_label_changed (GTK_MENU_BUTTON (widget), NULL, NULL);
    }
  else if (GTK_IS_EXPANDER (widget))
    {
      const char *label = gtk_expander_get_label (GTK_EXPANDER (widget));

      if (!is_named (widget) && label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else if (ADW_IS_EXPANDER_ROW (widget))
    {
      if (first)
        {
          g_signal_connect (widget, "notify::expanded", G_CALLBACK (on_expander_row_expanded), NULL);
          g_signal_connect (widget, "notify::title", G_CALLBACK (on_expander_row_title_changed), NULL);
        }
      on_expander_row_expanded (ADW_EXPANDER_ROW (widget), NULL, NULL);
      on_expander_row_title_changed (ADW_EXPANDER_ROW (widget), NULL, NULL);
    }
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (!is_named (widget))
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        placeholder != NULL && *placeholder != '\0' ? placeholder : _("Search"),
                                        -1);
    }
  else if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    repair_list_item (widget);
}

static void
repair_tree (GtkWidget *widget)
{
  repair_widget (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    repair_tree (child);
}

/* A widget is repaired when shown; a window, a popover or an expander row
 * with everything inside, shown or not yet (a collapsed row's buttons are
 * reachable by a screen reader's review). */
static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_values,
        const GValue          *values,
        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_ROOT (widget) || GTK_IS_POPOVER (widget) || ADW_IS_EXPANDER_ROW (widget))
    repair_tree (widget);
  else
    repair_widget (widget);

  return TRUE;
}

void
upskill_accessible_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does; kept for the process. */
      GTypeClass *widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint map_signal = g_signal_lookup ("map", G_TYPE_FROM_CLASS (widget_class));

      g_signal_add_emission_hook (map_signal, 0, on_map, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
