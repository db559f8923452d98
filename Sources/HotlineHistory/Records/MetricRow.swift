import HotlineCore

/// One row of `metric_value`: the value of one metric in one scope of a night.
public struct MetricRow: Equatable, Sendable {
    public var scope: HistoryScope
    public var metric: Metric
    public var value: MetricValue

    public init(scope: HistoryScope, metric: Metric, value: MetricValue) {
        self.scope = scope
        self.metric = metric
        self.value = value
    }

    /// A night's report flattened, one row per scope and metric: overall,
    /// then every queue, then every hour, each with every `Metric` in
    /// `Metric.allCases` order. A `null` is kept as a row, so that "measured,
    /// no value" stays distinct from "not stored". `byDay` is left out: a
    /// nightly report covers one day, which `overall` already is.
    public static func rows(of report: Report) -> [MetricRow] {
        let breakdowns: [(scope: (String) -> HistoryScope, scopes: [NamedScope])] = [
            (HistoryScope.queue, report.byQueue),
            (HistoryScope.hour, report.byHour ?? []),
        ]
        var rows = rows(.overall, report.overall)
        for breakdown in breakdowns {
            for named in breakdown.scopes {
                rows += self.rows(breakdown.scope(named.name), named.metrics)
            }
        }
        return rows
    }

    private static func rows(_ scope: HistoryScope, _ metrics: ScopeMetrics) -> [MetricRow] {
        Metric.allCases.map { MetricRow(scope: scope, metric: $0, value: metrics[$0].normalized) }
    }

    /// The order of `rows(of:)`: scope kind, then scope key in byte order, then metric.
    static func precedes(_ first: MetricRow, _ second: MetricRow) -> Bool {
        if first.scope.rank != second.scope.rank { return first.scope.rank < second.scope.rank }
        if first.scope.key != second.scope.key { return first.scope.key.utf8.lexicographicallyPrecedes(second.scope.key.utf8) }
        return first.metric.index < second.metric.index
    }
}
