/// How a CDR leg ended, as Asterisk writes it in `disposition`.
public enum CDRDisposition: UInt8, Sendable {
    case answered, noAnswer, busy, failed, congestion

    /// `ANSWERED`, `NO ANSWER`, `BUSY`, `FAILED` or `CONGESTION`, in any letter case.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 4 where CallerID.equalsIgnoringCase(bytes, "busy"): self = .busy
        case 6 where CallerID.equalsIgnoringCase(bytes, "failed"): self = .failed
        case 8 where CallerID.equalsIgnoringCase(bytes, "answered"): self = .answered
        case 9 where CallerID.equalsIgnoringCase(bytes, "no answer"): self = .noAnswer
        case 10 where CallerID.equalsIgnoringCase(bytes, "congestion"): self = .congestion
        default: return nil
        }
    }

    /// The caller could not get through: no line, no route (docs/asterisk.md, CDR outcome).
    public var meansNoLine: Bool { self == .busy || self == .failed || self == .congestion }
}

/// Which way a call went, when the switch wrote it down (Grandstream's `Log Userfield`).
public enum CallDirection: UInt8, Sendable {
    case inbound, outbound, `internal`

    /// `Inbound`, `Outbound` or `Internal` in any letter case; nil for any
    /// other userfield, which then says nothing about the direction.
    public init?(userfield bytes: UnsafeRawBufferPointer) {
        switch bytes.count {
        case 7 where CallerID.equalsIgnoringCase(bytes, "inbound"): self = .inbound
        case 8 where CallerID.equalsIgnoringCase(bytes, "outbound"): self = .outbound
        case 8 where CallerID.equalsIgnoringCase(bytes, "internal"): self = .internal
        default: return nil
        }
    }
}

/// Where a leg stands among the legs of its call: by start, then input order
/// (file, then line), so that the first and the last leg do not depend on
/// how the input was split.
public struct LegOrder: Comparable, Sendable {
    public var start: Int64
    public var fileIndex: Int
    public var line: Int64

    public init(start: Int64, fileIndex: Int, line: Int64) {
        self.start = start
        self.fileIndex = fileIndex
        self.line = line
    }

    public static func < (lhs: LegOrder, rhs: LegOrder) -> Bool {
        (lhs.start, lhs.fileIndex, lhs.line) < (rhs.start, rhs.fileIndex, rhs.line)
    }
}

/// One CDR row: a leg of a call, with what the call-level rules need
/// (docs/asterisk.md, "CDR: calls that never entered a queue"). Owned bytes,
/// because a call's legs are kept until the whole input has been read.
public struct CDRLeg: Sendable {
    /// What groups legs into a call: `Session`, else `linkedid`, else
    /// `uniqueid`; a name of the row itself when the CDR has none of them.
    public var callKey: [UInt8]
    /// Hashes (``ByteHash``) of the leg's `uniqueid` and `linkedid`, to find the
    /// call in a queue_log of the same run.
    public var switchIDs: [UInt64]
    public var caller: [UInt8]
    /// The number dialled, which names the queue of an attempt.
    public var dialled: [UInt8]
    /// The dialplan context the leg started in.
    public var context: [UInt8]
    /// The channel that was rung: the agent of an answered call.
    public var destinationChannel: [UInt8]
    public var order: LegOrder
    public var billableSeconds: Int64
    public var disposition: CDRDisposition
    /// The leg's `uniqueid` is the call's key: the caller's own channel, which
    /// names the call even when a forked leg was written first.
    public var isOriginating: Bool
    /// The leg rang a person (`lastapp` is `Dial`).
    public var rangAPerson: Bool
    /// The leg ran `Queue`, or Grandstream marks it `QUEUE[…]`.
    public var enteredQueue: Bool
    public var direction: CallDirection?

    public init(callKey: [UInt8], switchIDs: [UInt64], caller: [UInt8], dialled: [UInt8], context: [UInt8],
                destinationChannel: [UInt8], order: LegOrder, billableSeconds: Int64, disposition: CDRDisposition,
                isOriginating: Bool, rangAPerson: Bool, enteredQueue: Bool, direction: CallDirection?) {
        self.callKey = callKey
        self.switchIDs = switchIDs
        self.caller = caller
        self.dialled = dialled
        self.context = context
        self.destinationChannel = destinationChannel
        self.order = order
        self.billableSeconds = billableSeconds
        self.disposition = disposition
        self.isOriginating = isOriginating
        self.rangAPerson = rangAPerson
        self.enteredQueue = enteredQueue
        self.direction = direction
    }

    /// Answered by a person: a `Dial` leg answered with billable seconds.
    var answeredByPerson: Bool { rangAPerson && disposition == .answered && billableSeconds > 0 }
}
