/// How much people want to call at a given moment, relative to an ordinary
/// weekday's late-morning peak (= 1).
///
/// Two factors, both on the site clock: a weekly one (Mondays busiest,
/// Saturdays light, Sundays almost silent) and an intraday one with a morning
/// peak around 10:00, a lunch dip and a second, lower peak in the early
/// afternoon. The same curve drives when calls arrive and how overloaded the
/// queues are, so busy signals and long waits fall at the peaks.
enum TrafficCurve {
    /// Relative daily volume, Monday first, in percent of an ordinary weekday.
    static let weekdayPercent = [130, 110, 100, 100, 95, 40, 15]

    /// Relative volume of each local quarter hour, in per mille of the peak.
    static let quarterHourPerMille: [Int] = {
        // Hourly anchor points, interpolated linearly at each quarter's midpoint.
        let hourly = [20, 15, 10, 10, 10, 15, 40, 180, 600, 950, 1000, 930,
                      680, 720, 900, 860, 720, 520, 300, 160, 90, 60, 40, 30, 20]
        return (0..<96).map { quarter in
            let minute = Double(quarter * 15) + 7.5
            let hour = Int(minute / 60)
            let fraction = minute / 60 - Double(hour)
            return Int((Double(hourly[hour]) * (1 - fraction) + Double(hourly[hour + 1]) * fraction).rounded())
        }
    }()

    /// Demand at an instant: 1 is an ordinary weekday at 10:00, a Monday
    /// peak is 1.3, a Sunday night is almost 0.
    @inline(__always)
    static func demand(at instant: Int) -> Double {
        let local = SiteClock.local(instant)
        return Double(weekdayPercent[local.weekday] * quarterHourPerMille[local.second / 900]) * 1e-5
    }
}
