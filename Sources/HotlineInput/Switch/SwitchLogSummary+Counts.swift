import HotlineCore

extension SwitchLogSummary {
    /// The summary of a run over `formats`: busy and closed are recorded only
    /// if some input can record them (docs/asterisk.md, "Honest gaps").
    init(counts: SwitchLogCounts, formats: [InputFormat]) {
        self.init()
        queueLogLines = counts.queueLogLines
        eventsIgnored = counts.eventsIgnored
        eventsUnknown = counts.eventsUnknown
        duplicateLines = counts.duplicateLines
        incompleteCalls = counts.incompleteCalls
        let canonicalCalls = formats.contains { !$0.isSwitchLog && $0.logKind == .calls }
        if !(canonicalCalls || counts.sawRefusal) { notRecorded.append(.busy) }
        if !(canonicalCalls || counts.sawClosed) { notRecorded.append(.closed) }
    }
}
