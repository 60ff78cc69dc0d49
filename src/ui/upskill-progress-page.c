/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-date.h"
#include "upskill-format.h"
#include "upskill-icon-button.h"
#include "upskill-planner.h"
#include "upskill-accessible.h"
#include "upskill-level.h"
#include "upskill-note-dialog.h"
#include "upskill-progress.h"
#include "upskill-progress-page.h"
#include "upskill-wrap.h"
#include "upskill-readiness.h"
#include "upskill-readiness-chart.h"
#include "upskill-timeline-item.h"
#include "upskill-toast.h"

struct _UpskillProgressPage
{
  UpskillPage            parent_instance;

  guint                  refresh_source;
  GListStore            *timeline;      /* UpskillTimelineItem */
  guint                  n_timeline_shown;   /* at most, the newest */
  guint                  n_timeline_ready;   /* rows made so far, at most */
  guint                  n_timeline_events;
  guint                  timeline_fill_tick;

  GtkStack              *stack;
  GtkScrolledWindow     *scrolled_window;
  GtkLabel              *since_title_label;
  GtkLabel              *since_label;
  GtkLabel              *readiness_label;
  GtkLabel              *forecast_label;
  UpskillReadinessChart *chart;
  GtkFlowBox            *areas_box;
  GtkListBox            *timeline_list;
};

G_DEFINE_FINAL_TYPE (UpskillProgressPage, upskill_progress_page, UPSKILL_TYPE_PAGE)

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Timeline rows */

static GtkWidget *
create_change_row (UpskillProgressPage *self,
                   UpskillTimelineItem *item)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillSkill *skill = upskill_catalog_find_skill (catalog,
                                                    upskill_timeline_item_get_skill_id (item));
  guint from = MIN (upskill_timeline_item_get_from (item), UPSKILL_LEVEL_MAX);
  guint to = MIN (upskill_timeline_item_get_to (item), UPSKILL_LEVEL_MAX);
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *source = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  /* TRANSLATORS: a change of level: "SQL: Competent → Proficient" */
  title = g_strdup_printf (_("%1$s: %2$s → %3$s"),
                           skill != NULL ? skill->name : upskill_timeline_item_get_skill_id (item),
                           upskill_level_get_name (from),
                           upskill_level_get_name (to));
  day = upskill_progress_format_day (upskill_timeline_item_get_time (item), FALSE, now_unix ());
  source = upskill_progress_format_source (upskill_timeline_item_get_source (item));
  if (source != NULL)
    /* TRANSLATORS: "2 October · Completed: Use The Index, Luke!" */
    subtitle = g_strdup_printf (_("%1$s · %2$s"), day, source);
  else
    subtitle = g_steal_pointer (&day);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name (to >= from ? "go-up-symbolic" : "go-down-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "upskill-timeline-icon");
  gtk_widget_add_css_class (icon, to >= from ? "raised" : "lowered");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  to >= from ? _("Raised") : _("Lowered"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static GtkWidget *
new_detail_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  return label;
}

/* Under a note: whether the client sees it, the next session agreed,
 * and the actions agreed with how each stands. All plain text. */
static void
attach_note_details (GtkGrid           *grid,
                     const UpskillNote *note,
                     int                line)
{

  if (note->private)
    {
      GtkWidget *label = new_detail_label (_("Private: not in the report"));

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "upskill-note-private");
      gtk_grid_attach (grid, label, 0, line++, 3, 1);
    }

  for (guint i = 0; i < note->actions->len; i++)
    {
      const UpskillAction *action = g_ptr_array_index (note->actions, i);
      g_autofree char *due = action->due != 0 ? upskill_format_day_unix (action->due) : NULL;
      g_autofree char *item = NULL;
      GtkWidget *label;

      if (due != NULL && action->private && !note->private)
        /* Translators: an agreed action, its due date and status, private to the coach. */
        item = g_strdup_printf (_("%s · due %s · %s · private"), action->text, due,
                                upskill_action_status_get_label (action->status));
      else if (due != NULL)
        /* Translators: an agreed action, its due date and its status. */
        item = g_strdup_printf (_("%s · due %s · %s"), action->text, due,
                                upskill_action_status_get_label (action->status));
      else if (action->private && !note->private)
        /* Translators: an agreed action and its status, private to the coach. */
        item = g_strdup_printf (_("%s · %s · private"), action->text,
                                upskill_action_status_get_label (action->status));
      else
        /* Translators: an agreed action and its status. */
        item = g_strdup_printf (_("%s · %s"), action->text,
                                upskill_action_status_get_label (action->status));

      label = new_detail_label (item);
      gtk_widget_add_css_class (label, "upskill-note-action");
      if (action->status != UPSKILL_ACTION_OPEN)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (grid, label, 0, line++, 3, 1);
    }

  if (note->next_session != 0)
    {
      UpskillNote next = { .date = note->next_session };
      g_autofree char *when = upskill_format_session (&next);
      g_autofree char *text = g_strdup_printf (_("Next session: %s"), when);
      GtkWidget *label = new_detail_label (text);

      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (grid, label, 0, line++, 3, 1);
    }
}

