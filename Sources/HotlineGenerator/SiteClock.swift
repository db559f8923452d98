/// The contact centre's wall clock: a fixed UTC+01:00 (central European
/// winter time, the default window's real offset).
///
/// Opening hours, the daily traffic curve and the contact log's timestamps
/// are all on this clock, while the call log is written in UTC: a report in
/// UTC and one in `Europe/Paris` then disagree on day boundaries, as real
/// exports do. A fixed offset (no daylight-saving switch) keeps generation
/// free of time-zone data.
enum SiteClock {
    static let offsetSeconds = 3600

    /// Local day number, weekday (0 = Monday) and second of the local day of an instant.
    @inline(__always)
    static func local(_ instant: Int) -> (day: Int, weekday: Int, second: Int) {
        let local = instant + offsetSeconds
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (day, CivilCalendar.weekday(ofDay: day), local - day * 86_400)
    }

    /// The instant of a local day and second of that day.
    @inline(__always)
    static func instant(localDay: Int, second: Int) -> Int {
        localDay * 86_400 + second - offsetSeconds
    }
}
