/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upskill-catalog.h"
#include "upskill-error.h"
#include "upskill-json.h"
#include "upskill-level.h"

struct _UpskillCatalog
{
  GObject     parent_instance;

  GPtrArray  *areas;     /* UpskillArea*, owned */
  GPtrArray  *skills;    /* UpskillSkill*, owned */
  GPtrArray  *roles;     /* UpskillRole*, owned */
  GPtrArray  *modules;   /* UpskillModule*, owned */
  GHashTable *area_ids;  /* id -> UpskillArea* */
  GHashTable *skill_ids;
  GHashTable *role_ids;
  GHashTable *module_ids;
};

G_DEFINE_FINAL_TYPE (UpskillCatalog, upskill_catalog, G_TYPE_OBJECT)

static const char * const module_kinds[] = { "course", "book", "project", "certification" };

static void
area_free (UpskillArea *area)
{
  g_free (area->id);
  g_free (area->name);
  g_free (area->summary);
  g_free (area->article_basis);
  g_ptr_array_unref (area->skills);
  g_free (area);
}

static void
skill_free (UpskillSkill *skill)
{
  g_free (skill->id);
  g_free (skill->name);
  g_free (skill->description);
  g_free (skill);
}

static void
role_free (UpskillRole *role)
{
  g_free (role->id);
  g_free (role->name);
  g_free (role->description);
  g_free (role->targets);
  g_free (role->area_weights);
  g_free (role);
}

static void
module_free (UpskillModule *module)
{
  g_free (module->id);
  g_free (module->title);
  g_free (module->provider);
  g_free (module->url);
  g_ptr_array_unref (module->prerequisites);
  g_free (module);
}

static void
upskill_catalog_finalize (GObject *object)
{
  UpskillCatalog *self = (UpskillCatalog *)object;

  g_clear_pointer (&self->area_ids, g_hash_table_unref);
  g_clear_pointer (&self->skill_ids, g_hash_table_unref);
  g_clear_pointer (&self->role_ids, g_hash_table_unref);
  g_clear_pointer (&self->module_ids, g_hash_table_unref);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->skills, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);

  G_OBJECT_CLASS (upskill_catalog_parent_class)->finalize (object);
}

static void
upskill_catalog_class_init (UpskillCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upskill_catalog_finalize;
}

static void
upskill_catalog_init (UpskillCatalog *self)
{
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify)area_free);
  self->skills = g_ptr_array_new_with_free_func ((GDestroyNotify)skill_free);
  self->roles = g_ptr_array_new_with_free_func ((GDestroyNotify)role_free);
  self->modules = g_ptr_array_new_with_free_func ((GDestroyNotify)module_free);
  self->area_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->skill_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->role_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->module_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
