/// The period over which a commitment is measured and judged: one local day,
/// one ISO 8601 week (Monday to Sunday) or one calendar month, in the report's
/// time zone (`--tz`). A period is identified by the day number of its first day.
public enum SLAPeriod: String, CaseIterable, Sendable {
    case day
    case week
    case month

    /// The first day of the period that holds `day` (days since 1970-01-01).
    public func start(ofDay day: Int64) -> Int64 {
        switch self {
        case .day:
            return day
        case .week:
            return day - Self.daysSinceMonday(day)
        case .month:
            let date = CivilDate.date(fromDays: day)
            return CivilDate.days(year: date.year, month: date.month, day: 1)
        }
    }

    /// The day after the period that starts on `start`.
    public func end(ofStart start: Int64) -> Int64 {
        switch self {
        case .day:
            return start + 1
        case .week:
            return start + 7
        case .month:
            let date = CivilDate.date(fromDays: start)
            return start + Int64(CivilDate.daysInMonth(year: date.year, month: date.month))
        }
    }

    /// The first days of the periods that hold one of `days` (ascending), in
    /// order: as many as the days with data at most, however far apart they are.
    public func starts(holding days: [Int64]) -> [Int64] {
        var starts: [Int64] = []
        for day in days {
            let start = start(ofDay: day)
            if starts.last != start { starts.append(start) }
        }
        return starts
    }

    /// `2026-11-20` for a day, `2026-W47` for an ISO week (its year is the ISO
    /// week-numbering year, that of the week's Thursday), `2026-11` for a month.
    public func label(ofStart start: Int64) -> String {
        switch self {
        case .day:
            return CivilDate.isoDate(fromDays: start)
        case .week:
            let thursday = start + 3
            let year = CivilDate.date(fromDays: thursday).year
            let week = (thursday - CivilDate.days(year: year, month: 1, day: 1)) / 7 + 1
            return Self.padded(year, 4) + "-W" + Self.padded(Int(week), 2)
        case .month:
            let date = CivilDate.date(fromDays: start)
            return Self.padded(date.year, 4) + "-" + Self.padded(date.month, 2)
        }
    }

    /// 0 on a Monday … 6 on a Sunday; day 0, 1970-01-01, was a Thursday.
    private static func daysSinceMonday(_ day: Int64) -> Int64 {
        let shifted = (day + 3) % 7
        return shifted < 0 ? shifted + 7 : shifted
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
