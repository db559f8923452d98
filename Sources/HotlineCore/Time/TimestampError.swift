/// Why a timestamp field was rejected; the description is used in reject reports, e.g. "offset minutes 60".
///
/// Each case names the first problem found, reading the field left to right
/// (shape first, then value ranges), so that the person fixing an export sees
/// exactly which part of `2026-11-20T08:15:03Z` their system got wrong.
/// Positions are 1-based byte positions, as a text editor's column would show.
public enum TimestampError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field is not 20 (`...Z`) or 25 (`...±hh:mm`) bytes long, e.g. it has a fraction.
    case wrongLength(Int)
    /// A byte where a digit belongs is something else.
    case notADigit(position: Int)
    /// A separator (`-`, `T`, `:`, `Z`) is missing or in the wrong case.
    case expected(UInt8, position: Int)
    /// A 25-byte field does not have `+` or `-` where its UTC offset starts.
    case expectedOffsetSign(position: Int)
    /// Year 0000: the format counts years from 0001.
    case yearZero
    /// A month outside 01...12.
    case month(Int)
    /// A day that the month does not have (day 00, April 31, February 29 in a common year).
    case notACalendarDate
    /// An hour above 23 (`24:00` is not accepted).
    case hour(Int)
    /// A minute above 59.
    case minute(Int)
    /// A second above 59 (no leap second `:60`).
    case second(Int)
    /// Offset hours above 23.
    case offsetHours(Int)
    /// Offset minutes above 59.
    case offsetMinutes(Int)

    public var description: String {
        switch self {
        case .wrongLength(let length): "wrong length \(length) (expected 20 or 25 bytes)"
        case .notADigit(let position): "not a digit at position \(position)"
        case .expected(let byte, let position): "expected '\(Character(Unicode.Scalar(byte)))' at position \(position)"
        case .expectedOffsetSign(let position): "expected '+' or '-' at position \(position)"
        case .yearZero: "year 0000"
        case .month(let month): "month \(month)"
        case .notACalendarDate: "not a calendar date"
        case .hour(let hour): "hour \(hour)"
        case .minute(let minute): "minute \(minute)"
        case .second(let second): "second \(second)"
        case .offsetHours(let hours): "offset hours \(hours)"
        case .offsetMinutes(let minutes): "offset minutes \(minutes)"
        }
    }
}