static GtkWidget *
create_note_row (UpskillProgressPage *self,
                 UpskillTimelineItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* A grid, not a horizontal box: GTK 4.8's box finds the height of
   * wrapped text beside the icon by laying it out at one width after
   * another. */
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  GtkWidget *title;
  GtkWidget *text;
  const char *note_id = upskill_timeline_item_get_note_id (item);
  g_autofree char *day = NULL;
  g_autofree char *heading = NULL;

  {
    gint64 time = upskill_timeline_item_get_time (item);
    UpskillNote probe = { .date = time };

    day = upskill_note_has_time (&probe)
          ? upskill_format_day_time_unix (time)
          : upskill_progress_format_day (time, TRUE, now_unix ());
  }
  /* TRANSLATORS: the title of a session note: "Session on 8 October" */
  heading = g_strdup_printf (_("Session on %s"), day);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "upskill-note-row");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 3);
  gtk_widget_add_css_class (icon, "upskill-timeline-icon");
  gtk_widget_add_css_class (icon, "note");
  gtk_grid_set_column_spacing (GTK_GRID (box), 12);
  gtk_grid_attach (GTK_GRID (box), icon, 0, 0, 1, 1);

  /* The heading shares its line with the buttons; the note below takes
   * the whole width. */
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");

  text = gtk_label_new (upskill_timeline_item_get_text (item));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_margin_end (text, 6);
  gtk_widget_add_css_class (text, "upskill-note-text");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_hexpand (grid, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   upskill_icon_button_new ("document-edit-symbolic", _("Edit Note"),
                                            "progress.edit-note", g_variant_new_string (note_id)),
                   1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   upskill_icon_button_new ("user-trash-symbolic", _("Delete Note"),
                                            "progress.delete-note", g_variant_new_string (note_id)),
                   2, 0, 1, 1);
  {
    UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
    const UpskillNote *note = profile != NULL ? upskill_profile_find_note (profile, note_id) : NULL;
    int text_row = 1;

    /* The session's focus, above what was said. */
    if (note != NULL && note->focus != NULL)
      {
        /* TRANSLATORS: what a session was about, above its note: "Focus: SQL window functions" */
        g_autofree char *focus_text = g_strdup_printf (_("Focus: %s"), note->focus);
        GtkWidget *focus = gtk_label_new (focus_text);

        gtk_label_set_xalign (GTK_LABEL (focus), 0);
        gtk_label_set_wrap (GTK_LABEL (focus), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (focus), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_selectable (GTK_LABEL (focus), TRUE);
        gtk_widget_add_css_class (focus, "upskill-note-focus");
        gtk_grid_attach (GTK_GRID (grid), focus, 0, 1, 3, 1);
        text_row = 2;
      }
    gtk_grid_attach (GTK_GRID (grid), text, 0, text_row, 3, 1);

    if (note != NULL)
      attach_note_details (GTK_GRID (grid), note, text_row + 1);
  }
  gtk_grid_attach (GTK_GRID (box), grid, 1, 0, 1, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  upskill_accessible_set_label (row, heading);

  return row;
}

static GtkWidget *
create_timeline_row (gpointer item,
                     gpointer user_data)
{
  UpskillProgressPage *self = user_data;
  GtkWidget *row;

  if (upskill_timeline_item_get_kind (item) == UPSKILL_TIMELINE_NOTE)
    row = create_note_row (self, item);
  else
    row = create_change_row (self, item);
  upskill_wrap_set_min_chars (row);

  return row;
}

/* Refreshing */

/* The timeline lists the newest events, a chunk more each time the user
 * scrolls to its end: a list box makes a row for each, and laying out
 * thousands of notes would freeze the window. */
#define TIMELINE_CHUNK 50
/* Rows made at once: the rest come a few each frame, so showing the page
 * never waits for the layout of fifty long notes. */
#define TIMELINE_STEP 10
/* How far ahead a refresh looks for rows to keep: a change adds, merges or
 * removes one or two events, seldom more. */
#define TIMELINE_LOOKAHEAD 8

static gboolean
timeline_row_matches (UpskillProgressPage        *self,
                      guint                       position,
                      const UpskillTimelineEvent *event)
{
  g_autoptr(UpskillTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), position);

  return upskill_timeline_item_matches (item, event);
}

