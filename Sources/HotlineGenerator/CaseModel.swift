/// What a contact achieves and what happens to its case afterwards.
///
/// A case moves up the levels (1 → 2 → 3) by `escalated` contacts, each
/// followed by a contact at the next level (a callback or an e-mail, hours
/// to a day later, in opening hours); cases that are not resolved continue on the phone,
/// by chat or by e-mail, sometimes in another queue after a transfer. The
/// shares are tuned so that FCR, case escalation and time to escalation are
/// all neither 0 nor 1.
enum CaseModel {
    /// The result of a contact at `contactLevel` on a case whose highest level
    /// so far is `caseLevel`.
    static func result(
        queueIndex: Int, contactLevel: Int, caseLevel: Int, isFirst: Bool, random: inout RandomSource
    ) -> ContactResult {
        if contactLevel < caseLevel {
            // A status call that lands below the level the case is at.
            return pick(resolved: 0.12, progressed: 0.30, escalated: 0, transferred: 0.18, noProgress: 0.40,
                        random: &random)
        }
        let queue = QueueProfile.all[queueIndex]
        // Higher levels resolve a little more often but mostly work a case
        // over several contacts; first contacts are the ones misrouted.
        let resolve = queue.resolve + 0.05 * Double(contactLevel - 1)
        let progress = queue.progress * (contactLevel == 1 ? 1 : 1.8)
        let escalate = contactLevel >= 3 ? 0 : queue.escalate * (contactLevel == 2 ? 0.6 : 1)
        let transfer = queue.transfer * (isFirst ? 1.5 : 0.5)
        let rest = max(0.04, 1 - resolve - escalate - transfer - progress)
        return pick(resolved: resolve, progressed: progress, escalated: escalate,
                    transferred: transfer, noProgress: rest, random: &random)
    }

    /// The next thing that happens on an unresolved case.
    enum NextStep {
        /// The case goes quiet (the customer gives up or the export ends).
        case end
        /// The customer phones again after `delay` seconds.
        case customerCalls(delay: Int)
        /// An agent contact (callback, e-mail, chat) after `delay` seconds,
        /// moving the case to another queue first when `changesQueue`.
        case contact(ContactChannel, delay: Int, changesQueue: Bool)
    }

    static func nextStep(after result: ContactResult, caseLevel: Int, anonymous: Bool, random: inout RandomSource)
        -> NextStep
    {
        if result == .resolved || random.chance(0.03) { return .end }
        if anonymous {
            // Nobody can call back or write to an unknown caller.
            return random.chance(0.7) ? .customerCalls(delay: hours(3, sigma: 1.0, &random)) : .end
        }
        let draw = random.unit()
        switch result {
        case .escalated:
            let delay = caseLevel >= 3 ? hours(24, sigma: 0.8, &random) : hours(5, sigma: 1.0, &random)
            let changesQueue = random.chance(0.05)
            return .contact(draw < 0.6 ? .callback : .email, delay: delay, changesQueue: changesQueue)
        case .transferred:
            if draw < 0.55 { return .customerCalls(delay: hours(0.15, sigma: 1.0, &random)) }
            return .contact(.callback, delay: hours(1.5, sigma: 0.8, &random), changesQueue: true)
        case .progressed:
            if draw < 0.25 { return .contact(.email, delay: hours(4, sigma: 1.0, &random), changesQueue: false) }
            if draw < 0.80 { return .customerCalls(delay: hours(20, sigma: 1.0, &random)) }
            if draw < 0.90 { return .contact(.callback, delay: hours(3, sigma: 0.8, &random), changesQueue: false) }
            return .contact(.chat, delay: hours(6, sigma: 1.0, &random), changesQueue: false)
        case .noProgress, .resolved:
            if draw < 0.75 { return .customerCalls(delay: hours(2, sigma: 1.2, &random)) }
            if draw < 0.90 { return .contact(.chat, delay: hours(1, sigma: 1.0, &random), changesQueue: false) }
            return .contact(.email, delay: hours(5, sigma: 1.0, &random), changesQueue: false)
        }
    }

    /// Chance that, while an agent contact is pending after a contact with
    /// `result`, the customer phones (once more) to ask where things stand:
    /// such status calls rarely help, and are a large part of the calls a
    /// slow escalation costs.
    static func statusCallChance(after result: ContactResult) -> Double {
        switch result {
        case .escalated: 0.6
        case .progressed, .transferred: 0.25
        case .resolved, .noProgress: 0
        }
    }

    /// A log-normal delay with the given median in hours, in whole seconds.
    private static func hours(_ median: Double, sigma: Double, _ random: inout RandomSource) -> Int {
        Int(random.logNormal(median: median * 3600, sigma: sigma))
    }

    private static func pick(
        resolved: Double, progressed: Double, escalated: Double, transferred: Double, noProgress: Double,
        random: inout RandomSource
    ) -> ContactResult {
        var target = random.unit() * (resolved + progressed + escalated + transferred + noProgress)
        target -= resolved
        if target < 0 { return .resolved }
        target -= progressed
        if target < 0 { return .progressed }
        target -= escalated
        if target < 0 { return .escalated }
        target -= transferred
        if target < 0 { return .transferred }
        return .noProgress
    }
}
