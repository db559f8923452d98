/// An attempt derived from a switch log rather than read from a canonical
/// CSV, as the accumulators count it and `hotline convert` writes it.
/// queue_log calls (``CallProgress``) and CDR calls (``DerivedCall``) both
/// conform, so that one rule turns either into a call-log row.
public protocol DerivedAttempt {
    associatedtype Text: SwitchText
    /// The switch's call id (queue_log uniqueid, CDR session, linkedid or uniqueid).
    var callID: Text { get }
    /// As the switch wrote it; an anonymous one (``CallerID/isAnonymous(_:)``) counts as no customer.
    var caller: Text { get }
    var queue: Text { get }
    /// Who answered; meaningful only for an answered attempt.
    var agent: Text { get }
    var arrivedAt: Int64 { get }
    var waitSeconds: Int64 { get }
    var talkSeconds: Int64 { get }
    var outcome: CallOutcome { get }
}

extension DerivedAttempt {
    /// The attempt as a call-log row, with anonymous callers as no customer (SPEC §2.1).
    /// Inlinable so that the worker that counts every attempt gets it
    /// specialised, not through witness tables.
    @inlinable
    public func withRecord<Result>(_ body: (CallRecord) -> Result) -> Result {
        queue.withBytes { queue in
            caller.withBytes { caller in
                body(CallRecord(customer: CallerID.isAnonymous(caller) ? UnsafeRawBufferPointer(start: nil, count: 0)
                                                                       : caller,
                                queue: queue, arrivedAt: arrivedAt, waitSeconds: waitSeconds,
                                talkSeconds: talkSeconds, outcome: outcome))
            }
        }
    }
}

/// A settled attempt in owned bytes: what a CDR call becomes once all its
/// legs have been read.
public struct DerivedCall: DerivedAttempt, Sendable, Equatable {
    public var callID: [UInt8]
    public var caller: [UInt8]
    public var queue: [UInt8]
    public var agent: [UInt8]
    public var arrivedAt: Int64
    public var waitSeconds: Int64
    public var talkSeconds: Int64
    public var outcome: CallOutcome

    public init(callID: [UInt8], caller: [UInt8], queue: [UInt8], agent: [UInt8], arrivedAt: Int64,
                waitSeconds: Int64, talkSeconds: Int64, outcome: CallOutcome) {
        self.callID = callID
        self.caller = caller
        self.queue = queue
        self.agent = agent
        self.arrivedAt = arrivedAt
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.outcome = outcome
    }
}
