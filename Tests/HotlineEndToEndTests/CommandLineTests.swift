import Foundation
import Testing

/// The `hotline` binary's contract with scripts: what goes to stdout and
/// stderr, and the exit status (0 complete, 1 fatal input or --strict, 2 usage).
@Suite struct CommandLineTests {
    private let calls = Support.fixture("tiny/calls.csv")
    private let contacts = Support.fixture("tiny/contacts.csv")

    @Test func jsonReportOnStdoutAndRejectSummaryOnStderr() throws {
        let run = try Support.hotline(["report", "--format", "json", "--calls", calls, "--contacts", contacts])
        #expect(run.status == 0)
        let differences = Support.differences(try Support.json(run.standardOutput),
                                              try Support.json(file: Support.fixture("tiny/expected.json")))
        #expect(differences.isEmpty, "\(differences)")
        #expect(run.standardError.contains("20 rows rejected (calls: 15, contacts: 5)"))
        #expect(run.standardError.contains("calls.csv:12: negative wait_s"))
    }

    @Test func tableIsTheDefaultAndCsvHasOneRowPerScope() throws {
        let table = try Support.hotline(["report", "--quiet", calls, contacts])
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("Reachability"))
        #expect(table.standardError.isEmpty)
        let csv = try Support.hotline(["report", "-q", "--format", "csv", calls, contacts])
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("scope,key,attempts,offered,") == true)
        #expect(lines.count == 1 + 1 + 3 + 3)
        #expect(lines.contains { $0.hasPrefix("queue,\"support, EU\",6,") })
    }

    /// Without a call log nothing records busy or closed attempts: they are
    /// "not recorded", never a measured zero, while contact metrics stay measured.
    @Test func aContactsOnlyReportShowsBusyAndClosedAsNotRecorded() throws {
        let json = try Support.hotline(["report", "-q", "--format", "json", "--contacts", contacts])
        #expect(json.status == 0)
        let report = try #require(try Support.json(json.standardOutput) as? [String: Any])
        let input = try #require(report["input"] as? [String: Any])
        #expect(input["not_recorded"] as? [String] == ["busy", "closed"])
        #expect(input["switch_logs"] == nil)
        let overall = try #require(report["overall"] as? [String: Any])
        for key in ["busy", "closed", "reachability_open_hours"] {
            #expect(overall[key] is NSNull, "\(key)")
        }
        #expect(overall["attempts"] as? Int == 0)
        #expect(overall["contacts"] as? Int == 18)
        let byQueue = try #require(report["by_queue"] as? [String: [String: Any]])
        #expect(!byQueue.isEmpty && byQueue.values.allSatisfy { $0["busy"] is NSNull && $0["closed"] is NSNull })

        let table = try Support.hotline(["report", "-q", "--contacts", contacts])
        let busyLine = try #require(table.standardOutput.split(separator: "\n").first { $0.hasPrefix("    Busy ") })
        #expect(busyLine.hasSuffix("not recorded"))
        #expect(table.standardOutput.contains("Not recorded"))

        let withCalls = try Support.hotline(["report", "-q", "--format", "json", "--calls", calls, "--contacts", contacts])
        let full = try #require(try Support.json(withCalls.standardOutput) as? [String: Any])
        #expect((full["input"] as? [String: Any])?["not_recorded"] == nil)
    }

    @Test func strictFailsWithoutAReportWhenRowsAreRejected() throws {
        let run = try Support.hotline(["report", "--strict", "--calls", calls, "--contacts", contacts])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("--strict"))
    }

    @Test func fatalInputErrorsNameTheFileAndPrintNoReport() throws {
        let missing = try Support.scratchDirectory() + "/nope.csv"
        let run = try Support.hotline(["report", "--calls", calls, "--calls", missing])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains(missing))
    }

    @Test(arguments: [
        ["report"],
        ["report", "--format", "xml", "x.csv"],
        ["report", "--threads", "0", "x.csv"],
        ["report", "--threads", "100000", "x.csv"],
        ["report", "--tz", "Mars/Olympus_Mons", "x.csv"],
        ["report", "--sl-threshold", "-1", "x.csv"],
        ["report", "--no-such-flag", "x.csv"],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let run = try Support.hotline(arguments)
        #expect(run.status == 2, "\(arguments): \(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func helpExitsWithZero() throws {
        let run = try Support.hotline(["report", "--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("--sl-threshold"))
    }

    @Test func rejectsFileAndThresholdsAreHonoured() throws {
        let directory = try Support.scratchDirectory()
        let run = try Support.hotline(["report", "-q", "--format", "json", "--sl-threshold", "30", "--short-abandon", "0",
                                       "--tz", "Europe/Paris", "--rejects", directory + "/r.tsv", calls, contacts])
        #expect(run.status == 0)
        let report = try #require(try Support.json(run.standardOutput) as? [String: Any])
        let parameters = try #require(report["parameters"] as? [String: Any])
        #expect(parameters["service_level_threshold_s"] as? Int == 30)
        #expect(parameters["short_abandon_s"] as? Int == 0)
        #expect(parameters["time_zone"] as? String == "Europe/Paris")
        let overall = try #require(report["overall"] as? [String: Any])
        #expect(overall["short_abandoned"] as? Int == 0)
        let rejects = String(decoding: try Support.read(directory + "/r.tsv"), as: UTF8.self)
        #expect(rejects.split(separator: "\n").count == 21)
    }
}
