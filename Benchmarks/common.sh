# Sourced by the benchmark scripts, from the repository's root.

# `alternate RESULTS REPETITIONS NAME...` runs the commands that the caller's
# associative array `commands` holds under each NAME, in that order,
# REPETITIONS times over — alternating, so that a drift of the shared
# machine's speed hits every command alike — and appends `name, wall s,
# user s, sys s, peak KiB` per run (tab-separated, GNU time) to RESULTS.
# Command output is discarded.
alternate() {
    local results=$1 repetitions=$2 name
    shift 2
    for _ in $(seq "$repetitions"); do
        for name in "$@"; do
            /usr/bin/time -f "$name	%e	%U	%S	%M" -a -o "$results" ${commands[$name]} >/dev/null
        done
    done
}

# `generate_once DIR ARGUMENTS...` runs `hotline generate ARGUMENTS... --out
# DIR` unless DIR is already there. It writes into a temporary directory
# renamed at the end, so that an interrupted run leaves no partial data.
generate_once() {
    local dir=$1
    shift
    [ -d "$dir" ] && return
    rm -rf "$dir.partial"
    .build/release/hotline generate "$@" --out "$dir.partial"
    mv "$dir.partial" "$dir"
}
