#!/usr/bin/env python3
"""Independent check of `hotline report --sla` (docs/sla.md), from the docs alone.

    python3 sla_reference.py --catalogue CATALOGUE.json --calls calls.csv
                             --contacts contacts.csv [--tz ZONE]
                             [--sl-threshold 20] [--short-abandon 5]

prints the `sla` section of the JSON report on stdout.  The catalogue is
read as JSON (the standard library has no YAML parser; JSON is YAML, so the
same file is a valid catalogue for hotline).  Only the catalogue rules that
the evaluation depends on are applied (defaults and overrides, periods,
levels, degraded days, thresholds, penalties); validation errors are the
Swift tests' business.

Rows are read with reference_report.py's CSV reader and field parsers; every
metric is recomputed here from its SPEC §3 definition, over the rows of each
(service, period, level) scope, kept in memory as plain lists.
"""

import argparse
import datetime
import json
import sys

from reference_report import (CALL_COLUMNS, CONTACT_COLUMNS, USEFUL_RESULTS, VOICE_CHANNELS,
                              DayMapper, non_negative_int, parse_int, parse_level, parse_timestamp,
                              read_table, require)

RATES = {"reachability", "reachability_open_hours", "service_level", "abandonment_rate",
         "customer_reach_rate", "repeat_caller_rate", "escalation_rate", "case_escalation_rate", "fcr"}


def ratio(num, den):
    return None if den == 0 else num / den


