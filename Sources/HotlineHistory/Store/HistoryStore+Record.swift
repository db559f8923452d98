import GRDB
import HotlineCore

extension HistoryStore {
    /// Stores a night, replacing whatever was stored for its day.
    ///
    /// One `BEGIN IMMEDIATE` transaction deletes the day (the other tables
    /// follow by `ON DELETE CASCADE`) and inserts the night, its input
    /// files, its metric rows and its SLA outcomes: running a day twice
    /// never doubles it, and a failure at any point — a constraint, a full
    /// disk, a killed process, the lock not obtained in time — leaves the
    /// previous state of that day, and of every other, as it was.
    /// `IMMEDIATE` takes the write lock first, so a concurrent writer waits
    /// here (up to the busy timeout) rather than failing midway.
    public func record(_ night: NightlyRecord) throws(HistoryError) {
        guard CivilDate.days(fromISODate: night.day) != nil else { throw .invalidDay(path: path, day: night.day) }
        try access {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "DELETE FROM night WHERE day = ?", arguments: [night.day])
                    try Self.insertNight(night, into: db)
                    try Self.insertInputs(night, into: db)
                    try Self.insertMetrics(night, into: db)
                    try Self.insertOutcomes(night, into: db)
                    return .commit
                }
            }
        }
    }

    private static func insertNight(_ night: NightlyRecord, into db: Database) throws {
        let parameters = night.report.parameters
        let input = night.report.input
        try db.execute(sql: """
            INSERT INTO night (day, time_zone, computed_at, hotline_version, sl_threshold_s, short_abandon_s,
                               catalogue, calls_rows, calls_rejected, contacts_rows, contacts_rejected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                night.day, parameters.timeZone, night.computedAt, night.hotlineVersion,
                parameters.thresholds.serviceLevelSeconds, parameters.thresholds.shortAbandonSeconds,
                night.catalogue, input.calls.rows, input.calls.rejected, input.contacts.rows, input.contacts.rejected,
            ])
    }

    private static func insertInputs(_ night: NightlyRecord, into db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO input_file (day, position, path, format, bytes_read, bytes_decoded, checksum, rows, rejected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, file) in night.inputs.enumerated() {
            try statement.execute(arguments: [
                night.day, position, file.path, file.format, file.bytesRead, file.bytesDecoded, file.checksum,
                file.rows, file.rejected,
            ])
        }
    }

    private static func insertMetrics(_ night: NightlyRecord, into db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO metric_value (day, scope, scope_key, metric, value) VALUES (?, ?, ?, ?, ?)
            """)
        for row in MetricRow.rows(of: night.report) {
            try statement.execute(arguments: [
                night.day, row.scope.kind, row.scope.key, row.metric.key, row.value.databaseValue,
            ])
        }
    }

    private static func insertOutcomes(_ night: NightlyRecord, into db: Database) throws {
        guard let evaluation = night.report.sla else { return }
        let statement = try db.makeStatement(sql: """
            INSERT INTO sla_outcome (day, position, service, metric, comparison, threshold_s, level, period_kind,
                                     period, target, measured, status, margin, penalty, partial, degraded)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, outcome) in SLAOutcome.outcomes(of: evaluation).enumerated() {
            try statement.execute(arguments: [
                night.day, position, outcome.service, outcome.metric.key, outcome.comparison.rawValue,
                outcome.thresholdSeconds, outcome.level.map { Int($0) }, outcome.periodKind.rawValue, outcome.period,
                outcome.target, outcome.measured.databaseValue, outcome.status.rawValue, outcome.margin,
                outcome.penalty, outcome.partial, outcome.degraded,
            ])
        }
    }
}
