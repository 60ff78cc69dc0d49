/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-profile-item.h"
#include "upskill-progress.h"
#include "upskill-readiness.h"

struct _UpskillProfileItem
{
  GObject             parent_instance;

  char               *id;
  char               *file_name;
  char               *shown_file_name; /* valid UTF-8, for the list */
  char               *name;
  UpskillProfileKind  kind;
  gboolean            archived;
  char               *current_role;
  char               *target_role_name;
  GStrv               tags;            /* never NULL */
  double              readiness;
  gint64              modified;
  gint64              last_session;
  char               *error;
  char               *conflict_copy;   /* a sync tool's, waiting to be merged */

  /* Casefolded name and roles, built on first search; the name's
   * collation key, built on first sort (g_utf8_collate is slow for a
   * thousand names changed in the same second). */
  char               *search_text;
  char               *sort_key;
};

G_DEFINE_FINAL_TYPE (UpskillProfileItem, upskill_profile_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_CURRENT_ROLE,
  PROP_TARGET_ROLE_NAME,
  PROP_READINESS,
  PROP_MODIFIED,
  PROP_ERROR,
  PROP_ARCHIVED,
  PROP_CONFLICT_COPY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
upskill_profile_item_finalize (GObject *object)
{
  UpskillProfileItem *self = (UpskillProfileItem *)object;

  g_free (self->id);
  g_free (self->file_name);
  g_free (self->shown_file_name);
  g_free (self->name);
  g_free (self->current_role);
  g_free (self->target_role_name);
  g_strfreev (self->tags);
  g_free (self->error);
  g_free (self->conflict_copy);
  g_free (self->search_text);
  g_free (self->sort_key);

  G_OBJECT_CLASS (upskill_profile_item_parent_class)->finalize (object);
}

static void
upskill_profile_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UpskillProfileItem *self = UPSKILL_PROFILE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, upskill_profile_item_get_name (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CURRENT_ROLE:
      g_value_set_string (value, self->current_role);
      break;

    case PROP_TARGET_ROLE_NAME:
      g_value_set_string (value, self->target_role_name);
      break;

    case PROP_READINESS:
      g_value_set_double (value, self->readiness);
      break;

    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_CONFLICT_COPY:
      g_value_set_string (value, self->conflict_copy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_profile_item_class_init (UpskillProfileItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upskill_profile_item_finalize;
  object_class->get_property = upskill_profile_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       UPSKILL_TYPE_PROFILE_KIND, UPSKILL_PROFILE_SELF,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CURRENT_ROLE] =
    g_param_spec_string ("current-role", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TARGET_ROLE_NAME] =
    g_param_spec_string ("target-role-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READINESS] =
    g_param_spec_double ("readiness", NULL, NULL, -1.0, 100.0, -1.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFLICT_COPY] =
    g_param_spec_string ("conflict-copy", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upskill_profile_item_init (UpskillProfileItem *self)
{
  self->readiness = -1.0;
}

static const char *
role_name (UpskillCatalog *catalog,
           const char     *role_id)
{
  UpskillRole *role;

  if (catalog == NULL || role_id == NULL || role_id[0] == '\0')
    return NULL;

  role = upskill_catalog_find_role (catalog, role_id);

  return role != NULL ? role->name : NULL;
}

UpskillProfileItem *
upskill_profile_item_new (const UpskillProfileSummary *summary,
                          UpskillCatalog              *catalog)
{
  UpskillProfileItem *self;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (summary->id != NULL, NULL);

  self = g_object_new (UPSKILL_TYPE_PROFILE_ITEM, NULL);
  self->id = g_strdup (summary->id);
  self->file_name = g_strdup (summary->file_name);
  self->shown_file_name = summary->file_name != NULL ? g_filename_display_name (summary->file_name) : NULL;
  self->name = g_strdup (summary->name);
  self->kind = summary->kind;
  self->archived = summary->archived;
  self->current_role = g_strdup (summary->current_role);
  self->target_role_name = g_strdup (role_name (catalog, summary->target_role));
  self->tags = summary->tags != NULL ? g_strdupv (summary->tags) : g_new0 (char *, 1);
  self->readiness = summary->readiness;
  self->modified = summary->modified;
  self->last_session = summary->last_session;
  self->error = g_strdup (summary->error);
  self->conflict_copy = g_strdup (summary->conflict_copy);

  return self;
}

static void
set_string (UpskillProfileItem  *self,
            char               **field,
            const char          *value,
            guint                prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
upskill_profile_item_update_from_profile (UpskillProfileItem *self,
                                          UpskillProfile     *profile,
                                          UpskillCatalog     *catalog)
{
  UpskillProfileKind kind;
  double readiness;
  gint64 modified;
  const UpskillNote *last;

  g_return_if_fail (UPSKILL_IS_PROFILE_ITEM (self));
  g_return_if_fail (UPSKILL_IS_PROFILE (profile));

  g_object_freeze_notify (G_OBJECT (self));

  set_string (self, &self->name, upskill_profile_get_name (profile), PROP_NAME);
  set_string (self, &self->current_role, upskill_profile_get_current_role (profile), PROP_CURRENT_ROLE);
  set_string (self, &self->target_role_name,
              role_name (catalog, upskill_profile_get_target_role (profile)),
              PROP_TARGET_ROLE_NAME);
  set_string (self, &self->error, NULL, PROP_ERROR);

  if (!g_strv_equal ((const char * const *) self->tags, upskill_profile_get_tags (profile)))
    {
      g_strfreev (self->tags);
      self->tags = g_strdupv ((GStrv) upskill_profile_get_tags (profile));
      g_clear_pointer (&self->search_text, g_free);
    }

  kind = upskill_profile_get_kind (profile);
  if (kind != self->kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }

  if (upskill_profile_get_archived (profile) != self->archived)
    {
      self->archived = upskill_profile_get_archived (profile);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
    }

  readiness = catalog != NULL ? upskill_compute_readiness (profile, catalog) : -1.0;
  if (readiness != self->readiness)
    {
      self->readiness = readiness;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READINESS]);
    }

  last = upskill_progress_get_last_session (profile, g_get_real_time () / G_USEC_PER_SEC);
  self->last_session = last != NULL ? last->date : 0;

  modified = upskill_profile_get_modified (profile);
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

void
upskill_profile_item_set_error (UpskillProfileItem *self,
                                const char         *error)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_ITEM (self));

  set_string (self, &self->error, error, PROP_ERROR);
}

void
upskill_profile_item_set_conflict_copy (UpskillProfileItem *self,
                                        const char         *file_name)
{
  g_return_if_fail (UPSKILL_IS_PROFILE_ITEM (self));

  set_string (self, &self->conflict_copy, file_name, PROP_CONFLICT_COPY);
}

const char *
upskill_profile_item_get_conflict_copy (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  return self->conflict_copy;
}

const char *
upskill_profile_item_get_id (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  return self->id;
}

const char *
upskill_profile_item_get_file_name (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  return self->file_name;
}

const char *
upskill_profile_item_get_name (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  if (self->name != NULL && self->name[0] != '\0')
    return self->name;
  /* A file name is bytes: a label takes only UTF-8. */
  if (self->shown_file_name != NULL)
    return self->shown_file_name;

  return self->id;
}

gboolean
upskill_profile_item_get_archived (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), FALSE);

  return self->archived;
}

UpskillProfileKind
upskill_profile_item_get_kind (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), UPSKILL_PROFILE_SELF);

  return self->kind;
}

