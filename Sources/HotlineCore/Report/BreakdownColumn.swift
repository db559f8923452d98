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

    /// The abbreviations of the headers of `metrics`' columns, spelled out
    /// once under a table (only those the table shows), then `caseNote` when
    /// it shows a case metric, whose scope differs between tables.
    package static func legend(of metrics: [Metric], caseNote: String) -> [String] {
        let items = abbreviations.filter { metrics.contains($0.metric) }.map(\.text) + ["— no value"]
        var lines: [String] = []
        for item in items {
            if let last = lines.last, last.count + 3 + item.count <= legendWidth {
                lines[lines.count - 1] = last + " · " + item
            } else {
                lines.append(item)
            }
        }
        return metrics.contains(where: \.isCaseMetric) ? lines + [caseNote] : lines
    }

    /// The columns of the breakdown tables, the scope of their case columns.
    package static var legend: [String] {
        legend(of: all.map(\.metric), caseNote: """
            FCR, CASE ESC: each case counts in the queue and on the day of its first contact, followed over every \
            file read (hotline history's nights see one day's contacts only)
            """)
    }

    private static let legendWidth = 92

    private static let abbreviations: [(metric: Metric, text: String)] = [
        (.reachability, "REACH reachability"),
        (.serviceLevel, "SL service level"),
        (.abandonmentRate, "ABANDON abandonment rate (short abandons excluded)"),
        (.asaSeconds, "ASA average speed of answer"),
        (.callsPerUsefulContact, "CALLS/USEFUL calls per useful voice contact"),
        (.fcr, "FCR first-contact resolution"),
        (.caseEscalationRate, "CASE ESC case escalation rate"),
    ]
}

extension Metric {
    /// A metric of the cases (SPEC §3): counted by the case's first contact,
    /// so its value depends on which contacts the run saw.
    var isCaseMetric: Bool {
        switch self {
        case .cases, .casesEscalated, .caseEscalationRate, .casesReachingLevel3, .fcr,
             .timeToEscalationP50Seconds, .timeToEscalationP90Seconds, .contactsPerCase:
            true
        default:
            false
        }
    }
}