static void
insert_timeline_rows (UpskillProgressPage *self,
                      guint                position,
                      guint                n_removed,
                      GPtrArray           *events,
                      guint                first,
                      guint                n_events)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_events, g_object_unref);

  for (guint i = first; i < first + n_events; i++)
    g_ptr_array_add (items, upskill_timeline_item_new (g_ptr_array_index (events, i)));

  g_list_store_splice (self->timeline, position, n_removed, items->pdata, items->len);
}

static void refresh_timeline (UpskillProgressPage *self);

/* In the frame's update phase, before its layout: between frames the
 * page is always laid out, and each frame lays out a few new rows. */
static gboolean
fill_timeline_tick (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  UpskillProgressPage *self = UPSKILL_PROGRESS_PAGE (widget);

  self->n_timeline_ready = MIN (self->n_timeline_ready + TIMELINE_STEP, self->n_timeline_shown);
  refresh_timeline (self);

  if (self->n_timeline_ready >= MIN (self->n_timeline_events, self->n_timeline_shown))
    {
      self->timeline_fill_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
queue_timeline_fill (UpskillProgressPage *self)
{
  if (self->timeline_fill_tick == 0)
    self->timeline_fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_timeline_tick,
                                                             NULL, NULL);
}

static void
stop_timeline_fill (UpskillProgressPage *self)
{
  if (self->timeline_fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->timeline_fill_tick);
  self->timeline_fill_tick = 0;
}

/* Only the rows that differ are rebuilt: a level change costs one new
 * row, whatever the history's length. */
static void
refresh_timeline (UpskillProgressPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) events = NULL;
  guint n_wanted;
  guint i = 0, j = 0;

  if (profile == NULL || catalog == NULL)
    {
      g_list_store_remove_all (self->timeline);
      self->n_timeline_events = 0;
      return;
    }

  events = upskill_progress_get_timeline (profile);
  self->n_timeline_events = events->len;
  n_wanted = MIN (events->len, MIN (self->n_timeline_ready, self->n_timeline_shown));
  if (n_wanted < MIN (events->len, self->n_timeline_shown))
    queue_timeline_fill (self);

  while (i < n_wanted)
    {
      guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->timeline));
      const UpskillTimelineEvent *event = g_ptr_array_index (events, i);
      guint k;

      if (j == n_rows)
        {
          insert_timeline_rows (self, j, 0, events, i, n_wanted - i);
          j += n_wanted - i;
          break;
        }

      if (timeline_row_matches (self, j, event))
        {
          i++, j++;
          continue;
        }

      /* New events: the row comes a little further down. */
      for (k = 1; k <= TIMELINE_LOOKAHEAD && i + k < n_wanted; k++)
        if (timeline_row_matches (self, j, g_ptr_array_index (events, i + k)))
          break;
      if (k <= TIMELINE_LOOKAHEAD && i + k < n_wanted)
        {
          insert_timeline_rows (self, j, 0, events, i, k);
          i += k, j += k;
          continue;
        }

      /* Events gone: the event has a row a little further down. */
      for (k = 1; k <= TIMELINE_LOOKAHEAD && j + k < n_rows; k++)
        if (timeline_row_matches (self, j + k, event))
          break;
      if (k <= TIMELINE_LOOKAHEAD && j + k < n_rows)
        {
          g_list_store_splice (self->timeline, j, k, NULL, 0);
          continue;
        }

      /* Changed in place. */
      insert_timeline_rows (self, j, 1, events, i, 1);
      i++, j++;
    }

  if (j < g_list_model_get_n_items (G_LIST_MODEL (self->timeline)))
    g_list_store_splice (self->timeline, j,
                         g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) - j,
                         NULL, 0);
}

