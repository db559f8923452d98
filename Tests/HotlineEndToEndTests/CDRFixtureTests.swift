import Foundation
import Testing

/// Every CDR sample and hand-made CDR fixture, run through the built
/// `hotline`, against the counts and call rows derived by hand
/// (`Fixtures/asterisk/EXPECTED-cdr.md`, `synthetic-cdr/README.md`) and
/// checked by the independent `Tests/Reference/cdr_reference.py`.
@Suite struct CDRFixtureTests {
    /// One fixture: its input files, extra arguments, and expectation files.
    struct Fixture: CustomStringConvertible, Sendable {
        var name: String
        var files: [String]
        var arguments: [String]
        var expectedRows: String
        var expectedSummary: String

        var description: String { name }
    }

    static let asterisk = Support.fixture("asterisk")

    static let samples: [Fixture] = ["Master-lab-2015-18col.csv", "Master-lab-2016-18col.csv",
                                     "Master-pstn-2024-21col.csv", "grandstream-ucm-cdr-export-2026-excerpt.csv",
                                     "Master-cdr_custom-2023.csv"].map { file in
        Fixture(name: file, files: ["\(asterisk)/cdr/\(file)"], arguments: [],
                expectedRows: "\(asterisk)/expected/\(file).cdr.calls.csv",
                expectedSummary: "\(asterisk)/expected/\(file).cdr.summary.json")
    }

    /// `<name>.csv` with the arguments of `<name>.args`, whose `--queue-log FILE`
    /// (the reference's way to name a queue_log) is a positional file for hotline.
    static let synthetic: [Fixture] = {
        let directory = "\(asterisk)/synthetic-cdr"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".csv") && !$0.contains(".expected.") }.sorted().map { file in
            let name = String(file.dropLast(".csv".count))
            var files = ["\(directory)/\(file)"], arguments: [String] = []
            let argumentsFile = "\(directory)/\(name).args"
            let listed = ((try? String(contentsOfFile: argumentsFile, encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init)
            var index = 0
            while index < listed.count {
                if listed[index] == "--inbound-context" {
                    arguments += [listed[index], listed[index + 1]]
                    index += 2
                } else {
                    if listed[index] != "--queue-log" { files.append("\(directory)/\(listed[index])") }
                    index += 1
                }
            }
            return Fixture(name: name, files: files, arguments: arguments,
                           expectedRows: "\(directory)/\(name).expected.csv",
                           expectedSummary: "\(directory)/\(name).expected.json")
        }
    }()

    @Test func everySyntheticFixtureIsFound() {
        #expect(Self.synthetic.count >= 9)
    }

    @Test(arguments: samples + synthetic)
    func reportAndConvertedRowsMatchTheHandDerivedExpectations(fixture: Fixture) throws {
        let summary = try #require(try Support.json(file: fixture.expectedSummary) as? [String: Any])
        let directory = try Support.scratchDirectory()
        let rejectsPath = directory + "/rejects.tsv", convertedPath = directory + "/calls.csv"
        let report = try Support.hotline(["report", "--format", "json", "--rejects", rejectsPath]
                                         + fixture.files + fixture.arguments)
        let convert = try Support.hotline(["convert", "--out", convertedPath, "--quiet"]
                                          + fixture.files + fixture.arguments)

        if let refusal = summary["refused"] as? String {
            #expect(report.status == 1 && convert.status == 1, "\(refusal)")
            #expect(report.standardOutput.isEmpty)
            #expect(report.standardError.contains("cdr_custom"))
            return
        }
        #expect(report.status == 0, "\(report.standardError)")
        #expect(convert.status == 0, "\(convert.standardError)")

        let expectedRows = try Self.rows(fixture.expectedRows)
        #expect(try Self.rows(convertedPath) == expectedRows)

        let json = try #require(try Support.json(report.standardOutput) as? [String: Any])
        let input = try #require(json["input"] as? [String: Any])
        let switchLogs = try #require(input["switch_logs"] as? [String: Any])
        let calls = try #require(input["calls"] as? [String: Any])
        let overall = try #require(json["overall"] as? [String: Any])
        let outcomes = try #require(summary["outcomes"] as? [String: Int])
        let int = { (object: [String: Any], key: String) in (object[key] as? NSNumber)?.intValue }

        #expect(int(switchLogs, "cdr_rows") == summary["rows"] as? Int)
        #expect(int(switchLogs, "cdr_calls") == summary["cdr_calls"] as? Int)
        #expect(int(switchLogs, "cdr_queued_calls") == summary["cdr_queued_calls"] as? Int)
        #expect(int(switchLogs, "cdr_not_inbound") == summary["cdr_not_inbound"] as? Int)
        #expect(int(switchLogs, "queue_log_lines") == summary["queue_log_lines"] as? Int)
        #expect(int(calls, "rejected") == summary["rejected"] as? Int)
        let attempts = (summary["attempts"] as? Int ?? -1) + (summary["queue_log_attempts"] as? Int ?? -1)
        #expect(int(overall, "attempts") == attempts)
        #expect(int(calls, "rows") == attempts)
        for outcome in ["answered", "abandoned", "timeout", "busy"] {
            #expect(int(overall, outcome) == outcomes[outcome], "\(outcome)")
        }
        #expect(overall["closed"] is NSNull, "no CDR records a closed attempt")
        #expect(int(overall, "anonymous_attempts") == summary["anonymous_attempts"] as? Int)
        #expect(int(overall, "customers") == summary["customers"] as? Int)
        let notRecorded = input["not_recorded"] as? [String] ?? []
        #expect(notRecorded.contains("busy") == !(summary["busy_recorded"] as? Bool ?? false))

        let talk = expectedRows.dropFirst().reduce(0) { sum, row in sum + (Int(row.split(separator: ",",
            omittingEmptySubsequences: false)[5]) ?? 0) }
        #expect(talk == summary["talk_sum"] as? Int, "the expected rows agree with the expected talk sum")

        let expectedRejects = (summary["rejects"] as? [[String: Any]] ?? []).map { reject in
            "\(reject["file"] ?? "?"):\(reject["line"] ?? "?")"
        }
        let rejected = String(decoding: try Support.read(rejectsPath), as: UTF8.self).split(separator: "\n")
            .dropFirst().map { line -> String in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                return "\(URL(fileURLWithPath: String(fields[0])).lastPathComponent):\(fields[1])"
            }
        #expect(rejected == expectedRejects)
    }

    /// A call-log CSV's header, then its rows sorted by bytes: the order of
    /// rows is not part of the contract.
    static func rows(_ path: String) throws -> [String] {
        let lines = String(decoding: try Support.read(path), as: UTF8.self).split(separator: "\n").map(String.init)
        guard let header = lines.first else { return [] }
        return [header] + lines.dropFirst().sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
