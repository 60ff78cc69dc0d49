/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "upskill-url.h"

char *
upskill_url_dup_display (const char *url)
{
  const char *authority = url;
  const char *scheme_end;
  const char *end;
  const char *at = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  /* “scheme://user:password@host/…”, and also text that is no valid
   * address, such as “user:password@host/…” without a scheme: the
   * user-info is whatever ends at the last “@” before the path. */
  scheme_end = strstr (url, "://");
  if (scheme_end != NULL && strcspn (url, "/?#") == (gsize)(scheme_end + 1 - url))
    authority = scheme_end + 3;
  else if (g_str_has_prefix (url, "//"))
    authority = url + 2;

  end = authority + strcspn (authority, "/?#");
  for (const char *p = authority; p < end; p++)
    if (*p == '@')
      at = p;

  if (at == NULL)
    return g_strdup (url);

  return g_strdup_printf ("%.*s%s", (int)(authority - url), url, at + 1);
}
