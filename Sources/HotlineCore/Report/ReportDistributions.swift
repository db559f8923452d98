/// The shapes behind the HTML report's charts, which the SPEC's means and
/// percentiles cannot draw: the whole wait distribution (where the service
/// level threshold cuts it), the effort each customer spent (the long tail of
/// customers who redial again and again), and how cases climb the levels.
/// Computed only for a detailed report (`hotline nightly`), over its whole
/// input, and exact like every metric.
public struct ReportDistributions: Equatable, Sendable {
    /// Answered calls per whole-second wait, ascending by wait.
    public var answeredWaits: [ValueCount]
    /// Identified customers by the attempts they made and the useful phone or
    /// callback contacts they had (calls per useful contact, customer by
    /// customer), ascending by attempts then contacts.
    public var customerEfforts: [CustomerEffort]
    /// Cases by the level of their first contact and the highest level they
    /// reached, ascending by both.
    public var escalationPaths: [EscalationPath]

    public init(answeredWaits: [ValueCount] = [], customerEfforts: [CustomerEffort] = [],
                escalationPaths: [EscalationPath] = []) {
        self.answeredWaits = answeredWaits
        self.customerEfforts = customerEfforts
        self.escalationPaths = escalationPaths
    }
}

/// How many times one value occurs.
public struct ValueCount: Equatable, Sendable {
    public var value: Int64
    public var count: Int64

    public init(value: Int64, count: Int64) {
        self.value = value
        self.count = count
    }
}

/// How many customers made `attempts` calls and had `usefulVoiceContacts`
/// useful phone or callback contacts. A customer with contacts but no call
/// has 0 attempts; one who called but was never helped has 0 contacts.
public struct CustomerEffort: Equatable, Sendable {
    public var attempts: Int64
    public var usefulVoiceContacts: Int64
    public var customers: Int64

    public init(attempts: Int64, usefulVoiceContacts: Int64, customers: Int64) {
        self.attempts = attempts
        self.usefulVoiceContacts = usefulVoiceContacts
        self.customers = customers
    }
}

/// How many cases started at level `from` and reached at most level `to`
/// (`to == from`: never escalated).
public struct EscalationPath: Equatable, Sendable {
    public var from: UInt8
    public var to: UInt8
    public var cases: Int64

    public init(from: UInt8, to: UInt8, cases: Int64) {
        self.from = from
        self.to = to
        self.cases = cases
    }
}
