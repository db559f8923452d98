/// A file opened for reading decoded bytes; compression detected by content, never by name.
///
/// Plain files are read through as they are; zstd files (one or more frames,
/// skippable frames anywhere, as `zstd`, `pzstd` and `cat a.zst b.zst` write
/// them) are decoded on the fly, so a file far larger than memory needs only
/// one input block and the caller's buffer. One thread at a time.
///
/// A zstd file that ends inside a frame fails with `truncatedZstd`, but one
/// cut exactly at a frame boundary is a valid, shorter stream that nothing
/// can tell apart from the original: multi-frame files are only as safe as
/// the transfer that produced them.
public final class DecodedInput {
    public let path: String
    public let compression: InputCompression
    /// Size on disk (st_size); 0 for a pipe.
    public let fileSize: Int64
    /// Bytes read from the file so far — SPEC `bytes_read` once the file is
    /// read to the end (its size on disk, and what a pipe delivered).
    public var bytesRead: Int64 { reader?.bytesFromFile ?? bytesReadWhenClosed }
    private var bytesReadWhenClosed: Int64 = 0
    /// Decoded bytes handed out so far — SPEC `bytes_decoded` once the file is read to the end.
    public private(set) var bytesDecoded: Int64 = 0
    /// With `checksummed`: the XXH64 (hex, as `xxhsum -H64` prints it) of
    /// the bytes read from the file so far, as stored — compressed bytes for
    /// a zstd file. Once the input is read to the end, the checksum of the
    /// whole file as this run read it, even from a pipe.
    public var checksum: String? { reader?.checksum?.hexDigest ?? checksumWhenClosed }
    private var checksumWhenClosed: String?

    /// Both nil once closed: closing releases the descriptor, the 1 MiB block
    /// and the zstd decoder even while the object itself lives on for its counters.
    private var reader: BlockReader?
    private var decoder: ZstdStreamDecoder?

    /// Opens `path` and reads its first block to detect the compression.
    /// Throws `InputError.cannotOpen` for a missing or unreadable file or a
    /// directory, `readFailed` if that first read fails. A zstd frame may
    /// ask for a window of at most 2^`maxWindowLog` bytes (``ZstdWindow``).
    /// `checksummed` hashes the bytes as they are read (see `checksum`).
    public init(path: String, maxWindowLog: Int = ZstdWindow.defaultLog, checksummed: Bool = false) throws {
        self.path = path
        let (file, size) = try PosixFile.openForReading(path)
        fileSize = size
        let reader = BlockReader(
            file: file,
            capacity: BlockReader.defaultCapacity(atLeast: ZstdStreamDecoder.recommendedInputSize),
            checksummed: checksummed
        )
        while reader.pending.count < InputCompression.sniffLength, !reader.atEndOfFile {
            try reader.readMore()
        }
        compression = InputCompression.detect(prefix: reader.pending)
        if compression == .zstd {
            decoder = try ZstdStreamDecoder(path: path, maxWindowLog: maxWindowLog)
        }
        self.reader = reader
    }

    deinit {
        close()
    }

    /// Fills `buffer` as far as possible; returns fewer bytes than buffer.count only at the end of the input, 0 once the input is exhausted.
    ///
    /// Any buffer size works, down to 1 byte, with the same bytes in the end;
    /// large buffers (1 MiB and up) are fastest. An empty buffer reads nothing.
    /// Throws `truncatedZstd` or `corruptZstd` instead of ever ending a
    /// damaged zstd file early, `readFailed` for I/O errors or a closed input.
    /// The call that meets the damage throws (rather than returning a short
    /// read that a caller could take for the end), and the bytes it decoded
    /// before are not counted: the error is fatal for the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let reader else {
            throw InputError.readFailed(path: path, reason: "the input is closed")
        }
        let count = if let decoder {
            try decoder.decode(into: buffer, from: reader)
        } else {
            try reader.readThrough(into: buffer)
        }
        bytesDecoded += Int64(count)
        return count
    }

    /// Releases the file and buffers; idempotent. `fileSize`, the byte
    /// counts and `checksum` stay readable.
    public func close() {
        bytesReadWhenClosed = bytesRead
        checksumWhenClosed = checksum
        reader = nil
        decoder = nil
    }
}
