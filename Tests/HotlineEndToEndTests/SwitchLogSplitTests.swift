import Foundation
import HotlineCore
import HotlineInput
import Testing

/// A queue_log call's events and a CDR call's legs may straddle chunks,
/// threads and files: the report and the list of incomplete calls must not
/// depend on where the input is cut.
@Suite struct SwitchLogSplitTests {
    static let samples = ["asterisk/queue_log/freepbx-2010-q9000.queue_log",
                          "asterisk/queue_log/pbxware-2018-queue_log-table.csv",
                          "asterisk/cdr/Master-lab-2016-18col.csv",
                          "asterisk/cdr/Master-pstn-2024-21col.csv",
                          "asterisk/cdr/grandstream-ucm-cdr-export-2026-excerpt.csv"]
        + queueLogFixtures
    /// Every synthetic queue_log fixture (duplicates and re-reads among them).
    static let queueLogFixtures = QueueLogFixtureTests.Fixture.synthetic.map { "asterisk/synthetic/" + $0.testDescription }
    /// The samples whose first line is a header, which each rotated file repeats.
    static let withHeader = Set(["asterisk/queue_log/pbxware-2018-queue_log-table.csv",
                                 "asterisk/cdr/grandstream-ucm-cdr-export-2026-excerpt.csv"]
                                + queueLogFixtures.filter { $0.hasSuffix(".csv") })

    /// The format of a queue_log's rotated pieces, given: a piece may start
    /// with a line that is no queue_log line (an empty line, an unknown event
    /// name). CDR pieces are detected.
    static func pieceFormat(of sample: String) -> InputFormatName? {
        if sample.hasSuffix(".queue_log") { return .queueLog }
        return sample.contains("/cdr/") ? nil : .queueLogTable
    }

    /// The JSON report and the rejects file of one run.
    /// `keepPlaces`: compare rejects with their file and line, not only reason and text.
    private func outcome(_ files: [InputFileSpec], threads: Int, chunkBytes: Int,
                         keepPlaces: Bool = false) throws -> (report: String, rejects: [String]) {
        let directory = try Support.scratchDirectory()
        let rejects = directory + "/rejects.tsv"
        let result = try Support.run(files, threads: threads, chunkBytes: chunkBytes, rejectsPath: rejects)
        var report = result.report
        report.input.files = 1
        report.input.bytesRead = 0
        report.input.bytesDecoded = 0
        let lines = String(decoding: try Support.read(rejects), as: UTF8.self).split(separator: "\n").map { line in
            // Paths and line numbers differ between split and whole files; keep reason and text.
            keepPlaces ? String(line) : line.split(separator: "\t", maxSplits: 2).dropFirst(2).joined()
        }
        return (JSONReportWriter.render(report), lines)
    }

    @Test(arguments: samples)
    func anyChunkSizeAndThreadCountGivesTheSameReport(sample: String) throws {
        let files = [InputFileSpec(path: Support.fixture(sample))]
        let whole = try outcome(files, threads: 1, chunkBytes: 4 << 20, keepPlaces: true)
        for chunkBytes in [1, 2, 3, 5, 8, 13, 64, 200, 1_000, 4_096] {
            for threads in [1, 2, 3] {
                let split = try outcome(files, threads: threads, chunkBytes: chunkBytes, keepPlaces: true)
                #expect(split.report == whole.report, "chunk \(chunkBytes) B, \(threads) threads")
                #expect(split.rejects == whole.rejects, "chunk \(chunkBytes) B, \(threads) threads")
            }
        }
    }

    /// Cuts the sample into two files at every line end (a log rotated
    /// there), the second keeping the header of a table export.
    @Test(arguments: samples)
    func rotatingTheLogAtAnyLineGivesTheSameReport(sample: String) throws {
        let bytes = try Support.read(Support.fixture(sample))
        let headerEnd = Self.withHeader.contains(sample) ? bytes.firstIndex(of: 0x0A)! + 1 : 0
        let whole = try outcome([InputFileSpec(path: Support.fixture(sample))], threads: 1, chunkBytes: 4 << 20)
        let directory = try Support.scratchDirectory()
        let lineEnds = bytes.indices.filter { $0 >= headerEnd && bytes[$0] == 0x0A }.map { $0 + 1 }
        for (index, cut) in lineEnds.dropLast().enumerated() {
            let first = directory + "/rotated.1", second = directory + "/rotated"
            try Support.write(Array(bytes[..<cut]), to: first)
            try Support.write(Array(bytes[..<headerEnd]) + Array(bytes[cut...]), to: second)
            let format = Self.pieceFormat(of: sample)
            let split = try outcome([InputFileSpec(path: first, format: format), InputFileSpec(path: second, format: format)],
                                    threads: 1 + index % 2, chunkBytes: [4 << 20, 7, 300][index % 3])
            #expect(split.report == whole.report, "cut after byte \(cut)")
            #expect(split.rejects == whole.rejects, "cut after byte \(cut)")
        }
    }
}
