/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-catalog.h"
#include "upskill-error.h"
#include "upskill-level.h"

static UpskillCatalog *
catalog_from_string (const char  *text,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return upskill_catalog_new_from_bytes (bytes, "catalog.json", error);
}

/* A small valid catalog; %s is replaced by the modules array. */
#define CATALOG_TEMPLATE \
  "{\"format\": \"upskill-catalog\", \"version\": 1," \
  " \"areas\": [{\"id\": \"python\", \"name\": \"Python\", \"summary\": \"s\", \"article_basis\": \"b\"," \
  "   \"skills\": [{\"id\": \"python-core\", \"name\": \"Core\", \"description\": \"d\"}," \
  "               {\"id\": \"pandas\", \"name\": \"pandas\", \"description\": \"d\"}]}]," \
  " \"roles\": [{\"id\": \"ml\", \"name\": \"ML Engineer\", \"description\": \"d\"," \
  "   \"area_weights\": {\"python\": 1.5}, \"targets\": {\"python-core\": 4, \"pandas\": 3}}]," \
  " \"modules\": %s}"

static char *
catalog_with_modules (const char *modules)
{
  g_autoptr(GString) text = g_string_new (CATALOG_TEMPLATE);

  g_string_replace (text, "%s", modules, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define MODULE(id, skill, prereqs) \
  "{\"id\": \"" id "\", \"title\": \"T\", \"provider\": \"P\", \"kind\": \"course\", \"hours\": 10," \
  " \"skill\": \"" skill "\", \"from\": 0, \"to\": 2, \"url\": \"https://example.com\", \"prerequisites\": " prereqs "}"

static void
test_levels (void)
{
  const char *names[] = { "Not yet", "Novice", "Advanced beginner", "Competent", "Proficient", "Expert" };

  for (guint level = 0; level <= UPSKILL_LEVEL_MAX; level++)
    {
      g_assert_cmpstr (upskill_level_get_name (level), ==, names[level]);
      g_assert_cmpuint (strlen (upskill_level_get_description (level)), >, 20);
    }
}

static void
test_bundled (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();
  const char *area_names[] = {
    "Python", "ML frameworks", "MLOps", "Data engineering", "Cloud AI platforms",
    "AI security", "AI-assisted development",
  };
  const char *role_names[] = {
    "ML Engineer", "MLOps Engineer", "Cloud AI Developer", "AI Security Engineer",
    "Data Engineer", "AI-augmented Software Engineer",
  };

  g_assert_cmpuint (upskill_catalog_get_n_areas (catalog), ==, G_N_ELEMENTS (area_names));
  for (guint i = 0; i < G_N_ELEMENTS (area_names); i++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, i);

      g_assert_cmpstr (area->name, ==, area_names[i]);
      g_assert_cmpuint (area->skills->len, >=, 4);
    }

  g_assert_cmpuint (upskill_catalog_get_n_roles (catalog), ==, G_N_ELEMENTS (role_names));
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      UpskillRole *role = upskill_catalog_get_role (catalog, i);
      guint targeted = 0;

      g_assert_cmpstr (role->name, ==, role_names[i]);
      for (guint s = 0; s < upskill_catalog_get_n_skills (catalog); s++)
        targeted += role->targets[s] > 0;
      g_assert_cmpuint (targeted, >=, 5);
    }

  g_assert_cmpuint (upskill_catalog_get_n_modules (catalog), >=, 40);
}

/* Every skill a role targets can be reached from level 0 by a chain of
 * modules: otherwise the planner could never close that gap. */
static void
test_bundled_modules_reach_targets (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();

  for (guint s = 0; s < upskill_catalog_get_n_skills (catalog); s++)
    {
      UpskillSkill *skill = upskill_catalog_get_skill (catalog, s);
      guint highest_target = 0;
      guint reachable = 0;
      gboolean grew = TRUE;

      for (guint r = 0; r < upskill_catalog_get_n_roles (catalog); r++)
        highest_target = MAX (highest_target, upskill_catalog_get_role (catalog, r)->targets[s]);

      while (grew)
        {
          grew = FALSE;
          for (guint m = 0; m < upskill_catalog_get_n_modules (catalog); m++)
            {
              UpskillModule *module = upskill_catalog_get_module (catalog, m);

              if (module->skill == skill && module->from_level <= reachable &&
                  module->to_level > reachable)
                {
                  reachable = module->to_level;
                  grew = TRUE;
                }
            }
        }

      if (reachable < highest_target)
        g_error ("skill %s: modules reach level %u, a role targets %u", skill->id, reachable, highest_target);
    }
}

static void
test_bundled_modules_are_real_resources (void)
{
  UpskillCatalog *catalog = upskill_catalog_get_default ();

  for (guint m = 0; m < upskill_catalog_get_n_modules (catalog); m++)
    {
      UpskillModule *module = upskill_catalog_get_module (catalog, m);

      g_assert_true (g_str_has_prefix (module->url, "https://"));
      g_assert_cmpuint (strlen (module->provider), >, 2);
      g_assert_cmpuint (module->hours, >=, 1);
      g_assert_cmpuint (module->hours, <=, 200);
    }
}

