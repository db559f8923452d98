import Testing
@testable import HotlineCore

/// The HTML page of a detailed report built from `MetricFixture` (see
/// `MetricsAccumulatorTests` for its hand-computed metrics): every chart is
/// there with the report's numbers, nothing is fetched from outside, names
/// are escaped, and empty or partial inputs still give a page.
@Suite struct HTMLReportWriterTests {
    private static let thresholds = CallThresholds(serviceLevelSeconds: 20, shortAbandonSeconds: 5)
    private static let chartIDs = ["chart-by-hour", "chart-wait-distribution", "chart-customer-effort", "chart-escalation"]
        + HistoryCharts.metrics.map { "chart-history-\($0.key)" }

    /// The fixture, queue `A` renamed to `queueA`, optionally checked against `sla`.
    private static func report(queueA: String = "A", sla: SLACatalogue? = nil) -> Report {
        let accumulator = MetricsAccumulator(thresholds: thresholds, zone: .utc, detailed: true)
        for var call in MetricFixture.calls {
            if call.queue == "A" { call.queue = queueA }
            MetricFixture.add(call, to: accumulator)
        }
        for (position, contact) in MetricFixture.contacts.enumerated() {
            MetricFixture.add(contact, position: position, to: accumulator)
        }
        return accumulator.report(parameters: ReportParameters(thresholds: thresholds), input: InputSummary(), sla: sla)
    }

    private static func render(_ report: Report, history: [NamedScope] = []) -> String {
        HTMLReportWriter.render(report, history: history, title: "Nightly report")
    }

    /// The markup of the `<svg>` with this `id`.
    private static func svg(_ id: String, in page: String) -> Substring {
        guard let start = page.firstRange(of: "<svg id=\"\(id)\"") else { return "" }
        let rest = page[start.lowerBound...]
        return rest[..<(rest.firstRange(of: "</svg>")?.upperBound ?? rest.endIndex)]
    }

    /// Every `<title>` text inside `markup`.
    private static func titles(in markup: Substring) -> [Substring] {
        markup.split(separator: "<title>").dropFirst().compactMap { $0.split(separator: "</title>").first }
    }

