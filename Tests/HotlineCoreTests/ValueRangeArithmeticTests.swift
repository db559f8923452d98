import Testing
@testable import HotlineCore

/// The calendar and chart arithmetic at the ends of the documented ranges
/// (`ValueRanges`) and beyond them: exact inside, never a trap outside.
@Suite struct ValueRangeArithmeticTests {
    private static func seconds(_ year: Int, _ month: Int, _ day: Int, _ secondOfDay: Int64 = 0) -> Int64 {
        CivilDate.days(year: year, month: month, day: day) * 86_400 + secondOfDay
    }

    @Test func theInstantRangeIsYearsOneToNineThousandNineHundredNinetyNine() {
        #expect(ValueRanges.instantSeconds.lowerBound == Self.seconds(1, 1, 1))
        #expect(ValueRanges.instantSeconds.upperBound == Self.seconds(9999, 12, 31, 86_399))
    }

    @Test func reportableInstantsKeepEveryLocalDayInTheCalendarsYears() {
        let first = Self.seconds(1, 1, 1), last = Self.seconds(9999, 12, 31, 86_399)
        #expect(ZoneOffsets.utc.reportableInstants == first..<(last + 1))
        // +14:00 all along: the local day reaches 10000-01-01 fourteen hours before the UTC one.
        let east = ZoneOffsets(initialOffset: 50_400, transitions: []).reportableInstants
        #expect(east == first..<(last + 1 - 50_400))
        // −12:00: 0001-01-01 starts at 12:00 UTC.
        let west = ZoneOffsets(initialOffset: -43_200, transitions: []).reportableInstants
        #expect(west == (first + 43_200)..<(last + 1))
        // Each end follows the offset in force there: −10:29:20 in year 1, +14:00 in year 9999.
        let kiritimatiLike = ZoneOffsets(initialOffset: -37_760, transitions: [(Self.seconds(1901, 1, 1), 50_400)])
        #expect(kiritimatiLike.reportableInstants == (first + 37_760)..<(last + 1 - 50_400))
        for zone in [east, west, kiritimatiLike.reportableInstants] {
            #expect(zone.lowerBound >= first && zone.upperBound <= last + 1)
        }
    }

    @Test func everyReportableInstantHasADayOfTheCalendar() {
        let zone = ZoneOffsets(initialOffset: -37_760, transitions: [(Self.seconds(1901, 1, 1), 50_400)])
        let range = zone.reportableInstants
        var clock = LocalClock(zone: zone)
        let firstDay = CivilDate.days(year: 1, month: 1, day: 1), lastDay = CivilDate.days(year: 9999, month: 12, day: 31)
        #expect(clock.day(of: range.lowerBound) == firstDay)
        #expect(clock.day(of: range.lowerBound - 1) == firstDay - 1)
        #expect(clock.day(of: range.upperBound - 1) == lastDay)
        #expect(clock.day(of: range.upperBound) == lastDay + 1)
    }

    @Test func theLocalClockSaturatesInsteadOfTrapping() {
        var east = LocalClock(zone: ZoneOffsets(initialOffset: 50_400, transitions: []))
        #expect(east.localSeconds(of: .max) == .max)
        #expect(east.localSeconds(of: .max - 50_400) == .max)
        var west = LocalClock(zone: ZoneOffsets(initialOffset: -43_200, transitions: []))
        #expect(west.localSeconds(of: .min) == .min)
        #expect(west.localSeconds(of: 0) == -43_200)
    }

    /// A zone whose first transition jumps forward with a positive offset
    /// (Asia/Dubai's LMT +3:41:12 to +4:00 in 1920): a reading in the skipped
    /// minutes used to step before the first interval's start, `Int64.min`.
    @Test func aLocalReadingSkippedByTheFirstTransitionUsesTheOffsetBeforeIt() {
        let change = Self.seconds(1919, 12, 31, 73_128)
        let zone = ZoneOffsets(initialOffset: 13_272, transitions: [(change, 14_400)])
        let skipped = Self.seconds(1920, 1, 1, 600)
        #expect(zone.instant(fromLocal: skipped) == skipped - 13_272)
        // Readings on either side of the gap are exact.
        #expect(zone.instant(fromLocal: Self.seconds(1919, 12, 31, 86_399)) == Self.seconds(1919, 12, 31, 86_399) - 13_272)
        #expect(zone.instant(fromLocal: Self.seconds(1920, 1, 1, 3_600)) == Self.seconds(1920, 1, 1, 3_600) - 14_400)
    }

    @Test func waitBinsStopAtTheDurationRange() throws {
        let top = ValueRanges.durationSeconds.upperBound
        let bins = try #require(WaitBins([ValueCount(value: 5, count: 3), ValueCount(value: top, count: 1)], threshold: top))
        #expect(bins.cap >= top && bins.cap < top + bins.width)
        #expect(bins.counts.reduce(0, +) == 4 && bins.overflow == 0)
        // Beyond the range (no input can get there): the extra wait is an overflow, nothing traps.
        let beyond = try #require(WaitBins([ValueCount(value: .max, count: 2)], threshold: .max))
        #expect(beyond.cap >= top && beyond.cap < top + beyond.width)
        #expect(beyond.overflow == 2 && beyond.total == 2)
    }
}
