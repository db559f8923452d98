#!/usr/bin/env python3
"""Self-test of reference_report.py and compare_reports.py.

    python3 selftest.py

Hand-computed mini cases plus the shared tiny example.  Prints
"N passed, M failed" at the end; exit status 1 when anything failed.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

sys.dont_write_bytecode = True     # keep Tests/Reference free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import compare_reports as cmp   # noqa: E402
import reference_report as ref  # noqa: E402

TINY = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "examples", "tiny"))
if not os.path.isdir(TINY):
    TINY = "/work/shared/examples/tiny"

CALL_HEADER = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level\n"
CONTACT_HEADER = "contact_id,case_id,customer_id,call_id,queue,channel,started_at,agent_id,level,result\n"

TESTS = []
TMP = tempfile.mkdtemp(prefix="hotline-ref-selftest-")


def test(fn):
    TESTS.append(fn)
    return fn


def write(name, data):
    path = os.path.join(TMP, name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return path


def report(calls=(), contacts=(), **kw):
    return ref.build_report(list(calls), list(contacts), **kw)


def run_cli(*args):
    return subprocess.run([sys.executable, os.path.join(HERE, "reference_report.py")] + list(args),
                          capture_output=True)


def approx(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))


def check_metrics(scope, expected, where=""):
    for key, want in expected.items():
        got = scope[key]
        if isinstance(want, float):
            assert isinstance(got, float) and approx(got, want), "%s%s: got %r, want %r" % (where, key, got, want)
        else:
            assert got == want and type(got) is type(want), "%s%s: got %r, want %r" % (where, key, got, want)


def rejected_lines(calls=(), contacts=()):
    path = os.path.join(TMP, "rejects.tsv")
    with open(path, "w") as f:
        f.write("file\tline\treason\n")
        report(calls, contacts, rejects=f)
    with open(path) as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return [(os.path.basename(r[0]), int(r[1])) for r in rows]


# ---------------------------------------------------------------------------
# The shared tiny example
# ---------------------------------------------------------------------------

@test
def tiny_example_utc():
    got = report([os.path.join(TINY, "calls.csv")], [os.path.join(TINY, "contacts.csv")])
    with open(os.path.join(TINY, "expected.json")) as f:
        want = json.load(f)
    assert cmp.compare_reports(got, want) == [], cmp.compare_reports(got, want)


@test
def tiny_example_paris():
    got = report([os.path.join(TINY, "calls.csv")], [os.path.join(TINY, "contacts.csv")], tz="Europe/Paris")
    with open(os.path.join(TINY, "expected_tz_paris.json")) as f:
        want = json.load(f)
    assert cmp.compare_reports(got, want) == [], cmp.compare_reports(got, want)


@test
def tiny_example_rejects():
    got = rejected_lines([os.path.join(TINY, "calls.csv")], [os.path.join(TINY, "contacts.csv")])
    with open(os.path.join(TINY, "expected_rejects.tsv")) as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    want = [(r[0], int(r[1])) for r in rows]
    assert got == want, (got, want)


@test
def tiny_example_cli():
    out = run_cli("--calls", os.path.join(TINY, "calls.csv"), "--contacts", os.path.join(TINY, "contacts.csv"))
    assert out.returncode == 0, out.stderr
    path = write("tiny_out.json", out.stdout)
    r = subprocess.run([sys.executable, os.path.join(HERE, "compare_reports.py"), path,
                        os.path.join(TINY, "expected.json")], capture_output=True)
    assert r.returncode == 0, r.stdout
    # key order follows SPEC section 3's table, as in expected.json
    got = json.loads(out.stdout)
    with open(os.path.join(TINY, "expected.json")) as f:
        want = json.load(f)
    assert list(got["overall"]) == list(want["overall"])
    assert list(got) == list(want)
    assert list(got["input"]) == list(want["input"])


# ---------------------------------------------------------------------------
# A hand-computed mini case: ties, cross-queue / cross-day cases
# ---------------------------------------------------------------------------

MINI_CALLS = CALL_HEADER + """\
1,u1,q1,2026-03-01T10:00:00Z,5,100,answered,a,1
2,u1,q1,2026-03-01T11:00:00Z,3,0,abandoned,,
3,,q1,2026-03-01T12:00:00Z,30,50,answered,a,2
4,u2,q2,2026-03-02T09:00:00Z,0,0,busy,,
5,u2,q2,2026-03-02T09:01:00Z,25,40,answered,b,1
6,u3,q1,2026-03-02T23:30:00-01:00,8,0,abandoned,,
7,u3,q1,2026-03-02T10:00:00Z,0,0,closed,,
"""

# Case X: x2 and x10 start at the same instant; "x10" < "x2" in byte order,
# so X's first contact is x10 (queue q2, not useful) and X counts in q2.
# Case Y: first y1 (q2, 03-02, level 1), then y2 at level 3 a day later in q1.
# Case Z: a single resolved contact -> FCR, in q3 (a queue without calls).
MINI_CONTACTS = CONTACT_HEADER + """\
x2,X,u1,1,q1,phone,2026-03-01T10:00:10Z,a,1,resolved
x10,X,u1,,q2,email,2026-03-01T11:00:10+01:00,b,1,transferred
y1,Y,u2,5,q2,phone,2026-03-02T09:01:30Z,b,1,escalated
y2,Y,u2,,q1,callback,2026-03-03T09:00:00Z,c,3,resolved
z1,Z,u3,,q3,chat,2026-03-03T08:00:00Z,d,2,resolved
"""

NULL_CALLS = {k: None for k in ["reachability", "reachability_open_hours", "service_level",
                                "abandonment_rate", "asa_s", "wait_p50_s", "wait_p90_s",
                                "wait_p99_s", "mean_time_to_abandon_s", "mean_talk_s",
                                "customer_reach_rate", "repeat_caller_rate",
                                "attempts_per_customer_p90", "attempts_per_customer_max"]}
NULL_CASES = {"cases": 0, "cases_escalated": 0, "case_escalation_rate": None,
              "cases_reaching_level_3": 0, "fcr": None, "time_to_escalation_p50_s": None,
              "time_to_escalation_p90_s": None, "contacts_per_case": None}


def mini_report(**kw):
    return report([write("mini_calls.csv", MINI_CALLS)], [write("mini_contacts.csv", MINI_CONTACTS)], **kw)


@test
def mini_overall():
    r = mini_report()
    assert r["input"]["calls"] == {"rows": 7, "rejected": 0}
    assert r["input"]["contacts"] == {"rows": 5, "rejected": 0}
    assert r["input"]["files"] == 2
    size = len(MINI_CALLS.encode()) + len(MINI_CONTACTS.encode())
    assert r["input"]["bytes_read"] == size and r["input"]["bytes_decoded"] == size
    check_metrics(r["overall"], {
        "attempts": 7, "offered": 5, "answered": 3, "abandoned": 2, "short_abandoned": 1,
        "timeout": 0, "busy": 1, "closed": 1,
        "reachability": 3 / 7, "reachability_open_hours": 0.5, "service_level": 0.25,
        "abandonment_rate": 0.25, "asa_s": 20.0, "wait_p50_s": 25, "wait_p90_s": 30,
        "wait_p99_s": 30, "mean_time_to_abandon_s": 5.5, "mean_talk_s": 190 / 3,
        "anonymous_attempts": 1, "customers": 3, "customers_reached": 2,
        "customer_reach_rate": 2 / 3, "repeat_callers": 3, "repeat_caller_rate": 1.0,
        "attempts_per_customer_p90": 2, "attempts_per_customer_max": 2,
        "contacts": 5, "useful_contacts": 4, "useful_voice_contacts": 3,
        "calls_per_useful_contact": 7 / 3, "escalated_contacts": 1, "escalation_rate": 0.2,
        "cases": 3, "cases_escalated": 1, "case_escalation_rate": 1 / 3,
        "cases_reaching_level_3": 1, "fcr": 1 / 3,
        "time_to_escalation_p50_s": 86310, "time_to_escalation_p90_s": 86310,
        "contacts_per_case": 5 / 3,
    }, "overall.")


@test
def mini_by_queue():
    r = mini_report()
    assert list(r["by_queue"]) == ["q1", "q2", "q3"]
    check_metrics(r["by_queue"]["q1"], dict({
        "attempts": 5, "offered": 4, "answered": 2, "abandoned": 2, "short_abandoned": 1,
        "timeout": 0, "busy": 0, "closed": 1,
        "reachability": 0.4, "reachability_open_hours": 0.5, "service_level": 1 / 3,
        "abandonment_rate": 1 / 3, "asa_s": 17.5, "wait_p50_s": 5, "wait_p90_s": 30,
        "wait_p99_s": 30, "mean_time_to_abandon_s": 5.5, "mean_talk_s": 75.0,
        "anonymous_attempts": 1, "customers": 2, "customers_reached": 1,
        "customer_reach_rate": 0.5, "repeat_callers": 2, "repeat_caller_rate": 1.0,
        "attempts_per_customer_p90": 2, "attempts_per_customer_max": 2,
        "contacts": 2, "useful_contacts": 2, "useful_voice_contacts": 2,
        "calls_per_useful_contact": 2.5, "escalated_contacts": 0, "escalation_rate": 0.0,
    }, **NULL_CASES), "q1.")
    check_metrics(r["by_queue"]["q2"], {
        "attempts": 2, "offered": 1, "answered": 1, "abandoned": 0, "short_abandoned": 0,
        "busy": 1, "closed": 0, "reachability": 0.5, "reachability_open_hours": 0.5,
        "service_level": 0.0, "abandonment_rate": 0.0, "asa_s": 25.0, "wait_p50_s": 25,
        "wait_p99_s": 25, "mean_time_to_abandon_s": None, "mean_talk_s": 40.0,
        "customers": 1, "customers_reached": 1, "repeat_callers": 1,
        "attempts_per_customer_p90": 2,
        "contacts": 2, "useful_contacts": 1, "useful_voice_contacts": 1,
        "calls_per_useful_contact": 2.0, "escalated_contacts": 1, "escalation_rate": 0.5,
        "cases": 2, "cases_escalated": 1, "case_escalation_rate": 0.5,
        "cases_reaching_level_3": 1, "fcr": 0.0, "time_to_escalation_p50_s": 86310,
        "contacts_per_case": 2.0,
    }, "q2.")
    check_metrics(r["by_queue"]["q3"], dict(NULL_CALLS, **{
        "attempts": 0, "offered": 0, "customers": 0, "anonymous_attempts": 0,
        "contacts": 1, "useful_contacts": 1, "useful_voice_contacts": 0,
        "calls_per_useful_contact": None, "escalation_rate": 0.0,
        "cases": 1, "cases_escalated": 0, "case_escalation_rate": 0.0,
        "cases_reaching_level_3": 0, "fcr": 1.0, "time_to_escalation_p50_s": None,
        "contacts_per_case": 1.0,
    }), "q3.")


@test
def mini_by_day_utc():
    r = mini_report()
    assert list(r["by_day"]) == ["2026-03-01", "2026-03-02", "2026-03-03"]
    d1, d2, d3 = (r["by_day"][d] for d in r["by_day"])
    check_metrics(d1, {
        "attempts": 3, "offered": 3, "answered": 2, "short_abandoned": 1,
        "service_level": 0.5, "abandonment_rate": 0.0, "reachability": 2 / 3,
        "asa_s": 17.5, "wait_p50_s": 5, "mean_time_to_abandon_s": 3.0,
        "customers": 1, "repeat_callers": 1,
        "contacts": 2, "useful_contacts": 1, "useful_voice_contacts": 1,
        "calls_per_useful_contact": 3.0, "cases": 1, "cases_escalated": 0, "fcr": 0.0,
        "contacts_per_case": 2.0, "time_to_escalation_p50_s": None,
    }, "d1.")
    check_metrics(d2, {
        "attempts": 3, "answered": 1, "busy": 1, "closed": 1, "offered": 1,
        "reachability": 1 / 3, "reachability_open_hours": 0.5, "service_level": 0.0,
        "customers": 2, "customers_reached": 1, "customer_reach_rate": 0.5,
        "repeat_callers": 1, "repeat_caller_rate": 0.5,
        "attempts_per_customer_p90": 2, "attempts_per_customer_max": 2,
        "contacts": 1, "escalated_contacts": 1, "escalation_rate": 1.0,
        "calls_per_useful_contact": 3.0,
        "cases": 1, "cases_escalated": 1, "cases_reaching_level_3": 1,
        "time_to_escalation_p50_s": 86310, "time_to_escalation_p90_s": 86310,
        "contacts_per_case": 2.0,
    }, "d2.")
    check_metrics(d3, {
        "attempts": 1, "abandoned": 1, "short_abandoned": 0, "offered": 1,
        "service_level": 0.0, "abandonment_rate": 1.0, "reachability": 0.0,
        "asa_s": None, "wait_p50_s": None, "mean_time_to_abandon_s": 8.0,
        "customers": 1, "customers_reached": 0, "customer_reach_rate": 0.0,
        "repeat_callers": 0, "attempts_per_customer_p90": 1, "attempts_per_customer_max": 1,
        "contacts": 2, "useful_contacts": 2, "useful_voice_contacts": 1,
        "calls_per_useful_contact": 1.0, "cases": 1, "fcr": 1.0, "contacts_per_case": 1.0,
    }, "d3.")


@test
def mini_by_day_new_york():
    r = mini_report(tz="America/New_York")      # EST, -05:00, in early March 2026
    assert r["parameters"]["time_zone"] == "America/New_York"
    assert list(r["by_day"]) == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert [r["by_day"][d]["attempts"] for d in r["by_day"]] == [3, 4, 0]
    assert [r["by_day"][d]["contacts"] for d in r["by_day"]] == [2, 1, 2]
    assert r["by_day"]["2026-03-03"]["calls_per_useful_contact"] == 0.0
    assert r["overall"] == mini_report()["overall"]


@test
def mini_parameters():
    r = mini_report(sl_threshold=25, short_abandon=0)
    assert r["parameters"] == {"service_level_threshold_s": 25, "short_abandon_s": 0, "time_zone": "UTC"}
    check_metrics(r["overall"], {"short_abandoned": 0, "service_level": 2 / 5,
                                 "abandonment_rate": 2 / 5})
    r = mini_report(sl_threshold=30, short_abandon=9)    # both bounds: <= T, < A
    check_metrics(r["overall"], {"short_abandoned": 2, "service_level": 1.0,
                                 "abandonment_rate": 0.0})


@test
def first_contact_tie_input_order():
    # Same instant and same contact_id: input order decides (files in the
    # order given, then lines).
    a = write("tie_a.csv", CONTACT_HEADER + "k,C,u,,qa,phone,2026-01-01T00:00:00Z,a,2,resolved\n")
    b = write("tie_b.csv", CONTACT_HEADER + "k,C,u,,qb,phone,2026-01-01T01:00:00+01:00,a,1,progressed\n")
    r = report([], [a, b])
    assert r["by_queue"]["qa"]["cases"] == 1 and r["by_queue"]["qb"]["cases"] == 0
    assert r["overall"]["cases_escalated"] == 0      # first contact is at level 2
    r = report([], [b, a])
    assert r["by_queue"]["qb"]["cases"] == 1 and r["by_queue"]["qa"]["cases"] == 0
    assert r["overall"]["cases_escalated"] == 1
    assert r["overall"]["time_to_escalation_p50_s"] == 0
    assert r["overall"]["contacts_per_case"] == 2.0


@test
def first_contact_tie_byte_order():
    # "Z" (5A) < "a" (61) < "z" (7A) < "é" (C3 A9): byte order, not locale order.
    body = CONTACT_HEADER + (
        "é,C,u,,q_e,phone,2026-01-01T00:00:00Z,a,1,resolved\n"
        "a,C,u,,q_a,phone,2026-01-01T00:00:00Z,a,1,resolved\n"
        "Z,C,u,,q_Z,phone,2026-01-01T00:00:00Z,a,1,resolved\n"
        "z,C,u,,q_z,phone,2026-01-01T00:00:00Z,a,1,resolved\n"
        "later,D,u,,q_e,phone,2026-01-01T00:00:01Z,a,1,resolved\n"
        "early,D,u,,q_z,phone,2025-12-31T23:59:59-00:00,a,1,resolved\n")
    r = report([], [write("bytes.csv", body)])
    assert [q for q in r["by_queue"] if r["by_queue"][q]["cases"]] == ["q_Z", "q_z"]
    assert r["by_queue"]["q_Z"]["cases"] == 1 and r["by_queue"]["q_Z"]["contacts_per_case"] == 4.0
    assert r["by_queue"]["q_z"]["cases"] == 1     # D: earliest instant wins over id order
    assert list(r["by_queue"]) == ["q_Z", "q_a", "q_e", "q_z"]
    assert r["by_day"]["2025-12-31"]["cases"] == 1 and r["by_day"]["2026-01-01"]["cases"] == 1
    assert r["overall"]["fcr"] == 0.0


@test
def escalation_and_level_3():
    body = CONTACT_HEADER + (
        # E: first at level 2; level 1 later does not count; level 3 after 50 s
        "e1,E,u,,q,phone,2026-01-01T10:00:00Z,a,2,escalated\n"
        "e2,E,u,,q,phone,2026-01-01T10:00:10Z,a,1,progressed\n"
        "e3,E,u,,q,phone,2026-01-01T11:00:50+01:00,a,3,resolved\n"
        "e4,E,u,,q,phone,2026-01-01T10:05:00Z,a,03,resolved\n"
        # F: first already at level 3: reaches level 3 but is not escalated
        "f1,F,u,,q,phone,2026-01-01T10:00:00Z,a,3,resolved\n"
        "f2,F,u,,q,phone,2026-01-01T12:00:00Z,a,3,resolved\n"
        # G: 1 -> 2 after 1 h, never 3
        "g1,G,u,,q,email,2026-01-01T09:00:00Z,a,1,no_progress\n"
        "g2,G,u,,q,chat,2026-01-01T10:00:00Z,a,02,transferred\n")
    r = report([], [write("esc.csv", body)])
    check_metrics(r["overall"], {
        "contacts": 8, "useful_contacts": 6, "useful_voice_contacts": 6,
        "escalated_contacts": 1, "cases": 3, "cases_escalated": 2,
        "case_escalation_rate": 2 / 3, "cases_reaching_level_3": 2, "fcr": 0.0,
        "time_to_escalation_p50_s": 50, "time_to_escalation_p90_s": 3600,
        "contacts_per_case": 8 / 3, "calls_per_useful_contact": 0.0,
    })


@test
def fcr_single_contact_only():
    body = CONTACT_HEADER + (
        "a1,A,u,,q,phone,2026-01-01T10:00:00Z,a,1,resolved\n"      # FCR
        "b1,B,u,,q,phone,2026-01-01T10:00:00Z,a,1,resolved\n"      # resolved, but another contact
        "b2,B,u,,q,phone,2026-01-01T11:00:00Z,a,1,resolved\n"
        "c1,C,u,,q,phone,2026-01-01T10:00:00Z,a,1,progressed\n"    # single, not resolved
        "d1,D,,,q,chat,2026-01-01T10:00:00Z,,1,resolved\n")        # FCR, anonymous, no agent
    r = report([], [write("fcr.csv", body)])
    assert r["overall"]["fcr"] == 0.5 and r["overall"]["cases"] == 4
    assert r["overall"]["contacts_per_case"] == 1.25


@test
def percentiles_nearest_rank():
    assert ref.percentile(list(range(1, 11)), 50) == 5
    assert ref.percentile(list(range(1, 11)), 90) == 9
    assert ref.percentile(list(range(1, 11)), 99) == 10
    assert ref.percentile(list(range(1, 101)), 99) == 99
    assert ref.percentile(list(range(1, 101)), 90) == 90
    assert ref.percentile(list(range(1, 102)), 99) == 100      # ceil(99.99) = 100
    assert ref.percentile([7], 50) == 7 and ref.percentile([7], 99) == 7
    assert ref.percentile([3, 9], 50) == 3
    assert ref.percentile([], 50) is None
    # via the report: 20 answered calls with waits 1..20
    rows = "".join("c%d,u%d,q,2026-01-01T00:00:00Z,%d,1,answered,a,1\n" % (i, i % 3, i)
                   for i in range(20, 0, -1))
    r = report([write("pct.csv", CALL_HEADER + rows)])
    check_metrics(r["overall"], {"wait_p50_s": 10, "wait_p90_s": 18, "wait_p99_s": 20,
                                 "asa_s": 10.5, "customers": 3,
                                 "attempts_per_customer_p90": 7,
                                 "attempts_per_customer_max": 7})


@test
def anonymous_callers():
    rows = ("a1,,q,2026-01-01T00:00:00Z,1,1,answered,a,1\n"
            "a2,,q,2026-01-01T00:00:00Z,1,0,abandoned,,\n"
            "a3,\"\",q,2026-01-01T00:00:00Z,1,1,answered,a,1\n")
    r = report([write("anon.csv", CALL_HEADER + rows)])
    check_metrics(r["overall"], {"attempts": 3, "anonymous_attempts": 3, "customers": 0,
                                 "customers_reached": 0, "customer_reach_rate": None,
                                 "repeat_callers": 0, "repeat_caller_rate": None,
                                 "attempts_per_customer_p90": None,
                                 "attempts_per_customer_max": None,
                                 "reachability": 2 / 3, "calls_per_useful_contact": None})


@test
def empty_inputs():
    r = report([write("only_header.csv", CALL_HEADER)], [write("only_header_k.csv", CONTACT_HEADER)])
    assert r["by_queue"] == {} and r["by_day"] == {}
    check_metrics(r["overall"], dict(NULL_CALLS, **NULL_CASES, **{
        "attempts": 0, "contacts": 0, "escalation_rate": None,
        "calls_per_useful_contact": None}))


# ---------------------------------------------------------------------------
# zstd input
# ---------------------------------------------------------------------------

def zstd_bytes(data):
    return subprocess.run(["zstd", "-q", "-c"], input=data, capture_output=True, check=True).stdout


@test
def zstd_multi_frame_and_skippable():
    plain = MINI_CALLS.encode()
    cut = plain.index(b"\n", len(plain) // 2) + 1
    multi = zstd_bytes(plain[:cut]) + zstd_bytes(plain[cut:])          # cat a.zst b.zst
    skippable = b"\x50\x2a\x4d\x18" + (6).to_bytes(4, "little") + b"pzstd!"
    for name, data in [("multi.zst", multi), ("skip.bin", skippable + multi),
                       ("skip5f.dat", b"\x5f\x2a\x4d\x18" + (0).to_bytes(4, "little") + multi)]:
        path = write(name, data)
        r = report([path], [write("mini_contacts.csv", MINI_CONTACTS)])
        base = mini_report()
        assert r["input"]["bytes_read"] == len(data) + len(MINI_CONTACTS.encode()), name
        assert r["input"]["bytes_decoded"] == base["input"]["bytes_decoded"], name
        r["input"]["bytes_read"] = base["input"]["bytes_read"]
        assert cmp.compare_reports(r, base) == [], (name, cmp.compare_reports(r, base))


@test
def zstd_pzstd_and_bom():
    if shutil.which("pzstd") is None:
        return
    plain = b"\xef\xbb\xbf" + MINI_CALLS.encode() * 1
    src = write("pz.csv", plain)
    subprocess.run(["pzstd", "-q", "-f", "-p", "2", src, "-o", src + ".zst"], check=True)
    with open(src + ".zst", "rb") as f:
        assert f.read(4) == b"\x50\x2a\x4d\x18"
    a = report([src + ".zst"])
    b = report([src])
    assert a["input"]["bytes_decoded"] == len(plain) == b["input"]["bytes_decoded"]
    assert a["overall"] == b["overall"] and a["overall"]["attempts"] == 7


@test
def zstd_corrupt_is_fatal():
    data = zstd_bytes(MINI_CALLS.encode() * 50)
    trunc = write("trunc.zst", data[:-7])
    out = run_cli("--calls", trunc)
    assert out.returncode == 1 and b"trunc.zst" in out.stderr and out.stdout == b"", out
    bad = bytearray(data)
    bad[len(bad) // 2] ^= 0xFF
    badp = write("bad.zst", bytes(bad))
    out = run_cli("--calls", badp)
    assert out.returncode == 1 and b"bad.zst" in out.stderr and out.stdout == b"", out
    # a file that is not zstd but named .zst is read as plain text
    plainp = write("plain_named.zst", MINI_CALLS)
    assert report([plainp])["overall"]["attempts"] == 7


# ---------------------------------------------------------------------------
# CSV syntax
# ---------------------------------------------------------------------------

ROW = "2026-01-01T00:00:00Z,1,1,answered,a,1"


@test
def line_endings_and_empty_lines():
    data = (CALL_HEADER.replace("\n", "\r\n").encode()
            + b"r1,u,q," + ROW.encode() + b"\r\n"          # 2 valid
            + b"\r\n"                                       # 3 empty, skipped
            + b"\n"                                         # 4 empty, skipped
            + b"r2,u,q\r," + ROW.encode() + b"\n"           # 5 valid, queue "q\r"
            + b"r3,u,q," + ROW.encode() + b"\r\r\n"         # 6 level "1\r" -> reject
            + b"\r\n"                                       # 7 empty
            + b"\r\r\n"                                     # 8 "\r" is data -> reject
            + b"r4,u,q," + ROW.encode())                    # 9 valid, no final newline
    path = write("endings.csv", data)
    r = report([path])
    assert r["input"]["calls"] == {"rows": 3, "rejected": 2}
    assert list(r["by_queue"]) == ["q", "q\r"]
    assert r["by_queue"]["q"]["attempts"] == 2
    assert rejected_lines([path]) == [("endings.csv", 6), ("endings.csv", 8)]
    assert r["input"]["bytes_decoded"] == len(data)
    # last line ends with a lone \r (no \n): the \r is data
    path = write("lone_cr_end.csv", CALL_HEADER + "r1,u,q," + ROW + "\r")
    assert rejected_lines([path]) == [("lone_cr_end.csv", 2)]
    # trailing newline at the end does not create a line
    path = write("trailing.csv", CALL_HEADER + "r1,u,q," + ROW + "\n\n\n")
    r = report([path])
    assert r["input"]["calls"] == {"rows": 1, "rejected": 0}


@test
def header_mapping():
    header = '\ufeff"queue",extra,call_id,"customer_id",arrived_at,wait_s,talk_s,outcome,agent_id,level,extra,""\n'
    rows = ('q1,x,r1,u,2026-01-01T00:00:00Z,1,1,answered,a,1,y,\n'
            'q1,x,r2,u,2026-01-01T00:00:00Z,1,1,answered,a,1,y\n'       # 11 fields: reject
            '"q,2","x""","r3",u,2026-01-01T00:00:00Z,1,1,answered,a,,,"z"\n')
    path = write("header.csv", header + rows)
    r = report([path])
    assert r["input"]["calls"] == {"rows": 2, "rejected": 1}
    assert list(r["by_queue"]) == ["q,2", "q1"]
    assert r["input"]["bytes_decoded"] == len((header + rows).encode())
    assert rejected_lines([path]) == [("header.csv", 3)]


