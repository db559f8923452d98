import HotlineCore

extension PosixTimeZoneRule {
    /// The offset changes the rule makes in `years`, in order, each `offset`
    /// applying from instant `at` on; empty for a fixed-offset rule.
    ///
    /// When two changes fall on the same instant, the one of the later rule
    /// event wins: year-round DST is written as DST ending at the very instant
    /// it restarts (`EST5EDT,0/0,J365/25`), and must stay DST.
    func transitions(years: ClosedRange<Int>) -> [(at: Int64, offset: Int32)] {
        guard let daylightSaving else { return [] }
        var changes: [(at: Int64, order: Int, offset: Int32)] = []
        changes.reserveCapacity(2 * years.count)
        for year in years {
            // A change's local time is read on the clock in effect just before it.
            let start = daylightSaving.start.localSeconds(year: year) - Int64(standardOffset)
            let end = daylightSaving.end.localSeconds(year: year) - Int64(daylightSaving.offset)
            // Southern-hemisphere rules end DST before they start it within a year.
            let (first, second) = start <= end
                ? ((start, daylightSaving.offset), (end, standardOffset))
                : ((end, standardOffset), (start, daylightSaving.offset))
            changes.append((first.0, changes.count, first.1))
            changes.append((second.0, changes.count, second.1))
        }
        // Sorting keeps even odd rules (times up to 167 h past midnight) in time order.
        changes.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        var result: [(at: Int64, offset: Int32)] = []
        result.reserveCapacity(changes.count)
        for change in changes {
            if result.last?.at == change.at {
                result[result.count - 1].offset = change.offset
            } else {
                result.append((change.at, change.offset))
            }
        }
        return result
    }
}

extension PosixTimeZoneRule.Change {
    /// Local seconds since 1970-01-01T00:00 of this change in `year`.
    func localSeconds(year: Int) -> Int64 {
        date.day(year: year) * 86_400 + Int64(time)
    }
}

extension PosixTimeZoneRule.DateRule {
    /// Local day number (days since 1970-01-01) of this date in `year`.
    func day(year: Int) -> Int64 {
        let newYear = CivilDate.days(year: year, month: 1, day: 1)
        switch self {
        case .julian(let day):
            let skipsLeapDay = CivilDate.isLeapYear(year) && day >= 60
            return newYear + Int64(day - 1) + (skipsLeapDay ? 1 : 0)
        case .zeroBased(let day):
            return newYear + Int64(day)
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilDate.days(year: year, month: month, day: 1)
            // 1970-01-01 was a Thursday (weekday 4, counting Sunday as 0).
            let firstWeekday = Int(((first + 4) % 7 + 7) % 7)
            var day = first + Int64((weekday - firstWeekday + 7) % 7 + 7 * (week - 1))
            // Week 5 means the last such weekday, which may be in week 4.
            if day >= first + Int64(CivilDate.daysInMonth(year: year, month: month)) {
                day -= 7
            }
            return day
        }
    }
}
