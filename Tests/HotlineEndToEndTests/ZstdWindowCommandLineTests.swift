import Foundation
@testable import hotline
import Testing

/// A valid file written by `zstd --long=28` through the binary: refused by
/// default with the window it needs (exit 1), read exactly with
/// `--max-window 28`, which every command that reads logs accepts.
@Suite struct ZstdWindowCommandLineTests {
    private let calls = Support.fixture("sla/calls.csv")

    /// The zstd CLI reading a pipe keeps the 256 MiB window `--long=28` asks for.
    private func longWindowCopy(of input: String) throws -> String {
        let output = try Support.scratchDirectory() + "/calls.csv.zst"
        let run = try Support.runProcess("/bin/sh", ["-c", "zstd -q -f --long=28 -o \"$1\" < \"$0\"", input, output])
        #expect(run.status == 0, "\(run.standardError)")
        return output
    }

    @Test func aLongWindowFileIsRefusedWithItsWindowThenReadWithMaxWindow() throws {
        let compressed = try longWindowCopy(of: calls)
        let refused = try Support.hotline(["report", "-q", "--format", "csv", compressed])
        #expect(refused.status == 1)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError == "hotline: error: \(compressed): a zstd frame needs a window of 256 MiB (2^28),"
            + " more than the 128 MiB allowed (--max-window 27); the file is valid (zstd --long): read it with"
            + " --max-window 28 if the machine can spare that much memory\n")

        let read = try Support.hotline(["report", "-q", "--format", "csv", "--max-window", "28", compressed])
        let plain = try Support.hotline(["report", "-q", "--format", "csv", calls])
        #expect(read.status == 0)
        #expect(plain.status == 0)
        #expect(read.standardOutput == plain.standardOutput)
    }

    @Test func everyCommandThatReadsLogsTakesMaxWindowInItsRange() throws {
        #expect(try ReportCommand.parse(["--max-window", "31", "calls.csv"]).decompression.maxWindowLog == 31)
        #expect(try ConvertCommand.parse(["--out", "out.csv", "--max-window", "10", "queue_log"]).decompression.maxWindowLog == 10)
        #expect(try NightlyCommand.parse(["--db", "h.sqlite", "--calls", "c.csv", "--max-window", "28"])
            .decompression.maxWindowLog == 28)
        #expect(try ReportCommand.parse(["calls.csv"]).decompression.maxWindowLog == 27)
        for outside in ["9", "32"] {
            let run = try Support.hotline(["report", "--max-window", outside, calls])
            #expect(run.status == 2)
            #expect(run.standardError.contains("--max-window must be between 10 and 31"), "\(run.standardError)")
        }
    }
}