check_unique (GHashTable  *ids,
              const char  *id,
              const char  *where,
              GError     **error)
{
  if (g_hash_table_contains (ids, id))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: the id “%s” is used twice"), where, id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_areas (UpskillCatalog  *self,
            JsonObject      *root,
            const char      *file_where,
            GError         **error)
{
  JsonArray *areas = upskill_json_get_array (root, "areas", TRUE, file_where, error);

  if (areas == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: areas item %u", file_where, i + 1);
      JsonObject *object = upskill_json_array_get_object (areas, i, file_where, "areas", error);
      UpskillArea *area;
      JsonArray *skills;

      if (object == NULL)
        return FALSE;

      area = g_new0 (UpskillArea, 1);
      area->skills = g_ptr_array_new ();
      area->index = self->areas->len;
      g_ptr_array_add (self->areas, area);

      if (!upskill_json_dup_text (object, "id", FALSE, where, &area->id, error) ||
          !check_unique (self->area_ids, area->id, where, error) ||
          !upskill_json_dup_translated_text (object, "name", FALSE, "area name", where, &area->name, error) ||
          !upskill_json_dup_translated_text (object, "summary", FALSE, "area summary", where, &area->summary, error) ||
          !upskill_json_dup_text (object, "article_basis", FALSE, where, &area->article_basis, error))
        return FALSE;

      g_hash_table_insert (self->area_ids, area->id, area);

      g_free (where);
      where = g_strdup_printf ("%s: area “%s”", file_where, area->id);

      if (!(skills = upskill_json_get_array (object, "skills", TRUE, where, error)))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (skills); j++)
        {
          g_autofree char *skill_where = g_strdup_printf ("%s: skills item %u", where, j + 1);
          JsonObject *skill_object = upskill_json_array_get_object (skills, j, where, "skills", error);
          UpskillSkill *skill;

          if (skill_object == NULL)
            return FALSE;

          skill = g_new0 (UpskillSkill, 1);
          skill->index = self->skills->len;
          skill->area = area;
          g_ptr_array_add (self->skills, skill);

          if (!upskill_json_dup_text (skill_object, "id", FALSE, skill_where, &skill->id, error) ||
              !check_unique (self->skill_ids, skill->id, skill_where, error) ||
              !upskill_json_dup_translated_text (skill_object, "name", FALSE, "skill name", skill_where, &skill->name, error) ||
              !upskill_json_dup_translated_text (skill_object, "description", FALSE, "skill description",
                                                 skill_where, &skill->description, error))
            return FALSE;

          g_hash_table_insert (self->skill_ids, skill->id, skill);
          g_ptr_array_add (area->skills, skill);
        }

      if (area->skills->len == 0)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: the area has no skills"), where);
          return FALSE;
        }
    }

  if (self->areas->len == 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: there are no areas"), file_where);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_roles (UpskillCatalog  *self,
            JsonObject      *root,
            const char      *file_where,
            GError         **error)
{
  JsonArray *roles = upskill_json_get_array (root, "roles", TRUE, file_where, error);

  if (roles == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: roles item %u", file_where, i + 1);
      JsonObject *object = upskill_json_array_get_object (roles, i, file_where, "roles", error);
      JsonObject *targets;
      JsonObject *weights;
      g_autoptr(GList) members = NULL;
      UpskillRole *role;

      if (object == NULL)
        return FALSE;

      role = g_new0 (UpskillRole, 1);
      role->targets = g_new0 (guint, self->skills->len);
      role->area_weights = g_new0 (double, self->areas->len);
      for (guint a = 0; a < self->areas->len; a++)
        role->area_weights[a] = 1.0;
      g_ptr_array_add (self->roles, role);

      if (!upskill_json_dup_text (object, "id", FALSE, where, &role->id, error) ||
          !check_unique (self->role_ids, role->id, where, error) ||
          !upskill_json_dup_translated_text (object, "name", FALSE, "role name", where, &role->name, error) ||
          !upskill_json_dup_translated_text (object, "description", FALSE, "role description", where, &role->description, error))
        return FALSE;

      g_hash_table_insert (self->role_ids, role->id, role);

      g_free (where);
      where = g_strdup_printf ("%s: role “%s”", file_where, role->id);

      if (!(targets = upskill_json_get_object (object, "targets", TRUE, where, error)))
        return FALSE;

      members = json_object_get_members (targets);
      for (const GList *l = members; l; l = l->next)
        {
          g_autofree char *target_where = g_strdup_printf ("%s: targets", where);
          UpskillSkill *skill = g_hash_table_lookup (self->skill_ids, l->data);
          gint64 level;

          if (skill == NULL)
            {
              g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_UNKNOWN_REFERENCE,
                           _("%s: unknown skill “%s”"), target_where, (const char *)l->data);
              return FALSE;
            }

          if (!upskill_json_get_int (targets, l->data, TRUE, 0, UPSKILL_LEVEL_MAX,
                                     target_where, &level, error))
            return FALSE;

          role->targets[skill->index] = level;
        }
      g_clear_pointer (&members, g_list_free);

      if ((weights = upskill_json_get_object (object, "area_weights", FALSE, where, error)))
        {
          members = json_object_get_members (weights);
          for (const GList *l = members; l; l = l->next)
            {
              g_autofree char *weight_where = g_strdup_printf ("%s: area_weights", where);
              UpskillArea *area = g_hash_table_lookup (self->area_ids, l->data);
              double weight;

              if (area == NULL)
                {
                  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_UNKNOWN_REFERENCE,
                               _("%s: unknown area “%s”"), weight_where, (const char *)l->data);
                  return FALSE;
                }

              if (!upskill_json_get_double (weights, l->data, TRUE, 0.0, 10.0,
                                            weight_where, &weight, error))
                return FALSE;

              role->area_weights[area->index] = weight;
            }
        }
      else if (error && *error)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_module_kind (const char        *text,
                   UpskillModuleKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (module_kinds); i++)
    {
      if (g_strcmp0 (text, module_kinds[i]) == 0)
        {
          *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
load_modules (UpskillCatalog  *self,
              JsonObject      *root,
              const char      *file_where,
              GError         **error)
{
  JsonArray *modules = upskill_json_get_array (root, "modules", TRUE, file_where, error);
  g_autoptr(GPtrArray) prerequisite_lists = NULL;

  if (modules == NULL)
    return FALSE;

  /* Prerequisites may name modules further down, so they are resolved in a
   * second pass. */
  prerequisite_lists = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: modules item %u", file_where, i + 1);
      JsonObject *object = upskill_json_array_get_object (modules, i, file_where, "modules", error);
      UpskillModule *module;
      const char *text;
      gint64 number;

      if (object == NULL)
        return FALSE;

      module = g_new0 (UpskillModule, 1);
      module->prerequisites = g_ptr_array_new ();
      g_ptr_array_add (self->modules, module);

      if (!upskill_json_dup_text (object, "id", FALSE, where, &module->id, error) ||
          !check_unique (self->module_ids, module->id, where, error))
        return FALSE;

      g_hash_table_insert (self->module_ids, module->id, module);

      g_free (where);
      where = g_strdup_printf ("%s: module “%s”", file_where, module->id);

      if (!upskill_json_dup_text (object, "title", FALSE, where, &module->title, error) ||
          !upskill_json_dup_text (object, "provider", FALSE, where, &module->provider, error) ||
          !upskill_json_dup_text (object, "url", FALSE, where, &module->url, error))
        return FALSE;

      if (!upskill_json_get_string (object, "kind", TRUE, where, &text, error))
        return FALSE;
      if (!parse_module_kind (text, &module->kind))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “kind”: “%s” is not one of course, book, project, certification"),
                       where, text);
          return FALSE;
        }

      if (!upskill_json_get_int (object, "hours", TRUE, 1, 2000, where, &number, error))
        return FALSE;
      module->hours = number;

      if (!upskill_json_get_string (object, "skill", TRUE, where, &text, error))
        return FALSE;
      if (!(module->skill = g_hash_table_lookup (self->skill_ids, text)))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_UNKNOWN_REFERENCE,
                       _("%s: “skill”: unknown skill “%s”"), where, text);
          return FALSE;
        }

      if (!upskill_json_get_int (object, "from", TRUE, 0, UPSKILL_LEVEL_MAX - 1, where, &number, error))
        return FALSE;
      module->from_level = number;

      if (!upskill_json_get_int (object, "to", TRUE, 1, UPSKILL_LEVEL_MAX, where, &number, error))
        return FALSE;
      module->to_level = number;

      if (module->to_level <= module->from_level)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “to” (%u) must be above “from” (%u)"),
                       where, module->to_level, module->from_level);
          return FALSE;
        }

      g_ptr_array_add (prerequisite_lists,
                       upskill_json_get_array (object, "prerequisites", FALSE, where, error));
      if (error && *error)
        return FALSE;
    }

  for (guint i = 0; i < self->modules->len; i++)
    {
      UpskillModule *module = g_ptr_array_index (self->modules, i);
      JsonArray *prerequisites = g_ptr_array_index (prerequisite_lists, i);

      if (prerequisites == NULL)
        continue;

      for (guint j = 0; j < json_array_get_length (prerequisites); j++)
        {
          JsonNode *node = json_array_get_element (prerequisites, j);
          const char *id = JSON_NODE_HOLDS_VALUE (node) &&
                           json_node_get_value_type (node) == G_TYPE_STRING
                           ? json_node_get_string (node) : NULL;
          UpskillModule *prerequisite;

          if (id == NULL)
            {
              g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                           _("%s: module “%s”: “prerequisites” item %u: expected a module id"),
                           file_where, module->id, j + 1);
              return FALSE;
            }

          if (!(prerequisite = g_hash_table_lookup (self->module_ids, id)))
            {
              g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_UNKNOWN_REFERENCE,
                           _("%s: module “%s”: the prerequisite “%s” does not exist"),
                           file_where, module->id, id);
              return FALSE;
            }

          g_ptr_array_add (module->prerequisites, prerequisite);
        }
    }

  return TRUE;
}

