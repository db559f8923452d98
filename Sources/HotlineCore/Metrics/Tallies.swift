/// The answer-time and short-abandon thresholds that decide, row by row,
/// which calls count as answered in time and which abandons are "short".
public struct CallThresholds: Equatable, Sendable {
    /// Answered with `wait_s` ≤ this counts towards the service level.
    public var serviceLevelSeconds: Int64
    /// Abandoned with `wait_s` < this is a short abandon.
    public var shortAbandonSeconds: Int64

    public init(serviceLevelSeconds: Int64 = 20, shortAbandonSeconds: Int64 = 5) {
        self.serviceLevelSeconds = serviceLevelSeconds
        self.shortAbandonSeconds = shortAbandonSeconds
    }
}

/// Call counts, sums and the answered-wait distribution of one slice of calls.
/// Every field adds, so slices merge in any order.
public struct CallTally: Equatable, Sendable {
    /// Rows, then rows by outcome.
    public var attempts: Int64 = 0
    public var answered: Int64 = 0
    public var abandoned: Int64 = 0
    public var shortAbandoned: Int64 = 0
    public var timeout: Int64 = 0
    public var busy: Int64 = 0
    public var closed: Int64 = 0
    /// Answered with `wait_s` ≤ the service-level threshold.
    public var answeredWithin: Int64 = 0
    /// Rows with an empty `customer_id`.
    public var anonymous: Int64 = 0
    /// 128-bit sums: a field may hold any non-negative Int64, and the mean must stay exact.
    public var answeredWaitSum: Int128 = 0
    public var answeredTalkSum: Int128 = 0
    public var abandonedWaitSum: Int128 = 0
    /// Every answered call's wait, for exact percentiles.
    public var answeredWaits = ValueHistogram()

    public init() {}

    /// Counts one accepted call.
    @inlinable
    public mutating func add(_ call: CallRecord, thresholds: CallThresholds) {
        attempts += 1
        if call.customer.isEmpty { anonymous += 1 }
        switch call.outcome {
        case .answered:
            answered += 1
            answeredWaitSum += Int128(call.waitSeconds)
            answeredTalkSum += Int128(call.talkSeconds)
            if call.waitSeconds <= thresholds.serviceLevelSeconds { answeredWithin += 1 }
            answeredWaits.add(call.waitSeconds)
        case .abandoned:
            abandoned += 1
            abandonedWaitSum += Int128(call.waitSeconds)
            if call.waitSeconds < thresholds.shortAbandonSeconds { shortAbandoned += 1 }
        case .timeout: timeout += 1
        case .busy: busy += 1
        case .closed: closed += 1
        }
    }

    public mutating func merge(_ other: CallTally) {
        attempts += other.attempts
        answered += other.answered
        abandoned += other.abandoned
        shortAbandoned += other.shortAbandoned
        timeout += other.timeout
        busy += other.busy
        closed += other.closed
        answeredWithin += other.answeredWithin
        anonymous += other.anonymous
        answeredWaitSum += other.answeredWaitSum
        answeredTalkSum += other.answeredTalkSum
        abandonedWaitSum += other.abandonedWaitSum
        answeredWaits.merge(other.answeredWaits)
    }
}

/// Contact-row counts of one slice of contacts (not the per-case metrics).
public struct ContactTally: Equatable, Sendable {
    /// Rows; rows with a useful result; useful phone or callback rows; rows with result `escalated`.
    public var contacts: Int64 = 0
    public var useful: Int64 = 0
    public var usefulVoice: Int64 = 0
    public var escalated: Int64 = 0

    public init() {}

    @inlinable
    public mutating func add(channel: ContactChannel, result: ContactResult) {
        contacts += 1
        if result.isUseful {
            useful += 1
            if channel.isVoice { usefulVoice += 1 }
        }
        if result == .escalated { escalated += 1 }
    }

    public mutating func merge(_ other: ContactTally) {
        contacts += other.contacts
        useful += other.useful
        usefulVoice += other.usefulVoice
        escalated += other.escalated
    }
}

/// Customer metrics of one scope, built once per customer after all rows are in.
public struct CustomerTally: Equatable, Sendable {
    /// Distinct customers; those with an answered attempt; those with two or more attempts.
    public var customers: Int64 = 0
    public var reached: Int64 = 0
    public var repeatCallers: Int64 = 0
    /// Each customer's attempts in the scope, for the p90 and the maximum.
    public var attemptsPerCustomer = ValueHistogram()

    public init() {}

    public mutating func add(attempts: Int64, reached wasReached: Bool) {
        customers += 1
        if wasReached { reached += 1 }
        if attempts >= 2 { repeatCallers += 1 }
        attemptsPerCustomer.add(attempts)
    }
}

/// Case metrics of one scope, built once per case (in the scope of its first
/// contact) after all rows are in.
public struct CaseTally: Equatable, Sendable {
    /// Cases whose first contact is in the scope; those that went above their
    /// first contact's level; those with a contact at level 3; those resolved
    /// at a first contact that stayed their only one.
    public var cases: Int64 = 0
    public var escalated: Int64 = 0
    public var reachingLevel3: Int64 = 0
    public var resolvedAtFirstContact: Int64 = 0
    /// All contacts of those cases, wherever they were.
    public var contactsOfCases: Int64 = 0
    /// Seconds from each escalated case's first contact to its first contact above that level.
    public var escalationDelays = ValueHistogram()

    public init() {}
}
