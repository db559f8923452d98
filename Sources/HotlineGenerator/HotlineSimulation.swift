import HotlineInput

/// Lives through the window one call arrival at a time and writes both logs
/// as it goes.
///
/// Each arrival is either a redial that has come due or the first attempt of
/// a new customer problem. The attempt's outcome comes from `AttemptModel`;
/// an answered attempt becomes a phone contact on the problem's case, and
/// `CaseModel` then decides the case's later contacts (callbacks, e-mails,
/// chats, further calls). Unanswered callers redial or give up according to
/// their `CallerPersona`. Contacts are held in a heap until the arrivals
/// pass their start time, so both files come out in time order while memory
/// stays bounded by what is in flight.
struct HotlineSimulation {
    /// Share of new problems raised by an anonymous caller.
    static let anonymousShare = 0.03
    /// Share of new problems raised by a customer seen before; the rest
    /// bring a new customer.
    static let returningShare = 0.30
    /// Chance that a new phone problem comes with a separate problem raised
    /// by e-mail or chat, so some cases start off the phone.
    static let writtenProblemShare = 0.08
    /// Chance that a redial goes to another queue than the last attempt.
    static let queueHopShare = 0.03
    /// A problem is dropped after this many attempts.
    static let maximumAttempts = 80
    /// At most this many status calls while a case waits for an agent.
    static let maximumStatusCalls = 4
    /// A case gets no further contact after this many.
    static let maximumContacts = 15

    private var random: RandomSource
    private var arrivals: ArrivalSchedule
    private let windowEnd: Int
    private var problems = ProblemStore()
    private var redials = MinHeap<ScheduledRedial>()
    private var pendingContacts = MinHeap<PendingContact>()
    private var nextCustomer = 0
    private var accounts = AccountSizes()
    private var casesOpened = 0
    private var sequence = 0
    private(set) var callLog: any CallAttemptLog
    private(set) var contactLog: ContactLogWriter

    /// `callLog` and the contact log written to `contactFile` must share `customers`, so their ids join.
    init(_ configuration: GeneratorConfiguration, callLog: any CallAttemptLog, contactFile: OutputFile,
         customers: CustomerIdentity) throws {
        let firstDay = configuration.firstDayNumber
        random = RandomSource(seed: configuration.seed, stream: 1)
        arrivals = ArrivalSchedule(
            firstDay: firstDay, days: configuration.days, count: configuration.calls,
            random: RandomSource(seed: configuration.seed, stream: 2))
        windowEnd = (firstDay + configuration.days) * 86_400
        self.callLog = callLog
        contactLog = try ContactLogWriter(file: contactFile, customers: customers)
    }

    /// Generates every call, then the contacts still pending, and flushes.
    mutating func run() throws {
        var callNumber = 0
        while let instant = arrivals.next() {
            try writeContacts(through: instant)
            callNumber += 1
            let slot: Int
            if let due = redials.minimum, due.time <= instant {
                _ = redials.popMinimum()
                slot = due.problem
            } else {
                slot = startProblem(at: instant)
            }
            try attempt(by: slot, call: callNumber, at: instant)
        }
        try writeContacts(through: .max)
        try callLog.finish()
        try contactLog.sink.flush()
    }

    // MARK: Calls

    private mutating func attempt(by slot: Int, call: Int, at instant: Int) throws {
        problems[slot].attempts += 1
        let problem = problems[slot]
        let persona = CallerPersona.all[problem.persona]
        let attempt = AttemptModel.simulate(
            queueIndex: problem.queue, at: instant, patienceFactor: persona.patienceFactor, random: &random)
        try callLog.write(
            call: call, customer: problem.customer, queue: problem.queue, arrivedAt: instant, attempt: attempt)
        if attempt.outcome == .answered {
            let start = instant + attempt.wait + 1 + random.below(4)
            let result = addContact(
                to: slot, at: start, channel: .phone, level: attempt.level, agent: attempt.agent,
                call: call, callArrival: instant)
            if problem.isStatusCall {
                problems.release(slot)
            } else {
                followUp(slot, after: result, at: start + attempt.talk)
            }
            return
        }
        if random.chance(persona.giveUpChance) || problem.attempts >= Self.maximumAttempts {
            problems.release(slot)
            return
        }
        if random.chance(Self.queueHopShare) { problems[slot].queue = otherQueue(than: problem.queue) }
        scheduleRedial(slot, at: instant + redialDelay(after: attempt.outcome, queue: problem.queue,
                                                        at: instant, persona: persona))
    }