@test
def header_errors_are_fatal():
    cases = {
        "missing.csv": CALL_HEADER.replace(",level", "") + "r1,u,q,2026-01-01T00:00:00Z,1,1,answered,a\n",
        "twice.csv": CALL_HEADER.replace("\n", ",call_id\n"),
        "case.csv": CALL_HEADER.replace("call_id", "Call_id"),
        "spaced.csv": CALL_HEADER.replace("queue", " queue"),
        "empty_first.csv": "\n" + CALL_HEADER,
        "empty_crlf_first.csv": "\r\n" + CALL_HEADER,
        "empty.csv": "",
        "bom_only.csv": "\ufeff",
        "bad_quote.csv": CALL_HEADER.replace("queue", 'qu"eue'),
    }
    for name, body in cases.items():
        out = run_cli("--calls", write(name, body))
        assert out.returncode == 1 and name.encode() in out.stderr and out.stdout == b"", (name, out)
    out = run_cli("--calls", write("bad_utf8_header.csv", b"\xff" + CALL_HEADER.encode()))
    assert out.returncode == 1, out
    out = run_cli("--contacts", write("k_missing.csv", CONTACT_HEADER.replace("result", "outcome")))
    assert out.returncode == 1, out
    out = run_cli("--calls", os.path.join(TMP, "does-not-exist.csv"))
    assert out.returncode == 1 and b"does-not-exist.csv" in out.stderr, out
    out = run_cli("--calls", write("ok.csv", CALL_HEADER), "--tz", "Mars/Olympus")
    assert out.returncode == 1, out


