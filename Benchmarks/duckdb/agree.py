#!/usr/bin/env python3
"""Check that DuckDB's report (report.py) agrees with another JSON report.

    agree.py [--no-rejects] DUCKDB.json OTHER.json

OTHER is `hotline report --format json` or an expected report. Compared: the
parameters, the rows of each log, and every metric in every scope (overall,
by_queue, by_day), under the rules of Tests/Reference/compare_reports.py:
integers exactly, reals to 1e-9 relative, null only equal to null, the same
scopes and keys. `--no-rejects` also requires OTHER to have rejected no row,
since DuckDB's SQL assumes valid rows. Exit 0 when they agree, else print
every difference and exit 1.
"""

import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Tests" / "Reference"))
from compare_reports import compare_reports  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-rejects", action="store_true")
    parser.add_argument("duckdb")
    parser.add_argument("other")
    args = parser.parse_args()
    duckdb, other = (json.loads(pathlib.Path(p).read_text(encoding="utf-8")) for p in (args.duckdb, args.other))

    problems = []
    if args.no_rejects:
        problems += [f"{args.other}: {log} rejected {other['input'][log]['rejected']} rows"
                     for log in ("calls", "contacts") if other["input"][log]["rejected"] != 0]
    # DuckDB reports only the rows of each log in `input`: compare those.
    other["input"] = {log: {"rows": other["input"][log]["rows"]} for log in ("calls", "contacts")}
    problems += [f"{path}: duckdb {json.dumps(a, ensure_ascii=False)} != {json.dumps(b, ensure_ascii=False)}"
                 for path, a, b in compare_reports(duckdb, other)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"DISAGREEMENT: {len(problems)} difference(s) between {args.duckdb} and {args.other}")
        return 1
    scopes = 1 + len(duckdb["by_queue"]) + len(duckdb["by_day"])
    print(f"agree: {args.duckdb} and {args.other}, {scopes} scopes × {len(duckdb['overall'])} metrics")
    return 0


if __name__ == "__main__":
    sys.exit(main())
