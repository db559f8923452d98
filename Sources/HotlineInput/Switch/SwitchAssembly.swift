import HotlineCore

/// The part of reading switch logs that crosses chunks: each chunk's turn,
/// in input order, numbers its lines and lets the stitcher finish the calls
/// that began before it. Everything here runs inside a turn, one chunk at a
/// time, which is what makes the unchecked `Sendable` sound.
final class SwitchAssembly: @unchecked Sendable {
    private let turns = ChunkTurns()
    private let stitcher: CallStitcher
    private var currentFile = -1
    private var nextLine: Int64 = 0
    private var chunkCounts = SwitchLogCounts()

    init(keepText: Bool) {
        stitcher = CallStitcher(keepText: keepText, remembersCallIDs: false)
    }

    /// Waits for the chunk's turn; for a queue_log chunk, stitches the calls
    /// its worker assembled and returns what the worker must count.
    func turn(for chunk: Chunk, outcome: ChunkOutcome, assembler: QueueLogChunkAssembler) -> CallStitcher.TurnResult? {
        turns.take(chunk.sequence) {
            if chunk.file.index != currentFile {
                currentFile = chunk.file.index
                nextLine = chunk.file.firstDataLine
            }
            let firstLine = nextLine
            nextLine += Int64(outcome.lines)
            guard case .queueLog = chunk.file.format else { return nil }
            chunkCounts.add(outcome.switchCounts)
            var result = CallStitcher.TurnResult()
            stitcher.stitch(findings: assembler.findings, deferred: assembler.deferred, firstLine: firstLine,
                            into: &result)
            return result
        }
    }

    /// Once every chunk had its turn: the calls left open, settled or reported.
    func finish() -> (result: CallStitcher.TurnResult, counts: SwitchLogCounts) {
        var result = CallStitcher.TurnResult()
        stitcher.finish(into: &result)
        var counts = chunkCounts
        counts.add(stitcher.counts)
        return (result, counts)
    }
}
