/// One customer problem being lived through: the attempts to get through,
/// and, from its first contact on, the case that tracks it.
struct CustomerProblem {
    /// Dense customer number, or −1 for an anonymous caller.
    var customer: Int
    var queue: Int
    var persona: Int
    /// Case number once a first contact happened, else 0.
    var caseNumber = 0
    /// Highest level the case has reached (0 before its first contact).
    var caseLevel = 0
    var contacts = 0
    /// Attempts so far.
    var attempts = 0
    /// A call only to ask about a case that waits for an agent: it ends with
    /// its contact, the case going on without it.
    var isStatusCall = false

    var isAnonymous: Bool { customer < 0 }
}

/// The problems in flight, with slots of finished ones reused, so memory
/// follows the number of open problems, not the size of the dataset.
struct ProblemStore {
    private var problems: [CustomerProblem] = []
    private var freeSlots: [Int] = []

    mutating func add(_ problem: CustomerProblem) -> Int {
        if let slot = freeSlots.popLast() {
            problems[slot] = problem
            return slot
        }
        problems.append(problem)
        return problems.count - 1
    }

    mutating func release(_ slot: Int) {
        freeSlots.append(slot)
    }

    subscript(slot: Int) -> CustomerProblem {
        get { problems[slot] }
        set { problems[slot] = newValue }
    }
}

/// A problem whose customer wants to dial again at `time`.
struct ScheduledRedial: Comparable {
    var time: Int
    var sequence: Int
    var problem: Int

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
    }
}
