import Testing
@testable import HotlineCore
import HotlineTestSupport

/// Every metric in every scope of `MetricFixture`, computed by hand.
///
/// Calls (T = 20 s, A = 5 s): queue A holds calls 1–4 (cu1 answered 10 s, cu1 short abandon 3 s,
/// cu2 answered 30 s on the 21st, anonymous abandon 8 s); queue B calls 5–8 (cu2 closed, cu3 busy,
/// cu3 timeout 600 s, cu3 answered 20 s). Day 20 holds calls 1, 2, 4; day 21 calls 3, 5–8.
/// Contacts: cases X (A, day 20, escalated 1→3 after 14 380 s), Y (A, day 20, FCR),
/// Z (B, day 21, escalated after 0 s via the byte-order tie), W (B, day 21), V (sales, day 22).
@Suite struct MetricsAccumulatorTests {
    private static let thresholds = CallThresholds(serviceLevelSeconds: 20, shortAbandonSeconds: 5)

    private static func accumulate(calls: [MetricFixture.Call], contacts: [(Int, MetricFixture.Contact)]) -> MetricsAccumulator {
        let accumulator = MetricsAccumulator(thresholds: thresholds, zone: .utc)
        for call in calls { MetricFixture.add(call, to: accumulator) }
        for (position, contact) in contacts { MetricFixture.add(contact, position: position, to: accumulator) }
        return accumulator
    }

    private static func report(_ accumulator: MetricsAccumulator) -> Report {
        accumulator.report(parameters: ReportParameters(), input: InputSummary())
    }

    private static var wholeReport: Report {
        report(accumulate(calls: MetricFixture.calls, contacts: Array(MetricFixture.contacts.enumerated())))
    }

    private static func values(_ list: [MetricValue]) -> [Metric: MetricValue] {
        precondition(list.count == Metric.allCases.count)
        return Dictionary(uniqueKeysWithValues: zip(Metric.allCases, list))
    }

    private static let noCalls: [MetricValue] = [0, 0, 0, 0, 0, 0, 0, 0, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, 0, 0, 0, nil, 0, nil, nil, nil]

    // Order of Metric.allCases: attempts offered answered abandoned short timeout busy closed
    // reachability open_hours service_level abandonment asa p50 p90 p99 mtta talk anonymous
    // customers reached reach_rate repeat repeat_rate apc_p90 apc_max
    // contacts useful useful_voice calls_per_useful escalated escalation_rate
    // cases cases_escalated case_escalation_rate level3 fcr tte_p50 tte_p90 contacts_per_case
    static let expectedOverall = values([
        8, 6, 3, 2, 1, 1, 1, 1, r(3.0 / 8), r(3.0 / 7), r(2.0 / 5), r(1.0 / 5), r(20.0), 20, 30, 30, r(5.5), r(120.0), 1,
        3, 3, r(1.0), 3, r(1.0), 3, 3,
        10, 8, 5, r(8.0 / 5), 1, r(0.1),
        5, 2, r(0.4), 1, r(0.2), 0, 14_380, r(2.0),
    ])
    static let expectedQueueA = values([
        4, 4, 2, 2, 1, 0, 0, 0, r(0.5), r(0.5), r(1.0 / 3), r(1.0 / 3), r(20.0), 10, 30, 30, r(5.5), r(150.0), 1,
        2, 2, r(1.0), 1, r(0.5), 2, 2,
        3, 3, 3, r(4.0 / 3), 1, r(1.0 / 3),
        2, 1, r(0.5), 1, r(0.5), 14_380, 14_380, r(2.0),
    ])
    static let expectedQueueB = values([
        4, 2, 1, 0, 0, 1, 1, 1, r(0.25), r(1.0 / 3), r(0.5), r(0.0), r(20.0), 20, 20, 20, nil, r(60.0), 0,
        2, 1, r(0.5), 1, r(0.5), 3, 3,
        5, 3, 1, r(4.0), 0, r(0.0),
        2, 1, r(0.5), 0, r(0.0), 0, 0, r(2.0),
    ])
    static let expectedContactsOnly = values(noCalls + [
        2, 2, 1, r(0.0), 0, r(0.0),
        1, 0, r(0.0), 0, r(0.0), nil, nil, r(2.0),
    ])
    static let expectedDay20 = values([
        3, 3, 1, 2, 1, 0, 0, 0, r(1.0 / 3), r(1.0 / 3), r(0.5), r(0.5), r(10.0), 10, 10, 10, r(5.5), r(100.0), 1,
        1, 1, r(1.0), 1, r(1.0), 2, 2,
        3, 3, 3, r(1.0), 1, r(1.0 / 3),
        2, 1, r(0.5), 1, r(0.5), 14_380, 14_380, r(2.0),
    ])
    static let expectedDay21 = values([
        5, 3, 2, 0, 0, 1, 1, 1, r(0.4), r(0.5), r(1.0 / 3), r(0.0), r(25.0), 20, 30, 30, nil, r(130.0), 0,
        2, 2, r(1.0), 2, r(1.0), 3, 3,
        5, 3, 1, r(5.0), 0, r(0.0),
        2, 1, r(0.5), 0, r(0.0), 0, 0, r(2.0),
    ])

