/// For each (customer, scope pair): how many attempts, and whether one was answered.
///
/// Per-customer state is where random memory access costs most, so calls are
/// not looked up in a table: each call appends one packed word to a pending
/// buffer (sequential writes), and when the buffer is as large as what is
/// already known it is radix-sorted and folded into one sorted run of
/// distinct visits. Memory is therefore proportional to distinct visits
/// (12 bytes each, with at most a quarter more pending), never to rows, and
/// the final run is already grouped by customer.
struct VisitLog {
    /// `customer << 32 | pair << 1 | answered`; `pair` < 2³¹.
    private var pendingKeys: [UInt64] = []
    private var pendingAttempts: [UInt32] = []
    /// Sorted by (customer, pair); the low bit says whether any attempt was
    /// answered. A visit has one entry, or several in the (physically
    /// impossible) case of more than 2³² − 1 attempts: readers sum entries.
    private(set) var keys: [UInt64] = []
    private(set) var attempts: [UInt32] = []
    private static let minimumPending = 1 << 16

    static func packedKey(customer: UInt32, pair: UInt32, answered: Bool) -> UInt64 {
        precondition(pair < 1 << 31, "more than 2³¹ (queue, day) pairs")
        return UInt64(customer) << 32 | UInt64(pair) << 1 | (answered ? 1 : 0)
    }

    @inline(__always)
    mutating func record(customer: UInt32, pair: UInt32, answered: Bool, attempts count: UInt32 = 1) {
        pendingKeys.append(Self.packedKey(customer: customer, pair: pair, answered: answered))
        pendingAttempts.append(count)
        if pendingKeys.count >= max(Self.minimumPending, keys.count / 4) { compact() }
    }

    /// Folds the pending visits into the sorted run.
    mutating func compact() {
        guard !pendingKeys.isEmpty else { return }
        RadixSort.sort(keys: &pendingKeys, values: &pendingAttempts)
        var mergedKeys: [UInt64] = []
        var mergedAttempts: [UInt32] = []
        mergedKeys.reserveCapacity(keys.count + pendingKeys.count)
        mergedAttempts.reserveCapacity(keys.count + pendingKeys.count)
        var known = 0, pending = 0
        while known < keys.count || pending < pendingKeys.count {
            let nextVisit = min(known < keys.count ? keys[known] >> 1 : .max,
                                pending < pendingKeys.count ? pendingKeys[pending] >> 1 : .max)
            var total: UInt32 = 0
            var answered: UInt64 = 0
            func add(_ count: UInt32, _ key: UInt64) {
                let (sum, overflow) = total.addingReportingOverflow(count)
                if overflow {
                    mergedKeys.append(nextVisit << 1 | answered)
                    mergedAttempts.append(total)
                    total = count
                } else {
                    total = sum
                }
                answered |= key & 1
            }
            while known < keys.count && keys[known] >> 1 == nextVisit {
                add(attempts[known], keys[known])
                known += 1
            }
            while pending < pendingKeys.count && pendingKeys[pending] >> 1 == nextVisit {
                add(pendingAttempts[pending], pendingKeys[pending])
                pending += 1
            }
            mergedKeys.append(nextVisit << 1 | answered)
            mergedAttempts.append(total)
        }
        keys = mergedKeys
        attempts = mergedAttempts
        pendingKeys.removeAll(keepingCapacity: true)
        pendingAttempts.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with every recorded entry, sorted or pending, in no
    /// particular order: what a merge needs, without compacting first (which
    /// would hold a second copy of the log while the two workers' state coexist).
    func forEachEntry(_ body: (_ key: UInt64, _ attempts: UInt32) -> Void) {
        for (key, count) in zip(keys, attempts) { body(key, count) }
        for (key, count) in zip(pendingKeys, pendingAttempts) { body(key, count) }
    }

    /// Calls `body` once per customer, in customer order, with that customer's visits.
    /// Requires a compacted log.
    func forEachCustomer(_ body: (_ visits: ArraySlice<UInt64>, _ attempts: ArraySlice<UInt32>) -> Void) {
        precondition(pendingKeys.isEmpty, "compact before reading")
        var start = 0
        while start < keys.count {
            let customer = keys[start] >> 32
            var end = start + 1
            while end < keys.count && keys[end] >> 32 == customer { end += 1 }
            body(keys[start..<end], attempts[start..<end])
            start = end
        }
    }

    static func customer(of key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) }
    static func pair(of key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 1) & 0x7FFF_FFFF }
    static func answered(_ key: UInt64) -> Bool { key & 1 == 1 }
}
