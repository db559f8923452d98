#!/usr/bin/env bash
# End-to-end timing of `hotline report` against the decompression floor
# (`zstd -dc` of the same files), in one run, alternating, several repetitions.
#
#   Benchmarks/end-to-end.sh [CALLS] [REPETITIONS]
#
# Builds the release binary, generates CALLS calls (default 6 800 000, about
# 1 GB decoded) with `hotline generate --zstd` unless already there, then
# prints the median wall, CPU (user + sys) and peak RSS of each command and
# the ratios to `zstd -dc`. Needs GNU time (`apt-get install time`) and zstd.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/common.sh

calls=${1:-6800000}
repetitions=${2:-5}
data=${HOTLINE_BENCH_DATA:-/tmp/hotline-bench-$calls}

swift build -c release --product hotline >/dev/null
hotline=.build/release/hotline
generate_once "$data" --calls "$calls" --seed 7 --zstd
files=("$data/calls.csv.zst" "$data/contacts.csv.zst")
threads=$(nproc)

declare -A commands=(
    ["zstd -dc"]="zstd -dc ${files[*]}"
    ["hotline --threads 1"]="$hotline report --quiet --format json --threads 1 ${files[*]}"
    ["hotline --threads $threads"]="$hotline report --quiet --format json --threads $threads ${files[*]}"
)
order=("zstd -dc" "hotline --threads 1" "hotline --threads $threads")

results=$(mktemp)
alternate "$results" "$repetitions" "${order[@]}"

python3 - "$results" "$data" "${order[@]}" <<'PY'
import statistics, subprocess, sys
path, data, names = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = {}
for line in open(path):
    name, wall, user, system, rss = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((float(wall), float(user) + float(system), int(rss)))
decoded = int(subprocess.run(["sh", "-c", f"zstd -dc {data}/calls.csv.zst {data}/contacts.csv.zst | wc -c"],
                             capture_output=True, text=True).stdout)
floor = rows[names[0]]
floor_wall = statistics.median(r[0] for r in floor)
floor_cpu = statistics.median(r[1] for r in floor)
print(f"data: {data} ({decoded / 1e9:.3f} GB decoded), {len(floor)} alternating repetitions, medians")
print(f"{'command':<24}{'wall s':>8}{'cpu s':>8}{'peak MiB':>10}{'GB/s':>7}{'wall/zstd':>11}{'cpu/zstd':>10}")
for name in names:
    wall = statistics.median(r[0] for r in rows[name])
    cpu = statistics.median(r[1] for r in rows[name])
    rss = statistics.median(r[2] for r in rows[name]) / 1024
    print(f"{name:<24}{wall:>8.2f}{cpu:>8.2f}{rss:>10.0f}{decoded / 1e9 / wall:>7.2f}"
          f"{wall / floor_wall:>10.2f}×{cpu / floor_cpu:>9.2f}×")
PY
rm -f "$results"
