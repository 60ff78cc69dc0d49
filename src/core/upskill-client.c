/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upskill-client.h"
#include "upskill-format.h"

struct _UpskillClient
{
  GObject                parent_instance;

  UpskillProfileSummary *summary;
  char                  *role_name;
  char                  *collate_key;  /* of the name, for sorting */
  char                  *role_key;     /* of the role's name */
  char                  *tags_text;    /* "pilot, Team A", "" without tags */
  char                  *tags_key;     /* of that, casefolded */
  GStrv                  tag_keys;     /* upskill_profile_dup_tag_key() of each */
  UpskillPlanStatus      plan_status;
  UpskillAttention       attention;
};

G_DEFINE_FINAL_TYPE (UpskillClient, upskill_client, G_TYPE_OBJECT)

#define DAY (24 * 60 * 60)

static void
upskill_client_finalize (GObject *object)
{
  UpskillClient *self = UPSKILL_CLIENT (object);

  g_clear_pointer (&self->summary, upskill_profile_summary_free);
  g_clear_pointer (&self->role_name, g_free);
  g_clear_pointer (&self->collate_key, g_free);
  g_clear_pointer (&self->role_key, g_free);
  g_clear_pointer (&self->tags_text, g_free);
  g_clear_pointer (&self->tags_key, g_free);
  g_clear_pointer (&self->tag_keys, g_strfreev);

  G_OBJECT_CLASS (upskill_client_parent_class)->finalize (object);
}

static void
upskill_client_class_init (UpskillClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upskill_client_finalize;
}

static void
upskill_client_init (UpskillClient *self)
{
}

/* 00:00 UTC of @now's local day: how plan steps record their due day. */
static gint64
utc_day_of (gint64 now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) day = NULL;

  if (local == NULL)
    return 0;

  day = g_date_time_new_utc (g_date_time_get_year (local), g_date_time_get_month (local),
                             g_date_time_get_day_of_month (local), 0, 0, 0);

  return day != NULL ? g_date_time_to_unix (day) : 0;
}

UpskillClient *
upskill_client_new (const UpskillProfileSummary *summary,
                    UpskillCatalog              *catalog,
                    gint64                       now)
{
  UpskillClient *self;
  UpskillRole *role;
  g_autofree char *folded = NULL;
  gint64 last_session;

  g_return_val_if_fail (summary != NULL && summary->name != NULL, NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  self = g_object_new (UPSKILL_TYPE_CLIENT, NULL);
  self->summary = upskill_profile_summary_copy (summary);

  role = summary->target_role != NULL ? upskill_catalog_find_role (catalog, summary->target_role) : NULL;
  self->role_name = g_strdup (role != NULL ? role->name : "");

  folded = g_utf8_casefold (summary->name, -1);
  self->collate_key = g_utf8_collate_key (folded, -1);
  self->role_key = g_utf8_collate_key (self->role_name, -1);

  self->tags_text = summary->tags != NULL ? g_strjoinv (", ", summary->tags) : g_strdup ("");
  g_clear_pointer (&folded, g_free);
  folded = g_utf8_casefold (self->tags_text, -1);
  self->tags_key = g_utf8_collate_key (folded, -1);
  self->tag_keys = g_new0 (char *, summary->tags != NULL ? g_strv_length (summary->tags) + 1 : 1);
  for (guint i = 0; summary->tags != NULL && summary->tags[i] != NULL; i++)
    self->tag_keys[i] = upskill_profile_dup_tag_key (summary->tags[i]);

  if (summary->n_steps_left == 0)
    self->plan_status = UPSKILL_PLAN_NONE;
  else if (summary->plan_due != 0 && summary->plan_due < utc_day_of (now))
    self->plan_status = UPSKILL_PLAN_BEHIND;
  else
    self->plan_status = UPSKILL_PLAN_ON_TRACK;

  /* A session dated later than the summary was made may have been held
   * since: it counts as the last one. */
  last_session = MAX (summary->last_session, summary->next_session <= now ? summary->next_session : 0);
  if ((summary->kind == UPSKILL_PROFILE_CLIENT || last_session != 0) &&
      last_session < now - (gint64) UPSKILL_CLIENT_SESSION_DAYS * DAY)
    self->attention |= UPSKILL_ATTENTION_NO_SESSION;
  if (summary->next_session > now && summary->next_session <= now + (gint64) UPSKILL_CLIENT_SOON_DAYS * DAY)
    self->attention |= UPSKILL_ATTENTION_SESSION_SOON;
  if (self->plan_status == UPSKILL_PLAN_BEHIND)
    self->attention |= UPSKILL_ATTENTION_BEHIND;
  /* Put away: nothing to attend to. */
  if (summary->archived)
    self->attention = UPSKILL_ATTENTION_NONE;

  return self;
}

const UpskillProfileSummary *
upskill_client_get_summary (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return self->summary;
}

const char *
upskill_client_get_id (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return self->summary->id;
}

const char *
upskill_client_get_name (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return self->summary->name;
}

const char *
upskill_client_get_role_name (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return self->role_name;
}

const char *
upskill_client_get_role_id (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return self->summary->target_role;
}

gboolean
upskill_client_get_archived (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), FALSE);

  return self->summary->archived;
}

const char * const *
upskill_client_get_tags (UpskillClient *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return self->summary->tags != NULL ? (const char * const *) self->summary->tags : none;
}

const char *
upskill_client_get_tags_text (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return self->tags_text;
}

gboolean
upskill_client_has_tag (UpskillClient *self,
                        const char    *tag_key)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (tag_key != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->tag_keys, tag_key);
}