    /// Seconds until an unanswered caller dials again: soon after a busy
    /// signal, later after waiting in vain, and after opening time when the
    /// line was closed (a few try again sooner and hit `closed` once more).
    private mutating func redialDelay(after outcome: CallOutcome, queue: Int, at instant: Int,
                                      persona: CallerPersona) -> Int {
        let human: Double
        var fixed = 0
        switch outcome {
        case .busy: human = random.logNormal(median: 90, sigma: 0.9)
        case .abandoned: human = random.logNormal(median: 240, sigma: 1.0)
        case .timeout: human = random.logNormal(median: 600, sigma: 0.9)
        case .closed, .answered:  // answered attempts are never redialled
            if random.chance(0.2) {
                human = random.logNormal(median: 1200, sigma: 1.0)
            } else {
                fixed = QueueProfile.all[queue].hours.nextOpening(atOrAfter: instant) - instant
                human = random.logNormal(median: 1800, sigma: 1.0)
            }
        }
        return fixed + max(20, Int(human * persona.redialFactor))
    }

    private mutating func scheduleRedial(_ slot: Int, at time: Int) {
        guard time < windowEnd else {
            problems.release(slot)
            return
        }
        sequence += 1
        redials.push(ScheduledRedial(time: time, sequence: sequence, problem: slot))
    }

    // MARK: Problems and cases

    private mutating func startProblem(at instant: Int) -> Int {
        if random.chance(Self.writtenProblemShare) { startWrittenProblem(near: instant) }
        return problems.add(newProblem())
    }

    private mutating func newProblem() -> CustomerProblem {
        CustomerProblem(
            customer: chooseCustomer(), queue: random.pick(QueueProfile.shares),
            persona: random.pick(CallerPersona.weights))
    }

    private mutating func chooseCustomer() -> Int {
        if random.chance(Self.anonymousShare) { return -1 }
        if nextCustomer > 0 && random.chance(Self.returningShare) { return accounts.pick(random: &random) }
        accounts.add(nextCustomer, random: &random)
        nextCustomer += 1
        return nextCustomer - 1
    }

    /// A problem raised by e-mail or chat within a few hours of `instant`,
    /// handled in the queue's opening hours.
    private mutating func startWrittenProblem(near instant: Int) {
        let slot = problems.add(newProblem())
        let channel: ContactChannel = random.chance(0.55) ? .email : .chat
        guard let start = agentTime(queue: problems[slot].queue, from: instant + random.below(4 * 3600)) else {
            problems.release(slot)
            return
        }
        let agent = AgentDirectory.pick(queue: problems[slot].queue, level: 1, random: &random)
        let result = addContact(
            to: slot, at: start, channel: channel, level: 1, agent: agent, call: 0, callArrival: 0)
        followUp(slot, after: result, at: start + handlingTime(of: channel))
    }

    /// While the case of `slot` waits for an agent from `waitStart` to
    /// `waitEnd`, its customer may phone to ask where things stand, possibly
    /// more than once: each such call is a small problem of its own that
    /// ends with its contact.
    private mutating func startStatusCalls(about slot: Int, after result: ContactResult, between waitStart: Int,
                                           and waitEnd: Int) {
        let chance = CaseModel.statusCallChance(after: result)
        var calls = 0
        while calls < Self.maximumStatusCalls && random.chance(chance) {
            calls += 1
            var call = problems[slot]
            call.isStatusCall = true
            call.attempts = 0
            let time = waitStart + Int(Double(waitEnd - waitStart) * (0.1 + 0.8 * random.unit()))
            scheduleRedial(problems.add(call), at: time)
        }
    }

