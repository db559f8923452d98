/// Naive local date-times as switches write them (`2026-07-03 07:07:54`, a
/// database's `2012-07-03 15:27:23.896208`), turned into instants with the
/// switch's zone.
public enum LocalDateTime {
    /// Seconds since 1970-01-01T00:00:00 *local* time of `YYYY-MM-DD HH:MM:SS`,
    /// optionally followed by `.` and 1–9 digits (dropped: the logs count whole
    /// seconds). `T` is accepted in place of the space. Nil if malformed.
    public static func parseLocalSeconds(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let length = bytes.count
        guard length >= 19 else { return nil }
        if length > 19 {
            guard bytes[19] == UInt8(ascii: "."), length >= 21, length <= 29 else { return nil }
            for index in 20..<length where bytes[index] &- UInt8(ascii: "0") >= 10 { return nil }
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = Timestamp.number(bytes, at: 0, digits: 4),
              let month = Timestamp.number(bytes, at: 5, digits: 2),
              let day = Timestamp.number(bytes, at: 8, digits: 2),
              let hour = Timestamp.number(bytes, at: 11, digits: 2),
              let minute = Timestamp.number(bytes, at: 14, digits: 2),
              let second = Timestamp.number(bytes, at: 17, digits: 2)
        else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        return CivilDate.days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }
}

extension ZoneOffsets {
    /// The instant a local wall-clock reading stands for in this zone.
    ///
    /// A reading that occurs twice (the hour repeated when clocks go back) is
    /// the first of the two; one that does not occur (the hour skipped when
    /// clocks go forward) is read with the offset in force before the change,
    /// as `mktime` does — so a switch log written in local time maps onto a
    /// single, documented instant.
    public func instant(fromLocal local: Int64) -> Int64 {
        // Try the offsets that could apply near `local`; keep the earliest consistent instant.
        let guess = local - Int64(offset(at: local))
        var best: Int64?
        for probe in [guess - 86_400, guess, guess + 86_400] {
            let candidate = local - Int64(offset(at: probe))
            if local - Int64(offset(at: candidate)) == candidate, best.map({ candidate < $0 }) ?? true {
                best = candidate
            }
        }
        if let best { return best }
        return local - Int64(offset(at: gapTransition(local: local, near: guess) - 1))
    }

    /// The transition that skipped the local reading `local`: the start or the
    /// end of the interval of `guess` (an instant within a day of it), the one
    /// whose jump forward covers `local`. The first interval has no start to
    /// look at, the last no end.
    private func gapTransition(local: Int64, near guess: Int64) -> Int64 {
        let around = interval(containing: guess)
        for transition in [around.start, around.end] where transition != .min && transition != .max {
            let before = Int64(offset(at: transition - 1)), after = Int64(offset(at: transition))
            if transition + before <= local && local < transition + after { return transition }
        }
        return guess
    }
}
