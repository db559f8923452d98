/// Numbers each (queue, local day) pair seen in the rows.
///
/// All call and contact counters are kept per pair, once per row; the overall,
/// per-queue and per-day scopes are sums of pairs computed at the end. That
/// turns three scope updates per row into one.
struct ScopePairs {
    private(set) var queueOfPair: [UInt32] = []
    private(set) var dayOfPair: [Int64] = []
    private var pairByKey: [UInt64: UInt32] = [:]
    /// Rows of one queue arrive mostly in time order: the pair used last for
    /// each queue is almost always the next one too.
    private var lastDayByQueue: [Int64] = []
    private var lastPairByQueue: [UInt32] = []

    var count: Int { queueOfPair.count }

    @inline(__always)
    mutating func pair(queue: UInt32, day: Int64) -> UInt32 {
        let queueIndex = Int(queue)
        if queueIndex < lastPairByQueue.count, lastDayByQueue[queueIndex] == day {
            return lastPairByQueue[queueIndex]
        }
        return lookUp(queue: queue, day: day)
    }

    private mutating func lookUp(queue: UInt32, day: Int64) -> UInt32 {
        let key = UInt64(queue) << 32 | UInt64(UInt32(truncatingIfNeeded: day))
        let pair: UInt32
        if let known = pairByKey[key] {
            pair = known
        } else {
            pair = UInt32(queueOfPair.count)
            queueOfPair.append(queue)
            dayOfPair.append(day)
            pairByKey[key] = pair
        }
        while lastPairByQueue.count <= Int(queue) {
            lastDayByQueue.append(Int64.min)
            lastPairByQueue.append(0)
        }
        lastDayByQueue[Int(queue)] = day
        lastPairByQueue[Int(queue)] = pair
        return pair
    }
}