static void
on_edge_reached (UpskillProgressPage *self,
                 GtkPositionType      position)
{
  if (position != GTK_POS_BOTTOM || self->n_timeline_shown >= self->n_timeline_events)
    return;

  self->n_timeline_shown += TIMELINE_CHUNK;
  queue_timeline_fill (self);
}

static void
refresh_since (UpskillProgressPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autofree char *sentence = NULL;

  sentence = upskill_progress_describe_since_last_session (profile, catalog, now_unix ());
  if (sentence == NULL)
    {
      gtk_label_set_text (self->since_label,
                          _("No session notes yet. After a session, add a note: next time, "
                            "this says what changed since."));
      gtk_widget_add_css_class (GTK_WIDGET (self->since_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->since_label, sentence);
      gtk_widget_remove_css_class (GTK_WIDGET (self->since_label), "dim-label");
    }
}

static void
refresh_chart (UpskillProgressPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) series = NULL;
  g_autofree char *summary = NULL;

  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(UpskillForecast) forecast = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (now_unix ());
  UpskillRole *role = upskill_catalog_find_role (catalog, upskill_profile_get_target_role (profile));
  GDate today;

  series = upskill_compute_readiness_series (profile, catalog);
  summary = upskill_progress_describe_readiness (series, now_unix ());

  gtk_label_set_text (self->readiness_label, summary);
  upskill_readiness_chart_set_series (self->chart, catalog, series, summary);

  /* Where the plan leads, dashed to its end. */
  upskill_date_set_from_date_time (&today, now);
  schedule = upskill_planner_schedule (profile, catalog, &today);
  forecast = upskill_planner_forecast (profile, catalog, upskill_page_get_trends (UPSKILL_PAGE (self)),
                                       schedule, &today);
  if (role != NULL && forecast->n_points > 1)
    {
      g_autofree char *sentence = upskill_format_forecast (forecast);

      gtk_label_set_text (self->forecast_label, sentence);
      upskill_readiness_chart_set_forecast (self->chart, forecast->n_points, forecast->times,
                                            forecast->values, sentence);
    }
  else
    upskill_readiness_chart_set_forecast (self->chart, 0, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->forecast_label), role != NULL && forecast->n_points > 1);
}

static void
on_area_toggled (GtkToggleButton     *button,
                 UpskillProgressPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "area-index"));

  upskill_readiness_chart_set_area_visible (self->chart, index,
                                            gtk_toggle_button_get_active (button));
}