typedef enum { UNVISITED, VISITING, DONE } VisitState;

/* Depth-first search for a prerequisite cycle; on finding one, names the
 * module where the cycle closes. */
static gboolean
find_cycle (UpskillModule  *module,
            GHashTable     *states,
            UpskillModule **out_module)
{
  VisitState state = GPOINTER_TO_UINT (g_hash_table_lookup (states, module));

  if (state == DONE)
    return FALSE;
  if (state == VISITING)
    {
      *out_module = module;
      return TRUE;
    }

  g_hash_table_insert (states, module, GUINT_TO_POINTER (VISITING));

  for (guint i = 0; i < module->prerequisites->len; i++)
    if (find_cycle (g_ptr_array_index (module->prerequisites, i), states, out_module))
      return TRUE;

  g_hash_table_insert (states, module, GUINT_TO_POINTER (DONE));
  return FALSE;
}

static gboolean
check_cycles (UpskillCatalog  *self,
              const char      *file_where,
              GError         **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->modules->len; i++)
    {
      UpskillModule *module = NULL;

      if (find_cycle (g_ptr_array_index (self->modules, i), states, &module))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_CYCLE,
                       _("%s: module “%s”: its prerequisites lead back to it (a cycle)"),
                       file_where, module->id);
          return FALSE;
        }
    }

  return TRUE;
}

