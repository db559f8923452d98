"""What the fixture self-tests share: an exact comparison of two parsed JSON
documents (hand-derived expectations are exact: no tolerance, unlike
compare_reports.py), and the line each fixture prints.

    from selftest_support import diff_json, print_outcome, reference_report_problems
    problems = diff_json(actual, expected)   # [] when equal
    problems += reference_report_problems(calls_csv, expected_attempts)
    passed = print_outcome(label, problems)
"""

import json
import os
import subprocess
import sys

REPORT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference_report.py")



def diff_json(actual, expected, path="$"):
    """The differences between `actual` and `expected`, one line each, with their JSON path."""
    if type(actual) is not type(expected):
        return ["%s: %r != expected %r" % (path, actual, expected)]
    if isinstance(actual, dict):
        out = []
        for k in sorted(set(actual) | set(expected)):
            if k not in actual:
                out.append("%s.%s missing" % (path, k))
            elif k not in expected:
                out.append("%s.%s unexpected (%r)" % (path, k, actual[k]))
            else:
                out += diff_json(actual[k], expected[k], "%s.%s" % (path, k))
        return out
    if isinstance(actual, list):
        if len(actual) != len(expected):
            return ["%s: %d items != expected %d: %r" % (path, len(actual), len(expected), actual)]
        out = []
        for i, (a, e) in enumerate(zip(actual, expected)):
            out += diff_json(a, e, "%s[%d]" % (path, i))
        return out
    return [] if actual == expected else ["%s: %r != expected %r" % (path, actual, expected)]


def print_outcome(label, problems):
    """Prints `ok` or `FAIL` and the problems of one fixture; True when it passed."""
    if problems:
        print("FAIL %s" % label)
        for p in problems:
            print("   " + p)
        return False
    print("ok   %s" % label)
    return True


def reference_report_problems(calls_csv, expected_attempts):
    """Whether the derived call log is valid input for reference_report.py,
    with the expected number of attempts: a second check of the rows."""
    rep = subprocess.run([sys.executable, REPORT, "--calls", calls_csv], capture_output=True, text=True)
    if rep.returncode != 0:
        return ["reference_report.py refused the calls: " + rep.stderr.strip()]
    attempts = json.loads(rep.stdout)["overall"]["attempts"]
    if attempts != expected_attempts:
        return ["reference_report attempts %r != %r" % (attempts, expected_attempts)]
    return []
