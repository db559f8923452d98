/// Every metric of SPEC §3, in the order the report lists them.
///
/// One enumeration drives every output (JSON, CSV, table) and every later
/// consumer (SLA commitments name metrics by their JSON key), so a metric is
/// defined once and can never be missing from one format but not another.
public enum Metric: String, CaseIterable, Sendable {
    case attempts
    case offered
    case answered
    case abandoned
    case shortAbandoned = "short_abandoned"
    case timeout
    case busy
    case closed
    case reachability
    case reachabilityOpenHours = "reachability_open_hours"
    case serviceLevel = "service_level"
    case abandonmentRate = "abandonment_rate"
    case asaSeconds = "asa_s"
    case waitP50Seconds = "wait_p50_s"
    case waitP90Seconds = "wait_p90_s"
    case waitP99Seconds = "wait_p99_s"
    case meanTimeToAbandonSeconds = "mean_time_to_abandon_s"
    case meanTalkSeconds = "mean_talk_s"
    case anonymousAttempts = "anonymous_attempts"
    case customers
    case customersReached = "customers_reached"
    case customerReachRate = "customer_reach_rate"
    case repeatCallers = "repeat_callers"
    case repeatCallerRate = "repeat_caller_rate"
    case attemptsPerCustomerP90 = "attempts_per_customer_p90"
    case attemptsPerCustomerMax = "attempts_per_customer_max"
    case contacts
    case usefulContacts = "useful_contacts"
    case usefulVoiceContacts = "useful_voice_contacts"
    case callsPerUsefulContact = "calls_per_useful_contact"
    case escalatedContacts = "escalated_contacts"
    case escalationRate = "escalation_rate"
    case cases
    case casesEscalated = "cases_escalated"
    case caseEscalationRate = "case_escalation_rate"
    case casesReachingLevel3 = "cases_reaching_level_3"
    case fcr
    case timeToEscalationP50Seconds = "time_to_escalation_p50_s"
    case timeToEscalationP90Seconds = "time_to_escalation_p90_s"
    case contactsPerCase = "contacts_per_case"

    /// The key used in JSON and CSV output.
    public var key: String { rawValue }

    /// Position of the metric in `allCases`, used to store a scope's values densely.
    public var index: Int { Metric.indexByMetric[self]! }

    private static let indexByMetric: [Metric: Int] = Dictionary(
        uniqueKeysWithValues: Metric.allCases.enumerated().map { ($1, $0) })
}

/// A metric's value: an exact integer (counts, whole-second percentiles and
/// maxima), a real number (ratios and means), or `null` when the SPEC says the
/// value does not exist (zero denominator, empty set).
public enum MetricValue: Equatable, Sendable {
    case integer(Int64)
    case real(Double)
    case null

    /// `numerator / denominator`, or `null` when the denominator is zero.
    public static func ratio(_ numerator: Int64, _ denominator: Int64) -> MetricValue {
        denominator == 0 ? .null : .real(Double(numerator) / Double(denominator))
    }
}

/// The values of every `Metric` for one scope (overall, one queue or one day).
public struct ScopeMetrics: Equatable, Sendable {
    private var values: [MetricValue]

    /// A scope where every value is `null`; callers fill in what they measured.
    public init() {
        values = Array(repeating: .null, count: Metric.allCases.count)
    }

    public subscript(metric: Metric) -> MetricValue {
        get { values[metric.index] }
        set { values[metric.index] = newValue }
    }
}

/// One named scope of a breakdown: a queue name or a day (`YYYY-MM-DD`).
public struct NamedScope: Equatable, Sendable {
    public var name: String
    public var metrics: ScopeMetrics

    public init(name: String, metrics: ScopeMetrics) {
        self.name = name
        self.metrics = metrics
    }
}
