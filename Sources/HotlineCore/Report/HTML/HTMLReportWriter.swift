/// Writes a detailed `Report` as one self-contained HTML page — the nightly
/// job's `report.html`, read by support managers on a laptop or a phone.
///
/// Layout: a header (day, zone, parameters, input), a KPI card per queue
/// coloured by its service commitments, the charts (calls by hour of day,
/// the wait distribution against the service-level threshold, calls per
/// useful contact customer by customer, escalations, the last 30 days),
/// then, with `--sla`, every commitment period, missed first. Each chart is
/// an inline `<svg>` with an `id` (`chart-by-hour`, `chart-wait-distribution`,
/// `chart-customer-effort`, `chart-escalation`, `chart-history-<metric>`
/// inside `chart-history`) and every number it draws in text as well.
///
/// Pure and deterministic: the same report and history always give the same
/// bytes (no clock, no randomness), numbers formatted by `HumanNumberText`,
/// `null` shown as `—`, a chart without data says so instead of drawing.
public enum HTMLReportWriter {
    /// `history`: up to the last 30 stored days (`YYYY-MM-DD`, that day's
    /// overall metrics), in any order, with or without the report's own day.
    public static func render(_ report: Report, history: [NamedScope], title: String) -> String {
        let overall = report.overall
        let threshold = report.parameters.thresholds.serviceLevelSeconds
        var body = [
            PageHeader.html(report, title: title),
            KPICards.html(report),
            "<div class=\"grid\">",
            HTMLPage.panel("Calls by hour of day", note: "Bar height = offered calls (answered + abandoned + timed out),"
                               + " summed over the report's days.",
                           dense: true, content: HourOfDayChart.html(report.byHour)),
            HTMLPage.panel("Wait before answer", note: figures([.serviceLevel, .asaSeconds, .waitP90Seconds, .waitP99Seconds], overall),
                           dense: true, content: WaitTimeChart.html(report.distributions, threshold: threshold)),
            HTMLPage.panel("Customer effort", note: figures([.callsPerUsefulContact, .customers, .repeatCallerRate], overall),
                           content: CustomerEffortChart.html(report.distributions)),
            HTMLPage.panel("Escalation path", note: figures([.cases, .casesEscalated, .casesReachingLevel3], overall),
                           content: EscalationChart.html(report.distributions, overall: overall)),
            HTMLPage.panel("Last \(HistoryCharts.days) days", note: "Overall figures per day; a gap is a day without data.",
                           wide: true, content: HistoryCharts.html(history: history, report: report)),
        ]
        if let evaluation = report.sla {
            body.append(HTMLPage.panel("Service commitments", wide: true, content: SLATable.html(evaluation)))
        }
        body.append("</div>")
        return HTMLPage.document(title: title, body: body)
    }

    /// `Cases 1,558 · Cases escalated 311`: the overall figures a chart is read with.
    private static func figures(_ metrics: [Metric], _ overall: ScopeMetrics) -> String {
        metrics.map { "\($0.title) \(HumanNumberText.value(of: $0, in: overall))" }.joined(separator: " · ")
    }
}
