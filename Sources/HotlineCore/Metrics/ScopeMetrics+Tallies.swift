extension ScopeMetrics {
    /// Every metric of SPEC §3 for one scope, from the four tallies of that scope.
    public init(calls: CallTally, customers: CustomerTally, contacts: ContactTally, cases: CaseTally) {
        self.init()
        let offered = calls.answered + calls.abandoned + calls.timeout
        let counted = offered - calls.shortAbandoned

        self[.attempts] = .integer(calls.attempts)
        self[.offered] = .integer(offered)
        self[.answered] = .integer(calls.answered)
        self[.abandoned] = .integer(calls.abandoned)
        self[.shortAbandoned] = .integer(calls.shortAbandoned)
        self[.timeout] = .integer(calls.timeout)
        self[.busy] = .integer(calls.busy)
        self[.closed] = .integer(calls.closed)
        self[.reachability] = .ratio(calls.answered, calls.attempts)
        self[.reachabilityOpenHours] = .ratio(calls.answered, calls.attempts - calls.closed)
        self[.serviceLevel] = .ratio(calls.answeredWithin, counted)
        self[.abandonmentRate] = .ratio(calls.abandoned - calls.shortAbandoned, counted)
        self[.asaSeconds] = Self.mean(calls.answeredWaitSum, calls.answered)
        let waits = calls.answeredWaits.percentiles([50, 90, 99])
        self[.waitP50Seconds] = Self.integer(waits[0])
        self[.waitP90Seconds] = Self.integer(waits[1])
        self[.waitP99Seconds] = Self.integer(waits[2])
        self[.meanTimeToAbandonSeconds] = Self.mean(calls.abandonedWaitSum, calls.abandoned)
        self[.meanTalkSeconds] = Self.mean(calls.answeredTalkSum, calls.answered)
        self[.anonymousAttempts] = .integer(calls.anonymous)

        self[.customers] = .integer(customers.customers)
        self[.customersReached] = .integer(customers.reached)
        self[.customerReachRate] = .ratio(customers.reached, customers.customers)
        self[.repeatCallers] = .integer(customers.repeatCallers)
        self[.repeatCallerRate] = .ratio(customers.repeatCallers, customers.customers)
        self[.attemptsPerCustomerP90] = Self.integer(customers.attemptsPerCustomer.percentile(90))
        self[.attemptsPerCustomerMax] = Self.integer(customers.attemptsPerCustomer.maximum)

        self[.contacts] = .integer(contacts.contacts)
        self[.usefulContacts] = .integer(contacts.useful)
        self[.usefulVoiceContacts] = .integer(contacts.usefulVoice)
        self[.callsPerUsefulContact] = .ratio(calls.attempts, contacts.usefulVoice)
        self[.escalatedContacts] = .integer(contacts.escalated)
        self[.escalationRate] = .ratio(contacts.escalated, contacts.contacts)

        self[.cases] = .integer(cases.cases)
        self[.casesEscalated] = .integer(cases.escalated)
        self[.caseEscalationRate] = .ratio(cases.escalated, cases.cases)
        self[.casesReachingLevel3] = .integer(cases.reachingLevel3)
        self[.fcr] = .ratio(cases.resolvedAtFirstContact, cases.cases)
        let delays = cases.escalationDelays.percentiles([50, 90])
        self[.timeToEscalationP50Seconds] = Self.integer(delays[0])
        self[.timeToEscalationP90Seconds] = Self.integer(delays[1])
        self[.contactsPerCase] = .ratio(cases.contactsOfCases, cases.cases)
    }

    private static func integer(_ value: Int64?) -> MetricValue {
        value.map(MetricValue.integer) ?? .null
    }

    private static func mean(_ sum: Int128, _ count: Int64) -> MetricValue {
        count == 0 ? .null : .real(Double(sum) / Double(count))
    }
}
