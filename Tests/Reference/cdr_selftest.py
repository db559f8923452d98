#!/usr/bin/env python3
"""Self-test of cdr_reference.py against the hand-derived CDR expectations.

  * every synthetic fixture under Fixtures/asterisk/synthetic-cdr/: the input
    `<name>.csv` (not `*.expected.*`), plus the lines of `<name>.args` if present
    (extra CLI arguments, one per line: options and extra input files, relative
    to that directory, which is the working directory of the run);
  * every real sample under Fixtures/asterisk/cdr/, against
    Fixtures/asterisk/expected/<sample>.cdr.summary.json and .cdr.calls.csv.

The derived call log is compared byte for byte with the expected CSV and the
summary as parsed JSON.  A summary whose `refused` is not null expects exit
status 1 (and no call log).  Each accepted call log is also fed to
reference_report.py (it must be valid canonical input).  Exit 1 on any mismatch.

    python3 cdr_selftest.py [-v]
"""

import json
import os
import subprocess
import sys
import tempfile

from selftest_support import diff_json, print_outcome, reference_report_problems

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "cdr_reference.py")
ASTERISK = os.path.join(HERE, "..", "HotlineEndToEndTests", "Fixtures", "asterisk")
SYNTHETIC = os.path.join(ASTERISK, "synthetic-cdr")
SAMPLES = os.path.join(ASTERISK, "cdr")
EXPECTED = os.path.join(ASTERISK, "expected")


def cases():
    for name in sorted(os.listdir(SYNTHETIC)):
        if name.endswith(".csv") and ".expected." not in name:
            stem = name[:-4]
            args = [name]
            argfile = os.path.join(SYNTHETIC, stem + ".args")
            if os.path.exists(argfile):
                with open(argfile) as f:
                    args += [line.rstrip("\n") for line in f if line.strip()]
            yield ("synthetic-cdr/" + name, SYNTHETIC, args,
                   os.path.join(SYNTHETIC, stem + ".expected.csv"),
                   os.path.join(SYNTHETIC, stem + ".expected.json"))
    for name in sorted(os.listdir(SAMPLES)):
        yield ("cdr/" + name, SAMPLES, [name],
               os.path.join(EXPECTED, name + ".cdr.calls.csv"),
               os.path.join(EXPECTED, name + ".cdr.summary.json"))


def check(cwd, args, want_csv_path, want_json_path, tmp):
    out = os.path.join(tmp, "calls.csv")
    summ = os.path.join(tmp, "summary.json")
    for p in (out, summ):
        if os.path.exists(p):
            os.remove(p)
    proc = subprocess.run([sys.executable, SCRIPT, "--calls-out", out, "--summary-out", summ]
                          + args, cwd=cwd, capture_output=True, text=True)
    with open(want_json_path) as f:
        want = json.load(f)
    problems = []
    refused = want.get("refused") is not None
    if proc.returncode != (1 if refused else 0):
        problems.append("exit %d: %s" % (proc.returncode, proc.stderr.strip()))
    if not os.path.exists(summ):
        return problems + ["no summary written"]
    with open(summ) as f:
        got = json.load(f)
    problems += diff_json(got, want)
    if refused:
        if os.path.exists(out):
            problems.append("a call log was written for a refused input")
        return problems
    with open(out, "rb") as f:
        got_csv = f.read()
    with open(want_csv_path, "rb") as f:
        want_csv = f.read()
    if got_csv != want_csv:
        problems.append("calls differ:\n--- got\n%s--- expected\n%s"
                        % (got_csv.decode(errors="replace"), want_csv.decode(errors="replace")))
    problems += reference_report_problems(out, want["attempts"] + want["queue_log_attempts"])
    return problems


def main():
    verbose = "-v" in sys.argv
    failed = count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for label, cwd, args, want_csv, want_json in cases():
            count += 1
            problems = check(cwd, args, want_csv, want_json, tmp)
            if not print_outcome(label, problems):
                failed += 1
            elif verbose:
                with open(want_json) as f:
                    want = json.load(f)
                print("     " + json.dumps({k: want[k] for k in (
                    "rows", "rejected", "cdr_calls", "cdr_queued_calls",
                    "cdr_not_inbound", "attempts", "outcomes", "refused")}))
    print("%d passed, %d failed" % (count - failed, failed))
    return 1 if failed or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
