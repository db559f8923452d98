#!/usr/bin/env python3
"""Independent reference: derive canonical call-log rows from Asterisk CDR files.

Written from docs/asterisk.md ("Formats and how they are recognised" ->
Master.csv / cdr-table, and "CDR: calls that never entered a queue"),
SPEC.md sections 2.1, 2.2 and 5, and the extra rules decided for the CDR
second opinion (listed in Fixtures/asterisk/EXPECTED-cdr.md), without reading
the Swift code.  Clarity over speed: every file is read whole into memory.

    python3 cdr_reference.py [--queue-log FILE ...] [--inbound-context CTX ...]
                             [--switch-tz ZONE] --calls-out calls.csv
                             --summary-out summary.json FILE [FILE ...]

Input CDR files (read in the order given; calls are grouped over all of them):
  * Master.csv (cdr_csv order, no header, 16..21 fields);
  * a CDR table with a header (Asterisk names or Grandstream UCM names);
  * a headerless 16..21-field file in another order (cdr_custom) is REFUSED:
    the run stops, exit status 1, and the summary's `refused` says why.
  zstd-compressed input (by content) is piped through `zstd -dc`.

--queue-log FILE: a queue_log (raw or table) in the same run.  Its attempts
are derived by queue_log_reference.py and written with the CDR rows; a CDR call
one of whose legs has a uniqueid or linkedid that is a queue_log call id is
then "queued" (taken from the queue_log, not from the CDR).

Output: the canonical call-log CSV (SPEC 2.1 header), rows sorted by
arrived_at then call_id (bytes), and a JSON summary.  Standard library only.
"""

import argparse
import csv
import datetime
import io
import json
import os
import re
import sys
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queue_log_reference as qlr  # noqa: E402  (read_bytes, and the queue_log side)

CALL_HEADER = ["call_id", "customer_id", "queue", "arrived_at", "wait_s",
               "talk_s", "outcome", "agent_id", "level"]
DISPOSITIONS = {"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"}
BUSY_DISPOSITIONS = {"BUSY", "CONGESTION", "FAILED"}
ANONYMOUS = {"", "anonymous", "unknown", "none"}          # compared lower-cased
NO_CALL_IDS = {"NONE", "MANAGER", "REALTIME"}

# cdr_csv column order (cdr/cdr_csv.c), 16 standard columns.
CDR_CSV_16 = ["accountcode", "src", "dst", "dcontext", "clid", "channel",
              "dstchannel", "lastapp", "lastdata", "start", "answer", "end",
              "duration", "billsec", "disposition", "amaflags"]

# Header names (lower-cased, trimmed) -> the canonical field they feed.
HEADER_NAMES = {
    "src": "src", "caller number": "src",
    "dst": "dst", "callee number": "dst",
    "dcontext": "dcontext", "context": "dcontext",
    "dstchannel": "dstchannel", "dest. channel": "dstchannel",
    "lastapp": "lastapp", "last app.": "lastapp",
    "start": "start", "calldate": "start", "start time": "start",
    "billsec": "billsec", "talk time": "billsec",
    "disposition": "disposition",
    "uniqueid": "uniqueid", "unique id": "uniqueid",
    "linkedid": "linkedid",
    "userfield": "userfield",
    "log userfield": "loguserfield",
    "session": "session",
    "action type": "actiontype",
}
REQUIRED_TABLE_FIELDS = ("start", "billsec", "disposition")
# Fields whose invalid UTF-8 rejects the row (start/billsec are checked by
# their own syntax, which invalid bytes never satisfy).
USED_FIELDS = ("src", "dst", "dcontext", "dstchannel", "lastapp", "uniqueid",
               "linkedid", "userfield", "loguserfield", "session", "actiontype",
               "disposition", "start", "billsec")

DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$")
UNIQUEID_RE = re.compile(r"^(?:.+-)?\d+\.\d+$")   # `[systemname-]epoch.counter`


class Fatal(Exception):
    pass


class Refused(Fatal):
    pass


class Malformed(Exception):
    pass


# ---------------------------------------------------------------------------
# Lines and fields
# ---------------------------------------------------------------------------

