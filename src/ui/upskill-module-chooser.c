/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-level.h"
#include "upskill-module-chooser.h"

struct _UpskillModuleChooser
{
  AdwWindow           parent_instance;

  UpskillCatalog     *catalog;
  GHashTable         *haystacks;  /* module id -> casefolded searchable text */
  GHashTable         *in_plan;    /* module ids */
  GStrv               needles;    /* casefolded words of the search */
  GtkFilter          *filter;
  GtkFilterListModel *results;
  GtkSingleSelection *selection;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (UpskillModuleChooser, upskill_module_chooser, ADW_TYPE_WINDOW)

enum {
  MODULE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static UpskillModule *
module_for_item (UpskillModuleChooser *self,
                 gpointer              item)
{
  return upskill_catalog_find_module (self->catalog,
                                      gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static gboolean
match_module (gpointer item,
              gpointer user_data)
{
  UpskillModuleChooser *self = user_data;
  const char *haystack;

  if (self->needles == NULL)
    return TRUE;

  haystack = g_hash_table_lookup (self->haystacks,
                                  gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  if (haystack == NULL)
    return FALSE;

  for (guint i = 0; self->needles[i] != NULL; i++)
    {
      if (strstr (haystack, self->needles[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* A module already in the plan cannot be added again. */
static gboolean
can_choose (UpskillModuleChooser *self,
            gpointer              item)
{
  return item != NULL
         && !g_hash_table_contains (self->in_plan,
                                    gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
update_state (UpskillModuleChooser *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.add",
                                 can_choose (self, gtk_single_selection_get_selected_item (self->selection)));
}

static void
on_search_changed (UpskillModuleChooser *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GPtrArray) needles = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (needles, g_strdup (words[i]));

  g_clear_pointer (&self->needles, g_strfreev);
  if (needles->len > 0)
    {
      g_ptr_array_add (needles, NULL);
      self->needles = (GStrv) g_ptr_array_free (g_steal_pointer (&needles), FALSE);
    }

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
choose (UpskillModuleChooser *self,
        gpointer              item)
{
  g_autofree char *module_id = NULL;

  if (!can_choose (self, item))
    return;

  module_id = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[MODULE_CHOSEN], 0, module_id);
  g_object_unref (self);
}

static void
on_search_activate (UpskillModuleChooser *self)
{
  choose (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_stop_search (UpskillModuleChooser *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_list_activate (UpskillModuleChooser *self,
                  guint                 position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  choose (self, item);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  UpskillModuleChooser *self = UPSKILL_MODULE_CHOOSER (widget);

  choose (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Down in the search entry goes to the list. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       UpskillModuleChooser  *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_DOWN)
           || gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  return FALSE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           UpskillModuleChooser     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *raises = gtk_label_new (NULL);
  GtkWidget *in_plan = gtk_label_new (_("In plan"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_hexpand (texts, TRUE);
  for (GtkWidget *label = title; label != NULL;
       label = label == title ? detail : label == detail ? raises : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (raises, "caption");

  gtk_widget_set_valign (in_plan, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (in_plan, "upskill-tag");
  gtk_widget_add_css_class (in_plan, "caption");

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), in_plan);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          UpskillModuleChooser     *self)
{
  UpskillModule *module = module_for_item (self, gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  GtkWidget *raises = gtk_widget_get_next_sibling (detail);
  GtkWidget *in_plan = gtk_widget_get_next_sibling (texts);
  g_autofree char *detail_text = NULL;
  g_autofree char *raises_text = NULL;
  g_autofree char *hours = NULL;

  if (module == NULL)
    return;

  hours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", module->hours),
                           module->hours);
  /* TRANSLATORS: "Course · Coursera · 12 hours" */
  detail_text = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                                 upskill_module_kind_get_label (module->kind),
                                 module->provider, hours);
  /* TRANSLATORS: "SQL: Novice → Competent" */
  raises_text = g_strdup_printf (_("%1$s: %2$s → %3$s"),
                                 module->skill->name,
                                 upskill_level_get_name (module->from_level),
                                 upskill_level_get_name (module->to_level));

  gtk_label_set_text (GTK_LABEL (title), module->title);
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  gtk_label_set_text (GTK_LABEL (raises), raises_text);
  gtk_widget_set_visible (in_plan, g_hash_table_contains (self->in_plan, module->id));
}

static void
upskill_module_chooser_dispose (GObject *object)
{
  UpskillModuleChooser *self = (UpskillModuleChooser *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_MODULE_CHOOSER);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (upskill_module_chooser_parent_class)->dispose (object);
}

static void
upskill_module_chooser_finalize (GObject *object)
{
  UpskillModuleChooser *self = (UpskillModuleChooser *)object;

  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->in_plan, g_hash_table_unref);
  g_clear_pointer (&self->needles, g_strfreev);

  G_OBJECT_CLASS (upskill_module_chooser_parent_class)->finalize (object);
}

static void
upskill_module_chooser_class_init (UpskillModuleChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_module_chooser_dispose;
  object_class->finalize = upskill_module_chooser_finalize;

  /**
   * UpskillModuleChooser::module-chosen:
   * @module_id: the id of the module the user picked
   */
  signals[MODULE_CHOSEN] =
    g_signal_new ("module-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-module-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillModuleChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UpskillModuleChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, UpskillModuleChooser, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "chooser.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upskill_module_chooser_init (UpskillModuleChooser *self)
{
  GtkListItemFactory *factory;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->haystacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->in_plan = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

UpskillModuleChooser *
upskill_module_chooser_new (GtkWindow          *parent,
                            UpskillCatalog     *catalog,
                            const char * const *in_plan)
{
  g_autoptr(GtkStringList) modules = gtk_string_list_new (NULL);
  UpskillModuleChooser *self;
  guint n_modules;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  self = g_object_new (UPSKILL_TYPE_MODULE_CHOOSER,
                       "transient-for", parent,
                       NULL);
  self->catalog = g_object_ref (catalog);

  n_modules = upskill_catalog_get_n_modules (catalog);
  for (guint i = 0; i < n_modules; i++)
    {
      UpskillModule *module = upskill_catalog_get_module (catalog, i);
      g_autofree char *text = NULL;

      text = g_strjoin (" ", module->title, module->provider,
                        module->skill->name, module->skill->area->name,
                        upskill_module_kind_get_label (module->kind), NULL);
      g_hash_table_insert (self->haystacks, g_strdup (module->id), g_utf8_casefold (text, -1));
      gtk_string_list_append (modules, module->id);
    }

  for (guint i = 0; in_plan != NULL && in_plan[i] != NULL; i++)
    g_hash_table_add (self->in_plan, g_strdup (in_plan[i]));

  self->filter = GTK_FILTER (gtk_custom_filter_new (match_module, self, NULL));
  self->results = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (modules)),
                                             g_object_ref (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_state (self);

  return self;
}

void
upskill_module_chooser_set_search_text (UpskillModuleChooser *self,
                                        const char           *text)
{
  g_return_if_fail (UPSKILL_IS_MODULE_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Apply now rather than after the entry's delay. */
  on_search_changed (self);
}

GListModel *
upskill_module_chooser_get_results (UpskillModuleChooser *self)
{
  g_return_val_if_fail (UPSKILL_IS_MODULE_CHOOSER (self), NULL);

  return G_LIST_MODEL (self->results);
}
