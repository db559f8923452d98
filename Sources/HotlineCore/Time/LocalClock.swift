/// Per-thread cached lookup: rows come mostly in time order, so the previous offset interval almost always still applies.
///
/// A value type owned by one worker (copy it into each thread): the cache is
/// the interval `[start, end)` of constant offset that the last instant fell
/// in, so the common case is two compares and an add; a miss does one binary
/// search in ``ZoneOffsets`` and caches the new interval.
public struct LocalClock: Sendable {
    @usableFromInline let zone: ZoneOffsets
    @usableFromInline var start: Int64
    @usableFromInline var end: Int64
    @usableFromInline var offset: Int64

    public init(zone: ZoneOffsets) {
        self.zone = zone
        // An empty interval: the first lookup fills the cache.
        start = 0
        end = 0
        offset = 0
    }

    /// Local day number (days since 1970-01-01 in the zone) of a UTC instant.
    ///
    /// Floor division, so an instant before local midnight of 1970-01-01 is day -1.
    @inlinable
    public mutating func day(of instant: Int64) -> Int64 {
        CivilDate.day(containing: localSeconds(of: instant))
    }

    /// Local seconds since 1970-01-01T00:00 (instant + offset), e.g. for hour-of-day later.
    ///
    /// Saturates at the ends of `Int64` rather than trapping: rows reach a
    /// clock only within ``ZoneOffsets/reportableInstants``, far from them,
    /// so this only keeps an instant read without that check from crashing.
    @inlinable
    public mutating func localSeconds(of instant: Int64) -> Int64 {
        if instant < start || instant >= end {
            refill(containing: instant)
        }
        let (local, overflow) = instant.addingReportingOverflow(offset)
        return overflow ? (offset > 0 ? .max : .min) : local
    }

    @usableFromInline
    mutating func refill(containing instant: Int64) {
        let interval = zone.interval(containing: instant)
        start = interval.start
        end = interval.end
        offset = Int64(interval.offset)
    }
}