def physical_lines(data):
    """(line_number, bytes) for every non-empty line; '\\r\\n' or '\\n' endings."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    pieces = data.split(b"\n")
    if pieces and pieces[-1] == b"":
        pieces.pop()
    out = []
    for number, piece in enumerate(pieces, start=1):
        if piece.endswith(b"\r"):
            piece = piece[:-1]
        if piece == b"":
            continue
        out.append((number, piece))
    return out


def split_csv(text):
    """RFC 4180 fields of one line.  Raises Malformed on bad quoting
    (a quote inside an unquoted field, text after a closing quote, an
    unterminated quoted field)."""
    fields = []
    i, n = 0, len(text)
    while True:
        if i < n and text[i] == '"':
            i += 1
            buf = []
            while True:
                if i >= n:
                    raise Malformed("malformed quoting (unterminated quoted field)")
                ch = text[i]
                if ch == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(ch)
                i += 1
            fields.append("".join(buf))
            if i == n:
                return fields
            if text[i] != ",":
                raise Malformed("malformed quoting (text after a closing quote)")
            i += 1
        else:
            j = text.find(",", i)
            piece = text[i:] if j < 0 else text[i:j]
            if '"' in piece:
                raise Malformed("malformed quoting (quote inside an unquoted field)")
            fields.append(piece)
            if j < 0:
                return fields
            i = j + 1


def decode(raw):
    """Text with invalid bytes kept as lone surrogates (checked per field)."""
    return raw.decode("utf-8", "surrogateescape")


def has_bad_utf8(text):
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def parse_local(text, zone):
    """`YYYY-MM-DD HH:MM:SS` in the switch zone -> aware datetime, or None."""
    m = DATETIME_RE.match(text)
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) for g in m.groups())
    try:
        return datetime.datetime(y, mo, d, h, mi, s, tzinfo=zone)
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# Format detection
# ---------------------------------------------------------------------------

class Layout:
    """Where each canonical field is in a row of one file."""

    def __init__(self, kind, columns, width, header_line):
        self.kind = kind              # "cdr" (Master.csv) or "cdr-table"
        self.columns = columns        # canonical field -> 0-based index
        self.width = width            # expected field count
        self.header_line = header_line


def master_columns(fields):
    """cdr_csv column names for a headerless row of 16..21 fields."""
    n = len(fields)
    names = list(CDR_CSV_16)
    rest = n - 16
    tail = []
    if n >= 19:
        tail = ["peeraccount", "linkedid", "sequence"]
        rest -= 3
    if rest == 2:
        names += ["uniqueid", "userfield"]
    elif rest == 1:
        names += ["uniqueid" if UNIQUEID_RE.match(fields[16]) else "userfield"]
    names += tail
    return {name: i for i, name in enumerate(names)}


def detect(path, lines, zone):
    base = os.path.basename(path)
    if not lines:
        return None                                   # empty file: nothing to read
    number, raw = lines[0]
    text = decode(raw)
    try:
        fields = split_csv(text)
    except Malformed as exc:
        raise Fatal("%s: first line: %s" % (base, exc))
    # Master.csv: field 10 a local date-time, field 15 a known disposition.
    if (16 <= len(fields) <= 21 and parse_local(fields[9], zone) is not None
            and fields[14].upper() in DISPOSITIONS):
        return Layout("cdr", master_columns(fields), len(fields), None)
    # A header naming CDR fields.
    names = [f.strip().lower() for f in fields]
    if any(n in HEADER_NAMES for n in names):
        if has_bad_utf8(text):
            raise Fatal("%s: header is not valid UTF-8" % base)
        columns = {}
        for i, n in enumerate(names):
            key = HEADER_NAMES.get(n)
            if key is None:
                continue
            if key in columns:
                raise Fatal("%s: CDR column %r named twice in the header" % (base, fields[i]))
            columns[key] = i
        missing = [k for k in REQUIRED_TABLE_FIELDS if k not in columns]
        if missing:
            raise Fatal("%s: CDR table header lacks %s" % (base, ", ".join(missing)))
        return Layout("cdr-table", columns, len(fields), number)
    # Headerless, CDR-like width, a date-time elsewhere: a cdr_custom mapping.
    if 16 <= len(fields) <= 21 and any(parse_local(f, zone) for f in fields):
        raise Refused("%s: a headerless CDR whose columns are not in the cdr_csv order "
                      "(a cdr_custom mapping?): export it with a header instead" % base)
    raise Fatal("%s: not a CDR (first line %r)" % (base, text[:80]))


# ---------------------------------------------------------------------------
# Legs and calls
# ---------------------------------------------------------------------------

class Leg:
    def __init__(self, file_index, file, line, values, start, billsec):
        self.file_index = file_index
        self.file = file
        self.line = line
        self.v = values               # canonical field -> text ('' when absent)
        self.start = start            # aware datetime
        self.billsec = billsec

    def order(self):
        return (self.start, self.file_index, self.line)


def read_legs(path, file_index, zone, summary):
    base = os.path.basename(path)
    lines = physical_lines(qlr.read_bytes(path))
    layout = detect(path, lines, zone)
    if layout is None:
        return []
    body = lines[1:] if layout.kind == "cdr-table" else lines
    legs = []
    for number, raw in body:
        summary["rows"] += 1
        try:
            text = decode(raw)
            fields = split_csv(text)
            if len(fields) != layout.width:
                raise Malformed("wrong field count (%d, expected %d)"
                                % (len(fields), layout.width))
            values = {}
            for key in USED_FIELDS:
                i = layout.columns.get(key)
                values[key] = fields[i] if i is not None else ""
            for key in USED_FIELDS:
                if has_bad_utf8(values[key]):
                    raise Malformed("invalid UTF-8 in %s" % key)
            start = parse_local(values["start"], zone)
            if start is None:
                raise Malformed("bad start time %r" % values["start"])
            if not (values["billsec"].isascii() and values["billsec"].isdigit()):
                raise Malformed("bad billsec %r" % values["billsec"])
            if values["disposition"].upper() not in DISPOSITIONS:
                raise Malformed("unknown disposition %r" % values["disposition"])
        except Malformed as exc:
            summary["rejects"].append({"file": base, "line": number, "reason": str(exc)})
            continue
        legs.append(Leg(file_index, base, number, values, start, int(values["billsec"])))
    return legs


def call_key(leg):
    for key in ("session", "linkedid", "uniqueid"):
        if leg.v[key] != "":
            return leg.v[key]
    return "%s:%d" % (leg.file, leg.line)


def first_leg(key, legs):
    own = [g for g in legs if g.v["uniqueid"] == key]
    return min(own or legs, key=Leg.order)


def is_queued(legs, queue_log_ids):
    for g in legs:
        if g.v["lastapp"].lower() == "queue":
            return True
        if g.v["actiontype"].upper().startswith("QUEUE["):
            return True
        if g.v["uniqueid"] in queue_log_ids or g.v["linkedid"] in queue_log_ids:
            return True
    return False


def is_inbound(first, inbound_contexts):
    flag = first.v["loguserfield"].strip().lower()
    if flag == "inbound":
        return True
    if flag in ("outbound", "internal"):
        return False
    if inbound_contexts:
        return first.v["dcontext"] in inbound_contexts
    return True


class Row:
    def __init__(self, call_id, customer, queue, arrived, wait, talk, outcome, agent):
        self.call_id, self.customer, self.queue = call_id, customer, queue
        self.arrived, self.wait, self.talk = arrived, wait, talk
        self.outcome, self.agent = outcome, agent


def derive(key, legs):
    first = first_leg(key, legs)
    queue = first.v["dst"] or first.v["dcontext"] or "unknown"
    caller = first.v["src"]
    customer = "" if caller.lower() in ANONYMOUS else caller
    arrived = min(g.start for g in legs)
    answered = [g for g in legs if g.v["lastapp"].lower() == "dial"
                and g.v["disposition"].upper() == "ANSWERED" and g.billsec > 0]
    if answered:
        g = min(answered, key=Leg.order)
        return Row(key, customer, queue, arrived, 0, g.billsec, "answered", g.v["dstchannel"])
    last = max(legs, key=Leg.order)
    outcome = "busy" if last.v["disposition"].upper() in BUSY_DISPOSITIONS else "timeout"
    return Row(key, customer, queue, arrived, 0, 0, outcome, "")


# ---------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------

def iso(moment):
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def empty_summary(files):
    return {"files": files, "rows": 0, "rejected": 0, "cdr_calls": 0,
            "cdr_queued_calls": 0, "cdr_not_inbound": 0, "attempts": 0,
            "queue_log_lines": 0, "queue_log_attempts": 0,
            "outcomes": {o: 0 for o in ("answered", "abandoned", "timeout", "busy", "closed")},
            "anonymous_attempts": 0, "customers": 0, "talk_sum": 0,
            "busy_recorded": False, "closed_recorded": False,
            "rejects": [], "refused": None}


def run(cdr_paths, queue_log_paths, inbound_contexts, zone):
    s = empty_summary(len(cdr_paths) + len(queue_log_paths))
    rows = []
    # queue_log side (docs: queue calls are taken from the queue_log).
    queue_log_ids = set()
    if queue_log_paths:
        asm, _sizes = qlr.run(queue_log_paths, zone)
        for path in queue_log_paths:
            lines = qlr.split_lines(qlr.read_bytes(path))
            fmt, body = qlr.detect_format(path, lines, zone)
            for _number, content in body:
                try:
                    e = fmt.parse(content)
                except qlr.Malformed:
                    continue
                if e.callid not in NO_CALL_IDS and e.callid != "":
                    queue_log_ids.add(e.callid)
        for a in asm.rows:
            rows.append(Row(a.call_id, a.customer, a.queue,
                            datetime.datetime.fromtimestamp(a.arrived, datetime.timezone.utc),
                            a.wait, a.talk, a.outcome, a.agent))
        s["queue_log_lines"] = asm.lines
        s["queue_log_attempts"] = len(asm.rows)
        s["closed_recorded"] = asm.closed_recorded
        s["rejects"] += asm.rejected
    # CDR side.
    legs = []
    for index, path in enumerate(cdr_paths):
        legs += read_legs(path, index, zone, s)
    if cdr_paths:
        s["busy_recorded"] = True
    s["rejected"] = len(s["rejects"])
    calls = {}
    for g in legs:
        calls.setdefault(call_key(g), []).append(g)
    s["cdr_calls"] = len(calls)
    for key, group in calls.items():
        if is_queued(group, queue_log_ids):
            s["cdr_queued_calls"] += 1
        elif not is_inbound(first_leg(key, group), inbound_contexts):
            s["cdr_not_inbound"] += 1
        else:
            rows.append(derive(key, group))
    s["attempts"] = s["cdr_calls"] - s["cdr_queued_calls"] - s["cdr_not_inbound"]
    for r in rows:
        s["outcomes"][r.outcome] += 1
    s["anonymous_attempts"] = sum(1 for r in rows if r.customer == "")
    s["customers"] = len({r.customer for r in rows if r.customer != ""})
    s["talk_sum"] = sum(r.talk for r in rows)
    rows.sort(key=lambda r: (iso(r.arrived), r.call_id.encode("utf-8", "surrogateescape")))
    return rows, s


def csv_text(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CALL_HEADER)
    for r in rows:
        w.writerow([r.call_id, r.customer, r.queue, iso(r.arrived), r.wait, r.talk,
                    r.outcome, r.agent, ""])
    return buf.getvalue()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--queue-log", action="append", default=[], metavar="FILE")
    p.add_argument("--inbound-context", action="append", default=[], metavar="CTX")
    p.add_argument("--switch-tz", default="UTC")
    p.add_argument("--calls-out", required=True, metavar="CALLS.csv")
    p.add_argument("--summary-out", required=True, metavar="SUMMARY.json")
    args = p.parse_intermixed_args(argv)
    status = 0
    try:
        try:
            zone = zoneinfo.ZoneInfo(args.switch_tz)
        except Exception:
            raise Fatal("unknown --switch-tz %r" % args.switch_tz)
        rows, summary = run(args.files, args.queue_log, args.inbound_context, zone)
    except (Fatal, qlr.Fatal) as exc:
        print("cdr_reference: error: %s" % exc, file=sys.stderr)
        summary = empty_summary(len(args.files) + len(args.queue_log))
        summary["refused"] = str(exc)
        rows, status = None, 1
    if rows is not None:
        with open(args.calls_out, "w", encoding="utf-8", errors="surrogateescape",
                  newline="") as f:
            f.write(csv_text(rows))
    with open(args.summary_out, "w", encoding="utf-8") as f:
        f.write(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
