import HotlineInput

/// Writes the attempts as the raw `queue_log` of an Asterisk 13 switch: one
/// `epoch|uniqueid|queue|agent|EVENT|data…` line per queue event, in time
/// order across calls, as `hotline report` reads real logs (docs/asterisk.md).
///
/// Per attempt arriving at `t`, waiting `w` and talking `talk`:
/// - `t`: `NONE|ENTERQUEUE||<caller>|1` (`anonymous` for an unknown caller);
/// - answered: `t+w`: `<agent>|CONNECT|w|<bridged uniqueid>|<ring>`, then
///   `t+w+talk`: `<agent>|COMPLETECALLER|w|talk|1` (or `COMPLETEAGENT`);
/// - abandoned: `t+w`: `NONE|ABANDON|1|1|w`; timeout: `t+w`: `NONE|EXITWITHTIMEOUT|1|1|w`.
///
/// `busy` and `closed` attempts never entered a queue, so a queue_log has no
/// line for them: they are counted in `omittedAttempts` instead. The
/// attempt's uniqueid is its canonical `call_id`, so the contact log joins
/// either format.
struct QueueLogWriter: CallAttemptLog {
    let sink: ByteSink
    private let customers: CustomerIdentity
    /// Added to a call's number to number its agent's channel, above every caller's.
    private let bridgedNumberBase: Int
    /// The events after `ENTERQUEUE` of calls in progress, by time.
    private var pending = MinHeap<Scheduled<PendingQueueEvent>>()
    private var sequence = 0
    private(set) var rows = 0
    private(set) var omittedAttempts = 0

    private static let none = ByteToken("NONE")
    private static let anonymous = ByteToken("anonymous")
    private static let enterQueue = ByteToken("|ENTERQUEUE||")
    private static let connect = ByteToken("|CONNECT|")
    private static let completeCaller = ByteToken("|COMPLETECALLER|")
    private static let completeAgent = ByteToken("|COMPLETEAGENT|")
    private static let abandon = ByteToken("|ABANDON|1|1|")
    private static let exitWithTimeout = ByteToken("|EXITWITHTIMEOUT|1|1|")

    /// `calls`: the configured number of attempts, the highest call number.
    init(file: OutputFile, customers: CustomerIdentity, calls: Int) {
        sink = ByteSink(file: file)
        self.customers = customers
        bridgedNumberBase = calls
    }

    mutating func write(call number: Int, customer: Int, queue: Int, arrivedAt: Int, attempt: Attempt) throws {
        try writePending(through: arrivedAt)
        let end = arrivedAt + attempt.wait
        switch attempt.outcome {
        case .busy, .closed:
            omittedAttempts += 1
            return
        case .answered:
            schedule(.connect, at: end, call: number, arrivedAt: arrivedAt, queue: queue, attempt: attempt)
            schedule(.complete, at: end + attempt.talk, call: number, arrivedAt: arrivedAt, queue: queue,
                     attempt: attempt)
        case .abandoned:
            schedule(.abandon, at: end, call: number, arrivedAt: arrivedAt, queue: queue, attempt: attempt)
        case .timeout:
            schedule(.timeout, at: end, call: number, arrivedAt: arrivedAt, queue: queue, attempt: attempt)
        }
        rows += 1
        try sink.reserve(ByteSink.maximumRowLength)
        writeFields(time: arrivedAt, call: number, arrivedAt: arrivedAt, queue: queue, agent: nil)
        sink.append(Self.enterQueue)
        if customer >= 0 { customers.write(customer, to: sink) } else { sink.append(Self.anonymous) }
        sink.append(UInt8(ascii: "|"))
        sink.append(UInt8(ascii: "1"))
        sink.append(UInt8(ascii: "\n"))
    }

    mutating func finish() throws {
        try writePending(through: .max)
        try sink.flush()
    }

    private mutating func schedule(_ kind: PendingQueueEvent.Kind, at time: Int, call: Int, arrivedAt: Int,
                                   queue: Int, attempt: Attempt) {
        sequence += 1
        // A call's `CONNECT` is scheduled before its `COMPLETE…`, so it comes out first even at one time.
        pending.push(Scheduled(time: time, sequence: sequence, item: PendingQueueEvent(
            kind: kind, call: call, arrivedAt: arrivedAt, queue: queue, attempt: attempt)))
    }

