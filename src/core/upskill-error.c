/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "upskill-error.h"

G_DEFINE_QUARK (upskill-error-quark, upskill_error)
