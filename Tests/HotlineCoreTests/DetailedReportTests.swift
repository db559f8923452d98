import Testing
@testable import HotlineCore

/// The detailed report of a nightly run — `by_hour`, one selected day, the
/// distributions — on `MetricFixture`, computed by hand (hours are UTC).
///
/// Calls by hour: 07 (cu2), 08 (cu1 answered, cu2 closed), 09 (cu1 abandon,
/// cu3 busy, cu3 timeout), 10 (cu3 answered), 11 (anonymous). Contacts by
/// hour: 08 k1; 09 k3 (10:00+01:00), v1, v2; 10 k4, z2, z10, w2; 11 w1; 12 k2.
/// Cases by the hour of their first contact: X 08 (k1), V 09, Y, Z, W 10.
@Suite struct DetailedReportTests {
    private static let thresholds = CallThresholds(serviceLevelSeconds: 20, shortAbandonSeconds: 5)

    /// The fixture's contacts, some with the customer who made them.
    private static let contacts: [MetricFixture.Contact] = MetricFixture.contacts.map { contact in
        var contact = contact
        contact.customer = ["k1": "cu1", "k2": "cu1", "k4": "cu9", "z10": "cu3", "w1": "cu3", "w2": "cu2"][contact.id] ?? ""
        return contact
    }

    private static func accumulator(zone: ZoneOffsets = .utc, onlyDay: Int64? = nil) -> MetricsAccumulator {
        MetricsAccumulator(thresholds: thresholds, zone: zone, onlyDay: onlyDay, detailed: true)
    }

    private static func report(parts: Int = 1, onlyDay: Int64? = nil) -> Report {
        let accumulators = (0..<parts).map { _ in accumulator(onlyDay: onlyDay) }
        for (index, call) in MetricFixture.calls.enumerated() { MetricFixture.add(call, to: accumulators[index % parts]) }
        for (index, contact) in contacts.enumerated() {
            MetricFixture.add(contact, position: index, to: accumulators[(index + 1) % parts])
        }
        for other in accumulators.dropFirst() { accumulators[0].merge(other) }
        return accumulators[0].report(parameters: ReportParameters(), input: InputSummary())
    }

    private static func hour(_ report: Report, _ name: String) -> ScopeMetrics? {
        report.byHour?.first { $0.name == name }?.metrics
    }

