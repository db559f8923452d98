/// Writes a `Report` as text for people at a terminal — the default output of
/// `hotline report`, read by support-operations analysts.
///
/// Layout: a header (parameters, input read and rejected), the overall
/// metrics grouped in sections, then "By queue" and "By day" tables with the
/// metrics worth comparing side by side, and a legend of their abbreviations.
/// Numbers are formatted by `HumanNumberText` (percentages, `2m13s`
/// durations, thousands separators); a `null` value is shown as `—`.
/// Use `--format json` or `csv` for exact values and every metric per scope.
public enum TableReportWriter {
    /// Widest queue name shown in the "By queue" table; longer names are cut
    /// and end with `…`, so one long name cannot push every column off screen.
    static let maxNameWidth = 24

    /// The whole table output, blocks separated by blank lines, ending with a newline.
    public static func render(_ report: Report) -> String {
        let blocks = [
            header(report),
            overall(report.overall),
            breakdown("By queue", keyHeader: "QUEUE", report.byQueue),
            breakdown("By day", keyHeader: "DAY", report.byDay),
            BreakdownColumn.legend,
        ]
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private static func header(_ report: Report) -> [String] {
        let parameters = report.parameters
        let input = report.input
        var table = TextTable([.left, .left])
        table.append([
            "Parameters",
            "service level = answered within \(parameters.thresholds.serviceLevelSeconds) s"
                + " · short abandon = under \(parameters.thresholds.shortAbandonSeconds) s"
                + " · time zone \(DisplayName.sanitized(parameters.timeZone))",
        ])
        table.append([
            "Input",
            HumanNumberText.counted(input.files, "file", "files")
                + " · " + HumanNumberText.bytes(input.bytesRead) + " read"
                + " · " + HumanNumberText.bytes(input.bytesDecoded) + " decoded",
        ])
        table.append(["Calls", rowCounts(input.calls)])
        table.append(["Contacts", rowCounts(input.contacts)])
        return table.lines()
    }

    private static func rowCounts(_ counts: RowCounts) -> String {
        HumanNumberText.counted(counts.rows, "row", "rows")
            + " · " + HumanNumberText.grouped(counts.rejected) + " rejected"
    }

    /// Every metric of the overall scope, one per line under its section's
    /// title; one table for all sections, so values align down the whole block.
    private static func overall(_ metrics: ScopeMetrics) -> [String] {
        var table = TextTable([.left, .right])
        for section in TableSection.allCases {
            for metric in section.metrics {
                table.append([metric.title, HumanNumberText.value(of: metric, in: metrics)])
            }
        }
        var metricLines = table.lines(indent: "    ")[...]
        var lines = ["Overall"]
        for section in TableSection.allCases {
            lines.append("  " + section.title)
            lines += metricLines.prefix(section.metrics.count)
            metricLines = metricLines.dropFirst(section.metrics.count)
        }
        return lines
    }

    private static func breakdown(_ title: String, keyHeader: String, _ scopes: [NamedScope]) -> [String] {
        guard !scopes.isEmpty else { return [title, "  (none)"] }
        let columns = BreakdownColumn.all
        var table = TextTable([.left] + columns.map { _ in .right })
        table.append([keyHeader] + columns.map(\.header))
        for scope in scopes {
            table.append(
                [DisplayName.sanitized(scope.name, maxWidth: maxNameWidth)]
                    + columns.map { HumanNumberText.value(of: $0.metric, in: scope.metrics) })
        }
        return [title] + table.lines(indent: "  ")
    }
}