def nearest_rank(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[-(-p * len(values) // 100) - 1]


class Data:
    """Every accepted row, with its local date."""

    def __init__(self, tz):
        self.days = DayMapper(tz)
        self.calls = []     # dicts: queue, date, wait, talk, outcome, customer, level
        self.contacts = []  # dicts: queue, date, started, contact_id, seq, case, channel, level, result

    def date(self, epoch):
        return datetime.date(*self.days.day(epoch))

    def add_call(self, f, line):
        outcome = f["outcome"]
        level = parse_level(f["level"]) if f["level"] != "" else None
        self.calls.append({
            "queue": require(f["queue"], "queue"),
            "date": self.date(parse_timestamp(f["arrived_at"], "arrived_at")),
            "wait": parse_int(f["wait_s"], "wait_s"), "talk": parse_int(f["talk_s"], "talk_s"),
            "outcome": outcome, "customer": f["customer_id"],
            # A call's level is the answering agent's: only answered calls have one.
            "level": level if outcome == "answered" else None,
        })

    def add_contact(self, f, line):
        started = parse_timestamp(f["started_at"], "started_at")
        self.contacts.append({
            "queue": f["queue"], "date": self.date(started), "started": started,
            "contact_id": f["contact_id"], "seq": len(self.contacts), "case": f["case_id"],
            "channel": f["channel"], "level": parse_level(f["level"]), "result": f["result"],
        })

    def cases(self):
        """Per case: its first contact and everything the case metrics need."""
        by_case = {}
        for contact in self.contacts:
            by_case.setdefault(contact["case"], []).append(contact)
        cases = []
        for contacts in by_case.values():
            first = min(contacts, key=lambda c: (c["started"], c["contact_id"].encode(), c["seq"]))
            above = [c["started"] for c in contacts if c["level"] > first["level"]]
            cases.append({
                "first": first, "contacts": len(contacts),
                "escalation": min(above) - first["started"] if above else None,
                "level_3": any(c["level"] == 3 for c in contacts),
                "fcr": first["result"] == "resolved" and len(contacts) == 1,
            })
        return cases


def metrics(calls, contacts, cases, sl_threshold, short_abandon):
    """SPEC §3 over the rows of one scope; service_level at `sl_threshold`."""
    count = lambda rows, outcome: sum(1 for c in rows if c["outcome"] == outcome)
    answered = [c for c in calls if c["outcome"] == "answered"]
    abandoned = [c for c in calls if c["outcome"] == "abandoned"]
    short = sum(1 for c in abandoned if c["wait"] < short_abandon)
    offered = len(answered) + len(abandoned) + count(calls, "timeout")
    waits = [c["wait"] for c in answered]
    per_customer = {}
    reached = set()
    for c in calls:
        if c["customer"]:
            per_customer[c["customer"]] = per_customer.get(c["customer"], 0) + 1
            if c["outcome"] == "answered":
                reached.add(c["customer"])
    repeat = sum(1 for n in per_customer.values() if n >= 2)
    useful = [c for c in contacts if c["result"] in USEFUL_RESULTS]
    useful_voice = sum(1 for c in useful if c["channel"] in VOICE_CHANNELS)
    escalated_contacts = sum(1 for c in contacts if c["result"] == "escalated")
    delays = [c["escalation"] for c in cases if c["escalation"] is not None]
    return {
        "attempts": len(calls), "offered": offered, "answered": len(answered), "abandoned": len(abandoned),
        "short_abandoned": short, "timeout": count(calls, "timeout"), "busy": count(calls, "busy"),
        "closed": count(calls, "closed"),
        "reachability": ratio(len(answered), len(calls)),
        "reachability_open_hours": ratio(len(answered), len(calls) - count(calls, "closed")),
        "service_level": ratio(sum(1 for w in waits if w <= sl_threshold), offered - short),
        "abandonment_rate": ratio(len(abandoned) - short, offered - short),
        "asa_s": ratio(sum(waits), len(waits)),
        "wait_p50_s": nearest_rank(waits, 50), "wait_p90_s": nearest_rank(waits, 90),
        "wait_p99_s": nearest_rank(waits, 99),
        "mean_time_to_abandon_s": ratio(sum(c["wait"] for c in abandoned), len(abandoned)),
        "mean_talk_s": ratio(sum(c["talk"] for c in answered), len(answered)),
        "anonymous_attempts": sum(1 for c in calls if not c["customer"]),
        "customers": len(per_customer), "customers_reached": len(reached),
        "customer_reach_rate": ratio(len(reached), len(per_customer)),
        "repeat_callers": repeat, "repeat_caller_rate": ratio(repeat, len(per_customer)),
        "attempts_per_customer_p90": nearest_rank(list(per_customer.values()), 90),
        "attempts_per_customer_max": max(per_customer.values()) if per_customer else None,
        "contacts": len(contacts), "useful_contacts": len(useful), "useful_voice_contacts": useful_voice,
        "calls_per_useful_contact": ratio(len(calls), useful_voice),
        "escalated_contacts": escalated_contacts, "escalation_rate": ratio(escalated_contacts, len(contacts)),
        "cases": len(cases), "cases_escalated": len(delays), "case_escalation_rate": ratio(len(delays), len(cases)),
        "cases_reaching_level_3": sum(1 for c in cases if c["level_3"]),
        "fcr": ratio(sum(1 for c in cases if c["fcr"]), len(cases)),
        "time_to_escalation_p50_s": nearest_rank(delays, 50), "time_to_escalation_p90_s": nearest_rank(delays, 90),
        "contacts_per_case": ratio(sum(c["contacts"] for c in cases), len(cases)),
    }


def period_of(kind, date):
    """(first day, label) of the day, ISO week or calendar month holding `date`."""
    if kind == "day":
        return date, date.isoformat()
    if kind == "week":
        year, week, _ = date.isocalendar()
        return date - datetime.timedelta(days=date.weekday()), "%04d-W%02d" % (year, week)
    return date.replace(day=1), "%04d-%02d" % (date.year, date.month)


def period_days(kind, first):
    if kind == "day":
        return [first]
    if kind == "week":
        return [first + datetime.timedelta(days=i) for i in range(7)]
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return [first + datetime.timedelta(days=i) for i in range((following - first).days)]


def commitments_of(service, defaults):
    """Defaults in order, each replaced by the service's commitment on the same
    metric, level and period; then the service's other commitments."""
    identity = lambda c: (c["metric"], c.get("level"), c["period"])
    own = {identity(c): c for c in service.get("commitments", [])}
    result = [(own.get(identity(d), d), identity(d) not in own) for d in defaults]
    default_ids = {identity(d) for d in defaults}
    result += [(c, False) for c in service.get("commitments", []) if identity(c) not in default_ids]
    return result


def met(comparison, measured, target):
    return {">=": measured >= target, "<=": measured <= target,
            ">": measured > target, "<": measured < target}[comparison]


def totals(periods):
    return {"met": sum(1 for p in periods if p["status"] == "met"),
            "missed": sum(1 for p in periods if p["status"] == "missed"),
            "not_measurable": sum(1 for p in periods if p["status"] == "not_measurable"),
            "penalty": sum(p["penalty"] for p in periods)}


def add_totals(parts):
    keys = ["met", "missed", "not_measurable", "penalty"]
    return {k: sum(p[k] for p in parts) for k in keys}


def evaluate(catalogue, data, sl_threshold, short_abandon):
    all_dates = [c["date"] for c in data.calls] + [c["date"] for c in data.contacts]
    first_date, last_date = (min(all_dates), max(all_dates)) if all_dates else (None, None)
    degraded = {datetime.date.fromisoformat(d) for d in catalogue.get("degraded_days", [])}
    defaults = catalogue.get("default", {}).get("commitments", [])
    cases = data.cases()

    services = {}
    for service in catalogue["services"]:
        queues = set(service["queues"])
        results = []
        for commitment, inherited in commitments_of(service, defaults):
            kind, level = commitment["period"], commitment.get("level")
            metric = commitment["metric"]
            threshold = commitment.get("threshold_s", sl_threshold) if metric == "service_level" else None
            periods = []
            # Only the periods holding a day with data: none for a gap in the logs.
            starts = []
            for day in sorted(set(all_dates)):
                start, _ = period_of(kind, day)
                if start not in starts:
                    starts.append(start)
            for start in starts:
                label = period_of(kind, start)[1]
                days = period_days(kind, start)
                in_scope = lambda row: (row["queue"] in queues and period_of(kind, row["date"])[0] == start
                                        and (level is None or row["level"] == level))
                calls = [c for c in data.calls if in_scope(c)]
                contacts = [c for c in data.contacts if in_scope(c)]
                scope_cases = [c for c in cases if in_scope(c["first"])]
                is_degraded = any(d in degraded for d in days)
                target = commitment.get("degraded_target", commitment["target"]) if is_degraded else commitment["target"]
                value = None
                if calls or contacts:
                    value = metrics(calls, contacts, scope_cases,
                                    threshold if threshold is not None else sl_threshold, short_abandon)[metric]
                if value is None:
                    status, margin, penalty = "not_measurable", None, 0
                else:
                    status = "met" if met(commitment["comparison"], value, target) else "missed"
                    margin = value - target if commitment["comparison"] in (">=", ">") else target - value
                    penalty = commitment.get("penalty", 0) if status == "missed" else 0
                periods.append({
                    "period": label, "partial": days[0] < first_date or days[-1] > last_date,
                    "degraded": is_degraded, "target": target, "measured": value, "status": status,
                    "margin": margin, "penalty": penalty,
                })
            results.append({
                "metric": metric, "comparison": commitment["comparison"], "target": commitment["target"],
                "degraded_target": commitment.get("degraded_target"), "threshold_s": threshold,
                "level": level, "period": kind, "penalty": commitment.get("penalty", 0), "inherited": inherited,
                "periods": periods, "totals": totals(periods),
            })
        services[service["name"]] = {
            "queues": service["queues"], "opening_hours": service.get("opening_hours", []),
            "commitments": results, "totals": add_totals([r["totals"] for r in results]),
        }
    return {
        "currency": catalogue.get("currency"),
        "degraded_days": sorted(catalogue.get("degraded_days", [])),
        "services": services,
        "totals": add_totals([s["totals"] for s in services.values()]),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalogue", required=True)
    parser.add_argument("--calls", action="append", default=[])
    parser.add_argument("--contacts", action="append", default=[])
    parser.add_argument("--tz", default="UTC")
    parser.add_argument("--sl-threshold", type=non_negative_int, default=20)
    parser.add_argument("--short-abandon", type=non_negative_int, default=5)
    args = parser.parse_args(argv)
    with open(args.catalogue, encoding="utf-8") as f:
        catalogue = json.load(f)
    data = Data(args.tz)
    for path in args.calls:
        read_table(path, CALL_COLUMNS, None, "calls", data.add_call)
    for path in args.contacts:
        read_table(path, CONTACT_COLUMNS, None, "contacts", data.add_contact)
    result = evaluate(catalogue, data, args.sl_threshold, args.short_abandon)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
