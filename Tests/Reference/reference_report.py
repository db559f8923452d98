#!/usr/bin/env python3
"""Independent reference implementation of SPEC.md (sections 2.1, 3, 4, 5).

Written from the SPEC alone, for clarity rather than speed, so that the Swift
`hotline` tool can be checked against a second opinion on generated data.

    python3 reference_report.py --calls calls.csv [--calls more.csv.zst ...]
                                --contacts contacts.csv [...]
                                [--tz Europe/Paris] [--sl-threshold 20]
                                [--short-abandon 5] [--rejects rejects.tsv]

prints the JSON report of SPEC section 4 on stdout (keys in the order of the
metric table of section 3).  Exit status 1 with a message on stderr for fatal
input errors (missing/duplicate required column, empty or non-UTF-8 header,
unreadable or corrupt zstd file, bad --tz).

Standard library only.  zstd input is decoded through the `zstd -dc` CLI.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import zoneinfo

# --------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------

CALL_COLUMNS = ["call_id", "customer_id", "queue", "arrived_at", "wait_s",
                "talk_s", "outcome", "agent_id", "level"]
CONTACT_COLUMNS = ["contact_id", "case_id", "customer_id", "call_id", "queue",
                   "channel", "started_at", "agent_id", "level", "result"]

OUTCOMES = {"answered", "abandoned", "timeout", "busy", "closed"}
CHANNELS = {"phone", "email", "chat", "callback"}
RESULTS = {"resolved", "progressed", "escalated", "transferred", "no_progress"}
USEFUL_RESULTS = {"resolved", "progressed", "escalated"}
VOICE_CHANNELS = {"phone", "callback"}

INT64_MAX = 2 ** 63 - 1

# JSON key order of the per-scope objects: the order of SPEC section 3's table.
METRIC_KEYS = [
    "attempts", "offered", "answered", "abandoned", "short_abandoned",
    "timeout", "busy", "closed",
    "reachability", "reachability_open_hours", "service_level",
    "abandonment_rate", "asa_s", "wait_p50_s", "wait_p90_s", "wait_p99_s",
    "mean_time_to_abandon_s", "mean_talk_s",
    "anonymous_attempts", "customers", "customers_reached",
    "customer_reach_rate", "repeat_callers", "repeat_caller_rate",
    "attempts_per_customer_p90", "attempts_per_customer_max",
    "contacts", "useful_contacts", "useful_voice_contacts",
    "calls_per_useful_contact", "escalated_contacts", "escalation_rate",
    "cases", "cases_escalated", "case_escalation_rate",
    "cases_reaching_level_3", "fcr",
    "time_to_escalation_p50_s", "time_to_escalation_p90_s",
    "contacts_per_case",
]

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
UTF8_BOM = b"\xef\xbb\xbf"


class FatalError(Exception):
    """An error that stops the whole report (exit status 1)."""


class Reject(Exception):
    """A data row that cannot be parsed; the message is the reason."""


# --------------------------------------------------------------------------
# Field parsers
# --------------------------------------------------------------------------

def split_csv_line(text):
    """Split one line (without its line ending) into fields, RFC 4180 style.

    A line is a row: a quoted field cannot continue on the next line, so an
    unterminated quote is malformed.  A quote inside an unquoted field, or any
    text between a closing quote and the next comma / end of line, is
    malformed.  Raises Reject.
    """
    if '"' not in text:
        return text.split(",")
    fields = []
    i = 0
    n = len(text)
    while True:
        if i < n and text[i] == '"':
            i += 1
            parts = []
            while True:
                j = text.find('"', i)
                if j < 0:
                    raise Reject("unbalanced quotes: unterminated quoted field")
                parts.append(text[i:j])
                if j + 1 < n and text[j + 1] == '"':
                    parts.append('"')
                    i = j + 2
                    continue
                i = j + 1
                break
            fields.append("".join(parts))
            if i == n:
                return fields
            if text[i] != ",":
                raise Reject("malformed quoting: text after closing quote")
            i += 1
        else:
            j = text.find(",", i)
            end = n if j < 0 else j
            field = text[i:end]
            if '"' in field:
                raise Reject("malformed quoting: quote inside unquoted field")
            fields.append(field)
            if j < 0:
                return fields
            i = j + 1


_DIGITS_RE = re.compile(r"[0-9]+")


def parse_int(value, name):
    """ASCII digits only (leading zeros allowed), must fit a signed int64."""
    if value == "":
        raise Reject("empty " + name)
    if not _DIGITS_RE.fullmatch(value):
        if value[0] == "-" and _DIGITS_RE.fullmatch(value[1:]):
            raise Reject("negative " + name)
        raise Reject("not an integer " + name)
    significant = value.lstrip("0")
    if len(significant) > 19:          # also avoids int()'s digit limit
        raise Reject("not an integer %s (does not fit int64)" % name)
    number = int(value) if significant else 0
    if number > INT64_MAX:
        raise Reject("not an integer %s (does not fit int64)" % name)
    return number


def parse_level(value, name="level"):
    number = parse_int(value, name)
    if not 1 <= number <= 3:
        raise Reject("bad " + name + " (not 1..3)")
    return number


_TS_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))")


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant)."""
    y -= 1 if m <= 2 else 0
    era = y // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    """Inverse of days_from_civil: (year, month, day)."""
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + (1 if m <= 2 else 0), m, d)


