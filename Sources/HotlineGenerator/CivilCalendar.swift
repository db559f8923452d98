import HotlineCore

/// What the generator needs beyond `CivilDate`: weekdays for its weekly load
/// curve, and strict parsing of the `--start-day` option.
enum CivilCalendar {
    /// Day of the week, 0 = Monday … 6 = Sunday.
    static func weekday(ofDay dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (3).
        ((dayNumber + 3) % 7 + 7) % 7
    }

    /// The day number of a strict `YYYY-MM-DD` date, or nil when the text is
    /// not exactly that shape or not a real date (2026-02-30).
    static func parseDay(_ text: String) -> Int? {
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
              (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        return Int(CivilDate.days(year: year, month: month, day: day))
    }
}