@test
def quoting():
    rows = [
        ('r1,u,"q ""x""",' + ROW, True),       # queue q "x"
        ('r2,u,"q"x,' + ROW, False),            # text after closing quote
        ('r3,u,q"x,' + ROW, False),             # quote inside unquoted field
        ('r4,u,"q,' + ROW, False),              # unterminated
        ('r5,u,"",' + ROW, False),              # quoted empty queue is empty
        ('r6,"",q,' + ROW, True),               # anonymous
        ('"r7",u,q,' + ROW, True),
        ('r8,u,"q,2",' + ROW, True),
        ('r9,u, "q",' + ROW, False),            # space then quote: quote in unquoted field
        ('r10,u,"q" ,' + ROW, False),           # space after closing quote
        ('r11,u,q,' + ROW.replace(",a,1", ',"a,b,c",1'), True),
        ('r12,u,q,' + ROW + '"', False),
        ('r13,u,q,' + ROW.replace(",a,1", ',"",""'), True),
    ]
    path = write("quoting.csv", CALL_HEADER + "".join(r + "\n" for r, _ in rows))
    want = [("quoting.csv", i + 2) for i, (_, ok) in enumerate(rows) if not ok]
    assert rejected_lines([path]) == want, rejected_lines([path])
    r = report([path])
    assert list(r["by_queue"]) == ["q", 'q "x"', "q,2"]
    assert r["overall"]["anonymous_attempts"] == 1


