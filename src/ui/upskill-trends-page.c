/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-format.h"
#include "upskill-accessible.h"
#include "upskill-claim-object.h"
#include "upskill-claim-row.h"
#include "upskill-wrap.h"
#include "upskill-layoffs-chart.h"
#include "upskill-readiness.h"
#include "upskill-trends-page.h"
#include "upskill-url.h"

/* The page turns the article's claims into groups a reader takes in at a
 * glance. Every claim lands in exactly one group; each group is a
 * GtkFilterListModel over the claims that pass the user's filters, so the
 * filters act on the whole page. */
typedef enum
{
  GROUP_HEADLINE,
  GROUP_LAYOFFS,
  GROUP_MONEY,
  GROUP_DEVELOPER,
  GROUP_FOUNDER,
  GROUP_RISKS,
  GROUP_PREDICTIONS,
  GROUP_CONTEXT,
  N_GROUPS
} ClaimGroup;

/* The section of the article whose claims are its editor's warnings. */
#define RISKS_SECTION_ID "editors-note"

#define KIND_ALL (-1)

typedef enum
{
  AUDIENCE_ALL,
  AUDIENCE_DEVELOPER,
  AUDIENCE_FOUNDER,
  N_AUDIENCE_FILTERS
} AudienceFilter;

static const char * const audience_filter_ids[] = { "all", "developer", "founder" };

typedef struct _UpskillTrendsPage UpskillTrendsPage;

typedef struct
{
  UpskillTrendsPage  *page;
  ClaimGroup          group;
  GtkFilterListModel *model;
} GroupView;

/* One area of "Skills in demand". */
typedef struct
{
  char        *area_id;
  GtkLabel    *status;
  GtkLevelBar *demand;
  GtkWidget   *button;
} AreaView;

struct _UpskillTrendsPage
{
  UpskillPage         parent_instance;

  char               *feed_error;  /* why the last feed check failed, or NULL */

  /* Every claim, as UpskillClaimObject; the same store across updates. */
  GListStore         *claims;
  GtkCustomFilter    *user_filter;
  GtkFilterListModel *filtered;
  GroupView           groups[N_GROUPS];
  int                 kind_filter;     /* UpskillClaimKind or KIND_ALL */
  AudienceFilter      audience_filter;

  /* Where claims go, for the trends shown now. */
  UpskillClaim       *headline;
  UpskillSection     *table_section;

  GPtrArray          *areas;           /* AreaView* */

  /* Template widgets */
  GtkStack           *stack;
  GtkLabel           *source_label;
  GtkLabel           *feed_error_label;
  GtkWidget          *headline_group;
  GtkListBox         *headline_list;
  GtkMenuButton      *kind_button;
  GtkMenuButton      *audience_button;
  GtkWidget          *show_all_button;
  GtkLabel           *count_label;
  GtkWidget          *layoffs_group;
  UpskillLayoffsChart *layoffs_chart;
  GtkListBox         *layoffs_list;
  GtkWidget          *money_group;
  GtkListBox         *money_list;
  GtkWidget          *skills_group;
  GtkBox             *areas_box;
  GtkWidget          *you_group;
  GtkWidget          *developer_box;
  GtkListBox         *developer_list;
  GtkWidget          *founder_box;
  GtkListBox         *founder_list;
  GtkWidget          *risks_group;
  /* The groups below the first screen ("later-shown"). */
  GtkWidget          *later_box;
  GtkListBox         *risks_list;
  GtkWidget          *predictions_group;
  GtkListBox         *predictions_list;
  GtkWidget          *context_group;
  GtkListBox         *context_list;
  GtkWidget          *no_match_page;
};

G_DEFINE_FINAL_TYPE (UpskillTrendsPage, upskill_trends_page, UPSKILL_TYPE_PAGE)

