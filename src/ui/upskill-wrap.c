/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-wrap.h"

/* libadwaita 1.2 wraps the titles, subtitles and descriptions of its rows
 * and groups anywhere in a word (PANGO_WRAP_WORD_CHAR). GTK 4.8 finds a
 * wrapping label's minimum width by laying it out at no width at all, so
 * in that mode every letter becomes a line of its own, shaped on its own:
 * the Skills page alone shaped text about 45,000 times before its first
 * frame. Wrapping at words gives the same lines wherever a word fits,
 * which is always the case for the catalog's short words, at a sixth of
 * the cost. Only for widgets whose text is ours: a long link or a word
 * someone typed must still break anywhere. */
void
upskill_wrap_at_words (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget)
      && gtk_label_get_wrap (GTK_LABEL (widget))
      && gtk_label_get_wrap_mode (GTK_LABEL (widget)) == PANGO_WRAP_WORD_CHAR)
    gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    upskill_wrap_at_words (child);
}
