/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upskill-accessible.h"
#include "upskill-client.h"
#include "upskill-clients-view.h"
#include "upskill-format.h"
#include "upskill-practice.h"

/* How many of the gaps most clients share are listed. */
#define MAX_COMMON_GAPS 15

typedef enum
{
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_TAGS,
  COLUMN_READINESS,
  COLUMN_CHANGE,
  COLUMN_LAST_SESSION,
  COLUMN_NEXT_SESSION,
  COLUMN_PLAN,
  COLUMN_ATTENTION,
} Column;

struct _UpskillClientsView
{
  GtkWidget           parent_instance;

  /* Template */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *role_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkCheckButton     *attention_check;
  GtkCheckButton     *archived_check;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *empty_page;
  GtkColumnView      *column_view;
  GtkLabel           *selected_label;
  GtkWidget          *export_button;
  GtkColumnView      *heat_view;
  GtkListBox         *gaps_list;

  UpskillStore       *store;
  UpskillCatalog     *catalog;
  GCancellable       *cancellable;

  /* Every client, filtered by text and role, then sorted twice: the
   * table's order and the heat map's. */
  GListStore         *clients;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkCustomSorter    *attention_sorter;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GtkSortListModel   *heat_sort_model;
  GtkSingleSelection *heat_selection;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *heat_name_column;

