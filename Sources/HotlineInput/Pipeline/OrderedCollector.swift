import Synchronization

/// Receives each chunk's outcome from whichever worker parsed it and
/// processes outcomes strictly in input order, so rejected lines get their
/// real line numbers and the `--rejects` file lists them in file order.
///
/// Off the hot path: it runs once per chunk, under one lock.
final class OrderedCollector: Sendable {
    struct Delivery: Sendable {
        let sequence: Int
        let file: InputFileContext
        let outcome: ChunkOutcome
    }

    private struct State {
        var pending: [Int: Delivery] = [:]
        var nextSequence = 0
        var currentFile = -1
        var nextLine: Int64 = 0
        var rejects: RejectLog
    }

    private let state: Mutex<State>
    private let pool: BufferPool
    private let progress: PipelineProgress

    init(rejects: sending RejectLog, pool: BufferPool, progress: PipelineProgress) {
        state = Mutex(State(rejects: rejects))
        self.pool = pool
        self.progress = progress
    }

    func deliver(_ delivery: Delivery) {
        state.withLock { state in
            state.pending[delivery.sequence] = delivery
            while let next = state.pending.removeValue(forKey: state.nextSequence) {
                Self.flush(next, into: &state)
                progress.addRows(next.outcome.rows, rejected: Int64(next.outcome.rejected.count))
                state.nextSequence += 1
                pool.returnTicket()
            }
        }
    }

    /// The reject log once every chunk was delivered.
    func finish() -> (notices: [RejectNotice], rejected: [LogKind: Int64], log: RejectLog) {
        state.withLock { state in
            precondition(state.pending.isEmpty, "chunks still waiting for an earlier one")
            return (state.rejects.notices, state.rejects.rejected, state.rejects)
        }
    }

    private static func flush(_ delivery: Delivery, into state: inout State) {
        if delivery.file.index != state.currentFile {
            state.currentFile = delivery.file.index
            state.nextLine = 2
        }
        for rejected in delivery.outcome.rejected {
            state.rejects.record(rejected, path: delivery.file.path, line: state.nextLine + Int64(rejected.lineInChunk),
                                 kind: delivery.file.layout.kind)
        }
        state.nextLine += Int64(delivery.outcome.lines)
    }
}