    @Test(arguments: [1, 2, 3])
    func byHourSumsEachHourOfDay(parts: Int) throws {
        let report = Self.report(parts: parts)
        #expect(report.byHour?.map(\.name) == ["07", "08", "09", "10", "11", "12"])
        let attempts = ["07": 1, "08": 2, "09": 3, "10": 1, "11": 1, "12": 0]
        let contacts = ["07": 0, "08": 1, "09": 3, "10": 4, "11": 1, "12": 1]
        let cases = ["07": 0, "08": 1, "09": 1, "10": 3, "11": 0, "12": 0]
        for scope in try #require(report.byHour) {
            #expect(scope.metrics[.attempts] == .integer(Int64(attempts[scope.name]!)), "\(scope.name)")
            #expect(scope.metrics[.contacts] == .integer(Int64(contacts[scope.name]!)), "\(scope.name)")
            #expect(scope.metrics[.cases] == .integer(Int64(cases[scope.name]!)), "\(scope.name)")
        }
        // 09: cu1 once, cu3 twice (busy then timeout): two customers, one repeat caller, nobody reached.
        let nine = try #require(Self.hour(report, "09"))
        #expect(nine[.customers] == 2)
        #expect(nine[.repeatCallers] == 1)
        #expect(nine[.attemptsPerCustomerMax] == 2)
        #expect(nine[.customersReached] == 0)
        // 08: cu1 answered after 10 s, cu2 closed: offered 1, answered within 20 s.
        let eight = try #require(Self.hour(report, "08"))
        #expect(eight[.offered] == 1)
        #expect(eight[.serviceLevel] == .real(1))
        #expect(eight[.closed] == 1)
    }

    @Test func theStandardReportHasNoDetail() {
        let accumulator = MetricsAccumulator(thresholds: Self.thresholds, zone: .utc)
        MetricFixture.add(MetricFixture.calls[0], to: accumulator)
        let report = accumulator.report(parameters: ReportParameters(), input: InputSummary())
        #expect(report.byHour == nil)
        #expect(report.distributions == nil)
        #expect(report.input.day == nil)
    }

    @Test(arguments: [1, 3])
    func distributionsAreExact(parts: Int) throws {
        let distributions = try #require(Self.report(parts: parts).distributions)
        #expect(distributions.answeredWaits == [
            ValueCount(value: 10, count: 1), ValueCount(value: 20, count: 1), ValueCount(value: 30, count: 1),
        ])
        // cu9 only had a contact; cu1 2 calls and 2 useful voice contacts (k1 escalated by phone, k2
        // progressed by callback); cu2 2 calls and w2; cu3 3 calls and nothing useful (z10 transferred,
        // w1 no progress). v2's customer is unknown.
        #expect(distributions.customerEfforts == [
            CustomerEffort(attempts: 0, usefulVoiceContacts: 1, customers: 1),
            CustomerEffort(attempts: 2, usefulVoiceContacts: 1, customers: 1),
            CustomerEffort(attempts: 2, usefulVoiceContacts: 2, customers: 1),
            CustomerEffort(attempts: 3, usefulVoiceContacts: 0, customers: 1),
        ])
        // X 1→3, Y and V stay at 1, Z 1→2, W stays at 2.
        #expect(distributions.escalationPaths == [
            EscalationPath(from: 1, to: 1, cases: 2), EscalationPath(from: 1, to: 2, cases: 1),
            EscalationPath(from: 1, to: 3, cases: 1), EscalationPath(from: 2, to: 2, cases: 1),
        ])
    }

    /// The 21st holds calls 3 and 5–8 and contacts k3, z2, z10, w1, w2. Case X
    /// is seen only through k3, its level-3 contact: a case of that day that
    /// starts at level 3 and is not escalated — the day's own view.
    @Test(arguments: [1, 2])
    func oneDayKeepsItsRowsAndCountsTheRest(parts: Int) throws {
        let day = CivilDate.days(year: 2026, month: 11, day: 21)
        let report = Self.report(parts: parts, onlyDay: day)
        #expect(report.input.day == DaySelection(date: "2026-11-21", callsOutside: 3, contactsOutside: 5))
        #expect(report.byDay.map(\.name) == ["2026-11-21"])
        #expect(report.overall[.attempts] == 5)
        #expect(report.overall[.contacts] == 5)
        #expect(report.overall[.cases] == 3)
        #expect(report.overall[.casesEscalated] == 1)
        #expect(report.overall[.casesReachingLevel3] == 1)

        // Call, customer and contact-row metrics of the day are those of its by_day scope in a whole report.
        let full = Self.report()
        let fullDay = try #require(full.byDay.first { $0.name == "2026-11-21" }).metrics
        for metric in Metric.allCases where ![.cases, .casesEscalated, .caseEscalationRate, .casesReachingLevel3, .fcr,
                                              .timeToEscalationP50Seconds, .timeToEscalationP90Seconds,
                                              .contactsPerCase].contains(metric) {
            #expect(report.overall[metric] == fullDay[metric], "\(metric)")
        }
    }

    /// Europe/Paris on 29 March 2026: clocks go from 02:00 to 03:00 (01:00 UTC),
    /// so the local day has 23 hours and no hour 02.
    @Test func hoursAndTheDayFollowADaylightSavingChange() throws {
        let paris = ZoneOffsets(initialOffset: 3_600, transitions: [(at: MetricFixture.epoch("2026-03-29T01:00:00Z"), offset: 7_200)])
        let accumulator = Self.accumulator(zone: paris, onlyDay: CivilDate.days(year: 2026, month: 3, day: 29))
        for arrival in ["2026-03-28T22:59:59Z", "2026-03-28T23:00:00Z", "2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z",
                        "2026-03-29T21:59:59Z", "2026-03-29T22:00:00Z"] {
            MetricFixture.add(.init(customer: "c", queue: "q", arrivedAt: arrival, wait: 1, talk: 1, outcome: .answered),
                              to: accumulator)
        }
        let report = accumulator.report(parameters: ReportParameters(), input: InputSummary())
        // 23:59:59 on the 28th and 00:00 on the 30th are outside; 00:00, 01:59:59, 03:00 and 23:59:59 inside.
        #expect(report.input.day?.callsOutside == 2)
        #expect(report.overall[.attempts] == 4)
        #expect(report.byHour?.map(\.name) == ["00", "01", "03", "23"])
    }
}