/* A dot in the color of the area's line. */
static void
draw_area_dot (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  UpskillProgressPage *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "area-index"));
  GdkRGBA color;

  upskill_readiness_chart_get_area_color (self->chart, index, &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
redraw_area_dots (UpskillProgressPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

      gtk_widget_queue_draw (gtk_widget_get_first_child (box));
    }
}

static void
rebuild_area_toggles (UpskillProgressPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  GtkWidget *child;
  guint n_areas = catalog != NULL ? upskill_catalog_get_n_areas (catalog) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_box))) != NULL)
    gtk_flow_box_remove (self->areas_box, child);

  for (guint i = 0; i < n_areas; i++)
    {
      UpskillArea *area = upskill_catalog_get_area (catalog, i);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_drawing_area_new ();
      GtkWidget *flow_child;

      g_object_set_data (G_OBJECT (dot), "area-index", GUINT_TO_POINTER (area->index));
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_area_dot, self, NULL);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), gtk_label_new (area->name));

      gtk_button_set_child (GTK_BUTTON (button), box);
      g_object_set_data (G_OBJECT (button), "area-index", GUINT_TO_POINTER (area->index));
      gtk_widget_add_css_class (button, "upskill-area-toggle");
      upskill_accessible_set_label (button, area->name);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_area_toggled), self, 0);
      gtk_flow_box_append (self->areas_box, button);

      flow_child = gtk_widget_get_parent (button);
      gtk_widget_set_focusable (flow_child, FALSE);
    }
}

