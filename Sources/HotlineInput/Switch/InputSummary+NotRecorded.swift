import HotlineCore

extension InputSummary {
    /// The outcomes no input of a run over `formats` can record: busy and
    /// closed are recorded only by a canonical call log, a CDR (busy), or a
    /// queue_log that wrote a refusal or a closed line (docs/asterisk.md,
    /// "Honest gaps"); a run without any call log records neither.
    static func outcomesNotRecorded(formats: [InputFormat], switchCounts: SwitchLogCounts) -> [CallOutcome] {
        let canonicalCalls = formats.contains { !$0.isSwitchLog && $0.logKind == .calls }
        let cdr = formats.contains { if case .cdr = $0 { true } else { false } }
        var notRecorded: [CallOutcome] = []
        if !(canonicalCalls || cdr || switchCounts.sawRefusal) { notRecorded.append(.busy) }
        if !(canonicalCalls || switchCounts.sawClosed) { notRecorded.append(.closed) }
        return notRecorded
    }
}
