/// Writes the SLA evaluation as CSV (`--sla-out FILE`): one row per service,
/// commitment and period, so that a spreadsheet can filter and sum what
/// `--format csv`'s one-row-per-scope table cannot hold.
///
/// Columns: `service,metric,comparison,threshold_s,level,period_kind,period,
/// partial,degraded,target,measured,status,margin,penalty`; numbers as in the
/// JSON output, booleans `true`/`false`, `null` as an empty field; a service
/// name that a spreadsheet would run as a formula is neutralised
/// (``CSVField/neutralised(_:)``), the numbers are not.
public enum SLACSVWriter {
    static let header = ["service", "metric", "comparison", "threshold_s", "level", "period_kind", "period",
                         "partial", "degraded", "target", "measured", "status", "margin", "penalty"]

    public static func render(_ evaluation: SLAEvaluation) -> String {
        var text = CSVField.line(header)
        for service in evaluation.services {
            for result in service.commitments {
                let commitment = result.commitment
                for period in result.periods {
                    text += CSVField.line([
                        CSVField.neutralised(service.service.name), commitment.metric.key, commitment.comparison.rawValue,
                        result.thresholdSeconds.map { String($0) } ?? "", commitment.level.map { String($0) } ?? "",
                        commitment.period.rawValue, period.label, String(period.partial), String(period.degraded),
                        MetricValue.real(period.target).machineText ?? "", period.measured.machineText ?? "",
                        period.status.rawValue, period.margin.flatMap { MetricValue.real($0).machineText } ?? "",
                        String(period.penalty),
                    ])
                }
            }
        }
        return text
    }
}
