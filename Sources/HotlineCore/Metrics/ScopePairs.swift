/// Numbers each (queue, local day, hour of day, handling level) cell seen in
/// the rows — a "pair" of queue and day, split by the support level that
/// handled the row (a contact's `level`, an answered call's `level`, 0 for
/// calls that no agent of a known level answered) and, in detailed reports
/// only, by local hour of day (always 0 otherwise, so a standard report has
/// at most four cells per queue and day).
///
/// All call and contact counters are kept per pair, once per row; the overall,
/// per-queue and per-day scopes are sums of pairs computed at the end. That
/// turns three scope updates per row into one. The level is one more part of
/// the cache key (docs/sla.md gives its measured cost, under 1 %), and is what
/// lets an SLA commitment restricted to a support level be measured exactly,
/// from the same tallies, at report time: there are at most four levels per
/// (queue, day). The hour is what the `by_hour` scope is summed from.
struct ScopePairs {
    private(set) var queueOfPair: [UInt32] = []
    private(set) var dayOfPair: [Int64] = []
    private(set) var hourOfPair: [UInt8] = []
    private(set) var levelOfPair: [UInt8] = []
    private var pairByKey: [Key: UInt32] = [:]
    /// Rows of one queue arrive mostly in time order: the pair used last for
    /// each (queue, level) is almost always the next one too.
    private var lastTimeBySlot: [Int64] = []
    private var lastPairBySlot: [UInt32] = []

    private struct Key: Hashable {
        var queue: UInt32
        var level: UInt8
        var hour: UInt8
        var day: Int64
    }

    /// Levels 0 (none) to 3.
    static let levels = 4

    var count: Int { queueOfPair.count }

    @inline(__always)
    mutating func pair(queue: UInt32, day: Int64, hour: UInt8, level: UInt8) -> UInt32 {
        let slot = Int(queue) &* Self.levels &+ Int(level)
        if slot < lastPairBySlot.count, lastTimeBySlot[slot] == Self.time(day: day, hour: hour) {
            return lastPairBySlot[slot]
        }
        return lookUp(queue: queue, day: day, hour: hour, level: level)
    }

    /// The pair of a cell that rows have already created, if any; no caching.
    func existingPair(queue: UInt32, day: Int64, hour: UInt8, level: UInt8) -> UInt32? {
        pairByKey[Key(queue: queue, level: level, hour: hour, day: day)]
    }

    /// Day and hour as one number, for the one-compare cache check.
    @inline(__always)
    private static func time(day: Int64, hour: UInt8) -> Int64 { day &* 24 &+ Int64(hour) }

    private mutating func lookUp(queue: UInt32, day: Int64, hour: UInt8, level: UInt8) -> UInt32 {
        precondition(level < Self.levels, "level \(level) out of 0...3")
        precondition(hour < 24, "hour \(hour) out of 0...23")
        let key = Key(queue: queue, level: level, hour: hour, day: day)
        let pair: UInt32
        if let known = pairByKey[key] {
            pair = known
        } else {
            pair = UInt32(queueOfPair.count)
            queueOfPair.append(queue)
            dayOfPair.append(day)
            hourOfPair.append(hour)
            levelOfPair.append(level)
            pairByKey[key] = pair
        }
        let slot = Int(queue) * Self.levels + Int(level)
        while lastPairBySlot.count <= slot {
            lastTimeBySlot.append(Int64.min)
            lastPairBySlot.append(0)
        }
        lastTimeBySlot[slot] = Self.time(day: day, hour: hour)
        lastPairBySlot[slot] = pair
        return pair
    }
}
