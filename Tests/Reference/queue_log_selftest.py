#!/usr/bin/env python3
"""Self-test of queue_log_reference.py against the hand-derived synthetic fixtures.

For every input under Tests/HotlineEndToEndTests/Fixtures/asterisk/synthetic/
(`<name>.queue_log` or a table `<name>.csv`, not `*.expected.*`), runs
queue_log_reference.py and compares:
  * the derived call log with `<name>.expected.csv`, byte for byte;
  * the JSON summary with `<name>.expected.json`, as parsed JSON.
Also checks that the call log is valid input for reference_report.py.
Prints one line per fixture and exits 1 on any mismatch.

    python3 queue_log_selftest.py [-v]
"""

import json
import os
import subprocess
import sys
import tempfile

from selftest_support import diff_json, print_outcome, reference_report_problems

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "queue_log_reference.py")
FIXTURES = os.path.join(HERE, "..", "HotlineEndToEndTests", "Fixtures", "asterisk", "synthetic")


def inputs():
    for name in sorted(os.listdir(FIXTURES)):
        if ".expected." in name or name.endswith(".md"):
            continue
        if name.endswith(".queue_log") or name.endswith(".csv"):
            yield name, name.rsplit(".", 1)[0]


def main():
    verbose = "-v" in sys.argv
    failed = 0
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, stem in inputs():
            count += 1
            out = os.path.join(tmp, stem + ".csv")
            summ = os.path.join(tmp, stem + ".json")
            proc = subprocess.run([sys.executable, SCRIPT, os.path.join(FIXTURES, name),
                                   "--out", out, "--summary", summ],
                                  capture_output=True, text=True)
            problems = []
            if proc.returncode != 0:
                problems.append("exit %d: %s" % (proc.returncode, proc.stderr.strip()))
            else:
                with open(out, "rb") as f:
                    got_csv = f.read()
                with open(os.path.join(FIXTURES, stem + ".expected.csv"), "rb") as f:
                    want_csv = f.read()
                if got_csv != want_csv:
                    problems.append("calls differ:\n--- got\n%s--- expected\n%s"
                                    % (got_csv.decode(), want_csv.decode()))
                with open(summ) as f:
                    got = json.load(f)
                with open(os.path.join(FIXTURES, stem + ".expected.json")) as f:
                    want = json.load(f)
                problems += diff_json(got, want)
                problems += reference_report_problems(out, want["attempts"])
            if not print_outcome(name, problems):
                failed += 1
            elif verbose:
                print("     " + json.dumps({k: want[k] for k in ("attempts", "outcomes",
                                                                   "incomplete_calls",
                                                                   "duplicate_lines")}))
    print("%d passed, %d failed" % (count - failed, failed))
    return 1 if failed or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
