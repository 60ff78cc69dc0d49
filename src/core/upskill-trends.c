/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <string.h>

#include "upskill-error.h"
#include "upskill-json.h"
#include "upskill-trends.h"

struct _UpskillTrends
{
  GObject         parent_instance;

  UpskillCatalog *catalog;
  char           *source_title;
  GPtrArray      *sections;       /* UpskillSection*, owned */
  GPtrArray      *claims;         /* UpskillClaim*, owned */
  double         *demand_signals; /* indexed by UpskillArea.index */
  char           *origin_url;
  gint64          fetched;
};

G_DEFINE_FINAL_TYPE (UpskillTrends, upskill_trends, G_TYPE_OBJECT)

static const char * const claim_kinds[] = {
  "figure", "fact", "strategy", "advice", "opinion", "prediction",
};

/* A claim's weight in the demand signal by kind: what the article reports
 * or recommends counts fully, its opinions and predictions half. */
static const double claim_kind_weights[] = { 1.0, 1.0, 1.0, 1.0, 0.5, 0.5 };

static void
section_free (UpskillSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_free (section);
}

static void
figure_free (UpskillFigure *figure)
{
  g_free (figure->subject);
  g_free (figure->display);
  g_free (figure->qualifier);
  g_free (figure->unit);
  g_free (figure->period);
  g_free (figure->reason);
  g_free (figure);
}

static void
claim_free (UpskillClaim *claim)
{
  g_free (claim->id);
  g_free (claim->text);
  g_free (claim->quote);
  g_ptr_array_unref (claim->areas);
  g_clear_pointer (&claim->figure, figure_free);
  g_free (claim);
}

static void
upskill_trends_finalize (GObject *object)
{
  UpskillTrends *self = (UpskillTrends *)object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->source_title, g_free);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->demand_signals, g_free);
  g_clear_pointer (&self->origin_url, g_free);

  G_OBJECT_CLASS (upskill_trends_parent_class)->finalize (object);
}

static void
upskill_trends_class_init (UpskillTrendsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upskill_trends_finalize;
}

static void
upskill_trends_init (UpskillTrends *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify)claim_free);
}

static gboolean
get_text (JsonObject  *object,
          const char  *member,
          gboolean     allow_empty,
          const char  *where,
          char       **out_text,
          GError     **error)
{
  const char *text = NULL;

  if (!upskill_json_get_string (object, member, TRUE, where, &text, error))
    return FALSE;

  if (!allow_empty && *text == '\0')
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s” is empty"), where, member);
      return FALSE;
    }

  *out_text = g_strdup (text);
  return TRUE;
}

/* Like get_text(), in the reader's language: data/upskill-data-strings.c
 * shows translators the bundled text under @context. */
static gboolean
get_translated_text (JsonObject  *object,
                     const char  *member,
                     gboolean     allow_empty,
                     const char  *context,
                     const char  *where,
                     char       **out_text,
                     GError     **error)
{
  g_autofree char *text = NULL;

  if (!get_text (object, member, allow_empty, where, &text, error))
    return FALSE;

  *out_text = g_strdup (upskill_catalog_translate (context, text));
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *member,
          const char  *where,
          gboolean    *out_value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: “%s”: expected true or false"), where, member);
      return FALSE;
    }

  *out_value = json_node_get_boolean (node);
  return TRUE;
}

static UpskillSection *
find_section (UpskillTrends *self,
              const char    *id)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      UpskillSection *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (section->id, id) == 0)
        return section;
    }

  return NULL;
}

