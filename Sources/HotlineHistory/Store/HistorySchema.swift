import GRDB

/// The history file's schema: its migrations, and how a file is recognised as one.
///
/// A history file carries SQLite's `application_id` 0x484F544C ("HOTL") from
/// its first migration on, so that an unrelated database — even another
/// GRDB application whose first migration is also called `v1` — is refused
/// before anything is written to it. docs/history.md describes the tables.
enum HistorySchema {
    static let applicationID: Int32 = 0x484F_544C

    /// What an opened file holds, judged before anything is written.
    enum State: Equatable {
        /// No table at all: a new or 0-byte file, ready to be migrated.
        case empty
        /// A history file with every migration this version knows, and no other.
        case current
        /// A history file that lacks some of this version's migrations.
        case outdated
        case newer(unknownMigrations: [String])
        case foreign(reason: String)
    }

    static func state(of db: Database) throws -> State {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        if applicationID == 0 && tables.isEmpty { return .empty }
        guard applicationID == self.applicationID else {
            return .foreign(reason: applicationID == 0
                ? "it holds other tables: " + tables.prefix(5).joined(separator: ", ")
                : "its application id is \(applicationID), not hotline's \(self.applicationID)")
        }
        let known = Set(migrator.migrations)
        let unknown = try migrator.appliedIdentifiers(db).subtracting(known)
        if !unknown.isEmpty { return .newer(unknownMigrations: unknown.sorted()) }
        return try migrator.hasCompletedMigrations(db) ? .current : .outdated
    }

    /// Migration `v1` creates every table; later versions append migrations,
    /// never edit this one, so that a file written by any version upgrades.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: version1)
        }
        return migrator
    }()

    /// Columns named as in SPEC §4 where the report has them. `value` and
    /// `measured` have no declared type on purpose: a column without one
    /// converts nothing, so an integer count reads back as an integer and a
    /// real `13.0` as a real, where a NUMERIC column would turn it into 13.
    private static let version1 = """
        CREATE TABLE night (
            day TEXT NOT NULL PRIMARY KEY
                CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            time_zone TEXT NOT NULL,
            computed_at TEXT NOT NULL,
            hotline_version TEXT NOT NULL,
            sl_threshold_s INTEGER NOT NULL,
            short_abandon_s INTEGER NOT NULL,
            catalogue TEXT,
            calls_rows INTEGER NOT NULL,
            calls_rejected INTEGER NOT NULL,
            contacts_rows INTEGER NOT NULL,
            contacts_rejected INTEGER NOT NULL
        );
        CREATE TABLE metric_value (
            day TEXT NOT NULL REFERENCES night(day) ON DELETE CASCADE,
            scope TEXT NOT NULL CHECK (scope IN ('overall', 'queue', 'hour')),
            scope_key TEXT NOT NULL,
            metric TEXT NOT NULL,
            value,
            PRIMARY KEY (day, scope, scope_key, metric),
            CHECK ((scope = 'overall') = (scope_key = ''))
        ) WITHOUT ROWID;
        CREATE INDEX metric_value_series ON metric_value (scope, scope_key, metric, day);
        CREATE TABLE sla_outcome (
            day TEXT NOT NULL REFERENCES night(day) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            service TEXT NOT NULL,
            metric TEXT NOT NULL,
            comparison TEXT NOT NULL CHECK (comparison IN ('>=', '<=', '>', '<')),
            threshold_s INTEGER,
            level INTEGER,
            period_kind TEXT NOT NULL CHECK (period_kind IN ('day', 'week', 'month')),
            period TEXT NOT NULL,
            target REAL NOT NULL,
            measured,
            status TEXT NOT NULL CHECK (status IN ('met', 'missed', 'not_measurable')),
            margin REAL,
            penalty INTEGER NOT NULL,
            partial INTEGER NOT NULL CHECK (partial IN (0, 1)),
            degraded INTEGER NOT NULL CHECK (degraded IN (0, 1)),
            PRIMARY KEY (day, position)
        );
        CREATE INDEX sla_outcome_by_service ON sla_outcome (service, metric, day);
        CREATE TABLE input_file (
            day TEXT NOT NULL REFERENCES night(day) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            bytes_read INTEGER NOT NULL,
            bytes_decoded INTEGER NOT NULL,
            checksum TEXT NOT NULL,
            rows INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            PRIMARY KEY (day, position)
        );
        """
}
