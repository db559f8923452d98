/// Checks a catalogue against the accumulated rows.
///
/// Every commitment is measured exactly, on its own scope — the service's
/// queues, one period, optionally one level — built from the accumulator's
/// per-(queue, day, level) tallies (``MetricsAccumulator/tallies(scopes:scopeOf:)``),
/// never approximated from the report's per-day values: a week's p90 or its
/// distinct customers are not functions of the days' ones. Commitments that
/// share a period kind and a level share one pass over the accumulator.
enum SLAEvaluator {
    static func evaluate(_ catalogue: SLACatalogue, accumulator: MetricsAccumulator, thresholds: CallThresholds,
                         unmeasurable: [Metric]) -> SLAEvaluation {
        var serviceOfQueue: [String: Int] = [:]
        for (index, service) in catalogue.services.enumerated() {
            for queue in service.queues { serviceOfQueue[queue] = index }
        }
        let days = accumulator.days
        let dataDays = days.first.flatMap { first in days.last.map { first...$0 } }
        let degraded = Set(catalogue.degradedDays)
        var families: [Family: Measurements] = [:]

        var services: [SLAServiceResult] = []
        var totals = SLATotals()
        for (serviceIndex, service) in catalogue.services.enumerated() {
            var results: [SLACommitmentResult] = []
            var serviceTotals = SLATotals()
            for (commitment, inherited) in zip(service.commitments, service.inherited) {
                let family = Family(period: commitment.period, level: commitment.level)
                if families[family] == nil {
                    families[family] = Measurements(family: family, days: days, services: catalogue.services.count,
                                                    serviceOfQueue: serviceOfQueue, accumulator: accumulator)
                }
                let measurements = families[family]!
                var periods: [SLAPeriodResult] = []
                var commitmentTotals = SLATotals()
                for (periodIndex, start) in measurements.starts.enumerated() {
                    let slot = serviceIndex * measurements.starts.count + periodIndex
                    let end = commitment.period.end(ofStart: start)
                    let isDegraded = (start..<end).contains(where: degraded.contains)
                    let result = judge(
                        commitment, tallies: measurements.tallies[slot], metrics: measurements.metrics[slot],
                        thresholds: thresholds, unmeasurable: unmeasurable,
                        label: commitment.period.label(ofStart: start),
                        partial: dataDays.map { start < $0.lowerBound || end - 1 > $0.upperBound } ?? false,
                        degraded: isDegraded)
                    periods.append(result)
                    commitmentTotals.add(result)
                }
                results.append(SLACommitmentResult(
                    commitment: commitment, inherited: inherited,
                    thresholdSeconds: commitment.metric == .serviceLevel
                        ? commitment.thresholdSeconds ?? thresholds.serviceLevelSeconds : nil,
                    periods: periods, totals: commitmentTotals))
                serviceTotals.add(commitmentTotals)
            }
            services.append(SLAServiceResult(service: service, commitments: results, totals: serviceTotals))
            totals.add(serviceTotals)
        }
        return SLAEvaluation(currency: catalogue.currency,
                             degradedDays: catalogue.degradedDays.map(CivilDate.isoDate(fromDays:)),
                             services: services, totals: totals)
    }

    private static func judge(_ commitment: SLACommitment, tallies: ScopeTallies, metrics: ScopeMetrics,
                              thresholds: CallThresholds, unmeasurable: [Metric],
                              label: String, partial: Bool, degraded: Bool) -> SLAPeriodResult {
        let target = degraded ? commitment.degradedTarget ?? commitment.target : commitment.target
        var measured = metrics[commitment.metric]
        if commitment.metric == .serviceLevel, let threshold = commitment.thresholdSeconds {
            let calls = tallies.calls
            measured = .ratio(calls.answeredWaits.count(atMost: threshold),
                              calls.answered + calls.abandoned + calls.timeout - calls.shortAbandoned)
        }
        let hasRows = tallies.calls.attempts > 0 || tallies.contacts.contacts > 0
        var result = SLAPeriodResult(label: label, partial: partial, degraded: degraded, target: target,
                                     measured: measured, status: .notMeasurable, margin: nil, penalty: 0)
        guard hasRows, !unmeasurable.contains(commitment.metric) else {
            result.measured = .null
            return result
        }
        guard let value = measured.number else { return result }
        result.margin = commitment.comparison.margin(measured: value, target: target)
        if commitment.comparison.isMet(measured: value, target: target) {
            result.status = .met
        } else {
            result.status = .missed
            result.penalty = commitment.penalty
        }
        return result
    }

    /// Commitments measured on the same scopes: one period kind, one level (or all).
    struct Family: Hashable {
        var period: SLAPeriod
        var level: UInt8?
    }

    /// The tallies and metrics of every (service, period) scope of one family,
    /// slot `service × periods + period`.
    struct Measurements {
        var starts: [Int64]
        var tallies: [ScopeTallies]
        var metrics: [ScopeMetrics]

        /// `days`: the local days with a row, ascending; a period without any is not listed.
        init(family: Family, days: [Int64], services: Int, serviceOfQueue: [String: Int],
             accumulator: MetricsAccumulator) {
            starts = family.period.starts(holding: days)
            let periodOfStart = Dictionary(uniqueKeysWithValues: starts.enumerated().map { ($1, $0) })
            let periods = starts.count
            tallies = accumulator.tallies(scopes: services * periods) { cell in
                guard let service = serviceOfQueue[cell.queue] else { return nil }
                if let wanted = family.level, cell.level != wanted { return nil }
                return service * periods + periodOfStart[family.period.start(ofDay: cell.day)]!
            }
            metrics = tallies.map(\.metrics)
        }
    }
}

extension MetricValue {
    /// The value as a number to compare with a target; `nil` for `null`.
    public var number: Double? {
        switch normalized {
        case .integer(let value): Double(value)
        case .real(let value): value
        case .null: nil
        }
    }
}
