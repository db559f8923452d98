import HotlineCore
import HotlineInput

/// Parses chunks into accumulators as a `ReportJob` worker does, and checks
/// that every generated row was accepted, so that a benchmark never
/// silently times the reject path.
struct Accumulating {
    static let parameters = ReportParameters()
    private let parser = ChunkParser(keepRejectedText: false)

    static func freshAccumulator() -> MetricsAccumulator {
        MetricsAccumulator(thresholds: parameters.thresholds, zone: .utc)
    }

    func parse(_ chunk: LogChunk, into accumulator: MetricsAccumulator) {
        let outcome = chunk.bytes.withUnsafeBytes { bytes in
            parser.parse(bytes, startOffset: 0, afterSkippedLongLines: 0, limit: 64 << 20, file: chunk.file,
                         into: accumulator)
        }
        precondition(outcome.rows == chunk.rows && outcome.rejected.isEmpty, "generated rows were rejected")
    }

    /// One worker's accumulator after the given chunks.
    func accumulator(of chunks: [LogChunk]) -> MetricsAccumulator {
        let accumulator = Self.freshAccumulator()
        for chunk in chunks { parse(chunk, into: accumulator) }
        return accumulator
    }
}
