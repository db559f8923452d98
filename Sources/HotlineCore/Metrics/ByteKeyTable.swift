/// Interns byte-string keys (customer, case, queue ids) as dense `UInt32`
/// numbers, exactly: keys are compared byte for byte, never by hash alone.
///
/// Rows hand over borrowed bytes; the table copies each new key once into an
/// arena it owns, so the hot loop allocates nothing per row. Slots hold a
/// 32-bit hash fingerprint beside the id, so most probes never touch the arena.
///
/// Not thread-safe: each worker owns its tables, and merging maps one table's
/// ids into another's.
public final class ByteKeyTable {
    /// Open-addressing slots: high 32 bits the hash fingerprint, low 32 bits `id + 1` (0 = empty).
    private var slots: [UInt64]
    private var mask: Int
    private var keyStart: [Int] = []
    private var keyLength: [UInt32] = []
    private let arena = ByteArena()

    /// Number of distinct keys.
    public var count: Int { keyStart.count }

    public init(expectedCount: Int = 64) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The id of `key`, added if new.
    @inline(__always)
    public func id(of key: UnsafeRawBufferPointer) -> UInt32 {
        idInsertingIfNeeded(key).id
    }

    /// The id of `key` and whether this call added it.
    public func idInsertingIfNeeded(_ key: UnsafeRawBufferPointer) -> (id: UInt32, inserted: Bool) {
        let hash = ByteHash.hash(key)
        let fingerprint = hash >> 32
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if slot >> 32 == fingerprint {
                let id = UInt32(truncatingIfNeeded: slot) &- 1
                if arena.equals(start: keyStart[Int(id)], length: Int(keyLength[Int(id)]), key) {
                    return (id, false)
                }
            }
            index = (index + 1) & mask
        }
        let id = UInt32(keyStart.count)
        precondition(id < UInt32.max - 1, "more than 4 billion distinct keys")
        keyStart.append(arena.append(key))
        keyLength.append(UInt32(key.count))
        slots[index] = fingerprint << 32 | UInt64(id + 1)
        if keyStart.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The bytes of key `id`; valid until the next insertion.
    public func withKey<Result>(_ id: UInt32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try arena.withBytes(start: keyStart[Int(id)], length: Int(keyLength[Int(id)]), body)
    }

    /// Key `id` as text (keys come from validated UTF-8 rows).
    public func string(_ id: UInt32) -> String {
        withKey(id) { String(decoding: $0, as: UTF8.self) }
    }

    private func grow() {
        let newCapacity = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: newCapacity)
        let newMask = newCapacity - 1
        for slot in slots where slot != 0 {
            let id = Int(UInt32(truncatingIfNeeded: slot) &- 1)
            let hash = arena.withBytes(start: keyStart[id], length: Int(keyLength[id])) { ByteHash.hash($0) }
            var index = Int(truncatingIfNeeded: hash) & newMask
            while newSlots[index] != 0 { index = (index + 1) & newMask }
            newSlots[index] = slot
        }
        slots = newSlots
        mask = newMask
    }
}

/// A fast, deterministic 64-bit hash of a byte string (multiply–xor over
/// 8-byte words, then a full avalanche), for hash-table placement only:
/// equality is always decided on the bytes.
public enum ByteHash {
    @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return avalanche(state) }
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 29
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift
                shift += 8
                offset += 1
            }
            state = (state ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        return avalanche(state)
    }

    /// The finaliser of MurmurHash3: every input bit affects every output bit.
    @inline(__always)
    public static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
