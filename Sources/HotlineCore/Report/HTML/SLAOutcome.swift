/// How the service commitments that cover a set of queues came out over the
/// report: what colours a KPI card and what the card says was missed.
struct SLAOutcome {
    enum Status: String {
        case met
        case missed
        case notMeasurable = "not-measurable"
        case uncommitted
    }

    struct Miss {
        let service: String
        let result: SLACommitmentResult
        let period: SLAPeriodResult
    }

    /// Names of the services whose queues include the card's queue.
    private(set) var services: [String] = []
    private(set) var totals = SLATotals()
    /// Every missed period, in catalogue order.
    private(set) var misses: [Miss] = []

    /// The services covering `queue`, or every service when `queue` is nil
    /// (the all-queues card).
    init(queue: String?, evaluation: SLAEvaluation?) {
        for service in evaluation?.services ?? [] where queue.map(service.service.queues.contains) ?? true {
            services.append(service.service.name)
            totals.add(service.totals)
            for result in service.commitments {
                for period in result.periods where period.status == .missed {
                    misses.append(Miss(service: service.service.name, result: result, period: period))
                }
            }
        }
    }

    /// Red when any period was missed, green when none was and some were
    /// met, grey when nothing could be measured or nothing was promised.
    var status: Status {
        if totals.missed > 0 { return .missed }
        if totals.met > 0 { return .met }
        return services.isEmpty ? .uncommitted : .notMeasurable
    }

    /// The card's verdict in words, so that colour is never the only signal.
    var verdict: String {
        let periods = totals.met + totals.missed + totals.notMeasurable
        switch status {
        case .missed:
            return HumanNumberText.grouped(totals.missed) + " of "
                + HumanNumberText.counted(periods, "commitment period", "commitment periods") + " missed"
        case .met: return "All \(HumanNumberText.counted(totals.met, "measured commitment period", "measured commitment periods")) met"
        case .notMeasurable: return "Commitments not measurable"
        case .uncommitted: return "No commitment"
        }
    }

    /// `Service level (≤ 30 s), 2026-11-02: 51.9 % vs target ≥ 60.0 %`.
    static func text(_ miss: Miss) -> String {
        let commitment = miss.result.commitment
        let unit = commitment.metric.unit
        var text = commitment.metric.title
        if let threshold = miss.result.thresholdSeconds { text += " (≤ \(threshold) s)" }
        if let level = commitment.level { text += " at level \(level)" }
        text += ", " + miss.period.label + (miss.period.degraded ? " (degraded)" : "") + ": "
        text += HumanNumberText.metric(miss.period.measured, unit: unit) + " vs target "
        return text + symbol(commitment.comparison) + " " + HumanNumberText.metric(.real(miss.period.target), unit: unit)
    }

    private static func symbol(_ comparison: SLAComparison) -> String {
        switch comparison {
        case .atLeast: "≥"
        case .atMost: "≤"
        case .above: ">"
        case .below: "<"
        }
    }
}
