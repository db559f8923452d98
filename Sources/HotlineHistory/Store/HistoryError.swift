/// Why the history database could not be opened, read or written. Every
/// message starts with the file's path, since a scheduler's log may hold
/// several jobs' errors and the file is what the operator must look at.
public enum HistoryError: Error, Equatable, CustomStringConvertible {
    /// Opened for reading, and there is no such file (it is never created on read).
    case missingFile(path: String)
    /// Another connection held the write lock for longer than the timeout.
    case busy(path: String, timeoutSeconds: Double)
    /// An SQLite file that belongs to something else, or no SQLite file at all.
    case notHistory(path: String, reason: String)
    /// Written by a newer `hotline` whose schema this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A history file whose schema is older than this version's, opened read-only.
    case outdatedSchema(path: String)
    /// A day that is not a real `YYYY-MM-DD` date.
    case invalidDay(path: String, day: String)
    /// Any other SQLite failure (cannot open, disk full, I/O error, constraint…), with SQLite's message.
    case sqlite(path: String, message: String)

    public var path: String {
        switch self {
        case .missingFile(let path), .busy(let path, _), .notHistory(let path, _), .newerSchema(let path, _),
             .outdatedSchema(let path), .invalidDay(let path, _), .sqlite(let path, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .missingFile(let path):
            "\(path): no such history database (hotline nightly --db creates it)"
        case .busy(let path, let timeout):
            "\(path): the history database is locked by another job; gave up after waiting \(timeout.formatted) s. "
                + "Nothing was changed: run again once the other job has finished"
        case .notHistory(let path, let reason):
            "\(path): not a hotline history database (\(reason)); nothing was changed"
        case .newerSchema(let path, let migrations):
            "\(path): written by a newer hotline (schema migrations \(migrations.joined(separator: ", ")) "
                + "unknown to this one); upgrade hotline to use it"
        case .outdatedSchema(let path):
            "\(path): the history database has an older schema; record a night with this hotline to upgrade it"
        case .invalidDay(let path, let day):
            "\(path): \"\(day)\" is not a YYYY-MM-DD date"
        case .sqlite(let path, let message):
            "\(path): \(message)"
        }
    }
}

private extension Double {
    /// `10` rather than `10.0` for whole seconds.
    var formatted: String {
        rounded() == self && magnitude < 1e15 ? String(Int64(self)) : String(self)
    }
}
