import Synchronization

/// Live counters of a running report, safe to read from a progress display
/// on another thread while the pipeline updates them.
public final class PipelineProgress: Sendable {
    private let decoded = Atomic<Int64>(0)
    private let rows = Atomic<Int64>(0)
    private let rejected = Atomic<Int64>(0)
    /// Decoded bytes of the files already finished plus the current one.
    public var bytesDecoded: Int64 { decoded.load(ordering: .relaxed) }
    public var rowsAccepted: Int64 { rows.load(ordering: .relaxed) }
    public var rowsRejected: Int64 { rejected.load(ordering: .relaxed) }

    public init() {}

    func addDecoded(_ count: Int) {
        decoded.wrappingAdd(Int64(count), ordering: .relaxed)
    }

    func addRows(_ accepted: Int64, rejected count: Int64) {
        rows.wrappingAdd(accepted, ordering: .relaxed)
        rejected.wrappingAdd(count, ordering: .relaxed)
    }
}
