import HotlineCore

/// Writes a ``HistoryTrend`` for people: a title, then one line per night
/// with the metrics formatted as in `hotline report`'s tables (percentages,
/// `2m13s` durations, `—` for no value) under the same short headers.
public enum HistoryTableWriter {
    public static func render(_ trend: HistoryTrend) -> String {
        let scope = switch trend.scope {
        case .overall: "overall"
        case .queue(let name): "queue " + DisplayName.sanitized(name)
        case .hour(let hour): "hour " + DisplayName.sanitized(hour)
        }
        let title = "History of \(DisplayName.sanitized(trend.database)) · \(scope)"
        guard !trend.days.isEmpty else {
            let range = trend.rangeText
            return title + "\n  no nights stored" + (range.isEmpty ? "" : " " + range) + "\n"
        }
        var table = TextTable([.left] + trend.metrics.map { _ in .right })
        table.append(["DAY"] + trend.metrics.map(BreakdownColumn.header(of:)))
        for day in trend.days {
            table.append([day.day] + trend.metrics.map { HumanNumberText.metric(day[$0], unit: $0.unit) })
        }
        let nights = trend.days.count == 1 ? "1 night" : "\(trend.days.count) nights"
        let range = trend.rangeText
        let lines = [title + " · " + nights + (range.isEmpty ? "" : " " + range)] + table.lines(indent: "  ") + [""]
            + BreakdownColumn.legend(of: trend.metrics, caseNote: caseNote)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why a night's case figures differ from `hotline report`'s for the same day.
    private static let caseNote = """
        Case columns: the cases of that night's contacts only, a case continued from an earlier night counted \
        afresh (hotline report over several days follows it from its first contact: docs/history.md)
        """
}