enum {
  PROP_0,
  PROP_KIND_FILTER,
  PROP_AUDIENCE_FILTER,
  PROP_FEED_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  AREA_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
area_view_free (AreaView *view)
{
  g_free (view->area_id);
  g_free (view);
}

/* ---------------------------------------------------------------- */
/* Claims into groups, and the user's filters                        */
/* ---------------------------------------------------------------- */

static ClaimGroup
claim_get_group (UpskillTrendsPage *self,
                 UpskillClaim      *claim)
{
  if (claim == self->headline)
    return GROUP_HEADLINE;
  if (claim->kind == UPSKILL_CLAIM_FIGURE && claim->figure != NULL &&
      claim->section == self->table_section)
    return GROUP_LAYOFFS;
  if (claim->kind == UPSKILL_CLAIM_STRATEGY)
    return GROUP_MONEY;
  if (claim->kind == UPSKILL_CLAIM_PREDICTION)
    return GROUP_PREDICTIONS;
  if (g_str_equal (claim->section->id, RISKS_SECTION_ID))
    return GROUP_RISKS;
  if (claim->audience & UPSKILL_AUDIENCE_DEVELOPER)
    return GROUP_DEVELOPER;
  if (claim->audience & UPSKILL_AUDIENCE_FOUNDER)
    return GROUP_FOUNDER;

  return GROUP_CONTEXT;
}

static gboolean
claim_matches_kind (UpskillClaim *claim,
                    int           kind_filter)
{
  return kind_filter == KIND_ALL || (int) claim->kind == kind_filter;
}

static gboolean
claim_matches_audience (UpskillClaim   *claim,
                        AudienceFilter  audience_filter)
{
  switch (audience_filter)
    {
    case AUDIENCE_DEVELOPER:
      return (claim->audience & UPSKILL_AUDIENCE_DEVELOPER) != 0;
    case AUDIENCE_FOUNDER:
      return (claim->audience & UPSKILL_AUDIENCE_FOUNDER) != 0;
    case AUDIENCE_ALL:
    case N_AUDIENCE_FILTERS:
    default:
      return TRUE;
    }
}

static gboolean
user_filter_match (gpointer item,
                   gpointer user_data)
{
  UpskillTrendsPage *self = user_data;
  UpskillClaim *claim = upskill_claim_object_get_claim (item);

  return claim_matches_kind (claim, self->kind_filter) &&
         claim_matches_audience (claim, self->audience_filter);
}

static gboolean
group_filter_match (gpointer item,
                    gpointer user_data)
{
  GroupView *view = user_data;

  return claim_get_group (view->page, upskill_claim_object_get_claim (item)) == view->group;
}

static GtkWidget *
create_claim_row (gpointer item,
                  gpointer user_data)
{
  GroupView *view = user_data;
  UpskillClaimRowStyle style = UPSKILL_CLAIM_ROW_DEFAULT;

  if (view->group == GROUP_HEADLINE)
    style = UPSKILL_CLAIM_ROW_HEADLINE;
  else if (view->group == GROUP_LAYOFFS)
    style = UPSKILL_CLAIM_ROW_FIGURE;

  return upskill_claim_row_new (item, style);
}

static gboolean
filters_active (UpskillTrendsPage *self)
{
  return self->kind_filter != KIND_ALL || self->audience_filter != AUDIENCE_ALL;
}

static guint
group_n_items (UpskillTrendsPage *self,
               ClaimGroup         group)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->groups[group].model));
}

static gboolean
later_box_has_content (UpskillTrendsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->later_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      return TRUE;

  return FALSE;
}

