#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts individual test cases from meson's testlog.json.

meson's own summary counts test programs; a GLib TAP program holds many
cases. For a TAP test every "ok"/"not ok" line counts ("# SKIP" lines are
skipped); a program that died before printing its plan counts as one
failure more. Other tests count as one case each.

  count-tests.py TESTLOG.json   prints "passed failed skipped"
  count-tests.py --sum FILE     sums such lines, prints "N passed, N failed"
"""
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")


def count_log(path):
    passed = failed = skipped = 0
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            entry = json.loads(line)
            result = entry.get("result")
            stdout = entry.get("stdout") or ""
            cases = [TAP_LINE.match(l) for l in stdout.splitlines()]
            cases = [c for c in cases if c]
            if entry.get("protocol") == "tap" or cases:
                for case in cases:
                    rest = case.group(2)
                    if "# SKIP" in rest.upper():
                        skipped += 1
                    elif case.group(1) == "ok":
                        passed += 1
                    else:
                        failed += 1
                if result not in ("OK", "SKIP", "EXPECTEDFAIL") and not any(
                    c.group(1) == "not ok" for c in cases
                ):
                    failed += 1  # crashed or timed out outside a case
            elif result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
    return passed, failed, skipped


def main(argv):
    if len(argv) == 3 and argv[1] == "--sum":
        totals = [0, 0, 0]
        with open(argv[2]) as results:
            for line in results:
                for i, value in enumerate(line.split()):
                    totals[i] += int(value)
        print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
        return 0
    try:
        print(*count_log(argv[1]))
    except OSError:
        print("0 1 0")  # no log: the suite did not run
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
