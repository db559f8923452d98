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
    /// A call read a second time (its `ENTERQUEUE` line repeats one already
    /// read): every further event of it is a duplicate.
    case reread
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
    public private(set) var lines: Int = 1

    /// Start of the wait in the current queue.
    private var segmentStart: Int64
    /// Waits in the queues the call overflowed from.
    private var earlierWait: Int64 = 0
    private var segmentWait: Int64 = 0
    private var connectedAt: Int64 = 0
    /// Fingerprints of the attempt's recent lines, to recognise a line read twice.
    private var recent = RecentFingerprints()

    /// Seconds in queues until answer or hang-up, overflows included.
    public var waitSeconds: Int64 { earlierWait + segmentWait }

    /// An attempt opened by `event` (`ENTERQUEUE`, a refusal at entry, a
    /// re-read entry when `reread`, or a `CONNECT` with no entry before it).
    public init(openedBy event: QueueEvent<Text>, reread: Bool = false) {
        callID = event.callID
        queue = event.queue
        caller = event.caller
        agent = event.agent
        arrivedAt = event.time
        segmentStart = event.time
        entryLine = event.line
        entryFileIndex = event.fileIndex
        entryText = event.text
        entryFingerprint = event.fingerprint
        recent.insert(event.fingerprint)
        if reread {
            phase = .reread
            return
        }
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
        copy.phase = .reread
        return copy
    }

    /// Whether `fingerprint` is one of this attempt's lines.
    public func hasLine(_ fingerprint: UInt64) -> Bool { recent.contains(fingerprint) }

    /// The attempt with its bytes carried another way, for a call that
    /// outlives its chunk, and its entry line moved from chunk to file numbering.
    public func map<Other>(lineOffset: Int64 = 0, _ transform: (Text) -> Other) -> CallProgress<Other> {
        var copy = CallProgress<Other>(callID: transform(callID), queue: transform(queue), caller: transform(caller),
                                       agent: transform(agent), arrivedAt: arrivedAt, phase: phase,
                                       entryLine: entryLine + lineOffset, entryFileIndex: entryFileIndex,
                                       entryText: transform(entryText), entryFingerprint: entryFingerprint)
        copy.talkSeconds = talkSeconds
        copy.outcome = outcome
        copy.lines = lines
        copy.segmentStart = segmentStart
        copy.earlierWait = earlierWait
        copy.segmentWait = segmentWait
        copy.connectedAt = connectedAt
        copy.recent = recent
        return copy
    }

    private init(callID: Text, queue: Text, caller: Text, agent: Text, arrivedAt: Int64, phase: CallPhase,
                 entryLine: Int64, entryFileIndex: Int, entryText: Text, entryFingerprint: UInt64) {
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
        segmentStart = arrivedAt
    }

    /// Counts a line of a re-read call.
    mutating func absorbDuplicate(_ event: QueueEvent<Text>) {
        lines += 1
        recent.insert(event.fingerprint)
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
            segmentWait = event.waitSeconds ?? Self.elapsed(from: segmentStart, to: event.time - (event.talkSeconds ?? 0))
            agent = event.agent
            connectedAt = segmentStart + segmentWait
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
        earlierWait += segmentWait
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
        lines += continuation.lines
        for fingerprint in continuation.recent.all { recent.insert(fingerprint) }
        if continuation.outcome == .busy || continuation.outcome == .closed, continuation.phase == .ended {
            settle(.timeout)
            return
        }
        earlierWait += segmentWait + continuation.earlierWait
        segmentWait = continuation.segmentWait
        segmentStart = continuation.segmentStart
        connectedAt = continuation.connectedAt
        talkSeconds = continuation.talkSeconds
        outcome = continuation.outcome
        phase = continuation.phase
        if continuation.phase == .connected || continuation.outcome == .answered { agent = continuation.agent }
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
        lines += 1
        recent.insert(event.fingerprint)
    }

    /// Seconds between two event times, never negative (a clock set back is not a negative wait).
    private static func elapsed(from start: Int64, to end: Int64) -> Int64 { max(0, end - start) }
}

/// The fingerprints of the last few lines of an attempt. An attempt has a
/// handful of lines that matter (entry, connect, end, and two per overflow),
/// so eight cover it; a repeated line is almost always a recent one.
struct RecentFingerprints {
    private var slots: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var count = 0

    mutating func insert(_ fingerprint: UInt64) {
        withUnsafeMutableBytes(of: &slots) { $0.storeBytes(of: fingerprint, toByteOffset: (count % 8) * 8, as: UInt64.self) }
        count += 1
    }

    func contains(_ fingerprint: UInt64) -> Bool {
        withUnsafeBytes(of: slots) { raw in
            (0..<min(count, 8)).contains { raw.load(fromByteOffset: $0 * 8, as: UInt64.self) == fingerprint }
        }
    }

    var all: [UInt64] {
        withUnsafeBytes(of: slots) { raw in (0..<min(count, 8)).map { raw.load(fromByteOffset: $0 * 8, as: UInt64.self) } }
    }
}

extension CallProgress: Sendable where Text: Sendable {}

extension CallProgress: DerivedAttempt {}
