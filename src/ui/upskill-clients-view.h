/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "upskill-catalog.h"
#include "upskill-store.h"

G_BEGIN_DECLS

#define UPSKILL_TYPE_CLIENTS_VIEW (upskill_clients_view_get_type ())

G_DECLARE_FINAL_TYPE (UpskillClientsView, upskill_clients_view, UPSKILL, CLIENTS_VIEW, GtkWidget)

/* A coach's overview of every profile: a sortable, filterable table, the
 * readiness of each area per client, and the gaps most clients share.
 * Its figures come from the store's index (upskill-practice.h).
 *
 * Properties: "store", "catalog".
 * Signals: client-activated (const char *id): a row was activated.
 * Actions: clients.export-reports, enabled while clients are selected:
 * activates win.export-reports (as) with their ids. */

GtkWidget   *upskill_clients_view_new          (void);
/* Lists the store again, on a worker thread. */
void         upskill_clients_view_reload       (UpskillClientsView *self);

/* The ids of the clients selected in the table, in its order. */
GStrv        upskill_clients_view_dup_selected_ids (UpskillClientsView *self);

/* For the tests: the rows as shown (UpskillClient), the table, and
 * whether a listing is under way. */
GListModel    *upskill_clients_view_get_rows       (UpskillClientsView *self);
GtkColumnView *upskill_clients_view_get_table      (UpskillClientsView *self);
gboolean       upskill_clients_view_is_loading     (UpskillClientsView *self);

G_END_DECLS
