/// A column of the table output's "By queue" and "By day" tables.
///
/// Those tables show only the metrics an analyst compares across queues and
/// days — a subset, so that a row fits a terminal line; the JSON and CSV
/// outputs carry every metric.
package struct BreakdownColumn {
    /// A short upper-case header, explained by `legend` when abbreviated.
    var header: String
    var metric: Metric

    /// The short header of `metric`'s column, or its upper-cased JSON key
    /// when the breakdown tables do not show it, for tables whose columns
    /// are chosen by the user (`hotline history --metric`).
    package static func header(of metric: Metric) -> String {
        all.first { $0.metric == metric }?.header ?? metric.key.uppercased()
    }

    static let all: [BreakdownColumn] = [
        BreakdownColumn(header: "ATTEMPTS", metric: .attempts),
        BreakdownColumn(header: "REACH", metric: .reachability),
        BreakdownColumn(header: "SL", metric: .serviceLevel),
        BreakdownColumn(header: "ABANDON", metric: .abandonmentRate),
        BreakdownColumn(header: "ASA", metric: .asaSeconds),
        BreakdownColumn(header: "WAIT P90", metric: .waitP90Seconds),
        BreakdownColumn(header: "CUSTOMERS", metric: .customers),
        BreakdownColumn(header: "CALLS/USEFUL", metric: .callsPerUsefulContact),
        BreakdownColumn(header: "FCR", metric: .fcr),
        BreakdownColumn(header: "CASE ESC", metric: .caseEscalationRate),
    ]

    /// The abbreviations used in the headers, spelled out once under the tables.
    package static let legend = [
        "REACH reachability · SL service level · ABANDON abandonment rate (short abandons excluded)",
        "ASA average speed of answer · CALLS/USEFUL calls per useful voice contact",
        "FCR first-contact resolution · CASE ESC case escalation rate · — no value",
    ]
}
