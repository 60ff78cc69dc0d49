/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upskill-error.h"
#include "upskill-file.h"
#include "upskill-json.h"
#include "upskill-practice.h"
#include "upskill-profile-merge.h"
#include "upskill-readiness.h"
#include "upskill-store.h"

#define INDEX_FORMAT     "upskill-index"
#define INDEX_VERSION    1
#define SAMPLES_PATH     "/com/example/Upskill/data/samples/"
#define PROFILE_SUFFIX   ".json"
#define NEW_ID_MAX_CHARS 40
/* "dana-2" … "dana-10000": a bound, so that choosing an id always ends. */
#define NEW_ID_MAX_TRIES 10000
/* How often an import chooses again when other processes take its id
 * between the check and the creation. */
#define NEW_ID_MAX_RACES 100
#define TEMP_PREFIX       UPSKILL_FILE_TEMP_PREFIX
#define TEMP_SUFFIX       UPSKILL_FILE_TEMP_SUFFIX
/* Versions before named them ".NAME" OLD_TEMP_MARKER "XXXXXX". */
#define OLD_TEMP_MARKER   ".upskill-tmp-"
/* A temporary file this old was left by a writer that died, even one
 * whose PID says nothing here (another computer on a network folder). */
#define STALE_TEMP_AGE   (60 * 60)
/* …and a minute is long enough for any writer still at work. */
#define STALE_TEMP_GRACE 60

/* What identifies one version of a file without reading it. Our writes
 * replace the file, so the inode changes too, even on file systems with
 * coarse modification times. */
typedef struct
{
  gint64  size;
  gint64  mtime_us;
  guint64 inode;
} FileStamp;

typedef struct
{
  FileStamp              stamp;
  UpskillProfileSummary *summary;
  /* The entry as index.json holds it ("dana.json":{…}), made by the
   * thread that read the file, so that writing the index only joins
   * them; NULL until then. */
  char                  *json;
} IndexEntry;

struct _UpskillStore
{
  GObject         parent_instance;

  GFile          *data_dir;
  GFile          *profiles_dir;
  GFile          *index_file;
  char           *index_path;
  char           *lock_path;
  char           *data_path;
  char           *profiles_path;
  UpskillCatalog *catalog;

  /* list, load and save may run on worker threads; this guards the
   * fields below. */
  GMutex          lock;
  GHashTable     *index;          /* file name → IndexEntry* */
  GHashTable     *broken;         /* ids of files that failed to load */
  gboolean        index_loaded;
  gboolean        index_dirty;

  /* Held while index.json is written, so an older snapshot never lands
   * after a newer one. */
  GMutex          index_write_lock;

  int             data_folder_swept;  /* atomic */

  /* Watching the profiles folder; main thread only. */
  GFileMonitor   *monitor;
  GHashTable     *pending_events;  /* file name → GINT_TO_POINTER (removed) */
  guint           events_source;
};

G_DEFINE_FINAL_TYPE (UpskillStore, upskill_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROFILES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Events a burst of writes makes (a sync tool's temporary file, its
 * rename, attributes) reach the store as one change. */
#define EVENTS_COALESCE_MS 300

/* Summaries */

UpskillProfileSummary *
upskill_profile_summary_copy (const UpskillProfileSummary *summary)
{
  UpskillProfileSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_new0 (UpskillProfileSummary, 1);
  copy->id = g_strdup (summary->id);
  copy->file_name = g_strdup (summary->file_name);
  copy->name = g_strdup (summary->name);
  copy->kind = summary->kind;
  copy->archived = summary->archived;
  copy->current_role = g_strdup (summary->current_role);
  copy->target_role = g_strdup (summary->target_role);
  copy->tags = summary->tags != NULL ? g_strdupv (summary->tags) : g_new0 (char *, 1);
  copy->readiness = summary->readiness;
  copy->modified = summary->modified;
  copy->error = g_strdup (summary->error);
  copy->last_session = summary->last_session;
  copy->next_session = summary->next_session;
  copy->has_change = summary->has_change;
  copy->change = summary->change;
  copy->n_steps = summary->n_steps;
  copy->n_steps_left = summary->n_steps_left;
  copy->plan_due = summary->plan_due;
  copy->n_areas = summary->n_areas;
  copy->areas = g_memdup2 (summary->areas, sizeof (double) * summary->n_areas);
  copy->gaps = g_strdupv (summary->gaps);
  copy->conflict_copy = g_strdup (summary->conflict_copy);

  return copy;
}

void
upskill_profile_summary_free (UpskillProfileSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->id);
  g_free (summary->file_name);
  g_free (summary->name);
  g_free (summary->current_role);
  g_free (summary->target_role);
  g_strfreev (summary->tags);
  g_free (summary->error);
  g_free (summary->areas);
  g_strfreev (summary->gaps);
  g_free (summary->conflict_copy);
  g_free (summary);
}

/* @local: the local time zone, or NULL to look it up. */
static UpskillProfileSummary *
summary_new_from_profile (UpskillProfile *profile,
                          UpskillCatalog *catalog,
                          GTimeZone      *local)
{
  UpskillProfileSummary *summary = g_new0 (UpskillProfileSummary, 1);

  summary->id = g_strdup (upskill_profile_get_id (profile));
  summary->file_name = g_strconcat (summary->id, PROFILE_SUFFIX, NULL);
  summary->name = g_strdup (upskill_profile_get_name (profile));
  summary->kind = upskill_profile_get_kind (profile);
  summary->archived = upskill_profile_get_archived (profile);
  summary->current_role = g_strdup (upskill_profile_get_current_role (profile));
  summary->target_role = g_strdup (upskill_profile_get_target_role (profile));
  summary->tags = g_strdupv ((GStrv) upskill_profile_get_tags (profile));
  summary->readiness = catalog != NULL ? upskill_compute_readiness (profile, catalog) : -1.0;
  summary->modified = upskill_profile_get_modified (profile);
  if (catalog != NULL)
    upskill_practice_fill_summary (summary, profile, catalog, g_get_real_time () / G_USEC_PER_SEC, local);

  return summary;
}

static UpskillProfileSummary *
summary_new_error (const char *id,
                   const char *file_name,
                   gint64      modified,
                   const char *message)
{
  UpskillProfileSummary *summary = g_new0 (UpskillProfileSummary, 1);

  summary->id = g_strdup (id);
  summary->file_name = g_strdup (file_name);
  summary->readiness = -1.0;
  summary->modified = modified;
  summary->error = g_strdup (message);
  summary->tags = g_new0 (char *, 1);

  return summary;
}

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const UpskillProfileSummary *summary_a = *(const UpskillProfileSummary **)a;
  const UpskillProfileSummary *summary_b = *(const UpskillProfileSummary **)b;

  if (summary_a->modified != summary_b->modified)
    return summary_a->modified > summary_b->modified ? -1 : 1;

  return g_strcmp0 (summary_a->file_name, summary_b->file_name);
}

static void
index_entry_free (IndexEntry *entry)
{
  upskill_profile_summary_free (entry->summary);
  g_free (entry->json);
  g_free (entry);
}

static FileStamp
stamp_from_stat (const struct stat *st)
{
  FileStamp stamp;

  stamp.size = st->st_size;
  stamp.mtime_us = (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
  stamp.inode = st->st_ino;

  return stamp;
}

static gboolean
stamp_equal (const FileStamp *a,
             const FileStamp *b)
{
  return a->size == b->size && a->mtime_us == b->mtime_us && a->inode == b->inode;
}

/* The index is this machine's reading of the folder (file sizes, times,
 * inodes): it lives in $XDG_CACHE_HOME, one file per data folder, where
 * no sync tool carries it to another device. */
static char *
index_path_for (const char *data_path)
{
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, data_path, -1);
  g_autofree char *name = g_strdup_printf ("%.32s.json", key);

  return g_build_filename (g_get_user_cache_dir (), "upskill", "indexes", name, NULL);
}

/* GObject */

static void
upskill_store_constructed (GObject *object)
{
  UpskillStore *self = (UpskillStore *)object;

  G_OBJECT_CLASS (upskill_store_parent_class)->constructed (object);

  if (self->data_dir == NULL)
    self->data_dir = upskill_store_dup_default_dir ();

  self->profiles_dir = g_file_get_child (self->data_dir, "profiles");
  self->data_path = g_file_get_path (self->data_dir);
  self->profiles_path = g_file_get_path (self->profiles_dir);

  if (self->data_path == NULL)
    {
      g_critical ("The profile store needs a local folder");
      return;
    }

  self->index_path = index_path_for (self->data_path);
  self->index_file = g_file_new_for_path (self->index_path);
  self->lock_path = g_strconcat (self->index_path, ".lock", NULL);
  upskill_file_protect_folder (self->profiles_path);
}

static void
upskill_store_finalize (GObject *object)
{
  UpskillStore *self = (UpskillStore *)object;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->events_source, g_source_remove);
  g_clear_pointer (&self->pending_events, g_hash_table_unref);

  if (self->profiles_path != NULL)
    upskill_file_unprotect_folder (self->profiles_path);
  g_clear_object (&self->data_dir);
  g_clear_object (&self->profiles_dir);
  g_clear_object (&self->index_file);
  g_clear_pointer (&self->index_path, g_free);
  g_clear_pointer (&self->lock_path, g_free);
  g_clear_pointer (&self->data_path, g_free);
  g_clear_pointer (&self->profiles_path, g_free);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->broken, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->index_write_lock);

  G_OBJECT_CLASS (upskill_store_parent_class)->finalize (object);
}

