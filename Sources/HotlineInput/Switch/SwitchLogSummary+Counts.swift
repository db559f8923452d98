import HotlineCore

extension SwitchLogSummary {
    /// The summary of a run over `formats`: busy and closed are recorded only
    /// if some input can record them — a canonical call log, a CDR (busy), a
    /// queue_log that wrote a refusal or a closed line (docs/asterisk.md, "Honest gaps").
    init(counts: SwitchLogCounts, formats: [InputFormat]) {
        self = counts.summary
        let canonicalCalls = formats.contains { !$0.isSwitchLog && $0.logKind == .calls }
        let cdr = formats.contains { if case .cdr = $0 { true } else { false } }
        if !(canonicalCalls || cdr || counts.sawRefusal) { notRecorded.append(.busy) }
        if !(canonicalCalls || counts.sawClosed) { notRecorded.append(.closed) }
    }
}
