#!/usr/bin/env python3
"""Independent reference: derive canonical call-log rows from Asterisk queue_log files.

Written from docs/asterisk.md (section "queue_log", "Honest gaps", "Report
additions") and SPEC.md sections 2.1/2.2 only, without reading the Swift code,
so that `hotline convert` / `hotline report` can be checked against a second
opinion.  Clarity over speed: every file is read whole into memory.

    python3 queue_log_reference.py [--out calls.csv] [--summary summary.json]
                                   [--switch-tz ZONE] [--report report.json]
                                   FILE [FILE ...]

Input files (read in the order given, state carried across files):
  * a raw queue_log: `epoch|callid|queue|agent|EVENT|data...` per line;
  * a queue_log table with a header line (CSV): columns `callid`, `event`,
    `queuename` or `queue_name`, `agent` or `type`, a time column
    (`date_time` epoch, else `time` = epoch digits or
    `YYYY-MM-DD HH:MM:SS[.fraction]` in --switch-tz), and data in
    `data1`..`data5`, or one `data` column split at `|`, or PBXware's
    `param1`..`param3`,`entpos`,`expos`,`htime`,`ttime`.
  zstd-compressed input (by content) is piped through `zstd -dc`.

Output: the canonical call-log CSV (SPEC 2.1 header), rows sorted by
arrived_at then call_id (bytes), on stdout or --out.  A JSON summary goes to
--summary (or stderr).  --report additionally writes the SPEC report made by
reference_report.py over the derived rows, adjusted per docs/asterisk.md
"Report additions" (busy/closed null when not recorded, input.switch_logs).

Standard library only.  Exit status 1 on a fatal error (unreadable file,
unrecognised format, table without a required column).
"""

import argparse
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
import zoneinfo

CALL_HEADER = ["call_id", "customer_id", "queue", "arrived_at", "wait_s",
               "talk_s", "outcome", "agent_id", "level"]

NO_CALL_IDS = {"NONE", "MANAGER", "REALTIME"}
ANONYMOUS = {"", "anonymous", "unknown", "none"}          # compared lower-cased

ANSWER_FINALS = {"COMPLETECALLER", "COMPLETEAGENT", "TRANSFER",
                 "BLINDTRANSFER", "ATTENDEDTRANSFER"}
ABANDON_FINALS = {"ABANDON", "EXITWITHKEY"}
TIMEOUT_EXITS = {"EXITWITHTIMEOUT", "EXITEMPTY", "WITHDRAW"}   # may overflow
TIMEOUT_FINALS = {"SYSCOMPAT", "AGENTDUMP"}                     # never overflow
BUSY_EVENTS = {"FULL", "JOINEMPTY", "JOINUNAVAIL"}
CLOSED_EVENTS = {"CLOSED"}
IGNORED_EVENTS = {
    "RINGNOANSWER", "RINGCANCELED", "DID", "INFO",
    "AGENTLOGIN", "AGENTLOGOFF", "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF",
    "ADDMEMBER", "REMOVEMEMBER", "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL",
    "PENALTY", "QUEUESTART", "CONFIGRELOAD",
}
KNOWN_EVENTS = ({"ENTERQUEUE", "CONNECT"} | ANSWER_FINALS | ABANDON_FINALS
                | TIMEOUT_EXITS | TIMEOUT_FINALS | BUSY_EVENTS | CLOSED_EVENTS
                | IGNORED_EVENTS)
ATTEMPT_EVENTS = KNOWN_EVENTS - IGNORED_EVENTS

# The ranges every input path checks (ValueRanges.swift): instants from
# 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, durations 0..100,000,000 s.
FIRST_INSTANT, LAST_INSTANT = -62135596800, 253402300799
LONGEST_DURATION = 100000000
# A call with no event for this long of log time is given up (OpenCallHorizon.swift).
HORIZON = 86400


def checked(e):
    """The event, or Malformed for what a line alone decides is no row."""
    if not FIRST_INSTANT <= e.time <= LAST_INSTANT:
        raise Malformed("bad time (outside 0001-01-01T00:00:00Z\u20269999-12-31T23:59:59Z)")
    if e.callid == "" and e.name in ATTEMPT_EVENTS:
        raise Malformed("empty callid")
    return e

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class Fatal(Exception):
    pass