static gboolean
load_sections (UpskillTrends  *self,
               JsonObject     *root,
               const char     *file_where,
               GError        **error)
{
  JsonArray *sections = upskill_json_get_array (root, "sections", TRUE, file_where, error);

  if (sections == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: sections item %u", file_where, i + 1);
      JsonObject *object = upskill_json_array_get_object (sections, i, file_where, "sections", error);
      UpskillSection *section;

      if (object == NULL)
        return FALSE;

      section = g_new0 (UpskillSection, 1);
      g_ptr_array_add (self->sections, section);

      if (!get_text (object, "id", FALSE, where, &section->id, error) ||
          !get_translated_text (object, "title", FALSE, "article section", where, &section->title, error))
        return FALSE;

      for (guint j = 0; j + 1 < self->sections->len; j++)
        {
          if (g_str_equal (((UpskillSection *)g_ptr_array_index (self->sections, j))->id, section->id))
            {
              g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                           _("%s: the id “%s” is used twice"), where, section->id);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
load_figure (UpskillClaim  *claim,
             JsonObject    *object,
             const char    *where,
             GError       **error)
{
  g_autofree char *figure_where = g_strdup_printf ("%s: figure", where);
  JsonObject *figure_object;
  UpskillFigure *figure;

  figure_object = upskill_json_get_object (object, "figure", TRUE, where, error);
  if (figure_object == NULL)
    return FALSE;

  figure = claim->figure = g_new0 (UpskillFigure, 1);

  return get_text (figure_object, "subject", FALSE, figure_where, &figure->subject, error) &&
         get_text (figure_object, "display", FALSE, figure_where, &figure->display, error) &&
         upskill_json_get_int (figure_object, "value", TRUE, 0, G_MAXINT64, figure_where, &figure->value, error) &&
         get_bool (figure_object, "approximate", figure_where, &figure->approximate, error) &&
         get_bool (figure_object, "at_least", figure_where, &figure->at_least, error) &&
         get_translated_text (figure_object, "qualifier", TRUE, "figure qualifier",
                              figure_where, &figure->qualifier, error) &&
         get_translated_text (figure_object, "unit", FALSE, "figure unit",
                              figure_where, &figure->unit, error) &&
         get_translated_text (figure_object, "period", TRUE, "figure period",
                              figure_where, &figure->period, error) &&
         get_translated_text (figure_object, "reason", TRUE, "figure reason",
                              figure_where, &figure->reason, error);
}

static gboolean
load_audience (UpskillClaim  *claim,
               JsonObject    *object,
               const char    *where,
               GError       **error)
{
  JsonArray *audience = upskill_json_get_array (object, "audience", TRUE, where, error);

  if (audience == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (audience); i++)
    {
      JsonNode *node = json_array_get_element (audience, i);
      const char *text = JSON_NODE_HOLDS_VALUE (node) &&
                         json_node_get_value_type (node) == G_TYPE_STRING
                         ? json_node_get_string (node) : "";

      if (g_str_equal (text, "developer"))
        claim->audience |= UPSKILL_AUDIENCE_DEVELOPER;
      else if (g_str_equal (text, "founder"))
        claim->audience |= UPSKILL_AUDIENCE_FOUNDER;
      else if (g_str_equal (text, "everyone"))
        claim->audience |= UPSKILL_AUDIENCE_EVERYONE;
      else
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “audience” item %u: expected developer, founder or everyone"),
                       where, i + 1);
          return FALSE;
        }
    }

  if (claim->audience == 0)
    claim->audience = UPSKILL_AUDIENCE_EVERYONE;

  return TRUE;
}

static gboolean
load_claim_areas (UpskillTrends  *self,
                  UpskillClaim   *claim,
                  JsonObject     *object,
                  const char     *where,
                  GError        **error)
{
  JsonArray *areas = upskill_json_get_array (object, "areas", TRUE, where, error);

  if (areas == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      JsonNode *node = json_array_get_element (areas, i);
      const char *id = JSON_NODE_HOLDS_VALUE (node) &&
                       json_node_get_value_type (node) == G_TYPE_STRING
                       ? json_node_get_string (node) : NULL;
      UpskillArea *area = upskill_catalog_find_area (self->catalog, id);

      if (area == NULL)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_UNKNOWN_REFERENCE,
                       _("%s: “areas” item %u: unknown area “%s”"),
                       where, i + 1, id ? id : "?");
          return FALSE;
        }

      if (!g_ptr_array_find (claim->areas, area, NULL))
        g_ptr_array_add (claim->areas, area);
    }

  return TRUE;
}

static gboolean
load_claims (UpskillTrends  *self,
             JsonObject     *root,
             const char     *file_where,
             GError        **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *claims = upskill_json_get_array (root, "claims", TRUE, file_where, error);

  if (claims == NULL)
    return FALSE;

  if (json_array_get_length (claims) == 0)
    {
      g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                   _("%s: there are no claims"), file_where);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s: claims item %u", file_where, i + 1);
      JsonObject *object = upskill_json_array_get_object (claims, i, file_where, "claims", error);
      UpskillClaim *claim;
      const char *text;
      gint64 strength;
      gboolean known_kind = FALSE;

      if (object == NULL)
        return FALSE;

      claim = g_new0 (UpskillClaim, 1);
      claim->areas = g_ptr_array_new ();
      g_ptr_array_add (self->claims, claim);

      if (!get_text (object, "id", FALSE, where, &claim->id, error))
        return FALSE;

      if (!g_hash_table_add (ids, claim->id))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: the id “%s” is used twice"), where, claim->id);
          return FALSE;
        }

      g_free (where);
      where = g_strdup_printf ("%s: claim “%s”", file_where, claim->id);

      if (!upskill_json_get_string (object, "kind", TRUE, where, &text, error))
        return FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (claim_kinds); k++)
        if (g_str_equal (text, claim_kinds[k]))
          {
            claim->kind = k;
            known_kind = TRUE;
          }
      if (!known_kind)
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_INVALID_DATA,
                       _("%s: “kind”: “%s” is not one of figure, fact, strategy, advice, opinion, prediction"),
                       where, text);
          return FALSE;
        }

      if (!upskill_json_get_string (object, "section", TRUE, where, &text, error))
        return FALSE;
      if (!(claim->section = find_section (self, text)))
        {
          g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_UNKNOWN_REFERENCE,
                       _("%s: “section”: unknown section “%s”"), where, text);
          return FALSE;
        }

      if (!get_translated_text (object, "text", FALSE, "claim", where, &claim->text, error) ||
          !get_text (object, "quote", FALSE, where, &claim->quote, error) ||
          !load_audience (claim, object, where, error) ||
          !load_claim_areas (self, claim, object, where, error) ||
          !upskill_json_get_int (object, "strength", TRUE, 1, 3, where, &strength, error))
        return FALSE;
      claim->strength = strength;

      if (claim->kind == UPSKILL_CLAIM_FIGURE && !load_figure (claim, object, where, error))
        return FALSE;
    }

  return TRUE;
}

