/// When a queue takes calls, on the site clock: one interval per weekday at
/// most (`nil` = closed all day).
///
/// Attempts outside these hours are logged as `closed`; agents' callbacks,
/// e-mails and chats are only handled inside them.
struct OpeningHours: Sendable {
    /// Open and close second of each local weekday, Monday first.
    private let intervals: [(open: Int, close: Int)?]

    /// Hours given as `(open hour, close hour)` per weekday, Monday first.
    init(_ hours: [(Int, Int)?]) {
        precondition(hours.count == 7)
        intervals = hours.map { $0.map { (open: $0.0 * 3600, close: $0.1 * 3600) } }
    }

    @inline(__always)
    func isOpen(at instant: Int) -> Bool {
        let local = SiteClock.local(instant)
        guard let interval = intervals[local.weekday] else { return false }
        return local.second >= interval.open && local.second < interval.close
    }

    /// `instant` itself when open, else the next opening instant.
    func nextOpening(atOrAfter instant: Int) -> Int {
        let local = SiteClock.local(instant)
        for ahead in 0...7 {
            guard let interval = intervals[(local.weekday + ahead) % 7] else { continue }
            if ahead == 0 {
                if local.second < interval.open {
                    return SiteClock.instant(localDay: local.day, second: interval.open)
                }
                if local.second < interval.close { return instant }
                continue
            }
            return SiteClock.instant(localDay: local.day + ahead, second: interval.open)
        }
        preconditionFailure("a queue must open at least once a week")
    }
}
