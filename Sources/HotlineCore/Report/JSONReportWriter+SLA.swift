/// The `sla` section of the JSON report (docs/sla.md): present only with
/// `--sla`, so that a report without a catalogue stays exactly SPEC §4.
extension JSONReportWriter {
    static func sla(_ evaluation: SLAEvaluation) -> JSONValue {
        .object([
            ("currency", evaluation.currency.map(JSONValue.string) ?? .null),
            ("degraded_days", .array(evaluation.degradedDays.map(JSONValue.string))),
            ("services", .object(evaluation.services.map { ($0.service.name, service($0)) })),
            ("totals", totals(evaluation.totals)),
        ])
    }

    private static func service(_ result: SLAServiceResult) -> JSONValue {
        .object([
            ("queues", .array(result.service.queues.map(JSONValue.string))),
            ("opening_hours", .array(result.service.openingHours.map(JSONValue.string))),
            ("commitments", .list(result.commitments.map(commitment))),
            ("totals", totals(result.totals)),
        ])
    }

    private static func commitment(_ result: SLACommitmentResult) -> JSONValue {
        let commitment = result.commitment
        return .object([
            ("metric", .string(commitment.metric.key)),
            ("comparison", .string(commitment.comparison.rawValue)),
            ("target", number(commitment.target)),
            ("degraded_target", commitment.degradedTarget.map(number) ?? .null),
            ("threshold_s", result.thresholdSeconds.map(JSONValue.integer) ?? .null),
            ("level", commitment.level.map(JSONValue.integer) ?? .null),
            ("period", .string(commitment.period.rawValue)),
            ("penalty", .integer(commitment.penalty)),
            ("inherited", .boolean(result.inherited)),
            ("periods", .list(result.periods.map(period))),
            ("totals", totals(result.totals)),
        ])
    }

    private static func period(_ result: SLAPeriodResult) -> JSONValue {
        .object([
            ("period", .string(result.label)),
            ("partial", .boolean(result.partial)),
            ("degraded", .boolean(result.degraded)),
            ("target", number(result.target)),
            ("measured", .metric(result.measured)),
            ("status", .string(result.status.rawValue)),
            ("margin", result.margin.map(number) ?? .null),
            ("penalty", .integer(result.penalty)),
        ])
    }

    private static func totals(_ totals: SLATotals) -> JSONValue {
        .object([
            ("met", .integer(totals.met)),
            ("missed", .integer(totals.missed)),
            ("not_measurable", .integer(totals.notMeasurable)),
            ("penalty", .integer(totals.penalty)),
        ])
    }

    private static func number(_ value: Double) -> JSONValue {
        .metric(.real(value))
    }
}