  char               *search_text;  /* casefolded, NULL for none */
  char               *role_id;      /* NULL for every role */
  char               *tag_key;      /* upskill_profile_dup_tag_key(), NULL for any */
  GtkStringList      *tags;         /* the tag menu: "All Tags", then each tag */
  gboolean            show_archived;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (UpskillClientsView, upskill_clients_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLIENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Filtering */

static gboolean
contains_folded (const char *text,
                 const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
filter_client (gpointer item,
               gpointer user_data)
{
  UpskillClientsView *self = user_data;
  UpskillClient *client = item;

  if (upskill_client_get_archived (client) && !self->show_archived)
    return FALSE;

  if (self->role_id != NULL && g_strcmp0 (upskill_client_get_role_id (client), self->role_id) != 0)
    return FALSE;

  if (self->tag_key != NULL && !upskill_client_has_tag (client, self->tag_key))
    return FALSE;

  if (self->search_text != NULL &&
      !contains_folded (upskill_client_get_name (client), self->search_text) &&
      !contains_folded (upskill_client_get_role_name (client), self->search_text) &&
      !contains_folded (upskill_client_get_tags_text (client), self->search_text))
    return FALSE;

  return TRUE;
}

static void
search_changed_cb (UpskillClientsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_text, g_free);
  if (text[0] != '\0')
    self->search_text = g_utf8_casefold (text, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
role_changed_cb (UpskillClientsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);
  UpskillRole *role = NULL;

  /* The first entry is "All roles". */
  if (self->catalog != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected - 1 < upskill_catalog_get_n_roles (self->catalog))
    role = upskill_catalog_get_role (self->catalog, selected - 1);

  g_clear_pointer (&self->role_id, g_free);
  self->role_id = role != NULL ? g_strdup (role->id) : NULL;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
tag_changed_cb (UpskillClientsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);
  g_autofree char *tag_key = NULL;

  /* The first entry is "All Tags". */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected < g_list_model_get_n_items (G_LIST_MODEL (self->tags)))
    tag_key = upskill_profile_dup_tag_key (gtk_string_list_get_string (self->tags, selected));

  if (g_strcmp0 (tag_key, self->tag_key) == 0)
    return;

  g_free (self->tag_key);
  self->tag_key = g_steal_pointer (&tag_key);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
archived_toggled_cb (UpskillClientsView *self)
{
  self->show_archived = gtk_check_button_get_active (self->archived_check);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      self->show_archived ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const char *tag_a = *(const char **) a;
  const char *tag_b = *(const char **) b;

  return g_utf8_collate (tag_a, tag_b);
}

/* The tag menu: every tag the clients use, once, in the reader's
 * alphabetical order; the chosen one stays chosen if still in use. */
static void
update_tag_menu (UpskillClientsView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) strings = NULL;
  GListModel *clients = G_LIST_MODEL (self->clients);
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(UpskillClient) client = g_list_model_get_item (clients, i);
      const char * const *tags = upskill_client_get_tags (client);

      for (guint t = 0; tags[t] != NULL; t++)
        if (g_hash_table_add (seen, upskill_profile_dup_tag_key (tags[t])))
          g_ptr_array_add (found, (gpointer) tags[t]);
    }
  g_ptr_array_sort (found, compare_tags);

  strings = g_ptr_array_new ();
  g_ptr_array_add (strings, (gpointer) _("All Tags"));
  for (guint i = 0; i < found->len; i++)
    {
      const char *tag = g_ptr_array_index (found, i);
      g_autofree char *key = upskill_profile_dup_tag_key (tag);

      g_ptr_array_add (strings, (gpointer) tag);
      if (g_strcmp0 (key, self->tag_key) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (strings, NULL);

  /* The strings are copied before the clients go. */
  gtk_string_list_splice (self->tags, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tags)),
                          (const char * const *) strings->pdata);
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  tag_changed_cb (self);
}

static void
attention_toggled_cb (UpskillClientsView *self)
{
  if (gtk_check_button_get_active (self->attention_check))
    gtk_custom_sorter_set_sort_func (self->attention_sorter, upskill_client_compare_attention, NULL, NULL);
  else
    gtk_custom_sorter_set_sort_func (self->attention_sorter, NULL, NULL, NULL);
}

/* What the filter leaves: the count and the common gaps */

static void
update_summary (UpskillClientsView *self)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_attention = 0;
  g_autofree char *clients = NULL;
  g_autofree char *attention = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) common = NULL;
  GtkWidget *child;

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(UpskillClient) client = g_list_model_get_item (shown, i);

      if (upskill_client_get_attention (client) != UPSKILL_ATTENTION_NONE)
        n_attention++;
    }

  clients = g_strdup_printf (ngettext ("%u client", "%u clients", n_shown), n_shown);
  attention = g_strdup_printf (ngettext ("%u needs attention", "%u need attention", n_attention), n_attention);
  /* TRANSLATORS: "3 clients, 2 need attention" */
  text = g_strdup_printf (C_("clients count", "%s, %s"), clients, attention);
  gtk_label_set_text (self->count_label, text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gaps_list))) != NULL)
    gtk_list_box_remove (self->gaps_list, child);

  if (self->catalog == NULL)
    return;

  common = upskill_practice_count_gaps (shown, self->catalog, MAX_COMMON_GAPS);
  for (guint i = 0; i < common->len; i++)
    {
      const UpskillCommonGap *gap = g_ptr_array_index (common, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *count;
      g_autofree char *count_text = NULL;
      g_autofree char *spoken = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gap->skill->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gap->skill->area->name);

      /* TRANSLATORS: how many of the clients shown are below their target in a skill */
      count_text = g_strdup_printf (ngettext ("%u of %u client", "%u of %u clients", n_shown),
                                    gap->n_clients, n_shown);
      count = gtk_label_new (count_text);
      gtk_widget_add_css_class (count, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);

      spoken = g_strdup_printf ("%s, %s", gap->skill->name, count_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                      -1);
      gtk_list_box_append (self->gaps_list, row);
    }

  if (common->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No client shown has a gap"));
      gtk_list_box_append (self->gaps_list, row);
    }
}

