/// Writes a `Report` as CSV (`--format csv`, SPEC §4): one row per scope, so a
/// spreadsheet or a `COPY … FROM` can load every scope into one table.
///
/// Columns are `scope,key,` and then every `Metric` key in `Metric.allCases`
/// order; `scope` is `overall`, `queue`, `day` or (detailed reports) `hour`,
/// `key` the queue name, date or hour (empty for `overall`). Numbers are spelled as in the JSON output and a
/// `null` is an empty field. Lines end with `\n`. A queue name that a
/// spreadsheet would run as a formula is neutralised (``CSVField/neutralised(_:)``).
public enum CSVReportWriter {
    /// The header line and one line per scope: `overall`, the queues, the days, then the hours.
    public static func render(_ report: Report) -> String {
        var text = CSVField.line(["scope", "key"] + Metric.allCases.map(\.key))
        text += row(scope: "overall", key: "", report.overall)
        for queue in report.byQueue {
            text += row(scope: "queue", key: queue.name, queue.metrics)
        }
        for day in report.byDay {
            text += row(scope: "day", key: day.name, day.metrics)
        }
        for hour in report.byHour ?? [] {
            text += row(scope: "hour", key: hour.name, hour.metrics)
        }
        return text
    }

    private static func row(scope: String, key: String, _ metrics: ScopeMetrics) -> String {
        CSVField.line([scope, CSVField.neutralised(key)] + Metric.allCases.map { metrics[$0].machineText ?? "" })
    }
}
