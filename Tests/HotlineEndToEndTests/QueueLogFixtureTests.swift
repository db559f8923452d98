import Foundation
import Testing

/// The built `hotline` against the hand-derived expectations of the
/// queue_log fixtures (Fixtures/asterisk/synthetic/README.md and
/// EXPECTED-queue_log.md): the rows `convert` writes, the counts of the JSON
/// report, and every line `--rejects` lists.
@Suite struct QueueLogFixtureTests {
    /// One input and where its expectations are.
    struct Fixture: CustomTestStringConvertible, Sendable {
        let input: String
        let expectedCalls: String
        let summary: String
        /// The whole expected report, for the real samples only.
        let report: String?
        /// The reference report of the expected call log, for the real samples only.
        let callsReport: String?

        var testDescription: String { URL(fileURLWithPath: input).lastPathComponent }

        static let synthetic: [Fixture] = {
            let directory = Support.fixture("asterisk/synthetic")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.filter { !$0.contains(".expected.") && ($0.hasSuffix(".queue_log") || $0.hasSuffix(".csv")) }
                .sorted().map { name in
                    let stem = directory + "/" + name.prefix(upTo: name.lastIndex(of: ".")!)
                    return Fixture(input: directory + "/" + name, expectedCalls: stem + ".expected.csv",
                                   summary: stem + ".expected.json", report: nil, callsReport: nil)
                }
        }()

        static let samples: [Fixture] = ["freepbx-2010-q9000.queue_log", "pbxware-2018-queue_log-table.csv"].map { name in
            let expected = Support.fixture("asterisk/expected/" + name)
            return Fixture(input: Support.fixture("asterisk/queue_log/" + name), expectedCalls: expected + ".calls.csv",
                           summary: expected + ".summary.json", report: expected + ".report.queue_log.json",
                           callsReport: expected + ".report.json")
        }

        static let all = synthetic + samples
    }

    @Test func syntheticFixturesAreFound() {
        #expect(!Fixture.synthetic.isEmpty)
    }

    @Test(arguments: Fixture.all)
    func convertWritesTheExpectedRows(fixture: Fixture) throws {
        let out = try Support.scratchDirectory() + "/calls.csv"
        let run = try Support.hotline(["convert", "--quiet", "--out", out, fixture.input])
        #expect(run.status == 0, "\(run.standardError)")
        let written = try Self.lines(of: out), expected = try Self.lines(of: fixture.expectedCalls)
        #expect(written.first == expected.first)
        #expect(written.dropFirst().sorted() == expected.dropFirst().sorted())
    }

    @Test(arguments: Fixture.all)
    func reportCountsMatchTheSummary(fixture: Fixture) throws {
        let rejects = try Support.scratchDirectory() + "/rejects.tsv"
        let run = try Support.hotline(["report", "--quiet", "--format", "json", "--rejects", rejects, fixture.input])
        #expect(run.status == 0, "\(run.standardError)")
        let summary = try Summary(file: fixture.summary)
        let report = try JSONReport(run.standardOutput)
        #expect(report.counts == summary.counts)
        #expect(report.sums.isClose(to: summary.sums), "\(report.sums) vs \(summary.sums)")
        #expect(try RejectEntry.read(tsv: rejects).sorted() == summary.rejects.sorted())
    }

