/// What a commitment may promise about each metric: the values its target may
/// take, and whether the metric still means something restricted to one
/// support level.
extension Metric {
    /// Shares of a whole: a target outside 0…1 can never be met or missed.
    public var isRate: Bool {
        switch self {
        case .reachability, .reachabilityOpenHours, .serviceLevel, .abandonmentRate, .customerReachRate,
             .repeatCallerRate, .escalationRate, .caseEscalationRate, .fcr:
            true
        default:
            false
        }
    }

    /// Whether the metric can be measured on the calls and contacts handled at
    /// one support level (docs/sla.md). A call's level is that of the agent
    /// who answered it, so only answered calls have one: metrics of answered
    /// calls, of contacts (each has its level) and of cases (by the level of
    /// their first contact) can be restricted; metrics whose denominator
    /// counts calls nobody answered (service level, abandonment,
    /// reachability), customer metrics and calls per useful contact cannot,
    /// and a catalogue that asks for them is refused.
    public var isMeasurableByLevel: Bool {
        switch self {
        case .answered, .asaSeconds, .waitP50Seconds, .waitP90Seconds, .waitP99Seconds, .meanTalkSeconds,
             .contacts, .usefulContacts, .usefulVoiceContacts, .escalatedContacts, .escalationRate,
             .cases, .casesEscalated, .caseEscalationRate, .casesReachingLevel3, .fcr,
             .timeToEscalationP50Seconds, .timeToEscalationP90Seconds, .contactsPerCase:
            true
        default:
            false
        }
    }

    /// Why `target` is impossible for this metric, or `nil` when it is a
    /// value the metric can take: rates lie in 0…1, every other metric
    /// (counts, seconds, ratios of counts) is ≥ 0.
    public func problem(withTarget target: Double) -> String? {
        guard target.isFinite else { return "target must be a finite number" }
        if isRate && !(0...1).contains(target) {
            return "\(key) is a rate: its target must be between 0 and 1, not \(target)"
        }
        if target < 0 { return "\(key) cannot be negative: target \(target) is impossible" }
        return nil
    }
}
