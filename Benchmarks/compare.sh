#!/usr/bin/env bash
# `hotline report` against the decompression floor (`zstd -dc`) and against
# DuckDB computing the same SPEC metrics, in one run, alternating, several
# repetitions; and DuckDB's report checked against hotline's, metric by metric.
#
#   Benchmarks/compare.sh [--calls N] [--repetitions R] [--work DIR] [--out FILE]
#   Benchmarks/compare.sh --check-only [--work DIR]
#
#   --calls N         calls to generate (default 6800000: about 1 GB decoded,
#                     calls and contacts, with `hotline generate --seed 7 --zstd`)
#   --repetitions R   alternating repetitions of every command (default 5)
#   --work DIR        data, reports, DuckDB's venv (default /tmp/hotline-compare);
#                     the data is generated once, in DIR/data-N
#   --out FILE        where the figures go, as markdown, besides stdout
#                     (default Benchmarks/results/compare-YYYY-MM-DD.md)
#   --check-only      only the agreement checks on the shared tiny example and
#                     on the bundled sample: no generated data, no timing
#
# First, DuckDB (Benchmarks/duckdb: metrics.sql, run by report.py) must agree
# with the expected reports of the tiny example (UTC and Europe/Paris, its
# rejected lines removed) and with `hotline report` on the bundled sample and
# on the generated data: counts and percentiles exactly, ratios and means to
# 1e-9 relative, in every scope; any difference is listed and the script
# exits 1. Then it times, alternating, `zstd -dc` of both files, `hotline
# report --threads 1`, `hotline report --threads $(nproc)`, DuckDB, and two
# `--threads 1` reports side by side (the machine's parallel ceiling: 2 × t_alone
# / t_pair), and writes the medians of wall, CPU (user + sys) and peak RSS,
# their ratios and the targets of the issue "Benchmarks and speed".
#
# Needs zstd, GNU time (`apt-get install time`) and python3; the Python
# package duckdb is installed from PyPI into DIR/venv when python3 lacks it.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh
export PYTHONDONTWRITEBYTECODE=1    # no __pycache__ in the checkout

calls=6800000
repetitions=5
work=/tmp/hotline-compare
out=Benchmarks/results/compare-$(date +%F).md
check_only=false
while [ $# -gt 0 ]; do
    case $1 in
        --calls) calls=${2:?--calls needs a number}; shift 2 ;;
        --repetitions) repetitions=${2:?--repetitions needs a number}; shift 2 ;;
        --work) work=${2:?--work needs a directory}; shift 2 ;;
        --out) out=${2:?--out needs a file}; shift 2 ;;
        --check-only) check_only=true; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