static void
upskill_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UpskillStore *self = UPSKILL_STORE (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_object (value, self->data_dir);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_store_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UpskillStore *self = UPSKILL_STORE (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_object (value);
      break;
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_store_class_init (UpskillStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = upskill_store_constructed;
  object_class->finalize = upskill_store_finalize;
  object_class->get_property = upskill_store_get_property;
  object_class->set_property = upskill_store_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_object ("data-dir", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Used for the readiness shown in the list; may be NULL. */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         UPSKILL_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpskillStore::profiles-changed:
   * @changed: ids of profile files added or changed outside this store's
   *   own saves (or by them: compare file versions)
   * @removed: ids of profile files that are gone
   *
   * Emitted on the main thread after upskill_store_watch(), once per
   * burst of changes in the profiles folder. The ids are file names
   * without ".json", so a sync tool's conflict copy is named too.
   */
  signals[PROFILES_CHANGED] =
    g_signal_new ("profiles-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRV);
}

static void
upskill_store_init (UpskillStore *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->index_write_lock);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal,
                                       g_free, (GDestroyNotify) index_entry_free);
  self->broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

UpskillStore *
upskill_store_new (GFile          *data_dir,
                   UpskillCatalog *catalog)
{
  g_return_val_if_fail (data_dir == NULL || G_IS_FILE (data_dir), NULL);
  g_return_val_if_fail (data_dir == NULL || g_file_is_native (data_dir), NULL);
  g_return_val_if_fail (catalog == NULL || UPSKILL_IS_CATALOG (catalog), NULL);

  return g_object_new (UPSKILL_TYPE_STORE,
                       "data-dir", data_dir,
                       "catalog", catalog,
                       NULL);
}

GFile *
upskill_store_dup_default_dir (void)
{
  const char *path = g_getenv ("UPSKILL_DATA_DIR");

  if (path != NULL && *path != '\0')
    return g_file_new_for_path (path);

  return g_file_new_build_filename (g_get_user_data_dir (), "upskill", NULL);
}

GFile *
upskill_store_get_data_dir (UpskillStore *self)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);

  return self->data_dir;
}

GFile *
upskill_store_get_profiles_dir (UpskillStore *self)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);

  return self->profiles_dir;
}

/* The ids in summaries of badly named files ("Dana (copy)") are not
 * profile ids but still name a file in the folder, which the user may
 * want to find or delete. */
static gboolean
id_is_file_name (const char *id)
{
  return id != NULL && *id != '\0' &&
         strchr (id, G_DIR_SEPARATOR) == NULL &&
         strcmp (id, ".") != 0 && strcmp (id, "..") != 0;
}

GFile *
upskill_store_dup_profile_file (UpskillStore *self,
                                const char   *id)
{
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (id_is_file_name (id), NULL);

  file_name = g_strconcat (id, PROFILE_SUFFIX, NULL);

  return g_file_get_child (self->profiles_dir, file_name);
}

/* Folders */

static void
make_private (const char *path,
              gboolean    only_if_plain)
{
  struct stat st;

  if (stat (path, &st) != 0 || !S_ISDIR (st.st_mode))
    return;

  /* $UPSKILL_DATA_DIR may point at a shared folder such as /tmp: leave
   * folders that are not the user's own alone. */
  if (only_if_plain && (st.st_uid != getuid () || (st.st_mode & S_ISVTX) != 0))
    return;

  /* Only ever tightened: a folder whose owner took away their own
   * rights (0500, 0000) was locked on purpose and is left as it is. */
  if ((st.st_mode & 0700) != 0700)
    return;

  if ((st.st_mode & 07777) != 0700 && chmod (path, 0700) != 0)
    g_debug ("Could not make “%s” private: %s", path, g_strerror (errno));
}

/* Says in words why nothing can be saved into a folder its owner locked,
 * rather than failing later with “Permission denied”. */
static gboolean
check_not_locked (const char  *path,
                  GError     **error)
{
  struct stat st;

  if (stat (path, &st) != 0 || st.st_uid != getuid () || (st.st_mode & 0300) == 0300)
    return TRUE;

  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
               _("Could not save into the folder “%s”: it is locked (its owner has "
                 "taken away the right to change it). Upskill leaves it as it is; "
                 "to save again, allow yourself to write to it."),
               path);
  return FALSE;
}

static gboolean
ensure_folders (UpskillStore  *self,
                GError       **error)
{
  if (g_mkdir_with_parents (self->profiles_path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (self->profiles_path);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not create the folder “%s”: %s"),
                   shown, g_strerror (saved_errno));
      return FALSE;
    }

  make_private (self->data_path, TRUE);
  make_private (self->profiles_path, FALSE);

  return TRUE;
}

/* The index */

static const char *
kind_to_string (UpskillProfileKind kind)
{
  return kind == UPSKILL_PROFILE_CLIENT ? "client" : "self";
}

/* The readiness in the index depends on the catalog, which comes with
 * the program, and the cached error messages on the language: an index
 * written by another version or in another language is rebuilt. */
static char *
dup_index_generator (UpskillStore *self)
{
  const char *language = setlocale (LC_MESSAGES, NULL);

  return g_strdup_printf ("upskill %s%s, %s", PACKAGE_VERSION,
                          self->catalog != NULL ? "" : " (no catalog)",
                          language != NULL ? language : "C");
}

/* The overview's figures (see UpskillProfileSummary); "areas" is
 * required, so that an index written before they existed is rebuilt. */
static gboolean
read_overview (JsonObject            *object,
               UpskillProfileSummary *summary)
{
  const char *where = "index.json";
  gint64 last_session = 0, next_session = 0, n_steps = 0, n_steps_left = 0, plan_due = 0;
  const char *gaps = NULL;
  JsonArray *areas;

  if (!upskill_json_get_int (object, "last_session", FALSE, G_MININT64, G_MAXINT64, where, &last_session, NULL) ||
      !upskill_json_get_int (object, "next_session", FALSE, G_MININT64, G_MAXINT64, where, &next_session, NULL) ||
      !upskill_json_get_double (object, "change", FALSE, -G_MAXDOUBLE, G_MAXDOUBLE, where, &summary->change, NULL) ||
      !upskill_json_get_int (object, "steps", FALSE, 0, G_MAXUINT, where, &n_steps, NULL) ||
      !upskill_json_get_int (object, "steps_left", FALSE, 0, G_MAXUINT, where, &n_steps_left, NULL) ||
      !upskill_json_get_int (object, "plan_due", FALSE, G_MININT64, G_MAXINT64, where, &plan_due, NULL) ||
      !upskill_json_get_string (object, "gaps", TRUE, where, &gaps, NULL))
    return FALSE;

  areas = upskill_json_get_array (object, "areas", TRUE, where, NULL);
  if (areas == NULL)
    return FALSE;

  summary->last_session = last_session;
  summary->next_session = next_session;
  summary->has_change = json_object_has_member (object, "change");
  summary->n_steps = n_steps;
  summary->n_steps_left = n_steps_left;
  summary->plan_due = plan_due;

  summary->n_areas = json_array_get_length (areas);
  summary->areas = g_new0 (double, summary->n_areas);
  for (guint i = 0; i < summary->n_areas; i++)
    {
      JsonNode *node = json_array_get_element (areas, i);

      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
           json_node_get_value_type (node) != G_TYPE_INT64))
        return FALSE;
      summary->areas[i] = json_node_get_double (node);
    }

  /* Skill ids hold no spaces: one string is much quicker to read back
   * than an array of them, a thousand clients over. */
  summary->gaps = gaps[0] != '\0' ? g_strsplit (gaps, " ", -1) : g_new0 (char *, 1);

  return TRUE;
}