@test
def broken_quoted_row_pieces():
    body = CALL_HEADER + 'r1,u,"two\nlines",' + ROW + '\n' + 'r2,u,q,' + ROW + '\n'
    path = write("pieces.csv", body)
    assert rejected_lines([path]) == [("pieces.csv", 2), ("pieces.csv", 3)]
    assert report([path])["input"]["calls"] == {"rows": 1, "rejected": 2}


@test
def utf8_validation():
    good = "r1,u,q\u00e9\U0001F600," + ROW + "\n"
    lines = [good.encode(),
             b"r2,u,q\xc3(," + ROW.encode() + b"\n",              # bad continuation
             b"r3,u,q\xed\xa0\x80," + ROW.encode() + b"\n",       # UTF-16 surrogate
             b"r4,u,q\xc0\xaf," + ROW.encode() + b"\n",           # overlong
             b"r5,u,q\xf4\x90\x80\x80," + ROW.encode() + b"\n",   # > U+10FFFF
             b"r6,u,q\xe2\x82," + ROW.encode() + b"\n",           # truncated sequence
             b"r7,u,\xef\xbb\xbfq," + ROW.encode() + b"\n",       # BOM inside: data
             b"\xef\xbb\xbfr8,u,q," + ROW.encode() + b"\n"]       # BOM at line start: data
    path = write("utf8.csv", CALL_HEADER.encode() + b"".join(lines))
    assert rejected_lines([path]) == [("utf8.csv", n) for n in (3, 4, 5, 6, 7)]
    r = report([path])
    assert r["input"]["calls"] == {"rows": 3, "rejected": 5}
    assert list(r["by_queue"]) == ["q", "q\u00e9\U0001F600", "\ufeffq"]