command -v zstd >/dev/null || { echo "compare.sh: needs zstd" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "compare.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p "$work"

swift build -c release --product hotline >/dev/null
hotline=.build/release/hotline

# A python3 that imports duckdb: this one, or a venv made for it.
python=python3
if ! python3 -c 'import duckdb' 2>/dev/null; then
    python=$work/venv/bin/python
    if ! "$python" -c 'import duckdb' 2>/dev/null; then
        echo "installing the Python package duckdb into $work/venv" >&2
        python3 -m venv "$work/venv"
        "$python" -m pip install --quiet duckdb
    fi
fi
duckdb_version=$("$python" -c 'import duckdb; print(duckdb.__version__)')

# `check_agreement NAME CALLS CONTACTS [OPTION...]`: hotline and DuckDB report
# on the same files with the same options, and must agree.
check_agreement() {
    local name=$1 calls_file=$2 contacts_file=$3
    shift 3
    "$hotline" report --quiet --format json "$@" --calls "$calls_file" --contacts "$contacts_file" \
        >"$work/$name.hotline.json"
    "$python" Benchmarks/duckdb/report.py "$@" --calls "$calls_file" --contacts "$contacts_file" \
        >"$work/$name.duckdb.json"
    "$python" Benchmarks/duckdb/agree.py --no-rejects "$work/$name.duckdb.json" "$work/$name.hotline.json" ||
        { echo "compare.sh: DuckDB and hotline DISAGREE on $name (differences above)" >&2; exit 1; }
}

# The shared tiny example, against its expected reports. Its rejected lines
# are removed first: DuckDB's SQL assumes valid rows.
tiny=Tests/HotlineEndToEndTests/Fixtures/tiny
mkdir -p "$work/tiny"
for log in calls contacts; do
    awk -F '\t' -v file="$log.csv" 'FNR == NR { if ($1 == file) rejected[$2]; next } !(FNR in rejected)' \
        "$tiny/expected_rejects.tsv" "$tiny/$log.csv" >"$work/tiny/$log.csv"
done
for zone in UTC Europe/Paris; do
    expected=$tiny/expected.json
    [ "$zone" = UTC ] || expected=$tiny/expected_tz_paris.json
    "$python" Benchmarks/duckdb/report.py --tz "$zone" \
        --calls "$work/tiny/calls.csv" --contacts "$work/tiny/contacts.csv" >"$work/tiny/duckdb.json"
    "$python" Benchmarks/duckdb/agree.py "$work/tiny/duckdb.json" "$expected" ||
        { echo "compare.sh: DuckDB DISAGREES with $expected (differences above)" >&2; exit 1; }
done
check_agreement sample datasets/sample/calls.csv.zst datasets/sample/contacts.csv.zst
check_agreement sample-paris datasets/sample/calls.csv.zst datasets/sample/contacts.csv.zst --tz Europe/Paris
if $check_only; then
    echo "DuckDB $duckdb_version agrees with the tiny example's expected reports and with hotline on the sample."
    exit 0
fi

data=$work/data-$calls
generate_once "$data" --calls "$calls" --seed 7 --zstd
files=("$data/calls.csv.zst" "$data/contacts.csv.zst")
check_agreement "data-$calls" "${files[@]}"

# Two copies of a command at once, for the parallel ceiling.
printf '#!/bin/sh\n"$@" &\n"$@"\nwait\n' >"$work/side-by-side"
chmod +x "$work/side-by-side"
threads=$(nproc)
report="$hotline report --quiet --format json --calls ${files[0]} --contacts ${files[1]}"
declare -A commands=(
    ["zstd -dc"]="zstd -dc ${files[*]}"
    ["hotline 1"]="$report --threads 1"
    ["hotline N"]="$report --threads $threads"
    ["duckdb"]="$python Benchmarks/duckdb/report.py --calls ${files[0]} --contacts ${files[1]}"
    ["pair"]="$work/side-by-side $report --threads 1"
)
results=$work/timings.tsv
rm -f "$results"
alternate "$results" "$repetitions" "zstd -dc" "hotline 1" "hotline N" "duckdb" "pair"

mkdir -p "$(dirname "$out")"
python3 - "$results" "$work/data-$calls.hotline.json" "$calls" "$repetitions" "$threads" "$duckdb_version" \
    "$(date +%F)" "$(du -cb "${files[@]}" | tail -1 | cut -f1)" <<'PY' | tee "$out"
import json, statistics, sys
results, report, calls, repetitions, threads, duckdb_version, day, compressed = sys.argv[1:]
runs = {}
for line in open(results):
    name, wall, user, system, rss = line.rstrip("\n").split("\t")
    runs.setdefault(name, []).append((float(wall), float(user) + float(system), int(rss) / 1024))
wall, cpu, peak = ({name: statistics.median(run[i] for run in rows) for name, rows in runs.items()} for i in range(3))
report = json.load(open(report))
rows = {log: report["input"][log]["rows"] for log in ("calls", "contacts")}
scopes = 1 + len(report["by_queue"]) + len(report["by_day"])

def group(n):
    return f"{n:,}".replace(",", " ")

print(f"### {day}: `Benchmarks/compare.sh --calls {calls} --repetitions {repetitions}`\n")
print(f"{group(rows['calls'])} calls and {group(rows['contacts'])} contacts, "
      f"{report['input']['bytes_decoded'] / 1e9:.3f} GB decoded ({int(compressed) / 1e6:.0f} MB zstd); "
      f"{threads} hardware threads; {repetitions} alternating repetitions, medians. "
      f"DuckDB {duckdb_version} (Python package, all threads; its peak includes the interpreter) "
      f"and hotline agree on every metric of the {scopes} scopes.\n")
print("| command | wall s | CPU s | peak MiB | wall / zstd | CPU / zstd |")
print("|---|---:|---:|---:|---:|---:|")
labels = {"zstd -dc": "`zstd -dc` (both files)",
          "hotline 1": "`hotline report --threads 1`",
          "hotline N": f"`hotline report --threads {threads}`",
          "duckdb": "DuckDB (`Benchmarks/duckdb/report.py`)"}
for name, label in labels.items():
    print(f"| {label} | {wall[name]:.2f} | {cpu[name]:.2f} | {peak[name]:.0f} "
          f"| {wall[name] / wall['zstd -dc']:.2f}× | {cpu[name] / cpu['zstd -dc']:.2f}× |")
print(f"| two `hotline report --threads 1` side by side | {wall['pair']:.2f} | {cpu['pair']:.2f} | | | |")

ceiling = 2 * wall["hotline 1"] / wall["pair"]
speedup = wall["hotline 1"] / wall["hotline N"]
print(f"\nParallel ceiling (throughput of two `--threads 1` reports side by side against one alone): "
      f"2 × {wall['hotline 1']:.2f} / {wall['pair']:.2f} = {ceiling:.2f}×. "
      f"hotline with {threads} threads: {wall['hotline 1']:.2f} / {wall['hotline N']:.2f} = {speedup:.2f}×, "
      f"{100 * speedup / ceiling:.0f} % of the ceiling. "
      f"DuckDB / hotline ({threads} threads): {wall['duckdb'] / wall['hotline N']:.2f}× by wall time, "
      f"{cpu['duckdb'] / cpu['hotline N']:.2f}× by CPU time.\n")

targets = [
    ("wall ≤ 1.5× `zstd -dc`", wall["hotline N"] / wall["zstd -dc"], lambda v: v <= 1.5, "{:.2f}×"),
    ("CPU ≤ 2.5× `zstd -dc`", cpu["hotline N"] / cpu["zstd -dc"], lambda v: v <= 2.5, "{:.2f}×"),
    ("≥ 5× faster than DuckDB (wall)", wall["duckdb"] / wall["hotline N"], lambda v: v >= 5, "{:.2f}×"),
    ("≥ 90 % of the parallel ceiling", 100 * speedup / ceiling, lambda v: v >= 90, "{:.0f} %"),
    ("peak ≤ 300 MiB", peak["hotline N"], lambda v: v <= 300, "{:.0f} MiB"),
]
print(f"| target (hotline, {threads} threads) | measured | met |")
print("|---|---:|---|")
for target, value, met, form in targets:
    print(f"| {target} | {form.format(value)} | {'yes' if met(value) else '**no**'} |")
PY
echo "(written to $out)" >&2
