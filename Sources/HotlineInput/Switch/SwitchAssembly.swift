import HotlineCore

/// The part of reading switch logs that crosses chunks: each chunk's turn,
/// in input order, numbers its lines, lets the stitcher finish the queue_log
/// calls that began before it, and files a CDR chunk's legs under their
/// calls. Everything here runs inside a turn, one chunk at a time, which is
/// what makes the unchecked `Sendable` sound.
final class SwitchAssembly: @unchecked Sendable {
    private let turns = ChunkTurns()
    private let stitcher: CallStitcher
    private var callBook = CDRCallBook()
    private var currentFile = -1
    private var nextLine: Int64 = 0
    private var chunkCounts = SwitchLogCounts()

    /// - Parameter remembersCallIDs: the run has both a queue_log and a CDR,
    ///   whose calls that queued must be left to the queue_log.
    init(keepText: Bool, remembersCallIDs: Bool) {
        stitcher = CallStitcher(keepText: keepText, remembersCallIDs: remembersCallIDs)
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
            chunkCounts.add(outcome.switchCounts)
            if case .cdr = chunk.file.format { fileLegs(outcome.cdrLegs, firstLine: firstLine, path: chunk.file.path) }
            guard case .queueLog = chunk.file.format else { return nil }
            var result = CallStitcher.TurnResult()
            stitcher.stitch(findings: assembler.findings, calls: assembler.calls, deferred: assembler.deferred,
                            lineTimes: assembler.lineTimes, clock: assembler.clock, firstLine: firstLine,
                            into: &result)
            return result
        }
    }

    private func fileLegs(_ legs: [CDRLeg], firstLine: Int64, path: String) {
        for var leg in legs {
            leg.order.line += firstLine
            if leg.callKey.isEmpty { leg.callKey = Array("\(Self.baseName(path)):\(leg.order.line)".utf8) }
            callBook.add(leg)
        }
    }

    private static func baseName(_ path: String) -> Substring {
        path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
    }

    /// Once every chunk had its turn: the queue_log calls left open, settled
    /// or reported; the CDR's calls that never queued, as attempts.
    /// - Parameter inboundContexts: `--inbound-context`.
    func finish(inboundContexts: [[UInt8]])
        -> (result: CallStitcher.TurnResult, cdrAttempts: [DerivedCall], counts: SwitchLogCounts) {
        var result = CallStitcher.TurnResult()
        stitcher.finish(into: &result)
        var counts = chunkCounts
        counts.add(stitcher.counts)
        let queueLogCalls = stitcher.queueLogCalls
        let (resolutions, cdrCounts) = callBook.resolve(
            isQueueLogCall: { queueLogCalls?.contains($0) ?? false }, inboundContexts: inboundContexts)
        counts.summary.cdrCalls = cdrCounts.calls
        counts.summary.cdrQueuedCalls = cdrCounts.queuedCalls
        counts.summary.cdrNotInbound = cdrCounts.notInbound
        let attempts = resolutions.compactMap { resolution -> DerivedCall? in
            if case .attempt(let call) = resolution { return call }
            return nil
        }
        return (result, attempts, counts)
    }
}
