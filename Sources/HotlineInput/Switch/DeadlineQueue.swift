/// Items ordered by a deadline, earliest first (a binary min-heap): the open
/// calls in the order in which log time would give them up
/// (``OpenCallHorizon``). Checking a line's time against the earliest
/// deadline costs one comparison, so no line has to visit every open call.
///
/// An entry is not removed when its call changes: the owner inserts the new
/// deadline and skips entries that no longer match when they come due.
struct DeadlineQueue<Item> {
    private var entries: [(deadline: Int64, item: Item)] = []

    init() {}

    var count: Int { entries.count }

    mutating func insert(_ item: Item, deadline: Int64) {
        entries.append((deadline, item))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].deadline < entries[parent].deadline else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the entry with the earliest deadline if that deadline is before `time`.
    mutating func popDue(before time: Int64) -> (deadline: Int64, item: Item)? {
        guard let first = entries.first, first.deadline < time else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(from: 0)
        }
        return first
    }

    /// Keeps only the entries `isLive` accepts: the owner's way to drop
    /// entries of calls that have changed or gone before they come due.
    mutating func removeAll(keepingOnly isLive: (Item) -> Bool) {
        entries.removeAll { !isLive($0.item) }
        for index in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(from: index) }
    }

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, entries[left].deadline < entries[smallest].deadline { smallest = left }
            if right < entries.count, entries[right].deadline < entries[smallest].deadline { smallest = right }
            guard smallest != parent else { return }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
