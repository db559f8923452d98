#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer) and runs them over their
# committed corpus with their dictionary (docs/fuzzing.md).
#
#   Fuzzing/run.sh build                       build every target
#   Fuzzing/run.sh fuzz TARGET [SECONDS] [RUNS] [libFuzzer flags…]
#                                              fuzz one target (default 60 s), new inputs
#                                              go to Fuzzing/Corpus/TARGET.new
#   Fuzzing/run.sh regress [TARGET…]           run each input of the committed corpus once
#                                              (what CI does); fails if any input crashes
#   Fuzzing/run.sh merge TARGET [flags…]       minimise Corpus/TARGET.new into Corpus/TARGET
#   Fuzzing/run.sh list                        the targets
#
# Fuzzing runs under `nice -n 10`, one target at a time: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")"

targets=(FuzzTimestamp FuzzCanonicalCSV FuzzQueueLogLines FuzzCDRLines FuzzSwitchLogFile FuzzZstdReader FuzzSLACatalogue)
# Limits that turn a hang or a memory blow-up into a finding: seconds per input, MB of RSS.
timeout_s=10
rss_mb=2048
# Swift's backtracer would catch a trap before libFuzzer can save the input that caused it.
export SWIFT_BACKTRACE=enable=no
# No leak check (the targets keep caches on purpose); no allocation stacks, which
# cost a third of each run (re-run a finding with malloc_context_size=30 to see them).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=0}

dictionary() {
    case "$1" in
        FuzzTimestamp) echo Dictionaries/timestamp.dict ;;
        FuzzCanonicalCSV) echo Dictionaries/canonical-csv.dict ;;
        FuzzQueueLogLines) echo Dictionaries/queue-log.dict ;;
        FuzzCDRLines) echo Dictionaries/cdr.dict ;;
        FuzzSwitchLogFile) echo Dictionaries/switch-log-file.dict ;;
        FuzzZstdReader) echo Dictionaries/zstd.dict ;;
        FuzzSLACatalogue) echo Dictionaries/sla-catalogue.yaml.dict ;;
        *) echo "unknown target: $1 (Fuzzing/run.sh list)" >&2; exit 2 ;;
    esac
}

binary() { echo ".build/release/$1"; }

build() {
    # One -sanitize flag: the driver keeps only the last of several (two
    # `--sanitize` options would build without the fuzzer's coverage); `--sanitize fuzzer`
    # tells SwiftPM to link libFuzzer's `main` rather than the target's.
    swift build -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address
}

fuzz() {
    local target=$1 seconds=${2:-60} runs=${3:--1}
    shift $(($# < 3 ? $# : 3))
    local dict
    dict=$(dictionary "$target")
    mkdir -p "Corpus/$target.new" "Findings/$target"
    nice -n 10 "$(binary "$target")" -dict="$dict" -max_total_time="$seconds" -runs="$runs" \
        -max_len=4096 -timeout="$timeout_s" -rss_limit_mb="$rss_mb" -print_final_stats=1 \
        -artifact_prefix="Findings/$target/" "$@" "Corpus/$target.new" "Corpus/$target"
}

regress() {
    local target log status=0
    log=$(mktemp)
    for target in "${@:-${targets[@]}}"; do
        dictionary "$target" >/dev/null
        echo "== $target: $(ls "Corpus/$target" | wc -l) inputs"
        if "$(binary "$target")" -runs=0 -timeout="$timeout_s" -rss_limit_mb="$rss_mb" \
            -artifact_prefix="${TMPDIR:-/tmp}/$target-" "Corpus/$target" >"$log" 2>&1; then
            grep -E '^#[0-9]+' "$log" | tail -n 1
        else
            tail -n 40 "$log"
            echo "FAILED: $target crashed on its corpus" >&2
            status=1
        fi
    done
    rm -f "$log"
    return $status
}

merge() {
    local target=$1 merged sources
    shift
    dictionary "$target" >/dev/null
    merged=$(mktemp -d)
    sources=("Corpus/$target")
    [ -d "Corpus/$target.new" ] && sources+=("Corpus/$target.new")
    # Inputs cut to 1 KiB: the corpus stays at a few hundred KB and keeps
    # nearly every edge (FuzzQueueLogLines: 833 of 837, 214 KB instead of 919 KB).
    nice -n 10 "$(binary "$target")" -merge=1 -max_len=1024 -timeout="$timeout_s" -rss_limit_mb="$rss_mb" "$@" \
        "$merged" "${sources[@]}"
    # Inputs that once crashed a target stay, whatever their coverage.
    cp Corpus/"$target"/finding-* "$merged"/ 2>/dev/null || true
    rm -rf "Corpus/$target" "Corpus/$target.new"
    mv "$merged" "Corpus/$target"
    echo "Corpus/$target: $(ls "Corpus/$target" | wc -l) inputs, $(cat "Corpus/$target"/* | wc -c) bytes"
}

command=${1:-}
shift || true
case "$command" in
    build) build ;;
    fuzz) [ $# -ge 1 ] || { echo "usage: Fuzzing/run.sh fuzz TARGET [SECONDS] [RUNS] [flags…]" >&2; exit 2; }; fuzz "$@" ;;
    regress) regress "$@" ;;
    merge) [ $# -ge 1 ] || { echo "usage: Fuzzing/run.sh merge TARGET [flags…]" >&2; exit 2; }; merge "$@" ;;
    list) printf '%s\n' "${targets[@]}" ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