    /// No reference to anything outside the page, no script, no NaN or infinity.
    private static func checkSelfContained(_ page: String) {
        let lowered = page.lowercased()
        for forbidden in ["http:", "https:", "//", "src=", "@import", "url(", "<script", "<link", "<img", "nan", "inf\""] {
            #expect(!lowered.contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(!page.contains("inf<") && !page.contains("=\"inf") && !page.contains("NaN"))
    }

    @Test func everyChartHasItsIdATitleAndData() {
        let page = Self.render(Self.report())
        #expect(page.contains("<section id=\"kpi-cards\""))
        #expect(page.contains("<div id=\"chart-history\""))
        for id in Self.chartIDs {
            let svg = Self.svg(id, in: page)
            #expect(svg.contains("viewBox=\"0 0 "), "\(id)")
            #expect(svg.contains("<title id=\"\(id)-title\">"), "\(id)")
            #expect(!svg.contains("No data") && !svg.contains("Not available"), "\(id)")
        }
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        Self.checkSelfContained(page)
    }

    @Test func theHourChartHasOneBarGroupPerHourWithItsOfferedCalls() {
        let chart = Self.svg(HourOfDayChart.id, in: Self.render(Self.report()))
        let groups = chart.split(separator: "<g class=\"hour\"><title>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(groups.count == 24)
        // Offered: 07 call 3, 08 call 1, 09 calls 2 and 7, 10 call 8, 11 call 4; busy and closed are not offered.
        let offered = [7: 1, 8: 1, 9: 2, 10: 1, 11: 1]
        for (hour, group) in groups.enumerated() {
            let name = (hour < 10 ? "0" : "") + String(hour)
            #expect(group.hasPrefix("\(name):00–\(name):59 · offered \(offered[hour] ?? 0) · "), "\(group)")
        }
        #expect(groups[9].hasSuffix("answered 0 · abandoned 1 · timed out 1"))
    }

    @Test func theWaitChartMarksTheServiceLevelThreshold() {
        let report = Self.report()
        let chart = Self.svg(WaitTimeChart.id, in: Self.render(report))
        // Answered waits 10, 30 and 20 s: 2 of 3 within 20 s; 2-s bins up to 30 s, so the line is at bin edge 10 of 15.
        #expect(chart.contains("Service-level threshold 20 s"))
        #expect(chart.contains("66.7 % of answered calls within"))
        let frame = ChartFrame(width: 600, height: 290)
        let x = SVG.number(frame.plotLeft + 10 * frame.plotWidth / 15)
        #expect(chart.contains("<line x1=\"\(x)\"") && chart.contains("class=\"threshold\""))
        #expect(Self.titles(in: chart).contains("19–20 s: 1 call (33.3 %)"))
    }

    @Test func waitBinsEndOnTheThresholdAndKeepEveryCall() throws {
        let waits = (0...400).map { ValueCount(value: Int64($0), count: $0 < 100 ? 10 : 1) }
        let bins = try #require(WaitBins(waits, threshold: 30))
        #expect(bins.total == waits.reduce(0) { $0 + $1.count })
        #expect(bins.counts.reduce(0, +) + bins.overflow == bins.total)
        #expect(30 % bins.width == 0)
        #expect(bins.cap >= 30 && bins.overflow > 0)
        #expect(bins.counts[0] == 10 * (bins.width + 1))
        #expect(bins.label(0) == "0–\(bins.width) s")
        #expect(WaitBins([], threshold: 20) == nil)
    }

    @Test func customerEffortBinsAddUpToTheCustomers() {
        let efforts = [
            CustomerEffort(attempts: 0, usefulVoiceContacts: 1, customers: 1),
            CustomerEffort(attempts: 1, usefulVoiceContacts: 1, customers: 5),
            CustomerEffort(attempts: 1, usefulVoiceContacts: 2, customers: 2),
            CustomerEffort(attempts: 2, usefulVoiceContacts: 0, customers: 4),
            CustomerEffort(attempts: 3, usefulVoiceContacts: 2, customers: 1),
            CustomerEffort(attempts: 3, usefulVoiceContacts: 1, customers: 1),
            CustomerEffort(attempts: 4, usefulVoiceContacts: 1, customers: 1),
            CustomerEffort(attempts: 10, usefulVoiceContacts: 1, customers: 1),
            CustomerEffort(attempts: 11, usefulVoiceContacts: 1, customers: 1),
        ]
        let bins = EffortBins(efforts)
        #expect(bins.bins.map(\.customers) == [7, 1, 1, 1, 1, 1, 4, 1])
        #expect(bins.customers == 17 && bins.callers == 16 && bins.callersAboveThree == 3)
        #expect(bins.worst == CustomerEffort(attempts: 11, usefulVoiceContacts: 1, customers: 1))

        var report = Self.report()
        report.distributions?.customerEfforts = efforts
        let chart = Self.svg(CustomerEffortChart.id, in: Self.render(report))
        let drawn = Self.titles(in: chart).compactMap { title -> Int? in
            guard let count = title.split(separator: ": ").last?.split(separator: " ").first else { return nil }
            return Int(count)
        }
        #expect(drawn.reduce(0, +) == 17 && drawn.count == 8)
        #expect(Self.render(report).contains("18.8 % of callers needed more than 3 calls per useful contact; 25.0 % were never helped."))
    }

    @Test func escalationCountsAreTheReportsCases() throws {
        let report = Self.report()
        let paths = try #require(report.distributions?.escalationPaths)
        #expect(.integer(paths.reduce(0) { $0 + $1.cases }) == report.overall[.cases])
        let tooltips = Self.titles(in: Self.svg(EscalationChart.id, in: Self.render(report)))
        // X 1→3, Y 1→1, Z 1→2, V 1→1, W 2→2; escalated after 0 s (Z) and 14 380 s (X).
        #expect(tooltips.contains("stayed at level 1: 2 cases (50.0 %)"))
        #expect(tooltips.contains("level 1 → 2: 1 case (25.0 %)"))
        #expect(tooltips.contains("level 1 → 3: 1 case (25.0 %)"))
        #expect(tooltips.contains("stayed at level 2: 1 case (100.0 %)"))
        #expect(Self.render(report).contains("Time to escalation p50 0s, p90 4h;"))
    }

    @Test func namesFromTheInputAreEscaped() {
        let page = Self.render(Self.report(queueA: "<b>&\"x\"/'"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("<h3>&lt;b&gt;&amp;&quot;x&quot;&#47;&#39;</h3>"))
        #expect(HTMLText.escaped("support, EU\u{1B}") == "support, EU\u{FFFD}")
        #expect(HTMLText.escaped("réclamations") == "réclamations")
        Self.checkSelfContained(page)
    }

    @Test func cardsAreColouredByTheCommitmentsOfTheirQueue() {
        let missed = SLACommitment(metric: .serviceLevel, comparison: .atLeast, target: 0.9, period: .day, penalty: 100)
        let met = SLACommitment(metric: .reachability, comparison: .atLeast, target: 0, period: .day)
        let catalogue = SLACatalogue(currency: "EUR", services: [
            SLAService(name: "Care & <co>", queues: ["A"], own: [missed], defaults: []),
            SLAService(name: "Tech", queues: ["B"], own: [met], defaults: []),
        ])
        let page = Self.render(Self.report(sla: catalogue))
        let cards = Array(page.split(separator: "<article class=\"card ").dropFirst())
        #expect(cards.count == 4)
        #expect(cards.map { $0.prefix { $0 != "\"" } } == ["sla-missed", "sla-missed", "sla-met", "sla-uncommitted"])
        // Queue A: service level 50.0 % on the 20th (call 2 is a short abandon), 0.0 % on the 21st.
        #expect(cards[1].contains("<li>Service level (≤ 20 s), 2026-11-20: 50.0 % vs target ≥ 90.0 %</li>"))
        #expect(cards[0].contains("<li>Care &amp; &lt;co&gt;: Service level (≤ 20 s), 2026-11-21: 0.0 % vs target ≥ 90.0 %</li>"))
        // Queue B has calls on the 21st only: the other two days are not measurable.
        #expect(cards[2].contains("All 1 measured commitment period met"))
        let table = page[page.firstRange(of: "<table id=\"sla-table\">")!.lowerBound...]
        let statuses = table.split(separator: "<span class=\"status status-").dropFirst().map { $0.prefix { $0 != "\"" } }
        // Missed first, then catalogue order: A's 22nd, B's 20th, 21st and 22nd.
        #expect(statuses == ["missed", "missed", "not_measurable", "not_measurable", "met", "not_measurable"])
        Self.checkSelfContained(page)
    }

    @Test func aQueueCardJudgesItsServicesCommitmentsOnThatQueueAlone() {
        let commitment = SLACommitment(metric: .serviceLevel, comparison: .atLeast, target: 0.6, thresholdSeconds: 30,
                                       period: .day)
        let catalogue = SLACatalogue(services: [SLAService(name: "Care", queues: ["A", "B"], own: [commitment], defaults: [])])
        let page = Self.render(Self.report(sla: catalogue))
        let cards = Array(page.split(separator: "<article class=\"card ").dropFirst())
        #expect(cards.count == 4)
        #expect(cards[3].contains("No commitment"))
        // Within 30 s: A answers 1 of 2 offered on the 20th (50 %) and 1 of 1 on the 21st; B 1 of 2 on the 21st;
        // the service, 2 of 3 on the 21st (66.7 %, met).
        let missOnThe20th = "Service level (≤ 30 s), 2026-11-20: 50.0 % vs target ≥ 60.0 %</li>"
        let missOnThe21st = "Service level (≤ 30 s), 2026-11-21: 50.0 % vs target ≥ 60.0 %</li>"
        #expect(cards[0].contains("<li>Care: " + missOnThe20th) && !cards[0].contains(missOnThe21st))
        #expect(cards[1].contains("<p class=\"services\">Care · commitments judged on this queue alone</p>"))
        #expect(cards[1].contains("<h3>A</h3>") && cards[1].contains("<li>" + missOnThe20th) && !cards[1].contains(missOnThe21st))
        #expect(cards[2].contains("<h3>B</h3>") && cards[2].contains("<li>" + missOnThe21st) && !cards[2].contains(missOnThe20th))
        // The cards' own service level is at the report's threshold, and says so beside the 30 s commitments.
        #expect(cards.allSatisfy { $0.contains("<dt>Service level (≤ 20 s)</dt>") })
        // The service's verdict, in JSON and the table below, is still the service's.
        let table = page[page.firstRange(of: "<table id=\"sla-table\">")!.lowerBound...]
        #expect(table.split(separator: "<span class=\"status status-missed").count == 2)
        Self.checkSelfContained(page)
    }

    @Test func anEmptyReportRendersWithNoDataInEveryChart() {
        let empty = MetricsAccumulator(thresholds: Self.thresholds, zone: .utc, detailed: true)
            .report(parameters: ReportParameters(), input: InputSummary())
        let page = Self.render(empty)
        for id in Self.chartIDs {
            let svg = Self.svg(id, in: page)
            #expect(svg.contains("No data") || svg.contains("No history yet"), "\(id)")
        }
        #expect(page.contains("<h3>All queues</h3>") && page.contains("No commitment"))
        Self.checkSelfContained(page)
    }

    @Test func aReportThatIsNotDetailedSaysSo() {
        var report = Self.report()
        report.byHour = nil
        report.distributions = nil
        let page = Self.render(report)
        for id in Self.chartIDs.prefix(4) {
            #expect(Self.svg(id, in: page).contains("Not available"), "\(id)")
        }
        Self.checkSelfContained(page)
    }

    @Test func historyLeavesGapsForMissingDaysAndNulls() {
        func day(_ name: String, offered: Int64, reachability: Double?) -> NamedScope {
            var metrics = ScopeMetrics()
            metrics[.offered] = .integer(offered)
            metrics[.reachability] = reachability.map(MetricValue.real) ?? .null
            return NamedScope(name: name, metrics: metrics)
        }
        let history = [
            day("2026-11-12", offered: 5, reachability: 0.8), day("2026-11-01", offered: 1, reachability: 0.5),
            day("2026-11-02", offered: 2, reachability: 0.6), day("2026-11-04", offered: 4, reachability: 0.7),
            day("2026-11-05", offered: 10, reachability: nil), day("not-a-day", offered: 99, reachability: 1),
        ]
        var report = Self.report()
        report.input.day = DaySelection(date: "2026-11-06")
        let page = Self.render(report, history: history)
        func runs(_ metric: Metric) -> Int {
            Self.svg("chart-history-\(metric.key)", in: page).split(separator: "class=\"trend\"")[0].split(separator: "M").count - 1
        }
        // Offered: 1–2, 4–6 (the report's own day, 6, is added from its overall metrics), 12. Reachability: 1–2, 4, 6, 12.
        #expect(runs(.offered) == 3)
        #expect(runs(.reachability) == 4)
        let reachability = Self.titles(in: Self.svg("chart-history-reachability", in: page))
        #expect(reachability.contains("2026-11-01: 50.0 %") && !reachability.contains { $0.hasPrefix("2026-11-05") })
        #expect(reachability.contains("2026-11-06: 37.5 %"))
        #expect(!page.contains(">99<"))
        Self.checkSelfContained(page)
    }

    @Test func theHistoryKeepsTheLastThirtyDays() {
        let history = (1...40).map { offset in
            var metrics = ScopeMetrics()
            metrics[.offered] = .integer(Int64(offset))
            return NamedScope(name: CivilDate.isoDate(fromDays: CivilDate.days(year: 2026, month: 10, day: offset)), metrics: metrics)
        }
        let points = Self.titles(in: Self.svg("chart-history-offered", in: Self.render(Self.report(), history: history)))
        #expect(points.count == 30 && points.first == "2026-10-11: 11" && points.last == "2026-11-09: 40")
    }

    @Test func renderingIsDeterministic() {
        #expect(Self.render(Self.report()) == Self.render(Self.report()))
    }

    @Test func coordinatesHaveOneDecimalAndNoNaN() {
        #expect(SVG.number(12.345) == "12.3" && SVG.number(-0.05) == "-0.1" && SVG.number(7) == "7.0")
        #expect(SVG.number(.nan) == "0.0" && SVG.number(.infinity) == "0.0")
        #expect(NiceScale(maximum: 0).top == 1 && NiceScale(maximum: 437, minimumStep: 1).ticks == [0, 200, 400, 600])
    }
}
