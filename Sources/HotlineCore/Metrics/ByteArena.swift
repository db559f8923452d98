#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CPrefetch

/// Storage for many short byte strings, in blocks of 1 MiB.
///
/// This is the core's owner of raw string memory: one allocation per block
/// instead of one `[UInt8]` per key, and no block ever moves, so growth costs
/// neither a copy nor slack beyond the block being filled. A string never
/// straddles two blocks; one longer than a block gets a block of its own.
/// Strings are appended and never freed; a string stored with
/// `appendReplaceable` can be overwritten later by any string that fits the
/// room it was first given.
/// Owned by one thread at a time; the block table is a raw list so that
/// reading a string costs no reference counting, and the stored properties
/// opt out of dynamic exclusivity checks, which every key comparison would pay.
public final class ByteArena {
    /// Where a string is: block (18 bits), offset in the block (20 bits),
    /// length (26 bits: strings come from lines of at most 64 MiB).
    public struct Reference: Equatable, Sendable, BitwiseCopyable {
        fileprivate let packed: UInt64

        fileprivate init(block: Int, offset: Int, length: Int) {
            precondition(block < 1 << 18, "more than 256 GiB of keys")
            precondition(offset < 1 << 20 && length < 1 << 26, "string beyond the arena's limits")
            packed = UInt64(block) << 46 | UInt64(offset) << 26 | UInt64(length)
        }

        public var length: Int { Int(packed & (1 << 26 - 1)) }
        fileprivate var block: Int { Int(packed >> 46) }
        fileprivate var offset: Int { Int((packed >> 26) & (1 << 20 - 1)) }
    }

    private static let blockSize = 1 << 20

    @exclusivity(unchecked) private var blocks = PointerList<UnsafeMutableRawPointer>()
    /// Bytes used in the last block; a block holding one oversized string counts as full.
    @exclusivity(unchecked) private var used = 0

    public init() {}

    deinit {
        for index in 0..<blocks.count { blocks[index].deallocate() }
        blocks.deallocate()
    }

    @inline(__always)
    private func pointer(_ reference: Reference) -> UnsafeMutableRawPointer {
        blocks[reference.block] + reference.offset
    }

    /// Copies `bytes` in. The empty string needs no storage.
    @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) -> Reference {
        guard !bytes.isEmpty else { return Reference(block: 0, offset: 0, length: 0) }
        let start = reserve(bytes.count)
        let reference = Reference(block: start.block, offset: start.offset, length: bytes.count)
        pointer(reference).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        return reference
    }

    /// Copies `bytes` in behind a 4-byte record of the room they take, so that
    /// `replace` can later reuse that room for any string that fits in it.
    public func appendReplaceable(_ bytes: UnsafeRawBufferPointer) -> Reference {
        let start = reserve(MemoryLayout<UInt32>.size + bytes.count)
        let reference = Reference(block: start.block, offset: start.offset + MemoryLayout<UInt32>.size, length: bytes.count)
        (pointer(reference) - MemoryLayout<UInt32>.size).storeBytes(of: UInt32(bytes.count), as: UInt32.self)
        if let source = bytes.baseAddress, bytes.count > 0 {
            pointer(reference).copyMemory(from: source, byteCount: bytes.count)
        }
        return reference
    }

    /// Stores `bytes` in the room of a string made by `appendReplaceable` if
    /// they fit there, else in new room.
    public func replace(_ reference: Reference, with bytes: UnsafeRawBufferPointer) -> Reference {
        let room = Int((pointer(reference) - MemoryLayout<UInt32>.size).loadUnaligned(as: UInt32.self))
        guard bytes.count <= room else { return appendReplaceable(bytes) }
        if let source = bytes.baseAddress, bytes.count > 0 {
            pointer(reference).copyMemory(from: source, byteCount: bytes.count)
        }
        return Reference(block: reference.block, offset: reference.offset, length: bytes.count)
    }

    /// Room for `count` bytes, in the current block or a new one.
    @inline(__always)
    private func reserve(_ count: Int) -> (block: Int, offset: Int) {
        if blocks.count == 0 || used + count > Self.blockSize {
            blocks.append(.allocate(byteCount: max(Self.blockSize, count), alignment: 16))
            used = 0
        }
        let start = (blocks.count - 1, used)
        used = count > Self.blockSize ? Self.blockSize : used + count
        return start
    }

    /// Hints the cache line where the stored string starts.
    @inline(__always)
    public func prefetch(_ reference: Reference) {
        hotline_prefetch(pointer(reference))
    }

    /// Whether the stored string equals `other`.
    @inline(__always)
    public func equals(_ reference: Reference, _ other: UnsafeRawBufferPointer) -> Bool {
        let length = reference.length
        guard length == other.count else { return false }
        guard length > 0 else { return true }
        return Self.bytesEqual(pointer(reference), other.baseAddress!, length)
    }

    /// Word-at-a-time equality: ids are short, and a call to `memcmp` per
    /// probe costs more than comparing them inline.
    @inline(__always)
    static func bytesEqual(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if lhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rhs.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if lhs.load(fromByteOffset: offset, as: UInt8.self) != rhs.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
    }

    /// Byte-order comparison (as `memcmp`, a prefix first) of the stored string with `other`.
    @inline(__always)
    public func compare(_ reference: Reference, _ other: UnsafeRawBufferPointer) -> Int32 {
        let length = reference.length
        let common = min(length, other.count)
        if common > 0 {
            let order = memcmp(pointer(reference), other.baseAddress!, common)
            if order != 0 { return order }
        }
        return length == other.count ? 0 : (length < other.count ? -1 : 1)
    }

    /// Lends the stored string; the view is valid only inside `body`.
    @inline(__always)
    public func withBytes<Result>(_ reference: Reference,
                                  _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let length = reference.length
        return try body(UnsafeRawBufferPointer(start: length == 0 ? nil : UnsafeRawPointer(pointer(reference)), count: length))
    }
}
