#!/usr/bin/env python3
"""The SPEC §3 metrics computed by DuckDB (metrics.sql), printed as JSON in the
shape of `hotline report --format json` (SPEC §4).

    report.py --calls FILE... --contacts FILE... [--tz ZONE]
              [--sl-threshold SECONDS] [--short-abandon SECONDS]

Files are plain CSV or zstd, told apart by their first bytes as hotline does.
Every row is assumed valid (metrics.sql says why). The `input` section holds
only what DuckDB knows without validating: the rows of each log.
"""

import argparse
import json
import pathlib
import sys

import duckdb

SQL = pathlib.Path(__file__).with_name("metrics.sql")


def compression(path):
    """'zstd' for a zstd frame or a skippable frame (pzstd), else 'none'."""
    with open(path, "rb") as f:
        magic = f.read(4)
    zstd = magic == b"\x28\xb5\x2f\xfd" or (len(magic) == 4 and magic[0] & 0xF0 == 0x50 and magic[1:] == b"\x2a\x4d\x18")
    return "zstd" if zstd else "none"


# The columns of each log (SPEC §2.1), taken by name: files may order them
# differently and carry other columns.
CALL_COLUMNS = ["call_id", "customer_id", "queue", "arrived_at", "wait_s", "talk_s", "outcome", "agent_id", "level"]
CONTACT_COLUMNS = ["contact_id", "case_id", "customer_id", "call_id", "queue", "channel", "started_at",
                   "agent_id", "level", "result"]


def csv_union(paths, columns):
    """One SELECT of the columns over the files in the order given, each row
    tagged with its file's number: the input order of a log is its files in
    the order given, then their lines."""
    def literal(text):
        return "'" + text.replace("'", "''") + "'"
    return "\nUNION ALL\n".join(
        f"SELECT {i} AS file_no, {', '.join(columns)}"
        f" FROM read_csv({literal(path)}, compression = {literal(compression(path))},"
        " header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true)"
        for i, path in enumerate(paths))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", nargs="+", required=True, metavar="FILE")
    parser.add_argument("--contacts", nargs="+", required=True, metavar="FILE")
    parser.add_argument("--tz", default="UTC")
    parser.add_argument("--sl-threshold", type=int, default=20)
    parser.add_argument("--short-abandon", type=int, default=5)
    args = parser.parse_args()

    con = duckdb.connect()
    con.execute("SET VARIABLE tz = ?", [args.tz])
    con.execute("SET VARIABLE sl_threshold_s = ?", [args.sl_threshold])
    con.execute("SET VARIABLE short_abandon_s = ?", [args.short_abandon])
    con.execute(f"CREATE TEMP VIEW calls_csv AS {csv_union(args.calls, CALL_COLUMNS)}")
    con.execute(f"CREATE TEMP VIEW contacts_csv AS {csv_union(args.contacts, CONTACT_COLUMNS)}")
    cursor = con.execute(SQL.read_text())   # runs every statement; the last one's rows are the scopes
    columns = [d[0] for d in cursor.description]
    scopes = cursor.fetchall()
    report = {
        "parameters": {"service_level_threshold_s": args.sl_threshold,
                       "short_abandon_s": args.short_abandon,
                       "time_zone": args.tz},
        "input": {"calls": {"rows": con.execute("SELECT count(*) FROM calls").fetchone()[0]},
                  "contacts": {"rows": con.execute("SELECT count(*) FROM contacts").fetchone()[0]}},
        "overall": None, "by_queue": {}, "by_day": {},
    }
    for row in scopes:
        scope, name, *values = row
        metrics = dict(zip(columns[2:], values))
        if scope == "overall":
            report["overall"] = metrics
        else:
            report["by_" + scope][name] = metrics
    # hotline's order: queues by their UTF-8 bytes, days chronologically.
    report["by_queue"] = dict(sorted(report["by_queue"].items(), key=lambda item: item[0].encode()))
    report["by_day"] = dict(sorted(report["by_day"].items()))
    json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