/* The table's cells */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_READINESS || column == COLUMN_CHANGE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);

  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  UpskillClient *client = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "warning");
  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (upskill_client_get_name (client));
      break;
    case COLUMN_ROLE:
      text = g_strdup (upskill_client_get_role_name (client));
      break;
    case COLUMN_TAGS:
      text = g_strdup (upskill_client_get_tags_text (client));
      break;
    case COLUMN_READINESS:
      text = upskill_client_format_readiness (client);
      break;
    case COLUMN_CHANGE:
      text = upskill_client_format_change (client);
      break;
    case COLUMN_LAST_SESSION:
      text = upskill_client_format_last_session (client);
      break;
    case COLUMN_NEXT_SESSION:
      text = upskill_client_format_next_session (client);
      break;
    case COLUMN_PLAN:
      text = g_strdup (upskill_client_get_plan_label (client));
      if (upskill_client_get_plan_status (client) == UPSKILL_PLAN_BEHIND)
        gtk_widget_add_css_class (label, "warning");
      break;
    case COLUMN_ATTENTION:
      text = upskill_client_describe_attention (client);
      if (text != NULL)
        gtk_widget_add_css_class (label, "warning");
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && text[0] != '\0' ? text : NULL);
}

/* Needs Attention: an archived client needs none; it is marked so, with
 * a button that restores it. */
static void
setup_attention_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (restore, "flat");
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  /* A target of the right type before the name: bound to a client later. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "clients.restore");
  gtk_box_append (GTK_BOX (box), restore);

  gtk_list_item_set_child (item, box);
}

static void
bind_attention_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  UpskillClient *client = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *restore = gtk_widget_get_next_sibling (label);
  gboolean is_archived = upskill_client_get_archived (client);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (is_archived)
    {
      /* TRANSLATORS: "Restore Dana Okafor": the button that brings an archived client back */
      g_autofree char *spoken = g_strdup_printf (_("Restore %s"), upskill_client_get_name (client));

      text = g_strdup (_("Archived"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", upskill_client_get_id (client));
      gtk_widget_set_tooltip_text (restore, spoken);
      gtk_accessible_update_property (GTK_ACCESSIBLE (restore),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                      -1);
    }
  else
    {
      text = upskill_client_describe_attention (client);
      if (text != NULL)
        gtk_widget_add_css_class (label, "warning");
    }
  gtk_widget_set_visible (restore, is_archived);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text);
}

static GtkColumnViewColumn *
add_column (GtkColumnView    *view,
            const char       *title,
            GtkListItemFactory *factory,
            GCompareDataFunc  compare,
            gpointer          compare_data,
            gboolean          expand)
{
  /* Takes @factory. */
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, compare_data, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);

  return column;
}

static GtkListItemFactory *
new_label_factory (Column column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));

  return factory;
}

static void
add_table_columns (UpskillClientsView *self)
{
  static const struct {
    Column            column;
    const char       *title;
    GCompareDataFunc  compare;
    gboolean          expand;
  } columns[] = {
    { COLUMN_NAME, N_("Name"), upskill_client_compare_name, TRUE },
    { COLUMN_ROLE, N_("Target Role"), upskill_client_compare_role, TRUE },
    { COLUMN_TAGS, N_("Tags"), upskill_client_compare_tags, TRUE },
    { COLUMN_READINESS, N_("Readiness"), upskill_client_compare_readiness, FALSE },
    { COLUMN_CHANGE, N_("Since Last Session"), upskill_client_compare_change, FALSE },
    { COLUMN_LAST_SESSION, N_("Last Session"), upskill_client_compare_last_session, FALSE },
    { COLUMN_NEXT_SESSION, N_("Next Session"), upskill_client_compare_next_session, FALSE },
    { COLUMN_PLAN, N_("Plan"), upskill_client_compare_plan, FALSE },
    { COLUMN_ATTENTION, N_("Needs Attention"), upskill_client_compare_attention, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory;
      GtkColumnViewColumn *column;

      if (columns[i].column == COLUMN_ATTENTION)
        {
          factory = gtk_signal_list_item_factory_new ();
          g_signal_connect (factory, "setup", G_CALLBACK (setup_attention_cb), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_attention_cb), NULL);
        }
      else
        factory = new_label_factory (columns[i].column);
      column = add_column (self->column_view, _(columns[i].title), factory,
                                                columns[i].compare, NULL, columns[i].expand);

      if (columns[i].column == COLUMN_NAME)
        self->name_column = column;
    }
}