static void
write_overview (JsonBuilder                 *builder,
                const UpskillProfileSummary *summary)
{
  if (summary->last_session != 0)
    {
      json_builder_set_member_name (builder, "last_session");
      json_builder_add_int_value (builder, summary->last_session);
    }
  if (summary->next_session != 0)
    {
      json_builder_set_member_name (builder, "next_session");
      json_builder_add_int_value (builder, summary->next_session);
    }
  if (summary->has_change)
    {
      json_builder_set_member_name (builder, "change");
      json_builder_add_double_value (builder, summary->change);
    }
  json_builder_set_member_name (builder, "steps");
  json_builder_add_int_value (builder, summary->n_steps);
  json_builder_set_member_name (builder, "steps_left");
  json_builder_add_int_value (builder, summary->n_steps_left);
  if (summary->plan_due != 0)
    {
      json_builder_set_member_name (builder, "plan_due");
      json_builder_add_int_value (builder, summary->plan_due);
    }
  json_builder_set_member_name (builder, "areas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->n_areas; i++)
    json_builder_add_double_value (builder, summary->areas[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "gaps");
  if (summary->gaps != NULL)
    {
      g_autofree char *gaps = g_strjoinv (" ", summary->gaps);

      json_builder_add_string_value (builder, gaps);
    }
  else
    json_builder_add_string_value (builder, "");
}

/* Required, so that an index written before tags existed is rebuilt. */
static gboolean
read_index_tags (JsonObject            *object,
                 UpskillProfileSummary *summary)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *tags;

  tags = upskill_json_get_array (object, "tags", TRUE, "index.json", NULL);
  if (tags == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  summary->tags = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_index_entry (JsonObject  *object,
                  const char  *file_name,
                  IndexEntry **out_entry)
{
  g_autoptr(UpskillProfileSummary) summary = g_new0 (UpskillProfileSummary, 1);
  const char *where = "index.json";
  const char *id = NULL;
  const char *name = NULL;
  const char *kind = NULL;
  const char *current_role = NULL;
  const char *target_role = NULL;
  const char *message = NULL;
  JsonNode *archived;
  gint64 size = 0, mtime = 0, inode = 0, modified = 0;
  double readiness = -1.0;
  IndexEntry *entry;

  if (!upskill_json_get_int (object, "size", TRUE, 0, G_MAXINT64, where, &size, NULL) ||
      !upskill_json_get_int (object, "mtime", TRUE, G_MININT64, G_MAXINT64, where, &mtime, NULL) ||
      !upskill_json_get_int (object, "inode", TRUE, G_MININT64, G_MAXINT64, where, &inode, NULL) ||
      !upskill_json_get_string (object, "id", TRUE, where, &id, NULL) ||
      !upskill_json_get_string (object, "name", FALSE, where, &name, NULL) ||
      !upskill_json_get_string (object, "kind", TRUE, where, &kind, NULL) ||
      !upskill_json_get_string (object, "current_role", FALSE, where, &current_role, NULL) ||
      !upskill_json_get_string (object, "target_role", FALSE, where, &target_role, NULL) ||
      !upskill_json_get_double (object, "readiness", TRUE, -G_MAXDOUBLE, G_MAXDOUBLE, where, &readiness, NULL) ||
      !upskill_json_get_int (object, "modified", TRUE, G_MININT64, G_MAXINT64, where, &modified, NULL) ||
      !upskill_json_get_string (object, "error", FALSE, where, &message, NULL))
    return FALSE;

  /* Exactly one of a name and an error. */
  if ((name == NULL) == (message == NULL))
    return FALSE;

  if (!read_overview (object, summary) ||
      !read_index_tags (object, summary))
    return FALSE;

  summary->id = g_strdup (id);
  summary->file_name = g_strdup (file_name);
  summary->name = g_strdup (name);
  summary->kind = g_strcmp0 (kind, "client") == 0 ? UPSKILL_PROFILE_CLIENT : UPSKILL_PROFILE_SELF;
  archived = json_object_get_member (object, "archived");
  summary->archived = archived != NULL && JSON_NODE_HOLDS_VALUE (archived) &&
                      json_node_get_value_type (archived) == G_TYPE_BOOLEAN &&
                      json_node_get_boolean (archived);
  summary->current_role = g_strdup (current_role);
  summary->target_role = g_strdup (target_role);
  summary->readiness = readiness;
  summary->modified = modified;
  summary->error = g_strdup (message);

  entry = g_new0 (IndexEntry, 1);
  entry->stamp.size = size;
  entry->stamp.mtime_us = mtime;
  entry->stamp.inode = (guint64) inode;
  entry->summary = g_steal_pointer (&summary);
  *out_entry = entry;

  return TRUE;
}

/* A missing, corrupt or foreign index is simply rebuilt from the files. */
static void
load_index_locked (UpskillStore *self)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *generator = NULL;
  JsonObject *object;
  JsonObject *profiles;
  JsonObjectIter iter;
  const char *file_name;
  const char *found_generator = NULL;
  JsonNode *node;

  if (self->index_loaded)
    return;

  self->index_loaded = TRUE;
  self->index_dirty = TRUE;

  root = upskill_json_parse_file (self->index_file, NULL, &error);
  if (root == NULL)
    {
      g_debug ("Rebuilding the profile index: %s", error->message);
      return;
    }

  object = upskill_json_check_header (root, "index.json", INDEX_FORMAT, INDEX_VERSION,
                                      NULL, &error);
  if (object == NULL)
    {
      g_debug ("Rebuilding the profile index: %s", error->message);
      return;
    }

  generator = dup_index_generator (self);
  if (!upskill_json_get_string (object, "generator", TRUE, "index.json", &found_generator, NULL) ||
      g_strcmp0 (found_generator, generator) != 0)
    return;

  profiles = upskill_json_get_object (object, "profiles", TRUE, "index.json", NULL);
  if (profiles == NULL)
    return;

  json_object_iter_init (&iter, profiles);
  while (json_object_iter_next (&iter, &file_name, &node))
    {
      IndexEntry *entry = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !read_index_entry (json_node_get_object (node), file_name, &entry))
        {
          g_debug ("Rebuilding the profile index: the entry for “%s” is damaged", file_name);
          g_hash_table_remove_all (self->index);
          return;
        }

      g_hash_table_replace (self->index, g_strdup (file_name), entry);
    }

  self->index_dirty = FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static void
build_index_entry (JsonBuilder                 *builder,
                   const FileStamp             *stamp,
                   const UpskillProfileSummary *summary)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, stamp->size);
  json_builder_set_member_name (builder, "mtime");
  json_builder_add_int_value (builder, stamp->mtime_us);
  json_builder_set_member_name (builder, "inode");
  json_builder_add_int_value (builder, (gint64) stamp->inode);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, summary->id);
  upskill_json_builder_add_optional_string (builder, "name", summary->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_to_string (summary->kind));
  if (summary->archived)
    {
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, TRUE);
    }
  upskill_json_builder_add_optional_string (builder, "current_role", summary->current_role);
  upskill_json_builder_add_optional_string (builder, "target_role", summary->target_role);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint t = 0; summary->tags != NULL && summary->tags[t] != NULL; t++)
    json_builder_add_string_value (builder, summary->tags[t]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "readiness");
  json_builder_add_double_value (builder, summary->readiness);
  json_builder_set_member_name (builder, "modified");
  json_builder_add_int_value (builder, summary->modified);
  upskill_json_builder_add_optional_string (builder, "error", summary->error);
  write_overview (builder, summary);
  json_builder_end_object (builder);
}

/* Generates the object @builder holds, without its outer braces. */
static char *
dup_members_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  GString *text = g_string_sized_new (512);

  json_generator_set_root (generator, root);
  json_generator_to_gstring (generator, text);
  g_assert (text->len >= 2 && text->str[0] == '{' && text->str[text->len - 1] == '}');
  g_string_truncate (text, text->len - 1);
  g_string_erase (text, 0, 1);

  return g_string_free (text, FALSE);
}

/* The text index.json holds for the file @file_name, such as
 * "dana.json":{…}. Any thread may make it. */
static char *
serialize_index_entry (const char                  *file_name,
                       const FileStamp             *stamp,
                       const UpskillProfileSummary *summary)
{
  /* Mutable: sealing would hash every object of a tree only written out. */
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, file_name);
  build_index_entry (builder, stamp, summary);
  json_builder_end_object (builder);

  return dup_members_text (builder);
}

/* The header, up to the opening brace of "profiles". */
static char *
serialize_index_header (UpskillStore *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *generator_name = dup_index_generator (self);
  g_autofree char *members = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, INDEX_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, INDEX_VERSION);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, generator_name);
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  members = dup_members_text (builder);
  g_assert (g_str_has_suffix (members, "{}"));
  members[strlen (members) - 1] = '\0';

  return g_strconcat ("{", members, NULL);
}

static GBytes *
serialize_index_locked (UpskillStore *self)
{
  g_autofree const char **file_names = NULL;
  g_autofree char *header = serialize_index_header (self);
  guint n_files = 0;
  GString *text;

  file_names = (const char **) g_hash_table_get_keys_as_array (self->index, &n_files);
  qsort (file_names, n_files, sizeof (char *), compare_strings);

  text = g_string_sized_new (1024 * (n_files + 1));
  g_string_append (text, header);
  for (guint i = 0; i < n_files; i++)
    {
      IndexEntry *entry = g_hash_table_lookup (self->index, file_names[i]);

      if (entry->json == NULL)
        entry->json = serialize_index_entry (file_names[i], &entry->stamp, entry->summary);
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, entry->json);
    }
  g_string_append (text, "}}\n");

  return g_string_free_to_bytes (text);
}

static gboolean
ensure_index_folder (UpskillStore  *self,
                     GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (self->index_path);
  int saved_errno;

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", folder, g_strerror (saved_errno));
  return FALSE;
}

static void
write_index_if_dirty (UpskillStore *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->index_write_lock);

  g_mutex_lock (&self->lock);
  if (self->index_dirty)
    {
      bytes = serialize_index_locked (self);
      self->index_dirty = FALSE;
    }
  g_mutex_unlock (&self->lock);

  /* The index is only a cache: failing to write it costs time, not data. */
  if (bytes != NULL &&
      !ensure_index_folder (self, &error))
    {
      g_debug ("Could not write the profile index: %s", error->message);
    }
  else if (bytes != NULL &&
      !upskill_file_write_atomically (self->index_file, bytes, UPSKILL_FILE_MODE_PRIVATE, NULL, &error))
    {
      g_debug ("Could not write the profile index: %s", error->message);
      g_mutex_lock (&self->lock);
      self->index_dirty = TRUE;
      g_mutex_unlock (&self->lock);
    }

  g_mutex_unlock (&self->index_write_lock);
}

