/// The "Service commitments" block of the table output (`--sla`): the totals,
/// every missed period first — what an operations manager must act on — then
/// one line per commitment with its periods met, missed and not measurable.
extension TableReportWriter {
    static func sla(_ evaluation: SLAEvaluation) -> [String] {
        let currency = evaluation.currency.map { " " + DisplayName.sanitized($0) } ?? ""
        var lines = ["Service commitments", "  " + summary(evaluation.totals, currency: currency)]
        if !evaluation.degradedDays.isEmpty {
            lines.append("  Degraded days: " + evaluation.degradedDays.joined(separator: ", "))
        }

        var missed = TextTable([.left, .left, .left, .right, .right, .right, .right])
        missed.append(["SERVICE", "COMMITMENT", "PERIOD", "TARGET", "MEASURED", "MARGIN", "PENALTY"])
        for service in evaluation.services {
            for result in service.commitments {
                for period in result.periods where period.status == .missed {
                    let unit = result.commitment.metric.unit
                    missed.append([
                        DisplayName.sanitized(service.service.name, maxWidth: maxNameWidth),
                        title(result), period.label + (period.degraded ? " (degraded)" : ""),
                        HumanNumberText.metric(.real(period.target), unit: unit),
                        HumanNumberText.metric(period.measured, unit: unit),
                        period.margin.map { HumanNumberText.metric(.real($0), unit: unit) } ?? HumanNumberText.noValue,
                        HumanNumberText.grouped(period.penalty) + currency,
                    ])
                }
            }
        }
        lines.append("  Missed")
        lines += missed.rows.count > 1 ? missed.lines(indent: "    ") : ["    (none)"]

        var all = TextTable([.left, .left, .right, .right, .right, .right])
        all.append(["SERVICE", "COMMITMENT", "MET", "MISSED", "NOT MEASURABLE", "PENALTY"])
        for service in evaluation.services {
            for result in service.commitments {
                all.append([
                    DisplayName.sanitized(service.service.name, maxWidth: maxNameWidth), title(result),
                    HumanNumberText.grouped(result.totals.met), HumanNumberText.grouped(result.totals.missed),
                    HumanNumberText.grouped(result.totals.notMeasurable),
                    HumanNumberText.grouped(result.totals.penalty) + currency,
                ])
            }
        }
        lines.append("  By commitment")
        lines += all.rows.count > 1 ? all.lines(indent: "    ") : ["    (none)"]
        return lines
    }

    /// `service_level (≤ 30 s) >= 80.0% per day at level 2`, degraded target in brackets.
    static func title(_ result: SLACommitmentResult) -> String {
        let commitment = result.commitment
        let unit = commitment.metric.unit
        var text = commitment.metric.key
        if let threshold = result.thresholdSeconds { text += " (≤ \(threshold) s)" }
        text += " " + commitment.comparison.rawValue + " " + HumanNumberText.metric(.real(commitment.target), unit: unit)
        if let degraded = commitment.degradedTarget {
            text += " [degraded " + HumanNumberText.metric(.real(degraded), unit: unit) + "]"
        }
        text += " per " + commitment.period.rawValue
        if let level = commitment.level { text += " at level \(level)" }
        return text
    }

    static func summary(_ totals: SLATotals, currency: String) -> String {
        HumanNumberText.counted(totals.missed, "period missed", "periods missed")
            + " · " + HumanNumberText.grouped(totals.met) + " met"
            + " · " + HumanNumberText.grouped(totals.notMeasurable) + " not measurable"
            + " · penalties " + HumanNumberText.grouped(totals.penalty) + currency
    }
}
