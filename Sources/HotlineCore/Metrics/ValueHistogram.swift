/// An exact multiset of non-negative integers that answers nearest-rank
/// percentiles and the maximum.
///
/// Waits, attempts per customer and escalation delays are whole numbers that
/// cluster at small values, so a dense counting array for small values plus a
/// dictionary for the rare large ones is both exact and cheap to update and to
/// merge — no sample is ever stored, so memory does not grow with the input.
public struct ValueHistogram: Equatable, Sendable {
    /// Values below this are counted in `dense`; the rest in `sparse`.
    public static let denseLimit = 1024

    private var dense: [Int64] = []
    private var sparse: [Int64: Int64] = [:]
    public private(set) var count: Int64 = 0

    public init() {}

    /// Adds `occurrences` copies of `value` (≥ 0).
    @inlinable
    public mutating func add(_ value: Int64, occurrences: Int64 = 1) {
        addCounted(value, occurrences)
    }

    @usableFromInline
    mutating func addCounted(_ value: Int64, _ occurrences: Int64) {
        precondition(value >= 0, "ValueHistogram holds non-negative values")
        count += occurrences
        if value < Int64(Self.denseLimit) {
            if dense.isEmpty { dense = Array(repeating: 0, count: Self.denseLimit) }
            dense[Int(value)] += occurrences
        } else {
            sparse[value, default: 0] += occurrences
        }
    }

    public mutating func merge(_ other: ValueHistogram) {
        guard other.count > 0 else { return }
        count += other.count
        if !other.dense.isEmpty {
            if dense.isEmpty {
                dense = other.dense
            } else {
                for index in 0..<Self.denseLimit { dense[index] += other.dense[index] }
            }
        }
        sparse.merge(other.sparse, uniquingKeysWith: +)
    }

    /// The nearest-rank `p`-th percentile: the value at rank ⌈p·n/100⌉ in
    /// ascending order; `nil` when empty.
    public func percentile(_ p: Int) -> Int64? {
        guard count > 0 else { return nil }
        let rank = max(1, (Int64(p) * count + 99) / 100)
        var seen: Int64 = 0
        for (value, occurrences) in dense.enumerated() where occurrences > 0 {
            seen += occurrences
            if seen >= rank { return Int64(value) }
        }
        for value in sparse.keys.sorted() {
            seen += sparse[value]!
            if seen >= rank { return value }
        }
        preconditionFailure("rank \(rank) beyond count \(count)")
    }

    /// The largest value; `nil` when empty.
    public var maximum: Int64? {
        if let largeMax = sparse.keys.max() { return largeMax }
        return dense.lastIndex(where: { $0 > 0 }).map(Int64.init)
    }

    /// How many values are ≤ `limit` (for the service level at any threshold).
    public func count(atMost limit: Int64) -> Int64 {
        guard limit >= 0 else { return 0 }
        var total: Int64 = 0
        for (value, occurrences) in dense.enumerated() where Int64(value) <= limit { total += occurrences }
        for (value, occurrences) in sparse where value <= limit { total += occurrences }
        return total
    }
}
