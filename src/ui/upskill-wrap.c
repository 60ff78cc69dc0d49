/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-wrap.h"

/* GTK 4.8 finds a wrapping label's narrowest width by laying its text
 * out at the label's "width-chars", and when that is unset, at no width
 * at all: one word per line, and in libadwaita's rows and group headers
 * (which may break inside a word) one letter per line, each line shaped
 * on its own. The Skills page shaped text 44,976 times before its first
 * frame, the Trends page another 236,000 when first shown. So every
 * wrapping label under @widget that has no width of its own gets
 * UPSKILL_WRAP_MIN_CHARS: it still breaks where it did (a long link
 * still breaks anywhere), but is measured from a line of 12 characters (narrow enough
 * for the narrow layout, 360 pixels, to keep its rows side by side). */
void
upskill_wrap_set_min_chars (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget)
      && gtk_label_get_wrap (GTK_LABEL (widget))
      && gtk_label_get_width_chars (GTK_LABEL (widget)) < 0)
    gtk_label_set_width_chars (GTK_LABEL (widget), UPSKILL_WRAP_MIN_CHARS);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    upskill_wrap_set_min_chars (child);
}
