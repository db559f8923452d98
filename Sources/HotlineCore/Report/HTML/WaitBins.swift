/// Answered calls binned by wait for the wait-time chart.
///
/// Bins are closed on the right — the first holds waits 0…w, the next
/// w+1…2w — because a call answered after exactly T seconds is within the
/// service level (`wait_s ≤ T`, SPEC §3): with a width that divides T, the
/// threshold falls between two bars. The last regular bin ends at the 99th
/// percentile rounded up (or at the threshold, if that is further), and the
/// few longer waits share one overflow bin, so that one call stuck for an
/// hour does not squash every other bar to a sliver.
struct WaitBins {
    /// Seconds per bin.
    let width: Int64
    /// Calls in each regular bin; bin `i` ends at `(i + 1) · width` seconds.
    let counts: [Int64]
    /// Calls that waited longer than `cap`.
    let overflow: Int64
    let total: Int64

    var cap: Int64 { width * Int64(counts.count) }

    /// Widths a person reads at a glance, in seconds.
    private static let widths: [Int64] = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 21_600, 86_400]

    /// About `targetBins` bins; `nil` when no call was answered. The bins
    /// stop at the top of `ValueRanges.durationSeconds` (3.2 years, the range
    /// of the threshold): a canonical `wait_s` may be any `Int64`, and one
    /// beyond falls in the overflow bin, so no bin edge can overflow.
    init?(_ waits: [ValueCount], threshold: Int64, targetBins: Int64 = 24) {
        let total = waits.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        let rank = (total * 99 + 99) / 100
        var seen: Int64 = 0
        let p99 = waits.first { seen += $0.count; return seen >= rank }?.value ?? 0
        let span = min(max(p99, threshold, 1), ValueRanges.durationSeconds.upperBound)
        let raw = (span + targetBins - 1) / targetBins
        let candidates = Self.widths.filter { $0 >= raw }
        // A width that divides the threshold puts the threshold on a bin edge;
        // one up to twice the ideal width is worth it.
        width = candidates.first { $0 <= 2 * raw && threshold > 0 && threshold % $0 == 0 }
            ?? candidates.first ?? raw
        let binCount = Int((span + width - 1) / width)
        var counts = Array(repeating: Int64(0), count: binCount)
        var overflow: Int64 = 0
        for wait in waits {
            let bin = wait.value <= 0 ? 0 : (wait.value - 1) / width
            if bin < Int64(binCount) { counts[Int(bin)] += wait.count } else { overflow += wait.count }
        }
        self.counts = counts
        self.overflow = overflow
        self.total = total
    }

    /// `0–10 s`, `11–20 s`: the whole-second waits bin `index` holds.
    func label(_ index: Int) -> String {
        let upper = width * Int64(index + 1)
        let lower = index == 0 ? 0 : upper - width + 1
        return lower == upper ? "\(upper) s" : "\(lower)–\(upper) s"
    }
}