/* Takes @summary and @json, the entry's text in index.json or NULL
 * (see serialize_index_entry()). */
static void
remember_locked (UpskillStore          *self,
                 const char            *file_name,
                 const FileStamp       *stamp,
                 UpskillProfileSummary *summary,
                 char                  *json)
{
  IndexEntry *entry;

  /* Loaded first, so that a later lazy load cannot drop this entry. */
  load_index_locked (self);

  entry = g_new0 (IndexEntry, 1);
  entry->stamp = *stamp;
  entry->summary = summary;
  entry->json = json;
  g_hash_table_replace (self->index, g_strdup (file_name), entry);
  self->index_dirty = TRUE;
}

static void
mark_broken (UpskillStore *self,
             const char   *id,
             gboolean      broken)
{
  g_mutex_lock (&self->lock);
  if (broken)
    g_hash_table_add (self->broken, g_strdup (id));
  else
    g_hash_table_remove (self->broken, id);
  g_mutex_unlock (&self->lock);
}

/* Reading one file */

static gboolean
check_regular_file (const char         *path,
                    const char         *file_name,
                    struct stat        *out_stat,
                    GError            **error)
{
  g_autofree char *shown = NULL;
  int saved_errno;

  if (stat (path, out_stat) == 0)
    {
      if (S_ISREG (out_stat->st_mode))
        return TRUE;

      shown = g_filename_display_name (file_name);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   S_ISDIR (out_stat->st_mode)
                   ? _("Could not read “%s”: it is a folder, not a profile file")
                   : _("Could not read “%s”: it is not a regular file"),
                   shown);
      return FALSE;
    }

  saved_errno = errno;
  shown = g_filename_display_name (file_name);
  if (saved_errno == ENOENT && lstat (path, out_stat) == 0)
    g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                 _("Could not read “%s”: it is a link to a file that does not exist"),
                 shown);
  else if (saved_errno == ENOENT)
    g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
                 _("Could not read “%s”: the file does not exist"), shown);
  else
    g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                 _("Could not read “%s”: %s"), shown, g_strerror (saved_errno));

  return FALSE;
}

/* Reads and validates the profile file @file_name, which must hold the
 * profile @id. With @spent_tree, the tree held there is freed once the
 * file is read, and this file's tree is left there in its place (see
 * list_worker()). */
static UpskillProfile *
read_profile_file (UpskillStore  *self,
                   const char    *id,
                   const char    *file_name,
                   GBytes       **out_bytes,
                   JsonNode     **spent_tree,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (self->profiles_dir, file_name);
  g_autofree char *shown = g_filename_display_name (file_name);
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = upskill_json_read_file (file, cancellable, error);
  if (bytes == NULL)
    return NULL;

  if (spent_tree != NULL)
    g_clear_pointer (spent_tree, json_node_unref);

  root = upskill_json_parse_bytes (bytes, shown, error);
  if (root == NULL)
    return NULL;

  profile = upskill_profile_new_from_json (root, shown, error);
  if (spent_tree != NULL)
    *spent_tree = g_steal_pointer (&root);
  if (profile == NULL)
    return NULL;

  if (g_strcmp0 (upskill_profile_get_id (profile), id) != 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("Could not read “%s”: it holds the profile “%s”, whose file should be named “%s.json”"),
                   shown, upskill_profile_get_id (profile), upskill_profile_get_id (profile));
      return NULL;
    }

  if (out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);

  return g_steal_pointer (&profile);
}

/* Whether @file_name is one of our temporary files; *@out_pid is the
 * process that wrote it, or 0 when the name does not say (old names). */
static gboolean
parse_temporary_name (const char *file_name,
                      pid_t      *out_pid)
{
  const char *marker;

  if (g_str_has_prefix (file_name, TEMP_PREFIX) && g_str_has_suffix (file_name, TEMP_SUFFIX))
    {
      const char *digits = file_name + strlen (TEMP_PREFIX);
      char *end = NULL;
      guint64 pid;

      if (!g_ascii_isdigit (*digits))
        return FALSE;
      pid = g_ascii_strtoull (digits, &end, 10);
      if (end == NULL || *end != '-' || pid == 0 || pid > G_MAXINT)
        return FALSE;

      *out_pid = (pid_t) pid;
      return TRUE;
    }

  marker = strstr (file_name, OLD_TEMP_MARKER);
  if (file_name[0] == '.' && marker != NULL &&
      strlen (marker) == strlen (OLD_TEMP_MARKER) + 6)
    {
      *out_pid = 0;
      return TRUE;
    }

  return FALSE;
}

/* A temporary file is removed when its writer is certainly gone: the
 * process named in it no longer exists and the file is a minute old (a
 * process in another PID namespace, such as another Flatpak sandbox,
 * looks gone but writes for a moment only), or it is an hour old. A
 * writer at work, in this process or another, is never disturbed. */
static void
remove_if_stale_temporary (int         folder_fd,
                           const char *file_name,
                           pid_t       pid)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean writer_gone;
  struct stat st;

  if (fstatat (folder_fd, file_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
      !S_ISREG (st.st_mode))
    return;

  writer_gone = pid > 0 && pid != getpid () && kill (pid, 0) != 0 && errno == ESRCH;
  if (!(writer_gone && st.st_mtime <= now - STALE_TEMP_GRACE) &&
      st.st_mtime > now - STALE_TEMP_AGE)
    return;

  if (unlinkat (folder_fd, file_name, 0) != 0)
    g_debug ("Could not remove “%s”: %s", file_name, g_strerror (errno));
}

void
upskill_remove_leftover_temporaries (const char *folder)
{
  struct dirent *dirent;
  DIR *dir;

  g_return_if_fail (folder != NULL);

  dir = opendir (folder);
  if (dir == NULL)
    return;

  while ((dirent = readdir (dir)) != NULL)
    {
      pid_t pid;

      if (parse_temporary_name (dirent->d_name, &pid))
        remove_if_stale_temporary (dirfd (dir), dirent->d_name, pid);
    }

  closedir (dir);
}

static UpskillProfileSummary *
list_one (UpskillStore *self,
          const char   *file_name,
          GTimeZone    *local,
          JsonNode    **spent_tree)
{
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  UpskillProfileSummary *summary = NULL;
  gboolean remember;
  struct stat st;
  FileStamp stamp;

  id = g_strndup (file_name, strlen (file_name) - strlen (PROFILE_SUFFIX));
  path = g_build_filename (self->profiles_path, file_name, NULL);

  if (!check_regular_file (path, file_name, &st, &error))
    {
      mark_broken (self, id, TRUE);
      return summary_new_error (id, file_name,
                                lstat (path, &st) == 0 ? st.st_mtime : 0,
                                error->message);
    }

  if (!upskill_profile_id_is_valid (id))
    {
      g_autofree char *message = NULL;
      g_autofree char *shown = g_filename_display_name (file_name);

      message = g_strdup_printf (_("Could not read “%s”: the file name is not a profile id (up to 64 lowercase letters, digits and dashes)"),
                                 shown);
      return summary_new_error (id, file_name, st.st_mtime, message);
    }

  stamp = stamp_from_stat (&st);

  g_mutex_lock (&self->lock);
  {
    IndexEntry *entry = g_hash_table_lookup (self->index, file_name);

    if (entry != NULL && stamp_equal (&entry->stamp, &stamp))
      {
        summary = upskill_profile_summary_copy (entry->summary);
        if (summary->error != NULL)
          g_hash_table_add (self->broken, g_strdup (id));
        else
          g_hash_table_remove (self->broken, id);
      }
  }
  g_mutex_unlock (&self->lock);

  if (summary != NULL)
    return summary;

  /* stat() came first: if the file is replaced meanwhile, the entry has
   * the old stamp and is simply read again next time. */
  profile = read_profile_file (self, id, file_name, NULL, spent_tree, NULL, &error);
  if (profile != NULL)
    summary = summary_new_from_profile (profile, self->catalog, local);
  else
    summary = summary_new_error (id, file_name, st.st_mtime, error->message);

  /* A read error may be passing (permissions, I/O); bad content is not. */
  remember = !g_error_matches (error, UPSKILL_ERROR, UPSKILL_ERROR_IO);
  /* Here, on this worker, rather than where the index is written. */
  if (remember)
    json = serialize_index_entry (file_name, &stamp, summary);

  g_mutex_lock (&self->lock);
  if (profile != NULL)
    g_hash_table_remove (self->broken, id);
  else
    g_hash_table_add (self->broken, g_strdup (id));
  if (remember)
    remember_locked (self, file_name, &stamp, upskill_profile_summary_copy (summary),
                     g_steal_pointer (&json));
  g_mutex_unlock (&self->lock);

  return summary;
}

/* Files not in the index are read on every core: reading and validating
 * a thousand profiles after an upgrade or a sync is the slow part. */

#define LIST_MAX_WORKERS    8
#define LIST_FILES_PER_WORKER 16

typedef struct
{
  UpskillStore  *store;
  GPtrArray     *file_names;
  gpointer      *summaries;   /* one slot per file name */
  GCancellable  *cancellable;
  GTimeZone     *local;       /* looked up once for all the files */
  gint           next;        /* the next file to take, atomic */
} ListWork;