@test
def integers():
    ok = {"0": 0, "007": 7, "9223372036854775807": 2 ** 63 - 1,
          "0000000000000000000000009223372036854775807": 2 ** 63 - 1, "00": 0}
    for text, value in ok.items():
        assert ref.parse_int(text, "x") == value, text
    bad = ["", "-1", "+1", "1.0", "1e3", " 1", "1 ", "9223372036854775808",
           "99999999999999999999999", "\u0663", "\uff11", "0x10", "1_000", "-0", "5" * 5000]
    for text in bad:
        try:
            ref.parse_int(text, "x")
        except ref.Reject:
            continue
        raise AssertionError("accepted %r" % text)
    for text, value in {"1": 1, "2": 2, "3": 3, "02": 2, "0003": 3}.items():
        assert ref.parse_level(text) == value
    for text in ["0", "4", "", "-1", "1.0", "99999999999999999999"]:
        try:
            ref.parse_level(text)
        except ref.Reject:
            continue
        raise AssertionError("accepted level %r" % text)


@test
def timestamps():
    t = ref.parse_timestamp
    assert t("1970-01-01T00:00:00Z", "t") == 0
    assert t("2026-11-20T08:15:03Z", "t") == t("2026-11-20T09:15:03+01:00", "t") == 1795162503
    assert t("2026-11-20T08:15:03-00:00", "t") == t("2026-11-20T08:15:03+00:00", "t")
    assert t("2026-01-01T00:00:00+23:59", "t") == t("2025-12-31T00:01:00Z", "t")
    assert t("2026-01-01T00:00:00-23:59", "t") == t("2026-01-01T23:59:00Z", "t")
    assert t("2024-02-29T12:00:00Z", "t") - t("2024-02-28T12:00:00Z", "t") == 86400
    assert t("2000-02-29T00:00:00Z", "t") == 951782400
    assert t("1969-12-31T23:59:59Z", "t") == -1
    assert t("0001-01-01T00:00:00Z", "t") == -62135596800
    t("9999-12-31T23:59:59-23:59", "t")
    bad = ["2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
           "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z",
           "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z",
           "2026-01-01T00:00:00z", "2026-01-01t00:00:00Z", "2026-01-01 00:00:00Z",
           "2026-01-01T00:00:00", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00+0100",
           "2026-01-01T00:00:00+01", "2026-01-01T00:00:00+24:00", "2026-01-01T00:00:00+01:60",
           "2026-1-01T00:00:00Z", "26-01-01T00:00:00Z", "+2026-01-01T00:00:00Z",
           "2026-01-01T00:00Z", "2026-01-01T00:00:00Z ", " 2026-01-01T00:00:00Z",
           "2026-01-01T00:00:00UTC", "2026-01-01T00:00:00\u2212""01:00",
           "\uff12026-01-01T00:00:00Z", "2026-01-01T00:00:00Z\n", ""]
    for text in bad:
        try:
            t(text, "t")
        except ref.Reject:
            continue
        raise AssertionError("accepted %r" % text)


