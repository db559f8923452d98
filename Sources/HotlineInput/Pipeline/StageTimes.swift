import Dispatch
import Synchronization

/// How long each stage of a report took, for `hotline report --stats`.
///
/// Measured at chunk and phase granularity, never per row, so that asking
/// for it costs the hot loop nothing. Decoding and parsing overlap — the
/// reader thread decodes the next chunks while the workers parse — so the
/// stages do not add up to the wall time.
public struct StageTimes: Sendable, Equatable {
    /// The reader thread's time reading the files and decompressing them.
    public var decode: Duration = .zero
    /// Time spent parsing chunks and aggregating their rows, summed over the workers.
    public var parseAndAggregate: Duration = .zero
    /// Folding the workers' accumulators into one.
    public var merge: Duration = .zero
    /// Computing the report from the merged accumulator.
    public var report: Duration = .zero

    public init() {}
}

/// A point on the monotonic clock (`CLOCK_MONOTONIC` through Dispatch), which
/// wall-clock adjustments cannot skew; read through the vDSO without a system
/// call or an allocation, cheap enough per chunk.
struct MonotonicInstant {
    let nanoseconds: UInt64

    static var now: MonotonicInstant { MonotonicInstant(nanoseconds: DispatchTime.now().uptimeNanoseconds) }

    var elapsedNanoseconds: UInt64 { Self.now.nanoseconds - nanoseconds }

    var elapsed: Duration { .nanoseconds(Int64(elapsedNanoseconds)) }
}

/// The workers' parse time, each worker adding its own total once, when it runs
/// out of chunks: one atomic add per worker, none per chunk or row.
final class WorkerBusyTime: Sendable {
    private let nanoseconds = Atomic<UInt64>(0)

    func add(_ workerNanoseconds: UInt64) {
        nanoseconds.wrappingAdd(workerNanoseconds, ordering: .relaxed)
    }

    var total: Duration { .nanoseconds(Int64(nanoseconds.load(ordering: .relaxed))) }
}
