#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A development build (-Dprofile=development) runs beside an installed
# Upskill: its app id, settings schema (id and path), desktop file and
# icon name are its own. Configured in a folder apart, not built.
set -u
source_dir=$1
meson=$2
build=$(mktemp -d "${TMPDIR:-/tmp}/upskill-devel-XXXXXX")
trap 'rm -rf "$build"' EXIT

if ! "$meson" setup "$build" "$source_dir" -Dprofile=development -Dtests=false >"$build.log" 2>&1; then
  cat "$build.log"
  rm -f "$build.log"
  echo "not ok: meson setup -Dprofile=development failed"
  exit 1
fi
rm -f "$build.log"

status=0
check () {
  if grep -qxF "$1" "$build/$2"; then
    echo "ok: $2: $1"
  else
    echo "not ok: $2 lacks: $1"
    status=1
  fi
}

check '#define APP_ID "com.example.Upskill.Devel"' config.h
check '#define DEVELOPMENT_PROFILE 1' config.h
check '  <schema id="com.example.Upskill.Devel" path="/com/example/Upskill/Devel/">' data/com.example.Upskill.Devel.gschema.xml
check 'Icon=com.example.Upskill.Devel' data/com.example.Upskill.Devel.desktop.in
check '  <id>com.example.Upskill.Devel</id>' data/com.example.Upskill.Devel.metainfo.xml.in
# Its enums too: two schemas installed side by side may not share one.
if grep -o 'com\.example\.Upskill[.A-Za-z]*' "$build/data/com.example.Upskill.Devel.gschema.xml" |
   grep -qv '^com\.example\.Upskill\.Devel'; then
  echo "not ok: the schema still names the installed build's id"
  status=1
fi
exit $status
