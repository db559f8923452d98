import Foundation
import GRDB

/// The nightly history: one SQLite file of stored nights, their metrics,
/// their SLA outcomes and their input files (docs/history.md).
///
/// **Journal mode: WAL.** A nightly job writes one night in a single short
/// transaction; everything else only reads — `hotline history`, the HTML
/// report, a data engineer's `sqlite3` session. With WAL those readers never
/// block the writer nor see half a night, where with the rollback journal a
/// long read would make the night's commit wait and fail. The cost: `-wal`
/// and `-shm` files beside the database while it is open (SQLite folds them
/// back when the last connection closes), and no network file systems.
/// `synchronous = FULL` makes a recorded night survive a power cut, not only
/// a killed process; a nightly commits once, so the extra sync costs nothing.
///
/// **Locking.** Two writers are serialised by SQLite's write lock: the second
/// waits up to `busyTimeout`, then fails with ``HistoryError/busy(path:timeoutSeconds:)``
/// having changed nothing. A write is one transaction (see ``record(_:)``),
/// so an error or a killed process leaves the previous state intact.
public final class HistoryStore: Sendable {
    /// How a store opens its file.
    public enum Access: Sendable {
        /// Creates the file if missing (or takes an empty, 0-byte file) and
        /// upgrades its schema: the nightly job.
        case readWrite
        /// Never creates nor changes the file; a missing file is an error:
        /// the readers (`hotline history`, reports).
        case readOnly
    }

    /// Long enough to wait out another night being recorded (milliseconds)
    /// or a quick manual query; short enough that a stuck lock fails the
    /// job while someone can still look at it.
    public static let defaultBusyTimeout: Duration = .seconds(10)

    /// The file, as given: every error names it.
    public let path: String
    let queue: DatabaseQueue
    /// False only for a read-only store on a file with no table yet: it has no night.
    let hasSchema: Bool
    private let busyTimeout: Duration

    /// Opens `path`, checks that it is a hotline history file (or an empty
    /// one) before anything is written, and with `.readWrite` brings its
    /// schema up to date.
    public init(path: String, access: Access = .readWrite,
                busyTimeout: Duration = HistoryStore.defaultBusyTimeout) throws(HistoryError) {
        self.path = path
        self.busyTimeout = busyTimeout
        if access == .readOnly && !FileManager.default.fileExists(atPath: path) {
            throw .missingFile(path: path)
        }
        var configuration = Configuration()
        configuration.readonly = access == .readOnly
        configuration.busyMode = .timeout(busyTimeout.seconds)
        if access == .readWrite {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        let location = access == .readOnly ? Self.readerLocation(of: path) : path
        queue = try Self.mapErrors(path: path, busyTimeout: busyTimeout) {
            try DatabaseQueue(path: location, configuration: configuration)
        }
        hasSchema = try Self.mapErrors(path: path, busyTimeout: busyTimeout) { [queue] in
            try Self.prepare(queue, path: path, access: access)
        }
    }

    /// Where a reader opens `path`. A WAL database is read through its
    /// `-shm` index, which SQLite creates beside the file, even for a
    /// read-only connection: in a directory the reader cannot write to that
    /// fails with "attempt to write a readonly database". When no `-shm`
    /// exists no connection is open, so no writer can be changing the file,
    /// and (with no pending `-wal`) it is opened `immutable`: read as it is,
    /// with no lock and no file created. Otherwise (a writable directory, or
    /// a writer at work whose `-shm` a reader can share) it is opened as usual.
    static func readerLocation(of path: String) -> String {
        let files = FileManager.default
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let pendingLog = ((try? files.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
        guard !files.isWritableFile(atPath: directory), !files.fileExists(atPath: path + "-shm"), pendingLog == 0 else {
            return path
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/-._~"))
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// Checks the file's schema and, for a writer, migrates it; returns
    /// whether the tables exist.
    private static func prepare(_ queue: DatabaseQueue, path: String, access: Access) throws -> Bool {
        switch try queue.read(HistorySchema.state(of:)) {
        case .current:
            return true
        case .foreign(let reason):
            throw HistoryError.notHistory(path: path, reason: reason)
        case .newer(let unknown):
            throw HistoryError.newerSchema(path: path, unknownMigrations: unknown)
        case .empty where access == .readOnly:
            return false
        case .outdated where access == .readOnly:
            throw HistoryError.outdatedSchema(path: path)
        case .empty, .outdated:
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            do {
                try HistorySchema.migrator.migrate(queue)
            } catch {
                // Another job may have migrated the new file between the check and
                // the migration; its schema is as good as ours.
                guard try queue.read(HistorySchema.state(of:)) == .current else { throw error }
            }
            return true
        }
    }

    /// Runs `body` on the database and turns whatever it throws into a ``HistoryError`` naming the file.
    func access<T>(_ body: () throws -> T) throws(HistoryError) -> T {
        try Self.mapErrors(path: path, busyTimeout: busyTimeout, body)
    }

    private static func mapErrors<T>(path: String, busyTimeout: Duration, _ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw .busy(path: path, timeoutSeconds: busyTimeout.seconds)
            case .SQLITE_NOTADB:
                throw .notHistory(path: path, reason: "not an SQLite database")
            default:
                throw .sqlite(path: path, message: error.message ?? "SQLite error \(error.resultCode.rawValue)")
            }
        } catch {
            throw .sqlite(path: path, message: "\(error)")
        }
    }
}

extension Duration {
    /// The duration in seconds, as GRDB's busy timeout wants it.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
