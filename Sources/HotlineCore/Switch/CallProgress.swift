/// Where an attempt stands (see ``CallProgress``).
public enum CallPhase: UInt8, Sendable {
    /// In a queue, not answered yet.
    case waiting
    /// Answered; the end of the conversation is still to come.
    case connected
    /// Settled: the outcome is final.
    case ended
    /// Left a queue by timeout: final unless the call overflows into another queue.
    case timedOut
    /// A `CONNECT` whose `ENTERQUEUE` is not in the input (a log that starts
    /// mid-call): never counted, reported as incomplete.
    case headless
}

/// One caller's attempt as its queue_log events arrive: from `ENTERQUEUE`
/// (or a refusal at entry) to the event that settles its outcome.
public struct CallProgress<Text: SwitchText> {
    public private(set) var callID: Text
    /// The queue the attempt first entered.
    public private(set) var queue: Text
    public private(set) var caller: Text
    /// Who answered; the member channel of the `CONNECT`.
    public private(set) var agent: Text
    public private(set) var arrivedAt: Int64
    public private(set) var talkSeconds: Int64 = 0
    public private(set) var outcome: CallOutcome = .timeout
    public private(set) var phase: CallPhase
    /// Where the attempt's first line is (for `--rejects`), and that line.
    public private(set) var entryLine: Int64
    public private(set) var entryFileIndex: Int
    public private(set) var entryText: Text
    public private(set) var entryFingerprint: UInt64
    /// Lines that made up the attempt: all of them are duplicates if the attempt is a re-read.
    public private(set) var lines = CallLines()
    /// A call read a second time (its `ENTERQUEUE` line repeats one already
    /// read): it runs through the same phases, so that it ends where its first
    /// reading ended, but every line of it is a duplicate and it counts nowhere.
    public private(set) var isReread: Bool
    /// Time of the attempt's latest line: with ``OpenCallHorizon``, when log
    /// time gives the attempt up.
    public private(set) var lastEventTime: Int64

    /// Start of the wait in the current queue.
    private var segmentStart: Int64
    /// Waits in the queues the call overflowed from.
    private var earlierWait: Int64 = 0
    private var segmentWait: Int64 = 0
    private var connectedAt: Int64 = 0

    /// Seconds in queues until answer or hang-up, overflows included.
    public var waitSeconds: Int64 { Self.clampedSum(earlierWait, segmentWait) }

    /// An attempt opened by `event` (`ENTERQUEUE`, a refusal at entry, a
    /// re-read entry when `reread`, or a `CONNECT` with no entry before it).
    public init(openedBy event: QueueEvent<Text>, reread: Bool = false) {
        callID = event.callID
        queue = event.queue
        caller = event.caller
        agent = event.agent
        arrivedAt = event.time
        lastEventTime = event.time
        segmentStart = event.time
        entryLine = event.line
        entryFileIndex = event.fileIndex
        entryText = event.text
        entryFingerprint = event.fingerprint
        isReread = reread
        lines.insert(event)
        switch event.kind {
        case .connect:
            phase = .headless
        case .refusedAtEntry:
            phase = .ended
            outcome = .busy
        case .closedAtEntry:
            phase = .ended
            outcome = .closed
        default:
            phase = .waiting
        }
    }

    /// This attempt found to be a second reading of a call already counted:
    /// its further lines are duplicates.
    public func reread() -> CallProgress {
        var copy = self
        copy.isReread = true
        return copy
    }

    /// Whether `fingerprint` is one of this attempt's lines.
    public func hasLine(_ fingerprint: UInt64) -> Bool { lines.contains(fingerprint) }

    /// The attempt with its bytes carried another way, for a call that
    /// outlives its chunk, and its entry line moved from chunk to file numbering.
    public func map<Other>(lineOffset: Int64 = 0, _ transform: (Text) -> Other) -> CallProgress<Other> {
        var copy = CallProgress<Other>(callID: transform(callID), queue: transform(queue), caller: transform(caller),
                                       agent: transform(agent), arrivedAt: arrivedAt, phase: phase,
                                       entryLine: entryLine + lineOffset, entryFileIndex: entryFileIndex,
                                       entryText: transform(entryText), entryFingerprint: entryFingerprint,
                                       isReread: isReread)
        copy.talkSeconds = talkSeconds
        copy.outcome = outcome
        copy.lines = lines.moved(lineOffset: lineOffset)
        copy.segmentStart = segmentStart
        copy.earlierWait = earlierWait
        copy.segmentWait = segmentWait
        copy.connectedAt = connectedAt
        copy.lastEventTime = lastEventTime
        return copy
    }

    /// The attempt with its texts copied into one allocation, for a call
    /// that outlives its chunk, and its lines moved from chunk to file numbering.
    public func packed(lineOffset: Int64 = 0) -> CallProgress<PackedText> {
        var totalBytes = 0
        for text in [callID, queue, caller, agent, entryText] { totalBytes += text.withBytes { $0.count } }
        return PackedText.packing(totalBytes: totalBytes) { pack in map(lineOffset: lineOffset) { $0.withBytes(pack) } }
    }

    private init(callID: Text, queue: Text, caller: Text, agent: Text, arrivedAt: Int64, phase: CallPhase,
                 entryLine: Int64, entryFileIndex: Int, entryText: Text, entryFingerprint: UInt64, isReread: Bool) {
        self.callID = callID
        self.queue = queue
        self.caller = caller
        self.agent = agent
        self.arrivedAt = arrivedAt
        self.phase = phase
        self.entryLine = entryLine
        self.entryFileIndex = entryFileIndex
        self.entryText = entryText
        self.entryFingerprint = entryFingerprint
        self.isReread = isReread
        segmentStart = arrivedAt
        lastEventTime = arrivedAt
    }

