import FuzzSupport
import HotlineCore
import HotlineInput

/// A whole small log through `ReportJob`, as `hotline report` reads it: the
/// format detected from the first line (queue_log raw or table, CDR, or
/// canonical CSV), the reader's chunking, the queue_log call state machine
/// that stitches events across chunks, the CDR call book, and the JSON
/// report. The first byte picks the chunk size, down to 64 bytes, so that
/// calls and lines straddle chunk boundaries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSwitchLogFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let (selector, rest) = FuzzInput(start, count).selectorAndRest else { return 0 }
    scratch.replaceContents(with: rest)
    let options = ReportJobOptions(threads: 1, chunkBytes: chunkSizes[Int(selector) % chunkSizes.count])
    guard let result = try? ReportJob.run(files: [InputFileSpec(path: scratch.path)], options: options) else { return 0 }
    _ = JSONReportWriter.render(result.report)
    return 0
}

private let scratch = ScratchFile()
private let chunkSizes = [64, 256, 4096, 4 << 20]
