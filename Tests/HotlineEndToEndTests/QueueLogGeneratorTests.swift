import Foundation
import HotlineCore
import HotlineGenerator
import HotlineInput
import Testing

@testable import hotline

/// `hotline generate --format queue-log` writes the attempts of the canonical
/// call log of the same seed as a raw Asterisk queue_log. Read back by the
/// product's own adapter, they must be exactly the canonical rows less what a
/// queue_log cannot record: `busy` and `closed` attempts, and agent levels.
@Suite struct QueueLogGeneratorTests {
    /// Metrics whose definition counts every attempt, `busy` and `closed` ones
    /// included (SPEC §3): they differ from the canonical report's because the
    /// queue_log leaves those attempts out. Every other metric must agree.
    static let metricsCountingBusyOrClosed: Set<Metric> = [
        .attempts, .busy, .closed, .reachability, .reachabilityOpenHours, .anonymousAttempts, .customers,
        .customerReachRate, .repeatCallers, .repeatCallerRate, .attemptsPerCustomerP90, .attemptsPerCustomerMax,
        .callsPerUsefulContact,
    ]

    @Test func sameContactsAndTheOmittedAttemptsAreTheBusyAndClosedOnes() throws {
        let pair = try GeneratedPair.shared.get()
        #expect(pair.queueLog.callsPath.hasSuffix("/queue_log"))
        #expect(try Support.read(pair.queueLog.contactsPath) == Support.read(pair.canonical.contactsPath))
        let busyOrClosed = pair.canonicalLines.count - pair.queuedRows.count
        #expect(busyOrClosed > 0)
        #expect(pair.queueLog.omittedCalls == busyOrClosed)
        #expect(pair.queueLog.callRows == pair.queuedRows.count)
        #expect(pair.queueLog.callRows + pair.queueLog.omittedCalls == GeneratedPair.calls)
    }

    /// `hotline convert` of the queue_log gives the canonical rows minus
    /// busy and closed, `level` empty, every `call_id` (and so every
    /// `arrived_at`, an `ENTERQUEUE` epoch) as the canonical file has it.
    @Test func convertedQueueLogIsTheCanonicalCallLogLessBusyClosedAndLevels() throws {
        let pair = try GeneratedPair.shared.get()
        let converted = pair.directory + "/converted.csv"
        try ConvertCommand.parse([pair.queueLog.callsPath, "--out", converted, "--quiet"]).run()
        let lines = try dataLines(converted)
        let expected = pair.queuedRows.map { row in
            // An answered row ends `,agent,level`: a queue_log has no level.
            row.contains(",answered,") ? String(row[...row.lastIndex(of: ",")!]) : row
        }
        #expect(lines.sorted() == expected.sorted())
    }

    /// Lines are in time order across calls, and each attempt's uniqueid is
    /// `<epoch of its ENTERQUEUE>.<n>`, unique.
    @Test func linesAreInTimeOrderWithUniqueUniqueids() throws {
        let pair = try GeneratedPair.shared.get()
        let lines = try dataLines(pair.queueLog.callsPath, header: false)
        let fields = lines.map { $0.split(separator: "|", omittingEmptySubsequences: false) }
        let epochs = fields.map { Int($0[0])! }
        #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0 <= $1 })
        let entries = fields.filter { $0[4] == "ENTERQUEUE" }
        #expect(entries.allSatisfy { $0[1].hasPrefix($0[0] + ".") })
        #expect(Set(entries.map { $0[1] }).count == entries.count)
        #expect(entries.count == pair.queueLog.callRows)
    }

