/// A file read in large blocks into one buffer allocated once, so that the
/// read path makes one system call per block and never allocates.
///
/// The unread part of the current block is `pending`; consumers take bytes
/// from it with `consume(_:)` and ask for the next block with `readMore()`.
/// Closes its file when it is released. With a checksum, every byte read
/// from the file is hashed as it arrives, so the digest is that of the bytes
/// actually read, in the one pass (a pipe cannot be read twice).
final class BlockReader {
    /// 1 MiB: large enough for few system calls, small enough to stay cheap
    /// when many inputs are open at once. Never below zstd's preferred input size.
    static func defaultCapacity(atLeast minimum: Int) -> Int {
        max(1 << 20, minimum)
    }

    let file: PosixFile
    private let storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    /// Set once `read(2)` returned 0; the reader never reads again after that.
    private(set) var atEndOfFile = false
    /// Every byte read from the file, whether still pending or handed out.
    private(set) var bytesFromFile: Int64 = 0
    /// XXH64 of the bytes read so far, when asked for.
    private(set) var checksum: XXHash64?

    init(file: PosixFile, capacity: Int, checksummed: Bool = false) {
        self.file = file
        storage = .allocate(byteCount: capacity, alignment: 16)
        checksum = checksummed ? XXHash64() : nil
    }

    deinit {
        _ = file.close()
        storage.deallocate()
    }

    /// The bytes of the current block not consumed yet.
    var pending: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: storage[start..<end])
    }

    func consume(_ count: Int) {
        start += count
    }

    /// Reads the next bytes of the file after the pending ones, moving the
    /// pending bytes to the front first when the buffer has no room after them.
    /// Sets `atEndOfFile` when the file has no more bytes; does nothing after
    /// that, or when the whole buffer is pending already.
    func readMore() throws(InputError) {
        if end == storage.count || start == end {
            compact()
        }
        guard !atEndOfFile, end < storage.count else { return }
        let count = try readFromFile(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
        end += count
    }

    /// Fills `buffer` from the pending bytes and then from the file, reading
    /// straight into `buffer` whenever it has room for a whole block so that
    /// large reads skip the copy. Returns less than `buffer.count` only at the
    /// end of the file.
    func readThrough(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let remaining = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
            if start < end {
                let count = min(end - start, remaining.count)
                remaining.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[start..<start + count]))
                start += count
                filled += count
            } else if atEndOfFile {
                break
            } else if remaining.count >= storage.count {
                filled += try readFromFile(into: remaining)
            } else {
                try readMore()
            }
        }
        return filled
    }

    /// One read from the file, counted and hashed; sets `atEndOfFile` on 0.
    private func readFromFile(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = try file.read(into: buffer)
        if count == 0 { atEndOfFile = true }
        bytesFromFile += Int64(count)
        checksum?.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        return count
    }

    private func compact() {
        let count = end - start
        if count > 0, start > 0 {
            storage.baseAddress!.copyMemory(from: storage.baseAddress! + start, byteCount: count)
        }
        start = 0
        end = count
    }
}