@test
def field_rules_calls():
    rows = [
        ("c1,u,q,2026-01-01T00:00:00Z,1,1,answered,,", True),    # answered, no agent/level
        ("c2,u,q,2026-01-01T00:00:00Z,1,1,answered,a,02", True),
        ("c3,u,q,2026-01-01T00:00:00Z,1,1,answered,a,0", False),
        ("c4,u,q,2026-01-01T00:00:00Z,1,1,Answered,a,1", False),
        ("c5,u,q,2026-01-01T00:00:00Z,1,1,,a,1", False),
        (",u,q,2026-01-01T00:00:00Z,1,1,busy,,", False),
        ("c7,u,q,,1,1,busy,,", False),
        ("c8,u,q,2026-01-01T00:00:00Z,,1,busy,,", False),
        ("c9,u,q,2026-01-01T00:00:00Z,1,,busy,,", False),
        ("c10,u,q,2026-01-01T00:00:00Z,1,1,voicemail,,", False),
        ("c11, u,q ,2026-01-01T00:00:00Z,1,1,busy, , ", False),   # level " " is not empty
        ("c12, u,q ,2026-01-01T00:00:00Z,1,1,busy, ,", True),     # verbatim: queue "q "
        ("c12,u,q,2026-01-01T00:00:00Z,1,1,closed,,", True),      # duplicate id counts
    ]
    path = write("rules_calls.csv", CALL_HEADER + "".join(r + "\n" for r, _ in rows))
    want = [("rules_calls.csv", i + 2) for i, (_, ok) in enumerate(rows) if not ok]
    assert rejected_lines([path]) == want, rejected_lines([path])
    r = report([path])
    assert r["input"]["calls"]["rows"] == 4 and list(r["by_queue"]) == ["q", "q "]
    assert r["overall"]["customers"] == 2    # "u" and " u"


