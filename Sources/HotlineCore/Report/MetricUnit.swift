/// What kind of quantity a metric is, so that every human-facing output
/// formats it the same way (a rate as a percentage, seconds as a duration)
/// without each writer keeping its own list of metric names.
public enum MetricUnit: Sendable {
    /// A number of rows, customers or cases.
    case count
    /// A rate in 0...1 (shown to people as a percentage).
    case fraction
    /// A duration in seconds (a mean or a percentile of waits, talks or escalations).
    case seconds
    /// A quotient that is not a rate, e.g. calls per useful contact; it can exceed 1.
    case ratio
}

extension Metric {
    /// The metric's unit. The switch is exhaustive on purpose: a new metric
    /// does not compile until someone decides how it is shown.
    public var unit: MetricUnit {
        switch self {
        case .attempts, .offered, .answered, .abandoned, .shortAbandoned, .timeout, .busy, .closed,
             .anonymousAttempts, .customers, .customersReached, .repeatCallers,
             .attemptsPerCustomerP90, .attemptsPerCustomerMax,
             .contacts, .usefulContacts, .usefulVoiceContacts, .escalatedContacts,
             .cases, .casesEscalated, .casesReachingLevel3:
            .count
        case .reachability, .reachabilityOpenHours, .serviceLevel, .abandonmentRate,
             .customerReachRate, .repeatCallerRate, .escalationRate, .caseEscalationRate, .fcr:
            .fraction
        case .asaSeconds, .waitP50Seconds, .waitP90Seconds, .waitP99Seconds,
             .meanTimeToAbandonSeconds, .meanTalkSeconds,
             .timeToEscalationP50Seconds, .timeToEscalationP90Seconds:
            .seconds
        case .callsPerUsefulContact, .contactsPerCase:
            .ratio
        }
    }
}
