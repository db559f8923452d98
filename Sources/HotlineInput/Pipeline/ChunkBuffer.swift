/// A large byte buffer that carries decoded lines from the reader to one worker.
///
/// Hand-off rule, which is what makes `@unchecked Sendable` sound: the reader
/// takes a buffer from the pool and fills it; it then passes it to exactly one
/// worker through the work queue and never touches it again; the worker
/// returns it to the pool when done. At any time one thread owns a buffer.
final class ChunkBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    /// Valid bytes from `base`.
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
    }

    deinit { base.deallocate() }

    var freeSpace: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: base + count, count: capacity - count)
    }

    func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        if let source = bytes.baseAddress, bytes.count > 0 {
            (base + count).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
    }

    /// Doubles the capacity (or more), keeping the content: a line longer than a chunk.
    func grow(toAtLeast needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 64)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Drops the first `count` valid bytes, moving the rest to the front.
    func discardFront(_ count: Int) {
        if count < self.count { base.copyMemory(from: base + count, byteCount: self.count - count) }
        self.count = max(0, self.count - count)
    }

    /// Gives back the memory of a buffer that grew for a long line.
    func shrink(to newCapacity: Int) {
        guard capacity > newCapacity, count <= newCapacity else { return }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 64)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Offset just past the last `\n` in the valid bytes, or `nil` if there is none.
    func endOfLastLine(from start: Int = 0) -> Int? {
        var index = count
        while index > start {
            index -= 1
            if base.load(fromByteOffset: index, as: UInt8.self) == 0x0A { return index + 1 }
        }
        return nil
    }

    /// Offset of the first `\n` at or after `start`, or `nil`.
    func firstNewline(from start: Int) -> Int? {
        var index = start
        while index < count {
            if base.load(fromByteOffset: index, as: UInt8.self) == 0x0A { return index }
            index += 1
        }
        return nil
    }
}