    @Test(arguments: Fixture.samples)
    func sampleReportIsTheExpectedOne(fixture: Fixture) throws {
        let run = try Support.hotline(["report", "--quiet", "--format", "json", fixture.input])
        let expected = try #require(fixture.report)
        let differences = Support.differences(try Support.json(run.standardOutput), try Support.json(file: expected))
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    /// The converted rows are a canonical call log whose report is the
    /// reference's report of the expected rows.
    @Test(arguments: Fixture.samples)
    func reportOfTheConvertedCallsIsTheReferenceReport(fixture: Fixture) throws {
        let out = try Support.scratchDirectory() + "/calls.csv"
        #expect(try Support.hotline(["convert", "--quiet", "--out", out, fixture.input]).status == 0)
        let run = try Support.hotline(["report", "--quiet", "--format", "json", "--calls", out])
        var actual = try #require(try Support.json(run.standardOutput) as? [String: Any])
        let callsReport = try #require(fixture.callsReport)
        var expected = try #require(try Support.json(file: callsReport) as? [String: Any])
        actual["input"] = nil
        expected["input"] = nil
        let differences = Support.differences(actual, expected)
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    /// A log given twice (a log read twice, overlapping rotated files): the
    /// second copy adds no attempt and no incomplete call; each of its lines
    /// that belongs to a call (a uniqueid that enters a queue) is a duplicate,
    /// listed at its line, and the others count as ignored or unknown again.
    @Test(arguments: Fixture.samples)
    func readingALogTwiceAddsOnlyDuplicates(fixture: Fixture) throws {
        let directory = try Support.scratchDirectory()
        let copy = directory + "/copy-" + fixture.testDescription
        try FileManager.default.copyItem(atPath: fixture.input, toPath: copy)
        let rejects = directory + "/rejects.tsv"
        let run = try Support.hotline(["report", "--quiet", "--format", "json", "--rejects", rejects, fixture.input, copy])
        #expect(run.status == 0, "\(run.standardError)")
        let once = try Summary(file: fixture.summary).counts, twice = try JSONReport(run.standardOutput).counts
        let callLines = try Self.linesOfCalls(in: fixture.input)

        #expect(twice.lines == 2 * once.lines)
        #expect(twice.attempts == once.attempts && twice.rows == once.attempts)
        #expect(twice.outcomes == once.outcomes)
        #expect(twice.incompleteCalls == once.incompleteCalls)
        #expect(twice.duplicateLines == once.duplicateLines + callLines.count)
        #expect(twice.eventsIgnored + twice.eventsUnknown
                == once.eventsIgnored + once.eventsUnknown + once.lines - once.rejected - callLines.count)
        let listed = try RejectEntry.read(tsv: rejects).filter { $0.file == URL(fileURLWithPath: copy).lastPathComponent }
        #expect(listed.map(\.line).sorted() == callLines)
        #expect(listed.allSatisfy { $0.reason == "duplicate line" })
    }

    /// Physical line numbers of the lines whose call id has an `ENTERQUEUE`
    /// in the file: a raw log's second field, a table's `callid` column (the
    /// samples quote no field that holds a comma).
    private static func linesOfCalls(in path: String) throws -> [Int] {
        let lines = try Self.lines(of: path)
        let isTable = path.hasSuffix(".csv")
        let separator: Character = isTable ? "," : "|"
        let header = isTable ? lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
        let callColumn = isTable ? try #require(header.firstIndex(of: "callid")) : 1
        let eventColumn = isTable ? try #require(header.firstIndex(of: "event")) : 4
        let rows = lines.enumerated().dropFirst(isTable ? 1 : 0).map { index, line in
            (number: index + 1, fields: line.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
        }
        let entered = Set(rows.filter { $0.fields[eventColumn] == "ENTERQUEUE" }.map { $0.fields[callColumn] })
        return rows.filter { entered.contains($0.fields[callColumn]) }.map(\.number)
    }

    private static func lines(of path: String) throws -> [String] {
        String(decoding: try Support.read(path), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .reversed().drop { $0.isEmpty }.reversed()
    }
}

/// The counts that the fixtures' summaries and the JSON report both state.
struct QueueLogCounts: Equatable, CustomStringConvertible {
    var lines = 0, rejected = 0, attempts = 0, rows = 0
    /// answered, abandoned, timeout, then busy and closed (nil: not recorded).
    var outcomes: [Int?] = []
    var shortAbandoned = 0, anonymousAttempts = 0, customers = 0
    var eventsIgnored = 0, eventsUnknown = 0, duplicateLines = 0, incompleteCalls = 0
    var notRecorded: [String] = []

    var description: String {
        "lines \(lines), rejected \(rejected), attempts \(attempts)/\(rows) rows, outcomes \(outcomes), short "
            + "\(shortAbandoned), anonymous \(anonymousAttempts), customers \(customers), ignored \(eventsIgnored), "
            + "unknown \(eventsUnknown), duplicates \(duplicateLines), incomplete \(incompleteCalls), "
            + "not recorded \(notRecorded)"
    }
}

/// Σ wait of answered and abandoned attempts and Σ talk.
struct QueueLogSums: CustomStringConvertible {
    var waitAnswered = 0.0, waitAbandoned = 0.0, talk = 0.0

    func isClose(to other: QueueLogSums) -> Bool {
        [(waitAnswered, other.waitAnswered), (waitAbandoned, other.waitAbandoned), (talk, other.talk)]
            .allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }
    }

    var description: String { "wait answered \(waitAnswered), abandoned \(waitAbandoned), talk \(talk)" }
}

/// A line of `--rejects` as the fixtures list it: file name, line, reason.
/// An incomplete call or a duplicate is listed by its kind (the product adds
/// a detail after a colon); a rejected line by its whole reason.
struct RejectEntry: Comparable, CustomStringConvertible {
    let file: String
    let line: Int
    let reason: String

    static func < (left: RejectEntry, right: RejectEntry) -> Bool {
        (left.file, left.line, left.reason) < (right.file, right.line, right.reason)
    }

    var description: String { "\(file):\(line) \(reason)" }

    static let kinds = ["incomplete call", "duplicate line"]

    static func read(tsv path: String) throws -> [RejectEntry] {
        String(decoding: try Support.read(path), as: UTF8.self).split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let reason = kinds.first { fields[2].hasPrefix($0 + ":") } ?? fields[2]
            return RejectEntry(file: URL(fileURLWithPath: fields[0]).lastPathComponent, line: Int(fields[1]) ?? -1,
                               reason: reason)
        }
    }
}

/// A fixture's `expected.json` / `summary.json`.
struct Summary {
    let counts: QueueLogCounts
    let sums: QueueLogSums
    let rejects: [RejectEntry]

