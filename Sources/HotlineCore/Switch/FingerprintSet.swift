/// A set of 64-bit fingerprints in one flat open-addressing table: 8 bytes
/// (at most 16 at the lowest load) per member, no per-member allocation.
///
/// Holds what must be remembered for a whole run at one word per call: the
/// `ENTERQUEUE` lines already read (to recognise a log read twice), and the
/// queue_log's call ids (to keep a CDR from counting a queued call again).
/// Two different lines share a fingerprint with a probability of about
/// n² / 2⁶⁵ — about one in 370 000 for ten million calls.
public struct FingerprintSet: Sendable {
    private var slots: [UInt64] = Array(repeating: 0, count: 1 << 10)
    public private(set) var count = 0

    public init() {}

    /// Inserts `fingerprint`; false if it was already there.
    public mutating func insert(_ fingerprint: UInt64) -> Bool {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let key = fingerprint == 0 ? 1 : fingerprint
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: key >> 7) & mask
        while true {
            let stored = slots[position]
            if stored == key { return false }
            if stored == 0 {
                slots[position] = key
                count += 1
                return true
            }
            position = (position + 1) & mask
        }
    }

    public func contains(_ fingerprint: UInt64) -> Bool {
        let key = fingerprint == 0 ? 1 : fingerprint
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: key >> 7) & mask
        while true {
            let stored = slots[position]
            if stored == key { return true }
            if stored == 0 { return false }
            position = (position + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        count = 0
        for key in old where key != 0 { _ = insert(key) }
    }
}
