/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "upskill-error.h"

G_BEGIN_DECLS

/* The libFuzzer entry points. The harnesses define them; the replay
 * driver (fuzz-replay.c) calls them on every corpus file without clang. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Any warning or critical is a finding. GLib stops on a fatal message
 * with a breakpoint trap, which libFuzzer does not catch (no crash file
 * would be written), so the writer aborts itself. Debug and info output
 * is dropped to keep the fuzzer fast. */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/* A loader that refuses an input says why, in our own error domain,
 * naming the file (@file_name) so that the user knows which one. */
static inline void
fuzz_assert_refusal (const GError *error,
                     const char   *file_name)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == UPSKILL_ERROR);
  g_assert_nonnull (strstr (error->message, file_name));
}

G_END_DECLS
