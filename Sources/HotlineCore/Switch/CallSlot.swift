/// What applying an event to a call's slot found besides ordinary progress.
public enum CallFinding<Text: SwitchText> {
    /// A settled attempt, to count.
    case settled(CallProgress<Text>)
    /// An attempt that never reached a final event (the input ended, or its
    /// uniqueid entered a queue again first); or a `CONNECT` without entry or end.
    case incomplete(CallProgress<Text>)
    /// A final event with no `ENTERQUEUE` before it.
    case orphan(QueueEvent<Text>)
    /// A line that repeats a line of the same call.
    case duplicate(QueueEvent<Text>)
    /// An event that cannot apply (a second `CONNECT`, an event after the end): ignored.
    case stray(QueueEvent<Text>)
}

/// The events of one uniqueid, folded into attempts by the rules of
/// docs/asterisk.md. One implementation serves the worker that assembles a
/// chunk's calls and the stitcher that finishes calls spanning chunks.
public struct CallSlot<Text: SwitchText> {
    /// The last attempt of the uniqueid: in progress, provisionally timed
    /// out, or settled (kept to recognise repeated lines).
    public var current: CallProgress<Text>?

    public init(current: CallProgress<Text>? = nil) {
        self.current = current
    }

    /// Applies `event` (one that concerns an attempt). `isReread` says whether
    /// an entry line was already read in an earlier, separate attempt.
    ///
    /// Called once per queue_log line from another module, which cannot
    /// specialise it: without these exported specialisations for the two
    /// `SwitchText`s in use, every call looked up generic metadata at run time
    /// (about a sixth of a report's time on a large queue_log).
    @_specialize(exported: true, where Text == UnsafeRawBufferPointer)
    @_specialize(exported: true, where Text == [UInt8])
    public mutating func apply(_ event: QueueEvent<Text>, isReread: (UInt64) -> Bool,
                               report: (CallFinding<Text>) -> Void) {
        if let call = current, call.hasLine(event.fingerprint) {
            current?.absorbDuplicate(event)
            report(.duplicate(event))
            return
        }
        if current?.phase == .reread, !event.kind.startsAttempt {
            current?.absorbDuplicate(event)
            report(.duplicate(event))
            return
        }
        switch event.kind {
        case .enterQueue, .refusedAtEntry, .closedAtEntry:
            enter(event, isReread: isReread, report: report)
        case .connect:
            guard let call = current else { return current = CallProgress(openedBy: event) }
            guard call.phase == .waiting else { return report(.stray(event)) }
            current?.connect(event)
        case .complete, .transfer, .attendedTransfer:
            settle(event, report: report) { $0.endConversation(event) }
        case .abandon, .exitWithKey:
            guard current == nil || current?.phase == .waiting || current?.phase == .headless else {
                return report(.stray(event))
            }
            settle(event, report: report) { $0.leave(event, as: .abandoned, provisional: false) }
        case .leftByTimeout:
            guard let call = current, call.phase != .headless else { return orphan(event, report: report) }
            guard call.phase == .waiting else { return report(.stray(event)) }
            current?.leave(event, as: .timeout, provisional: true)
        case .droppedWithoutConversation:
            settle(event, report: report) { $0.drop(event) }
        case .ignored, .unknown:
            return
        }
    }

    /// The slot's attempt once the input is over: a timeout that did not
    /// overflow is final; an attempt still waiting or talking is incomplete.
    public mutating func finish(report: (CallFinding<Text>) -> Void) {
        guard var call = current else { return }
        current = nil
        switch call.phase {
        case .timedOut:
            call.closeTimeout()
            report(.settled(call))
        case .waiting, .connected, .headless:
            report(.incomplete(call))
        case .ended, .reread:
            return
        }
    }

    /// A final event with no entry: reported once, together with a `CONNECT` before it.
    private mutating func orphan(_ event: QueueEvent<Text>, report: (CallFinding<Text>) -> Void) {
        current = nil
        report(.orphan(event))
    }

    private mutating func enter(_ event: QueueEvent<Text>, isReread: (UInt64) -> Bool,
                                report: (CallFinding<Text>) -> Void) {
        if var call = current {
            switch call.phase {
            case .timedOut where event.kind == .enterQueue:
                call.overflow(into: event)
                current = call
                return
            case .timedOut:
                call.refuseOverflow(event)
                current = call
                report(.settled(call))
                return
            case .waiting, .connected, .headless:
                report(.incomplete(call))
            case .ended, .reread:
                break
            }
        }
        if isReread(event.fingerprint) {
            current = CallProgress(openedBy: event, reread: true)
            report(.duplicate(event))
            return
        }
        let call = CallProgress(openedBy: event)
        current = call
        if call.phase == .ended { report(.settled(call)) }
    }

    /// Ends the attempt in progress with `change`, or reports `event` as an
    /// orphan (no entry) or a stray (the attempt had already ended).
    private mutating func settle(_ event: QueueEvent<Text>, report: (CallFinding<Text>) -> Void,
                                 _ change: (inout CallProgress<Text>) -> Void) {
        guard var call = current, call.phase != .headless else { return orphan(event, report: report) }
        guard call.phase == .waiting || call.phase == .connected else { return report(.stray(event)) }
        change(&call)
        current = call
        report(.settled(call))
    }
}
