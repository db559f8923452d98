import Foundation
import GRDB
import HotlineHistory
import Testing

/// Opening a history file: created when missing, taken when empty, refused
/// when it belongs to something else or to a newer hotline — before anything is written.
@Suite struct HistoryMigrationTests {
    private static let tables = ["grdb_migrations", "input_file", "metric_value", "night", "sla_outcome"]

    private func schema(_ path: String) throws -> (migrations: [String], tables: [String], applicationID: Int, journal: String) {
        try HistoryFixtures.rawConnection(path).read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
             try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "")
        }
    }

    @Test func aMissingFileIsCreatedWithTheCurrentSchema() throws {
        let path = try HistoryFixtures.scratchDatabase()
        _ = try HistoryStore(path: path)
        let found = try schema(path)
        #expect(found.migrations == ["v1"])
        #expect(found.tables == Self.tables)
        #expect(found.applicationID == 0x484F_544C)
        #expect(found.journal == "wal")
    }

    @Test func anEmptyFileIsMigratedInPlace() throws {
        let path = try HistoryFixtures.scratchDatabase()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try HistoryStore(path: path)
        #expect(try store.nights().isEmpty)
        #expect(try schema(path).migrations == ["v1"])
        #expect(try schema(path).tables == Self.tables)
    }

    @Test func reopeningACurrentFileChangesNothing() throws {
        let path = try HistoryFixtures.scratchDatabase()
        try HistoryStore(path: path).record(HistoryFixtures.night("2026-11-20"))
        let reopened = try HistoryStore(path: path)
        #expect(try reopened.nights().map(\.day) == ["2026-11-20"])
        #expect(try schema(path).migrations == ["v1"])
    }

    @Test func aForeignDatabaseIsRefusedUntouched() throws {
        let path = try HistoryFixtures.scratchDatabase()
        try HistoryFixtures.rawConnection(path).write { db in
            try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: HistoryError.notHistory(path: path, reason: "it holds other tables: invoices")) {
            try HistoryStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try HistoryFixtures.rawConnection(path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
    }

    @Test func anotherGRDBApplicationWithAV1MigrationIsRefused() throws {
        let path = try HistoryFixtures.scratchDatabase()
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: "CREATE TABLE night (day TEXT)") }
        try migrator.migrate(HistoryFixtures.rawConnection(path))
        #expect(throws: HistoryError.notHistory(path: path, reason: "it holds other tables: grdb_migrations, night")) {
            try HistoryStore(path: path)
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = try HistoryFixtures.scratchDatabase()
        try Data(String(repeating: "day,offered\n2026-11-20,12\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: HistoryError.notHistory(path: path, reason: "not an SQLite database")) {
            try HistoryStore(path: path)
        }
        #expect(throws: HistoryError.notHistory(path: path, reason: "not an SQLite database")) {
            try HistoryStore(path: path, access: .readOnly)
        }
    }

    @Test func aFileWrittenByANewerHotlineIsRefused() throws {
        let path = try HistoryFixtures.scratchDatabase()
        try HistoryStore(path: path).record(HistoryFixtures.night("2026-11-20"))
        try HistoryFixtures.rawConnection(path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-hourly-targets')")
        }
        let newer = HistoryError.newerSchema(path: path, unknownMigrations: ["v2-hourly-targets"])
        #expect(throws: newer) { try HistoryStore(path: path) }
        #expect(throws: newer) { try HistoryStore(path: path, access: .readOnly) }
        #expect(newer.description.hasPrefix("\(path): written by a newer hotline"))
    }

    @Test func readingNeverCreatesAFile() throws {
        let path = try HistoryFixtures.scratchDatabase()
        #expect(throws: HistoryError.missingFile(path: path)) { try HistoryStore(path: path, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readingAnEmptyFileFindsNoNightAndLeavesItEmpty() throws {
        let path = try HistoryFixtures.scratchDatabase()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try HistoryStore(path: path, access: .readOnly)
        #expect(try store.nights().isEmpty)
        #expect(try store.series(metrics: [.offered]).isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
    }

    @Test func aMissingDirectoryIsAnErrorNamingTheFile() throws {
        let path = try HistoryFixtures.scratchDirectory() + "/no/such/dir/history.sqlite"
        do {
            _ = try HistoryStore(path: path)
            Issue.record("opened \(path)")
        } catch {
            #expect(error.path == path)
            #expect(error.description.hasPrefix(path + ": "))
        }
    }
}
