/// One call attempt as the switch logs it.
struct Attempt {
    var outcome: CallOutcome
    var wait: Int
    var talk: Int
    /// Level of the answering agent, 0 unless answered.
    var level: Int
    /// The answering agent's number within its queue and level.
    var agent: Int
}

/// Decides what happens to one attempt, from the queue's pressure at that
/// moment and the caller's patience (a race between the time to answer and
/// the time the caller is willing to wait, as in an Erlang-A queue).
///
/// - Outside opening hours: `closed`, wait 0.
/// - Over capacity: a growing share is rejected at entry (`busy`).
/// - Otherwise the time to answer is 0–2 s when agents are idle, else a
///   Weibull draw with a long tail whose scale grows with the pressure; the
///   caller's patience is a few seconds for some (short abandons), else
///   exponential. The shorter wins; the switch cuts waits at the queue's
///   maximum (`timeout`).
enum AttemptModel {
    static func simulate(
        queueIndex: Int, at instant: Int, patienceFactor: Double, random: inout RandomSource
    ) -> Attempt {
        let queue = QueueProfile.all[queueIndex]
        guard queue.hours.isOpen(at: instant) else {
            return Attempt(outcome: .closed, wait: 0, talk: 0, level: 0, agent: 0)
        }
        let pressure = queue.pressure(at: instant)
        if random.chance(min(0.3, max(0, pressure - 1.0) * 0.6)) {
            return Attempt(outcome: .busy, wait: 0, talk: 0, level: 0, agent: 0)
        }
        let timeToAnswer: Double
        if random.chance(min(0.85, max(0.03, 0.9 - 0.8 * pressure))) {
            timeToAnswer = Double(random.below(3))
        } else {
            timeToAnswer = random.weibull(scale: queue.waitScale * pressure * pressure, shape: 0.8)
        }
        let patience = random.chance(0.06)
            ? random.unit() * 6
            : random.exponential() * queue.patience * patienceFactor
        let maximumWait = Double(queue.maximumWait)
        if timeToAnswer <= patience && timeToAnswer < maximumWait {
            let level = random.chance(queue.secondLevelOnPhone) ? 2 : 1
            let talk = min(7200, max(5, Int(random.logNormal(median: queue.talkMedian, sigma: 0.8))))
            return Attempt(
                outcome: .answered, wait: Int(timeToAnswer), talk: talk, level: level,
                agent: AgentDirectory.pick(queue: queueIndex, level: level, random: &random))
        }
        if patience < maximumWait {
            return Attempt(outcome: .abandoned, wait: Int(patience), talk: 0, level: 0, agent: 0)
        }
        return Attempt(outcome: .timeout, wait: queue.maximumWait, talk: 0, level: 0, agent: 0)
    }
}
