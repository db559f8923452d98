import HotlineCore
import Testing

@Suite("CivilDate")
struct CivilDateTests {
    @Test("every day of 1600...2400 round-trips and follows the previous one")
    func roundTrip() {
        let first = CivilDate.days(year: 1600, month: 1, day: 1)
        let last = CivilDate.days(year: 2400, month: 12, day: 31)
        #expect(first == -135_140)
        #expect(last == 157_419)
        var previous = (year: 1599, month: 12, day: 31)
        for days in first...last {
            let date = CivilDate.date(fromDays: days)
            #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == days)
            let expected = previous.day < CivilDate.daysInMonth(year: previous.year, month: previous.month)
                ? (previous.year, previous.month, previous.day + 1)
                : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
            #expect(date == expected, "day \(days)")
            previous = date
        }
    }

    @Test("known dates", arguments: [
        (1970, 1, 1, Int64(0)),
        (1969, 12, 31, -1),
        (1970, 3, 1, 59),
        (2000, 2, 29, 11_016),
        (2000, 3, 1, 11_017),
        (2024, 2, 29, 19_782),
        (2026, 11, 20, 20_777),
        (1900, 1, 1, -25_567),
        (1, 1, 1, -719_162),
        (9999, 12, 31, 2_932_896),
        (0, 12, 31, -719_163),
    ])
    func knownDates(year: Int, month: Int, day: Int, days: Int64) {
        #expect(CivilDate.days(year: year, month: month, day: day) == days)
        #expect(CivilDate.date(fromDays: days) == (year, month, day))
    }

    @Test("day 0 of a month is the last day of the previous one")
    func dayZero() {
        #expect(CivilDate.days(year: 2024, month: 3, day: 0) == CivilDate.days(year: 2024, month: 2, day: 29))
    }

    @Test("isoDate is YYYY-MM-DD with a zero-padded four-digit year", arguments: [
        (Int64(0), "1970-01-01"),
        (-1, "1969-12-31"),
        (20_777, "2026-11-20"),
        (19_782, "2024-02-29"),
        (-719_162, "0001-01-01"),
        (-719_163, "0000-12-31"),
        (2_932_896, "9999-12-31"),
        (2_932_897, "10000-01-01"),
        (-719_529, "-0001-12-31"),
    ])
    func isoDate(days: Int64, text: String) {
        #expect(CivilDate.isoDate(fromDays: days) == text)
    }

    @Test("days(fromISODate:) reads exactly YYYY-MM-DD of a real date")
    func parsesStrictISODates() {
        #expect(CivilDate.days(fromISODate: "1970-01-01") == 0)
        #expect(CivilDate.days(fromISODate: "2024-02-29") == CivilDate.days(year: 2024, month: 2, day: 29))
        #expect(CivilDate.days(fromISODate: "9999-12-31") == CivilDate.days(year: 9999, month: 12, day: 31))
        for text in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-11-00", "0000-01-01", "2026-1-01", "20261120",
                     "2026-11-20T00:00", "2026/11/20", "+026-11-20", "２０２６-11-20", ""] {
            #expect(CivilDate.days(fromISODate: text) == nil, "\(text)")
        }
    }

    @Test("daysInMonth follows the Gregorian leap rule")
    func daysInMonth() {
        let common = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        #expect((1...12).map { CivilDate.daysInMonth(year: 2026, month: $0) } == common)
        #expect((1...12).map { CivilDate.daysInMonth(year: 2024, month: $0) } == [31, 29] + common.dropFirst(2))
        #expect(CivilDate.daysInMonth(year: 1900, month: 2) == 28)
        #expect(CivilDate.daysInMonth(year: 2000, month: 2) == 29)
        #expect(CivilDate.daysInMonth(year: 2100, month: 2) == 28)
        #expect(CivilDate.daysInMonth(year: 2400, month: 2) == 29)
        #expect(CivilDate.isLeapYear(2024) && !CivilDate.isLeapYear(2023))
    }
}
