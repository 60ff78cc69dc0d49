#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file with a translatable string is listed in po/POTFILES.in,
# and every file listed there exists: otherwise its strings never reach
# translators.
set -u
cd "$1" || exit 1
status=0
for file in $(grep -rlE '\b(N?_|ngettext|g_dngettext|NGETTEXT) \(|translatable="yes"' src --include='*.c' --include='*.ui'); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "not ok: $file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
for file in $(grep -v '^#' po/POTFILES.in); do
  if [ ! -e "$file" ]; then
    echo "not ok: po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done
exit $status