static gpointer
list_worker (gpointer data)
{
  ListWork *work = data;
  /* A profile's JSON tree is thousands of small blocks. Freed just
   * before the next file is parsed, after its text has been read, they
   * are reused as they are; freed earlier, malloc first merges them when
   * the text's buffer or the summary's arrays ask for a larger block,
   * only to split them again (5 % of a cold listing's instructions). */
  g_autoptr(JsonNode) spent_tree = NULL;
  guint i;

  while ((i = (guint) g_atomic_int_add (&work->next, 1)) < work->file_names->len)
    {
      if (g_cancellable_is_cancelled (work->cancellable))
        break;
      work->summaries[i] = list_one (work->store, g_ptr_array_index (work->file_names, i),
                                     work->local, &spent_tree);
    }

  return NULL;
}

static void
list_all (ListWork *work)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_workers = MIN (g_get_num_processors (), LIST_MAX_WORKERS);

  n_workers = MIN (n_workers, work->file_names->len / LIST_FILES_PER_WORKER);

  /* This thread is a worker too. */
  for (guint i = 1; i < n_workers; i++)
    {
      GThread *thread = g_thread_try_new ("upskill-list", list_worker, work, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }

  list_worker (work);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

/* At start: what interrupted writes of the index left behind (the
 * profiles folder's are swept by the listing itself), and the index
 * older versions kept in the data folder, which sync tools carried
 * from device to device. */
static void
sweep_data_folder (UpskillStore *self)
{
  g_autofree char *index_folder = g_path_get_dirname (self->index_path);
  g_autofree char *old_index = g_build_filename (self->data_path, "index.json", NULL);
  struct stat st;

  upskill_remove_leftover_temporaries (self->data_path);
  upskill_remove_leftover_temporaries (index_folder);
  if (lstat (old_index, &st) == 0 && S_ISREG (st.st_mode))
    g_unlink (old_index);
}

static void
set_profiles_folder_error (UpskillStore  *self,
                           int            saved_errno,
                           GError       **error)
{
  g_autofree char *shown = g_filename_display_name (self->profiles_path);

  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
               _("Could not read the folder “%s”: %s"),
               shown, g_strerror (saved_errno));
}

/* The profile files in @dir (closed on return), as readdir gives them.
 * Conflict copies go to @conflict_copies instead, stale temporaries
 * are removed. */
static GPtrArray *
read_profile_file_names (UpskillStore  *self,
                         DIR           *dir,
                         GHashTable    *conflict_copies,
                         GError       **error)
{
  g_autoptr(GPtrArray) file_names = g_ptr_array_new_with_free_func (g_free);
  struct dirent *dirent;
  int saved_errno;
  pid_t pid;

  for (;;)
    {
      const char *file_name;

      errno = 0;
      dirent = readdir (dir);
      if (dirent == NULL)
        break;

      file_name = dirent->d_name;

      if (parse_temporary_name (file_name, &pid))
        {
          remove_if_stale_temporary (dirfd (dir), file_name, pid);
          continue;
        }

      if (file_name[0] == '.')
        continue;

      if (!g_str_has_suffix (file_name, PROFILE_SUFFIX) ||
          strlen (file_name) == strlen (PROFILE_SUFFIX))
        continue;

      /* Not a profile of its own: a version of one, to merge. */
      {
        g_autofree char *copy_of = NULL;

        if (upskill_store_parse_conflict_copy (file_name, &copy_of))
          {
            const char *earlier = g_hash_table_lookup (conflict_copies, copy_of);

            if (earlier == NULL || strcmp (file_name, earlier) < 0)
              g_hash_table_replace (conflict_copies, g_steal_pointer (&copy_of), g_strdup (file_name));
            continue;
          }
      }

      g_ptr_array_add (file_names, g_strdup (file_name));
    }

  saved_errno = errno;
  closedir (dir);

  if (saved_errno != 0)
    {
      set_profiles_folder_error (self, saved_errno, error);
      return NULL;
    }

  return g_steal_pointer (&file_names);
}

GPtrArray *
upskill_store_list (UpskillStore  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) file_names = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) conflict_copies = NULL;
  g_autofree gpointer *slots = NULL;
  g_autoptr(GTimeZone) local = NULL;
  ListWork work = { 0 };
  GHashTableIter iter;
  gpointer key;
  DIR *dir;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_folders (self, error))
    return NULL;

  if (g_atomic_int_compare_and_exchange (&self->data_folder_swept, FALSE, TRUE))
    sweep_data_folder (self);

  dir = opendir (self->profiles_path);
  if (dir == NULL)
    {
      set_profiles_folder_error (self, errno, error);
      return NULL;
    }

  g_mutex_lock (&self->lock);
  load_index_locked (self);
  g_mutex_unlock (&self->lock);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  /* profile id → its first conflict copy's file name */
  conflict_copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  file_names = read_profile_file_names (self, dir, conflict_copies, error);
  if (file_names == NULL)
    return NULL;

  slots = g_new0 (gpointer, MAX (file_names->len, 1));
  work.store = self;
  work.file_names = file_names;
  work.summaries = slots;
  work.cancellable = cancellable;
  work.local = local = g_time_zone_new_local ();
  list_all (&work);

  summaries = g_ptr_array_new_full (file_names->len, (GDestroyNotify) upskill_profile_summary_free);
  for (guint i = 0; i < file_names->len; i++)
    {
      if (slots[i] != NULL)
        {
          UpskillProfileSummary *summary = slots[i];
          const char *copy = g_hash_table_lookup (conflict_copies, summary->id);

          summary->conflict_copy = g_strdup (copy);
          g_hash_table_remove (conflict_copies, summary->id);
          g_ptr_array_add (summaries, summary);
        }
      g_hash_table_add (seen, g_ptr_array_index (file_names, i));
    }

  /* A copy whose profile is gone is all that is left of it: listed. */
  g_hash_table_iter_init (&iter, conflict_copies);
  while (g_hash_table_iter_next (&iter, NULL, &key))
    g_ptr_array_add (summaries, list_one (self, key, local, NULL));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (seen, key))
        {
          g_hash_table_iter_remove (&iter);
          self->index_dirty = TRUE;
        }
    }
  g_mutex_unlock (&self->lock);

  write_index_if_dirty (self);

  g_ptr_array_sort (summaries, compare_summaries);

  return g_steal_pointer (&summaries);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *summaries;

  summaries = upskill_store_list (source_object, cancellable, &error);
  if (summaries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summaries, (GDestroyNotify) g_ptr_array_unref);
}

