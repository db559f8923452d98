/// A time zone as a sorted table of UTC offsets, so that the hot loop never calls a calendar.
///
/// Reporting by day in the report's time zone (SPEC §3) needs the UTC offset
/// of every row's instant. A zone's whole history is a few hundred intervals
/// of constant offset, so it is built once (from the system's time zone
/// database, in `HotlineInput`) and then looked up with integer compares only.
/// Transitions that do not change the offset are dropped on construction, so
/// two tables that give the same offset at every instant compare equal.
public struct ZoneOffsets: Sendable, Equatable {
    /// The offset (seconds east of UTC) before the first transition.
    public let initialOffset: Int32
    /// Instants (UTC seconds) at which the offset changes, strictly ascending.
    @usableFromInline let starts: [Int64]
    /// `offsets[i]` applies from `starts[i]` (inclusive) to `starts[i + 1]` (exclusive).
    @usableFromInline let offsets: [Int32]

    /// Coordinated Universal Time: offset 0 at every instant.
    public static let utc = ZoneOffsets(initialOffset: 0, transitions: [])

    /// A zone whose offset is `initialOffset` until the first transition; each
    /// transition's `offset` applies from instant `at` (UTC seconds) on.
    ///
    /// - Precondition: the `at` values are strictly ascending.
    public init(initialOffset: Int32, transitions: [(at: Int64, offset: Int32)]) {
        var starts: [Int64] = []
        var offsets: [Int32] = []
        var current = initialOffset
        var previousStart = Int64.min
        for (index, transition) in transitions.enumerated() {
            precondition(index == 0 || transition.at > previousStart, "transitions must be strictly ascending")
            previousStart = transition.at
            if transition.offset != current {
                starts.append(transition.at)
                offsets.append(transition.offset)
                current = transition.offset
            }
        }
        self.initialOffset = initialOffset
        self.starts = starts
        self.offsets = offsets
    }

    /// The transitions that change the offset, in order: each `offset` applies from `at` on.
    public var transitions: [(at: Int64, offset: Int32)] {
        zip(starts, offsets).map { (at: $0, offset: $1) }
    }

    /// The offset (seconds east of UTC) in effect at a UTC instant, by binary search.
    public func offset(at instant: Int64) -> Int32 {
        interval(containing: instant).offset
    }

    /// The interval of constant offset that contains `instant`: `[start, end)`,
    /// with `Int64.min` / `Int64.max` standing for "no transition before / after".
    @usableFromInline
    func interval(containing instant: Int64) -> (start: Int64, end: Int64, offset: Int32) {
        // Index of the first transition after `instant`.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= instant {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let end = low < starts.count ? starts[low] : Int64.max
        if low == 0 {
            return (Int64.min, end, initialOffset)
        }
        return (starts[low - 1], end, offsets[low - 1])
    }
}