    /// Writes the pending events up to `instant`, so that lines stay in time order.
    private mutating func writePending(through instant: Int) throws {
        while let next = pending.minimum, next.time <= instant {
            _ = pending.popMinimum()
            try sink.reserve(ByteSink.maximumRowLength)
            write(next.item, at: next.time)
        }
    }

    private func write(_ event: PendingQueueEvent, at time: Int) {
        let attempt = event.attempt
        let agent = attempt.outcome == .answered ? AgentDirectory.tokens[event.queue][attempt.level - 1][attempt.agent]
            : nil
        writeFields(time: time, call: event.call, arrivedAt: event.arrivedAt, queue: event.queue, agent: agent)
        let details = SwitchDetails(call: event.call, wait: attempt.wait)
        switch event.kind {
        case .connect:
            sink.append(Self.connect)
            sink.appendDecimal(attempt.wait)
            sink.append(UInt8(ascii: "|"))
            RecordIdentity.writeCall(
                bridgedNumberBase + event.call, arrivedAt: time - details.ringSeconds, to: sink)
            sink.append(UInt8(ascii: "|"))
            sink.appendDecimal(details.ringSeconds)
        case .complete:
            sink.append(details.agentHangsUp ? Self.completeAgent : Self.completeCaller)
            sink.appendDecimal(attempt.wait)
            sink.append(UInt8(ascii: "|"))
            sink.appendDecimal(attempt.talk)
            sink.append(UInt8(ascii: "|"))
            sink.append(UInt8(ascii: "1"))
        case .abandon:
            sink.append(Self.abandon)
            sink.appendDecimal(attempt.wait)
        case .timeout:
            sink.append(Self.exitWithTimeout)
            sink.appendDecimal(attempt.wait)
        }
        sink.append(UInt8(ascii: "\n"))
    }

    /// `time|uniqueid|queue|agent`, the agent `NONE` when there is none.
    private func writeFields(time: Int, call: Int, arrivedAt: Int, queue: Int, agent: ByteToken?) {
        sink.appendDecimal(time)
        sink.append(UInt8(ascii: "|"))
        RecordIdentity.writeCall(call, arrivedAt: arrivedAt, to: sink)
        sink.append(UInt8(ascii: "|"))
        sink.append(QueueProfile.all[queue].name.verbatim)
        sink.append(UInt8(ascii: "|"))
        sink.append(agent ?? Self.none)
    }
}

/// An event of a call in progress, held until the arrivals pass its time.
struct PendingQueueEvent {
    enum Kind { case connect, complete, abandon, timeout }

    var kind: Kind
    var call: Int
    var arrivedAt: Int
    var queue: Int
    var attempt: Attempt
}

/// An item due at `time`, ordered by time, then by `sequence`: the order in
/// which items were scheduled, so that equal times come out in one fixed order.
struct Scheduled<Item>: Comparable {
    var time: Int
    var sequence: Int
    var item: Item

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        (lhs.time, lhs.sequence) == (rhs.time, rhs.sequence)
    }
}

/// What a switch logs about an answered call beyond the simulated attempt:
/// how long the agent's phone rang, and who hung up.
///
/// They come from a hash of the call number, not from the simulation's
/// random stream, so that the simulation makes the same draws, and writes
/// the same contact log, whatever the call log's format.
struct SwitchDetails {
    /// Seconds the agent's phone rang, within the wait: 0…11.
    let ringSeconds: Int
    /// `COMPLETEAGENT` rather than `COMPLETECALLER`, for about one call in three.
    let agentHangsUp: Bool

    init(call: Int, wait: Int) {
        let hash = UInt64(truncatingIfNeeded: call) &* 0x9E37_79B9_7F4A_7C15
        ringSeconds = min(wait, Int(truncatingIfNeeded: (hash >> 40) % 12))
        agentHangsUp = (hash >> 20) % 3 == 0
    }
}
