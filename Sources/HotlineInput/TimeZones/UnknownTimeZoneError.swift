/// `--tz` named a zone that this machine's time zone database does not have
/// (or has in an unusable form): a fatal error, since a report by day in a
/// guessed zone would be silently wrong.
public struct UnknownTimeZoneError: Error, Equatable, CustomStringConvertible {
    /// The identifier as given, e.g. "Mars/Base".
    public let identifier: String
    /// What went wrong, e.g. "no such zone in /usr/share/zoneinfo".
    public let reason: String

    public var description: String {
        "unknown time zone '\(identifier)': \(reason)"
    }
}