static void
refresh (UpskillProgressPage *self)
{
  UpskillCatalog *catalog = upskill_page_get_catalog (UPSKILL_PAGE (self));
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.add-note", profile != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.edit-note", profile != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.delete-note", profile != NULL);

  if (profile == NULL || catalog == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      upskill_readiness_chart_set_series (self->chart, catalog, NULL, NULL);
      refresh_timeline (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "progress");
  refresh_since (self);
  refresh_chart (self);
  refresh_timeline (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  UpskillProgressPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (UpskillProgressPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

/* Notes */

/* Today as a session day: the local date, at 00:00 UTC like stored notes. */
static gint64
today_as_session_day (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (now),
                                                  g_date_time_get_month (now),
                                                  g_date_time_get_day_of_month (now),
                                                  0, 0, 0);

  return g_date_time_to_unix (day);
}

static char *
dup_note_text (UpskillNoteDialog *dialog)
{
  char *text = upskill_note_dialog_dup_text (dialog);

  return g_strstrip (text);
}

/* FALSE, with a toast that says why, when @text is longer than a note
 * may be (it would make a file that does not open again). */
static gboolean
check_note_length (UpskillProgressPage *self,
                   const char          *text)
{
  g_autofree char *message = NULL;

  if (upskill_profile_text_fits (text, TRUE))
    return TRUE;

  message = g_strdup_printf (_("Not saved: a note may hold up to %u characters, this one has %ld. Split it into several notes."),
                             UPSKILL_PROFILE_TEXT_MAX_CHARS, g_utf8_strlen (text, -1));
  upskill_toast_show (GTK_WIDGET (self), upskill_toast_new (message));
  return FALSE;
}

/* Privacy, next session and agreed actions as the dialog has them. */
static void
apply_dialog_to_note (UpskillNoteDialog *dialog,
                      UpskillProfile    *profile,
                      const char        *note_id)
{
  g_autoptr(GPtrArray) actions = upskill_note_dialog_dup_actions (dialog);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  gint64 next_session = upskill_note_dialog_get_next_session (dialog);
  UpskillNote *note;

  upskill_profile_set_note_private (profile, note_id, upskill_note_dialog_get_private (dialog));
  {
    g_autofree char *focus = upskill_note_dialog_dup_focus (dialog);

    upskill_profile_set_note_focus (profile, note_id, focus);
  }
  if (next_session >= 0)
    upskill_profile_set_note_next_session (profile, note_id, next_session);

  for (guint i = 0; i < actions->len; i++)
    {
      UpskillAction *action = g_ptr_array_index (actions, i);

      if (action->id != NULL)
        g_hash_table_add (kept, action->id);
    }

  /* Rows removed in the dialog. */
  note = upskill_profile_find_note (profile, note_id);
  for (guint i = 0; i < note->actions->len; i++)
    {
      UpskillAction *action = g_ptr_array_index (note->actions, i);

      if (!g_hash_table_contains (kept, action->id))
        g_ptr_array_add (removed, g_strdup (action->id));
    }
  for (guint i = 0; i < removed->len; i++)
    upskill_profile_remove_action (profile, note_id, g_ptr_array_index (removed, i));

  for (guint i = 0; i < actions->len; i++)
    {
      UpskillAction *action = g_ptr_array_index (actions, i);
      const char *action_id = action->id;

      if (action_id != NULL && upskill_profile_find_action (profile, note_id, action_id) != NULL)
        {
          upskill_profile_update_action (profile, note_id, action_id, action->text, action->due);
        }
      else
        {
          UpskillAction *added = upskill_profile_add_action (profile, note_id, action->text, action->due);

          if (added == NULL)
            continue;
          action_id = added->id;
        }
      upskill_profile_set_action_status (profile, note_id, action_id, action->status);
      upskill_profile_set_action_private (profile, note_id, action_id, action->private);
    }
}

static void
on_add_note_response (UpskillNoteDialog   *dialog,
                      const char          *response,
                      UpskillProgressPage *self)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 date;

  if (g_strcmp0 (response, "save") != 0 || profile == NULL)
    return;

  text = dup_note_text (dialog);
  date = upskill_note_dialog_get_date (dialog);
  if (text[0] == '\0' || date < 0 || !check_note_length (self, text))
    return;

  if (!upskill_profile_check_room_for_note (profile, &error))
    {
      upskill_toast_show (GTK_WIDGET (self), upskill_toast_new (error->message));
      return;
    }

  /* A note for today's session is timestamped, so changes made later
   * today come after it; another day stays a day. */
  if (date == today_as_session_day ())
    date = now_unix ();

  /* Made on a copy and put back at once: one change, one step to undo. */
  {
    g_autoptr(UpskillProfile) edited = upskill_profile_copy (profile);
    g_autofree char *note_id = NULL;
    UpskillNote *note;

    note = upskill_profile_add_note (edited, date, text);
    if (note == NULL)
      return;
    note_id = g_strdup (note->id);
    apply_dialog_to_note (dialog, edited, note_id);

    /* What was agreed last time, as the dialog listed it: carried over
     * (into a later session only), done or dropped. */
    {
      const char *last_id = g_object_get_data (G_OBJECT (dialog), "previous-note-id");
      const char * const *action_ids = g_object_get_data (G_OBJECT (dialog), "previous-action-ids");
      const UpskillNote *last = last_id != NULL ? upskill_profile_find_note (edited, last_id) : NULL;

      for (guint i = 0; last != NULL && action_ids[i] != NULL && i < upskill_note_dialog_get_n_previous (dialog); i++)
        {
          if (upskill_profile_find_action (edited, last_id, action_ids[i]) == NULL)
            continue;

          switch (upskill_note_dialog_get_previous_choice (dialog, i))
            {
            case UPSKILL_PREVIOUS_DONE:
              upskill_profile_set_action_status (edited, last_id, action_ids[i], UPSKILL_ACTION_DONE);
              break;
            case UPSKILL_PREVIOUS_DROPPED:
              upskill_profile_set_action_status (edited, last_id, action_ids[i], UPSKILL_ACTION_DROPPED);
              break;
            case UPSKILL_PREVIOUS_CARRY_OVER:
            default:
              if (last->date < date)
                upskill_profile_carry_over_action (edited, last_id, action_ids[i], note_id);
              break;
            }
        }
    }

    upskill_profile_restore (profile, edited);
  }
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UpskillProgressPage *self = UPSKILL_PROGRESS_PAGE (widget);
  UpskillNoteDialog *dialog;

  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  g_autoptr(GPtrArray) previous = NULL;
  const UpskillNote *last = NULL;

  if (profile == NULL)
    return;

  dialog = upskill_note_dialog_new (upskill_page_get_window (UPSKILL_PAGE (self)),
                                    today_as_session_day (), NULL);
  upskill_note_dialog_set_private (dialog, upskill_profile_get_default_private (profile));
  /* The session being written is now: what the last one left open. */
  previous = upskill_profile_dup_open_actions_before (profile, now_unix (), &last);
  upskill_note_dialog_set_previous_actions (dialog, previous);
  if (last != NULL)
    {
      GStrv action_ids = g_new0 (char *, previous->len + 1);

      for (guint i = 0; i < previous->len; i++)
        action_ids[i] = g_strdup (((UpskillAction *) g_ptr_array_index (previous, i))->id);
      g_object_set_data_full (G_OBJECT (dialog), "previous-note-id", g_strdup (last->id), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "previous-action-ids", action_ids,
                              (GDestroyNotify) g_strfreev);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_note_response), self, 0);
  upskill_page_present_dialog (UPSKILL_PAGE (self), GTK_WINDOW (dialog));
}

static UpskillNote *
find_note (UpskillProfile *profile,
           const char     *note_id)
{
  GPtrArray *notes = upskill_profile_get_notes (profile);

  for (guint i = 0; i < notes->len; i++)
    {
      UpskillNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->id, note_id) == 0)
        return note;
    }

  return NULL;
}

