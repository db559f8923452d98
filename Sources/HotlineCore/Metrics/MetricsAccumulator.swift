/// Everything the report needs from the rows one worker has seen, in a form
/// that merges exactly: any split of the input into chunks, threads and files,
/// accumulated separately and merged in any order, gives the same report.
///
/// A worker owns one accumulator and feeds it without locks; `merge` folds
/// another worker's in at the end. Rows are counted per (queue, day, level)
/// pair (`ScopePairs`, split by hour in a detailed report); customers per
/// (customer, queue, day); cases per case id. Memory therefore grows with distinct customers, cases and pairs — and with the distinct
/// waits and escalation delays of 1 024 s or more, which exact percentiles
/// need — never with the rows read.
///
/// Each instance belongs to one worker thread (see `ReportJob`), so its stored
/// properties opt out of Swift's dynamic exclusivity checks, which cost about
/// a tenth of the per-row time.
public final class MetricsAccumulator {
    /// Decide, row by row, which calls count as answered in time and which abandons are short.
    public let thresholds: CallThresholds
    /// The report's time zone: each row's day is its local day there.
    public let zone: ZoneOffsets
    /// The instants `zone` puts on a day of 0001-01-01…9999-12-31
    /// (``ZoneOffsets/reportableInstants``): every input path rejects, with
    /// its line, a row outside them before it is added, so that every day
    /// number here is one a report can write.
    public let reportableInstants: Range<Int64>
    /// The one local day (days since 1970-01-01 in `zone`) whose rows count;
    /// rows of other days are only counted as outside. `nil`: every day.
    public let onlyDay: Int64?
    /// Whether to split the tallies by local hour and count each customer's
    /// useful voice contacts: what `by_hour` and the report's distributions
    /// need, and a standard report does not pay for.
    public let detailed: Bool
    @exclusivity(unchecked) private var clock: LocalClock

    private let queues = ByteKeyTable(expectedCount: 16)
    @exclusivity(unchecked) private var pairs = ScopePairs()
    @exclusivity(unchecked) private var callTallies: [CallTally] = []
    @exclusivity(unchecked) private var contactTallies: [ContactTally] = []
    private let customers = ByteKeyTable(expectedCount: 1 << 12)
    @exclusivity(unchecked) private var visits = VisitLog()
    @exclusivity(unchecked) private var cases = CaseBook()
    /// Useful phone and callback contacts per customer id (detailed reports only).
    @exclusivity(unchecked) private var usefulVoiceByCustomer: [UInt32] = []

    /// Accepted rows of each log, on the day kept.
    @exclusivity(unchecked) public private(set) var callRows: Int64 = 0
    @exclusivity(unchecked) public private(set) var contactRows: Int64 = 0
    /// Accepted rows of another day than `onlyDay`.
    @exclusivity(unchecked) public private(set) var callsOutsideDay: Int64 = 0
    @exclusivity(unchecked) public private(set) var contactsOutsideDay: Int64 = 0

    public init(thresholds: CallThresholds, zone: ZoneOffsets, onlyDay: Int64? = nil, detailed: Bool = false) {
        self.thresholds = thresholds
        self.zone = zone
        reportableInstants = zone.reportableInstants
        self.onlyDay = onlyDay
        self.detailed = detailed
        clock = LocalClock(zone: zone)
    }

    /// Counts one accepted call in its (queue, local day, level) pair and,
    /// unless anonymous, as a visit of its customer. Only an answered call has
    /// a handling level: the level of a call nobody answered means nothing.
    ///
    /// Customer metrics have no level (an SLA cannot restrict them to one), so
    /// a visit is recorded against the level-0 pair of its (queue, day): a
    /// customer's calls answered at several levels stay one visit, and the
    /// visit log grows with (customer, queue, day) as it did without levels.
    public func add(_ call: CallRecord) {
        add(call, customerHash: call.customer.isEmpty ? 0 : ByteHash.hash(call.customer))
    }