    init(file path: String) throws {
        let json = try #require(try Support.json(file: path) as? [String: Any])
        func int(_ key: String) -> Int { (json[key] as? Int) ?? -1 }
        let outcomes = try #require(json["outcomes"] as? [String: Int])
        let notRecorded = try #require(json["not_recorded"] as? [String])
        var counts = QueueLogCounts()
        counts.lines = int("lines")
        counts.rejected = int("rejected")
        counts.attempts = int("attempts")
        counts.rows = int("attempts")
        counts.outcomes = ["answered", "abandoned", "timeout", "busy", "closed"].map { name in
            notRecorded.contains(name) ? nil : outcomes[name]
        }
        counts.shortAbandoned = int("short_abandoned")
        counts.anonymousAttempts = int("anonymous_attempts")
        counts.customers = int("customers")
        counts.eventsIgnored = int("events_ignored")
        counts.eventsUnknown = int("events_unknown")
        counts.duplicateLines = int("duplicate_lines")
        counts.incompleteCalls = int("incomplete_calls")
        counts.notRecorded = notRecorded
        self.counts = counts
        sums = QueueLogSums(waitAnswered: Double(int("wait_sum_answered")),
                            waitAbandoned: Double(int("wait_sum_abandoned")), talk: Double(int("talk_sum")))
        func entries(_ key: String, reason: String?) throws -> [RejectEntry] {
            try #require(json[key] as? [[String: Any]]).map { entry in
                RejectEntry(file: entry["file"] as? String ?? "", line: entry["line"] as? Int ?? -1,
                            reason: reason ?? (entry["reason"] as? String ?? ""))
            }
        }
        rejects = try entries("incomplete", reason: "incomplete call") + entries("duplicates", reason: "duplicate line")
            + entries("rejects", reason: nil)
    }
}

/// What `hotline report --format json` says about the same counts. The sums
/// come back from the means: asa_s × answered, mean time to abandon × abandoned,
/// mean talk × answered (a mean over no call is null: a sum of 0).
struct JSONReport {
    let counts: QueueLogCounts
    let sums: QueueLogSums

    init(_ text: String) throws {
        let json = try #require(try Support.json(text) as? [String: Any])
        let input = try #require(json["input"] as? [String: Any])
        let calls = try #require(input["calls"] as? [String: Int])
        let switchLogs = try #require(input["switch_logs"] as? [String: Int])
        let overall = try #require(json["overall"] as? [String: Any])
        func int(_ key: String) -> Int? { overall[key] as? Int }
        func real(_ key: String) -> Double { (overall[key] as? NSNumber)?.doubleValue ?? 0 }
        var counts = QueueLogCounts()
        counts.lines = switchLogs["queue_log_lines"] ?? -1
        counts.rejected = calls["rejected"] ?? -1
        counts.rows = calls["rows"] ?? -1
        counts.attempts = int("attempts") ?? -1
        counts.outcomes = ["answered", "abandoned", "timeout", "busy", "closed"].map(int)
        counts.shortAbandoned = int("short_abandoned") ?? -1
        counts.anonymousAttempts = int("anonymous_attempts") ?? -1
        counts.customers = int("customers") ?? -1
        counts.eventsIgnored = switchLogs["events_ignored"] ?? -1
        counts.eventsUnknown = switchLogs["events_unknown"] ?? -1
        counts.duplicateLines = switchLogs["duplicate_lines"] ?? -1
        counts.incompleteCalls = switchLogs["incomplete_calls"] ?? -1
        counts.notRecorded = try #require(input["not_recorded"] as? [String])
        self.counts = counts
        let answered = Double(int("answered") ?? 0), abandoned = Double(int("abandoned") ?? 0)
        sums = QueueLogSums(waitAnswered: real("asa_s") * answered,
                            waitAbandoned: real("mean_time_to_abandon_s") * abandoned,
                            talk: real("mean_talk_s") * answered)
    }
}
