@testable import HotlineCore
import Testing

/// The SLA core's calendar, comparisons and the histogram query that gives
/// any service-level threshold at report time.
@Suite struct SLACoreTests {
    private static func day(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        CivilDate.days(year: year, month: month, day: day)
    }

    @Test func isoWeeksStartOnMondayAndBelongToTheYearOfTheirThursday() {
        // 2026-12-31 is a Thursday: week 53 of 2026, which runs into 2027-01-03.
        #expect(SLAPeriod.week.start(ofDay: Self.day(2027, 1, 3)) == Self.day(2026, 12, 28))
        #expect(SLAPeriod.week.label(ofStart: Self.day(2026, 12, 28)) == "2026-W53")
        #expect(SLAPeriod.week.label(ofStart: Self.day(2027, 1, 4)) == "2027-W01")
        // 2024-12-30 (Monday) starts 2025-W01.
        #expect(SLAPeriod.week.label(ofStart: Self.day(2024, 12, 30)) == "2025-W01")
        #expect(SLAPeriod.week.start(ofDay: Self.day(2026, 11, 16)) == Self.day(2026, 11, 16))
        #expect(SLAPeriod.week.start(ofDay: Self.day(2026, 11, 22)) == Self.day(2026, 11, 16))
        #expect(SLAPeriod.week.start(ofDay: Self.day(1969, 12, 31)) == Self.day(1969, 12, 29))
    }

    @Test func periodsAreThoseHoldingADayWithData() {
        let days = [Self.day(2026, 1, 30), Self.day(2026, 1, 31), Self.day(2026, 2, 2), Self.day(2026, 3, 1)]
        #expect(SLAPeriod.month.starts(holding: days) == [Self.day(2026, 1, 1), Self.day(2026, 2, 1), Self.day(2026, 3, 1)])
        #expect(SLAPeriod.month.end(ofStart: Self.day(2028, 2, 1)) == Self.day(2028, 3, 1))
        #expect(SLAPeriod.month.label(ofStart: Self.day(2026, 2, 1)) == "2026-02")
        #expect(SLAPeriod.day.starts(holding: days) == days)
        #expect(SLAPeriod.day.label(ofStart: Self.day(2026, 2, 1)) == "2026-02-01")
        // Friday 01-30 and Saturday 01-31 are in the week of Monday 01-26, Monday 02-02 starts
        // its own, Sunday 03-01 is in that of 02-23; the three weeks between have no data.
        #expect(SLAPeriod.week.starts(holding: days) == [Self.day(2026, 1, 26), Self.day(2026, 2, 2), Self.day(2026, 2, 23)])
        // Years 0001 and 9999: two periods, not the 3.65 million days between.
        let far = [Self.day(1, 1, 1), Self.day(9999, 12, 31)]
        #expect(SLAPeriod.day.starts(holding: far) == far)
        #expect(SLAPeriod.month.starts(holding: far) == [Self.day(1, 1, 1), Self.day(9999, 12, 1)])
    }

    @Test func boundaryValuesKeepInclusiveComparisonsOnly() {
        #expect(SLAComparison.atLeast.isMet(measured: 0.8, target: 0.8))
        #expect(SLAComparison.atMost.isMet(measured: 60, target: 60))
        #expect(!SLAComparison.above.isMet(measured: 0.8, target: 0.8))
        #expect(!SLAComparison.below.isMet(measured: 60, target: 60))
        #expect(SLAComparison.atLeast.margin(measured: 0.85, target: 0.8) > 0)
        #expect(SLAComparison.atMost.margin(measured: 61, target: 60) == -1)
        #expect(SLAComparison.below.margin(measured: 30, target: 60) == 30)
    }

    @Test func histogramCountsValuesUpToAnyLimit() {
        var histogram = ValueHistogram()
        for value: Int64 in [0, 5, 5, 20, 21, 1_023, 1_024, 5_000] { histogram.add(value) }
        #expect(histogram.count(atMost: -1) == 0)
        #expect(histogram.count(atMost: 0) == 1)
        #expect(histogram.count(atMost: 5) == 3)
        #expect(histogram.count(atMost: 20) == 4)
        #expect(histogram.count(atMost: 1_023) == 6)
        #expect(histogram.count(atMost: 1_024) == 7)
        #expect(histogram.count(atMost: 4_999) == 7)
        #expect(histogram.count(atMost: .max) == 8)
    }

    @Test func targetsOutsideAMetricsValuesAreImpossible() {
        #expect(Metric.fcr.problem(withTarget: 1) == nil)
        #expect(Metric.fcr.problem(withTarget: 1.01) != nil)
        #expect(Metric.callsPerUsefulContact.problem(withTarget: 2.5) == nil)
        #expect(Metric.asaSeconds.problem(withTarget: -1) != nil)
        #expect(Metric.attempts.problem(withTarget: .infinity) != nil)
    }
}
