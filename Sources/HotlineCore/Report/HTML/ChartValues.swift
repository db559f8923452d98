/// Metric values as the charts draw them.
extension ScopeMetrics {
    /// A count metric, or 0 when `null` (a scope has a value for every count,
    /// so only a missing scope — an hour without rows — is drawn at 0).
    func count(_ metric: Metric) -> Int64 {
        if case .integer(let value) = self[metric] { return value }
        return 0
    }

    /// The metric as a number on a chart's axis, `nil` for `null` (drawn as a
    /// gap, never as a 0).
    func plotted(_ metric: Metric) -> Double? {
        switch self[metric].normalized {
        case .integer(let value): Double(value)
        case .real(let value): value
        case .null: nil
        }
    }
}

/// Shares written as the report writes rates.
enum ChartText {
    /// `part / whole` as `12.5 %`, or `—` when `whole` is 0.
    static func share(_ part: Int64, of whole: Int64) -> String {
        HumanNumberText.metric(.ratio(part, whole), unit: .fraction)
    }

    /// `1,234 calls`, `1 call`.
    static func calls(_ count: Int64) -> String {
        HumanNumberText.counted(count, "call", "calls")
    }
}