static void
on_edit_note_response (UpskillNoteDialog   *dialog,
                       const char          *response,
                       UpskillProgressPage *self)
{
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *note_id = g_object_get_data (G_OBJECT (dialog), "note-id");
  g_autofree char *text = NULL;
  gint64 date;

  if (g_strcmp0 (response, "save") != 0 || profile == NULL
      || find_note (profile, note_id) == NULL)
    return;

  text = dup_note_text (dialog);
  date = upskill_note_dialog_get_date (dialog);
  if (text[0] == '\0' || date < 0 || !check_note_length (self, text))
    return;

  /* The same day keeps the session's time. */
  {
    const UpskillNote *note = find_note (profile, note_id);

    if (upskill_note_has_time (note) && date == note->date - note->date % UPSKILL_PROGRESS_SECONDS_PER_DAY)
      date = note->date;
  }

  {
    g_autoptr(UpskillProfile) edited = upskill_profile_copy (profile);

    upskill_profile_update_note (edited, note_id, date, text);
    apply_dialog_to_note (dialog, edited, note_id);
    upskill_profile_restore (profile, edited);
  }
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpskillProgressPage *self = UPSKILL_PROGRESS_PAGE (widget);
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *note_id = g_variant_get_string (parameter, NULL);
  UpskillNote *note = find_note (profile, note_id);
  UpskillNoteDialog *dialog;

  if (note == NULL)
    return;

  dialog = upskill_note_dialog_new (upskill_page_get_window (UPSKILL_PAGE (self)),
                                    note->date, note->text);
  upskill_note_dialog_set_private (dialog, note->private);
  upskill_note_dialog_set_focus (dialog, note->focus);
  upskill_note_dialog_set_next_session (dialog, note->next_session);
  for (guint i = 0; i < note->actions->len; i++)
    upskill_note_dialog_add_action (dialog, g_ptr_array_index (note->actions, i));
  g_object_set_data_full (G_OBJECT (dialog), "note-id", g_strdup (note_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_note_response), self, 0);
  upskill_page_present_dialog (UPSKILL_PAGE (self), GTK_WINDOW (dialog));
}

