import Foundation
import GRDB
@testable import HotlineCore
import HotlineHistory

/// Nights with hand-picked values of every storage class, scratch files,
/// and a raw SQLite connection to look at what a store wrote.
enum HistoryFixtures {
    /// A fresh directory for one test's files.
    static func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("hotline-history-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func scratchDatabase() throws -> String {
        try scratchDirectory() + "/history.sqlite"
    }

    /// A scope whose counts are `offered`-based integers, whose ratios are
    /// reals (one of them a whole `13.0`, which must stay a real) and whose
    /// escalation metrics are `null`.
    static func scope(offered: Int64, answered: Int64) -> ScopeMetrics {
        var metrics = ScopeMetrics()
        metrics[.attempts] = .integer(offered + 3)
        metrics[.offered] = .integer(offered)
        metrics[.answered] = .integer(answered)
        metrics[.reachability] = .ratio(answered, offered + 3)
        metrics[.serviceLevel] = .ratio(answered - 1, offered)
        metrics[.asaSeconds] = .real(13.0)
        metrics[.waitP90Seconds] = .integer(41)
        metrics[.fcr] = .real(0.5)
        return metrics
    }

    /// The report of one night: overall, then the queues given (name, offered), in byte order.
    static func report(offered: Int64, queues: [(String, Int64)] = [("billing", 7), ("orders", 3)],
                       sla: SLAEvaluation? = nil) -> Report {
        Report(
            parameters: ReportParameters(thresholds: CallThresholds(serviceLevelSeconds: 30, shortAbandonSeconds: 4),
                                         timeZone: "Europe/Paris"),
            input: InputSummary(files: 2, bytesRead: 1_000, bytesDecoded: 4_000,
                                calls: RowCounts(rows: offered + 3, rejected: 1), contacts: RowCounts(rows: 9, rejected: 0)),
            overall: scope(offered: offered, answered: offered - 2),
            byQueue: queues.map { NamedScope(name: $0.0, metrics: scope(offered: $0.1, answered: $0.1 - 1)) },
            byDay: [], sla: sla)
    }

    static let inputs = [
        InputManifestEntry(path: "/logs/calls-2026-11-20.csv.zst", format: "calls", bytesRead: 600, bytesDecoded: 3_000,
                           checksum: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", rows: 13, rejected: 1),
        InputManifestEntry(path: "/logs/contacts-2026-11-20.csv", format: "contacts", bytesRead: 400, bytesDecoded: 400,
                           checksum: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", rows: 9, rejected: 0),
    ]

    static func night(_ day: String, offered: Int64 = 10, queues: [(String, Int64)] = [("billing", 7), ("orders", 3)],
                      sla: SLAEvaluation? = nil) -> NightlyRecord {
        NightlyRecord(day: day, report: report(offered: offered, queues: queues, sla: sla), inputs: inputs,
                      computedAt: "\(day)T23:59:00Z", hotlineVersion: "0.1.0", catalogue: sla == nil ? nil : "/etc/sla.yaml")
    }

    /// One service with a daily service-level commitment (missed, degraded)
    /// and a weekly ASA commitment at level 2 (not measurable).
    static var evaluation: SLAEvaluation {
        let serviceLevel = SLACommitment(metric: .serviceLevel, comparison: .atLeast, target: 0.8, thresholdSeconds: 30,
                                         period: .day, degradedTarget: 0.6, penalty: 50)
        let asa = SLACommitment(metric: .asaSeconds, comparison: .atMost, target: 20, level: 2, period: .week)
        let service = SLAService(name: "Care, billing", queues: ["billing"], own: [serviceLevel, asa], defaults: [])
        let missed = SLAPeriodResult(label: "2026-11-20", partial: false, degraded: true, target: 0.6,
                                     measured: .real(0.5), status: .missed, margin: -0.1, penalty: 50)
        let unmeasurable = SLAPeriodResult(label: "2026-W47", partial: true, degraded: false, target: 20,
                                           measured: .null, status: .notMeasurable, margin: nil, penalty: 0)
        return SLAEvaluation(currency: "EUR", degradedDays: ["2026-11-20"], services: [
            SLAServiceResult(service: service, commitments: [
                SLACommitmentResult(commitment: serviceLevel, inherited: false, thresholdSeconds: 30, periods: [missed],
                                    totals: SLATotals()),
                SLACommitmentResult(commitment: asa, inherited: false, thresholdSeconds: nil, periods: [unmeasurable],
                                    totals: SLATotals()),
            ], totals: SLATotals()),
        ], totals: SLATotals())
    }

    /// A connection of the test's own on the file, to look at it as `sqlite3` would.
    static func rawConnection(_ path: String, busyTimeout: TimeInterval = 0) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = busyTimeout > 0 ? .timeout(busyTimeout) : .immediateError
        configuration.allowsUnsafeTransactions = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Row counts of the four tables, for before/after comparisons.
    static func counts(_ path: String) throws -> [String: Int] {
        try rawConnection(path).read { db in
            var counts: [String: Int] = [:]
            for table in ["night", "metric_value", "sla_outcome", "input_file"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            return counts
        }
    }
}
