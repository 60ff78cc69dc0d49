/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The catalog is read-only once loaded: areas, skills, target roles and
 * learning modules. The structs below belong to the catalog and live as
 * long as it does. */

typedef struct _UpskillArea   UpskillArea;
typedef struct _UpskillSkill  UpskillSkill;
typedef struct _UpskillRole   UpskillRole;
typedef struct _UpskillModule UpskillModule;

typedef enum
{
  UPSKILL_MODULE_COURSE,
  UPSKILL_MODULE_BOOK,
  UPSKILL_MODULE_PROJECT,
  UPSKILL_MODULE_CERTIFICATION,
} UpskillModuleKind;

/* Names and descriptions are in the reader's language (see
 * upskill_catalog_translate()); ids are as in the data. */
struct _UpskillArea
{
  char      *id;
  char      *name;
  char      *summary;
  char      *article_basis;
  guint      index;        /* position in the catalog, 0-based */
  GPtrArray *skills;       /* UpskillSkill*, not owned */
};

struct _UpskillSkill
{
  char        *id;
  char        *name;
  char        *description;
  guint        index;      /* position across the whole catalog, 0-based */
  UpskillArea *area;
};

struct _UpskillRole
{
  char   *id;
  char   *name;
  char   *description;
  guint  *targets;         /* indexed by UpskillSkill.index, 0..5 */
  double *area_weights;    /* indexed by UpskillArea.index */
};

struct _UpskillModule
{
  char              *id;
  char              *title;
  char              *provider;
  char              *url;
  UpskillModuleKind  kind;
  guint              hours;
  UpskillSkill      *skill;
  guint              from_level;
  guint              to_level;
  GPtrArray         *prerequisites; /* UpskillModule*, not owned */
};

#define UPSKILL_CATALOG_FORMAT  "upskill-catalog"
#define UPSKILL_CATALOG_VERSION 1

#define UPSKILL_TYPE_CATALOG (upskill_catalog_get_type ())

G_DECLARE_FINAL_TYPE (UpskillCatalog, upskill_catalog, UPSKILL, CATALOG, GObject)

UpskillCatalog *upskill_catalog_new_from_bytes   (GBytes          *bytes,
                                                  const char      *display_name,
                                                  GError         **error);
/* The catalog bundled in the program's resources; loaded once. */
UpskillCatalog *upskill_catalog_get_default      (void);

guint           upskill_catalog_get_n_areas      (UpskillCatalog  *self);
UpskillArea    *upskill_catalog_get_area         (UpskillCatalog  *self,
                                                  guint            index);
UpskillArea    *upskill_catalog_find_area        (UpskillCatalog  *self,
                                                  const char      *id);

guint           upskill_catalog_get_n_skills     (UpskillCatalog  *self);
UpskillSkill   *upskill_catalog_get_skill        (UpskillCatalog  *self,
                                                  guint            index);
UpskillSkill   *upskill_catalog_find_skill       (UpskillCatalog  *self,
                                                  const char      *id);

guint           upskill_catalog_get_n_roles      (UpskillCatalog  *self);
UpskillRole    *upskill_catalog_get_role         (UpskillCatalog  *self,
                                                  guint            index);
UpskillRole    *upskill_catalog_find_role        (UpskillCatalog  *self,
                                                  const char      *id);

guint           upskill_catalog_get_n_modules    (UpskillCatalog  *self);
UpskillModule  *upskill_catalog_get_module       (UpskillCatalog  *self,
                                                  guint            index);
UpskillModule  *upskill_catalog_find_module      (UpskillCatalog  *self,
                                                  const char      *id);

/* The bundled data's text in the reader's language, looked up in the
 * program's translations under @context (data/upskill-data-strings.c lists
 * the texts and their contexts for translators). Text without a
 * translation, like a feed's own, is returned as it is. The catalog and
 * the trends store their names and descriptions translated this way as
 * they load them; ids, module titles and the article's quotes stay as
 * written. */
const char     *upskill_catalog_translate        (const char      *context,
                                                  const char      *text);

const char     *upskill_module_kind_to_string    (UpskillModuleKind kind);
const char     *upskill_module_kind_get_label    (UpskillModuleKind kind);

G_END_DECLS