    /// Counts accepted calls as `add(_:)` does one by one, in order, while
    /// the customer-table entries of the calls a few rows ahead are requested
    /// from memory (`forEachHinted`). With 1.5 M distinct customers per GB
    /// nearly every lookup misses the cache; this way the misses overlap with
    /// other rows' work instead of stalling each row.
    public func add(_ calls: UnsafeBufferPointer<CallRecord>) {
        Self.forEachHinted(calls, table: customers, key: { $0.customer.isEmpty ? nil : $0.customer },
                          found: { _ in }, count: { call, hash in add(call, customerHash: hash) })
    }

    /// Counts accepted contacts as `add(_:)` does one by one, hinting the
    /// case table and the cases' states of the rows ahead as `add(_:)` of
    /// calls does the customer table.
    public func add(_ contacts: UnsafeBufferPointer<ContactRecord>) {
        Self.forEachHinted(contacts, table: cases.ids, key: { $0.caseID }, found: { cases.prefetchState($0) },
                          count: { contact, hash in add(contact, caseHash: hash) })
    }

    /// Rows the parser hands over at once (see `RowBatcher`): the hint
    /// pipeline of `forEachHinted` fills and drains once per hand-over.
    public static let handOverRows = 64

    /// Rows between the stages of one row's hints: a row's slot is hinted
    /// `3 × hintStride` rows before it is counted, where its key is stored
    /// `2 ×` before, the key's bytes `1 ×` before — each a few hundred
    /// nanoseconds of other rows' work, longer than a miss takes.
    private static let hintStride = 4
    /// Ring of per-row hint results: a power of two above `3 × hintStride`.
    private static let hintWindow = 16

