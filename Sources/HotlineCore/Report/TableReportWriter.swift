/// Writes a `Report` as text for people at a terminal — the default output of
/// `hotline report`, read by support-operations analysts.
///
/// Layout: a header (parameters, input read and rejected), the overall
/// metrics grouped in sections, then "By queue" and "By day" tables with the
/// metrics worth comparing side by side, a legend of their abbreviations and,
/// with `--sla`, the service commitments (missed periods first).
/// Numbers are formatted by `HumanNumberText` (percentages, `2m13s`
/// durations, thousands separators); a `null` value is shown as `—`.
/// Use `--format json` or `csv` for exact values and every metric per scope.
public enum TableReportWriter {
    /// Widest queue name shown in the "By queue" table; longer names are cut
    /// and end with `…`, so one long name cannot push every column off screen.
    static let maxNameWidth = 24

    /// The whole table output, blocks separated by blank lines, ending with a newline.
    public static func render(_ report: Report) -> String {
        var blocks = [
            header(report),
            overall(report.overall, unmeasurable: report.input.unmeasurableMetrics),
            breakdown("By queue", keyHeader: "QUEUE", report.byQueue),
            breakdown("By day", keyHeader: "DAY", report.byDay),
        ]
        if let byHour = report.byHour { blocks.append(breakdown("By hour of day", keyHeader: "HOUR", byHour)) }
        blocks.append(BreakdownColumn.legend)
        if let evaluation = report.sla { blocks.append(sla(evaluation)) }
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
        if let switchLogs = input.switchLogs {
            table.append(["Switch logs", switchSummary(switchLogs)])
        }
        if !input.notRecorded.isEmpty {
            table.append(["Not recorded", input.notRecorded.map(\.name).joined(separator: ", ")
                + " (no input logs them: shown as \"not recorded\", not as zero)"])
        }
        return table.lines()
    }

    private static func switchSummary(_ summary: SwitchLogSummary) -> String {
        var parts: [String] = []
        if summary.queueLogLines > 0 {
            parts.append(HumanNumberText.counted(summary.queueLogLines, "queue_log line", "queue_log lines"))
            parts.append(HumanNumberText.grouped(summary.incompleteCalls) + " incomplete calls")
            parts.append(HumanNumberText.grouped(summary.duplicateLines) + " duplicate lines")
            parts.append(HumanNumberText.grouped(summary.eventsUnknown) + " unknown events")
        }
        if summary.cdrRows > 0 {
            parts.append(HumanNumberText.counted(summary.cdrRows, "CDR row", "CDR rows"))
            parts.append(HumanNumberText.counted(summary.cdrCalls, "CDR call", "CDR calls"))
            parts.append(HumanNumberText.grouped(summary.cdrQueuedCalls) + " queued (left to the queue_log)")
            parts.append(HumanNumberText.grouped(summary.cdrNotInbound) + " not inbound")
        }
        return parts.joined(separator: " · ")
    }

    static func rowCounts(_ counts: RowCounts) -> String {
        HumanNumberText.counted(counts.rows, "row", "rows")
            + " · " + HumanNumberText.grouped(counts.rejected) + " rejected"
    }

    /// Every metric of the overall scope, one per line under its section's
    /// title; one table for all sections, so values align down the whole block.
    private static func overall(_ metrics: ScopeMetrics, unmeasurable: [Metric]) -> [String] {
        var table = TextTable([.left, .right])
        for section in TableSection.allCases {
            for metric in section.metrics {
                let text = unmeasurable.contains(metric) ? "not recorded" : HumanNumberText.value(of: metric, in: metrics)
                table.append([metric.title, text])
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