@test
def field_rules_contacts():
    ok = "k,C,u,c,q,phone,2026-01-01T00:00:00Z,a,1,resolved"
    rows = [
        (ok, True),
        ("k,C,,,q,email,2026-01-01T00:00:00Z,,1,resolved", True),   # may be empty
        (",C,u,c,q,phone,2026-01-01T00:00:00Z,a,1,resolved", False),
        ("k,,u,c,q,phone,2026-01-01T00:00:00Z,a,1,resolved", False),
        ("k,C,u,c,,phone,2026-01-01T00:00:00Z,a,1,resolved", False),
        ("k,C,u,c,q,,2026-01-01T00:00:00Z,a,1,resolved", False),
        ("k,C,u,c,q,sms,2026-01-01T00:00:00Z,a,1,resolved", False),
        ("k,C,u,c,q,phone,,a,1,resolved", False),
        ("k,C,u,c,q,phone,2026-01-01T00:00:00Z,a,,resolved", False),  # level required
        ("k,C,u,c,q,phone,2026-01-01T00:00:00Z,a,4,resolved", False),
        ("k,C,u,c,q,phone,2026-01-01T00:00:00Z,a,1,", False),
        ("k,C,u,c,q,phone,2026-01-01T00:00:00Z,a,1,Resolved", False),
        ("k,C,u,c,q,PHONE,2026-01-01T00:00:00Z,a,1,resolved", False),
        (ok + ",", False),
    ]
    path = write("rules_contacts.csv", CONTACT_HEADER + "".join(r + "\n" for r, _ in rows))
    want = [("rules_contacts.csv", i + 2) for i, (_, ok_) in enumerate(rows) if not ok_]
    assert rejected_lines([], [path]) == want, rejected_lines([], [path])
    r = report([], [path])
    assert r["input"]["contacts"] == {"rows": 2, "rejected": len(rows) - 2}
    assert r["overall"]["cases"] == 1 and r["overall"]["contacts_per_case"] == 2.0


@test
def rows_plus_rejected_equals_data_lines():
    import random
    rnd = random.Random(7)
    pieces = ["r,u,q," + ROW, "r,u,q," + ROW.replace("answered", "nope"), "", "r,u,\"q", "\r\r", "\r",
              "r,u,q," + ROW + ",x", "r,,q,2026-02-30T00:00:00Z,1,1,busy,,"]
    lines = [rnd.choice(pieces) for _ in range(500)]
    path = write("mixed.csv", CALL_HEADER + "\n".join(lines))
    r = report([path])
    # "\r" + "\n" is a CRLF ending of an empty line; "\r\r" + "\n" leaves "\r" (data)
    data_lines = sum(1 for i, l in enumerate(lines)
                     if l != "" and not (l == "\r" and i < len(lines) - 1))
    assert r["input"]["calls"]["rows"] + r["input"]["calls"]["rejected"] == data_lines


