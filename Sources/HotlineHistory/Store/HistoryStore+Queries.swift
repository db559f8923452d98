import GRDB
import HotlineCore

extension HistoryStore {
    /// The stored nights from `from` to `to` (inclusive, `YYYY-MM-DD`, either
    /// open-ended when nil), oldest first.
    public func nights(from: String? = nil, to: String? = nil) throws(HistoryError) -> [StoredNight] {
        let range = try dayRange(from: from, to: to)
        guard hasSchema else { return [] }
        return try access {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT * FROM night WHERE day BETWEEN ? AND ? ORDER BY day
                    """, arguments: [range.first, range.last]).map(Self.night)
            }
        }
    }

    /// The trend of `metrics` in `scope`: one ``HistoryDay`` per stored night
    /// from `from` to `to` (inclusive, either open-ended when nil), oldest
    /// first. A night that has no value for the scope (a queue without
    /// traffic that day) is still listed, its values `null`.
    public func series(from: String? = nil, to: String? = nil, scope: HistoryScope = .overall,
                       metrics: [Metric]) throws(HistoryError) -> [HistoryDay] {
        let range = try dayRange(from: from, to: to)
        guard hasSchema else { return [] }
        return try access {
            try queue.read { db in
                let days = try String.fetchAll(db, sql: """
                    SELECT day FROM night WHERE day BETWEEN ? AND ? ORDER BY day
                    """, arguments: [range.first, range.last])
                var values: [String: [Metric: MetricValue]] = [:]
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT day, metric, value FROM metric_value
                    WHERE scope = ? AND scope_key = ? AND metric IN (\(databaseQuestionMarks(count: metrics.count)))
                      AND day BETWEEN ? AND ?
                    """, arguments: StatementArguments([scope.kind, scope.key] + metrics.map(\.key) + [range.first, range.last]))
                while let row = try rows.next() {
                    guard let metric = Metric(rawValue: row["metric"]) else { continue }
                    values[row["day"], default: [:]][metric] = try metricValue(row, "value")
                }
                return days.map { HistoryDay(day: $0, values: values[$0] ?? [:]) }
            }
        }
    }

    /// The trend over the `count` days that end on `day` (a chart's "last 30
    /// days"): ``series(from:to:scope:metrics:)`` from `day − count + 1` to `day`.
    public func series(lastDays count: Int, endingOn day: String, scope: HistoryScope = .overall,
                       metrics: [Metric]) throws(HistoryError) -> [HistoryDay] {
        guard let last = CivilDate.days(fromISODate: day) else { throw .invalidDay(path: path, day: day) }
        guard count > 0 else { return [] }
        let first = CivilDate.isoDate(fromDays: last - Int64(count) + 1)
        return try series(from: first, to: day, scope: scope, metrics: metrics)
    }

    /// Every metric row stored for `day`, in the order of ``MetricRow/rows(of:)``;
    /// empty when the day is not stored. Rows of a metric or scope this
    /// version does not know (written by a newer hotline) are left out.
    public func metricRows(on day: String) throws(HistoryError) -> [MetricRow] {
        guard hasSchema else { return [] }
        return try access {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT scope, scope_key, metric, value FROM metric_value WHERE day = ?",
                                 arguments: [day])
                    .compactMap { row -> MetricRow? in
                        guard let scope = HistoryScope(kind: row["scope"], key: row["scope_key"]),
                              let metric = Metric(rawValue: row["metric"]) else { return nil }
                        return MetricRow(scope: scope, metric: metric, value: try metricValue(row, "value"))
                    }
                    .sorted(by: MetricRow.precedes)
            }
        }
    }

    /// The input files of `day`, in the order they were read.
    public func inputs(on day: String) throws(HistoryError) -> [InputManifestEntry] {
        guard hasSchema else { return [] }
        return try access {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM input_file WHERE day = ? ORDER BY position", arguments: [day]).map {
                    InputManifestEntry(path: $0["path"], format: $0["format"], bytesRead: $0["bytes_read"],
                                       bytesDecoded: $0["bytes_decoded"], checksum: $0["checksum"], rows: $0["rows"],
                                       rejected: $0["rejected"])
                }
            }
        }
    }

    /// The SLA outcomes stored for `day`, in the evaluation's order (service,
    /// commitment, period); empty when the night was computed without a catalogue.
    public func slaOutcomes(on day: String) throws(HistoryError) -> [SLAOutcome] {
        guard hasSchema else { return [] }
        return try access {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM sla_outcome WHERE day = ? ORDER BY position", arguments: [day])
                    .compactMap(outcome)
            }
        }
    }

    /// The queues any stored night has metrics for, sorted: what `--queue`
    /// may name, and the names to suggest when it names none of them.
    public func queueNames() throws(HistoryError) -> [String] {
        guard hasSchema else { return [] }
        return try access {
            try queue.read { db in
                try String.fetchAll(db, sql: "SELECT DISTINCT scope_key FROM metric_value WHERE scope = 'queue' ORDER BY scope_key")
            }
        }
    }

    /// Inclusive text bounds for `day BETWEEN ? AND ?`: `YYYY-MM-DD` sorts as it reads.
    private func dayRange(from: String?, to: String?) throws(HistoryError) -> (first: String, last: String) {
        for day in [from, to].compactMap(\.self) where CivilDate.days(fromISODate: day) == nil {
            throw .invalidDay(path: path, day: day)
        }
        return (from ?? "0000-00-00", to ?? "9999-99-99")
    }

    private static func night(_ row: Row) -> StoredNight {
        StoredNight(
            day: row["day"],
            parameters: ReportParameters(
                thresholds: CallThresholds(serviceLevelSeconds: row["sl_threshold_s"], shortAbandonSeconds: row["short_abandon_s"]),
                timeZone: row["time_zone"]),
            computedAt: row["computed_at"], hotlineVersion: row["hotline_version"], catalogue: row["catalogue"],
            calls: RowCounts(rows: row["calls_rows"], rejected: row["calls_rejected"]),
            contacts: RowCounts(rows: row["contacts_rows"], rejected: row["contacts_rejected"]))
    }

    /// An outcome row, or nil for a metric this version does not know; the
    /// schema's CHECK constraints keep the other enumerations valid.
    private func outcome(_ row: Row) throws -> SLAOutcome? {
        guard let metric = Metric(rawValue: row["metric"]),
              let comparison = SLAComparison(rawValue: row["comparison"]),
              let periodKind = SLAPeriod(rawValue: row["period_kind"]),
              let status = SLAStatus(rawValue: row["status"]) else { return nil }
        let level: Int? = row["level"]
        return SLAOutcome(
            service: row["service"], metric: metric, comparison: comparison, thresholdSeconds: row["threshold_s"],
            level: level.map(UInt8.init), periodKind: periodKind, period: row["period"], target: row["target"],
            measured: try metricValue(row, "measured"), status: status, margin: row["margin"], penalty: row["penalty"],
            partial: row["partial"], degraded: row["degraded"])
    }

    /// A metric column read back with its storage class; TEXT or BLOB means
    /// the file was edited by hand, and is reported rather than guessed.
    private func metricValue(_ row: Row, _ column: String) throws -> MetricValue {
        let stored: DatabaseValue = row[column]
        guard let value = MetricValue(stored) else {
            throw HistoryError.sqlite(path: path, message: "\(column) holds \(stored), which is not a number nor NULL")
        }
        return value
    }
}