def parse_timestamp(value, name):
    """Exactly YYYY-MM-DDTHH:MM:SS followed by Z or +hh:mm / -hh:mm.

    Returns the instant as integer seconds since the Unix epoch (UTC).
    Years 0001..9999 are accepted (proleptic Gregorian); year 0000 is
    rejected, the project's documented reading of "a real calendar date".
    """
    m = _TS_RE.fullmatch(value)
    if m is None:
        raise Reject("bad timestamp " + name)
    year, month, day, hour, minute, second = (int(m.group(k)) for k in range(1, 7))
    if year == 0:
        raise Reject("bad timestamp %s (year 0000)" % name)
    if not 1 <= month <= 12:
        raise Reject("bad timestamp %s (month %02d)" % (name, month))
    if not 1 <= day <= days_in_month(year, month):
        raise Reject("bad timestamp %s (no such date)" % name)
    if hour > 23 or minute > 59 or second > 59:
        raise Reject("bad timestamp %s (time out of range)" % name)
    offset = 0
    if m.group(7) is None:
        off_h, off_m = int(m.group(9)), int(m.group(10))
        if off_h > 23:
            raise Reject("bad timestamp %s (offset hours %d)" % (name, off_h))
        if off_m > 59:
            raise Reject("bad timestamp %s (offset minutes %d)" % (name, off_m))
        offset = off_h * 3600 + off_m * 60
        if m.group(8) == "-":
            offset = -offset
    local = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second
    return local - offset


def require(value, name):
    if value == "":
        raise Reject("empty " + name)
    return value


# --------------------------------------------------------------------------
# Days in the report's time zone
# --------------------------------------------------------------------------