const char *
upskill_profile_item_get_current_role (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  return self->current_role;
}

const char *
upskill_profile_item_get_target_role_name (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  return self->target_role_name;
}

const char * const *
upskill_profile_item_get_tags (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  return (const char * const *) self->tags;
}

double
upskill_profile_item_get_readiness (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), -1.0);

  return self->readiness;
}

gint64
upskill_profile_item_get_modified (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), 0);

  return self->modified;
}

const char *
upskill_profile_item_get_error (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), NULL);

  return self->error;
}

static const char *
ensure_search_text (UpskillProfileItem *self)
{
  if (self->search_text == NULL)
    {
      g_autofree char *joined = NULL;
      g_autofree char *tags = g_strjoinv (" ", self->tags);

      joined = g_strjoin (" ",
                          upskill_profile_item_get_name (self),
                          self->target_role_name ? self->target_role_name : "",
                          self->current_role ? self->current_role : "",
                          tags,
                          NULL);
      self->search_text = g_utf8_casefold (joined, -1);
    }

  return self->search_text;
}

gboolean
upskill_profile_item_matches (UpskillProfileItem *self,
                              const char         *search)
{
  g_auto(GStrv) words = NULL;
  const char *haystack;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), FALSE);

  if (search == NULL)
    return TRUE;

  haystack = ensure_search_text (self);
  words = g_strsplit_set (search, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = NULL;

      if (words[i][0] == '\0')
        continue;

      word = g_utf8_casefold (words[i], -1);

      /* A substring, or a word start ignoring accents: "gonz" finds
       * "González". */
      if (strstr (haystack, word) == NULL &&
          !g_str_match_string (word, haystack, TRUE))
        return FALSE;
    }

  return TRUE;
}

gint64
upskill_profile_item_get_last_session (UpskillProfileItem *self)
{
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (self), 0);

  return self->last_session;
}

int
upskill_profile_item_compare (UpskillProfileItem *a,
                              UpskillProfileItem *b)
{
  return upskill_profile_item_compare_by (a, b, UPSKILL_PROFILE_SORT_CHANGED);
}

int
upskill_profile_item_compare_by (UpskillProfileItem *a,
                                 UpskillProfileItem *b,
                                 UpskillProfileSort  order)
{
  int result;

  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (a), 0);
  g_return_val_if_fail (UPSKILL_IS_PROFILE_ITEM (b), 0);

  if (order == UPSKILL_PROFILE_SORT_CHANGED && a->modified != b->modified)
    return a->modified > b->modified ? -1 : 1;
  if (order == UPSKILL_PROFILE_SORT_SESSION && a->last_session != b->last_session)
    return a->last_session > b->last_session ? -1 : 1;

  if (a->sort_key == NULL)
    a->sort_key = g_utf8_collate_key (upskill_profile_item_get_name (a), -1);
  if (b->sort_key == NULL)
    b->sort_key = g_utf8_collate_key (upskill_profile_item_get_name (b), -1);

  result = strcmp (a->sort_key, b->sort_key);
  if (result != 0)
    return result;

  return g_strcmp0 (a->id, b->id);
}
