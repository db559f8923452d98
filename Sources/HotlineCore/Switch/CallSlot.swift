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
    /// A line of the call that changes nothing: counted as an ignored or unknown event.
    case passive(QueueEvent<Text>)
}

/// What a line that changes no attempt turned out to be (``CallSlot/applyPassive(_:)``).
public enum PassiveLine: Sendable {
    /// It repeats a line of the attempt, or belongs to a re-read.
    case duplicate
    /// An ignored or unknown event, one of the attempt's lines if there is one.
    case event
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

    /// Applies `event`, any line of the uniqueid: ignored and unknown events
    /// too, since a repeat of one is a duplicate like any other line of the
    /// call. `isReread` says whether an entry line was already read in an
    /// earlier, separate attempt. A re-read attempt's events still move it
    /// through its phases (so that it ends where its first reading ended and
    /// is then forgotten), but each one is reported as a duplicate only.
    ///
    /// Called once per queue_log line from another module, which cannot
    /// specialise it: without these exported specialisations for the two
    /// `SwitchText`s in use, every call looked up generic metadata at run time
    /// (about a sixth of a report's time on a large queue_log).
    @_specialize(exported: true, where Text == UnsafeRawBufferPointer)
    @_specialize(exported: true, where Text == PackedText)
    public mutating func apply(_ event: QueueEvent<Text>, isReread: (UInt64) -> Bool,
                               report: (CallFinding<Text>) -> Void) {
        guard event.kind.concernsAttempt else {
            return report(applyPassive(event) == .duplicate ? .duplicate(event) : .passive(event))
        }
        // Optional chaining rather than binding: a binding would copy the
        // attempt on every line of the call.
        if current?.isReread == true, !event.kind.startsAttempt || current?.phase == .timedOut {
            progress(event, isReread: isReread) { _ in }
            return report(.duplicate(event))
        }
        if current?.hasLine(event.fingerprint) == true {
            if current?.phase == .ended, event.kind.startsAttempt {
                // The ended call read again, as the stitcher's run-wide entry lines would tell.
                current = CallProgress(openedBy: event, reread: true)
            }
            return report(.duplicate(event))
        }
        progress(event, isReread: isReread, report: report)
    }

    private mutating func progress(_ event: QueueEvent<Text>, isReread: (UInt64) -> Bool,
                                   report: (CallFinding<Text>) -> Void) {
        switch event.kind {
        case .enterQueue, .refusedAtEntry, .closedAtEntry:
            enter(event, isReread: isReread, report: report)
        case .connect:
            guard let phase = current?.phase else { return current = CallProgress(openedBy: event) }
            guard phase == .waiting else { return report(.stray(event)) }
            current?.connect(event)
        case .complete, .transfer, .attendedTransfer:
            settle(event, report: report) { $0.endConversation(event) }
        case .abandon, .exitWithKey:
            guard current == nil || current?.phase == .waiting || current?.phase == .headless else {
                return report(.stray(event))
            }
            settle(event, report: report) { $0.leave(event, as: .abandoned, provisional: false) }
        case .leftByTimeout:
            guard let phase = current?.phase, phase != .headless else { return orphan(event, report: report) }
            guard phase == .waiting else { return report(.stray(event)) }
            current?.leave(event, as: .timeout, provisional: true)
        case .droppedWithoutConversation:
            settle(event, report: report) { $0.drop(event) }
        case .ignored, .unknown:
            break
        }
    }

    /// A line of the uniqueid that changes no attempt (ringing, an agent
    /// event, an unknown name). Apart from ``apply(_:isReread:report:)``,
    /// which passes such lines here, so that a worker can skip its reporting:
    /// most lines of a queue_log are of this kind.
    @_specialize(exported: true, where Text == UnsafeRawBufferPointer)
    public mutating func applyPassive(_ event: QueueEvent<Text>) -> PassiveLine {
        guard current != nil else { return .event }
        if current?.isReread == true || current?.hasLine(event.fingerprint) == true { return .duplicate }
        current?.notePassive(event)
        return .event
    }

    /// The slot's attempt once the input is over: a timeout that did not
    /// overflow is final; an attempt still waiting or talking is incomplete.
    public mutating func finish(report: (CallFinding<Text>) -> Void) {
        guard var call = current else { return }
        current = nil
        guard !call.isReread else { return }
        switch call.phase {
        case .timedOut:
            call.closeTimeout()
            report(.settled(call))
        case .waiting, .connected, .headless:
            report(.incomplete(call))
        case .ended:
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
        if let phase = current?.phase {
            switch phase {
            case .timedOut where event.kind == .enterQueue:
                return current!.overflow(into: event)
            case .timedOut:
                current!.refuseOverflow(event)
                return report(.settled(current!))
            case .waiting, .connected, .headless:
                if current?.isReread == false { report(.incomplete(current!)) }
            case .ended:
                break
            }
        }
        if isReread(event.fingerprint) {
            current = CallProgress(openedBy: event, reread: true)
            return report(.duplicate(event))
        }
        current = CallProgress(openedBy: event)
        if current?.phase == .ended { report(.settled(current!)) }
    }

    /// Ends the attempt in progress with `change`, or reports `event` as an
    /// orphan (no entry) or a stray (the attempt had already ended).
    private mutating func settle(_ event: QueueEvent<Text>, report: (CallFinding<Text>) -> Void,
                                 _ change: (inout CallProgress<Text>) -> Void) {
        // The attempt is changed in place: a copy of it per line would cost more than the rest.
        guard let phase = current?.phase, phase != .headless else { return orphan(event, report: report) }
        guard phase == .waiting || phase == .connected else { return report(.stray(event)) }
        change(&current!)
        report(.settled(current!))
    }
}