void
upskill_store_list_async (UpskillStore        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_list_async);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
upskill_store_list_finish (UpskillStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Loading */

UpskillProfile *
upskill_store_load (UpskillStore  *self,
                    const char    *id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(UpskillProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *version = NULL;
  g_autofree char *path = NULL;
  struct stat st;
  FileStamp stamp;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The id becomes a file name: nothing like "../x" gets that far. */
  if (!upskill_profile_id_is_valid (id))
    {
      g_autofree char *shown = g_filename_display_name (id);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
                   _("There is no profile “%s”"), shown);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  file_name = g_strconcat (id, PROFILE_SUFFIX, NULL);
  path = g_build_filename (self->profiles_path, file_name, NULL);

  if (!check_regular_file (path, file_name, &st, &local_error))
    {
      if (!g_error_matches (local_error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND))
        mark_broken (self, id, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  stamp = stamp_from_stat (&st);

  profile = read_profile_file (self, id, file_name, &bytes, NULL, cancellable, &local_error);
  if (profile == NULL)
    {
      /* Remembered so that saving re-checks the file before replacing it. */
      mark_broken (self, id, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Saving replaces this version only. */
  version = upskill_file_dup_version (&st, bytes);
  upskill_profile_set_file_version (profile, version);

  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->broken, id);
  remember_locked (self, file_name, &stamp,
                   summary_new_from_profile (profile, self->catalog, NULL), NULL);
  g_mutex_unlock (&self->lock);

  return g_steal_pointer (&profile);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  UpskillProfile *profile;

  profile = upskill_store_load (source_object, task_data, cancellable, &error);
  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, g_object_unref);
}

void
upskill_store_load_async (UpskillStore        *self,
                          const char          *id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_load_async);
  g_task_set_task_data (task, g_strdup (id), g_free);
  g_task_run_in_thread (task, load_thread);
}

UpskillProfile *
upskill_store_load_finish (UpskillStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving */

/* A file we could not read may hold the only copy of someone's work: it
 * is never replaced. Checking is cheap when the index already vouches for
 * the file as it is on disk; otherwise the file is read first. */
static gboolean
check_may_replace (UpskillStore  *self,
                   const char    *id,
                   const char    *file_name,
                   const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(UpskillProfile) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean vouched = FALSE;
  struct stat st;

  if (!check_regular_file (path, file_name, &st, &local_error))
    {
      /* Nothing there yet: a new profile. */
      if (g_error_matches (local_error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND))
        return TRUE;
    }
  else
    {
      FileStamp stamp = stamp_from_stat (&st);
      IndexEntry *entry;

      g_mutex_lock (&self->lock);
      load_index_locked (self);
      entry = g_hash_table_lookup (self->index, file_name);
      vouched = !g_hash_table_contains (self->broken, id) &&
                entry != NULL &&
                entry->summary->error == NULL &&
                stamp_equal (&entry->stamp, &stamp);
      g_mutex_unlock (&self->lock);

      if (vouched)
        return TRUE;

      /* Not cancellable: a cancelled read must not pass for a bad file. */
      existing = read_profile_file (self, id, file_name, NULL, NULL, NULL, &local_error);
      if (existing != NULL)
        {
          mark_broken (self, id, FALSE);
          return TRUE;
        }
    }

  mark_broken (self, id, TRUE);
  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
               _("Could not save “%s”: the file already there could not be read, so it is left untouched. %s"),
               file_name, local_error->message);
  return FALSE;
}

/* A save never writes a file that reading would refuse: the user would
 * be locked out of their own profile. The file on disk stays as it was. */
static gboolean
check_fits (GBytes      *bytes,
            const char  *file_name,
            GError     **error)
{
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  if (g_bytes_get_size (bytes) <= UPSKILL_JSON_MAX_SIZE)
    return TRUE;

  size = g_format_size (g_bytes_get_size (bytes));
  limit = g_format_size (UPSKILL_JSON_MAX_SIZE);
  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
               _("Could not save “%s”: it would take %s, more than the %s Upskill can read back, so the last saved version is kept. Undo the last change, or remove long notes or evidence."),
               file_name, size, limit);
  return FALSE;
}

/* Runs on any thread: touches only the store, never the profile. */
/* The writers of one data folder, in this process or another (a window,
 * `upskill --import`), take turns: the check that a file is still the
 * version read and the write that replaces it happen with no other
 * Upskill writing in between. The lock file lives beside the index, not
 * in the folder: a sync tool would carry it, and a lock means nothing to
 * another machine (there the version check is what protects). Returns
 * the descriptor to give to unlock_folder(), or -1 when no lock could be
 * had (the checks still hold, with their short window). */
static int
lock_folder (UpskillStore *self)
{
  int fd;

  if (self->lock_path == NULL)
    return -1;

  fd = open (self->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 && errno == ENOENT)
    {
      g_autofree char *folder = g_path_get_dirname (self->lock_path);

      if (g_mkdir_with_parents (folder, 0700) == 0)
        fd = open (self->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    }
  if (fd < 0)
    {
      g_debug ("Writing without the folder lock: %s", g_strerror (errno));
      return -1;
    }

  while (flock (fd, LOCK_EX) != 0)
    if (errno != EINTR)
      {
        close (fd);
        return -1;
      }

  return fd;
}

static void
unlock_folder (int fd)
{
  if (fd >= 0)
    close (fd);
}

static gboolean
save_bytes (UpskillStore                 *self,
            const char                   *id,
            GBytes                       *bytes,
            const UpskillProfileSummary  *summary,
            const char                   *expected_version,
            char                        **out_version,
            GCancellable                 *cancellable,
            GError                      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  gboolean replaced;
  struct stat st;
  int lock;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !ensure_folders (self, error) ||
      !check_not_locked (self->profiles_path, error))
    return FALSE;

  file_name = g_strconcat (id, PROFILE_SUFFIX, NULL);
  path = g_build_filename (self->profiles_path, file_name, NULL);
  file = g_file_new_for_path (path);

  if (!check_fits (bytes, file_name, error))
    return FALSE;

  /* Only a file that is readable is replaced, and a profile read from
   * its file replaces only the version read (checked at the rename). */
  lock = lock_folder (self);
  replaced = check_may_replace (self, id, file_name, path, cancellable, error) &&
             upskill_file_replace_version (file, bytes, UPSKILL_FILE_MODE_PROFILE,
                                           expected_version, out_version, cancellable, error);
  unlock_folder (lock);
  if (!replaced)
    return FALSE;

  if (stat (path, &st) == 0)
    {
      FileStamp stamp = stamp_from_stat (&st);

      g_mutex_lock (&self->lock);
      g_hash_table_remove (self->broken, id);
      remember_locked (self, file_name, &stamp, upskill_profile_summary_copy (summary), NULL);
      g_mutex_unlock (&self->lock);
    }

  return TRUE;
}

gboolean
upskill_store_save (UpskillStore    *self,
                    UpskillProfile  *profile,
                    GCancellable    *cancellable,
                    GError         **error)
{
  g_autoptr(UpskillProfileSummary) summary = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autofree char *version = NULL;

  bytes = upskill_profile_to_bytes (profile);
  summary = summary_new_from_profile (profile, self->catalog, NULL);

  if (!save_bytes (self, summary->id, bytes, summary,
                   upskill_profile_get_file_version (profile), &version,
                   cancellable, error))
    return FALSE;

  upskill_profile_set_file_version (profile, version);

  return TRUE;
}

typedef struct
{
  UpskillProfile        *copy;     /* the worker thread's own */
  UpskillProfileSummary *summary;
  char                  *expected_version;
  /* Given its new version in _finish(), on the calling thread. */
  UpskillProfile        *profile;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->copy);
  upskill_profile_summary_free (data->summary);
  g_free (data->expected_version);
  g_clear_object (&data->profile);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  char *version = NULL;

  /* Serialized here, not on the calling thread: a large profile takes
   * tens of milliseconds to write out. */
  bytes = upskill_profile_to_bytes (data->copy);
  if (save_bytes (source_object, data->summary->id, bytes, data->summary,
                  data->expected_version, &version, cancellable, &error))
    g_task_return_pointer (task, version, g_free);
  else
    g_task_return_error (task, error);
}

void
upskill_store_save_async (UpskillStore        *self,
                          UpskillProfile      *profile,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The profile belongs to the calling thread: take everything needed
   * from it now, as a copy that only the worker touches. */
  data = g_new0 (SaveData, 1);
  data->copy = upskill_profile_copy (profile);
  data->summary = summary_new_from_profile (profile, self->catalog, NULL);
  data->expected_version = g_strdup (upskill_profile_get_file_version (profile));
  data->profile = g_object_ref (profile);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
upskill_store_save_finish (UpskillStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autofree char *version = NULL;
  g_autoptr(UpskillProfile) profile = NULL;
  SaveData *data;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_save_async, FALSE);

  /* The profile belongs to the caller's thread: let go of it here, not
   * in the worker, which may hold the task a moment longer and would
   * otherwise drop the last reference there. */
  data = g_task_get_task_data (G_TASK (result));
  profile = g_steal_pointer (&data->profile);

  version = g_task_propagate_pointer (G_TASK (result), error);
  if (version == NULL)
    return FALSE;

  /* Unless a later save of the same profile has started: it expects
   * this version, and its own finish sets the next. */
  if (g_strcmp0 (upskill_profile_get_file_version (profile), data->expected_version) == 0)
    upskill_profile_set_file_version (profile, version);

  return TRUE;
}

/* Deleting */

gboolean
upskill_store_delete (UpskillStore  *self,
                      const char    *id,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return upskill_store_trash (self, id, NULL, NULL, cancellable, error);
}

gboolean
upskill_store_delete_version (UpskillStore  *self,
                              const char    *id,
                              const char    *version,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return upskill_store_trash (self, id, version, NULL, cancellable, error);
}

/* Moves @path to the desktop's Trash, or deletes it where its folder has
 * no Trash (*@out_trashed FALSE then). */
static gboolean
trash_or_unlink (const char    *path,
                 const char    *file_name,
                 gboolean      *out_trashed,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = g_filename_display_name (file_name);

  if (g_file_trash (file, cancellable, &local_error))
    {
      *out_trashed = TRUE;
      return TRUE;
    }

  /* (Not found may also be about the Trash's folder.) */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
      !g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
                   _("Could not delete “%s”: %s"), shown, g_strerror (ENOENT));
      return FALSE;
    }

  /* A folder on a file system without a Trash (a RAM disk, some network
   * shares): deleting is all there is, and the caller says so. */
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not move “%s” to the Trash: %s"), shown, local_error->message);
      return FALSE;
    }

  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, UPSKILL_ERROR,
                   saved_errno == ENOENT ? UPSKILL_ERROR_NOT_FOUND : UPSKILL_ERROR_IO,
                   _("Could not delete “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }

  *out_trashed = FALSE;
  return TRUE;
}

gboolean
upskill_store_trash (UpskillStore  *self,
                     const char    *id,
                     const char    *version,
                     gboolean      *out_trashed,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  gboolean trashed = FALSE;
  gboolean removed;
  int lock;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Badly named files can be deleted too: they are listed. */
  if (!id_is_file_name (id))
    {
      g_autofree char *shown = g_filename_display_name (id);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
                   _("There is no profile “%s”"), shown);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  file_name = g_strconcat (id, PROFILE_SUFFIX, NULL);
  path = g_build_filename (self->profiles_path, file_name, NULL);

  /* Someone's newer work is not deleted unseen. (Deleting the link
   * below, not its target, is what a user deleting a profile means:
   * g_file_trash() moves the link.) */
  lock = lock_folder (self);
  removed = (version == NULL || upskill_file_check_version (path, version, TRUE, error)) &&
            trash_or_unlink (path, file_name, &trashed, cancellable, error);
  unlock_folder (lock);
  if (!removed)
    return FALSE;

  upskill_file_sync_folder (self->profiles_path);

  g_mutex_lock (&self->lock);
  load_index_locked (self);
  if (g_hash_table_remove (self->index, file_name))
    self->index_dirty = TRUE;
  g_hash_table_remove (self->broken, id);
  g_mutex_unlock (&self->lock);

  if (out_trashed != NULL)
    *out_trashed = trashed;

  return TRUE;
}

/* Watching */

