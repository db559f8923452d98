import HotlineCore

extension DerivedAttempt {
    /// Why this attempt cannot be a call-log row, or nil if it can. A switch
    /// log must yield only what a canonical call log accepts (SPEC §2.1), so
    /// that `hotline convert` writes rows its own reader takes and a report
    /// on the converted file counts what the report on the log counted.
    /// The line parsers already refuse what a single line decides (an empty
    /// call id, a time outside ``ValueRanges/instantSeconds``, invalid
    /// UTF-8); this checks what only the whole attempt tells.
    var rowProblem: RejectReason? {
        if queue.withBytes(\.isEmpty) { return .field(column: "queue", problem: .empty) }
        if !ValueRanges.durationSeconds.contains(waitSeconds) { return .switchDurationOutOfRange("wait") }
        if !ValueRanges.durationSeconds.contains(talkSeconds) { return .switchDurationOutOfRange("talk") }
        return nil
    }
}
