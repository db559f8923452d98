import HotlineCore

/// What the generator needs beyond `CivilDate`: weekdays for its weekly load curve.
enum CivilCalendar {
    /// Day of the week, 0 = Monday … 6 = Sunday.
    static func weekday(ofDay dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (3).
        ((dayNumber + 3) % 7 + 7) % 7
    }
}