static gboolean
emit_profiles_changed (gpointer user_data)
{
  UpskillStore *self = user_data;
  g_autoptr(GStrvBuilder) changed = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) removed = g_strv_builder_new ();
  g_autoptr(GHashTable) events = g_steal_pointer (&self->pending_events);
  g_auto(GStrv) changed_ids = NULL;
  g_auto(GStrv) removed_ids = NULL;
  GHashTableIter iter;
  gpointer key, value;

  self->events_source = 0;

  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *id = g_strndup (key, strlen (key) - strlen (PROFILE_SUFFIX));

      g_strv_builder_add (GPOINTER_TO_INT (value) ? removed : changed, id);
    }

  changed_ids = g_strv_builder_end (changed);
  removed_ids = g_strv_builder_end (removed);
  g_signal_emit (self, signals[PROFILES_CHANGED], 0, changed_ids, removed_ids);

  return G_SOURCE_REMOVE;
}

static void
note_event (UpskillStore *self,
            GFile        *file,
            gboolean      removed)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  /* Profiles only: not our temporary files, nor anything else. */
  if (name == NULL || !g_str_has_suffix (name, PROFILE_SUFFIX) ||
      strlen (name) <= strlen (PROFILE_SUFFIX) || name[0] == '.' || name[0] == '~')
    return;

  if (self->pending_events == NULL)
    self->pending_events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_replace (self->pending_events, g_steal_pointer (&name), GINT_TO_POINTER (removed));

  /* Not restarted by each event: a steady stream still shows. */
  if (self->events_source == 0)
    self->events_source = g_timeout_add (EVENTS_COALESCE_MS, emit_profiles_changed, self);
}

static void
on_folder_changed (UpskillStore      *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      note_event (self, file, FALSE);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      note_event (self, file, TRUE);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* How sync tools and we ourselves write: a temporary file renamed
       * over the profile. */
      note_event (self, file, TRUE);
      note_event (self, other_file, FALSE);
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

void
upskill_store_watch (UpskillStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (UPSKILL_IS_STORE (self));

  if (self->monitor != NULL)
    return;

  /* A folder that does not exist yet cannot be watched: made now. */
  if (!ensure_folders (self, &error))
    {
      g_debug ("Not watching the profiles folder: %s", error->message);
      return;
    }

  self->monitor = g_file_monitor_directory (self->profiles_dir, G_FILE_MONITOR_WATCH_MOVES,
                                            NULL, &error);
  if (self->monitor == NULL)
    {
      /* Changes made elsewhere then show at the next start. */
      g_debug ("Not watching the profiles folder: %s", error->message);
      return;
    }

  g_file_monitor_set_rate_limit (self->monitor, EVENTS_COALESCE_MS);
  g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (on_folder_changed), self);
}

/* Conflict copies */

gboolean
upskill_store_parse_conflict_copy (const char  *file_name,
                                   char       **out_id)
{
  g_autofree char *stem = NULL;
  g_autofree char *id = NULL;
  const char *marker;

  g_return_val_if_fail (file_name != NULL, FALSE);

  if (!g_str_has_suffix (file_name, PROFILE_SUFFIX))
    return FALSE;
  stem = g_strndup (file_name, strlen (file_name) - strlen (PROFILE_SUFFIX));

  /* Syncthing: "ID.sync-conflict-YYYYMMDD-HHMMSS-DEVICE" */
  marker = strstr (stem, ".sync-conflict-");
  if (marker != NULL)
    {
      const char *stamp = marker + strlen (".sync-conflict-");

      if (strlen (stamp) < 15 || !g_ascii_isdigit (stamp[0]) || stamp[8] != '-')
        return FALSE;
      id = g_strndup (stem, marker - stem);
    }
  /* Nextcloud, ownCloud and Dropbox: "ID (… conflicted copy …)" */
  else if (g_str_has_suffix (stem, ")") &&
           (marker = g_strrstr (stem, " (")) != NULL &&
           strstr (marker, "conflicted copy") != NULL)
    {
      id = g_strndup (stem, marker - stem);
    }
  else
    return FALSE;

  if (!upskill_profile_id_is_valid (id))
    return FALSE;

  if (out_id != NULL)
    *out_id = g_steal_pointer (&id);

  return TRUE;
}

GStrv
upskill_store_dup_conflict_copies (UpskillStore  *self,
                                   const char    *id,
                                   GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) dir = NULL;
  GStrv copies;
  const char *name;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  dir = g_dir_open (self->profiles_path, 0, error);
  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *copy_of = NULL;

      if (upskill_store_parse_conflict_copy (name, &copy_of) && g_str_equal (copy_of, id))
        g_strv_builder_add (builder, name);
    }

  copies = g_strv_builder_end (builder);
  qsort (copies, g_strv_length (copies), sizeof (char *), compare_strings);

  return copies;
}

static gboolean
check_conflict_copy_name (const char  *file_name,
                          char       **out_id,
                          GError     **error)
{
  if (strchr (file_name, G_DIR_SEPARATOR) == NULL &&
      upskill_store_parse_conflict_copy (file_name, out_id))
    return TRUE;

  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
               _("There is no conflict copy “%s”"), file_name);
  return FALSE;
}

UpskillProfile *
upskill_store_load_conflict_copy (UpskillStore  *self,
                                  const char    *file_name,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_conflict_copy_name (file_name, &id, error))
    return NULL;

  return read_profile_file (self, id, file_name, NULL, NULL, cancellable, error);
}

gboolean
upskill_store_remove_conflict_copy (UpskillStore  *self,
                                    const char    *file_name,
                                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_conflict_copy_name (file_name, &id, error))
    return FALSE;

  path = g_build_filename (self->profiles_path, file_name, NULL);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (file_name);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not delete “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }

  upskill_file_sync_folder (self->profiles_path);

  return TRUE;
}

UpskillProfile *
upskill_store_merge_conflict_copy (UpskillStore    *self,
                                   UpskillProfile  *profile,
                                   const char      *file_name,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(UpskillProfile) copy = NULL;
  g_autoptr(UpskillProfile) merged = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = upskill_store_load_conflict_copy (self, file_name, cancellable, error);
  if (copy == NULL)
    return NULL;

  if (g_strcmp0 (upskill_profile_get_id (copy), upskill_profile_get_id (profile)) != 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
                   _("There is no conflict copy “%s”"), file_name);
      return NULL;
    }

  merged = upskill_profile_merge (profile, copy, error);
  if (merged == NULL)
    return NULL;

  /* The copy goes only once its content is safe in the profile. */
  upskill_profile_set_file_version (merged, upskill_profile_get_file_version (profile));
  if (!upskill_store_save (self, merged, cancellable, error) ||
      !upskill_store_remove_conflict_copy (self, file_name, error))
    return NULL;

  return g_steal_pointer (&merged);
}

/* Import, export, ids */

/* Sets *@out_taken. Only "does not exist" means an id is free: any other
 * error (the profiles folder is a file, the data folder cannot be
 * entered) says nothing about the id, and choosing another one would
 * fail the same way for ever. */
static gboolean
check_id_taken (UpskillStore  *self,
                const char    *id,
                gboolean      *out_taken,
                GError       **error)
{
  g_autofree char *path = NULL;
  struct stat st;
  int saved_errno;

  path = g_strconcat (self->profiles_path, G_DIR_SEPARATOR_S, id, PROFILE_SUFFIX, NULL);

  /* Anything at all by that name counts, even a dangling link. */
  if (lstat (path, &st) == 0)
    {
      *out_taken = TRUE;
      return TRUE;
    }

  saved_errno = errno;
  if (saved_errno != ENOENT)
    {
      g_autofree char *folder = g_filename_display_name (self->profiles_path);

      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not add a profile to the folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  *out_taken = g_hash_table_contains (self->broken, id);
  g_mutex_unlock (&self->lock);

  return TRUE;
}

char *
upskill_store_new_id (UpskillStore  *self,
                      const char    *name,
                      GError       **error)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) slug = NULL;
  g_autofree char *id = NULL;
  gboolean want_dash = FALSE;
  gboolean taken = TRUE;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < NEW_ID_MAX_CHARS; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (want_dash && slug->len > 0)
            g_string_append_c (slug, '-');
          want_dash = FALSE;
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else
        want_dash = TRUE;
    }

  if (slug->len > NEW_ID_MAX_CHARS)
    g_string_truncate (slug, NEW_ID_MAX_CHARS);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_assign (slug, "profile");

  id = g_strdup (slug->str);
  for (guint n = 2; n <= NEW_ID_MAX_TRIES; n++)
    {
      if (!check_id_taken (self, id, &taken, error))
        return NULL;
      if (!taken)
        break;

      g_free (id);
      id = g_strdup_printf ("%s-%u", slug->str, n);
    }

  if (taken)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_IO,
                   _("Could not add a profile named “%s”: %u profiles already have ids like “%s”"),
                   name != NULL ? name : "", NEW_ID_MAX_TRIES, slug->str);
      return NULL;
    }

  g_assert (upskill_profile_id_is_valid (id));

  return g_steal_pointer (&id);
}

static void
set_exists_error (UpskillProfile  *profile,
                  GError         **error)
{
  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_EXISTS,
               _("“%s” is already here (a profile with the id “%s”)"),
               upskill_profile_get_name (profile), upskill_profile_get_id (profile));
}