UpskillCatalog *
upskill_catalog_new_from_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr(UpskillCatalog) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!(root = upskill_json_parse_bytes (bytes, display_name, error)))
    return NULL;

  if (!(object = upskill_json_check_header (root, display_name, UPSKILL_CATALOG_FORMAT,
                                            UPSKILL_CATALOG_VERSION, NULL, error)))
    return NULL;

  /* Translators: the start of an error message, e.g. Could not read “catalog.json” */
  where = g_strdup_printf (_("Could not read “%s”"), display_name);
  self = g_object_new (UPSKILL_TYPE_CATALOG, NULL);

  if (!load_areas (self, object, where, error) ||
      !load_roles (self, object, where, error) ||
      !load_modules (self, object, where, error) ||
      !check_cycles (self, where, error))
    return NULL;

  return g_steal_pointer (&self);
}

UpskillCatalog *
upskill_catalog_get_default (void)
{
  static UpskillCatalog *catalog;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      UpskillCatalog *loaded;

      bytes = g_resources_lookup_data ("/com/example/Upskill/data/catalog.json",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("The bundled catalog is missing: %s", error->message);

      loaded = upskill_catalog_new_from_bytes (bytes, "catalog.json", &error);
      if (loaded == NULL)
        g_error ("The bundled catalog is invalid: %s", error->message);

      catalog = loaded;
      g_once_init_leave (&initialized, 1);
    }

  return catalog;
}

#define DEFINE_ACCESSORS(Type, type, array, table)                          \
guint                                                                       \
upskill_catalog_get_n_##type##s (UpskillCatalog *self)                      \
{                                                                           \
  g_return_val_if_fail (UPSKILL_IS_CATALOG (self), 0);                      \
  return self->array->len;                                                  \
}                                                                           \
                                                                            \
Upskill##Type *                                                             \
upskill_catalog_get_##type (UpskillCatalog *self,                           \
                            guint           index)                          \
{                                                                           \
  g_return_val_if_fail (UPSKILL_IS_CATALOG (self), NULL);                   \
  g_return_val_if_fail (index < self->array->len, NULL);                    \
  return g_ptr_array_index (self->array, index);                            \
}                                                                           \
                                                                            \
Upskill##Type *                                                             \
upskill_catalog_find_##type (UpskillCatalog *self,                          \
                             const char     *id)                            \
{                                                                           \
  g_return_val_if_fail (UPSKILL_IS_CATALOG (self), NULL);                   \
  if (id == NULL)                                                           \
    return NULL;                                                            \
  return g_hash_table_lookup (self->table, id);                             \
}

DEFINE_ACCESSORS (Area, area, areas, area_ids)
DEFINE_ACCESSORS (Skill, skill, skills, skill_ids)
DEFINE_ACCESSORS (Role, role, roles, role_ids)
DEFINE_ACCESSORS (Module, module, modules, module_ids)

const char *
upskill_catalog_translate (const char *context,
                           const char *text)
{
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* "" would look up the translation's header. */
  if (*text == '\0')
    return text;

  return g_dpgettext2 (GETTEXT_PACKAGE, context, text);
}

const char *
upskill_module_kind_to_string (UpskillModuleKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (module_kinds), NULL);

  return module_kinds[kind];
}

const char *
upskill_module_kind_get_label (UpskillModuleKind kind)
{
  static const char * const labels[] = {
    N_("Course"), N_("Book"), N_("Project"), N_("Certification"),
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (labels), NULL);

  return _(labels[kind]);
}