static void
delete_note_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UpskillProgressPage *self = UPSKILL_PROGRESS_PAGE (widget);
  UpskillProfile *profile = upskill_page_get_profile (UPSKILL_PAGE (self));
  const char *note_id = g_variant_get_string (parameter, NULL);
  AdwToast *toast;

  if (find_note (profile, note_id) == NULL)
    return;

  /* No confirmation: the window's undo (Ctrl+Z, or the toast) brings
   * the note back whole, with its focus and agreed actions. */
  upskill_profile_remove_note (profile, note_id);

  toast = upskill_toast_new (_("Note deleted"));
  upskill_toast_add_undo (toast);
  upskill_toast_show (GTK_WIDGET (self), toast);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpskillProgressPage *self = UPSKILL_PROGRESS_PAGE (widget);
  GtkFlowBoxChild *child;
  guint index;
  gboolean visible;

  g_variant_get (parameter, "(ub)", &index, &visible);
  child = gtk_flow_box_get_child_at_index (self->areas_box, index);
  if (child != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (child)), visible);
}

/* UpskillPage */

static void
upskill_progress_page_catalog_changed (UpskillPage *page)
{
  UpskillProgressPage *self = UPSKILL_PROGRESS_PAGE (page);

  rebuild_area_toggles (self);
  refresh (self);
}

static void
upskill_progress_page_profile_changed (UpskillPage *page)
{
  UpskillProgressPage *self = UPSKILL_PROGRESS_PAGE (page);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  self->n_timeline_shown = TIMELINE_CHUNK;
  self->n_timeline_ready = TIMELINE_STEP;
  stop_timeline_fill (self);
  g_list_store_remove_all (self->timeline);
  refresh (self);
}

static void
upskill_progress_page_profile_updated (UpskillPage *page)
{
  queue_refresh (UPSKILL_PROGRESS_PAGE (page));
}

/* GObject */

static void
upskill_progress_page_dispose (GObject *object)
{
  UpskillProgressPage *self = (UpskillProgressPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  stop_timeline_fill (self);

  /* The stack is both AdwBin's child and a bound template child: unset it
   * first, or gtk_widget_dispose_template() unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_PROGRESS_PAGE);
  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (upskill_progress_page_parent_class)->dispose (object);
}

static void
upskill_progress_page_class_init (UpskillProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UpskillPageClass *page_class = UPSKILL_PAGE_CLASS (klass);

  object_class->dispose = upskill_progress_page_dispose;

  /* Readiness does not depend on the trends: no trends_changed. */
  page_class->catalog_changed = upskill_progress_page_catalog_changed;
  page_class->profile_changed = upskill_progress_page_profile_changed;
  page_class->profile_updated = upskill_progress_page_profile_updated;

  g_type_ensure (UPSKILL_TYPE_READINESS_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, since_title_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, since_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, forecast_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, chart);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, areas_box);
  gtk_widget_class_bind_template_child (widget_class, UpskillProgressPage, timeline_list);

  gtk_widget_class_install_action (widget_class, "progress.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "progress.edit-note", "s", edit_note_action);
  gtk_widget_class_install_action (widget_class, "progress.delete-note", "s", delete_note_action);
  gtk_widget_class_install_action (widget_class, "progress.show-area", "(ub)", show_area_action);
}

static void
upskill_progress_page_init (UpskillProgressPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_wrap_set_min_chars (GTK_WIDGET (self));

  self->timeline = g_list_store_new (UPSKILL_TYPE_TIMELINE_ITEM);
  self->n_timeline_shown = TIMELINE_CHUNK;
  self->n_timeline_ready = TIMELINE_STEP;
  g_signal_connect_object (self->scrolled_window, "edge-reached",
                           G_CALLBACK (on_edge_reached), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->timeline_list, G_LIST_MODEL (self->timeline),
                           create_timeline_row, self, NULL);

  /* The dots follow the chart's colors, which differ in dark mode. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (redraw_area_dots), self, G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("Nothing recorded yet: changes of level and session notes appear here."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->timeline_list, placeholder);

  refresh (self);
}
