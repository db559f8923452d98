import HotlineCore

/// One stored night in a trend: its day and the requested metrics' values.
public struct HistoryDay: Equatable, Sendable {
    /// `YYYY-MM-DD`.
    public var day: String
    /// The values found; a metric not stored for the scope that night is absent.
    public var values: [Metric: MetricValue]

    public init(day: String, values: [Metric: MetricValue]) {
        self.day = day
        self.values = values
    }

    /// The value of `metric`, `null` when that night has none for the scope
    /// (a queue that had no traffic that day, a metric added later).
    public subscript(metric: Metric) -> MetricValue {
        values[metric] ?? .null
    }
}
