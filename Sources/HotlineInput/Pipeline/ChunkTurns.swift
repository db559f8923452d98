import Foundation

/// Runs one step per chunk strictly in input order, whichever worker holds
/// the chunk: the stitching of calls that span chunks. A worker waits only
/// for the chunk before its own, which an earlier worker already holds, so
/// the wait is short and can never be circular.
final class ChunkTurns: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0

    /// Runs `step` once every chunk before `sequence` has had its turn.
    func take<Result>(_ sequence: Int, _ step: () throws -> Result) rethrows -> Result {
        condition.lock()
        while next != sequence { condition.wait() }
        defer {
            next += 1
            condition.broadcast()
            condition.unlock()
        }
        return try step()
    }
}
