/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "upskill-format.h"
#include "upskill-claim-row.h"
#include "upskill-wrap.h"

struct _UpskillClaimRow
{
  GtkListBoxRow         parent_instance;

  UpskillClaimObject   *claim;
  UpskillClaimRowStyle  style;

  GtkBox               *badges;
  GtkLabel             *audience_label;
  GtkLabel             *figure_label;
  GtkLabel             *text_label;
  GtkLabel             *reason_label;
  GtkLabel             *quote_label;
  GtkLabel             *source_label;
};

G_DEFINE_FINAL_TYPE (UpskillClaimRow, upskill_claim_row, GTK_TYPE_LIST_BOX_ROW)

char *
upskill_figure_dup_display (const UpskillFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  return upskill_format_figure (figure);
}

GtkWidget *
upskill_claim_kind_badge_new (UpskillClaimKind kind)
{
  g_autofree char *kind_class = g_strdup_printf ("claim-kind-%s", upskill_claim_kind_to_string (kind));
  GtkWidget *badge = gtk_label_new (upskill_claim_kind_get_label (kind));

  gtk_widget_add_css_class (badge, "claim-badge");
  gtk_widget_add_css_class (badge, kind_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_label_set_single_line_mode (GTK_LABEL (badge), TRUE);

  return badge;
}

const char *
upskill_claim_audience_get_label (UpskillAudience audience)
{
  gboolean developer = (audience & UPSKILL_AUDIENCE_DEVELOPER) != 0;
  gboolean founder = (audience & UPSKILL_AUDIENCE_FOUNDER) != 0;

  if (developer && founder)
    return _("For developers and founders");
  if (developer)
    return _("For developers");
  if (founder)
    return _("For founders");

  return NULL;
}

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gboolean shown = text != NULL && text[0] != '\0';

  gtk_label_set_text (label, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
}

static void
upskill_claim_row_fill (UpskillClaimRow *self)
{
  UpskillTrends *trends = upskill_claim_object_get_trends (self->claim);
  UpskillClaim *claim = upskill_claim_object_get_claim (self->claim);
  UpskillFigure *figure = claim->figure;
  g_autofree char *figure_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *source = NULL;

  gtk_box_prepend (self->badges, upskill_claim_kind_badge_new (claim->kind));
  set_optional_text (self->audience_label, upskill_claim_audience_get_label (claim->audience));

  if (figure != NULL)
    {
      g_autofree char *display = upskill_figure_dup_display (figure);

      if (self->style == UPSKILL_CLAIM_ROW_HEADLINE && figure->unit[0] != '\0')
        /* Translators: the headline figure: subject, figure, unit, e.g.
         * "Amazon: 14,000 corporate jobs cut" */
        figure_text = g_strdup_printf (_("%s: %s %s"), figure->subject, display, figure->unit);
      else
        /* Translators: a figure of the article: subject and figure, e.g.
         * "Meta (Facebook): ~21,000+ (in multiple rounds)" */
        figure_text = g_strdup_printf (_("%s: %s"), figure->subject, display);

      if (figure->reason[0] != '\0')
        /* Translators: the reason the article gives for a figure */
        reason = g_strdup_printf (_("Stated reason: %s"), figure->reason);
    }
  set_optional_text (self->figure_label, figure_text);
  set_optional_text (self->reason_label, reason);

  gtk_label_set_text (self->text_label, claim->text);

  /* A table row's quote repeats its figure: leave it out there. */
  if (self->style != UPSKILL_CLAIM_ROW_FIGURE && claim->quote[0] != '\0')
    /* Translators: a quotation from the article */
    quote = g_strdup_printf (_("“%s”"), claim->quote);
  set_optional_text (self->quote_label, quote);

  /* Translators: where a claim comes from: the article's title and the
   * title of its section */
  source = g_strdup_printf (_("From “%s” · %s"),
                            upskill_trends_get_source_title (trends),
                            claim->section->title);
  gtk_label_set_text (self->source_label, source);

  switch (self->style)
    {
    case UPSKILL_CLAIM_ROW_HEADLINE:
      gtk_widget_add_css_class (GTK_WIDGET (self), "claim-headline");
      gtk_widget_remove_css_class (GTK_WIDGET (self->figure_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->figure_label), "title-1");
      gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "title-4");
      break;

    case UPSKILL_CLAIM_ROW_FIGURE:
      gtk_widget_add_css_class (GTK_WIDGET (self), "claim-table-figure");
      break;

    case UPSKILL_CLAIM_ROW_DEFAULT:
    default:
      break;
    }
}

static void
upskill_claim_row_dispose (GObject *object)
{
  UpskillClaimRow *self = (UpskillClaimRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSKILL_TYPE_CLAIM_ROW);
  g_clear_object (&self->claim);

  G_OBJECT_CLASS (upskill_claim_row_parent_class)->dispose (object);
}

static void
upskill_claim_row_class_init (UpskillClaimRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upskill_claim_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Upskill/ui/upskill-claim-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UpskillClaimRow, badges);
  gtk_widget_class_bind_template_child (widget_class, UpskillClaimRow, audience_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillClaimRow, figure_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillClaimRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillClaimRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillClaimRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, UpskillClaimRow, source_label);
}

static void
upskill_claim_row_init (UpskillClaimRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upskill_wrap_set_min_chars (GTK_WIDGET (self));
}

GtkWidget *
upskill_claim_row_new (UpskillClaimObject   *claim,
                       UpskillClaimRowStyle  style)
{
  UpskillClaimRow *self;

  g_return_val_if_fail (UPSKILL_IS_CLAIM_OBJECT (claim), NULL);

  self = g_object_new (UPSKILL_TYPE_CLAIM_ROW, NULL);
  self->claim = g_object_ref (claim);
  self->style = style;
  upskill_claim_row_fill (self);

  return GTK_WIDGET (self);
}

UpskillClaimObject *
upskill_claim_row_get_claim (UpskillClaimRow *self)
{
  g_return_val_if_fail (UPSKILL_IS_CLAIM_ROW (self), NULL);

  return self->claim;
}
