#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Append-only storage for many short byte strings in one growing block.
///
/// This is the core's only owner of raw memory: one allocation that doubles as
/// it fills, instead of one `[UInt8]` per key. Offsets, not pointers, name the
/// strings, so growth never invalidates them.
public final class ByteArena {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    public private(set) var count = 0

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// Copies `bytes` in and returns the offset where they start.
    @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) -> Int {
        let start = count
        if count + bytes.count > capacity { grow(toFit: count + bytes.count) }
        if let source = bytes.baseAddress, bytes.count > 0 {
            (base + start).copyMemory(from: source, byteCount: bytes.count)
        }
        count += bytes.count
        return start
    }

    /// Overwrites stored bytes from `start` on; the caller guarantees they fit
    /// inside a string it owns (used to recycle a slot for a shorter string).
    @inline(__always)
    public func overwrite(start: Int, with bytes: UnsafeRawBufferPointer) {
        precondition(start + bytes.count <= count, "overwrite beyond the stored bytes")
        if let source = bytes.baseAddress, bytes.count > 0 {
            (base + start).copyMemory(from: source, byteCount: bytes.count)
        }
    }

    /// Whether the string at `start` of `length` bytes equals `other`.
    @inline(__always)
    public func equals(start: Int, length: Int, _ other: UnsafeRawBufferPointer) -> Bool {
        guard length == other.count else { return false }
        guard length > 0 else { return true }
        return memcmp(base + start, other.baseAddress!, length) == 0
    }

    /// Byte-order comparison (as `memcmp`, shorter prefix first) of a stored string with `other`.
    @inline(__always)
    public func compare(start: Int, length: Int, _ other: UnsafeRawBufferPointer) -> Int32 {
        let common = min(length, other.count)
        if common > 0 {
            let order = memcmp(base + start, other.baseAddress!, common)
            if order != 0 { return order }
        }
        return length == other.count ? 0 : (length < other.count ? -1 : 1)
    }

    /// Lends the stored string; the view is valid only inside `body`.
    @inline(__always)
    public func withBytes<Result>(start: Int, length: Int,
                                  _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base + start, count: length))
    }

    private func grow(toFit needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