    /// A line of the call's own that changes nothing (ringing, an unknown
    /// event): kept so that a repeat of it is recognised as a duplicate.
    mutating func notePassive(_ event: QueueEvent<Text>) {
        record(event)
    }

    /// `CONNECT`: an agent answered after the wait the event wrote (or the time since entry).
    mutating func connect(_ event: QueueEvent<Text>) {
        record(event)
        segmentWait = event.waitSeconds ?? Self.elapsed(from: segmentStart, to: event.time)
        connectedAt = event.time
        agent = event.agent
        phase = .connected
    }

    /// The end of a conversation (`COMPLETE…`, a transfer). Without a
    /// `CONNECT`, the wait is the one the event wrote.
    mutating func endConversation(_ event: QueueEvent<Text>) {
        record(event)
        if phase == .waiting {
            segmentWait = event.waitSeconds
                ?? Self.elapsed(from: segmentStart, to: Self.clampedSum(event.time, -(event.talkSeconds ?? 0)))
            agent = event.agent
            connectedAt = Self.clampedSum(segmentStart, segmentWait)
        }
        talkSeconds = event.talkSeconds ?? Self.elapsed(from: connectedAt, to: event.time)
        settle(.answered)
    }

    /// The caller left, or the switch ended the wait (`timedOut` may still overflow).
    mutating func leave(_ event: QueueEvent<Text>, as outcome: CallOutcome, provisional: Bool) {
        record(event)
        segmentWait = event.waitSeconds ?? Self.elapsed(from: segmentStart, to: event.time)
        settle(outcome)
        if provisional { phase = .timedOut }
    }

    /// The switch or the agent dropped the call without a conversation.
    mutating func drop(_ event: QueueEvent<Text>) {
        record(event)
        if phase == .waiting { segmentWait = Self.elapsed(from: segmentStart, to: event.time) }
        talkSeconds = 0
        settle(.timeout)
    }

    /// An `ENTERQUEUE` after a timeout: the same attempt continues in another
    /// queue, its first queue and arrival kept, its waits summed.
    mutating func overflow(into event: QueueEvent<Text>) {
        record(event)
        earlierWait = Self.clampedSum(earlierWait, segmentWait)
        segmentWait = 0
        segmentStart = event.time
        phase = .waiting
    }

    /// A refusal at entry after a timeout ends the overflowing attempt as a timeout.
    mutating func refuseOverflow(_ event: QueueEvent<Text>) {
        record(event)
        settle(.timeout)
    }

    /// Folds `continuation` — the attempt a later chunk assembled from the
    /// `ENTERQUEUE` that followed this attempt's timeout — into this attempt.
    public mutating func absorbOverflow(_ continuation: CallProgress<Text>) {
        lines.append(contentsOf: continuation.lines)
        lastEventTime = continuation.lastEventTime
        if continuation.outcome == .busy || continuation.outcome == .closed, continuation.phase == .ended {
            settle(.timeout)
            return
        }
        earlierWait = Self.clampedSum(Self.clampedSum(earlierWait, segmentWait), continuation.earlierWait)
        segmentWait = continuation.segmentWait
        segmentStart = continuation.segmentStart
        connectedAt = continuation.connectedAt
        talkSeconds = continuation.talkSeconds
        outcome = continuation.outcome
        phase = continuation.phase
        if continuation.phase == .connected || continuation.outcome == .answered { agent = continuation.agent }
    }

    /// Folds `continuation` — the attempt a later chunk opened at a repeat of
    /// a line of this attempt, still waiting: the same `ENTERQUEUE` line
    /// written twice, at the same time, so its course is this attempt's
    /// course — into this attempt. Returns the continuation's lines that
    /// repeat lines of this attempt, its entry first: duplicates.
    public mutating func absorbRepeat(of continuation: CallProgress<Text>) -> [(line: CallLines.Line, text: [UInt8])] {
        var rest = continuation
        let repeated = rest.lines.remove { hasLine($0.fingerprint) }
        // Repeats do not refresh the attempt; with times in order, its last
        // line is the later of the two attempts' last lines.
        let latest = max(lastEventTime, continuation.lastEventTime)
        absorbOverflow(rest)
        lastEventTime = latest
        return repeated
    }

    /// A settled attempt whose timeout turned out final (no overflow followed).
    mutating func closeTimeout() {
        phase = .ended
    }

    private mutating func settle(_ outcome: CallOutcome) {
        self.outcome = outcome
        phase = .ended
    }

    private mutating func record(_ event: QueueEvent<Text>) {
        lines.insert(event)
        lastEventTime = event.time
    }

    /// Seconds between two event times, never negative (a clock set back is not a negative wait).
    private static func elapsed(from start: Int64, to end: Int64) -> Int64 {
        let (difference, overflow) = end.subtractingReportingOverflow(start)
        return overflow ? (end > start ? .max : 0) : max(0, difference)
    }

    /// `a + b`, held at the bounds of `Int64`: the seconds a switch writes are
    /// any 64-bit number, and a sum past the bounds is far outside
    /// `ValueRanges.durationSeconds`, which rejects the attempt when it is
    /// counted — never a trap, never a wrapped number.
    private static func clampedSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}

extension CallProgress: Sendable where Text: Sendable {}

extension CallProgress: DerivedAttempt {}
