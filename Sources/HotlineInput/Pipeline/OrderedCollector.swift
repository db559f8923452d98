import HotlineCore
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
        /// Incomplete calls and duplicate lines the stitcher found at this chunk's turn.
        var notes: [SwitchNote] = []
        /// The attempts counted at this chunk's turn, as canonical rows (`hotline convert`).
        var convertedRows: [UInt8] = []
    }

    private struct State {
        var pending: [Int: Delivery] = [:]
        var nextSequence = 0
        var currentFile = -1
        var nextLine: Int64 = 0
        var rejects: RejectLog
        /// Rows and rejected lines (notes included) of each file, by file index.
        var counts: [RowCounts]
    }

    private let state: Mutex<State>
    private let pool: BufferPool
    private let progress: PipelineProgress
    /// Input paths by file index, for notes about lines of earlier files.
    private let paths: [String]
    /// Where converted rows go, in input order; written under the lock only.
    nonisolated(unsafe) private let converted: ConvertedCallsFile?

    init(rejects: sending RejectLog, pool: BufferPool, progress: PipelineProgress, paths: [String],
         converted: ConvertedCallsFile?) {
        state = Mutex(State(rejects: rejects, counts: Array(repeating: RowCounts(), count: paths.count)))
        self.pool = pool
        self.progress = progress
        self.paths = paths
        self.converted = converted
    }

    func deliver(_ delivery: Delivery) {
        state.withLock { state in
            state.pending[delivery.sequence] = delivery
            while let next = state.pending.removeValue(forKey: state.nextSequence) {
                flush(next, into: &state)
                progress.addRows(next.outcome.rows, rejected: Int64(next.outcome.rejected.count))
                state.nextSequence += 1
                pool.returnTicket()
            }
        }
    }

    /// Records what was settled once the input was over (calls left open).
    func recordFinalNotes(_ notes: [SwitchNote], convertedRows: [UInt8]) {
        state.withLock { state in
            record(notes, into: &state)
            converted?.write(convertedRows)
        }
    }

    /// The reject log once every chunk was delivered.
    func finish() -> (notices: [RejectNotice], rejected: [LogKind: Int64], log: RejectLog, countsByFile: [RowCounts]) {
        state.withLock { state in
            precondition(state.pending.isEmpty, "chunks still waiting for an earlier one")
            return (state.rejects.notices, state.rejects.rejected, state.rejects, state.counts)
        }
    }

    private func flush(_ delivery: Delivery, into state: inout State) {
        if delivery.file.index != state.currentFile {
            state.currentFile = delivery.file.index
            state.nextLine = delivery.file.firstDataLine
        }
        state.counts[delivery.file.index].rows += delivery.outcome.rows
        state.counts[delivery.file.index].rejected += Int64(delivery.outcome.rejected.count)
        // Rejected lines and notes (sorted by place) merged in line order, so
        // that the list does not depend on which chunk a line fell in.
        var notes = delivery.notes[...]
        for rejected in delivery.outcome.rejected {
            let line = state.nextLine + Int64(rejected.lineInChunk)
            let before = notes.prefix { ($0.fileIndex, $0.line) < (delivery.file.index, line) }
            record(before, into: &state)
            notes = notes.dropFirst(before.count)
            state.rejects.record(rejected, path: delivery.file.path, line: line, kind: delivery.file.format.logKind)
        }
        record(notes, into: &state)
        converted?.write(delivery.convertedRows)
        state.nextLine += Int64(delivery.outcome.lines)
    }

    private func record(_ notes: some Sequence<SwitchNote>, into state: inout State) {
        for note in notes {
            state.counts[note.fileIndex].rejected += 1
            state.rejects.record(RejectedLine(lineInChunk: 0, reason: note.reason, text: note.text),
                           path: paths[note.fileIndex], line: note.line, kind: note.rejectsRow ? .calls : nil)
        }
    }
}
