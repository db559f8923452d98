/// How one period of one commitment came out.
public enum SLAStatus: String, Sendable {
    case met
    case missed
    /// No call or contact of the commitment's scope in the period, or a
    /// metric with no value there (SPEC §3 `null`): neither kept nor broken,
    /// and no penalty.
    case notMeasurable = "not_measurable"
}

/// One commitment judged over one period.
public struct SLAPeriodResult: Equatable, Sendable {
    /// `2026-11-20`, `2026-W47` or `2026-11` (``SLAPeriod/label(ofStart:)``).
    public var label: String
    /// The period reaches beyond the first or last day of the input: it was
    /// measured over the days the logs cover.
    public var partial: Bool
    /// The period holds a catalogue degraded day.
    public var degraded: Bool
    /// The target applied: the degraded target when `degraded` and one is set.
    public var target: Double
    public var measured: MetricValue
    public var status: SLAStatus
    /// ``SLAComparison/margin(measured:target:)``; `nil` when not measurable.
    public var margin: Double?
    /// The commitment's penalty when missed, else 0.
    public var penalty: Int64
}

/// Periods met, missed and not measurable, and the penalties owed.
public struct SLATotals: Equatable, Sendable {
    public var met = 0
    public var missed = 0
    public var notMeasurable = 0
    /// 128 bits: penalties of up to 10¹² per period (docs/sla.md, Limits)
    /// over 100 000 commitments and every day of 0001…9999 can pass 2⁶³,
    /// never 2¹²⁷.
    public var penalty: Int128 = 0

    public init() {}

    mutating func add(_ period: SLAPeriodResult) {
        switch period.status {
        case .met: met += 1
        case .missed: missed += 1
        case .notMeasurable: notMeasurable += 1
        }
        penalty += Int128(period.penalty)
    }

    mutating func add(_ other: SLATotals) {
        met += other.met
        missed += other.missed
        notMeasurable += other.notMeasurable
        penalty += other.penalty
    }
}

/// One commitment of one service, period by period.
public struct SLACommitmentResult: Equatable, Sendable {
    public var commitment: SLACommitment
    /// Inherited from the catalogue's `default` block rather than written in the service.
    public var inherited: Bool
    /// The answer threshold a `service_level` commitment was measured with.
    public var thresholdSeconds: Int64?
    public var periods: [SLAPeriodResult]
    public var totals: SLATotals
}

/// One service's commitments and totals.
public struct SLAServiceResult: Equatable, Sendable {
    public var service: SLAService
    public var commitments: [SLACommitmentResult]
    public var totals: SLATotals
}

/// The catalogue checked against a report's data: the `sla` section.
public struct SLAEvaluation: Equatable, Sendable {
    public var currency: String?
    public var degradedDays: [String]
    public var services: [SLAServiceResult]
    public var totals: SLATotals
}
