/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The tree json-glib would build for @data, a JSON object, or NULL when
 * the text is anything but plain, well-formed JSON nested at most
 * UPSKILL_JSON_MAX_DEPTH deep: then json-glib must read it, and say
 * what is wrong. @data is valid UTF-8. The tree is for reading only:
 * equal small whole numbers share one node. */
JsonNode *upskill_json_parse_fast (const char *data,
                                   gsize       length);

G_END_DECLS
