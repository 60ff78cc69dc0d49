#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark, not a test: time from process start to the first frame that
# shows the profile list and the selected profile, with the 3 sample
# profiles and with 1,000 generated clients. Goal: at most 1.5x.
#
#   build-aux/bench-window.sh [BUILD_DIR] [RUNS]
#
# Runs under xvfb-run when there is no display. Prints the median of RUNS
# warm runs (the store's index.json already written) and the first, cold
# run (every file read once) of each set.
set -eu
cd "$(dirname "$0")/.."

build=${1:-_build}
runs=${2:-7}
program="$build/src/upskill"

if [ ! -x "$program" ]; then
  echo "No $program: build first (meson compile -C $build)" >&2
  exit 1
fi

# A display and a session bus, as on a desktop.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${BENCH_UNDER_XVFB:-}" ]; then
  BENCH_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${BENCH_UNDER_DBUS:-}" ]; then
  BENCH_UNDER_DBUS=1 exec dbus-run-session -- "$0" "$@"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/upskill-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# Two data folders: the samples, and 1,000 clients made from them (each
# with its own id, name and time of last change).
python3 - "$work" <<'EOF'
import json, os, sys, glob

work = sys.argv[1]
samples = sorted(glob.glob("data/samples/*.json"))
first = ["Ada", "Bo", "Chen", "Dara", "Eli", "Farah", "Goran", "Hana", "Ines", "Jun"]
last = ["Okafor", "Wei", "González", "Novak", "Haddad", "Sato", "Kowalski", "Silva", "Ivanova", "Mensah"]

for name, count in (("samples", 0), ("clients", 1000)):
    folder = os.path.join(work, name, "profiles")
    os.makedirs(folder, mode=0o700)
    if count == 0:
        for path in samples:
            with open(path, encoding="utf-8") as f:
                data = f.read()
            with open(os.path.join(folder, os.path.basename(path)), "w", encoding="utf-8") as f:
                f.write(data)
        continue
    for i in range(count):
        with open(samples[i % len(samples)], encoding="utf-8") as f:
            profile = json.load(f)
        profile["id"] = "client-%04d" % i
        profile["name"] = "%s %s %d" % (first[i % 10], last[(i // 10) % 10], i)
        profile["kind"] = "client"
        profile["modified"] = "2026-%02d-%02dT%02d:%02d:00Z" % (1 + i % 11, 1 + i % 28, i % 24, i % 60)
        with open(os.path.join(folder, profile["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(profile, f, ensure_ascii=False, indent=2)
EOF

# One run: prints "first-frame-ms content-frame-ms".
run_once () {
  start=$(date +%s%6N)
  env UPSKILL_DATA_DIR="$1" \
      UPSKILL_EXIT_AFTER_FIRST_FRAME=1 \
      UPSKILL_BENCH_START_US="$start" \
      GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$build/data" \
      GTK_A11Y=none NO_AT_BRIDGE=1 \
      "$program" 2>/dev/null |
    awk '/^first-frame-ms/ { f = $2 } /^content-frame-ms/ { c = $2 } END { print f, c }'
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

for set in samples clients; do
  cold=$(run_once "$work/$set")
  : > "$work/$set.first"
  : > "$work/$set.content"
  i=0
  while [ $i -lt "$runs" ]; do
    run_once "$work/$set" > "$work/$set.run"
    cut -d' ' -f1 "$work/$set.run" >> "$work/$set.first"
    cut -d' ' -f2 "$work/$set.run" >> "$work/$set.content"
    i=$((i + 1))
  done
  eval "${set}_cold=\$(echo \$cold | cut -d' ' -f2)"
  eval "${set}_first=\$(median < \"\$work/\$set.first\")"
  eval "${set}_content=\$(median < \"\$work/\$set.content\")"
done

printf '%-24s %12s %12s %12s\n' "" "3 samples" "1000 clients" "ratio"
printf '%-24s %12s %12s %12s\n' "first frame (ms)" "$samples_first" "$clients_first" \
  "$(awk "BEGIN { printf \"%.2fx\", $clients_first / $samples_first }")"
printf '%-24s %12s %12s %12s\n' "content frame (ms)" "$samples_content" "$clients_content" \
  "$(awk "BEGIN { printf \"%.2fx\", $clients_content / $samples_content }")"
printf '%-24s %12s %12s %12s\n' "cold content frame (ms)" "$samples_cold" "$clients_cold" \
  "$(awk "BEGIN { printf \"%.2fx\", $clients_cold / $samples_cold }")"
echo "(median of $runs warm runs; cold: first run, no index.json yet; load now: $(cut -d' ' -f1 /proc/loadavg))"
