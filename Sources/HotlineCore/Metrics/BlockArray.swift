import CPrefetch

/// A growable array stored in fixed-size blocks.
///
/// Appending never moves an element: a table of millions of cases grows one
/// block at a time, without the doubling slack and the transient second copy
/// of a contiguous `Array` — which, for the largest per-case table, was the
/// peak of a report's memory. The block table is a raw pointer rather than an
/// `Array`, so that reading an element costs no reference counting; an
/// instance is owned by one thread at a time, like the accumulator that holds
/// it, so its stored properties opt out of dynamic exclusivity checks: every
/// read of an element reads them.
final class BlockArray<Element: BitwiseCopyable> {
    private static var blockShift: Int { 14 }
    private static var blockSize: Int { 1 << blockShift }

    @exclusivity(unchecked) private var blocks = PointerList<UnsafeMutablePointer<Element>>()
    @exclusivity(unchecked) private(set) var count = 0

    init() {}

    deinit {
        for index in 0..<blocks.count { blocks[index].deallocate() }
        blocks.deallocate()
    }

    @inline(__always)
    private func address(_ index: Int) -> UnsafeMutablePointer<Element> {
        precondition(index >= 0 && index < count, "BlockArray index out of range")
        return blocks[index >> Self.blockShift] + (index & (Self.blockSize - 1))
    }

    subscript(index: Int) -> Element {
        @inline(__always) get { address(index).pointee }
        @inline(__always) set { address(index).pointee = newValue }
    }

    /// Hints the cache line where element `index` starts, if it exists.
    @inline(__always)
    func prefetch(_ index: Int) {
        guard index >= 0 && index < count else { return }
        hotline_prefetch(blocks[index >> Self.blockShift] + (index & (Self.blockSize - 1)))
    }

    /// Mutates element `index` in place.
    @inline(__always)
    func update<Result>(_ index: Int, _ body: (inout Element) -> Result) -> Result {
        body(&address(index).pointee)
    }

    @inline(__always)
    func append(_ element: Element) {
        if count == blocks.count << Self.blockShift {
            blocks.append(.allocate(capacity: Self.blockSize))
        }
        (blocks[count >> Self.blockShift] + (count & (Self.blockSize - 1))).initialize(to: element)
        count += 1
    }
}

/// A short, growable list of trivial values (block pointers) in raw memory.
/// The owner deallocates it; reading an element is a plain load.
struct PointerList<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    @inline(__always)
    subscript(index: Int) -> Element { base![index] }

    mutating func append(_ element: Element) {
        if count == capacity {
            capacity = max(8, capacity * 2)
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            if let base {
                grown.initialize(from: base, count: count)
                base.deallocate()
            }
            base = grown
        }
        (base! + count).initialize(to: element)
        count += 1
    }

    func deallocate() { base?.deallocate() }
}
