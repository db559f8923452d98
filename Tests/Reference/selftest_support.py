"""What the fixture self-tests share: an exact comparison of two parsed JSON
documents (hand-derived expectations are exact: no tolerance, unlike
compare_reports.py), and the line each fixture prints.

    from selftest_support import diff_json, print_outcome
    problems = diff_json(actual, expected)   # [] when equal
    passed = print_outcome(label, problems)
"""


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
