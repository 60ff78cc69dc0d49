#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): the whole-process time of exporting a sample
# profile's PDF report from the command line, against LibreOffice
# converting a 40-row spreadsheet to PDF. Medians of several runs each.
#
#   build-aux/bench-report.sh [BUILD_DIR] [RUNS]
#
# Needs hyperfine and LibreOffice Calc (libreoffice-calc-nogui); installs
# them with apt-get when missing and allowed (root or sudo). LibreOffice is
# large and only needed here, so it is not part of build-aux/install-deps.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/_build"}
runs=${2:-15}
upskill="$build/src/upskill"

if [ ! -x "$upskill" ]; then
  echo "error: $upskill not found; build first (meson compile -C $build)" >&2
  exit 1
fi

install_missing() {
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}
command -v hyperfine >/dev/null || install_missing hyperfine
command -v libreoffice >/dev/null || install_missing libreoffice-calc-nogui

work=$(mktemp -d "${TMPDIR:-/tmp}/upskill-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# The sample profiles, in a data folder of their own.
export UPSKILL_DATA_DIR="$work/data"
export GSETTINGS_BACKEND=memory
export LC_ALL=C.UTF-8
for sample in "$here"/data/samples/*.json; do
  "$upskill" --import "$sample" >/dev/null
done

# A 40-row spreadsheet: the kind of gap table a coach might keep by hand.
csv="$work/gaps.csv"
{
  echo "Rank,Skill,Area,Current,Target,Gap,Priority,Module,Hours,Status"
  i=1
  while [ $i -le 40 ]; do
    echo "$i,Skill number $i,Area $((i % 7 + 1)),$((i % 4)),$((i % 4 + 2)),2,$((100 - i)).5,Course $i on the topic,$((i * 3 % 40 + 4)),Planned"
    i=$((i + 1))
  done
} > "$csv"

# LibreOffice keeps a profile; give it its own, warmed up once, so the
# runs measure conversion and not first-start setup.
lo_profile="file://$work/lo-profile"
libreoffice -env:UserInstallation="$lo_profile" --headless --convert-to pdf --outdir "$work/lo" "$csv" >/dev/null 2>&1

hyperfine --warmup 2 --runs "$runs" --style basic \
  --export-json "$work/results.json" \
  -n "upskill --export-report" \
  "'$upskill' --export-report '$work/report.pdf' --profile maria-gonzalez" \
  -n "libreoffice --convert-to pdf (40-row CSV)" \
  "libreoffice -env:UserInstallation='$lo_profile' --headless --convert-to pdf --outdir '$work/lo' '$csv'"

python3 - "$work/results.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
upskill, office = (r["median"] for r in results)
print()
print(f"median upskill export:     {upskill * 1000:8.1f} ms  (goal: < 150 ms)")
print(f"median libreoffice export: {office * 1000:8.1f} ms")
print(f"upskill is {office / upskill:.1f}x faster (goal: >= 15x)")
EOF