    /// Counts `records` in order, each with its key's hash, while hinting the
    /// rows ahead in a software pipeline: for row `r + 3s` the key (`nil`:
    /// none) is hashed and its slot in `table` hinted; for row `r + 2s` the
    /// slot is read and where its key is stored hinted, with the per-id state
    /// (`found`); for row `r + s` that key's bytes; then row `r` is counted.
    /// Every access of a lookup then finds its line in cache or on its way.
    @inline(__always)
    private static func forEachHinted<Record>(_ records: UnsafeBufferPointer<Record>, table: ByteKeyTable,
                                              key: (Record) -> UnsafeRawBufferPointer?, found: (UInt32) -> Void,
                                              count: (Record, UInt64) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: hintWindow) { hashes in
            withUnsafeTemporaryAllocation(of: UInt32?.self, capacity: hintWindow) { candidates in
                let rows = records.count, ring = hintWindow - 1
                for row in -3 * hintStride..<rows {
                    let slotRow = row + 3 * hintStride, referenceRow = row + 2 * hintStride, bytesRow = row + hintStride
                    if slotRow < rows {
                        hashes[slotRow & ring] = key(records[slotRow]).map { table.prefetchSlot(of: $0) } ?? 0
                    }
                    if referenceRow >= 0 && referenceRow < rows {
                        let id = key(records[referenceRow]) == nil
                            ? nil : table.prefetchReference(hash: hashes[referenceRow & ring])
                        if let id { found(id) }
                        candidates[referenceRow & ring] = id
                    }
                    if bytesRow >= 0 && bytesRow < rows, let id = candidates[bytesRow & ring] {
                        table.prefetchBytes(of: id)
                    }
                    if row >= 0 { count(records[row], hashes[row & ring]) }
                }
            }
        }
    }

    /// `add(_:)` of one call whose customer id hashes to `customerHash` (any value if anonymous).
    @inline(__always)
    private func add(_ call: CallRecord, customerHash: UInt64) {
        let (day, hour) = localCell(of: call.arrivedAt, clock: &clock)
        if let onlyDay, day != onlyDay {
            callsOutsideDay += 1
            return
        }
        callRows += 1
        let queue = queues.id(of: call.queue)
        let level = call.outcome == .answered ? call.level : 0
        let pair = pairID(queue: queue, day: day, hour: hour, level: level)
        callTallies[Int(pair)].add(call, thresholds: thresholds)
        if !call.customer.isEmpty {
            let visitPair = level == 0 ? pair : pairID(queue: queue, day: day, hour: hour, level: 0)
            visits.record(customer: customers.id(of: call.customer, hash: customerHash), pair: visitPair,
                          answered: call.outcome == .answered)
        }
    }

    /// Counts one accepted contact in its (queue, local day, level) pair and in its case.
    public func add(_ contact: ContactRecord) {
        add(contact, caseHash: ByteHash.hash(contact.caseID))
    }

    /// `add(_:)` of one contact whose case id hashes to `caseHash`.
    @inline(__always)
    private func add(_ contact: ContactRecord, caseHash: UInt64) {
        let (day, hour) = localCell(of: contact.startedAt, clock: &clock)
        if let onlyDay, day != onlyDay {
            contactsOutsideDay += 1
            return
        }
        contactRows += 1
        let queue = queues.id(of: contact.queue)
        let pair = pairID(queue: queue, day: day, hour: hour, level: contact.level)
        contactTallies[Int(pair)].add(channel: contact.channel, result: contact.result)
        cases.add(contact, queue: queue, caseHash: caseHash)
        if detailed && contact.result.isUseful && contact.channel.isVoice && !contact.customer.isEmpty {
            countUsefulVoiceContact(customer: customers.id(of: contact.customer), contacts: 1)
        }
    }

    /// The local day of an instant and, in a detailed report, its local hour
    /// of day (0 otherwise): the time part of its pair.
    @inline(__always)
    private func localCell(of instant: Int64, clock: inout LocalClock) -> (day: Int64, hour: UInt8) {
        let local = clock.localSeconds(of: instant)
        let day = CivilDate.day(containing: local)
        return (day, detailed ? UInt8(truncatingIfNeeded: (local &- day &* 86_400) / 3600) : 0)
    }

    private func countUsefulVoiceContact(customer: UInt32, contacts: UInt32) {
        if Int(customer) >= usefulVoiceByCustomer.count {
            usefulVoiceByCustomer.append(contentsOf: repeatElement(0, count: Int(customer) + 1 - usefulVoiceByCustomer.count))
        }
        usefulVoiceByCustomer[Int(customer)] += contacts
    }

    /// The pair of a case's first contact, which its contacts created.
    private func pairOfFirstContact(_ state: CaseState, clock: inout LocalClock) -> UInt32 {
        let (day, hour) = localCell(of: state.firstInstant, clock: &clock)
        guard let pair = pairs.existingPair(queue: state.firstQueue, day: day, hour: hour, level: state.firstLevel) else {
            preconditionFailure("a case's first contact has no pair")
        }
        return pair
    }

    /// The pair's number, with empty tallies ready for it if it is new.
    @inline(__always)
    private func pairID(queue: UInt32, day: Int64, hour: UInt8, level: UInt8) -> UInt32 {
        let pair = pairs.pair(queue: queue, day: day, hour: hour, level: level)
        if Int(pair) == callTallies.count {
            callTallies.append(CallTally())
            contactTallies.append(ContactTally())
        }
        return pair
    }

    /// Folds `other` into this accumulator and empties `other` as it goes,
    /// so that two workers' customer and case state never coexist whole
    /// longer than necessary.
    public func merge(_ other: MetricsAccumulator) {
        precondition(other.thresholds == thresholds && other.zone == zone && other.onlyDay == onlyDay
                        && other.detailed == detailed, "merging accumulators of different reports")
        callRows += other.callRows
        contactRows += other.contactRows
        callsOutsideDay += other.callsOutsideDay
        contactsOutsideDay += other.contactsOutsideDay

        let queueMap = (0..<UInt32(other.queues.count)).map { id in other.queues.withKey(id) { queues.id(of: $0) } }
        var pairMap: [UInt32] = []
        pairMap.reserveCapacity(other.pairs.count)
        for otherPair in 0..<other.pairs.count {
            let pair = pairID(queue: queueMap[Int(other.pairs.queueOfPair[otherPair])], day: other.pairs.dayOfPair[otherPair],
                              hour: other.pairs.hourOfPair[otherPair], level: other.pairs.levelOfPair[otherPair])
            callTallies[Int(pair)].merge(other.callTallies[otherPair])
            contactTallies[Int(pair)].merge(other.contactTallies[otherPair])
            pairMap.append(pair)
        }

        other.customers.releaseIndex()
        other.cases.ids.releaseIndex()
        let customerMap = (0..<UInt32(other.customers.count)).map { id in other.customers.withKey(id) { customers.id(of: $0) } }
        other.visits.forEachEntry { key, attempts in
            visits.record(customer: customerMap[Int(VisitLog.customer(of: key))], pair: pairMap[Int(VisitLog.pair(of: key))],
                          answered: VisitLog.answered(key), attempts: attempts)
        }
        other.visits = VisitLog()
        for (otherCustomer, contacts) in other.usefulVoiceByCustomer.enumerated() where contacts > 0 {
            countUsefulVoiceContact(customer: customerMap[otherCustomer], contacts: contacts)
        }
        other.usefulVoiceByCustomer = []

        cases.merge(other.cases, queueMap: queueMap)
        other.cases = CaseBook()
    }

    /// The local days with a row, ascending: the report's `by_day` scopes,
    /// and the days whose periods an SLA evaluation lists.
    var days: [Int64] {
        Set(pairs.dayOfPair).sorted()
    }

    /// The report of everything accumulated. `input` is completed with the
    /// row counts; with a catalogue, the report carries its evaluation.
    public func report(parameters: ReportParameters, input: InputSummary, sla: SLACatalogue? = nil) -> Report {
        let queueOrder = (0..<UInt32(queues.count)).sorted { lhs, rhs in
            queues.withKey(lhs) { left in queues.withKey(rhs) { right in left.lexicographicallyPrecedes(right) } }
        }
        var queueSlot = [Int](repeating: 0, count: queues.count)
        for (slot, queue) in queueOrder.enumerated() { queueSlot[Int(queue)] = slot }
        let days = days
        let daySlot = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })

        let pairQueueSlot = pairs.queueOfPair.map { queueSlot[Int($0)] }
        let pairDaySlot = pairs.dayOfPair.map { daySlot[$0]! }

        var breakdown = ScopeBreakdown(queues: queues.count, days: days.count)
        for pair in 0..<pairs.count {
            breakdown.forEachScope(queue: pairQueueSlot[pair], day: pairDaySlot[pair]) { tallies in
                tallies.calls.merge(callTallies[pair])
                tallies.contacts.merge(contactTallies[pair])
            }
        }
        addCustomerTallies(to: &breakdown, pairQueueSlot: pairQueueSlot, pairDaySlot: pairDaySlot)
        addCaseTallies(to: &breakdown, queueSlot: queueSlot, daySlot: daySlot)

        var input = input
        input.calls.rows = callRows
        input.contacts.rows = contactRows
        if let onlyDay {
            input.day = DaySelection(date: CivilDate.isoDate(fromDays: onlyDay), callsOutside: callsOutsideDay,
                                     contactsOutside: contactsOutsideDay)
        }
        func evaluate(_ catalogue: SLACatalogue) -> SLAEvaluation {
            SLAEvaluator.evaluate(catalogue, accumulator: self, thresholds: thresholds,
                                  unmeasurable: input.unmeasurableMetrics)
        }
        let report = Report(
            parameters: parameters,
            input: input,
            overall: breakdown.overall.metrics,
            byQueue: queueOrder.enumerated().map { slot, queue in
                NamedScope(name: queues.string(queue), metrics: breakdown.byQueue[slot].metrics)
            },
            byDay: days.enumerated().map { slot, day in
                NamedScope(name: CivilDate.isoDate(fromDays: day), metrics: breakdown.byDay[slot].metrics)
            },
            byHour: detailed ? hourScopes() : nil,
            distributions: detailed ? distributions(answeredWaits: breakdown.overall.calls.answeredWaits) : nil,
            sla: sla.map(evaluate),
            slaByQueue: detailed ? sla.map { evaluate($0.perQueue) } : nil)
        return report.withoutUnmeasurable()
    }

    /// Customer metrics count each customer once per scope. The visit log is
    /// sorted by customer, so each customer's few visits are grouped by queue
    /// and by day on the spot, without any table of all customers per scope.
    private func addCustomerTallies(to breakdown: inout ScopeBreakdown, pairQueueSlot: [Int], pairDaySlot: [Int]) {
        visits.compact()
        var grouping: [(slot: Int, attempts: Int64, answered: Bool)] = []
        visits.forEachCustomer { keys, attempts in
            var total: Int64 = 0
            var reached = false
            for (key, count) in zip(keys, attempts) {
                total += Int64(count)
                reached = reached || VisitLog.answered(key)
            }
            breakdown.overall.customers.add(attempts: total, reached: reached)
            Self.addGroupedVisits(keys, attempts, slotOfPair: pairQueueSlot, into: &breakdown.byQueue, grouping: &grouping)
            Self.addGroupedVisits(keys, attempts, slotOfPair: pairDaySlot, into: &breakdown.byDay, grouping: &grouping)
        }
    }

    /// The hours of day that have rows, each summed over the report's days.
    private func hourScopes() -> [NamedScope] {
        tallies(scopes: 24) { Int($0.hour) }.enumerated().compactMap { hour, tallies in
            guard tallies.calls.attempts > 0 || tallies.contacts.contacts > 0 else { return nil }
            return NamedScope(name: hour < 10 ? "0\(hour)" : "\(hour)", metrics: tallies.metrics)
        }
    }

    /// Every answered wait, each customer's effort, every case's path through the levels.
    private func distributions(answeredWaits: ValueHistogram) -> ReportDistributions {
        var efforts: [CustomerEffortKey: Int64] = [:]
        var called = [Bool](repeating: false, count: customers.count)
        visits.compact()
        visits.forEachCustomer { keys, attempts in
            let customer = Int(VisitLog.customer(of: keys[keys.startIndex]))
            called[customer] = true
            let useful = customer < usefulVoiceByCustomer.count ? Int64(usefulVoiceByCustomer[customer]) : 0
            efforts[CustomerEffortKey(attempts: attempts.reduce(0) { $0 + Int64($1) }, useful: useful), default: 0] += 1
        }
        for (customer, useful) in usefulVoiceByCustomer.enumerated() where useful > 0 && !called[customer] {
            efforts[CustomerEffortKey(attempts: 0, useful: Int64(useful)), default: 0] += 1
        }
        var paths: [EscalationPathKey: Int64] = [:]
        for index in 0..<cases.count {
            let state = cases.state(index)
            paths[EscalationPathKey(from: state.firstLevel, to: state.highestLevel), default: 0] += 1
        }
        return ReportDistributions(
            answeredWaits: answeredWaits.valueCounts,
            customerEfforts: efforts.map { CustomerEffort(attempts: $0.attempts, usefulVoiceContacts: $0.useful, customers: $1) }
                .sorted { ($0.attempts, $0.usefulVoiceContacts) < ($1.attempts, $1.usefulVoiceContacts) },
            escalationPaths: paths.map { EscalationPath(from: $0.from, to: $0.to, cases: $1) }
                .sorted { ($0.from, $0.to) < ($1.from, $1.to) })
    }

    private struct CustomerEffortKey: Hashable {
        var attempts: Int64
        var useful: Int64
    }

    private struct EscalationPathKey: Hashable {
        var from: UInt8
        var to: UInt8
    }

    /// The tallies of `count` scopes made of whole pairs, each measured
    /// exactly as a report scope is: `scopeOf` puts a pair — its queue's
    /// name, its local day, hour (detailed reports) and handling level — in
    /// one scope (`0..<count`) or in none. Tallies and histograms are summed over the pairs, each
    /// customer counts once per scope over its visits there, and each case in
    /// the scope of its first contact's pair. This is how any set of queues,
    /// days and levels (an SLA service over a week, at level 2) is measured at
    /// report time. Customer visits sit in level-0 pairs (see `add(_:)` for
    /// calls): a scope that leaves level 0 out has no customer metrics.
    func tallies(scopes count: Int, scopeOf: (PairCell) -> Int?) -> [ScopeTallies] {
        let queueNames = (0..<UInt32(queues.count)).map { queues.string($0) }
        let slotOfPair = (0..<pairs.count).map { pair in
            scopeOf(PairCell(queue: queueNames[Int(pairs.queueOfPair[pair])], day: pairs.dayOfPair[pair],
                             hour: pairs.hourOfPair[pair], level: pairs.levelOfPair[pair])) ?? -1
        }
        var scopes = Array(repeating: ScopeTallies(), count: count)
        for pair in 0..<pairs.count where slotOfPair[pair] >= 0 {
            scopes[slotOfPair[pair]].calls.merge(callTallies[pair])
            scopes[slotOfPair[pair]].contacts.merge(contactTallies[pair])
        }
        visits.compact()
        var grouping: [(slot: Int, attempts: Int64, answered: Bool)] = []
        visits.forEachCustomer { keys, attempts in
            Self.addGroupedVisits(keys, attempts, slotOfPair: slotOfPair, into: &scopes, grouping: &grouping)
        }
        var caseClock = LocalClock(zone: zone)
        for index in 0..<cases.count {
            let state = cases.state(index)
            let slot = slotOfPair[Int(pairOfFirstContact(state, clock: &caseClock))]
            if slot >= 0 { scopes[slot].cases.add(state) }
        }
        return scopes
    }

    /// Adds one customer to each scope its visits fall in, with the attempts
    /// it made there; visits in pairs of slot -1 belong to no scope.
    private static func addGroupedVisits(_ keys: ArraySlice<UInt64>, _ attempts: ArraySlice<UInt32>, slotOfPair: [Int],
                                         into scopes: inout [ScopeTallies],
                                         grouping: inout [(slot: Int, attempts: Int64, answered: Bool)]) {
        if keys.count == 1 {
            let key = keys[keys.startIndex]
            let slot = slotOfPair[Int(VisitLog.pair(of: key))]
            if slot >= 0 {
                scopes[slot].customers.add(attempts: Int64(attempts[attempts.startIndex]), reached: VisitLog.answered(key))
            }
            return
        }
        grouping.removeAll(keepingCapacity: true)
        for (key, count) in zip(keys, attempts) {
            let slot = slotOfPair[Int(VisitLog.pair(of: key))]
            if slot >= 0 { grouping.append((slot, Int64(count), VisitLog.answered(key))) }
        }
        grouping.sort { $0.slot < $1.slot }
        var index = 0
        while index < grouping.count {
            let slot = grouping[index].slot
            var total: Int64 = 0
            var reached = false
            while index < grouping.count && grouping[index].slot == slot {
                total += grouping[index].attempts
                reached = reached || grouping[index].answered
                index += 1
            }
            scopes[slot].customers.add(attempts: total, reached: reached)
        }
    }

    /// Each case counts once, in the queue and on the local day of its first contact.
    private func addCaseTallies(to breakdown: inout ScopeBreakdown, queueSlot: [Int], daySlot: [Int64: Int]) {
        var caseClock = LocalClock(zone: zone)
        for index in 0..<cases.count {
            let state = cases.state(index)
            let day = daySlot[caseClock.day(of: state.firstInstant)]!
            breakdown.forEachScope(queue: queueSlot[Int(state.firstQueue)], day: day) { tallies in
                tallies.cases.add(state)
            }
        }
    }
}