static void
update_visibility (UpskillTrendsPage *self)
{
  guint n_claims = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean developer = group_n_items (self, GROUP_DEVELOPER) > 0;
  gboolean founder = group_n_items (self, GROUP_FOUNDER) > 0;
  g_autofree char *count = NULL;

  if (self->stack == NULL)
    return;

  gtk_widget_set_visible (self->headline_group, group_n_items (self, GROUP_HEADLINE) > 0);
  gtk_widget_set_visible (self->layoffs_group, group_n_items (self, GROUP_LAYOFFS) > 0);
  gtk_widget_set_visible (self->money_group, group_n_items (self, GROUP_MONEY) > 0);
  gtk_widget_set_visible (self->developer_box, developer);
  gtk_widget_set_visible (self->founder_box, founder);
  gtk_widget_set_visible (self->you_group, developer || founder);
  gtk_widget_set_visible (self->risks_group, group_n_items (self, GROUP_RISKS) > 0);
  gtk_widget_set_visible (self->predictions_group, group_n_items (self, GROUP_PREDICTIONS) > 0);
  gtk_widget_set_visible (self->context_group, group_n_items (self, GROUP_CONTEXT) > 0);
  /* The areas are not claims: while the reader filters claims, the
   * results come first. */
  gtk_widget_set_visible (self->skills_group, self->areas->len > 0 && !filters_active (self));
  gtk_widget_set_visible (self->no_match_page, n_claims > 0 && n_shown == 0);
  gtk_widget_set_visible (self->later_box,
                          upskill_page_get_later_shown (UPSKILL_PAGE (self)) && later_box_has_content (self));

  if (filters_active (self))
    /* Translators: how many of the article's claims the filters show */
    count = g_strdup_printf (ngettext ("Showing %u of %u claim", "Showing %u of %u claims", n_claims),
                             n_shown, n_claims);
  else
    count = g_strdup_printf (ngettext ("%u claim from the article, each with its kind and section",
                                       "%u claims from the article, each with its kind and section",
                                       n_claims),
                             n_claims);
  gtk_label_set_text (self->count_label, count);
}

static void
on_model_items_changed (UpskillTrendsPage *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *model)
{
  update_visibility (self);
}

/* ---------------------------------------------------------------- */
/* Filter menus                                                      */
/* ---------------------------------------------------------------- */

static const char *
kind_get_plural_label (int kind)
{
  static const char * const labels[] = {
    N_("Figures"), N_("Facts"), N_("Strategy"), N_("Advice"), N_("Opinions"), N_("Predictions"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == UPSKILL_N_CLAIM_KINDS);

  if (kind == KIND_ALL)
    return _("All kinds");

  return _(labels[kind]);
}

static const char *
audience_filter_get_label (AudienceFilter filter)
{
  static const char * const labels[] = {
    N_("All audiences"), N_("For developers"), N_("For founders"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == N_AUDIENCE_FILTERS);

  return _(labels[filter]);
}

static void
append_filter_item (GMenu      *menu,
                    const char *label,
                    guint       count,
                    const char *action,
                    const char *target)
{
  /* Translators: a filter and how many claims it shows, e.g. "Opinions (20)" */
  g_autofree char *text = g_strdup_printf (_("%s (%u)"), label, count);
  g_autoptr(GMenuItem) item = g_menu_item_new (text, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  g_menu_append_item (menu, item);
}

/* The menus count the claims each choice would show with the other
 * filter as it is, so a choice that shows nothing is visible up front. */
static void
update_filter_menus (UpskillTrendsPage *self)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  g_autoptr(GMenu) kind_menu = g_menu_new ();
  g_autoptr(GMenu) audience_menu = g_menu_new ();
  guint kind_counts[UPSKILL_N_CLAIM_KINDS] = { 0 };
  guint audience_counts[N_AUDIENCE_FILTERS] = { 0 };
  guint n_kind_all = 0;
  guint n = trends != NULL ? upskill_trends_get_n_claims (trends) : 0;

  for (guint i = 0; i < n; i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);

      if (claim_matches_audience (claim, self->audience_filter))
        {
          kind_counts[claim->kind]++;
          n_kind_all++;
        }

      if (claim_matches_kind (claim, self->kind_filter))
        for (guint a = 0; a < N_AUDIENCE_FILTERS; a++)
          if (claim_matches_audience (claim, a))
            audience_counts[a]++;
    }

  append_filter_item (kind_menu, kind_get_plural_label (KIND_ALL), n_kind_all, "trends.kind", "all");
  for (guint k = 0; k < UPSKILL_N_CLAIM_KINDS; k++)
    append_filter_item (kind_menu, kind_get_plural_label (k), kind_counts[k],
                        "trends.kind", upskill_claim_kind_to_string (k));

  for (guint a = 0; a < N_AUDIENCE_FILTERS; a++)
    append_filter_item (audience_menu, audience_filter_get_label (a), audience_counts[a],
                        "trends.audience", audience_filter_ids[a]);

  gtk_menu_button_set_menu_model (self->kind_button, G_MENU_MODEL (kind_menu));
  gtk_menu_button_set_label (self->kind_button, kind_get_plural_label (self->kind_filter));
  gtk_menu_button_set_menu_model (self->audience_button, G_MENU_MODEL (audience_menu));
  gtk_menu_button_set_label (self->audience_button, audience_filter_get_label (self->audience_filter));

  gtk_widget_set_visible (self->show_all_button, filters_active (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.show-all", filters_active (self));
}

/* A row about to be filtered out or rebuilt may hold the keyboard focus:
 * hand it to the filter menu first, which stays. With the focus inside a
 * widget that gets hidden, GTK 4.8 keeps that widget alive after the page
 * is gone, and with it every claim (the kind-filter test checks this). */
static void
move_focus_out_of_claims (UpskillTrendsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_BOX (w) || w == GTK_WIDGET (self->areas_box))
      {
        if (!gtk_widget_grab_focus (GTK_WIDGET (self->kind_button)))
          gtk_root_set_focus (root, NULL);
        return;
      }
}

static void
filters_changed (UpskillTrendsPage *self)
{
  move_focus_out_of_claims (self);
  gtk_filter_changed (GTK_FILTER (self->user_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_filter_menus (self);
  update_visibility (self);
}

static const char *
get_kind_filter_string (UpskillTrendsPage *self)
{
  if (self->kind_filter == KIND_ALL)
    return "all";

  return upskill_claim_kind_to_string (self->kind_filter);
}

static void
set_kind_filter (UpskillTrendsPage *self,
                 const char        *id)
{
  int kind = KIND_ALL;

  for (int k = 0; k < UPSKILL_N_CLAIM_KINDS && id != NULL; k++)
    if (g_str_equal (id, upskill_claim_kind_to_string (k)))
      kind = k;

  if (kind == self->kind_filter)
    return;

  self->kind_filter = kind;
  filters_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_FILTER]);
}

static void
set_audience_filter (UpskillTrendsPage *self,
                     const char        *id)
{
  AudienceFilter filter = AUDIENCE_ALL;

  for (guint a = 0; a < N_AUDIENCE_FILTERS && id != NULL; a++)
    if (g_str_equal (id, audience_filter_ids[a]))
      filter = a;

  if (filter == self->audience_filter)
    return;

  self->audience_filter = filter;
  filters_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIENCE_FILTER]);
}

