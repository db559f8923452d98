/// The groups in which the table output lists the overall metrics, following
/// the questions of SPEC §1: could customers get through, how long did they
/// wait, how were customers served, and what did contacts and cases achieve.
enum TableSection: CaseIterable {
    case reachabilityAndOutcomes
    case waiting
    case customers
    case contacts
    case cases

    var title: String {
        switch self {
        case .reachabilityAndOutcomes: "Reachability & outcomes"
        case .waiting: "Waiting"
        case .customers: "Customers"
        case .contacts: "Contacts"
        case .cases: "Cases"
        }
    }

    /// The section's metrics, in `Metric.allCases` order.
    var metrics: [Metric] {
        Metric.allCases.filter { $0.tableSection == self }
    }
}

extension Metric {
    /// Where the table lists the metric; exhaustive, so no metric can be left out.
    var tableSection: TableSection {
        switch self {
        case .attempts, .offered, .answered, .abandoned, .shortAbandoned, .timeout, .busy, .closed,
             .reachability, .reachabilityOpenHours, .serviceLevel, .abandonmentRate:
            .reachabilityAndOutcomes
        case .asaSeconds, .waitP50Seconds, .waitP90Seconds, .waitP99Seconds,
             .meanTimeToAbandonSeconds, .meanTalkSeconds:
            .waiting
        case .anonymousAttempts, .customers, .customersReached, .customerReachRate,
             .repeatCallers, .repeatCallerRate, .attemptsPerCustomerP90, .attemptsPerCustomerMax:
            .customers
        case .contacts, .usefulContacts, .usefulVoiceContacts, .callsPerUsefulContact,
             .escalatedContacts, .escalationRate:
            .contacts
        case .cases, .casesEscalated, .caseEscalationRate, .casesReachingLevel3, .fcr,
             .timeToEscalationP50Seconds, .timeToEscalationP90Seconds, .contactsPerCase:
            .cases
        }
    }
}
