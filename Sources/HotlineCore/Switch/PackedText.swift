/// Bytes of a switch log copied out of its chunk, for a call that outlives
/// the chunk: the texts of one call (id, queue, caller, agent, entry line)
/// share one allocation, where an array each took five. A call is held
/// across chunks for as long as it is open, so this is most of what a log of
/// calls that never close costs per call.
///
/// `@unchecked Sendable`: the storage is written only while
/// ``packing(totalBytes:_:)`` builds the texts, and only read after.
public struct PackedText: SwitchText, @unchecked Sendable {
    private let storage: Storage
    // 32 bits: a line is at most 64 MiB, and a call's texts come from a few lines.
    private let start: UInt32
    private let count: UInt32

    /// Calls `build` with a function that copies bytes into one new
    /// allocation of `totalBytes`; `build` must copy no more than that.
    public static func packing<Result>(totalBytes: Int,
                                       _ build: (_ pack: (UnsafeRawBufferPointer) -> PackedText) -> Result) -> Result {
        let storage = unsafeDowncast(Storage.create(minimumCapacity: totalBytes) { _ in 0 }, to: Storage.self)
        return build { bytes in storage.append(bytes) }
    }

    @inline(__always)
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try storage.withUnsafeMutablePointerToElements { elements in
            try body(UnsafeRawBufferPointer(start: elements + Int(start), count: Int(count)))
        }
    }

    public func elementsEqual(_ bytes: UnsafeRawBufferPointer) -> Bool {
        withBytes { $0.elementsEqual(bytes) }
    }

    /// The bytes, with the number of bytes used as the header.
    private final class Storage: ManagedBuffer<Int, UInt8> {
        func append(_ bytes: UnsafeRawBufferPointer) -> PackedText {
            withUnsafeMutablePointers { used, elements in
                let start = used.pointee
                precondition(start + bytes.count <= capacity, "PackedText: more bytes than announced")
                if let base = bytes.baseAddress, !bytes.isEmpty {
                    UnsafeMutableRawPointer(elements + start).copyMemory(from: base, byteCount: bytes.count)
                }
                used.pointee += bytes.count
                return PackedText(storage: self, start: UInt32(start), count: UInt32(bytes.count))
            }
        }
    }
}