static void
show_all_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UpskillTrendsPage *self = UPSKILL_TRENDS_PAGE (widget);

  set_kind_filter (self, "all");
  set_audience_filter (self, "all");
}

/* ---------------------------------------------------------------- */
/* Source line                                                       */
/* ---------------------------------------------------------------- */

static void
update_feed_error (UpskillTrendsPage *self)
{
  const char *feed_error = self->feed_error;

  if (self->feed_error_label == NULL)
    return;

  gtk_label_set_text (self->feed_error_label, feed_error != NULL ? feed_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->feed_error_label), feed_error != NULL && feed_error[0] != '\0');
}

static void
set_feed_error (UpskillTrendsPage *self,
                const char        *feed_error)
{
  if (g_strcmp0 (self->feed_error, feed_error) == 0)
    return;

  g_free (self->feed_error);
  self->feed_error = g_strdup (feed_error);
  update_feed_error (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED_ERROR]);
}

static void
update_source (UpskillTrendsPage *self)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  g_autofree char *text = NULL;
  const char *url;

  if (trends == NULL)
    {
      gtk_label_set_text (self->source_label, "");
      return;
    }

  url = upskill_trends_get_origin_url (trends);
  if (url == NULL)
    {
      /* Translators: where the trend data comes from: the article bundled
       * with the program, by its title */
      text = g_strdup_printf (_("Source: bundled article “%s”"),
                              upskill_trends_get_source_title (trends));
    }
  else
    {
      g_autoptr(GDateTime) fetched = g_date_time_new_from_unix_local (upskill_trends_get_fetched (trends));
      g_autofree char *date = fetched != NULL ? g_date_time_format (fetched, "%x %H:%M") : g_strdup ("?");
      g_autofree char *shown = upskill_url_dup_display (url);

      /* Translators: where the trend data comes from: the feed's URL and
       * when it was fetched; then the article's title */
      text = g_strdup_printf (_("Source: %s, fetched %s — “%s”"), shown, date,
                              upskill_trends_get_source_title (trends));
    }

  gtk_label_set_text (self->source_label, text);
}

