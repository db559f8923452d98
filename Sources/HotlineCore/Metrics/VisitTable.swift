/// For each (customer, scope pair): how many attempts, and whether one was answered.
///
/// An open-addressing table on packed 64-bit keys: the per-customer state is
/// where random memory access costs most, so it is kept as two flat arrays
/// rather than a dictionary of structs.
struct VisitTable {
    private static let emptyKey = UInt64.max
    private var keys: [UInt64]
    /// `attempts << 1 | answered`.
    private var values: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(expectedCount: Int = 1 << 12) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        keys = Array(repeating: Self.emptyKey, count: capacity)
        values = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    static func key(customer: UInt32, pair: UInt32) -> UInt64 { UInt64(customer) << 32 | UInt64(pair) }

    @inline(__always)
    mutating func record(customer: UInt32, pair: UInt32, attempts: UInt64 = 1, answered: Bool) {
        let key = Self.key(customer: customer, pair: pair)
        var index = Int(truncatingIfNeeded: ByteHash.avalanche(key)) & mask
        while true {
            let found = keys[index]
            if found == key {
                values[index] = (values[index] &+ attempts << 1) | (answered ? 1 : 0)
                return
            }
            if found == Self.emptyKey { break }
            index = (index + 1) & mask
        }
        keys[index] = key
        values[index] = attempts << 1 | (answered ? 1 : 0)
        count += 1
        if count * 2 > keys.count { grow() }
    }

    /// Calls `body` once per (customer, pair) with its attempts and whether one was answered.
    func forEach(_ body: (_ customer: UInt32, _ pair: UInt32, _ attempts: UInt64, _ answered: Bool) -> Void) {
        for index in keys.indices where keys[index] != Self.emptyKey {
            let key = keys[index]
            body(UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key), values[index] >> 1, values[index] & 1 == 1)
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: Self.emptyKey, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for index in oldKeys.indices where oldKeys[index] != Self.emptyKey {
            var slot = Int(truncatingIfNeeded: ByteHash.avalanche(oldKeys[index])) & mask
            while keys[slot] != Self.emptyKey { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