static void
compute_demand_signals (UpskillTrends *self)
{
  guint n_areas = upskill_catalog_get_n_areas (self->catalog);
  double strongest = 0.0;

  self->demand_signals = g_new0 (double, n_areas);

  for (guint i = 0; i < self->claims->len; i++)
    {
      UpskillClaim *claim = g_ptr_array_index (self->claims, i);

      for (guint j = 0; j < claim->areas->len; j++)
        {
          UpskillArea *area = g_ptr_array_index (claim->areas, j);

          self->demand_signals[area->index] += claim->strength * claim_kind_weights[claim->kind];
        }
    }

  for (guint a = 0; a < n_areas; a++)
    strongest = MAX (strongest, self->demand_signals[a]);

  for (guint a = 0; a < n_areas; a++)
    self->demand_signals[a] = strongest > 0 ? self->demand_signals[a] / strongest : 0.0;
}

UpskillTrends *
upskill_trends_new_from_bytes (GBytes          *bytes,
                               const char      *display_name,
                               UpskillCatalog  *catalog,
                               GError         **error)
{
  g_autoptr(UpskillTrends) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonObject *source;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (UPSKILL_IS_CATALOG (catalog), NULL);

  if (!(root = upskill_json_parse_bytes (bytes, display_name, error)))
    return NULL;

  if (!(object = upskill_json_check_header (root, display_name, UPSKILL_TRENDS_FORMAT,
                                            UPSKILL_TRENDS_VERSION, NULL, error)))
    return NULL;

  where = g_strdup_printf (_("Could not read “%s”"), display_name);
  self = g_object_new (UPSKILL_TYPE_TRENDS, NULL);
  self->catalog = g_object_ref (catalog);

  if (!(source = upskill_json_get_object (object, "source", TRUE, where, error)))
    return NULL;

  {
    g_autofree char *source_where = g_strdup_printf ("%s: source", where);

    if (!get_text (source, "title", FALSE, source_where, &self->source_title, error))
      return NULL;
  }

  if (!load_sections (self, object, where, error) ||
      !load_claims (self, object, where, error))
    return NULL;

  compute_demand_signals (self);

  return g_steal_pointer (&self);
}

UpskillTrends *
upskill_trends_new_bundled (UpskillCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  UpskillTrends *trends;

  bytes = g_resources_lookup_data ("/com/example/Upskill/data/trends.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The bundled trends are missing: %s", error->message);

  trends = upskill_trends_new_from_bytes (bytes, "trends.json", catalog, &error);
  if (trends == NULL)
    g_error ("The bundled trends are invalid: %s", error->message);

  return trends;
}

UpskillCatalog *
upskill_trends_get_catalog (UpskillTrends *self)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), NULL);

  return self->catalog;
}

const char *
upskill_trends_get_source_title (UpskillTrends *self)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), NULL);

  return self->source_title;
}

guint
upskill_trends_get_n_sections (UpskillTrends *self)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), 0);

  return self->sections->len;
}

UpskillSection *
upskill_trends_get_section (UpskillTrends *self,
                            guint          index)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, index);
}

guint
upskill_trends_get_n_claims (UpskillTrends *self)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), 0);

  return self->claims->len;
}

UpskillClaim *
upskill_trends_get_claim (UpskillTrends *self,
                          guint          index)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);

  return g_ptr_array_index (self->claims, index);
}

UpskillClaim *
upskill_trends_find_claim (UpskillTrends *self,
                           const char    *id)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), NULL);

  for (guint i = 0; i < self->claims->len; i++)
    {
      UpskillClaim *claim = g_ptr_array_index (self->claims, i);

      if (g_strcmp0 (claim->id, id) == 0)
        return claim;
    }

  return NULL;
}