/* ---------------------------------------------------------------- */
/* Skills in demand                                                  */
/* ---------------------------------------------------------------- */

static UpskillCatalog *
get_catalog (UpskillTrendsPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));

  if (catalog != NULL)
    return catalog;
  if (trends != NULL)
    return upskill_trends_get_catalog (trends);

  return NULL;
}

static char *
area_dup_status (UpskillTrendsPage *self,
                 UpskillArea       *area,
                 double             signal)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autofree char *readiness = NULL;

  if (profile == NULL)
    readiness = g_strdup (_("No profile selected"));
  else
    {
      double percent = upskill_compute_area_readiness (profile, get_catalog (self), area);

      if (percent < 0)
        readiness = g_strdup (_("no target in this area"));
      else
        {
          g_autofree char *shown = upskill_format_percent (percent);

          /* Translators: the selected profile's readiness in an area: "you are at 40%" */
          readiness = g_strdup_printf (_("you are at %s"), shown);
        }
    }

  /* Translators: an area's demand and the profile's readiness, e.g.
   * "Strong demand · you are at 40%" */
  return g_strdup_printf (_("%s · %s"), upskill_demand_get_label (upskill_demand_from_signal (signal)), readiness);
}

static void
update_area_status (UpskillTrendsPage *self)
{
  UpskillCatalog *catalog = get_catalog (self);

  for (guint i = 0; i < self->areas->len && catalog != NULL; i++)
    {
      AreaView *view = g_ptr_array_index (self->areas, i);
      UpskillArea *area = upskill_catalog_find_area (catalog, view->area_id);
      g_autofree char *status = NULL;
      g_autofree char *tooltip = NULL;

      if (area == NULL)
        continue;

      status = area_dup_status (self, area, gtk_level_bar_get_value (view->demand));
      gtk_label_set_text (view->status, status);

      /* Translators: the button of an area in "Skills in demand" */
      tooltip = g_strdup_printf (_("Open %s in Skills"), area->name);
      gtk_widget_set_tooltip_text (view->button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view->button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                      -1);
    }
}

static void
on_area_clicked (UpskillTrendsPage *self,
                 GtkButton         *button)
{
  const char *area_id = g_object_get_data (G_OBJECT (button), "area-id");

  g_assert (area_id != NULL);

  g_signal_emit (self, signals[AREA_ACTIVATED], 0, area_id);
}

/* Wrapped text beside another widget sits in a grid, not a horizontal
 * box: GTK 4.8's box finds its height by laying the text out at one
 * width after another. */
static GtkWidget *
new_area_quote (UpskillClaim *claim)
{
  GtkWidget *row = gtk_grid_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *quote = NULL;
  GtkWidget *label;

  gtk_grid_set_column_spacing (GTK_GRID (row), 10);
  gtk_grid_attach (GTK_GRID (row), upskill_claim_kind_badge_new (claim->kind), 0, 0, 1, 1);

  quote = g_strdup_printf (_("“%s”"), claim->quote);
  label = gtk_label_new (quote);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "claim-quote");
  gtk_box_append (GTK_BOX (texts), label);

  label = gtk_label_new (claim->section->title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (texts), label);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_grid_attach (GTK_GRID (row), texts, 1, 0, 1, 1);

  return row;
}

/* The two strongest claims are shown; the rest fold into an expander. */
#define AREA_QUOTES_SHOWN 2