double
upskill_client_get_readiness (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), -1.0);

  return self->summary->readiness;
}

UpskillPlanStatus
upskill_client_get_plan_status (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), UPSKILL_PLAN_NONE);

  return self->plan_status;
}

UpskillAttention
upskill_client_get_attention (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), UPSKILL_ATTENTION_NONE);

  return self->attention;
}

double
upskill_client_get_area_readiness (UpskillClient *self,
                                   guint          area)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), -1.0);

  return area < self->summary->n_areas ? self->summary->areas[area] : -1.0;
}

char *
upskill_client_format_readiness (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return upskill_format_percent (self->summary->readiness);
}

char *
upskill_client_format_change (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  if (!self->summary->has_change)
    return g_strdup ("–");

  return upskill_format_points (self->summary->change);
}

static char *
format_session (gint64 date)
{
  UpskillNote note = { NULL, date, NULL };

  if (date == 0)
    return g_strdup ("–");

  return upskill_format_session (&note);
}

char *
upskill_client_format_last_session (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return format_session (self->summary->last_session);
}

char *
upskill_client_format_next_session (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  return format_session (self->summary->next_session);
}

const char *
upskill_client_get_plan_label (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  switch (self->plan_status)
    {
    case UPSKILL_PLAN_ON_TRACK:
      return C_("plan status", "On track");
    case UPSKILL_PLAN_BEHIND:
      return C_("plan status", "Behind");
    case UPSKILL_PLAN_NONE:
    default:
      return C_("plan status", "No plan");
    }
}

char *
upskill_client_describe_attention (UpskillClient *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLIENT (self), NULL);

  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  if (self->attention == UPSKILL_ATTENTION_NONE)
    return NULL;

  if (self->attention & UPSKILL_ATTENTION_NO_SESSION)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("No session in %u day", "No session in %u days",
                                                         UPSKILL_CLIENT_SESSION_DAYS),
                                               UPSKILL_CLIENT_SESSION_DAYS));
  if (self->attention & UPSKILL_ATTENTION_BEHIND)
    g_ptr_array_add (reasons, g_strdup (_("Behind the plan")));
  if (self->attention & UPSKILL_ATTENTION_SESSION_SOON)
    g_ptr_array_add (reasons, g_strdup_printf (ngettext ("Session in the next %u day",
                                                         "Session in the next %u days",
                                                         UPSKILL_CLIENT_SOON_DAYS),
                                               UPSKILL_CLIENT_SOON_DAYS));
  g_ptr_array_add (reasons, NULL);

  /* TRANSLATORS: between the reasons a client needs attention */
  return g_strjoinv (C_("attention reasons", " · "), (char **) reasons->pdata);
}

/* Comparisons */

static int
compare_names (UpskillClient *a,
               UpskillClient *b)
{
  int order = strcmp (a->collate_key, b->collate_key);

  return order != 0 ? order : g_strcmp0 (a->summary->id, b->summary->id);
}

/* An unknown value ("–") sorts lowest. */
static int
compare_doubles (gboolean known_a,
                 double   a,
                 gboolean known_b,
                 double   b)
{
  if (known_a != known_b)
    return known_a ? 1 : -1;
  if (!known_a || a == b)
    return 0;
  return a < b ? -1 : 1;
}

static int
compare_times (gint64 a,
               gint64 b)
{
  /* 0 (none) is lowest anyway. */
  return a < b ? -1 : a > b ? 1 : 0;
}

int
upskill_client_compare_name (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);

  return compare_names (client_a, client_b);
}

int
upskill_client_compare_role (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  int order;

  order = strcmp (client_a->role_key, client_b->role_key);
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_tags (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  gboolean none_a = client_a->tags_text[0] == '\0';
  gboolean none_b = client_b->tags_text[0] == '\0';
  int order;

  /* Untagged clients after the tagged ones. */
  if (none_a != none_b)
    return none_a ? 1 : -1;

  order = strcmp (client_a->tags_key, client_b->tags_key);
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_readiness (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  int order;

  order = compare_doubles (client_a->summary->readiness >= 0, client_a->summary->readiness,
                           client_b->summary->readiness >= 0, client_b->summary->readiness);
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_change (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  int order;

  order = compare_doubles (client_a->summary->has_change, client_a->summary->change,
                           client_b->summary->has_change, client_b->summary->change);
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_last_session (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  int order;

  order = compare_times (client_a->summary->last_session, client_b->summary->last_session);
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_next_session (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  int order;

  order = compare_times (client_a->summary->next_session, client_b->summary->next_session);
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_plan (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  int order;

  order = (int) client_a->plan_status - (int) client_b->plan_status;
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_area (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  guint area = GPOINTER_TO_UINT (user_data);
  double readiness_a = upskill_client_get_area_readiness (client_a, area);
  double readiness_b = upskill_client_get_area_readiness (client_b, area);
  int order;

  order = compare_doubles (readiness_a >= 0, readiness_a, readiness_b >= 0, readiness_b);
  return order != 0 ? order : compare_names (client_a, client_b);
}

int
upskill_client_compare_attention (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data)
{
  UpskillClient *client_a = UPSKILL_CLIENT ((gpointer) a);
  UpskillClient *client_b = UPSKILL_CLIENT ((gpointer) b);
  gboolean attention_a = client_a->attention != UPSKILL_ATTENTION_NONE;
  gboolean attention_b = client_b->attention != UPSKILL_ATTENTION_NONE;

  if (attention_a != attention_b)
    return attention_a ? -1 : 1;

  return 0;
}
