/// Parsing of the one timestamp format the canonical CSV allows (SPEC §2.1).
///
/// Every row carries a timestamp, so this runs tens of millions of times per
/// run: it reads the bytes in place and does fixed-position checks, with no
/// `String`, no allocation and no calendar. Rejections are precise because a
/// reject report is only useful if it says what is wrong.
public enum Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z of `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±hh:mm`.
    ///
    /// The local time minus its offset, so `2026-11-20T09:15:03+01:00` and
    /// `2026-11-20T08:15:03Z` are the same instant (1795162503). Accepts years
    /// 0001...9999, real calendar dates, hours and offset hours 00...23, minutes
    /// and seconds 00...59, upper-case `T` and `Z` only; `-00:00` means UTC.
    @inlinable
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<Int64, TimestampError> {
        let length = bytes.count
        guard length == 20 || length == 25 else { return .failure(.wrongLength(length)) }

        guard let year = number(bytes, at: 0, digits: 4) else { return .failure(notADigit(bytes, from: 0)) }
        guard bytes[4] == UInt8(ascii: "-") else { return .failure(.expected(UInt8(ascii: "-"), position: 5)) }
        guard let month = number(bytes, at: 5, digits: 2) else { return .failure(notADigit(bytes, from: 5)) }
        guard bytes[7] == UInt8(ascii: "-") else { return .failure(.expected(UInt8(ascii: "-"), position: 8)) }
        guard let day = number(bytes, at: 8, digits: 2) else { return .failure(notADigit(bytes, from: 8)) }
        let time: TimeOfDay
        switch TimeOfDay.read(bytes) {
        case .success(let read): time = read
        case .failure(let problem): return .failure(problem)
        }

        guard year >= 1 else { return .failure(.yearZero) }
        guard month >= 1 && month <= 12 else { return .failure(.month(month)) }
        guard day >= 1 && day <= CivilDate.daysInMonth(year: year, month: month) else {
            return .failure(.notACalendarDate)
        }
        return time.instant(onDay: CivilDate.days(year: year, month: month, day: day))
    }

    /// `parse(bytes)`, skipping the date when its 10 bytes (`YYYY-MM-DD`) are
    /// those of the last valid timestamp parsed through `memo`: rows come in
    /// time order, so nearly every row repeats the previous row's date, and
    /// checking it and converting it to a day number again is wasted work.
    /// The result, error included, is always that of `parse(bytes)`: a
    /// remembered date is valid, so only the time of day can be wrong.
    @inlinable
    public static func parse(_ bytes: UnsafeRawBufferPointer, memo: inout TimestampDateMemo) -> Result<Int64, TimestampError> {
        guard bytes.count == 20 || bytes.count == 25 else { return .failure(.wrongLength(bytes.count)) }
        if let day = memo.day(of: bytes) {
            return TimeOfDay.read(bytes).flatMap { $0.instant(onDay: day) }
        }
        let parsed = parse(bytes)
        if case .success = parsed { memo.remember(bytes) }
        return parsed
    }

    /// The decimal value of `digits` ASCII digits starting at `start`, or nil if one is not a digit.
    @inlinable @inline(__always)
    static func number(_ bytes: UnsafeRawBufferPointer, at start: Int, digits: Int) -> Int? {
        var value = 0
        for index in start..<(start + digits) {
            // Bytes below "0" wrap around to large values, so one comparison rejects both sides.
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// The error for the first non-digit at or after `start`; only called when
    /// ``number(_:at:digits:)`` found one, so the scan stops inside the field.
    @usableFromInline
    static func notADigit(_ bytes: UnsafeRawBufferPointer, from start: Int) -> TimestampError {
        var index = start
        while bytes[index] &- UInt8(ascii: "0") < 10 {
            index += 1
        }
        return .notADigit(position: index + 1)
    }
}

/// The day number of the last valid date prefix given to
/// `Timestamp.parse(_:memo:)`. Starts empty: an empty memo matches nothing,
/// not even a field whose first 10 bytes equal its zeroed prefix (NUL bytes).
public struct TimestampDateMemo: Equatable, Sendable {
    @usableFromInline var head: UInt64 = 0
    @usableFromInline var tail: UInt16 = 0
    @usableFromInline var day: Int64 = 0
    @usableFromInline var holdsDate = false

    public init() {}

    /// The remembered day if `bytes` (20 or 25 of them) start with the remembered date.
    @inlinable @inline(__always)
    func day(of bytes: UnsafeRawBufferPointer) -> Int64? {
        holdsDate && bytes.loadUnaligned(as: UInt64.self) == head
            && bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self) == tail ? day : nil
    }

    /// Remembers the date of `bytes`, a timestamp that `Timestamp.parse` accepted.
    @inlinable
    mutating func remember(_ bytes: UnsafeRawBufferPointer) {
        head = bytes.loadUnaligned(as: UInt64.self)
        tail = bytes.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        guard let year = Timestamp.number(bytes, at: 0, digits: 4), let month = Timestamp.number(bytes, at: 5, digits: 2),
              let dayOfMonth = Timestamp.number(bytes, at: 8, digits: 2) else {
            preconditionFailure("remembering the date of a rejected timestamp")
        }
        day = CivilDate.days(year: year, month: month, day: dayOfMonth)
        holdsDate = true
    }
}

