/// An exact multiset of non-negative integers that answers nearest-rank
/// percentiles and the maximum.
///
/// Waits, attempts per customer and escalation delays are whole numbers that
/// cluster at small values: values below `denseLimit` are counted in an
/// array that grows only as far as the largest of them, the rare larger ones
/// in a dictionary. No sample is stored; memory grows with the distinct
/// values of 1 024 and more that occur (waits beyond 17 minutes, escalation
/// delays), which exact percentiles cannot do without.
public struct ValueHistogram: Equatable, Sendable {
    /// Values below this are counted in `dense`; the rest in `sparse`.
    public static let denseLimit = 1024

    private var dense: [Int64] = []
    private var sparse: [Int64: Int64] = [:]
    public private(set) var count: Int64 = 0

    public init() {}

    /// Adds `occurrences` copies of `value` (≥ 0).
    public mutating func add(_ value: Int64, occurrences: Int64 = 1) {
        precondition(value >= 0, "ValueHistogram holds non-negative values")
        count += occurrences
        if value < Int64(Self.denseLimit) {
            let index = Int(value)
            if index >= dense.count { dense.append(contentsOf: repeatElement(0, count: index + 1 - dense.count)) }
            dense[index] += occurrences
        } else {
            sparse[value, default: 0] += occurrences
        }
    }

    public mutating func merge(_ other: ValueHistogram) {
        guard other.count > 0 else { return }
        count += other.count
        if other.dense.count > dense.count {
            dense.append(contentsOf: repeatElement(0, count: other.dense.count - dense.count))
        }
        for (index, occurrences) in other.dense.enumerated() where occurrences > 0 { dense[index] += occurrences }
        sparse.merge(other.sparse, uniquingKeysWith: +)
    }

    /// The nearest-rank `p`-th percentile: the value at rank ⌈p·n/100⌉ in
    /// ascending order; `nil` when empty.
    public func percentile(_ p: Int) -> Int64? {
        percentiles([p])[0]
    }

    /// Several nearest-rank percentiles, `ps` ascending, in one pass.
    public func percentiles(_ ps: [Int]) -> [Int64?] {
        guard count > 0 else { return ps.map { _ in nil } }
        let ranks = ps.map { max(1, (Int64($0) * count + 99) / 100) }
        var results: [Int64?] = []
        var seen: Int64 = 0
        func collect(_ value: Int64, _ occurrences: Int64) {
            seen += occurrences
            while results.count < ranks.count && seen >= ranks[results.count] { results.append(value) }
        }
        for (value, occurrences) in dense.enumerated() where occurrences > 0 { collect(Int64(value), occurrences) }
        if results.count < ranks.count {
            for value in sparse.keys.sorted() { collect(value, sparse[value]!) }
        }
        precondition(results.count == ranks.count, "ranks beyond count \(count)")
        return results
    }

    /// How many values are at most `limit`: answered within any service-level
    /// threshold, chosen after the rows were read (SLA commitments).
    public func count(atMost limit: Int64) -> Int64 {
        guard limit >= 0 else { return 0 }
        let denseEnd = limit >= Int64(dense.count) ? dense.count : Int(limit) + 1
        var total = dense[..<denseEnd].reduce(0, +)
        if limit >= Int64(Self.denseLimit) {
            for (value, occurrences) in sparse where value <= limit { total += occurrences }
        }
        return total
    }

    /// Every value held with its occurrences, ascending by value.
    public var valueCounts: [ValueCount] {
        var counts = dense.enumerated().compactMap { value, occurrences in
            occurrences > 0 ? ValueCount(value: Int64(value), count: occurrences) : nil
        }
        counts += sparse.keys.sorted().map { ValueCount(value: $0, count: sparse[$0]!) }
        return counts
    }

    /// The largest value; `nil` when empty.
    public var maximum: Int64? {
        if let largeMax = sparse.keys.max() { return largeMax }
        return dense.lastIndex(where: { $0 > 0 }).map(Int64.init)
    }
}
