import CPrefetch

/// Interns byte-string keys (customer, case, queue ids) as dense `UInt32`
/// numbers, exactly: keys are compared byte for byte, never by hash alone.
///
/// Rows hand over borrowed bytes; the table copies each new key once into an
/// arena it owns, so the hot loop allocates nothing per row. A slot holds the
/// top 32 bits of the key's hash beside its id: probes compare that
/// fingerprint before touching the arena, and since a slot's position is
/// taken from the same top bits, the table grows without rehashing a key.
///
/// Not thread-safe: each worker owns its tables, and merging maps one table's
/// ids into another's. The slots live in raw memory so that a probe is a
/// plain load, with no reference counting; the stored properties opt out of
/// dynamic exclusivity checks, which a probe would otherwise pay per row.
public final class ByteKeyTable {
    /// High 32 bits: hash fingerprint; low 32 bits: `id + 1` (0 = empty).
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    /// log2 of the slot count.
    @exclusivity(unchecked) private var slotBits: Int
    /// Set by `releaseIndex()`: the table only lends its keys.
    private var indexReleased = false
    private var slotCount: Int { 1 << slotBits }
    /// Where each id's key is stored.
    private let keys = BlockArray<ByteArena.Reference>()
    private let arena = ByteArena()

    /// Number of distinct keys.
    public var count: Int { keys.count }

    public init(expectedCount: Int = 64) {
        var bits = 4
        while 1 << bits < expectedCount * 4 / 3 + 1 { bits += 1 }
        slotBits = bits
        slots = .allocate(capacity: 1 << bits)
        slots.initialize(repeating: 0, count: 1 << bits)
    }

    deinit { slots.deallocate() }

    /// The id of `key`, added if new.
    @inline(__always)
    public func id(of key: UnsafeRawBufferPointer) -> UInt32 {
        idInsertingIfNeeded(key).id
    }

    /// The id of `key`, added if new; `hash` is `ByteHash.hash(key)`.
    @inline(__always)
    public func id(of key: UnsafeRawBufferPointer, hash: UInt64) -> UInt32 {
        idInsertingIfNeeded(key, hash: hash).id
    }

    /// The id of `key` and whether this call added it.
    @inline(__always)
    public func idInsertingIfNeeded(_ key: UnsafeRawBufferPointer) -> (id: UInt32, inserted: Bool) {
        idInsertingIfNeeded(key, hash: ByteHash.hash(key))
    }

    /// Hashes `key` and asks for the cache line of its first slot, without
    /// waiting: a lookup of the same key soon after, with the returned hash,
    /// then finds the slot in cache. Hinting the keys of several rows before
    /// looking any up lets their cache misses overlap. A hint can go stale
    /// (the table may grow before the lookup); only speed depends on it.
    ///
    /// A lookup that finds its key makes two more dependent accesses — where
    /// the id's key is stored, then its bytes — and each misses as often as the
    /// slot: `prefetchReference(hash:)` and `prefetchBytes(of:)` hint those,
    /// one stage after the other, over the same rows.
    @inline(__always)
    public func prefetchSlot(of key: UnsafeRawBufferPointer) -> UInt64 {
        let hash = ByteHash.hash(key)
        hotline_prefetch(slots + slotIndex(fingerprint: hash >> 32))
        return hash
    }

    /// Second stage: probes the slots of `hash` from its first one (hinted
    /// before) as a lookup would, but by fingerprint only and for at most
    /// `hintProbes` slots, and hints where the first key of the same
    /// fingerprint is stored. Returns that key's id, almost surely the id of
    /// the row's key; `nil` if the probe meets an empty slot first.
    @inline(__always)
    public func prefetchReference(hash: UInt64) -> UInt32? {
        let fingerprint = hash >> 32
        let mask = slotCount - 1
        var index = slotIndex(fingerprint: fingerprint)
        for _ in 0..<Self.hintProbes {
            let slot = slots[index]
            if slot == 0 { return nil }
            if slot >> 32 == fingerprint {
                let id = UInt32(truncatingIfNeeded: slot) &- 1
                keys.prefetch(Int(id))
                return id
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Slots a hint probes: at most a cache line's worth, and one more line
    /// only when the first slot lies near the end of its line.
    private static let hintProbes = 8

    /// Third stage: hints the bytes of key `id` (whose reference was hinted before).
    @inline(__always)
    public func prefetchBytes(of id: UInt32) {
        arena.prefetch(keys[Int(id)])
    }

    /// The id of `key` and whether this call added it; `hash` is `ByteHash.hash(key)`.
    @inline(__always)
    public func idInsertingIfNeeded(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (id: UInt32, inserted: Bool) {
        let fingerprint = hash >> 32
        let mask = slotCount - 1
        var index = slotIndex(fingerprint: fingerprint)
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if slot >> 32 == fingerprint {
                let id = UInt32(truncatingIfNeeded: slot) &- 1
                if arena.equals(keys[Int(id)], key) { return (id, false) }
            }
            index = (index + 1) & mask
        }
        return (insert(key, fingerprint: fingerprint, at: index), true)
    }

    /// The first slot to probe for a key: the top bits of its fingerprint.
    @inline(__always)
    private func slotIndex(fingerprint: UInt64) -> Int {
        Int(truncatingIfNeeded: fingerprint >> (32 - UInt64(slotBits)))
    }

    private func insert(_ key: UnsafeRawBufferPointer, fingerprint: UInt64, at index: Int) -> UInt32 {
        precondition(!indexReleased, "a lookup in a table whose index was released")
        precondition(keys.count < Int(UInt32.max) - 1, "more than 4 billion distinct keys")
        let id = UInt32(keys.count)
        keys.append(arena.append(key))
        slots[index] = fingerprint << 32 | UInt64(id + 1)
        if keys.count * 4 > slotCount * 3 { grow() }
        return id
    }

    /// The bytes of key `id`; valid only inside `body`.
    public func withKey<Result>(_ id: UInt32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try arena.withBytes(keys[Int(id)], body)
    }

    /// Key `id` as text (keys come from validated UTF-8 rows).
    public func string(_ id: UInt32) -> String {
        withKey(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Frees the slots, keeping the keys: for a table about to be merged away,
    /// whose keys are only lent (`withKey`) from then on, so that its index
    /// does not sit beside the growing table it merges into. A lookup after
    /// this would find no key and stops at the precondition of `insert`.
    public func releaseIndex() {
        slots.deallocate()
        slotBits = 0
        slots = .allocate(capacity: 1)
        slots.initialize(to: 0)
        indexReleased = true
    }

    /// Doubles the slots; each key's new position comes from its stored fingerprint.
    private func grow() {
        let oldSlots = slots, oldCount = slotCount
        slotBits += 1
        precondition(slotBits <= 32, "a table of more than 2³² slots")
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for oldIndex in 0..<oldCount where oldSlots[oldIndex] != 0 {
            let slot = oldSlots[oldIndex]
            var index = Int(truncatingIfNeeded: (slot >> 32) >> (32 - UInt64(slotBits)))
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
        oldSlots.deallocate()
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
