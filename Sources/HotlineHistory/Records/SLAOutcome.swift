import HotlineCore

/// One row of `sla_outcome`: one commitment of one service judged over one
/// period — the same facts as a line of `hotline report --sla-out`.
public struct SLAOutcome: Equatable, Sendable {
    public var service: String
    public var metric: Metric
    public var comparison: SLAComparison
    /// The answer threshold a `service_level` commitment was measured with.
    public var thresholdSeconds: Int64?
    /// The support level the commitment is restricted to, if any.
    public var level: UInt8?
    public var periodKind: SLAPeriod
    /// `2026-11-20`, `2026-W47` or `2026-11`.
    public var period: String
    public var target: Double
    public var measured: MetricValue
    public var status: SLAStatus
    /// Positive is better; nil when not measurable.
    public var margin: Double?
    public var penalty: Int64
    public var partial: Bool
    public var degraded: Bool

    public init(service: String, metric: Metric, comparison: SLAComparison, thresholdSeconds: Int64?, level: UInt8?,
                periodKind: SLAPeriod, period: String, target: Double, measured: MetricValue, status: SLAStatus,
                margin: Double?, penalty: Int64, partial: Bool, degraded: Bool) {
        self.service = service
        self.metric = metric
        self.comparison = comparison
        self.thresholdSeconds = thresholdSeconds
        self.level = level
        self.periodKind = periodKind
        self.period = period
        self.target = target
        self.measured = measured
        self.status = status
        self.margin = margin
        self.penalty = penalty
        self.partial = partial
        self.degraded = degraded
    }

    /// An evaluation flattened in its own order: service, commitment, period.
    public static func outcomes(of evaluation: SLAEvaluation) -> [SLAOutcome] {
        evaluation.services.flatMap { service in
            service.commitments.flatMap { result in
                result.periods.map { period in
                    SLAOutcome(
                        service: service.service.name, metric: result.commitment.metric,
                        comparison: result.commitment.comparison, thresholdSeconds: result.thresholdSeconds,
                        level: result.commitment.level, periodKind: result.commitment.period, period: period.label,
                        target: period.target, measured: period.measured.normalized, status: period.status,
                        margin: period.margin, penalty: period.penalty, partial: period.partial, degraded: period.degraded)
                }
            }
        }
    }
}