/// The part of a timestamp after its date, `THH:MM:SS` then `Z` or
/// `±hh:mm`, read with the checks and error positions of `Timestamp.parse`:
/// `read` checks the bytes, `instant(onDay:)` the ranges, as `parse` checks
/// every byte of the field before any range.
@usableFromInline
struct TimeOfDay {
    @usableFromInline var hour, minute, second, offsetHours, offsetMinutes: Int
    @usableFromInline var offsetIsNegative: Bool

    @inlinable
    init(hour: Int, minute: Int, second: Int, offsetHours: Int, offsetMinutes: Int, offsetIsNegative: Bool) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetHours = offsetHours
        self.offsetMinutes = offsetMinutes
        self.offsetIsNegative = offsetIsNegative
    }

    /// Bytes 10 onwards of a 20- or 25-byte field.
    @inlinable @inline(__always)
    static func read(_ bytes: UnsafeRawBufferPointer) -> Result<TimeOfDay, TimestampError> {
        guard bytes[10] == UInt8(ascii: "T") else { return .failure(.expected(UInt8(ascii: "T"), position: 11)) }
        guard let hour = Timestamp.number(bytes, at: 11, digits: 2) else { return .failure(Timestamp.notADigit(bytes, from: 11)) }
        guard bytes[13] == UInt8(ascii: ":") else { return .failure(.expected(UInt8(ascii: ":"), position: 14)) }
        guard let minute = Timestamp.number(bytes, at: 14, digits: 2) else { return .failure(Timestamp.notADigit(bytes, from: 14)) }
        guard bytes[16] == UInt8(ascii: ":") else { return .failure(.expected(UInt8(ascii: ":"), position: 17)) }
        guard let second = Timestamp.number(bytes, at: 17, digits: 2) else { return .failure(Timestamp.notADigit(bytes, from: 17)) }

        var offsetHours = 0
        var offsetMinutes = 0
        var offsetIsNegative = false
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { return .failure(.expected(UInt8(ascii: "Z"), position: 20)) }
        } else {
            let sign = bytes[19]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
                return .failure(.expectedOffsetSign(position: 20))
            }
            offsetIsNegative = sign == UInt8(ascii: "-")
            guard let hours = Timestamp.number(bytes, at: 20, digits: 2) else { return .failure(Timestamp.notADigit(bytes, from: 20)) }
            guard bytes[22] == UInt8(ascii: ":") else { return .failure(.expected(UInt8(ascii: ":"), position: 23)) }
            guard let minutes = Timestamp.number(bytes, at: 23, digits: 2) else { return .failure(Timestamp.notADigit(bytes, from: 23)) }
            offsetHours = hours
            offsetMinutes = minutes
        }
        return .success(TimeOfDay(hour: hour, minute: minute, second: second, offsetHours: offsetHours,
                                  offsetMinutes: offsetMinutes, offsetIsNegative: offsetIsNegative))
    }

    /// Seconds since the epoch of this time on local day `day`, once its fields are in range.
    @inlinable @inline(__always)
    func instant(onDay day: Int64) -> Result<Int64, TimestampError> {
        guard hour <= 23 else { return .failure(.hour(hour)) }
        guard minute <= 59 else { return .failure(.minute(minute)) }
        guard second <= 59 else { return .failure(.second(second)) }
        guard offsetHours <= 23 else { return .failure(.offsetHours(offsetHours)) }
        guard offsetMinutes <= 59 else { return .failure(.offsetMinutes(offsetMinutes)) }
        let offset = Int64(offsetHours * 3600 + offsetMinutes * 60)
        let local = day * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return .success(offsetIsNegative ? local + offset : local - offset)
    }
}
