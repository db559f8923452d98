#!/usr/bin/env bash
# Peak memory of `hotline report` on queue_logs whose calls never close
# (issue 13, point 4: memory must follow the calls in progress).
#
#   Benchmarks/open-calls.sh [HOTLINE]       # default .build/release/hotline
#
# Writes five queue_logs under $HOTLINE_BENCH_DATA (default /tmp/hotline-open-calls)
# and prints each one's size and the peak RSS of one report (GNU time):
#   open-1M, open-3M   1 M / 3 M ENTERQUEUE lines that never close, one a
#                      second of log time, each followed by one complete call
#                      (ENTERQUEUE, CONNECT, COMPLETECALLER) every 10 lines;
#   dense-1M           the same 1 M open calls within one hour of log time
#                      (all of them within the 24 h horizon, so all held);
#   closed-1M          1 M complete calls, one a second.
set -euo pipefail
cd "$(dirname "$0")/.."
hotline=${1:-.build/release/hotline}
data=${HOTLINE_BENCH_DATA:-/tmp/hotline-open-calls}
mkdir -p "$data"

# `queue_log OPEN CLOSED SPACING`: OPEN calls that never close and CLOSED
# complete ones, interleaved, the log time advancing by SPACING seconds
# between open calls (fractions kept, written as whole seconds).
queue_log() {
    awk -v open="$1" -v closed="$2" -v spacing="$3" 'BEGIN {
        t = 1700000000; every = (open > 0 && closed > 0) ? int(open / closed) : 0
        for (i = 0; i < open || (open == 0 && i < closed); i++) {
            now = int(t + i * spacing)
            if (open > 0) printf "%d|open-%d|support|NONE|ENTERQUEUE||555%07d|1\n", now, i, i
            if (open == 0 || (every > 0 && i % every == 0)) {
                printf "%d|done-%d|support|NONE|ENTERQUEUE||556%07d|1\n", now, i, i
                printf "%d|done-%d|support|SIP/701|CONNECT|5|done-%d.1|2\n", now + 5, i, i
                printf "%d|done-%d|support|SIP/701|COMPLETECALLER|5|60|1\n", now + 65, i, i
            }
        }
    }'
}

[ -f "$data/open-1M" ] || queue_log 1000000 100000 1 >"$data/open-1M"
[ -f "$data/open-3M" ] || queue_log 3000000 300000 1 >"$data/open-3M"
[ -f "$data/dense-1M" ] || queue_log 1000000 100000 0.0036 >"$data/dense-1M"
[ -f "$data/closed-1M" ] || queue_log 0 1000000 1 >"$data/closed-1M"

printf 'file\tMB\tpeak MiB\twall s\n'
for name in open-1M open-3M dense-1M closed-1M; do
    file=$data/$name
    /usr/bin/time -f "%M %e" -o "$data/time" "$hotline" report --quiet --format json "$file" >/dev/null
    read -r kib wall <"$data/time"
    printf '%s\t%.1f\t%d\t%s\n' "$name" "$(echo "$(stat -c %s "$file") / 1000000" | bc -l)" $((kib / 1024)) "$wall"
done