/* Saves @profile as a new file. If its id is taken, or becomes taken
 * meanwhile, it gets another one, or with @keep_id the save fails with
 * UPSKILL_ERROR_EXISTS: concurrent imports never overwrite each other. */
static gboolean
save_new (UpskillStore    *self,
          UpskillProfile  *profile,
          gboolean         keep_id,
          GCancellable    *cancellable,
          GError         **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(UpskillProfileSummary) summary = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gboolean taken = FALSE;
      gboolean created;
      struct stat st;
      int lock;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !check_id_taken (self, upskill_profile_get_id (profile), &taken, error))
        return FALSE;

      if (taken && keep_id)
        {
          set_exists_error (profile, error);
          return FALSE;
        }

      if (taken)
        {
          g_autofree char *id = upskill_store_new_id (self, upskill_profile_get_name (profile), error);

          if (id == NULL)
            return FALSE;
          upskill_profile_set_id (profile, id);
        }

      if (!ensure_folders (self, error))
        return FALSE;

      bytes = upskill_profile_to_bytes (profile);
      summary = summary_new_from_profile (profile, self->catalog, NULL);

      lock = lock_folder (self);
      created = upskill_file_create_exclusively (self->profiles_path, summary->file_name, bytes, &local_error);
      unlock_folder (lock);
      if (created)
        {
          g_autofree char *file_name = g_strdup (summary->file_name);
          g_autofree char *path = g_build_filename (self->profiles_path, file_name, NULL);

          if (stat (path, &st) == 0)
            {
              FileStamp stamp = stamp_from_stat (&st);

              g_mutex_lock (&self->lock);
              g_hash_table_remove (self->broken, summary->id);
              remember_locked (self, file_name, &stamp, g_steal_pointer (&summary), NULL);
              g_mutex_unlock (&self->lock);
            }
          return TRUE;
        }

      /* Taken by another process since it was checked: choose again. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) ||
          attempt >= NEW_ID_MAX_RACES)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
}

const char *
upskill_store_get_index_path (UpskillStore *self)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);

  return self->index_path;
}

const char *
upskill_store_get_lock_path (UpskillStore *self)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);

  return self->lock_path;
}

void
upskill_store_remove_index (GFile *data_dir)
{
  g_autofree char *data_path = NULL;
  g_autofree char *index_path = NULL;
  g_autofree char *lock_path = NULL;

  g_return_if_fail (G_IS_FILE (data_dir));

  data_path = g_file_get_path (data_dir);
  if (data_path == NULL)
    return;

  index_path = index_path_for (data_path);
  g_unlink (index_path);
  lock_path = g_strconcat (index_path, ".lock", NULL);
  g_unlink (lock_path);
}

UpskillProfile *
upskill_store_read_import (UpskillStore  *self,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = upskill_file_dup_display_name (file);

  root = upskill_json_parse_file (file, cancellable, error);
  if (root == NULL)
    return NULL;

  return upskill_profile_new_from_json (root, display_name, error);
}

/* Replaces or merges into the stored profile of @imported's id, over the
 * version of its file read here; as a new file if there is none. */
static UpskillProfile *
import_over (UpskillStore       *self,
             UpskillProfile     *imported,
             UpskillImportMode   mode,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(UpskillProfile) stored = NULL;
  g_autoptr(UpskillProfile) result = NULL;
  g_autoptr(GError) local_error = NULL;

  stored = upskill_store_load (self, upskill_profile_get_id (imported), cancellable, &local_error);
  if (stored == NULL)
    {
      if (!g_error_matches (local_error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      return save_new (self, imported, TRUE, cancellable, error) ? g_object_ref (imported) : NULL;
    }

  if (mode == UPSKILL_IMPORT_MERGE)
    {
      result = upskill_profile_merge (stored, imported, error);
      if (result == NULL)
        return NULL;
    }
  else
    {
      result = g_object_ref (imported);
    }

  upskill_profile_set_file_version (result, upskill_profile_get_file_version (stored));
  if (!upskill_store_save (self, result, cancellable, error))
    return NULL;

  return g_steal_pointer (&result);
}

UpskillProfile *
upskill_store_import (UpskillStore       *self,
                      GFile              *file,
                      UpskillImportMode   mode,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(UpskillProfile) profile = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  profile = upskill_store_read_import (self, file, cancellable, error);
  if (profile == NULL)
    return NULL;

  switch (mode)
    {
    case UPSKILL_IMPORT_REFUSE:
    case UPSKILL_IMPORT_KEEP_BOTH:
      if (!save_new (self, profile, mode == UPSKILL_IMPORT_REFUSE, cancellable, error))
        return NULL;
      return g_steal_pointer (&profile);

    case UPSKILL_IMPORT_REPLACE:
    case UPSKILL_IMPORT_MERGE:
      return import_over (self, profile, mode, cancellable, error);

    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
upskill_store_export (UpskillStore    *self,
                      UpskillProfile  *profile,
                      GFile           *destination,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPSKILL_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  bytes = upskill_profile_to_bytes (profile);
  name = g_file_get_basename (destination);

  if (!check_fits (bytes, name, error))
    return FALSE;

  /* Unlike a report, an export holds everything the profile does, the
   * coach's private notes included: private whatever the umask. */
  return upskill_file_write_atomically (destination, bytes, UPSKILL_FILE_MODE_PRIVATE,
                                        cancellable, error);
}

gboolean
upskill_store_add_samples (UpskillStore  *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  children = g_resources_enumerate_children (SAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                             &local_error);
  if (children == NULL)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_NOT_FOUND,
                   _("No sample profiles come with this version of Upskill"));
      return FALSE;
    }

  qsort (children, g_strv_length (children), sizeof (char *), compare_strings);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autoptr(UpskillProfile) profile = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      gboolean taken = FALSE;

      if (!g_str_has_suffix (children[i], PROFILE_SUFFIX))
        continue;

      path = g_strconcat (SAMPLES_PATH, children[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      profile = upskill_profile_new_from_bytes (bytes, children[i], error);
      if (profile == NULL)
        return FALSE;

      /* Added before: exploring the samples twice gives no copies. */
      if (!check_id_taken (self, upskill_profile_get_id (profile), &taken, error))
        return FALSE;
      if (taken)
        continue;

      if (!upskill_store_save (self, profile, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* The same on a worker thread, for the window: the main loop never waits
 * on the disk. */

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (upskill_store_delete (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
upskill_store_delete_async (UpskillStore        *self,
                            const char          *id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_delete_async);
  g_task_set_task_data (task, g_strdup (id), g_free);
  g_task_run_in_thread (task, delete_thread);
}

gboolean
upskill_store_delete_finish (UpskillStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char     *id;
  char     *version;
  gboolean  trashed;
} TrashData;

static void
trash_data_free (TrashData *data)
{
  g_free (data->id);
  g_free (data->version);
  g_free (data);
}

static void
trash_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TrashData *data = task_data;
  GError *error = NULL;

  if (upskill_store_trash (source_object, data->id, data->version, &data->trashed,
                           cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
upskill_store_trash_async (UpskillStore        *self,
                           const char          *id,
                           const char          *version,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TrashData *data;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (TrashData, 1);
  data->id = g_strdup (id);
  data->version = g_strdup (version);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_trash_async);
  g_task_set_task_data (task, data, (GDestroyNotify) trash_data_free);
  g_task_run_in_thread (task, trash_thread);
}

gboolean
upskill_store_trash_finish (UpskillStore  *self,
                            GAsyncResult  *result,
                            gboolean      *out_trashed,
                            GError       **error)
{
  TrashData *data;

  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_trash_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (out_trashed != NULL)
    *out_trashed = data->trashed;

  return TRUE;
}

typedef struct
{
  GFile             *file;
  UpskillImportMode  mode;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  UpskillProfile *profile;

  profile = upskill_store_import (source_object, data->file, data->mode, cancellable, &error);
  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, g_object_unref);
}

void
upskill_store_import_async (UpskillStore        *self,
                            GFile               *file,
                            UpskillImportMode    mode,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->mode = mode;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

UpskillProfile *
upskill_store_import_finish (UpskillStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
read_import_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  UpskillProfile *profile;

  profile = upskill_store_read_import (source_object, task_data, cancellable, &error);
  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, g_object_unref);
}

void
upskill_store_read_import_async (UpskillStore        *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_read_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_import_thread);
}

UpskillProfile *
upskill_store_read_import_finish (UpskillStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_read_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  UpskillProfile *profile;
  GFile          *destination;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->profile);
  g_clear_object (&data->destination);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (upskill_store_export (source_object, data->profile, data->destination, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
upskill_store_export_async (UpskillStore        *self,
                            UpskillProfile      *profile,
                            GFile               *destination,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (UPSKILL_IS_PROFILE (profile));
  g_return_if_fail (G_IS_FILE (destination));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportData, 1);
  /* A copy: the worker thread must not share the profile being edited. */
  data->profile = upskill_profile_copy (profile);
  data->destination = g_object_ref (destination);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
upskill_store_export_finish (UpskillStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
add_samples_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;

  if (upskill_store_add_samples (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
upskill_store_add_samples_async (UpskillStore        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPSKILL_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upskill_store_add_samples_async);
  g_task_run_in_thread (task, add_samples_thread);
}

gboolean
upskill_store_add_samples_finish (UpskillStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (UPSKILL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upskill_store_add_samples_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