static GtkWidget *
new_area_card (UpskillTrendsPage *self,
               UpskillArea       *area,
               double             signal,
               GPtrArray         *claims)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *header = gtk_grid_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *quotes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *more = NULL;
  GtkWidget *label, *status, *demand, *arrow;
  AreaView *view;
  g_autofree char *demand_label = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "area-card");

  label = gtk_label_new (area->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (texts), label);

  demand = gtk_level_bar_new_for_interval (0.0, 1.0);
  /* One color for every level: low demand is not a warning. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (demand), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (demand), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (demand), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (demand), signal);
  gtk_widget_add_css_class (demand, "demand-bar");
  /* Translators: accessible name of an area's demand bar, e.g. "Demand for Python" */
  demand_label = g_strdup_printf (_("Demand for %s"), area->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (demand),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, demand_label,
                                  -1);
  gtk_box_append (GTK_BOX (texts), demand);

  status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_widget_set_name (status, "area-status");
  gtk_widget_add_css_class (status, "area-status");
  gtk_box_append (GTK_BOX (texts), status);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (header), 12);
  gtk_grid_attach (GTK_GRID (header), texts, 0, 0, 1, 1);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (header), arrow, 1, 0, 1, 1);

  gtk_button_set_child (GTK_BUTTON (button), header);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "area-header");
  upskill_accessible_set_label (button, area->name);
  g_object_set_data_full (G_OBJECT (button), "area-id", g_strdup (area->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_area_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (card), button);

  gtk_widget_add_css_class (quotes, "area-claims");
  if (claims->len == 0)
    {
      label = gtk_label_new (_("No claim of the article points at this area."));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (quotes), label);
    }

  for (guint i = 0; i < claims->len; i++)
    {
      GtkWidget *quote = new_area_quote (g_ptr_array_index (claims, i));

      if (i < AREA_QUOTES_SHOWN)
        {
          gtk_box_append (GTK_BOX (quotes), quote);
          continue;
        }

      if (more == NULL)
        {
          guint n_more = claims->len - AREA_QUOTES_SHOWN;
          g_autofree char *title = g_strdup_printf (ngettext ("%u more claim", "%u more claims", n_more),
                                                    n_more);
          GtkWidget *expander = gtk_expander_new (title);

          more = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
          gtk_widget_set_margin_top (more, 12);
          gtk_expander_set_child (GTK_EXPANDER (expander), more);
          gtk_box_append (GTK_BOX (quotes), expander);
        }
      gtk_box_append (GTK_BOX (more), quote);
    }
  gtk_box_append (GTK_BOX (card), quotes);

  view = g_new0 (AreaView, 1);
  view->area_id = g_strdup (area->id);
  view->status = GTK_LABEL (status);
  view->demand = GTK_LEVEL_BAR (demand);
  view->button = button;
  g_ptr_array_add (self->areas, view);

  upskill_wrap_set_min_chars (card);

  return card;
}

typedef struct
{
  UpskillArea *area;
  double       signal;
} AreaSignal;

static int
compare_area_signal (gconstpointer a,
                     gconstpointer b)
{
  const AreaSignal *area_a = a;
  const AreaSignal *area_b = b;

  if (area_a->signal != area_b->signal)
    return area_a->signal < area_b->signal ? 1 : -1;

  return (int) area_a->area->index - (int) area_b->area->index;
}

static void
rebuild_areas (UpskillTrendsPage *self)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  UpskillCatalog *trends_catalog;
  g_autoptr(GArray) signals_by_area = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_box))))
    gtk_box_remove (self->areas_box, child);
  g_ptr_array_set_size (self->areas, 0);

  if (trends == NULL)
    return;

  /* The claims know the areas of the catalog the trends were loaded with. */
  trends_catalog = upskill_trends_get_catalog (trends);
  signals_by_area = g_array_new (FALSE, FALSE, sizeof (AreaSignal));
  for (guint i = 0; i < upskill_catalog_get_n_areas (trends_catalog); i++)
    {
      AreaSignal entry;

      entry.area = upskill_catalog_get_area (trends_catalog, i);
      entry.signal = upskill_trends_get_demand_signal (trends, entry.area);
      g_array_append_val (signals_by_area, entry);
    }

  /* Strongest demand first: the order a reader should act in. */
  g_array_sort (signals_by_area, compare_area_signal);

  for (guint i = 0; i < signals_by_area->len; i++)
    {
      AreaSignal *entry = &g_array_index (signals_by_area, AreaSignal, i);
      g_autoptr(GPtrArray) claims = upskill_trends_get_area_claims (trends, entry->area);

      gtk_box_append (self->areas_box, new_area_card (self, entry->area, entry->signal, claims));
    }

  update_area_status (self);
}

