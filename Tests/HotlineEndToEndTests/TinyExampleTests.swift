import Foundation
import HotlineCore
import HotlineInput
import Testing

/// The worked example of the contract (`Fixtures/tiny`, copied from the
/// shared examples): every metric, every scope, both time zones, every reject.
@Suite struct TinyExampleTests {
    @Test(arguments: [("UTC", "expected.json"), ("Europe/Paris", "expected_tz_paris.json")])
    func reportMatchesTheHandComputedExpectation(zone: String, expectedFile: String) throws {
        let result = try Support.run(Support.tinyFiles, zone: zone)
        let actual = try Support.json(JSONReportWriter.render(result.report))
        let expected = try Support.json(file: Support.fixture("tiny/" + expectedFile))
        let differences = Support.differences(actual, expected)
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test func everyRejectedLineIsNumberedLikeTheExpectation() throws {
        let directory = try Support.scratchDirectory()
        let rejectsPath = directory + "/rejects.tsv"
        let result = try Support.run(Support.tinyFiles, rejectsPath: rejectsPath)
        let expected = try String(contentsOfFile: Support.fixture("tiny/expected_rejects.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { line -> String in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                return "\(fields[0]):\(fields[1])"
            }
        let written = String(decoding: try Support.read(rejectsPath), as: UTF8.self)
            .split(separator: "\n").dropFirst().map { line -> String in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                return "\(URL(fileURLWithPath: String(fields[0])).lastPathComponent):\(fields[1])"
            }
        #expect(written == expected)
        #expect(result.rejectNotices.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.line)" } == expected)
        #expect(result.report.input.calls == RowCounts(rows: 15, rejected: 15))
        #expect(result.report.input.contacts == RowCounts(rows: 18, rejected: 5))
    }

    @Test func rejectsFileKeepsTheRawLineAndItsReason() throws {
        let directory = try Support.scratchDirectory()
        _ = try Support.run(Support.tinyFiles, rejectsPath: directory + "/rejects.tsv")
        let lines = String(decoding: try Support.read(directory + "/rejects.tsv"), as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "file\tline\treason\ttext")
        let negativeWait = try #require(lines.first { $0.contains("\t12\t") })
        #expect(negativeWait.hasSuffix("\tnegative wait_s\tc11,cu6,billing,2026-11-21T12:00:00Z,-3,0,abandoned,,"))
    }

    @Test func kindsAreDetectedFromHeadersWhenNotGiven() throws {
        let named = try Support.run(Support.tinyFiles)
        let detected = try Support.run(Support.tinyFiles.map { InputFileSpec(path: $0.path) })
        #expect(named.report == detected.report)
    }

    @Test func inputSectionCountsFilesAndBytes() throws {
        let result = try Support.run(Support.tinyFiles)
        #expect(result.report.input.files == 2)
        #expect(result.report.input.bytesRead == 3272)
        #expect(result.report.input.bytesDecoded == 3272)
    }
}