/// Where a pair's rows fall: what a scope made of whole pairs is chosen by.
struct PairCell {
    var queue: String
    /// Days since 1970-01-01 in the report's zone.
    var day: Int64
    /// Local hour of day; always 0 unless the report is detailed.
    var hour: UInt8
    var level: UInt8
}

/// The four tallies of one scope.
struct ScopeTallies {
    var calls = CallTally()
    var customers = CustomerTally()
    var contacts = ContactTally()
    var cases = CaseTally()

    var metrics: ScopeMetrics { ScopeMetrics(calls: calls, customers: customers, contacts: contacts, cases: cases) }
}

/// The tallies of every scope of a report: overall, per queue slot, per day slot.
struct ScopeBreakdown {
    var overall = ScopeTallies()
    var byQueue: [ScopeTallies]
    var byDay: [ScopeTallies]

    init(queues: Int, days: Int) {
        byQueue = Array(repeating: ScopeTallies(), count: queues)
        byDay = Array(repeating: ScopeTallies(), count: days)
    }

    /// Applies `update` to the three scopes a row or case of (queue, day) belongs to.
    mutating func forEachScope(queue: Int, day: Int, _ update: (inout ScopeTallies) -> Void) {
        update(&overall)
        update(&byQueue[queue])
        update(&byDay[day])
    }
}