/* The heat map: a client per row, an area per column, each cell its
 * readiness as text, with a colour band as a second cue. */

static void
setup_heat_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_widget_add_css_class (label, "upskill-heat-cell");
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_heat_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   UpskillArea              *area)
{
  static const char * const bands[] = { "heat-none", "heat-low", "heat-some", "heat-most", "heat-met" };
  UpskillClient *client = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  double readiness = upskill_client_get_area_readiness (client, area->index);
  g_autofree char *text = upskill_format_percent (readiness);
  g_autofree char *spoken = NULL;
  guint band;

  if (readiness < 0)
    band = 0;
  else if (upskill_format_percent_value (readiness) >= 100)
    band = 4;
  else if (readiness >= 67)
    band = 3;
  else if (readiness >= 34)
    band = 2;
  else
    band = 1;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    gtk_widget_remove_css_class (label, bands[i]);
  gtk_widget_add_css_class (label, bands[band]);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* TRANSLATORS: a cell of the heat map read aloud: "Dana Okafor, Python: 45%" */
  spoken = g_strdup_printf (_("%s, %s: %s"), upskill_client_get_name (client), area->name,
                            readiness < 0 ? _("nothing targeted") : text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
add_heat_columns (UpskillClientsView *self)
{
  GtkListItemFactory *name_factory = new_label_factory (COLUMN_NAME);
  guint n_areas;

  self->heat_name_column = add_column (self->heat_view, _("Name"), name_factory,
                                       upskill_client_compare_name, NULL, TRUE);

  n_areas = upskill_catalog_get_n_areas (self->catalog);
  for (guint i = 0; i < n_areas; i++)
    {
      UpskillArea *area = upskill_catalog_get_area (self->catalog, i);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_heat_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_heat_cell_cb), area);
      add_column (self->heat_view, area->name, factory,
                  upskill_client_compare_area, GUINT_TO_POINTER (area->index), FALSE);
    }

  gtk_column_view_sort_by_column (self->heat_view, self->heat_name_column, GTK_SORT_ASCENDING);
}

static void
set_catalog (UpskillClientsView *self,
             UpskillCatalog     *catalog)
{
  g_autoptr(GtkStringList) roles = NULL;

  if (!g_set_object (&self->catalog, catalog))
    return;

  /* Columns and roles come from the catalog, which a view gets once. */
  g_return_if_fail (self->heat_name_column == NULL);
  if (catalog == NULL)
    return;

  add_heat_columns (self);

  roles = gtk_string_list_new (NULL);
  gtk_string_list_append (roles, _("All Roles"));
  for (guint i = 0; i < upskill_catalog_get_n_roles (catalog); i++)
    gtk_string_list_append (roles, upskill_catalog_get_role (catalog, i)->name);
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/* The role menu's button shortens a long role name; its list does not. */
static void
setup_role_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_role_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *role = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (role));
}

static GtkListItemFactory *
new_role_factory (gboolean shorten)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_role_cb), GINT_TO_POINTER (shorten));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_role_cb), NULL);

  return factory;
}

/* Listing, on a worker thread: the store's index and the clients built
 * from it. */

static void
list_clients_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  UpskillStore *store = source_object;
  UpskillCatalog *catalog = task_data;
  g_autoptr(GPtrArray) summaries = NULL;
  GError *error = NULL;

  summaries = upskill_store_list (store, cancellable, &error);
  if (summaries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task,
                         upskill_practice_new_clients (summaries, catalog,
                                                       g_get_real_time () / G_USEC_PER_SEC),
                         g_object_unref);
}

