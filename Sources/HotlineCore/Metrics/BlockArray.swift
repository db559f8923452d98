/// A growable array stored in fixed-size blocks.
///
/// Appending never moves an element: a table of millions of cases grows one
/// block at a time, without the doubling slack and the transient second copy
/// of a contiguous `Array` — which, for the largest per-case table, was the
/// peak of a report's memory.
final class BlockArray<Element: BitwiseCopyable> {
    private static var blockShift: Int { 14 }
    private static var blockSize: Int { 1 << blockShift }

    private var blocks: [UnsafeMutablePointer<Element>] = []
    private(set) var count = 0

    init() {}

    deinit {
        for block in blocks { block.deallocate() }
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
