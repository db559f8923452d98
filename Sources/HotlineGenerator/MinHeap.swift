/// A binary min-heap: the simulation's agenda of future redials and of
/// contacts waiting to be written in time order.
///
/// Elements with equal keys come out in an order fixed by the sequence of
/// operations alone, so the agenda is as deterministic as the rest.
struct MinHeap<Element: Comparable> {
    private var storage: [Element] = []

    var isEmpty: Bool { storage.isEmpty }
    var count: Int { storage.count }
    var minimum: Element? { storage.first }

    mutating func push(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMinimum() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        storage[0] = last
        var parent = 0
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            let child = right < count && storage[right] < storage[left] ? right : left
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            parent = child
        }
        return top
    }
}