static void
clients_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(UpskillClientsView) self = user_data;
  g_autoptr(GListStore) clients = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_clients;

  clients = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);

  if (clients == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not List the Clients"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_clients = g_list_model_get_n_items (G_LIST_MODEL (clients));
  items = g_ptr_array_new_full (n_clients, g_object_unref);
  for (guint i = 0; i < n_clients; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (clients), i));
  g_list_store_splice (self->clients, 0, g_list_model_get_n_items (G_LIST_MODEL (self->clients)),
                       items->pdata, items->len);
  update_tag_menu (self);

  if (n_clients == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Clients"));
      adw_status_page_set_description (self->empty_page,
                                       _("Profiles you create or import are listed here, with who needs attention first."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "clients");
}

void
upskill_clients_view_reload (UpskillClientsView *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPSKILL_IS_CLIENTS_VIEW (self));
  g_return_if_fail (self->store != NULL && self->catalog != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->loading = TRUE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->clients)) == 0)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  task = g_task_new (self->store, self->cancellable, clients_listed_cb, g_object_ref (self));
  g_task_set_source_tag (task, upskill_clients_view_reload);
  g_task_set_task_data (task, g_object_ref (self->catalog), g_object_unref);
  g_task_run_in_thread (task, list_clients_thread);
}

/* Restoring an archived client: the window saves it (win.unarchive-profile);
 * its row here is no longer marked at once. */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpskillClientsView *self = UPSKILL_CLIENTS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *clients = G_LIST_MODEL (self->clients);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(UpskillClient) client = g_list_model_get_item (clients, i);
      g_autoptr(UpskillProfileSummary) summary = NULL;
      g_autoptr(UpskillClient) restored = NULL;

      if (g_strcmp0 (upskill_client_get_id (client), id) != 0)
        continue;
      if (!upskill_client_get_archived (client) || self->catalog == NULL)
        return;

      gtk_widget_activate_action (widget, "win.unarchive-profile", "s", id);

      summary = upskill_profile_summary_copy (upskill_client_get_summary (client));
      summary->archived = FALSE;
      restored = upskill_client_new (summary, self->catalog, g_get_real_time () / G_USEC_PER_SEC);
      g_list_store_splice (self->clients, i, 1, (gpointer *) &restored, 1);
      return;
    }
}

/* Reports of the clients selected: the window asks for the options and
 * a folder, and writes them (win.export-reports). */

