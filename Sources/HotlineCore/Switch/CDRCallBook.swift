/// The calls of a CDR, built leg by leg over the whole input: a call's legs
/// may be written far apart (each when its channel hangs up), so no call is
/// settled before every file has been read. Memory follows the CDR's calls
/// (two legs and a few ids each), never its rows.
public struct CDRCallBook: Sendable {
    /// What the rules of docs/asterisk.md make of one CDR call.
    public enum Resolution: Equatable, Sendable {
        case attempt(DerivedCall)
        /// It entered a queue: its attempt comes from the queue_log, never from the CDR.
        case queued
        case notInbound
    }

    /// Counts for the report's `input.switch_logs`.
    public struct Counts: Equatable, Sendable {
        public var calls: Int64 = 0
        public var queuedCalls: Int64 = 0
        public var notInbound: Int64 = 0

        public init() {}
    }

    /// One call so far: the leg that names it (queue, caller, context), its
    /// earliest leg, the leg that a person answered first, and how its last
    /// leg ended.
    private struct Call: Sendable {
        var naming: CDRLeg
        var earliest: LegOrder
        var answered: CDRLeg?
        var last: (order: LegOrder, disposition: CDRDisposition)
        var enteredQueue: Bool
        var switchIDs: [UInt64]

        init(_ leg: CDRLeg) {
            naming = leg
            earliest = leg.order
            answered = leg.answeredByPerson ? leg : nil
            last = (leg.order, leg.disposition)
            enteredQueue = leg.enteredQueue
            switchIDs = leg.switchIDs
        }

        mutating func add(_ leg: CDRLeg) {
            let namesBetter = leg.isOriginating == naming.isOriginating ? leg.order < naming.order : leg.isOriginating
            if namesBetter { naming = leg }
            earliest = min(earliest, leg.order)
            if leg.answeredByPerson, answered.map({ leg.order < $0.order }) ?? true { answered = leg }
            if last.order < leg.order { last = (leg.order, leg.disposition) }
            enteredQueue = enteredQueue || leg.enteredQueue
            for id in leg.switchIDs where !switchIDs.contains(id) { switchIDs.append(id) }
        }
    }

    /// A call's key with its hash computed once: the table rehashes every
    /// key each time it grows, and a CDR of a night holds millions of calls.
    private struct CallKey: Hashable {
        let bytes: [UInt8]
        let hash: UInt64

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            hash = bytes.withUnsafeBytes(ByteHash.hash)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (lhs: CallKey, rhs: CallKey) -> Bool { lhs.hash == rhs.hash && lhs.bytes == rhs.bytes }
    }

    /// The calls in the order their first leg was read, and where each key's call is:
    /// the table moves small positions when it grows, never the calls.
    private var calls: [Call] = []
    private var positions: [CallKey: Int] = [:]

    public init() {}

    public mutating func add(_ leg: CDRLeg) {
        let key = CallKey(leg.callKey)
        if let position = positions[key] {
            calls[position].add(leg)
        } else {
            positions[key] = calls.count
            calls.append(Call(leg))
        }
    }

    /// Every call's resolution, in the order of their earliest legs.
    /// - Parameters:
    ///   - isQueueLogCall: whether a uniqueid or linkedid hash is a call of a
    ///     queue_log in the same run (that call queued).
    ///   - inboundContexts: the dialplan contexts where inbound calls start
    ///     (`--inbound-context`); empty: every call whose direction the CDR
    ///     does not write is inbound.
    public func resolve(isQueueLogCall: (UInt64) -> Bool, inboundContexts: [[UInt8]])
        -> (resolutions: [Resolution], counts: Counts) {
        var counts = Counts()
        var resolutions: [Resolution] = []
        // Sorted as positions: moving the calls themselves would cost more than the rest.
        for position in calls.indices.sorted(by: { calls[$0].earliest < calls[$1].earliest }) {
            counts.calls += 1
            let resolution = Self.resolve(calls[position], isQueueLogCall: isQueueLogCall, inboundContexts: inboundContexts)
            switch resolution {
            case .queued: counts.queuedCalls += 1
            case .notInbound: counts.notInbound += 1
            case .attempt: break
            }
            resolutions.append(resolution)
        }
        return (resolutions, counts)
    }

    private static func resolve(_ call: Call, isQueueLogCall: (UInt64) -> Bool,
                                inboundContexts: [[UInt8]]) -> Resolution {
        if call.enteredQueue || call.switchIDs.contains(where: isQueueLogCall) { return .queued }
        let naming = call.naming
        let inbound = naming.direction.map { $0 == .inbound }
            ?? (inboundContexts.isEmpty || inboundContexts.contains(naming.context))
        guard inbound else { return .notInbound }
        let outcome: CallOutcome = call.answered != nil ? .answered : call.last.disposition.meansNoLine ? .busy : .timeout
        return .attempt(DerivedCall(callID: naming.callKey, caller: naming.caller, queue: queue(of: naming),
                                    agent: call.answered?.destinationChannel ?? [], arrivedAt: call.earliest.start,
                                    waitSeconds: 0, talkSeconds: call.answered?.billableSeconds ?? 0,
                                    outcome: outcome))
    }

    /// The number dialled; else the dialplan context the call started in
    /// (a call that no number was dialled for); else `unknown`, since the
    /// SPEC requires a queue.
    private static func queue(of leg: CDRLeg) -> [UInt8] {
        if !leg.dialled.isEmpty { return leg.dialled }
        return leg.context.isEmpty ? Array("unknown".utf8) : leg.context
    }
}
