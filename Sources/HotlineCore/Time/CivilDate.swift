/// Proleptic-Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// Uses Howard Hinnant's `days_from_civil` / `civil_from_days`
/// (https://howardhinnant.github.io/date_algorithms.html): a handful of integer
/// operations with no table and no loop, exact for every year an `Int64` day
/// count can hold, so the hot path can turn a parsed timestamp into seconds and
/// a report can turn a day number back into a date without a calendar object.
public enum CivilDate {
    /// Days since 1970-01-01 (negative before) of a proleptic-Gregorian date.
    ///
    /// `month` must be 1...12. `day` is not range-checked: the result is linear in
    /// it, so day 0 is the last day of the previous month. Callers validate first
    /// (see ``daysInMonth(year:month:)``).
    @inlinable
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        assert((1...12).contains(month), "month \(month) out of 1...12")
        // Count years from March so that the leap day is the last day of a year.
        let y = Int64(year) - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic-Gregorian date of a day number (days since 1970-01-01).
    ///
    /// Negative day numbers are dates before 1970 (floor semantics: day -1 is
    /// 1969-12-31), so local days before the epoch need no special case.
    public static func date(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// The day (days since 1970-01-01) that contains a count of seconds since
    /// 1970-01-01T00:00, rounding down for instants before 1970.
    @inlinable
    public static func day(containing seconds: Int64) -> Int64 {
        let quotient = seconds / 86_400
        return seconds % 86_400 < 0 ? quotient - 1 : quotient
    }

    /// "YYYY-MM-DD" (4-digit year, zero-padded): the `by_day` key of the report.
    ///
    /// Valid timestamps reach a little beyond 0001...9999 once their offset is
    /// applied (`9999-12-31T23:59:59-23:59` falls in 10000); such years are
    /// written with as many digits as they need, and a leading `-` when negative.
    public static func isoDate(fromDays days: Int64) -> String {
        let (year, month, day) = date(fromDays: days)
        let yearText = padded(year.magnitude, width: 4)
        return (year < 0 ? "-" : "") + yearText + "-" + padded(UInt(month), width: 2)
            + "-" + padded(UInt(day), width: 2)
    }

    /// The day number of a strict `YYYY-MM-DD` date (year 0001 to 9999), or
    /// nil when the text is not exactly that shape or not a real date
    /// (`2026-02-30`): the one parser of the day options and the day keys
    /// that are read back, so that they all accept the same dates.
    public static func days(fromISODate text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        return days(year: year, month: month, day: day)
    }

    /// Number of days in `month` (1...12) of `year`, with the Gregorian leap rule
    /// (every 4th year, except centuries not divisible by 400).
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        precondition((1...12).contains(month), "month \(month) out of 1...12")
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether `year` has a February 29 in the proleptic-Gregorian calendar.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    private static func padded(_ value: UInt, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