static void
test_valid_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = catalog_with_modules ("[" MODULE ("b", "pandas", "[\"a\"]") ","
                                                MODULE ("a", "python-core", "[]") "]");
  g_autoptr(UpskillCatalog) catalog = catalog_from_string (text, &error);
  UpskillModule *b;
  UpskillRole *role;

  g_assert_no_error (error);
  b = upskill_catalog_find_module (catalog, "b");
  g_assert_nonnull (b);
  g_assert_cmpuint (b->prerequisites->len, ==, 1);
  g_assert_true (g_ptr_array_index (b->prerequisites, 0) == upskill_catalog_find_module (catalog, "a"));
  g_assert_true (b->skill == upskill_catalog_find_skill (catalog, "pandas"));
  g_assert_true (b->skill->area == upskill_catalog_find_area (catalog, "python"));

  role = upskill_catalog_find_role (catalog, "ml");
  g_assert_cmpuint (role->targets[upskill_catalog_find_skill (catalog, "python-core")->index], ==, 4);
  g_assert_cmpfloat (role->area_weights[0], ==, 1.5);

  g_assert_finalize_object (g_steal_pointer (&catalog));
}

static void
test_invalid (void)
{
  struct {
    const char *modules;
    int         code;
    const char *needles[2];
  } cases[] = {
    { "[" MODULE ("m1", "no-such-skill", "[]") "]",
      UPSKILL_ERROR_UNKNOWN_REFERENCE, { "m1", "no-such-skill" } },
    { "[" MODULE ("m2", "pandas", "[\"ghost\"]") "]",
      UPSKILL_ERROR_UNKNOWN_REFERENCE, { "m2", "ghost" } },
    { "[" MODULE ("x", "pandas", "[\"y\"]") "," MODULE ("y", "pandas", "[\"z\"]") ","
          MODULE ("z", "pandas", "[\"x\"]") "]",
      UPSKILL_ERROR_CYCLE, { "cycle", "module “" } },
    { "[" MODULE ("self", "pandas", "[\"self\"]") "]",
      UPSKILL_ERROR_CYCLE, { "self", "cycle" } },
    { "[" MODULE ("twice", "pandas", "[]") "," MODULE ("twice", "pandas", "[]") "]",
      UPSKILL_ERROR_INVALID_DATA, { "twice", "used twice" } },
    { "[{\"id\": \"k\", \"title\": \"T\", \"provider\": \"P\", \"kind\": \"podcast\", \"hours\": 1,"
      " \"skill\": \"pandas\", \"from\": 0, \"to\": 1, \"url\": \"https://x\"}]",
      UPSKILL_ERROR_INVALID_DATA, { "k", "podcast" } },
    { "[{\"id\": \"down\", \"title\": \"T\", \"provider\": \"P\", \"kind\": \"book\", \"hours\": 1,"
      " \"skill\": \"pandas\", \"from\": 3, \"to\": 2, \"url\": \"https://x\"}]",
      UPSKILL_ERROR_INVALID_DATA, { "down", "above" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = catalog_with_modules (cases[i].modules);
      g_autoptr(UpskillCatalog) catalog = catalog_from_string (text, &error);

      g_assert_null (catalog);
      g_assert_error (error, UPSKILL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "catalog.json"));
      for (guint n = 0; n < G_N_ELEMENTS (cases[i].needles); n++)
        if (strstr (error->message, cases[i].needles[n]) == NULL)
          g_error ("case %u: “%s” not in “%s”", i, cases[i].needles[n], error->message);
    }
}

static void
test_unknown_skill_in_role (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (CATALOG_TEMPLATE);
  g_autoptr(UpskillCatalog) catalog = NULL;

  g_string_replace (text, "%s", "[]", 1);
  g_string_replace (text, "\"pandas\": 3", "\"pandsa\": 3", 1);
  catalog = catalog_from_string (text->str, &error);
  g_assert_null (catalog);
  g_assert_error (error, UPSKILL_ERROR, UPSKILL_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "role “ml”"));
  g_assert_nonnull (strstr (error->message, "pandsa"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upskill/catalog/levels", test_levels);
  g_test_add_func ("/upskill/catalog/bundled", test_bundled);
  g_test_add_func ("/upskill/catalog/bundled-modules-reach-targets", test_bundled_modules_reach_targets);
  g_test_add_func ("/upskill/catalog/bundled-modules-are-resources", test_bundled_modules_are_real_resources);
  g_test_add_func ("/upskill/catalog/valid-small", test_valid_small);
  g_test_add_func ("/upskill/catalog/invalid", test_invalid);
  g_test_add_func ("/upskill/catalog/unknown-skill-in-role", test_unknown_skill_in_role);

  return g_test_run ();
}
