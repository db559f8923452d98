/// A POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3`: the rule a TZif
/// footer gives for the instants after the file's last explicit transition.
///
/// Only the offsets matter here; abbreviations are read and dropped. The
/// grammar is POSIX's with the RFC 8536 extension that transition times may
/// be negative or go up to 167 hours (e.g. `M3.5.0/-1`, `M9.1.6/24`).
struct PosixTimeZoneRule: Equatable {
    /// Seconds east of UTC outside daylight-saving time.
    let standardOffset: Int32
    /// Nil for a zone with one fixed offset (e.g. `<+0530>-5:30`).
    let daylightSaving: DaylightSaving?

    struct DaylightSaving: Equatable {
        /// Seconds east of UTC during daylight-saving time (may be below the
        /// standard offset: Europe/Dublin's "winter time" is its DST).
        let offset: Int32
        /// When it starts, in standard local time.
        let start: Change
        /// When it ends, in daylight-saving local time.
        let end: Change
    }

    /// A yearly change: a day of the year and a local time on it.
    struct Change: Equatable {
        let date: DateRule
        /// Seconds after local midnight (-167 h ... 167 h); 02:00 when the rule omits it.
        let time: Int32
    }

    enum DateRule: Equatable {
        /// `Jn`: day 1...365, February 29 never counted (J60 is always March 1).
        case julian(Int)
        /// `n`: day 0...365 counting February 29.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1...5, 5 = last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// Parses a footer's TZ string; throws ``TZifError/badRule(_:)`` for anything
    /// outside the grammar, including DST without a rule (whose dates POSIX leaves
    /// to the implementation, so any choice would be a guess).
    init(_ text: String) throws(TZifError) {
        var scanner = RuleScanner(Array(text.utf8))
        let failure = TZifError.badRule(text)
        guard scanner.skipName() else { throw failure }
        guard let standardWest = scanner.duration(maxHours: 24) else { throw failure }
        standardOffset = Int32(-standardWest)
        if scanner.isAtEnd {
            daylightSaving = nil
            return
        }
        guard scanner.skipName() else { throw failure }
        var daylightOffset = standardOffset + 3600
        if !scanner.isAtEnd && scanner.peek != UInt8(ascii: ",") {
            guard let daylightWest = scanner.duration(maxHours: 24) else { throw failure }
            daylightOffset = Int32(-daylightWest)
        }
        guard scanner.consume(","), let start = scanner.change(),
              scanner.consume(","), let end = scanner.change(), scanner.isAtEnd
        else { throw failure }
        daylightSaving = DaylightSaving(offset: daylightOffset, start: start, end: end)
    }
}

/// A cursor over the bytes of a TZ string; each method consumes one element of
/// the grammar and returns nil (or false) when it is not there.
private struct RuleScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index == bytes.count }
    var peek: UInt8? { isAtEnd ? nil : bytes[index] }

    mutating func consume(_ byte: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: byte) else { return false }
        index += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or `<...>` with letters, digits, `+` and `-`.
    mutating func skipName() -> Bool {
        let quoted = consume("<")
        let first = index
        while let byte = peek, isNameByte(byte, quoted: quoted) {
            index += 1
        }
        guard index - first >= 3 else { return false }
        return !quoted || consume(">")
    }

    /// `[+|-]hh[:mm[:ss]]` in seconds, hours 0...maxHours.
    mutating func duration(maxHours: Int) -> Int? {
        let negative = consume("-")
        if !negative {
            _ = consume("+")
        }
        guard let hours = number(maxDigits: 3), hours <= maxHours else { return nil }
        var seconds = hours * 3600
        if consume(":") {
            guard let minutes = number(maxDigits: 2), minutes <= 59 else { return nil }
            seconds += minutes * 60
            if consume(":") {
                guard let secs = number(maxDigits: 2), secs <= 59 else { return nil }
                seconds += secs
            }
        }
        return negative ? -seconds : seconds
    }

    /// A date rule with an optional `/time`.
    mutating func change() -> PosixTimeZoneRule.Change? {
        guard let date = dateRule() else { return nil }
        var time = 7200
        if consume("/") {
            guard let explicit = duration(maxHours: 167) else { return nil }
            time = explicit
        }
        return PosixTimeZoneRule.Change(date: date, time: Int32(time))
    }

    private mutating func dateRule() -> PosixTimeZoneRule.DateRule? {
        if consume("J") {
            guard let day = number(maxDigits: 3), (1...365).contains(day) else { return nil }
            return .julian(day)
        }
        if consume("M") {
            guard let month = number(maxDigits: 2), (1...12).contains(month), consume("."),
                  let week = number(maxDigits: 1), (1...5).contains(week), consume("."),
                  let weekday = number(maxDigits: 1), (0...6).contains(weekday)
            else { return nil }
            return .monthWeekDay(month: month, week: week, weekday: weekday)
        }
        guard let day = number(maxDigits: 3), (0...365).contains(day) else { return nil }
        return .zeroBased(day)
    }

    private mutating func number(maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while digits < maxDigits, let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }

    private func isNameByte(_ byte: UInt8, quoted: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"): quoted
        default: false
        }
    }
}