/* ---------------------------------------------------------------- */
/* Rebuilding from the trends                                        */
/* ---------------------------------------------------------------- */

static void
find_landmarks (UpskillTrendsPage *self)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  guint n = upskill_trends_get_n_claims (trends);
  g_autoptr(GHashTable) figures_per_section = g_hash_table_new (NULL, NULL);
  guint most = 0;

  self->headline = NULL;
  self->table_section = NULL;

  /* The headline is the article's first figure… */
  for (guint i = 0; i < n && self->headline == NULL; i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);

      if (claim->kind == UPSKILL_CLAIM_FIGURE && claim->figure != NULL)
        self->headline = claim;
    }

  /* …and the chart shows the section with the most other figures: the
   * article's table of layoffs. */
  for (guint i = 0; i < n; i++)
    {
      UpskillClaim *claim = upskill_trends_get_claim (trends, i);
      guint count;

      if (claim == self->headline || claim->kind != UPSKILL_CLAIM_FIGURE || claim->figure == NULL)
        continue;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (figures_per_section, claim->section)) + 1;
      g_hash_table_insert (figures_per_section, claim->section, GUINT_TO_POINTER (count));
      if (count > most)
        {
          most = count;
          self->table_section = claim->section;
        }
    }
}

static void
rebuild (UpskillTrendsPage *self)
{
  UpskillTrends *trends = upskill_page_get_trends (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->claims));

  move_focus_out_of_claims (self);

  if (trends != NULL)
    {
      find_landmarks (self);
      for (guint i = 0; i < upskill_trends_get_n_claims (trends); i++)
        g_ptr_array_add (items, upskill_claim_object_new (trends,
                                                          upskill_trends_get_claim (trends, i)));
    }
  else
    {
      self->headline = NULL;
      self->table_section = NULL;
    }

  g_list_store_splice (self->claims, 0, n_old, items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, trends != NULL ? "content" : "empty");
  update_source (self);
  rebuild_areas (self);
  update_filter_menus (self);
  update_visibility (self);
}

/* ---------------------------------------------------------------- */
/* UpskillPage                                                       */
/* ---------------------------------------------------------------- */

static void
upskill_trends_page_catalog_changed (UpskillPage *page)
{
  UpskillTrendsPage *self = UPSKILL_TRENDS_PAGE (page);

  rebuild_areas (self);
  update_visibility (self);
}

static void
upskill_trends_page_trends_changed (UpskillPage *page)
{
  rebuild (UPSKILL_TRENDS_PAGE (page));
}

/* Another profile or the same one modified: only the readiness in each
 * area of "Skills in demand" depends on it. */
static void
upskill_trends_page_profile_changed (UpskillPage *page)
{
  update_area_status (UPSKILL_TRENDS_PAGE (page));
}

/* ---------------------------------------------------------------- */
/* GObject                                                           */
/* ---------------------------------------------------------------- */

