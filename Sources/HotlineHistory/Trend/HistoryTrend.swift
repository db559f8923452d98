import HotlineCore

/// What `hotline history` shows: the trend of some metrics in one scope of
/// one history file, as read by ``HistoryStore/series(from:to:scope:metrics:)``.
public struct HistoryTrend: Equatable, Sendable {
    /// The history file, echoed so that a saved output says where it came from.
    public var database: String
    public var scope: HistoryScope
    /// The requested bounds, nil when open-ended.
    public var from: String?
    public var to: String?
    /// The columns, in the order asked for.
    public var metrics: [Metric]
    public var days: [HistoryDay]

    /// The metrics shown when none is asked for: the headline of each
    /// question the report answers — how much came in (offered) and was
    /// taken (answered), whether callers got through (reachability, service
    /// level, abandonment, speed of answer), what a useful conversation cost
    /// them (calls per useful contact), and how well cases were handled
    /// (case escalation rate, first-contact resolution).
    public static let headlineMetrics: [Metric] = [
        .offered, .answered, .reachability, .serviceLevel, .abandonmentRate, .asaSeconds,
        .callsPerUsefulContact, .caseEscalationRate, .fcr,
    ]

    public init(database: String, scope: HistoryScope, from: String?, to: String?, metrics: [Metric],
                days: [HistoryDay]) {
        self.database = database
        self.scope = scope
        self.from = from
        self.to = to
        self.metrics = metrics
        self.days = days
    }

    /// `between 2026-11-01 and 2026-11-30`, `since 2026-11-01`, `until …`, or
    /// empty: the range in words, for the table's title and its empty message.
    var rangeText: String {
        switch (from, to) {
        case (let from?, let to?): "between \(from) and \(to)"
        case (let from?, nil): "since \(from)"
        case (nil, let to?): "until \(to)"
        case (nil, nil): ""
        }
    }
}