const char *
upskill_trends_get_origin_url (UpskillTrends *self)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), NULL);

  return self->origin_url;
}

gint64
upskill_trends_get_fetched (UpskillTrends *self)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), 0);

  return self->fetched;
}

void
upskill_trends_set_origin (UpskillTrends *self,
                           const char    *url,
                           gint64         fetched)
{
  g_return_if_fail (UPSKILL_IS_TRENDS (self));

  g_free (self->origin_url);
  self->origin_url = g_strdup (url);
  self->fetched = fetched;
}

double
upskill_trends_get_demand_signal (UpskillTrends *self,
                                  UpskillArea   *area)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), 0.0);
  g_return_val_if_fail (area != NULL, 0.0);
  g_return_val_if_fail (area->index < upskill_catalog_get_n_areas (self->catalog), 0.0);

  return self->demand_signals[area->index];
}

static int
compare_claim_strength (gconstpointer a,
                        gconstpointer b)
{
  const UpskillClaim *claim_a = *(UpskillClaim * const *)a;
  const UpskillClaim *claim_b = *(UpskillClaim * const *)b;

  return (int)claim_b->strength - (int)claim_a->strength;
}

GPtrArray *
upskill_trends_get_area_claims (UpskillTrends *self,
                                UpskillArea   *area)
{
  GPtrArray *claims;

  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  claims = g_ptr_array_new ();
  for (guint i = 0; i < self->claims->len; i++)
    {
      UpskillClaim *claim = g_ptr_array_index (self->claims, i);

      if (g_ptr_array_find (claim->areas, area, NULL))
        g_ptr_array_add (claims, claim);
    }

  /* The sort is stable: ties keep the order of the data. */
  g_ptr_array_sort (claims, compare_claim_strength);

  return claims;
}

const char *
upskill_claim_kind_to_string (UpskillClaimKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (claim_kinds), NULL);

  return claim_kinds[kind];
}

const char *
upskill_claim_kind_get_label (UpskillClaimKind kind)
{
  static const char * const labels[] = {
    N_("Figure"), N_("Fact"), N_("Strategy"), N_("Advice"), N_("Opinion"), N_("Prediction"),
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (labels), NULL);

  return _(labels[kind]);
}

UpskillDemand
upskill_demand_from_signal (double signal)
{
  if (signal >= 0.75)
    return UPSKILL_DEMAND_STRONG;
  if (signal >= 0.4)
    return UPSKILL_DEMAND_MODERATE;
  if (signal > 0)
    return UPSKILL_DEMAND_SOME;

  return UPSKILL_DEMAND_NONE;
}

const char *
upskill_demand_get_label (UpskillDemand demand)
{
  static const char * const labels[] = {
    N_("No demand signal"), N_("Some demand"), N_("Moderate demand"), N_("Strong demand"),
  };

  g_return_val_if_fail (demand < G_N_ELEMENTS (labels), NULL);

  return _(labels[demand]);
}

const char *
upskill_demand_get_adjective (UpskillDemand demand)
{
  static const char * const adjectives[] = {
    N_("little"), N_("some"), N_("moderate"), N_("strong"),
  };

  g_return_val_if_fail (demand < G_N_ELEMENTS (adjectives), NULL);

  return _(adjectives[demand]);
}

/* Groups of three with a comma, as the article (and the C locale's
 * untranslated program) writes numbers: "14,000". */
static char *
dup_english_number (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  const char *start = digits[0] == '-' ? digits + 1 : digits;
  gsize n_digits = strlen (start);
  GString *grouped = g_string_new_len (digits, start - digits);

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, start[i]);
    }

  return g_string_free (grouped, FALSE);
}

char *
upskill_trends_format_number (gint64 value)
{
  const char *separator = nl_langinfo (THOUSEP);

  /* printf's "'" groups the digits as the locale does (14.000, 14,000,
   * 14 000, Indian lakhs); the C locale does not group at all. */
  if (separator != NULL && *separator != '\0')
    return g_strdup_printf ("%'" G_GINT64_FORMAT, value);

  return dup_english_number (value);
}

char *
upskill_figure_format_display (const UpskillFigure *figure)
{
  g_autofree char *english = NULL;
  g_autofree char *article_display = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  /* A figure written some other way ("$1.2 billion" in a feed) cannot be
   * rebuilt from its value: it stays as written. */
  english = dup_english_number (figure->value);
  article_display = g_strdup_printf ("%s%s%s", figure->approximate ? "~" : "", english,
                                     figure->at_least ? "+" : "");
  if (g_strcmp0 (article_display, figure->display) != 0)
    return g_strdup (figure->display);

  number = upskill_trends_format_number (figure->value);

  return g_strdup_printf ("%s%s%s", figure->approximate ? "~" : "", number,
                          figure->at_least ? "+" : "");
}
