#!/usr/bin/env bash
# `hotline report` on a raw Asterisk queue_log against the canonical call log
# of the same generated attempts, in one run, alternating, several repetitions.
#
#   Benchmarks/queue-log.sh [CALLS] [REPETITIONS]
#
# Builds the release binary and generates, unless already there, CALLS calls
# (default 7 400 000: a queue_log of about 1 GB decoded) with seed 7 twice:
# `--format queue-log --zstd` and the canonical `--zstd` calls.csv. Then times
# `zstd -dc` of each file (the decompression floor), `hotline report` on the
# canonical calls only and on the queue_log only (HOTLINE_BENCH_THREADS
# parsing threads, default all cores), and prints medians of wall, CPU
# (user + sys) and peak RSS, the throughput in MB/s decoded and in attempts
# per second, and the queue_log / canonical throughput ratios (the target:
# ≥ 1 / 1.5 = 0.67). Needs GNU time (`apt-get install time`) and zstd.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh

calls=${1:-7400000}
repetitions=${2:-5}
data=${HOTLINE_BENCH_DATA:-/tmp/hotline-queue-log-$calls}
threads=${HOTLINE_BENCH_THREADS:-$(nproc)}

swift build -c release --product hotline >/dev/null
hotline=.build/release/hotline
canonical=$data/csv/calls.csv.zst
queue_log=$data/queue-log/queue_log.zst
generate_once "$data/csv" --calls "$calls" --seed 7 --zstd
generate_once "$data/queue-log" --calls "$calls" --seed 7 --zstd --format queue-log

# Attempts and decoded bytes of each file, as the report counts them.
inputs=$(mktemp -d)
"$hotline" report --quiet --format json "$canonical" >"$inputs/canonical.json"
"$hotline" report --quiet --format json "$queue_log" >"$inputs/queue_log.json"

declare -A commands=(
    ["zstd -dc calls.csv.zst"]="zstd -dc $canonical"
    ["zstd -dc queue_log.zst"]="zstd -dc $queue_log"
    ["report calls.csv.zst"]="$hotline report --quiet --format json --threads $threads $canonical"
    ["report queue_log.zst"]="$hotline report --quiet --format json --threads $threads $queue_log"
)
order=("zstd -dc calls.csv.zst" "zstd -dc queue_log.zst" "report calls.csv.zst" "report queue_log.zst")

results=$(mktemp)
alternate "$results" "$repetitions" "${order[@]}"

python3 - "$results" "$inputs" "$threads" "${order[@]}" <<'PY'
import json, statistics, sys
results, inputs, threads, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
reports = [json.load(open(f"{inputs}/{name}.json")) for name in ("canonical", "queue_log")]
# Per file: (decoded bytes, attempts); the zstd floor and the report of a file share them.
sizes = [(r["input"]["bytes_decoded"], r["input"]["calls"]["rows"]) for r in reports]
size_of = {names[0]: sizes[0], names[1]: sizes[1], names[2]: sizes[0], names[3]: sizes[1]}
floor_of = {names[2]: names[0], names[3]: names[1]}
runs = {}
for line in open(results):
    name, wall, user, system, rss = line.rstrip("\n").split("\t")
    runs.setdefault(name, []).append((float(wall), float(user) + float(system), int(rss)))
median = {name: [statistics.median(run[i] for run in runs[name]) for i in range(3)] for name in names}
print(f"{len(runs[names[0]])} alternating repetitions, medians; report with --threads {threads}")
print(f"canonical calls.csv: {sizes[0][0] / 1e6:.0f} MB decoded, {sizes[0][1]} attempts; "
      f"queue_log: {sizes[1][0] / 1e6:.0f} MB decoded, {sizes[1][1]} attempts")
print(f"{'command':<24}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}{'MB/s':>8}{'attempts/s':>12}{'wall/zstd':>11}")
for name in names:
    wall, cpu, rss = median[name]
    decoded, attempts = size_of[name]
    floor = median[floor_of[name]][0] if name in floor_of else wall
    print(f"{name:<24}{wall:>8.2f}{cpu:>8.2f}{rss / 1024:>10.0f}{decoded / 1e6 / wall:>8.0f}"
          f"{attempts / wall:>12.3g}{wall / floor:>10.2f}×")
canonical, queue_log = median[names[2]][0], median[names[3]][0]
per_mb = (sizes[1][0] / queue_log) / (sizes[0][0] / canonical)
per_attempt = (sizes[1][1] / queue_log) / (sizes[0][1] / canonical)
print(f"queue_log / canonical throughput: {per_mb:.2f} per decoded MB, {per_attempt:.2f} per attempt "
      f"(target ≥ {1 / 1.5:.2f} per decoded MB)")
PY
rm -rf "$results" "$inputs"