class DayMapper:
    """Maps an instant (epoch seconds) to its calendar date in a time zone."""

    def __init__(self, tz_name):
        try:
            self.tz = zoneinfo.ZoneInfo(tz_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as exc:
            raise FatalError("unknown time zone %r (%s)" % (tz_name, exc))
        self.is_utc = tz_name == "UTC"
        # Offsets used for instants outside datetime's range (years < 1 or
        # > 9999): the zone's offset at the edge of that range.
        self.low_offset = self._offset_at(datetime.datetime(1, 1, 2, tzinfo=datetime.timezone.utc))
        self.high_offset = self._offset_at(datetime.datetime(9999, 12, 30, tzinfo=datetime.timezone.utc))

    def _offset_at(self, utc_dt):
        return int(utc_dt.astimezone(self.tz).utcoffset().total_seconds())

    def day(self, epoch):
        """(year, month, day) of the instant in the zone."""
        if self.is_utc:
            return civil_from_days(epoch // 86400)
        try:
            local = datetime.datetime.fromtimestamp(epoch, self.tz)
            return (local.year, local.month, local.day)
        except (OverflowError, ValueError, OSError):
            offset = self.low_offset if epoch < 0 else self.high_offset
            return civil_from_days((epoch + offset) // 86400)


def format_day(day):
    y, m, d = day
    if y < 0:
        return "-%04d-%02d-%02d" % (-y, m, d)
    return "%04d-%02d-%02d" % (y, m, d)


# --------------------------------------------------------------------------
# Reading files (plain or zstd) line by line
# --------------------------------------------------------------------------

def is_zstd(head):
    if len(head) < 4:
        return False
    if head[:4] == ZSTD_MAGIC:
        return True
    return (head[0] & 0xF0) == 0x50 and head[1:4] == b"\x2a\x4d\x18"


class InputFile:
    """Iterates over the raw lines (bytes, ending included) of one file."""

    def __init__(self, path):
        self.path = path
        try:
            self.size_on_disk = os.stat(path).st_size
            with open(path, "rb") as f:
                head = f.read(4)
        except OSError as exc:
            raise FatalError("%s: cannot read: %s" % (path, exc.strerror or exc))
        self.compressed = is_zstd(head)
        self.decoded_bytes = 0

    def lines(self):
        if not self.compressed:
            try:
                with open(self.path, "rb") as f:
                    for raw in f:
                        self.decoded_bytes += len(raw)
                        yield raw
            except OSError as exc:
                raise FatalError("%s: read error: %s" % (self.path, exc.strerror or exc))
            return
        try:
            proc = subprocess.Popen(["zstd", "-dc", "-q", "--", self.path],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as exc:
            raise FatalError("%s: zstd data, but cannot run the zstd CLI: %s" % (self.path, exc))
        try:
            for raw in proc.stdout:
                self.decoded_bytes += len(raw)
                yield raw
        finally:
            proc.stdout.close()
            err = proc.stderr.read().decode("utf-8", "replace").strip()
            proc.stderr.close()
            rc = proc.wait()
        if rc != 0:
            raise FatalError("%s: corrupt or truncated zstd data (zstd exit %d: %s)"
                             % (self.path, rc, err))


def strip_line_ending(raw):
    """Only a final '\\n', and a '\\r' right before it, form the line ending."""
    if raw.endswith(b"\n"):
        raw = raw[:-1]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
    return raw


def read_table(path, columns, rejects, kind, on_row):
    """Parse one canonical CSV file.

    For every valid data line calls on_row(fields_by_name, line_number);
    on_row raises Reject for invalid rows.  Returns (InputFile, rows, rejected).
    """
    source = InputFile(path)
    rows = 0
    rejected = 0
    index = None          # column name -> position in the header
    width = None          # number of header fields
    line_number = 0
    for raw in source.lines():
        line_number += 1
        content = strip_line_ending(raw)
        if line_number == 1:
            if content.startswith(UTF8_BOM):
                content = content[len(UTF8_BOM):]
            index, width = parse_header(path, content, columns)
            continue
        if content == b"":
            continue            # empty line: not a data line, not counted
        try:
            try:
                text = content.decode("utf-8")
            except UnicodeDecodeError:
                raise Reject("invalid UTF-8")
            fields = split_csv_line(text)
            if len(fields) != width:
                raise Reject("wrong field count (%d, header has %d)" % (len(fields), width))
            on_row({name: fields[pos] for name, pos in index.items()}, line_number)
            rows += 1
        except Reject as exc:
            rejected += 1
            if rejects is not None:
                reason = str(exc).replace("\t", " ").replace("\n", " ")
                rejects.write("%s\t%d\t%s\n" % (path, line_number, reason))
    if index is None:
        raise FatalError("%s: empty file, no header (%s)" % (path, kind))
    return source, rows, rejected


def parse_header(path, content, columns):
    if content == b"":
        raise FatalError("%s: empty header line" % path)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise FatalError("%s: header is not valid UTF-8" % path)
    try:
        names = split_csv_line(text)
    except Reject as exc:
        raise FatalError("%s: malformed header (%s)" % (path, exc))
    index = {}
    for column in columns:
        positions = [i for i, name in enumerate(names) if name == column]
        if not positions:
            raise FatalError("%s: required column %r missing from header" % (path, column))
        if len(positions) > 1:
            raise FatalError("%s: column %r named twice in header" % (path, column))
        index[column] = positions[0]
    return index, len(names)


# --------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------

class CallScope:
    def __init__(self):
        self.attempts = 0
        self.outcomes = {o: 0 for o in OUTCOMES}
        self.short_abandoned = 0
        self.answered_within = 0
        self.answered_waits = []
        self.answered_talk_sum = 0
        self.abandoned_wait_sum = 0
        self.anonymous = 0
        self.customer_attempts = {}     # customer_id -> attempts in scope
        self.customers_reached = set()


class ContactScope:
    def __init__(self):
        self.contacts = 0
        self.useful = 0
        self.useful_voice = 0
        self.escalated = 0


class CaseScope:
    def __init__(self):
        self.cases = 0
        self.escalated = 0
        self.reaching_level_3 = 0
        self.fcr = 0
        self.contacts = 0
        self.escalation_times = []


def ratio(num, den):
    return None if den == 0 else num / den


def mean(total, count):
    return None if count == 0 else total / count


def percentile(sorted_values, p):
    """Nearest rank: the value at rank ceil(p*n/100), 1-based, ascending."""
    n = len(sorted_values)
    if n == 0:
        return None
    rank = (p * n + 99) // 100
    return sorted_values[rank - 1]


class Report:
    def __init__(self, tz_name, sl_threshold, short_abandon):
        self.tz_name = tz_name
        self.days = DayMapper(tz_name)
        self.sl_threshold = sl_threshold
        self.short_abandon = short_abandon
        self.call_scopes = {}      # scope key -> CallScope
        self.contact_scopes = {}   # scope key -> ContactScope
        self.case_scopes = {}      # scope key -> CaseScope
        self.cases = {}            # case_id -> list of contact tuples
        self.contact_seq = 0       # input order of valid contact rows
        self.files = 0
        self.bytes_read = 0
        self.bytes_decoded = 0
        self.calls_rows = self.calls_rejected = 0
        self.contacts_rows = self.contacts_rejected = 0

    @staticmethod
    def _scope(table, key, factory):
        scope = table.get(key)
        if scope is None:
            scope = table[key] = factory()
        return scope

    def scope_keys(self, queue, epoch):
        return [("overall", None), ("queue", queue), ("day", self.days.day(epoch))]

    # -- calls ---------------------------------------------------------------

    def add_call(self, f, line_number):
        require(f["call_id"], "call_id")
        queue = require(f["queue"], "queue")
        arrived = parse_timestamp(require(f["arrived_at"], "arrived_at"), "arrived_at")
        wait = parse_int(f["wait_s"], "wait_s")
        talk = parse_int(f["talk_s"], "talk_s")
        outcome = f["outcome"]
        if outcome not in OUTCOMES:
            raise Reject("unknown outcome")
        if f["level"] != "":
            parse_level(f["level"])
        customer = f["customer_id"]

        for key in self.scope_keys(queue, arrived):
            s = self._scope(self.call_scopes, key, CallScope)
            s.attempts += 1
            s.outcomes[outcome] += 1
            if outcome == "answered":
                s.answered_waits.append(wait)
                s.answered_talk_sum += talk
                if wait <= self.sl_threshold:
                    s.answered_within += 1
            elif outcome == "abandoned":
                s.abandoned_wait_sum += wait
                if wait < self.short_abandon:
                    s.short_abandoned += 1
            if customer == "":
                s.anonymous += 1
            else:
                s.customer_attempts[customer] = s.customer_attempts.get(customer, 0) + 1
                if outcome == "answered":
                    s.customers_reached.add(customer)

    # -- contacts ------------------------------------------------------------

    def add_contact(self, f, line_number):
        contact_id = require(f["contact_id"], "contact_id")
        case_id = require(f["case_id"], "case_id")
        queue = require(f["queue"], "queue")
        channel = f["channel"]
        if channel not in CHANNELS:
            raise Reject("unknown channel")
        started = parse_timestamp(require(f["started_at"], "started_at"), "started_at")
        level = parse_level(f["level"])
        result = f["result"]
        if result not in RESULTS:
            raise Reject("unknown result")

        keys = self.scope_keys(queue, started)
        for key in keys:
            s = self._scope(self.contact_scopes, key, ContactScope)
            s.contacts += 1
            if result in USEFUL_RESULTS:
                s.useful += 1
                if channel in VOICE_CHANNELS:
                    s.useful_voice += 1
            if result == "escalated":
                s.escalated += 1
        self.contact_seq += 1
        self.cases.setdefault(case_id, []).append(
            (started, contact_id, self.contact_seq, level, result, keys))

    def finish_cases(self):
        for case_id, contacts in self.cases.items():
            # First contact: earliest instant, then smaller contact_id (Python
            # str order = code point order = UTF-8 byte order), then input order.
            first = min(contacts, key=lambda c: (c[0], c[1], c[2]))
            first_started, _, _, first_level, first_result, first_keys = first
            max_level = max(c[3] for c in contacts)
            escalated = max_level > first_level
            if escalated:
                escalation_time = min(c[0] for c in contacts if c[3] > first_level) - first_started
            reaches_3 = any(c[3] == 3 for c in contacts)
            fcr = first_result == "resolved" and len(contacts) == 1
            for key in first_keys:
                s = self._scope(self.case_scopes, key, CaseScope)
                s.cases += 1
                s.contacts += len(contacts)
                if escalated:
                    s.escalated += 1
                    s.escalation_times.append(escalation_time)
                if reaches_3:
                    s.reaching_level_3 += 1
                if fcr:
                    s.fcr += 1

    # -- output --------------------------------------------------------------

    def metrics(self, key):
        c = self.call_scopes.get(key) or CallScope()
        k = self.contact_scopes.get(key) or ContactScope()
        cs = self.case_scopes.get(key) or CaseScope()
        answered = c.outcomes["answered"]
        abandoned = c.outcomes["abandoned"]
        timeout = c.outcomes["timeout"]
        busy = c.outcomes["busy"]
        closed = c.outcomes["closed"]
        offered = answered + abandoned + timeout
        short = c.short_abandoned
        waits = sorted(c.answered_waits)
        per_customer = sorted(c.customer_attempts.values())
        customers = len(per_customer)
        repeat = sum(1 for n in per_customer if n >= 2)
        reached = len(c.customers_reached)
        tte = sorted(cs.escalation_times)
        values = {
            "attempts": c.attempts,
            "offered": offered,
            "answered": answered,
            "abandoned": abandoned,
            "short_abandoned": short,
            "timeout": timeout,
            "busy": busy,
            "closed": closed,
            "reachability": ratio(answered, c.attempts),
            "reachability_open_hours": ratio(answered, c.attempts - closed),
            "service_level": ratio(c.answered_within, offered - short),
            "abandonment_rate": ratio(abandoned - short, offered - short),
            "asa_s": mean(sum(waits), answered),
            "wait_p50_s": percentile(waits, 50),
            "wait_p90_s": percentile(waits, 90),
            "wait_p99_s": percentile(waits, 99),
            "mean_time_to_abandon_s": mean(c.abandoned_wait_sum, abandoned),
            "mean_talk_s": mean(c.answered_talk_sum, answered),
            "anonymous_attempts": c.anonymous,
            "customers": customers,
            "customers_reached": reached,
            "customer_reach_rate": ratio(reached, customers),
            "repeat_callers": repeat,
            "repeat_caller_rate": ratio(repeat, customers),
            "attempts_per_customer_p90": percentile(per_customer, 90),
            "attempts_per_customer_max": per_customer[-1] if per_customer else None,
            "contacts": k.contacts,
            "useful_contacts": k.useful,
            "useful_voice_contacts": k.useful_voice,
            "calls_per_useful_contact": ratio(c.attempts, k.useful_voice),
            "escalated_contacts": k.escalated,
            "escalation_rate": ratio(k.escalated, k.contacts),
            "cases": cs.cases,
            "cases_escalated": cs.escalated,
            "case_escalation_rate": ratio(cs.escalated, cs.cases),
            "cases_reaching_level_3": cs.reaching_level_3,
            "fcr": ratio(cs.fcr, cs.cases),
            "time_to_escalation_p50_s": percentile(tte, 50),
            "time_to_escalation_p90_s": percentile(tte, 90),
            "contacts_per_case": ratio(cs.contacts, cs.cases),
        }
        assert list(values) == METRIC_KEYS
        return values

    def to_json_object(self):
        # A scope exists when it has rows on either side (calls or contacts);
        # every case scope is also a contact scope (its first contact's).
        keys = set(self.call_scopes) | set(self.contact_scopes)
        queues = sorted((q for kind, q in keys if kind == "queue"),
                        key=lambda q: q.encode("utf-8"))
        days = sorted(d for kind, d in keys if kind == "day")
        return {
            "parameters": {
                "service_level_threshold_s": self.sl_threshold,
                "short_abandon_s": self.short_abandon,
                "time_zone": self.tz_name,
            },
            "input": {
                "files": self.files,
                "bytes_read": self.bytes_read,
                "bytes_decoded": self.bytes_decoded,
                "calls": {"rows": self.calls_rows, "rejected": self.calls_rejected},
                "contacts": {"rows": self.contacts_rows, "rejected": self.contacts_rejected},
            },
            "overall": self.metrics(("overall", None)),
            "by_queue": {q: self.metrics(("queue", q)) for q in queues},
            "by_day": {format_day(d): self.metrics(("day", d)) for d in days},
        }


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def non_negative_int(text):
    if not re.fullmatch(r"[0-9]+", text):
        raise argparse.ArgumentTypeError("expected a non-negative integer, got %r" % text)
    return int(text)


def build_report(calls, contacts, tz="UTC", sl_threshold=20, short_abandon=5,
                 rejects=None):
    """Compute the report object (dict).  Raises FatalError."""
    report = Report(tz, sl_threshold, short_abandon)
    for path in calls:
        source, rows, rejected = read_table(path, CALL_COLUMNS, rejects, "calls", report.add_call)
        report.files += 1
        report.bytes_read += source.size_on_disk
        report.bytes_decoded += source.decoded_bytes
        report.calls_rows += rows
        report.calls_rejected += rejected
    for path in contacts:
        source, rows, rejected = read_table(path, CONTACT_COLUMNS, rejects, "contacts", report.add_contact)
        report.files += 1
        report.bytes_read += source.size_on_disk
        report.bytes_decoded += source.decoded_bytes
        report.contacts_rows += rows
        report.contacts_rejected += rejected
    report.finish_cases()
    return report.to_json_object()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", action="append", default=[], metavar="FILE")
    parser.add_argument("--contacts", action="append", default=[], metavar="FILE")
    parser.add_argument("--tz", default="UTC")
    parser.add_argument("--sl-threshold", type=non_negative_int, default=20)
    parser.add_argument("--short-abandon", type=non_negative_int, default=5)
    parser.add_argument("--rejects", metavar="OUT.tsv")
    args = parser.parse_args(argv)
    if not args.calls and not args.contacts:
        parser.error("give at least one --calls or --contacts file")

    rejects = None
    try:
        if args.rejects:
            try:
                rejects = open(args.rejects, "w", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise FatalError("%s: cannot write: %s" % (args.rejects, exc.strerror or exc))
            rejects.write("file\tline\treason\n")
        report = build_report(args.calls, args.contacts, args.tz,
                              args.sl_threshold, args.short_abandon, rejects)
    except FatalError as exc:
        print("reference_report: error: %s" % exc, file=sys.stderr)
        return 1
    finally:
        if rejects is not None:
            rejects.close()
    text = json.dumps(report, indent=1, ensure_ascii=False, allow_nan=False)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
