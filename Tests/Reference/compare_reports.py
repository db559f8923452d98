#!/usr/bin/env python3
"""Compare two hotline JSON reports (SPEC section 4).

    python3 compare_reports.py A.json B.json

Exit 0 when they agree, else print every difference as `path: a != b` and
exit 1 (exit 2 when a file cannot be read or is not JSON).

Agreement means:
- the same keys at every level (overall, every by_queue / by_day scope, every
  metric, parameters, input); key order is not compared;
- strings exact; null only equals null; booleans only equal booleans;
- counts and every integer-valued metric (counts, percentiles, maxima, input
  sizes, parameters) exactly equal as numbers: 13 equals 13.0, but
  9223372036854775807 does not equal 9.223372036854776e18;
- every other number (ratios, means) equal to 1e-9 relative, or 1e-12
  absolute for values near 0; an integer and a real with the same value are
  equal.
"""

import json
import math
import sys

# Keys whose values are integers by definition: compared exactly.
EXACT_KEYS = {
    "attempts", "offered", "answered", "abandoned", "short_abandoned",
    "timeout", "busy", "closed",
    "wait_p50_s", "wait_p90_s", "wait_p99_s",
    "anonymous_attempts", "customers", "customers_reached", "repeat_callers",
    "attempts_per_customer_p90", "attempts_per_customer_max",
    "contacts", "useful_contacts", "useful_voice_contacts",
    "escalated_contacts", "cases", "cases_escalated", "cases_reaching_level_3",
    "time_to_escalation_p50_s", "time_to_escalation_p90_s",
    # input / parameters
    "files", "bytes_read", "bytes_decoded", "rows", "rejected",
    "service_level_threshold_s", "short_abandon_s",
}

REL_TOL = 1e-9
ABS_TOL = 1e-12


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def numbers_agree(a, b, exact):
    if isinstance(a, float) and not math.isfinite(a):
        return False
    if isinstance(b, float) and not math.isfinite(b):
        return False
    if exact:
        return a == b          # Python compares int and float exactly
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def compare(a, b, path, key, diffs):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in b:
                diffs.append((path + "." + k, a[k], "<missing>"))
        for k in b:
            if k not in a:
                diffs.append((path + "." + k, "<missing>", b[k]))
        for k in a:
            if k in b:
                compare(a[k], b[k], path + "." + k, k, diffs)
        return
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            diffs.append((path + ".length", len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            compare(x, y, "%s[%d]" % (path, i), key, diffs)
        return
    if is_number(a) and is_number(b):
        if not numbers_agree(a, b, key in EXACT_KEYS):
            diffs.append((path, a, b))
        return
    # null, strings, booleans, or mismatched types
    if type(a) is not type(b) or a != b:
        diffs.append((path, a, b))


def compare_reports(a, b):
    """List of (path, a, b) differences; empty when the reports agree."""
    diffs = []
    compare(a, b, "$", None, diffs)
    return diffs


def load(path):
    with open(path, "rb") as f:
        return json.loads(f.read().decode("utf-8"))


def main(argv):
    if len(argv) != 3:
        print("usage: compare_reports.py A.json B.json", file=sys.stderr)
        return 2
    try:
        a = load(argv[1])
        b = load(argv[2])
    except (OSError, ValueError) as exc:
        print("compare_reports: error: %s" % exc, file=sys.stderr)
        return 2
    diffs = compare_reports(a, b)
    for path, x, y in diffs:
        print("%s: %s != %s" % (path, json.dumps(x, ensure_ascii=False),
                                json.dumps(y, ensure_ascii=False)))
    if diffs:
        print("%d difference(s)" % len(diffs))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