    /// The report of queue_log + contacts equals, metric for metric, the
    /// report of the canonical calls without their busy and closed rows,
    /// except that a queue_log reports busy and closed as not recorded; and
    /// it agrees with the full canonical report on every metric that does
    /// not count busy or closed attempts.
    @Test func reportAgreesWithTheCanonicalReport() throws {
        let pair = try GeneratedPair.shared.get()
        let contacts = InputFileSpec(path: pair.canonical.contactsPath, format: .contacts)
        let queued = pair.directory + "/queued-calls.csv"
        try Support.write(Array((([GeneratedPair.callHeader] + pair.queuedRows).joined(separator: "\n") + "\n").utf8),
                          to: queued)
        let fromQueueLog = try Support.run([InputFileSpec(path: pair.queueLog.callsPath), contacts]).report
        let fromQueuedRows = try Support.run([InputFileSpec(path: queued, format: .calls), contacts]).report
        let fromCanonical = try Support.run(
            [InputFileSpec(path: pair.canonical.callsPath, format: .calls), contacts]).report
        #expect(fromQueueLog.input.notRecorded == [.busy, .closed])
        #expect(fromQueueLog.input.calls.rows == Int64(pair.queuedRows.count))

        let queueLogScopes = Support.metrics(fromQueueLog)
        let queuedScopes = Support.metrics(fromQueuedRows)
        #expect(Set(queueLogScopes.keys) == Set(queuedScopes.keys))
        for (scope, metrics) in queueLogScopes {
            for metric in Metric.allCases {
                let expected: MetricValue = [.busy, .closed, .reachabilityOpenHours].contains(metric)
                    ? .null : queuedScopes[scope]?[metric] ?? .null
                #expect(metrics[metric] == expected, "\(scope) \(metric.key)")
            }
        }

        let canonicalScopes = Support.metrics(fromCanonical)
        for (scope, metrics) in canonicalScopes {
            guard let fromLog = queueLogScopes[scope] else {
                // Only a day with nothing but busy or closed attempts and no contact drops out.
                #expect(metrics[.offered] == .integer(0) && metrics[.contacts] == .integer(0), "\(scope)")
                continue
            }
            for metric in Metric.allCases where !Self.metricsCountingBusyOrClosed.contains(metric) {
                #expect(fromLog[metric] == metrics[metric], "\(scope) \(metric.key)")
            }
        }
        #expect(canonicalScopes.count > queueLogScopes.count)
    }

    @Test func zstdQueueLogDecodesToThePlainOne() throws {
        let pair = try GeneratedPair.shared.get()
        let directory = try Support.scratchDirectory()
        let compressed = try DatasetGenerator.write(
            GeneratorConfiguration(calls: GeneratedPair.calls, seed: GeneratedPair.seed, compression: .zstd(level: 3),
                                   callLogFormat: .queueLog),
            toDirectory: directory)
        #expect(compressed.callsPath.hasSuffix("/queue_log.zst"))
        #expect(try Support.read(compressed.callsPath).prefix(4) == [0x28, 0xB5, 0x2F, 0xFD])
        let decoded = try Support.runProcess("/usr/bin/env", ["zstd", "-dc", compressed.callsPath])
        #expect(Array(decoded.standardOutput.utf8) == (try Support.read(pair.queueLog.callsPath)))
        #expect(compressed.bytesWritten == pair.queueLog.bytesWritten)
    }

    @Test func commandWritesAQueueLogAndRefusesOneBefore1970() throws {
        let directory = try Support.scratchDirectory()
        let command = try GenerateCommand.parse(["--calls", "20", "--out", directory, "--format", "queue-log"])
        #expect(command.generatorConfiguration.callLogFormat == .queueLog)
        try command.run()
        #expect(FileManager.default.fileExists(atPath: directory + "/queue_log"))
        #expect(try GenerateCommand.parse(["--calls", "1", "--out", directory]).generatorConfiguration.callLogFormat
            == .csv)
        #expect(throws: (any Error).self) {
            _ = try GenerateCommand.parse(["--calls", "1", "--out", directory, "--format", "queue_log"])
        }
        #expect(throws: (any Error).self) {
            _ = try GenerateCommand.parse(
                ["--calls", "1", "--out", directory, "--format", "queue-log", "--start-day", "1969-12-31"])
        }
    }

    /// The lines of a file without its trailing line break, and without its header when it has one.
    private func dataLines(_ path: String, header: Bool = true) throws -> [String] {
        let lines = String(decoding: try Support.read(path), as: UTF8.self).split(separator: "\n").map(String.init)
        return Array(lines.dropFirst(header ? 1 : 0))
    }
}

/// The canonical and the queue_log dataset of one seed, generated once.
private struct GeneratedPair: Sendable {
    static let calls = 4_000
    static let seed: UInt64 = 11
    static let callHeader = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level"
    static let shared: Result<GeneratedPair, any Error> = Result { try GeneratedPair() }

    let directory: String
    let canonical: GeneratedDataset
    let queueLog: GeneratedDataset
    /// The canonical call rows.
    let canonicalLines: [String]
    /// The canonical call rows whose outcome is neither busy nor closed.
    let queuedRows: [String]

    private init() throws {
        directory = try Support.scratchDirectory()
        canonical = try DatasetGenerator.write(
            GeneratorConfiguration(calls: Self.calls, seed: Self.seed), toDirectory: directory + "/csv")
        queueLog = try DatasetGenerator.write(
            GeneratorConfiguration(calls: Self.calls, seed: Self.seed, callLogFormat: .queueLog),
            toDirectory: directory + "/queue-log")
        let text = String(decoding: try Support.read(canonical.callsPath), as: UTF8.self)
        canonicalLines = text.split(separator: "\n").dropFirst().map(String.init)
        // Unanswered rows end `,outcome,,`.
        queuedRows = canonicalLines.filter { !$0.hasSuffix(",busy,,") && !$0.hasSuffix(",closed,,") }
    }
}
