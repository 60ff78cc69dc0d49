/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "upskill-application.h"
#include "upskill-cli.h"

/* Under LANG=C (cron, systemd, containers) the C library takes every
 * byte above 127 for an error: "--profile María" could not be read and
 * names printed as "?". Upskill's own text is UTF-8, so the C locale's
 * characters become UTF-8's, the way Python 3.7 does it (PEP 538). */
static void
use_utf8_in_the_c_locale (void)
{
  const char *ctype = setlocale (LC_CTYPE, NULL);
  const char *all = g_getenv ("LC_ALL");

  if (ctype == NULL || !(g_str_equal (ctype, "C") || g_str_equal (ctype, "POSIX")))
    return;

  /* Through the environment, since GTK calls setlocale (LC_ALL, "")
   * again when it starts. */
  if (all != NULL && *all != '\0')
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  else
    g_setenv ("LC_CTYPE", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UpskillApplication) app = NULL;

  int status;

  setlocale (LC_ALL, "");
  use_utf8_in_the_c_locale ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = upskill_cli_check_usage (argc, argv);
  if (status >= 0)
    return status;

  app = upskill_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