static void
upskill_trends_page_dispose (GObject *object)
{
  UpskillTrendsPage *self = (UpskillTrendsPage *)object;

  g_clear_pointer (&self->feed_error, g_free);

  /* Through AdwBin, so that it forgets its child before the template
   * drops it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_TRENDS_PAGE);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      if (self->groups[i].model != NULL)
        g_signal_handlers_disconnect_by_func (self->groups[i].model, on_model_items_changed, self);
      g_clear_object (&self->groups[i].model);
    }
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, on_model_items_changed, self);
  g_clear_object (&self->filtered);
  g_clear_object (&self->user_filter);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->areas, g_ptr_array_unref);

  G_OBJECT_CLASS (upskill_trends_page_parent_class)->dispose (object);
}

static void
upskill_trends_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UpskillTrendsPage *self = UPSKILL_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND_FILTER:
      g_value_set_string (value, get_kind_filter_string (self));
      break;

    case PROP_AUDIENCE_FILTER:
      g_value_set_string (value, audience_filter_ids[self->audience_filter]);
      break;

    case PROP_FEED_ERROR:
      g_value_set_string (value, self->feed_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_trends_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UpskillTrendsPage *self = UPSKILL_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND_FILTER:
      set_kind_filter (self, g_value_get_string (value));
      break;

    case PROP_AUDIENCE_FILTER:
      set_audience_filter (self, g_value_get_string (value));
      break;

    case PROP_FEED_ERROR:
      set_feed_error (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upskill_trends_page_class_init (UpskillTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpskillPageClass *page_class = UPSKILL_PAGE_CLASS (klass);

  object_class->dispose = upskill_trends_page_dispose;
  object_class->get_property = upskill_trends_page_get_property;
  object_class->set_property = upskill_trends_page_set_property;

  page_class->catalog_changed = upskill_trends_page_catalog_changed;
  page_class->trends_changed = upskill_trends_page_trends_changed;
  page_class->profile_changed = upskill_trends_page_profile_changed;
  page_class->profile_updated = upskill_trends_page_profile_changed;

  properties[PROP_KIND_FILTER] =
    g_param_spec_string ("kind-filter", NULL, NULL,
                         "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUDIENCE_FILTER] =
    g_param_spec_string ("audience-filter", NULL, NULL,
                         "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Why the last check of the trend feed failed; NULL when it did not.
   * The window binds it to the application's. */
  properties[PROP_FEED_ERROR] =
    g_param_spec_string ("feed-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[AREA_ACTIVATED] =
    g_signal_new ("area-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_property_action (widget_class, "trends.kind", "kind-filter");
  gtk_widget_class_install_property_action (widget_class, "trends.audience", "audience-filter");
  gtk_widget_class_install_action (widget_class, "trends.show-all", NULL, show_all_activated);

  g_type_ensure (UPSKILL_TYPE_LAYOFFS_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, feed_error_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, headline_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, headline_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, kind_button);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, audience_button);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, layoffs_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, layoffs_chart);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, layoffs_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, money_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, money_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, skills_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, areas_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, you_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, developer_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, developer_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, founder_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, founder_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, risks_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, later_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, risks_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, predictions_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, predictions_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, context_group);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, context_list);
  gtk_widget_class_bind_template_child (widget_class, UpskillTrendsPage, no_match_page);
}

static void
upskill_trends_page_init (UpskillTrendsPage *self)
{
  GtkListBox *lists[N_GROUPS];

  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_wrap_set_min_chars (GTK_WIDGET (self));

  self->kind_filter = KIND_ALL;
  self->audience_filter = AUDIENCE_ALL;
  self->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_view_free);

  lists[GROUP_HEADLINE] = self->headline_list;
  lists[GROUP_LAYOFFS] = self->layoffs_list;
  lists[GROUP_MONEY] = self->money_list;
  lists[GROUP_DEVELOPER] = self->developer_list;
  lists[GROUP_FOUNDER] = self->founder_list;
  lists[GROUP_RISKS] = self->risks_list;
  lists[GROUP_PREDICTIONS] = self->predictions_list;
  lists[GROUP_CONTEXT] = self->context_list;

  self->claims = g_list_store_new (UPSKILL_TYPE_CLAIM_OBJECT);
  self->user_filter = gtk_custom_filter_new (user_filter_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->claims)),
                                              g_object_ref (GTK_FILTER (self->user_filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_model_items_changed), self);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      GroupView *view = &self->groups[i];

      view->page = self;
      view->group = i;
      view->model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                               GTK_FILTER (gtk_custom_filter_new (group_filter_match, view, NULL)));
      g_signal_connect_swapped (view->model, "items-changed", G_CALLBACK (on_model_items_changed), self);
      gtk_list_box_bind_model (lists[i], G_LIST_MODEL (view->model), create_claim_row, view, NULL);
    }

  upskill_layoffs_chart_set_model (self->layoffs_chart, G_LIST_MODEL (self->groups[GROUP_LAYOFFS].model));
  g_signal_connect (self, "notify::later-shown", G_CALLBACK (update_visibility), NULL);

  update_feed_error (self);
  rebuild (self);
}

GtkWidget *
upskill_trends_page_new (void)
{
  return g_object_new (UPSKILL_TYPE_TRENDS_PAGE, NULL);
}
