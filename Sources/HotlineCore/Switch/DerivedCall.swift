/// A call-log row derived from a switch log (queue_log or CDR) rather than
/// read from a canonical CSV: what `hotline convert` writes and what the
/// accumulators count.
///
/// Owned bytes, because a derived call may outlive the chunk its events came
/// from (a call that straddles chunks or files, a CDR call whose legs are far
/// apart); calls assembled inside one chunk use ``CallAttempt`` instead.
public struct DerivedCall: Sendable, Equatable {
    /// The switch's call id (queue_log uniqueid, CDR uniqueid or linkedid), with
    /// `/2`, `/3`… for later queue entries of the same uniqueid.
    public var callID: [UInt8]
    /// Empty for an anonymous caller.
    public var customer: [UInt8]
    public var queue: [UInt8]
    /// Seconds since 1970-01-01T00:00:00Z.
    public var arrivedAt: Int64
    public var waitSeconds: Int64
    public var talkSeconds: Int64
    public var outcome: CallOutcome
    /// Who answered; empty unless answered.
    public var agent: [UInt8]

    public init(callID: [UInt8], customer: [UInt8], queue: [UInt8], arrivedAt: Int64, waitSeconds: Int64,
                talkSeconds: Int64, outcome: CallOutcome, agent: [UInt8]) {
        self.callID = callID
        self.customer = customer
        self.queue = queue
        self.arrivedAt = arrivedAt
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.outcome = outcome
        self.agent = agent
    }
}