    /// Records a contact on the problem's case (opening the case on its
    /// first contact) and returns its result.
    private mutating func addContact(to slot: Int, at time: Int, channel: ContactChannel, level: Int, agent: Int,
                                     call: Int, callArrival: Int) -> ContactResult {
        if problems[slot].caseNumber == 0 {
            casesOpened += 1
            problems[slot].caseNumber = casesOpened
        }
        let problem = problems[slot]
        let result = CaseModel.result(
            queueIndex: problem.queue, contactLevel: level, caseLevel: problem.caseLevel,
            isFirst: problem.contacts == 0, random: &random)
        problems[slot].caseLevel = result == .escalated ? min(3, level + 1) : max(problem.caseLevel, level)
        problems[slot].contacts += 1
        sequence += 1
        pendingContacts.push(PendingContact(
            time: time, sequence: sequence, caseNumber: problem.caseNumber, customer: problem.customer,
            call: call, callArrival: callArrival, queue: problem.queue, channel: channel, level: level,
            agent: agent, result: result))
        return result
    }

    /// Plays out what follows a contact that ended at `time`: agent contacts
    /// are decided on the spot, one after another, until the case is
    /// resolved or dropped or the customer is due to phone again.
    private mutating func followUp(_ slot: Int, after result: ContactResult, at time: Int) {
        var result = result
        var time = time
        steps: while true {
            let problem = problems[slot]
            guard problem.contacts < Self.maximumContacts else { break steps }
            switch CaseModel.nextStep(
                after: result, caseLevel: problem.caseLevel, anonymous: problem.isAnonymous, random: &random)
            {
            case .end:
                problems.release(slot)
                return
            case .customerCalls(let delay):
                scheduleRedial(slot, at: time + delay)
                return
            case .contact(let channel, let delay, let changesQueue):
                if changesQueue { problems[slot].queue = otherQueue(than: problem.queue) }
                let queue = problems[slot].queue
                guard let start = agentTime(queue: queue, from: time + delay) else { break steps }
                if start - time > 3600 { startStatusCalls(about: slot, after: result, between: time, and: start) }
                let level = channel == .chat ? 1 : max(1, problem.caseLevel)
                let agent = AgentDirectory.pick(queue: queue, level: level, random: &random)
                result = addContact(to: slot, at: start, channel: channel, level: level, agent: agent, call: 0,
                                    callArrival: 0)
                time = start + handlingTime(of: channel)
            }
        }
        problems.release(slot)
    }

    /// The moment an agent gets to work planned for `time`: then if the
    /// queue is open, else some time after it opens; nil after the window.
    private mutating func agentTime(queue: Int, from time: Int) -> Int? {
        let opening = QueueProfile.all[queue].hours.nextOpening(atOrAfter: time)
        let start = opening == time ? time : opening + random.below(5400)
        return start < windowEnd ? start : nil
    }

    private mutating func handlingTime(of channel: ContactChannel) -> Int {
        switch channel {
        case .phone, .email: 0
        case .callback: Int(random.logNormal(median: 300, sigma: 0.7))
        case .chat: Int(random.logNormal(median: 600, sigma: 0.6))
        }
    }

    private mutating func otherQueue(than queue: Int) -> Int {
        let pick = random.below(QueueProfile.all.count - 1)
        return pick >= queue ? pick + 1 : pick
    }

    // MARK: Contacts

    private mutating func writeContacts(through instant: Int) throws {
        while let next = pendingContacts.minimum, next.time <= instant {
            _ = pendingContacts.popMinimum()
            try contactLog.write(next)
        }
    }
}