GStrv
upskill_clients_view_dup_selected_ids (UpskillClientsView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (UPSKILL_IS_CLIENTS_VIEW (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  /* In the table's order, which the files are written in. */
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(UpskillClient) client = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (client != NULL)
        g_strv_builder_add (ids, upskill_client_get_id (client));
    }

  return g_strv_builder_end (ids);
}

static void
update_export_action (UpskillClientsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = (guint) gtk_bitset_get_size (selected);
  g_autofree char *text = NULL;

  if (n_selected > 0)
    text = g_strdup_printf (ngettext ("%u client selected", "%u clients selected", n_selected), n_selected);
  gtk_label_set_text (self->selected_label,
                      text != NULL ? text : _("No client selected"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.export-reports", n_selected > 0);
}

static void
export_reports_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_auto(GStrv) ids = upskill_clients_view_dup_selected_ids (UPSKILL_CLIENTS_VIEW (widget));

  if (ids[0] != NULL)
    gtk_widget_activate_action (widget, "win.export-reports", "^as", ids);
}

/* Activation */

static void
activate_client (UpskillClientsView *self,
                 GListModel         *rows,
                 guint               position)
{
  g_autoptr(UpskillClient) client = g_list_model_get_item (rows, position);

  if (client != NULL)
    g_signal_emit (self, signals[CLIENT_ACTIVATED], 0, upskill_client_get_id (client));
}

static void
row_activated_cb (UpskillClientsView *self,
                  guint               position)
{
  activate_client (self, G_LIST_MODEL (self->selection), position);
}

static void
heat_activated_cb (UpskillClientsView *self,
                   guint               position)
{
  activate_client (self, G_LIST_MODEL (self->heat_selection), position);
}

/* GObject */

GtkWidget *
upskill_clients_view_new (void)
{
  return g_object_new (UPSKILL_TYPE_CLIENTS_VIEW, NULL);
}

GListModel *
upskill_clients_view_get_rows (UpskillClientsView *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

GtkColumnView *
upskill_clients_view_get_table (UpskillClientsView *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENTS_VIEW (self), NULL);

  return self->column_view;
}

gboolean
upskill_clients_view_is_loading (UpskillClientsView *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENTS_VIEW (self), FALSE);

  return self->loading;
}

static void
upskill_clients_view_dispose (GObject *object)
{
  UpskillClientsView *self = UPSKILL_CLIENTS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  /* The table lets go of its rows: no label to count them in. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, update_export_action, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_CLIENTS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->heat_selection);
  g_clear_object (&self->attention_sorter);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->clients);
  g_clear_object (&self->tags);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (upskill_clients_view_parent_class)->dispose (object);
}

static void
upskill_clients_view_finalize (GObject *object)
{
  UpskillClientsView *self = UPSKILL_CLIENTS_VIEW (object);

  g_free (self->search_text);
  g_free (self->role_id);
  g_free (self->tag_key);

  G_OBJECT_CLASS (upskill_clients_view_parent_class)->finalize (object);
}

static void
upskill_clients_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UpskillClientsView *self = UPSKILL_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_clients_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UpskillClientsView *self = UPSKILL_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CATALOG:
      set_catalog (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_clients_view_class_init (UpskillClientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_clients_view_dispose;
  object_class->finalize = upskill_clients_view_finalize;
  object_class->get_property = upskill_clients_view_get_property;
  object_class->set_property = upskill_clients_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, UPSKILL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UPSKILL_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLIENT_ACTIVATED] =
    g_signal_new ("client-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-clients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, attention_check);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, archived_check);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, export_button);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, heat_view);
  gtk_widget_class_bind_template_child (widget_class, UpskillClientsView, gaps_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, attention_toggled_cb);

  gtk_widget_class_install_action (widget_class, "clients.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "clients.export-reports", NULL, export_reports_action);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, heat_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "upskillclientsview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
upskill_clients_view_init (UpskillClientsView *self)
{
  g_autoptr(GtkMultiSorter) sorter = gtk_multi_sorter_new ();
  g_autoptr(GtkStringList) roles = NULL;
  g_autoptr(GtkListItemFactory) button_factory = new_role_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = new_role_factory (FALSE);
  g_autoptr(GtkListItemFactory) tag_button_factory = new_role_factory (TRUE);
  g_autoptr(GtkListItemFactory) tag_list_factory = new_role_factory (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* More than its label says, for a screen reader: whose reports. */
  upskill_accessible_set_label (self->export_button, _("Export Reports of the Selected Clients"));

  self->clients = g_list_store_new (UPSKILL_TYPE_CLIENT);
  self->filter = gtk_custom_filter_new (filter_client, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->clients)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);

  add_table_columns (self);

  /* Those who need attention first, then the column the coach chose. */
  self->attention_sorter = gtk_custom_sorter_new (upskill_client_compare_attention, NULL, NULL);
  gtk_multi_sorter_append (sorter, g_object_ref (GTK_SORTER (self->attention_sorter)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              GTK_SORTER (g_steal_pointer (&sorter)));
  /* Several clients at once, for their reports; activating a row still
   * opens one. */
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (update_export_action), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (update_export_action), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_export_action (self);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  self->heat_sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                                   g_object_ref (gtk_column_view_get_sorter (self->heat_view)));
  self->heat_selection = gtk_single_selection_new (G_LIST_MODEL (self->heat_sort_model));
  gtk_single_selection_set_autoselect (self->heat_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->heat_selection, TRUE);
  gtk_column_view_set_model (self->heat_view, GTK_SELECTION_MODEL (self->heat_selection));

  gtk_drop_down_set_factory (self->role_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->role_dropdown, list_factory);
  roles = gtk_string_list_new ((const char * const []) { _("All Roles"), NULL });
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));

  gtk_drop_down_set_factory (self->tag_dropdown, tag_button_factory);
  gtk_drop_down_set_list_factory (self->tag_dropdown, tag_list_factory);
  self->tags = gtk_string_list_new ((const char * const []) { _("All Tags"), NULL });
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));

  update_summary (self);
}
