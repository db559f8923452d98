/// Why a time zone file could not be used; it ends up as the reason of an
/// ``UnknownTimeZoneError``, so it says what is wrong with the file.
enum TZifError: Error, Equatable, CustomStringConvertible {
    /// The file does not start with the `TZif` magic (e.g. `zone.tab` or a directory listing).
    case notTZif
    /// The file ends before the sizes in its header say it should.
    case truncated
    /// The file counts leap seconds (a `right/` zone), which Unix timestamps do not.
    case leapSeconds
    /// A value in the file breaks RFC 8536 (bad type index, unsorted transitions, ...).
    case invalid(String)
    /// The footer's POSIX TZ string cannot be read.
    case badRule(String)

    var description: String {
        switch self {
        case .notTZif: "not a TZif time zone file"
        case .truncated: "truncated TZif file"
        case .leapSeconds: "the file counts leap seconds ('right/' zones), which Unix timestamps do not"
        case .invalid(let detail): "invalid TZif file: \(detail)"
        case .badRule(let rule): "unsupported POSIX TZ rule '\(rule)' in the TZif footer"
        }
    }
}