@test
def days_in_time_zones():
    calls = CALL_HEADER + (
        "1,u,q,2026-10-24T22:30:00Z,1,1,answered,a,1\n"      # Paris CEST +2 -> 10-25 00:30
        "2,u,q,2026-10-25T22:30:00Z,1,1,answered,a,1\n"      # Paris CET +1  -> 10-25 23:30
        "3,u,q,2026-03-28T23:30:00Z,1,1,answered,a,1\n"      # Paris CET +1  -> 03-29 00:30
        "4,u,q,2026-03-29T22:30:00Z,1,1,answered,a,1\n")     # Paris CEST +2 -> 03-30 00:30
    path = write("dst.csv", calls)
    r = report([path], tz="Europe/Paris")
    assert {d: v["attempts"] for d, v in r["by_day"].items()} == {
        "2026-03-29": 1, "2026-03-30": 1, "2026-10-25": 2}
    r = report([path])
    assert list(r["by_day"]) == ["2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25"]
    r = report([path], tz="Asia/Kathmandu")     # +05:45
    assert list(r["by_day"]) == ["2026-03-29", "2026-03-30", "2026-10-25", "2026-10-26"]


@test
def extreme_years_do_not_crash():
    calls = CALL_HEADER + (
        "1,u,q,0001-01-01T00:00:00+01:00,1,1,answered,a,1\n"
        "2,u,q,9999-12-31T23:59:59-23:59,1,1,answered,a,1\n"
        "3,u,q,0001-01-01T00:00:00Z,1,1,answered,a,1\n"
        "4,u,q,0000-01-01T00:00:00Z,1,1,answered,a,1\n")
    path = write("extreme.csv", calls)
    r = report([path])
    assert list(r["by_day"]) == ["0000-12-31", "0001-01-01", "10000-01-01"]
    assert r["input"]["calls"] == {"rows": 3, "rejected": 1}
    r = report([path], tz="Europe/Paris")
    assert len(r["by_day"]) == 3 and r["overall"]["attempts"] == 3


@test
def multiple_files_and_rejects_file_paths():
    a = write("multi_a.csv", CALL_HEADER + "r1,u,q," + ROW + "\nbad\n")
    b = write("multi_b.csv", CALL_HEADER + "bad\n\nr2,u,q," + ROW + "\n")
    out_path = os.path.join(TMP, "cli_rejects.tsv")
    out = run_cli("--calls", a, "--calls", b, "--rejects", out_path)
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["input"]["files"] == 2 and r["input"]["calls"] == {"rows": 2, "rejected": 2}
    assert r["input"]["contacts"] == {"rows": 0, "rejected": 0}
    assert r["overall"]["repeat_callers"] == 1
    with open(out_path) as f:
        lines = f.read().splitlines()
    assert lines[0] == "file\tline\treason"
    assert [l.split("\t")[:2] for l in lines[1:]] == [[a, "3"], [b, "2"]]


# ---------------------------------------------------------------------------
# compare_reports
# ---------------------------------------------------------------------------

@test
def compare_rules():
    base = {"input": {"rows": 3}, "overall": {"attempts": 13, "asa_s": 13.0, "fcr": None,
                                             "reachability": 0.1, "wait_p50_s": 4},
            "by_queue": {"a": {"attempts": 1}}}

    def variant(**changes):
        v = json.loads(json.dumps(base))
        for path, value in changes.items():
            node = v
            keys = path.split("__")
            for k in keys[:-1]:
                node = node[k]
            if value is KeyError:
                del node[keys[-1]]
            else:
                node[keys[-1]] = value
        return v

    same = [variant(), variant(overall__attempts=13.0), variant(overall__asa_s=13),
            variant(overall__reachability=0.1 * (1 + 5e-10)), variant(overall__wait_p50_s=4.0)]
    for v in same:
        assert cmp.compare_reports(base, v) == [], v
    different = [variant(overall__attempts=14), variant(overall__fcr=0),
                 variant(overall__fcr=0.0), variant(overall__asa_s=None),
                 variant(overall__reachability=0.1 * (1 + 1e-8)),
                 variant(overall__attempts=13.000001), variant(overall__wait_p50_s=4.0000001),
                 variant(by_queue__a=KeyError), variant(by_queue__b={"attempts": 1}),
                 variant(overall__attempts=True), variant(overall__attempts="13"),
                 variant(input__rows=3.5)]
    for v in different:
        assert len(cmp.compare_reports(base, v)) == 1, (v, cmp.compare_reports(base, v))
    big = {"x": {"time_to_escalation_p90_s": 2 ** 63 - 1}}
    assert cmp.compare_reports(big, {"x": {"time_to_escalation_p90_s": float(2 ** 63 - 1)}})
    assert cmp.compare_reports({"r": 0.0}, {"r": 1e-15}) == []


@test
def compare_cli():
    a = write("cmp_a.json", json.dumps({"overall": {"attempts": 13, "fcr": 0.5}}))
    b = write("cmp_b.json", json.dumps({"overall": {"attempts": 13.0, "fcr": 0.5}}))
    c = write("cmp_c.json", json.dumps({"overall": {"attempts": 12, "fcr": None}}))
    script = os.path.join(HERE, "compare_reports.py")
    r = subprocess.run([sys.executable, script, a, b], capture_output=True)
    assert r.returncode == 0 and r.stdout == b"", r
    r = subprocess.run([sys.executable, script, a, c], capture_output=True)
    assert r.returncode == 1 and b"$.overall.attempts" in r.stdout and b"$.overall.fcr" in r.stdout, r


# ---------------------------------------------------------------------------

def main():
    passed = failed = 0
    try:
        for fn in TESTS:
            try:
                fn()
                passed += 1
            except Exception:
                failed += 1
                print("FAIL %s" % fn.__name__)
                traceback.print_exc()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