class Malformed(Exception):
    pass


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

def read_bytes(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise Fatal("%s: cannot read: %s" % (path, exc.strerror or exc))
    if data[:4] == ZSTD_MAGIC or (len(data) >= 4 and (data[0] & 0xF0) == 0x50
                                  and data[1:4] == b"\x2a\x4d\x18"):
        proc = subprocess.run(["zstd", "-dc", "-q"], input=data, capture_output=True)
        if proc.returncode != 0:
            raise Fatal("%s: corrupt zstd data" % path)
        data = proc.stdout
    return data


def split_lines(data):
    """(line_number, content) for every non-empty line; a final line may lack '\\n'."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    pieces = data.split(b"\n")
    if pieces and pieces[-1] == b"":
        pieces.pop()                      # the file ended with a line ending
    out = []
    for number, piece in enumerate(pieces, start=1):
        if piece.endswith(b"\r"):
            piece = piece[:-1]
        if piece == b"":
            continue                      # empty line: skipped, not counted
        out.append((number, piece))
    return out


def is_digits(text):
    return text != "" and all("0" <= ch <= "9" for ch in text)


def parse_seconds(text):
    """A count of seconds, or None when empty / not a number (then: timestamps)."""
    return int(text) if text is not None and is_digits(text) else None


class Event:
    __slots__ = ("time", "callid", "queue", "agent", "name", "data",
                 "wait", "talk", "caller", "line", "file", "number")


class RawFormat:
    name = "queue-log"

    def parse(self, content):
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            raise Malformed("invalid UTF-8")
        fields = text.split("|")
        if len(fields) < 5:
            raise Malformed("too few fields (%d)" % len(fields))
        if not is_digits(fields[0]):
            raise Malformed("bad epoch %r" % fields[0])
        e = Event()
        e.time = int(fields[0])
        e.callid, e.queue, e.agent, e.name = fields[1], fields[2], fields[3], fields[4]
        e.data = fields[5:]
        e.wait = e.talk = e.caller = None      # looked up by event below
        return checked(e)


class TableFormat:
    name = "queue-log-table"

    def __init__(self, path, header, switch_tz):
        self.path = path
        self.columns = header
        self.index = {name: i for i, name in reversed(list(enumerate(header)))}
        self.zone = switch_tz
        for needed in ("callid", "event"):
            if needed not in self.index:
                raise Fatal("%s: queue_log table without a %r column" % (path, needed))
        self.queue_col = "queuename" if "queuename" in self.index else "queue_name"
        self.agent_col = "agent" if "agent" in self.index else "type"
        if self.queue_col not in self.index or self.agent_col not in self.index:
            raise Fatal("%s: queue_log table without a queue or agent column" % path)
        if "date_time" in self.index:
            self.time_col = "date_time"
        elif "time" in self.index:
            self.time_col = "time"
        else:
            raise Fatal("%s: queue_log table without a time column" % path)
        self.pbxware = "htime" in self.index and "ttime" in self.index
        if self.pbxware:
            self.data_cols = None
        elif "data1" in self.index:
            self.data_cols = [c for c in ("data1", "data2", "data3", "data4", "data5")
                              if c in self.index]
        elif "data" in self.index:
            self.data_cols = ["data"]
        else:
            self.data_cols = []

    def parse_time(self, text):
        if is_digits(text):
            return int(text)
        if self.time_col == "date_time":
            raise Malformed("bad epoch %r" % text)
        base = text.split(".", 1)[0]
        if "." in text and not is_digits(text.split(".", 1)[1]):
            raise Malformed("bad time %r" % text)
        try:
            naive = datetime.datetime.strptime(base, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            raise Malformed("bad time %r" % text)
        return int(naive.replace(tzinfo=self.zone).timestamp())

    def parse(self, content):
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            raise Malformed("invalid UTF-8")
        rows = list(csv.reader([text], strict=True))
        if len(rows) != 1 or len(rows[0]) != len(self.columns):
            raise Malformed("wrong field count")
        row = rows[0]

        def col(name):
            return row[self.index[name]] if name in self.index else ""

        e = Event()
        e.time = self.parse_time(col(self.time_col))
        e.callid, e.queue, e.agent, e.name = (col("callid"), col(self.queue_col),
                                              col(self.agent_col), col("event"))
        e.wait = e.talk = e.caller = None
        if self.pbxware:
            # PBXware already split the data: wait = htime, talk = ttime for
            # every event; the caller id of ENTERQUEUE is param1 (see README).
            e.data = []
            e.wait = col("htime")
            e.talk = col("ttime")
            e.caller = col("param1")
        elif self.data_cols == ["data"]:
            e.data = col("data").split("|")
        else:
            e.data = "|".join(col(c) for c in self.data_cols).split("|")
        return checked(e)


def detect_format(path, lines, switch_tz):
    if not lines:
        return None, lines
    first = lines[0][1].decode("utf-8", "replace")
    parts = first.split("|")
    if len(parts) >= 5 and is_digits(parts[0]):
        return RawFormat(), lines
    header = next(csv.reader([first]))
    names = set(header)
    if ("callid" in names and "event" in names
            and ({"queuename", "queue_name"} & names) and ({"agent", "type"} & names)
            and ({"date_time", "time"} & names)):
        return TableFormat(path, header, switch_tz), lines[1:]
    raise Fatal("%s: not a queue_log (first line %r)" % (path, first[:80]))


# ---------------------------------------------------------------------------
# Field lookup by event name (docs/asterisk.md table)
# ---------------------------------------------------------------------------

def data_field(e, index):
    return e.data[index] if 0 <= index < len(e.data) else None


def trimmed(data):
    data = list(data)
    while data and data[-1] == "":
        data.pop()
    return data


def event_wait(e):
    """The seconds waited that the event carries, or None (use timestamps)."""
    if e.wait is not None:                         # PBXware htime
        return parse_seconds(e.wait)
    n = e.name
    if n in ("CONNECT", "COMPLETECALLER", "COMPLETEAGENT"):
        return parse_seconds(data_field(e, 0))     # holdtime
    if n in ("TRANSFER", "BLINDTRANSFER"):
        return parse_seconds(data_field(e, 2))     # extension|context|holdtime
    if n == "ATTENDEDTRANSFER":
        d = trimmed(e.data)                        # ...|holdtime|calltime|origposition
        return parse_seconds(d[-3]) if len(d) >= 3 else None
    if n in ("ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY", "WITHDRAW"):
        return parse_seconds(data_field(e, 2))     # position|origposition|waittime
    if n == "EXITWITHKEY":
        return parse_seconds(data_field(e, 3))     # key|position|origposition|waittime
    return None


def event_talk(e):
    if e.talk is not None:                         # PBXware ttime
        return parse_seconds(e.talk)
    n = e.name
    if n in ("COMPLETECALLER", "COMPLETEAGENT"):
        return parse_seconds(data_field(e, 1))     # holdtime|calltime
    if n in ("TRANSFER", "BLINDTRANSFER"):
        return parse_seconds(data_field(e, 3))     # extension|context|holdtime|calltime
    if n == "ATTENDEDTRANSFER":
        d = trimmed(e.data)
        return parse_seconds(d[-2]) if len(d) >= 3 else None
    return None


def event_caller(e):
    if e.caller is not None:                       # PBXware param1
        return e.caller
    value = data_field(e, 1)                       # url|callerid[|position]
    return "" if value is None else value


def customer_of(caller):
    return "" if caller.lower() in ANONYMOUS else caller


# ---------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------

class Attempt:
    def __init__(self, call_id, customer, queue, arrived, entry_time):
        self.call_id = call_id
        self.customer = customer
        self.queue = queue
        self.arrived = arrived
        self.entry_time = entry_time       # ENTERQUEUE time of the current queue
        self.wait = 0                      # summed over overflowed queues
        self.state = "waiting"             # waiting | connected | pending | done
        self.connect_time = None
        self.agent = ""
        self.talk = 0
        self.outcome = None
        self.where = None                  # (file, line) of the first ENTERQUEUE
        self.last = entry_time             # time of the latest line applied


class CallState:
    def __init__(self):
        self.current = None                # Attempt not yet done (or pending)
        self.lines = set()                 # contents seen (duplicate detection)
        self.reread = False
        self.fragment = None               # (file, line) of a CONNECT with no open attempt
        self.fragment_last = None          # time of the fragment's latest line


class Assembler:
    def __init__(self):
        self.calls = {}
        self.rows = []
        self.lines = 0
        self.rejected = []
        self.ignored = 0
        self.unknown = 0
        self.unknown_names = {}
        self.duplicates = []
        self.incomplete = []
        self.busy_recorded = False
        self.closed_recorded = False

    # -- helpers --------------------------------------------------------------

    def new_attempt(self, uid, state, e, customer):
        # docs/asterisk.md: every queue entry's row repeats the uniqueid as
        # call_id (SPEC 2.1: ids are not merged, every row counts).
        a = Attempt(uid, customer, e.queue, e.time, e.time)
        a.where = (e.file, e.number)
        return a

    def finish(self, a, outcome):
        a.outcome = outcome
        a.state = "done"
        if outcome != "answered":
            a.agent = ""
            a.talk = 0
        # What a canonical call row needs (SPEC 2.1), else a rejected line.
        problem = ("empty queue" if a.queue == ""
                   else "bad wait (outside 0\u2026%d s)" % LONGEST_DURATION if not 0 <= a.wait <= LONGEST_DURATION
                   else "bad talk (outside 0\u2026%d s)" % LONGEST_DURATION if not 0 <= a.talk <= LONGEST_DURATION
                   else None)
        if problem:
            self.rejected.append({"file": a.where[0], "line": a.where[1], "reason": problem})
        else:
            self.rows.append(a)

    def expire(self, now):
        """Gives up the open calls whose latest line is more than HORIZON before `now`."""
        for uid, state in self.calls.items():
            a = state.current
            if a is not None and a.state in ("waiting", "connected", "pending") and a.last + HORIZON < now:
                if a.state == "pending":
                    self.close_pending(state)
                else:
                    self.incomplete_call(a.where, uid, "no event for 24 h of log time")
                    state.current = None
            if state.fragment is not None and state.fragment_last + HORIZON < now:
                self.incomplete_call(state.fragment, uid, "CONNECT without ENTERQUEUE, given up")
                state.fragment = None

    def incomplete_call(self, where, uid, why):
        self.incomplete.append({"file": where[0], "line": where[1], "callid": uid,
                                "reason": "incomplete call", "why": why})

    def close_pending(self, state):
        if state.current is not None and state.current.state == "pending":
            self.finish(state.current, "timeout")
            state.current = None

    # -- one event --------------------------------------------------------------

    def add(self, e, content):
        self.lines += 1
        name = e.name
        if name in BUSY_EVENTS:
            self.busy_recorded = True
        if name in CLOSED_EVENTS:
            self.closed_recorded = True
        uid = e.callid
        if uid in NO_CALL_IDS or uid == "":
            self.count_other(name)
            return
        state = self.calls.setdefault(uid, CallState())

        # Duplicates: a byte-identical line of the same call; a re-read call.
        if content in state.lines:
            if name == "ENTERQUEUE" and (state.current is None
                                         or state.current.state in ("pending", "done")):
                state.reread = True
            self.duplicates.append({"file": e.file, "line": e.number, "callid": uid})
            return
        if state.reread and name != "ENTERQUEUE":
            self.duplicates.append({"file": e.file, "line": e.number, "callid": uid})
            return
        state.lines.add(content)
        if name == "ENTERQUEUE":
            state.reread = False

        a = state.current
        if name == "ENTERQUEUE":
            if a is not None and a.state == "pending":          # overflow
                a.state = "waiting"
                a.entry_time = e.time
                a.last = e.time
                return
            if a is not None and a.state in ("waiting", "connected"):
                self.incomplete_call(a.where, uid, "entered a queue again before a final event")
                state.current = None
            state.current = self.new_attempt(uid, state, e, customer_of(event_caller(e)))
            return

        if name == "CONNECT":
            if a is not None and a.state == "waiting":
                w = event_wait(e)
                a.wait += w if w is not None else max(0, e.time - a.entry_time)
                a.state = "connected"
                a.connect_time = e.time
                a.agent = e.agent
                a.last = e.time
            elif a is None or a.state == "pending":
                self.close_pending(state)
                if state.fragment is None:
                    state.fragment = (e.file, e.number)
                    state.fragment_last = e.time
            return                                   # a second CONNECT changes nothing

        if name in ANSWER_FINALS or name in ABANDON_FINALS or name in TIMEOUT_EXITS \
                or name in TIMEOUT_FINALS:
            if a is None or a.state == "pending":
                self.close_pending(state)
                state.fragment = None
                self.incomplete_call((e.file, e.number), uid,
                                     "%s without its ENTERQUEUE" % name)
                return
            if name in ANSWER_FINALS:
                if a.state == "waiting":             # COMPLETE... without CONNECT
                    w = event_wait(e)
                    if w is None:
                        w = max(0, e.time - a.entry_time)
                    a.wait += w
                    a.agent = e.agent
                    a.connect_time = a.entry_time + w
                t = event_talk(e)
                a.talk = t if t is not None else max(0, e.time - a.connect_time)
                self.finish(a, "answered")
                state.current = None
                return
            if a.state == "waiting":
                w = event_wait(e)
                a.wait += w if w is not None else max(0, e.time - a.entry_time)
            if name in ABANDON_FINALS:
                self.finish(a, "abandoned")
                state.current = None
            elif name in TIMEOUT_EXITS:
                a.state = "pending"                  # may still overflow
                a.last = e.time
            else:
                self.finish(a, "timeout")
                state.current = None
            return

        if name in BUSY_EVENTS or name in CLOSED_EVENTS:
            if a is not None and a.state == "pending":
                self.close_pending(state)            # the overflow was refused
                return
            b = self.new_attempt(uid, state, e, "")
            self.finish(b, "busy" if name in BUSY_EVENTS else "closed")
            return

        if a is not None and a.state != "done":
            a.last = e.time                          # a line of the call, still open
        elif state.fragment is not None:
            state.fragment_last = e.time
        self.count_other(name)

    def count_other(self, name):
        if name in KNOWN_EVENTS:
            self.ignored += 1
        else:
            self.unknown += 1
            self.unknown_names[name] = self.unknown_names.get(name, 0) + 1

    def end_of_input(self):
        for uid, state in self.calls.items():
            a = state.current
            if a is not None and a.state == "pending":
                self.close_pending(state)
            elif a is not None and a.state in ("waiting", "connected"):
                self.incomplete_call(a.where, uid, "no final event by the end of the input"
                                     + (" (connected)" if a.state == "connected" else ""))
                state.current = None
            if state.fragment is not None:
                self.incomplete_call(state.fragment, uid, "CONNECT without ENTERQUEUE or final event")
                state.fragment = None


def run(paths, switch_tz):
    asm = Assembler()
    byte_sizes = []
    for path in paths:
        data = read_bytes(path)
        byte_sizes.append((os.path.getsize(path), len(data)))
        lines = split_lines(data)
        fmt, body = detect_format(path, lines, switch_tz)
        if fmt is None:
            continue
        base = os.path.basename(path)
        for number, content in body:
            try:
                e = fmt.parse(content)
            except Malformed as exc:
                asm.lines += 1
                asm.rejected.append({"file": base, "line": number, "reason": str(exc)})
                continue
            e.file, e.number = base, number
            asm.expire(e.time)
            asm.add(e, content)
    asm.end_of_input()
    return asm, byte_sizes


def iso(epoch):
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def csv_text(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CALL_HEADER)
    for a in sorted(rows, key=lambda a: (a.arrived, a.call_id.encode("utf-8"))):
        w.writerow([a.call_id, a.customer, a.queue, iso(a.arrived), a.wait,
                    a.talk, a.outcome, a.agent, ""])
    return buf.getvalue()


def summary_of(asm, files):
    outcomes = {o: 0 for o in ("answered", "abandoned", "timeout", "busy", "closed")}
    for a in asm.rows:
        outcomes[a.outcome] += 1
    customers = {a.customer for a in asm.rows if a.customer != ""}
    not_recorded = []
    if not asm.busy_recorded:
        not_recorded.append("busy")
    if not asm.closed_recorded:
        not_recorded.append("closed")
    return {
        "files": files,
        "lines": asm.lines,
        "rejected": len(asm.rejected),
        "attempts": len(asm.rows),
        "outcomes": outcomes,
        "short_abandoned": sum(1 for a in asm.rows if a.outcome == "abandoned" and a.wait < 5),
        "anonymous_attempts": sum(1 for a in asm.rows if a.customer == ""),
        "customers": len(customers),
        "wait_sum_answered": sum(a.wait for a in asm.rows if a.outcome == "answered"),
        "wait_sum_abandoned": sum(a.wait for a in asm.rows if a.outcome == "abandoned"),
        "talk_sum": sum(a.talk for a in asm.rows),
        "events_ignored": asm.ignored,
        "events_unknown": asm.unknown,
        "unknown_names": dict(sorted(asm.unknown_names.items())),
        "duplicate_lines": len(asm.duplicates),
        "incomplete_calls": len(asm.incomplete),
        "busy_recorded": asm.busy_recorded,
        "closed_recorded": asm.closed_recorded,
        "not_recorded": not_recorded,
        "incomplete": sorted(asm.incomplete, key=lambda d: (d["file"], d["line"])),
        "duplicates": asm.duplicates,
        "rejects": asm.rejected,
    }


def write_report(path, csv_body, summary, byte_sizes, tz):
    """SPEC report of the derived rows (reference_report.py) + queue_log additions."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import reference_report
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as t:
        t.write(csv_body)
        tmp = t.name
    try:
        report = reference_report.build_report([tmp], [], tz=tz)
    finally:
        os.unlink(tmp)
    report["input"]["files"] = len(byte_sizes)
    report["input"]["bytes_read"] = sum(s for s, _ in byte_sizes)
    report["input"]["bytes_decoded"] = sum(d for _, d in byte_sizes)
    report["input"]["calls"] = {"rows": summary["attempts"], "rejected": summary["rejected"]}
    report["input"]["switch_logs"] = {
        "queue_log_lines": summary["lines"], "events_ignored": summary["events_ignored"],
        "events_unknown": summary["events_unknown"], "duplicate_lines": summary["duplicate_lines"],
        "incomplete_calls": summary["incomplete_calls"], "cdr_rows": 0, "cdr_calls": 0,
        "cdr_queued_calls": 0, "cdr_not_inbound": 0}
    report["input"]["not_recorded"] = summary["not_recorded"]
    scopes = [report["overall"]] + list(report["by_queue"].values()) + list(report["by_day"].values())
    for s in scopes:
        for outcome in summary["not_recorded"]:
            s[outcome] = None
        if "closed" in summary["not_recorded"]:
            s["reachability_open_hours"] = None
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(report, indent=1, ensure_ascii=False) + "\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--out", metavar="CALLS.csv", help="derived call log (default stdout)")
    p.add_argument("--summary", metavar="FILE.json", help="JSON summary (default stderr)")
    p.add_argument("--switch-tz", default="UTC", help="zone of a table's text times")
    p.add_argument("--report", metavar="FILE.json",
                   help="also write the SPEC report (queue_log-adjusted) of the derived rows")
    p.add_argument("--tz", default="UTC", help="report time zone for --report")
    args = p.parse_args(argv)
    try:
        try:
            zone = zoneinfo.ZoneInfo(args.switch_tz)
        except Exception:
            raise Fatal("unknown --switch-tz %r" % args.switch_tz)
        asm, sizes = run(args.files, zone)
    except Fatal as exc:
        print("queue_log_reference: error: %s" % exc, file=sys.stderr)
        return 1
    body = csv_text(asm.rows)
    summary = summary_of(asm, len(args.files))
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as f:
            f.write(body)
    else:
        sys.stdout.write(body)
    text = json.dumps(summary, indent=1, ensure_ascii=False) + "\n"
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stderr.write(text)
    if args.report:
        write_report(args.report, body, summary, sizes, args.tz)
    return 0


if __name__ == "__main__":
    sys.exit(main())