    private static func check(_ scope: ScopeMetrics, _ expected: [Metric: MetricValue], _ name: String) {
        for metric in Metric.allCases {
            let actual = scope[metric]
            let wanted = expected[metric]!
            switch (actual, wanted) {
            case (.real(let a), .real(let b)):
                #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(name).\(metric.key): \(a) != \(b)")
            default:
                #expect(actual == wanted, "\(name).\(metric.key)")
            }
        }
    }

    @Test func everyMetricOverall() {
        Self.check(Self.wholeReport.overall, Self.expectedOverall, "overall")
    }

    @Test func everyMetricByQueueInByteOrder() {
        let report = Self.wholeReport
        #expect(report.byQueue.map(\.name) == ["A", "B", "sales"])
        Self.check(report.byQueue[0].metrics, Self.expectedQueueA, "A")
        Self.check(report.byQueue[1].metrics, Self.expectedQueueB, "B")
        Self.check(report.byQueue[2].metrics, Self.expectedContactsOnly, "sales")
    }

    @Test func everyMetricByDay() {
        let report = Self.wholeReport
        #expect(report.byDay.map(\.name) == ["2026-11-20", "2026-11-21", "2026-11-22"])
        Self.check(report.byDay[0].metrics, Self.expectedDay20, "2026-11-20")
        Self.check(report.byDay[1].metrics, Self.expectedDay21, "2026-11-21")
        Self.check(report.byDay[2].metrics, Self.expectedContactsOnly, "2026-11-22")
    }

    @Test func rowCountsReachTheInputSummary() {
        let report = Self.wholeReport
        #expect(report.input.calls.rows == 8)
        #expect(report.input.contacts.rows == 10)
    }

    @Test(arguments: 1...25)
    func anySplitInAnyOrderMergesToTheSameReport(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let parts = Int(random.next() % 5) + 1
        let accumulators = (0..<parts).map { _ in MetricsAccumulator(thresholds: Self.thresholds, zone: .utc) }
        var calls = MetricFixture.calls
        var contacts = Array(MetricFixture.contacts.enumerated())
        calls.shuffle(using: &random)
        contacts.shuffle(using: &random)
        for call in calls { MetricFixture.add(call, to: accumulators[Int(random.next() % UInt64(parts))]) }
        for (position, contact) in contacts {
            MetricFixture.add(contact, position: position, to: accumulators[Int(random.next() % UInt64(parts))])
        }
        var order = Array(accumulators.indices)
        order.shuffle(using: &random)
        let total = accumulators[order[0]]
        for index in order.dropFirst() { total.merge(accumulators[index]) }
        #expect(Self.report(total) == Self.wholeReport)
    }

    @Test func anEmptyAccumulatorReportsNullRatiosAndNoScopes() {
        let report = Self.report(MetricsAccumulator(thresholds: Self.thresholds, zone: .utc))
        #expect(report.byQueue.isEmpty)
        #expect(report.byDay.isEmpty)
        Self.check(report.overall, Self.values(Self.noCalls + [0, 0, 0, nil, 0, nil, 0, 0, nil, 0, nil, nil, nil, nil]), "empty")
    }

    @Test func hugeWaitsAndTalksDoNotOverflowTheMeans() {
        let accumulator = MetricsAccumulator(thresholds: Self.thresholds, zone: .utc)
        for _ in 0..<3 {
            MetricFixture.add(.init(customer: "c", queue: "q", arrivedAt: "2026-01-01T00:00:00Z", wait: .max, talk: .max,
                                    outcome: .answered), to: accumulator)
        }
        let overall = Self.report(accumulator).overall
        #expect(overall[.asaSeconds] == .real(Double(Int64.max)))
        #expect(overall[.meanTalkSeconds] == .real(Double(Int64.max)))
        #expect(overall[.waitP99Seconds] == .integer(.max))
        #expect(overall[.serviceLevel] == .real(0))
    }

    @Test func daysFollowTheReportTimeZone() {
        // 23:30 UTC on the 20th is 00:30 on the 21st in a zone at +01:00.
        let plusOne = ZoneOffsets(initialOffset: 3_600, transitions: [])
        let accumulator = MetricsAccumulator(thresholds: Self.thresholds, zone: plusOne)
        MetricFixture.add(.init(customer: "c", queue: "q", arrivedAt: "2026-11-20T23:30:00Z", wait: 1, talk: 1,
                                outcome: .answered), to: accumulator)
        #expect(Self.report(accumulator).byDay.map(\.name) == ["2026-11-21"])
    }
}

private func r(_ value: Double) -> MetricValue { .real(value) }

extension MetricValue: ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
}

