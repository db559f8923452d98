/// How an input file's bytes are stored on disk.
public enum InputCompression: Sendable, Equatable {
    case none
    case zstd

    /// Bytes needed to tell the formats apart: one little-endian frame magic number.
    static let sniffLength = 4

    /// Decides by content, never by file name, because nightly jobs rename,
    /// pipe and re-compress logs freely.
    ///
    /// A zstd frame starts with `28 B5 2F FD`; a skippable frame with
    /// `5? 2A 4D 18` (pzstd writes one first). Anything else, including a file
    /// shorter than four bytes, is plain text: a zstd file cut inside its very
    /// first magic number is therefore read as plain bytes, which the CSV layer
    /// then rejects as a header that is not UTF-8.
    static func detect(prefix: UnsafeRawBufferPointer) -> InputCompression {
        guard prefix.count >= sniffLength else { return .none }
        if prefix[0] == 0x28, prefix[1] == 0xB5, prefix[2] == 0x2F, prefix[3] == 0xFD {
            return .zstd
        }
        if prefix[0] & 0xF0 == 0x50, prefix[1] == 0x2A, prefix[2] == 0x4D, prefix[3] == 0x18 {
            return .zstd
        }
        return .none
    }
}
