@_spi(Benchmarks) import HotlineInput
import HotlineCore

/// Parses one in-memory chunk as `ReportJob`'s workers do — a fresh
/// `ChunkParser` per input, so that no state leaks from one input to the
/// next — and checks the line accounting: every line is a row,
/// a rejection, or neither (an empty line, a queue_log event), never both.
public enum ChunkDriver {
    /// The longest line the targets accept, as `--max-line-bytes` would set it: inputs are far shorter.
    public static let lineLimit = 1 << 20

    public static func parse(_ chunk: UnsafeRawBufferPointer, as format: InputFormat) -> ChunkOutcome {
        // Queue_log and CDR chunks never write into the accumulator (their calls
        // are settled later, by the stitcher): those share one, as its tables
        // cost more to allocate than a small input costs to parse.
        let accumulator = if case .canonical = format { newAccumulator() } else { switchAccumulator }
        let parser = ChunkParser(keepRejectedText: true)
        let file = InputFileContext(index: 0, path: "fuzz-input", format: format, firstDataLine: 2)
        let outcome = parser.parse(chunk, startOffset: 0, afterSkippedLongLines: 0, limit: lineLimit,
                                   file: file, into: accumulator)
        precondition(outcome.rows + Int64(outcome.rejected.count) <= Int64(outcome.lines),
                     "\(outcome.rows) rows and \(outcome.rejected.count) rejections from \(outcome.lines) lines")
        return outcome
    }

    private static func newAccumulator() -> MetricsAccumulator {
        MetricsAccumulator(thresholds: CallThresholds(), zone: .utc)
    }

    nonisolated(unsafe) private static let switchAccumulator = newAccumulator()
}
