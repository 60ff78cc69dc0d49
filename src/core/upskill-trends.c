/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
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
  UpskillTrendWeight weight;
};

G_DEFINE_FINAL_TYPE (UpskillTrends, upskill_trends, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
upskill_trend_weight_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { UPSKILL_TREND_WEIGHT_NONE, "UPSKILL_TREND_WEIGHT_NONE", "none" },
        { UPSKILL_TREND_WEIGHT_SOME, "UPSKILL_TREND_WEIGHT_SOME", "some" },
        { UPSKILL_TREND_WEIGHT_STRONG, "UPSKILL_TREND_WEIGHT_STRONG", "strong" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("UpskillTrendWeight"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* "Some" lets demand lift a gap by at most half: the role's weights
 * (0.6..1.5) still decide between areas it rates apart. "Strong" lets the
 * strongest demand double a gap's priority. Neither lifts a gap above
 * those of the role's core area. */
double
upskill_trend_weight_get_factor (UpskillTrendWeight weight)
{
  switch (weight)
    {
    case UPSKILL_TREND_WEIGHT_NONE:
      return 0.0;
    case UPSKILL_TREND_WEIGHT_SOME:
      return 0.5;
    case UPSKILL_TREND_WEIGHT_STRONG:
      return 1.0;
    default:
      g_return_val_if_reached (0.5);
    }
}

UpskillTrendWeight
upskill_trends_get_weight (UpskillTrends *self)
{
  g_return_val_if_fail (UPSKILL_IS_TRENDS (self), UPSKILL_TREND_WEIGHT_DEFAULT);

  return self->weight;
}

void
upskill_trends_set_weight (UpskillTrends      *self,
                           UpskillTrendWeight  weight)
{
  g_return_if_fail (UPSKILL_IS_TRENDS (self));
  g_return_if_fail (weight <= UPSKILL_TREND_WEIGHT_STRONG);

  if (self->weight == weight)
    return;

  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}

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
upskill_trends_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UpskillTrends *self = UPSKILL_TRENDS (object);

  switch (prop_id)
    {
    case PROP_WEIGHT:
      g_value_set_enum (value, self->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_trends_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UpskillTrends *self = UPSKILL_TRENDS (object);

  switch (prop_id)
    {
    case PROP_WEIGHT:
      upskill_trends_set_weight (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_trends_class_init (UpskillTrendsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upskill_trends_finalize;
  object_class->get_property = upskill_trends_get_property;
  object_class->set_property = upskill_trends_set_property;

  properties[PROP_WEIGHT] =
    g_param_spec_enum ("weight", NULL, NULL,
                       UPSKILL_TYPE_TREND_WEIGHT, UPSKILL_TREND_WEIGHT_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upskill_trends_init (UpskillTrends *self)
{
  self->weight = UPSKILL_TREND_WEIGHT_DEFAULT;
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify)claim_free);
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

/* Refuses @array when it holds more than @max items, before any of them
 * costs more than counting. */
static gboolean
check_count (JsonArray   *array,
             guint        max,
             const char  *where,
             const char  *member,
             GError     **error)
{
  guint n = json_array_get_length (array);

  if (n <= max)
    return TRUE;

  g_set_error (error, UPSKILL_ERROR, UPSKILL_ERROR_TOO_LARGE,
               /* Translators: the first %s says where (“Could not read
                * “feeds.example.com””), the second names the list
                * (“claims”, “sections”, “areas”) */
               _("%s: “%s” holds %u items, more than the %u trend data may hold"),
               where, member, n, max);
  return FALSE;
}

static gboolean
load_sections (UpskillTrends  *self,
               JsonObject     *root,
               const char     *file_where,
               GError        **error)
{
  JsonArray *sections = upskill_json_get_array (root, "sections", TRUE, file_where, error);

  if (sections == NULL ||
      !check_count (sections, UPSKILL_TRENDS_MAX_SECTIONS, file_where, "sections", error))
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

      if (!upskill_json_dup_text (object, "id", FALSE, where, &section->id, error) ||
          !upskill_json_dup_translated_text (object, "title", FALSE, "article section", where, &section->title, error))
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

  return upskill_json_dup_text (figure_object, "subject", FALSE, figure_where, &figure->subject, error) &&
         upskill_json_dup_text (figure_object, "display", FALSE, figure_where, &figure->display, error) &&
         upskill_json_get_int (figure_object, "value", TRUE, 0, G_MAXINT64, figure_where, &figure->value, error) &&
         upskill_json_get_boolean (figure_object, "approximate", TRUE, figure_where, &figure->approximate, error) &&
         upskill_json_get_boolean (figure_object, "at_least", TRUE, figure_where, &figure->at_least, error) &&
         upskill_json_dup_translated_text (figure_object, "qualifier", TRUE, "figure qualifier",
                                           figure_where, &figure->qualifier, error) &&
         upskill_json_dup_translated_text (figure_object, "unit", FALSE, "figure unit",
                                           figure_where, &figure->unit, error) &&
         upskill_json_dup_translated_text (figure_object, "period", TRUE, "figure period",
                                           figure_where, &figure->period, error) &&
         upskill_json_dup_translated_text (figure_object, "reason", TRUE, "figure reason",
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

  if (areas == NULL ||
      !check_count (areas, UPSKILL_TRENDS_MAX_CLAIM_AREAS, where, "areas", error))
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

  if (claims == NULL ||
      !check_count (claims, UPSKILL_TRENDS_MAX_CLAIMS, file_where, "claims", error))
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

      if (!upskill_json_dup_text (object, "id", FALSE, where, &claim->id, error))
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

      if (!upskill_json_dup_translated_text (object, "text", FALSE, "claim", where, &claim->text, error) ||
          !upskill_json_dup_text (object, "quote", FALSE, where, &claim->quote, error) ||
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

    if (!upskill_json_dup_text (source, "title", FALSE, source_where, &self->source_title, error))
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

