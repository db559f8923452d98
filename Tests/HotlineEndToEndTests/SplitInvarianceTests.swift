import Foundation
import HotlineCore
import HotlineInput
import Testing
import HotlineTestSupport

/// Any way of cutting the input — chunk sizes down to one byte, any number
/// of threads, the same rows spread over several files — gives the same report.
@Suite struct SplitInvarianceTests {
    @Test(arguments: [1, 2, 3, 5, 17, 64, 333, 4_096])
    func chunkSizeDoesNotChangeTheReport(chunkBytes: Int) throws {
        let baseline = try Support.run(Support.tinyFiles)
        for threads in [1, 2, 3] {
            let result = try Support.run(Support.tinyFiles, threads: threads, chunkBytes: chunkBytes)
            #expect(result.report == baseline.report, "chunk \(chunkBytes) B, \(threads) threads")
            #expect(result.rejectNotices == baseline.rejectNotices, "chunk \(chunkBytes) B, \(threads) threads")
        }
    }

    @Test(arguments: 1...12)
    func spreadingRowsOverFilesDoesNotChangeTheMetrics(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let directory = try Support.scratchDirectory()
        var files: [InputFileSpec] = []
        for (name, kind) in [("calls", LogKind.calls), ("contacts", LogKind.contacts)] {
            let lines = try Support.read(Support.fixture("tiny/\(name).csv")).split(separator: 0x0A, omittingEmptySubsequences: false)
            let header = Array(lines[0]), rows = lines.dropFirst()
            let parts = Int(random.next() % 4) + 1
            var cuts = (0..<(parts - 1)).map { _ in Int(random.next() % UInt64(rows.count + 1)) }.sorted()
            cuts = [0] + cuts + [rows.count]
            for part in 0..<parts {
                var bytes = header + [0x0A]
                for row in rows[(rows.startIndex + cuts[part])..<(rows.startIndex + cuts[part + 1])] {
                    bytes += Array(row) + [0x0A]
                }
                let path = "\(directory)/\(name)-\(part).csv"
                try Support.write(bytes, to: path)
                files.append(InputFileSpec(path: path, format: InputFormatName(kind)))
            }
        }
        let split = try Support.run(files, threads: 2, chunkBytes: Int(random.next() % 200) + 1)
        let whole = try Support.run(Support.tinyFiles)
        #expect(Support.metrics(split.report) == Support.metrics(whole.report))
        #expect(split.report.input.calls == whole.report.input.calls)
        #expect(split.report.input.contacts == whole.report.input.contacts)
    }
}

