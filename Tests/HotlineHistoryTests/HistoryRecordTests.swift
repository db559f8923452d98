import GRDB
import HotlineCore
import HotlineHistory
import Testing

/// Recording a night: read back exactly, replaced rather than doubled, and all or nothing.
@Suite struct HistoryRecordTests {
    @Test func aNightReadsBackExactlyWithItsStorageClasses() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let store = try HistoryStore(path: path)
        let night = HistoryFixtures.night("2026-11-20", sla: HistoryFixtures.evaluation)
        try store.record(night)

        #expect(try store.metricRows(on: "2026-11-20") == MetricRow.rows(of: night.report))
        #expect(try store.inputs(on: "2026-11-20") == HistoryFixtures.inputs)
        #expect(try store.slaOutcomes(on: "2026-11-20") == SLAOutcome.outcomes(of: HistoryFixtures.evaluation))
        #expect(try store.nights() == [StoredNight(
            day: "2026-11-20", parameters: night.report.parameters, computedAt: "2026-11-20T23:59:00Z",
            hotlineVersion: "0.1.0", catalogue: "/etc/sla.yaml",
            calls: RowCounts(rows: 13, rejected: 1), contacts: RowCounts(rows: 9, rejected: 0))])

        let types = try HistoryFixtures.rawConnection(path).read { db in
            try [String: String](uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT metric, typeof(value) AS type FROM metric_value WHERE day = '2026-11-20' AND scope = 'overall'
                """).map { ($0["metric"], $0["type"]) })
        }
        #expect(types["offered"] == "integer")
        #expect(types["wait_p90_s"] == "integer")
        #expect(types["asa_s"] == "real")
        #expect(types["reachability"] == "real")
        #expect(types["fcr"] == "real")
        #expect(types["case_escalation_rate"] == "null")
        #expect(try store.metricRows(on: "2026-11-20").first { $0.metric == .asaSeconds }?.value == .real(13.0))
    }

    @Test func recordingTheSameDayTwiceDoesNotDoubleIt() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let store = try HistoryStore(path: path)
        let night = HistoryFixtures.night("2026-11-20", sla: HistoryFixtures.evaluation)
        try store.record(night)
        let once = try HistoryFixtures.counts(path)
        let rows = try store.metricRows(on: "2026-11-20")
        try store.record(night)
        #expect(try HistoryFixtures.counts(path) == once)
        #expect(once == ["night": 1, "metric_value": 3 * Metric.allCases.count, "sla_outcome": 2, "input_file": 2])
        #expect(try store.metricRows(on: "2026-11-20") == rows)
    }

    @Test func aChangedReportReplacesTheDayAndLeavesTheOthers() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let store = try HistoryStore(path: path)
        try store.record(HistoryFixtures.night("2026-11-19", offered: 40))
        try store.record(HistoryFixtures.night("2026-11-20", sla: HistoryFixtures.evaluation))
        let rerun = HistoryFixtures.night("2026-11-20", offered: 25, queues: [("billing", 25)])
        try store.record(rerun)

        #expect(try store.metricRows(on: "2026-11-20") == MetricRow.rows(of: rerun.report))
        #expect(try store.slaOutcomes(on: "2026-11-20").isEmpty)
        #expect(try store.nights().map(\.catalogue) == [nil, nil])
        #expect(try store.series(metrics: [.offered]).map { $0[.offered] } == [.integer(40), .integer(25)])
        #expect(try HistoryFixtures.counts(path) == [
            "night": 2, "metric_value": (3 + 2) * Metric.allCases.count, "sla_outcome": 0, "input_file": 4,
        ])
    }

    /// A trigger the test adds to the file (no hook in the store) makes the
    /// last insert of `record` fail, after the day was deleted and most rows written.
    @Test func aRecordThatFailsMidwayLeavesThePreviousStateIntact() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let store = try HistoryStore(path: path)
        let first = HistoryFixtures.night("2026-11-20", sla: HistoryFixtures.evaluation)
        try store.record(first)
        let before = try HistoryFixtures.counts(path)
        try HistoryFixtures.rawConnection(path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_midway BEFORE INSERT ON sla_outcome
                BEGIN SELECT RAISE(ABORT, 'disk full, as far as this test is concerned'); END
                """)
        }
        #expect(throws: HistoryError.sqlite(path: path, message: "disk full, as far as this test is concerned")) {
            try store.record(HistoryFixtures.night("2026-11-20", offered: 99, sla: HistoryFixtures.evaluation))
        }
        #expect(try HistoryFixtures.counts(path) == before)
        #expect(try store.metricRows(on: "2026-11-20") == MetricRow.rows(of: first.report))
        #expect(try store.slaOutcomes(on: "2026-11-20") == SLAOutcome.outcomes(of: HistoryFixtures.evaluation))
    }

    @Test func aConstraintViolationRollsBackTheWholeNight() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let store = try HistoryStore(path: path)
        try store.record(HistoryFixtures.night("2026-11-20"))
        let before = try HistoryFixtures.counts(path)
        do {
            try store.record(HistoryFixtures.night("2026-11-20", queues: [("billing", 7), ("billing", 8)]))
            Issue.record("a report with the same queue twice was stored")
        } catch {
            #expect(error.description.hasPrefix("\(path): UNIQUE constraint failed: metric_value."))
        }
        #expect(try HistoryFixtures.counts(path) == before)
        #expect(try store.series(scope: .queue("billing"), metrics: [.offered]).map { $0[.offered] } == [.integer(7)])
    }

    @Test func aDayThatIsNotADateIsRefused() throws {
        let path = try HistoryFixtures.scratchDatabase()
        let store = try HistoryStore(path: path)
        #expect(throws: HistoryError.invalidDay(path: path, day: "2026-02-30")) {
            try store.record(HistoryFixtures.night("2026-02-30"))
        }
        #expect(throws: HistoryError.invalidDay(path: path, day: "20261120")) {
            try store.series(from: "20261120", metrics: [.offered])
        }
        #expect(try HistoryFixtures.counts(path)["night"] == 0)
    }
}
